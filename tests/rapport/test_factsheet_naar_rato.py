"""A factsheet names a gemeente's corporation stock for what it is: its own CBS count, no provincial share."""

from woonzorg_lib.data.basis import basisgegevens
from woonzorg_lib.rapport.factsheet import KORTE_BRONNEN, korte_bron


def test_the_counted_stock_is_named_as_the_gemeentes_own_cbs_count():
    basis = basisgegevens()
    voorraad = basis.loc[(basis["gemeentecode"] == "GM0479") & (basis["indicator"] == "corporatiewoningen"), "bron"].item()
    verhuringen = f"corporatiewoningen ({voorraad}) × mutatiegraad 0,0696"
    assert korte_bron(verhuringen) == "CBS: corporatiewoningen van de gemeente (telling), met een landelijke mutatiegraad"


def test_no_short_source_speaks_of_a_provincial_share_any_more():
    assert not any("provincie" in kort or "naar rato" in sleutel and "aandeel" in sleutel for sleutel, kort in KORTE_BRONNEN)
