import pandas as pd
import pytest

from woonzorg_lib.data import schattingen
from woonzorg_lib.data.basis import (
    aandeel_65plus_nederland,
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


def test_age_cohorts_follow_the_national_structure():
    leeftijd = schattingen.leeftijdsgroepen(gemeenten(), leeftijd_nederland(), aandeel_65plus_nederland())
    amsterdam = leeftijd[leeftijd["gemeentecode"] == "GM0363"].set_index("leeftijdsgroep")["waarde"]
    # 1-1-2020: 65-74 = 1,974,814 of 3,457,535 people of 65+; 65+ = 19.8% of the population.
    assert amsterdam["65-74"] == round(931_298 * 1_974_814 / 3_457_535 * 0.198)
    assert amsterdam["85+"] == round(931_298 * 389_538 / 3_457_535 * 0.198)
    assert set(leeftijd["leeftijdsgroep"]) == set(schattingen.COHORTEN)
    assert leeftijd["bron"].str.contains("2020-01-01").all()


def test_national_cohorts_add_up_to_65_plus():
    nl = leeftijd_nederland().set_index("leeftijdsgroep")["personen"]
    assert nl[list(schattingen.COHORTEN)].sum() == nl["65+"]
