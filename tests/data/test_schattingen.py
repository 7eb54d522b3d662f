import pytest

from woonzorg_lib.data import schattingen
from woonzorg_lib.data.basis import bevolking, leeftijd_nederland, woningvoorraad_eigendom


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


def test_the_spread_of_the_corporation_share_within_a_province_comes_from_the_corop_areas():
    laag, hoog, bron = schattingen.spreiding_corporatieaandeel(woningvoorraad_eigendom())
    # Oost-Groningen 16,603/64,946 against Groningen 82,773/290,562 (CBS 82900NED, 1-1-2023) is the lowest.
    assert laag == pytest.approx((16_603 / 64_946) / (82_773 / 290_562))
    assert laag < 1 < hoog and "4 COROP-gebieden" in bron
