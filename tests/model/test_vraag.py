import numpy as np
import pandas as pd
import pytest

from woonzorg_lib.model.doelgroepen import standaard_kengetallen
from woonzorg_lib.model.vraag import KOLOMMEN, bandbreedte, bereken_vraag

JAREN = list(range(2024, 2031))


def invoer(*rijen: tuple[str, str, float, str]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"gemeentecode": g, "onderwerp": o, "waarde": w, "herkomst": h, "bron": "test", "peildatum": "2024-01-01"}
         for g, o, w, h in rijen]
    )


@pytest.fixture(scope="module")
def kengetallen() -> pd.DataFrame:
    return standaard_kengetallen(1_000_000)


def _waarde(vraag, post, scenario="midden", jaar=2024, kolom="woningen"):
    rij = vraag[(vraag["vraagpost"] == post) & (vraag["scenario"] == scenario) & (vraag["jaar"] == jaar)]
    return rij[kolom].sum()


def test_statushouders_taakstelling_times_two_divided_by_household_size(kengetallen):
    vraag = bereken_vraag(invoer(("GM0001", "statushouders_taakstelling", 100, "register")), kengetallen, JAREN)
    assert list(vraag.columns) == KOLOMMEN
    assert len(vraag) == 3 * 7
    assert _waarde(vraag, "statushouders_taakstelling", kolom="personen") == 200
    assert _waarde(vraag, "statushouders_taakstelling") == pytest.approx(200 / 1.83)
    assert _waarde(vraag, "statushouders_taakstelling", "laag") == pytest.approx(200 / 2.17)
    assert _waarde(vraag, "statushouders_taakstelling", "hoog") == pytest.approx(200 / 1.5)


def test_a_stock_is_spread_evenly_over_the_years(kengetallen):
    vraag = bereken_vraag(invoer(("GM0001", "statushouders_achterstand", 70, "register")), kengetallen, JAREN)
    assert _waarde(vraag, "statushouders_achterstand", kolom="personen") == pytest.approx(10)
    per_jaar = vraag[vraag["scenario"] == "midden"].groupby("jaar")["personen"].sum()
    assert per_jaar.sum() == pytest.approx(70)


def test_bw_outflow_is_clients_times_share_ready_divided_by_stay(kengetallen):
    vraag = bereken_vraag(invoer(("GM0001", "bw_clienten", 120, "register")), kengetallen, JAREN)
    assert _waarde(vraag, "uitstroom_bw", kolom="personen") == pytest.approx(120 / 3 / 2)
    assert _waarde(vraag, "uitstroom_bw", "laag") == pytest.approx(120 / 3 / 3)


def test_older_people_reference_scenario_adds_up_to_the_national_targets():
    kengetallen = standaard_kengetallen(1_000)
    vraag = bereken_vraag(invoer(("GM0001", "inwoners_75plus", 600, "schatting"), ("GM0002", "inwoners_75plus", 400, "schatting")),
                          kengetallen, JAREN)
    jaar = vraag[(vraag["jaar"] == 2024) & (vraag["scenario"] == "midden")]
    assert jaar["woningen"].sum() == pytest.approx((170_000 + 80_000 + 40_000) / 9)
    assert jaar["personen"].isna().all()
    assert set(jaar["herkomst"]) == {"aanname"}  # the even spread over 9 years is an assumption


def test_missing_input_gives_no_row_never_a_zero(kengetallen):
    vraag = bereken_vraag(invoer(("GM0001", "urgenten", 12, "register")), kengetallen, JAREN)
    assert set(vraag["doelgroep"]) == {"urgenten"}
    assert _waarde(vraag, "urgenten") == 12


def test_the_weakest_tier_of_all_inputs_is_carried(kengetallen):
    vraag = bereken_vraag(
        invoer(("GM0001", "urgenten", 12, "register"), ("GM0001", "statushouders_taakstelling", 10, "register"),
               ("GM0002", "jeugdzorg_uitstroom", 5, "register")),
        kengetallen, JAREN,
    )
    herkomst = vraag.groupby("vraagpost")["herkomst"].first()
    assert herkomst["urgenten"] == "register"
    assert herkomst["statushouders_taakstelling"] == "aanname"  # household size is an assumption
    assert herkomst["uitstroom_jeugdzorg"] == "schatting"
    assert vraag.loc[vraag["vraagpost"] == "statushouders_taakstelling", "kengetallen"].iloc[0] == "huishoudgrootte_statushouders"


def test_a_kengetal_can_be_fixed_for_the_sensitivity_analysis(kengetallen):
    vraag = bereken_vraag(invoer(("GM0001", "statushouders_taakstelling", 100, "register")), kengetallen, JAREN,
                          vervang={"huishoudgrootte_statushouders": 4.0})
    assert set(np.round(vraag["woningen"], 9)) == {50.0}


def test_bandbreedte_puts_low_central_high_side_by_side(kengetallen):
    vraag = bereken_vraag(invoer(("GM0001", "statushouders_taakstelling", 100, "register")), kengetallen, [2024])
    breed = bandbreedte(vraag, "woningen", ["doelgroep"])
    assert list(breed.columns) == ["doelgroep", "laag", "midden", "hoog"]
    assert breed.iloc[0]["laag"] < breed.iloc[0]["midden"] < breed.iloc[0]["hoog"]


def test_rows_for_one_year_and_scenario_hold_only_there(kengetallen):
    """The statutory taakstelling differs per year and scenario; a constant input holds in every year."""
    jaarlijks = pd.DataFrame([
        {"gemeentecode": "GM0001", "onderwerp": "statushouders_taakstelling", "waarde": w, "herkomst": h, "bron": "art. 29",
         "peildatum": f"{j}-H1 en {j}-H2", "jaar": j, "scenario": s}
        for j, s, w, h in [(2025, "laag", 14.0, "schatting"), (2025, "midden", 14.0, "schatting"),
                           (2025, "hoog", 14.0, "schatting"), (2026, "laag", 13.0, "aanname"),
                           (2026, "midden", 15.0, "aanname"), (2026, "hoog", 18.75, "aanname")]
    ])
    vast = invoer(("GM0001", "dakloze_personen", 60, "schatting"))
    vraag = bereken_vraag(pd.concat([vast, jaarlijks], ignore_index=True), kengetallen, [2025, 2026])
    assert _waarde(vraag, "statushouders_taakstelling", jaar=2025, kolom="personen") == 28
    assert _waarde(vraag, "statushouders_taakstelling", "hoog", 2026, "personen") == 37.5
    assert _waarde(vraag, "statushouders_taakstelling", "laag", 2026, "personen") == 26
    assert len(vraag[vraag["vraagpost"] == "statushouders_taakstelling"]) == 6
    assert len(vraag[vraag["vraagpost"] == "dak_thuislozen"]) == 3 * 2
    tier = vraag[(vraag["vraagpost"] == "statushouders_taakstelling") & (vraag["jaar"] == 2026)]["herkomst"]
    assert set(tier.astype(str)) == {"aanname"}


def test_only_the_statutory_taakstelling_with_a_published_national_number_is_an_exact_public_count(kengetallen):
    from woonzorg_lib.model.vraag import exact_personen

    rijen = invoer(("GM0001", "statushouders_taakstelling", 727, "schatting"),
                   ("GM0002", "statushouders_taakstelling", 700, "aanname"), ("GM0001", "urgenten", 12, "register"))
    vraag = bereken_vraag(rijen.assign(lokaal=[False, False, True]), kengetallen, JAREN)
    exact = exact_personen(vraag).groupby(vraag["gemeentecode"].astype(str) + " " + vraag["vraagpost"].astype(str)).agg(set)
    assert exact.to_dict() == {"GM0001 statushouders_taakstelling": {True}, "GM0002 statushouders_taakstelling": {False},
                               "GM0001 urgenten": {False}}  # an assumed national number; a local count: rounded
