"""A factsheet's short source says what a gemeente's figure rests on: its own CBS count, a share of its region's count, or a national figure."""

from woonzorg_lib.data.basis import basisgegevens
from woonzorg_lib.rapport.factsheet import KORTE_BRONNEN, korte_bron


def test_the_counted_stock_is_named_as_the_gemeentes_own_cbs_count():
    basis = basisgegevens()
    voorraad = basis.loc[(basis["gemeentecode"] == "GM0479") & (basis["indicator"] == "corporatiewoningen"), "bron"].item()
    verhuringen = f"corporatiewoningen ({voorraad}) × mutatiegraad 6,96%"
    assert korte_bron(verhuringen) == "CBS: corporatiewoningen van de gemeente (telling), met een landelijke mutatiegraad"


def test_no_short_source_speaks_of_a_provincial_share_any_more():
    assert not any("provincie" in kort or "naar rato" in sleutel and "aandeel" in sleutel for sleutel, kort in KORTE_BRONNEN)


def test_the_jeugdzorg_outflow_names_the_gemeentes_own_cbs_count_or_says_it_has_none():
    from woonzorg_lib.data.basis import (
        basisgegevens,
        jeugdhulp_verblijf,
        landelijke_kengetallen,
        per_gemeente,
        verhuringen,
    )
    from woonzorg_lib.model.standaardinvoer import standaard_invoer

    basis = basisgegevens()
    invoer = standaard_invoer(per_gemeente(basis), basis, landelijke_kengetallen(), verhuringen(),
                              jeugdhulp=jeugdhulp_verblijf())
    bron = invoer[invoer["onderwerp"] == "jeugdzorg_uitstroom"].set_index("gemeentecode")["bron"]
    eigen, regio, geen = (korte_bron(f"jeugdzorg_uitstroom ({bron[c]}) × aandeel_woningbehoefte_jeugd")
                          for c in ("GM0363", "GM0060", "GM0277"))  # Amsterdam, Ameland (suppressed), Rozendaal
    assert "jeugdhulp met verblijf in de gemeente" in eigen and "naar inwoners" not in eigen
    assert "jeugdregio" in regio and "afgeschermd" in regio
    assert "naar inwoners" in geen and "geen eigen cijfer" in geen
    assert len({eigen, regio, geen}) == 3


def test_a_share_of_the_centrumregio_count_is_named_as_such_and_the_national_fallback_as_a_makeshift():
    from woonzorg_lib.data.basis import basisgegevens, landelijke_kengetallen, per_gemeente, verhuringen
    from woonzorg_lib.data.catalogus import centrumregio_per_gemeente
    from woonzorg_lib.model.standaardinvoer import standaard_invoer

    basis = basisgegevens()
    invoer = standaard_invoer(per_gemeente(basis), basis, landelijke_kengetallen(), verhuringen(),
                              centrumregios=centrumregio_per_gemeente()).set_index(["gemeentecode", "onderwerp"])
    amsterdam = korte_bron(invoer.loc[("GM0363", "dakloze_personen"), "bron"])
    haarlem = korte_bron(invoer.loc[("GM0392", "dakloze_personen"), "bron"])
    assert "monitor Dakloosheid" in amsterdam and "centrumregio" in amsterdam and "noodoplossing" not in amsterdam
    assert "noodoplossing" in haarlem and "in Nederland" in haarlem


def test_the_jeugdzorg_short_source_counts_trajectories_not_young_people():
    """CBS 85094NED counts trajectories of jeugdhulp met verblijf ('trajecten, geen personen'), not young people."""
    bron = "schatting: 250 trajecten jeugdhulp met verblijf in de gemeente op 30 juni 2024 (CBS 85094NED)"
    kort = korte_bron(bron)
    assert "trajecten jeugdhulp met verblijf in de gemeente" in kort and "jongeren in jeugdhulp" not in kort


def test_amsterdams_real_lettings_are_named_for_their_publisher_not_as_calculated():
    """Amsterdam's factsheet and VHP chapter cited its registered AFWC lettings (9.578) as 'Berekend uit de cijfers
    hierboven': the source kerncijfers.csv gives them names Nul20, not AFWC."""
    from woonzorg_lib.data.basis import verhuringen
    from woonzorg_lib.rapport.factsheet import BEREKEND

    rij = verhuringen().query("gemeentecode == 'GM0363'").iloc[-1]
    kort = korte_bron(f"werkelijke verhuringen: {rij['bron']}")
    assert kort != BEREKEND and "AFWC" in kort
