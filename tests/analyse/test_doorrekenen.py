"""The whole model on the bundled MRA default: every gemeente, every level, adding up."""

import pandas as pd
import pytest
from openpyxl import load_workbook

from tests.conftest import PARAMETERS
from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.analyse.doorrekenen import analyseer
from woonzorg_lib.analyse.invoerformat import schrijf_invoersjabloon
from woonzorg_lib.analyse.parameters import lees_parameterbestand

SOM = ["vraag_aandachtsgroepen", "vraag_ouderen", "verhuringen", "beschikbaar", "nieuw_aanbod", "tekort"]


@pytest.fixture(scope="module")
def mra():
    return analyseer(lees_parameterbestand(PARAMETERS / "mra.yaml").parameters)


def test_demand_supply_and_gap_for_all_30_gemeenten(mra):
    conf = mra.confrontatie
    assert conf["niveau"].value_counts().to_dict() == {"gemeente": 30 * 3 * 6, "deelregio": 7 * 3 * 6, "regio": 3 * 6}
    gemeenten = conf[conf["niveau"] == "gemeente"]
    assert gemeenten["gemeentecode"].nunique() == 30
    assert gemeenten[["vraag_aandachtsgroepen", "verhuringen", "tekort"]].notna().all().all()
    assert (gemeenten["vraag_aandachtsgroepen"] > 0).all()
    assert set(mra.vraag["jaar"]) == set(range(2025, 2031))


def test_gemeenten_sum_to_the_7_deelregios_and_the_mra_in_every_scenario_and_year(mra):
    conf = mra.confrontatie
    sleutels = ["scenario", "jaar"]
    gemeenten = conf[conf["niveau"] == "gemeente"]
    deelregios = conf[conf["niveau"] == "deelregio"].set_index(["deelregio", *sleutels])[SOM].sort_index()
    pd.testing.assert_frame_equal(gemeenten.groupby(["deelregio", *sleutels])[SOM].sum().sort_index(), deelregios,
                                  check_exact=False, rtol=1e-12)
    regio = conf[conf["niveau"] == "regio"].set_index(sleutels)[SOM].sort_index()
    pd.testing.assert_frame_equal(deelregios.groupby(sleutels).sum().sort_index(), regio, check_exact=False, rtol=1e-12)


def test_claim_rate_at_every_level_is_demand_over_lettings(mra):
    conf = mra.confrontatie
    assert (conf["claim"] - conf["vraag_aandachtsgroepen"] / conf["verhuringen"]).abs().max() < 1e-12


def test_three_fair_share_variants_add_up_to_the_regional_task(mra):
    verdeling = mra.verdeling
    varianten = ["Naar inwoners", "Naar sociale huurvoorraad", "Inwoners en verhuringen"]
    assert len(verdeling) == 30
    totaal = 5 * round(verdeling["eigen_vraag"].sum() / 5)  # the task as every output states it
    assert totaal == mra.taak()
    for variant in varianten:
        assert verdeling[variant].sum() == totaal
        assert verdeling[variant].dtype == "int64"
    per_deelregio = verdeling.groupby("deelregio")[varianten].sum()
    assert len(per_deelregio) == 7 and (per_deelregio.sum() == totaal).all()


def test_scenarios_are_ordered(mra):
    regio = mra.confrontatie[(mra.confrontatie["niveau"] == "regio") & (mra.confrontatie["jaar"] == 2025)]
    vraag = regio.set_index("scenario")["vraag_aandachtsgroepen"]
    assert vraag["laag"] < vraag["midden"] < vraag["hoog"]


def test_groups_without_data_are_reported_not_zeroed(mra):
    met = mra.dekking.set_index("doelgroep")["gemeenten_met_gegevens"]
    assert met["uitstroom_mo"] == 0
    assert met["statushouders"] == 30 and met["uitstroom_bw"] == 30
    assert "uitstroom_mo" not in set(mra.vraag["doelgroep"])
    gedekt = mra.aandachtsgroepen_gedekt()
    assert len(gedekt["volledig"]) == 5 and not gedekt["gedeeltelijk"]
    assert len(gedekt["volledig"] + gedekt["geen"]) == 11


def test_sensitivity_lists_the_assumptions_that_move_the_gap_largest_first(mra):
    tornado = mra.gevoeligheid
    assert list(tornado["bereik"]) == sorted(tornado["bereik"], reverse=True)
    assert {"huishoudgrootte_statushouders", "mutatiegraad", "aandeel_verhuringen_aandachtsgroepen"} <= set(tornado["aanname"])
    regio = mra.confrontatie
    basis = regio[(regio["niveau"] == "regio") & (regio["scenario"] == "midden") & (regio["jaar"] == 2030)]["tekort"].item()
    assert tornado["basis"].iloc[0] == pytest.approx(basis)


def test_a_deelregio_report_covers_its_own_gemeenten_and_reads_its_part_of_the_regional_distribution(mra):
    analyse = analyseer(lees_parameterbestand(PARAMETERS / "ijmond.yaml").parameters)
    assert set(analyse.vraag["gemeentecode"].astype(str)) == {"GM0375", "GM0396", "GM0450", "GM0453"}
    assert set(analyse.confrontatie["niveau"]) == {"gemeente", "regio"}
    # One distribution for the whole region: IJmond's gemeenten get exactly what the overview gives them.
    pd.testing.assert_frame_equal(analyse.verdeling, mra.verdeling)
    assert analyse.taak() == mra.taak()


def test_a_filled_in_invoerformat_flows_through_the_model(tmp_path):
    parameters = lees_parameterbestand(PARAMETERS / "ijmond.yaml").parameters
    pad = schrijf_invoersjabloon(parameters, tmp_path / "mra.xlsx")
    werkmap = load_workbook(pad)
    blad = werkmap["invoer"]
    kop = {c.value: c.column_letter for c in blad[1]}
    for rij in blad.iter_rows(min_row=2):
        if rij[0].value == "GM0453" and rij[2].value == "bw_clienten":
            blad[f"{kop['lokaal']}{rij[0].row}"] = 60
            blad[f"{kop['herkomst']}{rij[0].row}"] = "register"
            blad[f"{kop['bron']}{rij[0].row}"] = "Cliëntregistratie Velsen 2024"
    werkmap.save(pad)
    analyse = analyseer(parameters.model_copy(update={"invoer": str(pad)}))
    bw = analyse.vraag[(analyse.vraag["doelgroep"] == "uitstroom_bw") & (analyse.vraag["scenario"] == "midden")]
    velsen = bw[bw["gemeentecode"] == "GM0453"]
    assert velsen["personen"].iloc[0] == pytest.approx(60 / 3 / 2)
    assert velsen["bron"].iloc[0] == "Cliëntregistratie Velsen 2024"
    assert velsen["herkomst"].iloc[0] == "aanname"  # the stay of 2 years is an assumption
    # The other gemeenten keep the labelled national estimate.
    assert bw.loc[bw["gemeentecode"] != "GM0453", "bron"].str.contains("Trimbos").all()


def test_caps_and_load_correction_from_the_parameters(tmp_path):
    parameters = lees_parameterbestand(PARAMETERS / "ijmond.yaml").parameters
    analyse = analyseer(parameters.model_copy(update={"plafond_aandeel_verhuringen": 0.25}))
    verhuringen = analyse.aanbod["verhuringen"]
    for variant in parameters.verdeelsleutels:
        assert (analyse.verdeling.set_index("gemeentecode").loc[verhuringen.index, variant] <= verhuringen * 0.25).all()
    # Caps that cannot carry the task: the run finishes and says how many homes could not be placed.
    krap = analyseer(parameters.model_copy(update={"plafond_aandeel_verhuringen": 0.01}))
    assert all(n > 0 for n in krap.niet_geplaatst.values())
    for variant, n in krap.niet_geplaatst.items():
        assert krap.verdeling[variant].sum() + n == krap.taak()
    with pytest.raises(WoonzorgFout, match="geen huidige_belasting"):
        analyseer(parameters.model_copy(update={"correctie_jaren": 3}))


UITSTROOM = ["uitstroom_bw", "uitstroom_mo", "uitstroom_jeugdzorg", "ex_gedetineerden", "uitstroom_ggz",
             "uitstroom_vrouwenopvang"]


def test_haaglanden_caps_the_outflow_from_institutions_at_10_percent_of_each_gemeentes_lettings():
    from woonzorg_lib.analyse.parameters import valideer_parameters
    from woonzorg_lib.rapport.hoofdstukken import Rapport

    parameters = valideer_parameters("woonzorganalyse", {"regio": "haaglanden", "plafond_aandeel_verhuringen": 0.10,
                                                         "plafond_doelgroepen": UITSTROOM})
    analyse = analyseer(parameters)
    assert analyse.regio.naam == "Haaglanden (woningmarktregio)" and len(analyse.regio.gemeentecodes) == 9
    verdeling = analyse.verdeling.set_index("gemeentecode")
    grens = analyse.aanbod["verhuringen"] * 0.10
    for variant in parameters.verdeelsleutels:
        assert (verdeling[f"{variant} (onder plafond)"] <= grens + 1e-9).all(), variant
        assert verdeling[variant].sum() == analyse.taak() and analyse.niet_geplaatst[variant] == 0
    # The same cap on the whole task (statushouders included) cannot carry it: the run finishes and says so.
    geheel = Rapport(analyseer(parameters.model_copy(update={"plafond_doelgroepen": None})))
    assert all(n > 0 for n in geheel.analyse.niet_geplaatst.values())
    assert "Onder het plafond passen niet alle woningen" in geheel.verdeling().weergaven()[0].data
