import pandas as pd
import pytest

from woonzorg_lib.model.aanbod import bereken_aanbod, confrontatie, voeg_saldo_toe

CODES = pd.Index(["GM0001", "GM0002"], name="gemeentecode")


def _invoer(rijen):
    return pd.DataFrame([{"gemeentecode": g, "onderwerp": o, "waarde": w} for g, o, w in rijen])


def test_lettings_from_stock_times_turnover_unless_actual_lettings_are_given():
    aanbod = bereken_aanbod(
        _invoer([("GM0001", "corporatiewoningen", 1000), ("GM0002", "corporatiewoningen", 2000),
                 ("GM0002", "verhuringen", 90), ("GM0001", "nieuw_aanbod", 5)]),
        CODES, mutatiegraad=0.07, aandeel_aandachtsgroepen=0.1,
    )
    assert aanbod.loc["GM0001", "verhuringen"] == pytest.approx(70)
    assert aanbod.loc["GM0002", "verhuringen"] == 90
    assert aanbod.loc["GM0002", "verhuringen_bron"] == "werkelijke verhuringen"
    assert aanbod.loc["GM0001", "beschikbaar"] == pytest.approx(7)
    assert aanbod.loc["GM0001", "nieuw_aanbod"] == 5 and aanbod.loc["GM0001", "nieuw_aanbod_ingevuld"]
    assert aanbod.loc["GM0002", "nieuw_aanbod"] == 0 and not aanbod.loc["GM0002", "nieuw_aanbod_ingevuld"]


def test_gap_and_claim_rate():
    aanbod = bereken_aanbod(_invoer([("GM0001", "corporatiewoningen", 1000), ("GM0002", "corporatiewoningen", 500),
                                     ("GM0001", "nieuw_aanbod", 5)]), CODES, 0.1, 0.1)
    vraag = pd.DataFrame(
        {"gemeentecode": ["GM0001", "GM0001", "GM0002"], "doelgroep": ["urgenten", "ouderen", "urgenten"],
         "scenario": "midden", "jaar": 2024, "woningen": [30.0, 12.0, 4.0]}
    )
    conf = confrontatie(vraag, aanbod).set_index("gemeentecode")
    assert conf.loc["GM0001", "tekort"] == pytest.approx(30 - 100 * 0.1 - 5)
    assert conf.loc["GM0001", "claim"] == pytest.approx(0.3)
    assert conf.loc["GM0001", "tekort_ouderen"] == 12
    assert conf.loc["GM0002", "tekort"] == pytest.approx(4 - 5)  # a surplus is a negative gap


def test_claim_is_recomputed_from_sums_not_summed():
    som = pd.DataFrame({"vraag_aandachtsgroepen": [30.0 + 4.0], "vraag_ouderen": [0.0], "verhuringen": [150.0],
                        "beschikbaar": [15.0], "nieuw_aanbod": [5.0], "ouderen_aanbod": [0.0]})
    assert voeg_saldo_toe(som)["claim"].iloc[0] == pytest.approx(34 / 150)
    leeg = som.assign(verhuringen=0.0)
    assert voeg_saldo_toe(leeg)["claim"].isna().all()


def test_a_computed_supply_figure_is_as_weak_as_its_weakest_input():
    invoer = _invoer([("GM0001", "verhuringen", 90), ("GM0002", "verhuringen", 50), ("GM0001", "nieuw_aanbod", 5),
                      ("GM0001", "ouderen_aanbod", 3)]).assign(herkomst="register")
    aanbod = bereken_aanbod(invoer, CODES, 0.07, 0.1)
    assert aanbod.loc["GM0001", "verhuringen_herkomst"] == "register"
    # registered lettings × an agreed share (a policy choice, no registered figure) is no registered figure
    assert (aanbod["beschikbaar_herkomst"] == "aanname").all()
    assert bereken_aanbod(invoer, CODES, 0.07, 0.1, aandeel_herkomst="register").loc["GM0001", "beschikbaar_herkomst"] \
        == "register"
    # new supply nobody entered counts as 0: an assumption, not a register
    assert aanbod["nieuw_aanbod_herkomst"].tolist() == ["register", "aanname"]
    assert aanbod["ouderen_aanbod_herkomst"].tolist() == ["register", "aanname"]


def test_the_counted_years_give_the_range_of_the_lettings_carried_to_the_doeljaar():
    from woonzorg_lib.data.basis import verhuringen
    from woonzorg_lib.model.aanbod import verhuringen_bereik

    aanbod = bereken_aanbod(_invoer([("GM0363", "verhuringen", 9578)]).assign(herkomst="register"),
                            pd.Index(["GM0363"], name="gemeentecode"), 0.07, 0.1)
    bereik = verhuringen_bereik(verhuringen(), aanbod).loc["GM0363"]  # AFWC 2019-2022: 7.485 / 7.615 / 8.037 / 9.578
    assert (bereik["laagste"], bereik["jaar_laagste"], bereik["hoogste"], bereik["jaar_hoogste"]) == (7485, 2019, 9578, 2022)
    assert (bereik["van"], bereik["tot"], bereik["gebruikt"]) == (2019, 2022, 9578)
    assert (bereik["andere_laagste"], bereik["andere_hoogste"]) == (7485, 8037)
    eigen = bereken_aanbod(_invoer([("GM0363", "verhuringen", 9000)]), pd.Index(["GM0363"], name="gemeentecode"), 0.07, 0.1)
    assert verhuringen_bereik(verhuringen(), eigen).empty  # lettings the analyst entered: not this series
