import pandas as pd
import pytest

from woonzorg_lib.data import schattingen
from woonzorg_lib.data.basis import (
    bevolking,
    gemeenten,
    leeftijd_nederland,
    woningvoorraad,
    woningvoorraad_eigendom,
)


@pytest.fixture(scope="module")
def corporatie() -> pd.DataFrame:
    return schattingen.corporatiewoningen(gemeenten(), woningvoorraad(), woningvoorraad_eigendom()).set_index(
        "gemeentecode"
    )


def test_corporation_estimate_uses_the_gemeentes_own_share_where_cbs_has_it(corporatie):
    # Amsterdam 82900NED 1-1-2021: 183,983 of 449,989 dwellings; stock 1-1-2024: 480,852.
    assert corporatie.loc["GM0363", "waarde"] == round(480_852 * 183_983 / 449_989)
    assert "gemeente Amsterdam" in corporatie.loc["GM0363", "bron"]


def test_corporation_estimate_falls_back_to_the_province_share(corporatie):
    # Haarlem (Noord-Holland): 437,156 of 1,392,040 dwellings on 1-1-2023; stock 1-1-2024: 79,434.
    assert corporatie.loc["GM0392", "waarde"] == round(79_434 * 437_156 / 1_392_040)
    assert "provincie Noord-Holland 31,4%" in corporatie.loc["GM0392", "bron"]
    assert corporatie.loc["GM0392", "herkomst"] == "schatting"


def test_every_gemeente_gets_a_corporation_estimate(corporatie):
    assert len(corporatie) == 342
    assert corporatie["waarde"].gt(0).all()


def test_age_cohorts_split_the_gemeentes_own_registered_65_plus():
    leeftijd = schattingen.leeftijdsgroepen(bevolking(), leeftijd_nederland())
    almere = leeftijd[leeftijd["gemeentecode"] == "GM0034"].set_index("leeftijdsgroep")["waarde"]
    # CBS 03759ned 1-1-2025: Almere has 32,510 inhabitants of 65+ (14,2%, against 19,8% nationally in 2020).
    # Within 65+ the national structure of 1-1-2020: 65-74 = 1,974,814 and 85+ = 389,538 of 3,457,535.
    assert almere.sum() == 32_510
    assert almere["65-74"] == round(32_510 * 1_974_814 / 3_457_535)
    assert almere["85+"] == round(32_510 * 389_538 / 3_457_535)
    assert set(leeftijd["leeftijdsgroep"]) == set(schattingen.COHORTEN)
    assert (leeftijd["peildatum"] == "2025-01-01").all()
    assert leeftijd["bron"].str.contains("register").all() and (leeftijd["herkomst"] == "schatting").all()


def test_the_65_plus_trend_continues_the_gemeentes_own_growth():
    groei = schattingen.groei_65plus(bevolking(), 2030).set_index("gemeentecode")
    # Almere: 29,419 (1-1-2023) -> 32,510 (1-1-2025), continued five years.
    assert groei.loc["GM0034", "factor"] == pytest.approx((32_510 / 29_419) ** 2.5)
    terug = schattingen.groei_65plus(bevolking(), 2024).set_index("gemeentecode")
    assert terug.loc["GM0034", "factor"] == pytest.approx((29_419 / 32_510) ** 0.5)
    assert groei["bron"].str.contains("trendschatting").all()


def test_national_cohorts_add_up_to_65_plus():
    nl = leeftijd_nederland().set_index("leeftijdsgroep")["personen"]
    assert nl[list(schattingen.COHORTEN)].sum() == nl["65+"]
