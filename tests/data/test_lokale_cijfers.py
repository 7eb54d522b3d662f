"""Local figures replace pro-rata defaults: 65-74 and 75+ per gemeente, the gemeente's own corporation share."""

import pytest

from woonzorg_lib.data import schattingen
from woonzorg_lib.data.basis import basisgegevens, bevolking, leeftijd_gemeenten, leeftijd_nederland


@pytest.fixture(scope="module")
def basis():
    return basisgegevens().set_index(["indicator", "gemeentecode"])


def test_the_65_74_count_is_the_registered_cbs_count(basis):
    rij = basis.loc[("inwoners_65_74", "GM0034")]  # Almere 1-1-2024: 65+ 30,913 − 75+ 10,636 (CBS 85383NED)
    eigen = leeftijd_gemeenten().set_index(["peildatum", "gemeentecode"]).loc[("2024-01-01", "GM0034")]
    assert rij["waarde"] == eigen["inwoners_65_74"] and rij["herkomst"] == "register"
    assert rij["peildatum"] == "2024-01-01" and "85383NED" in rij["bron"]


def test_75_84_and_85_plus_add_up_to_the_registered_75_plus(basis):
    eigen = leeftijd_gemeenten()
    eigen = eigen[eigen["peildatum"] == "2024-01-01"].set_index("gemeentecode")["inwoners_75plus"]
    som = basis.loc["inwoners_75_84", "waarde"] + basis.loc["inwoners_85plus", "waarde"]
    assert (som.reindex(eigen.index) == eigen).all() and len(eigen) == 342
    assert eigen.sum() == 1_708_311  # NL 1-1-2024 (README turn3)
    assert (basis.loc["inwoners_85plus", "herkomst"] == "schatting").all()
    assert basis.loc["inwoners_85plus", "bron"].str.contains("binnen 75+").all()


def test_without_local_counts_the_national_structure_stays():
    oud = schattingen.leeftijdsgroepen(bevolking(), leeftijd_nederland())
    assert (oud["herkomst"] == "schatting").all()


def test_corporation_stock_uses_the_gemeentes_own_share_where_cbs_has_it(basis):
    aalsmeer = basis.loc[("corporatiewoningen", "GM0358")]  # KWB 2024: 24% of 13,698
    assert aalsmeer["waarde"] == round(13_698 * 0.24)
    assert "eigen aandeel corporatiewoningen van de gemeente op 2024-01-01 (CBS 85984NED" in aalsmeer["bron"]
    assert "±0,5 procentpunt" in aalsmeer["bron"]
    zaanstad = basis.loc[("corporatiewoningen", "GM0479")]  # after Maasdriel: not in the copy, province share
    assert "provincie Noord-Holland" in zaanstad["bron"] and "naar rato" in zaanstad["bron"]
    eigen = basis.loc["corporatiewoningen", "bron"].str.contains("eigen aandeel corporatiewoningen van de gemeente")
    assert eigen.sum() == 172


def test_the_65_plus_trend_from_the_cohorts_date_reaches_the_newest_count():
    from woonzorg_lib.data.schattingen import groei_65plus

    tellingen = bevolking()
    # Almere: counted 65+ on 1-1-2024 (65-74 + 75+) moved to 1-1-2025 is its 1-1-2025 count, within the trend's error.
    factor = (groei_65plus(tellingen, 2025).set_index("gemeentecode")["factor"]
              / groei_65plus(tellingen, 2024).set_index("gemeentecode")["factor"])["GM0034"]
    assert abs(30_913 * factor - 32_510) < 200
