import os
import re
import stat

import pytest
from openpyxl import load_workbook

from tests.conftest import PARAMETERS
from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.analyse.invoerformat import schrijf_invoersjabloon
from woonzorg_lib.analyse.parameters import lees_parameterbestand
from woonzorg_lib.model.doelgroepen import ONDERWERPEN


@pytest.fixture(scope="module")
def parameters():
    return lees_parameterbestand(PARAMETERS / "mra.yaml").parameters


def test_every_gemeente_of_the_region_and_every_onderwerp_with_labelled_defaults(parameters, tmp_path):
    werkmap = load_workbook(schrijf_invoersjabloon(parameters, tmp_path / "mra.xlsx"))
    assert werkmap.sheetnames == ["toelichting", "invoer", "kengetallen", "nieuwbouw", "realisatie"]
    blad = werkmap["invoer"]
    kop = [c.value for c in blad[1]]
    rijen = [dict(zip(kop, (c.value for c in r), strict=True)) for r in blad.iter_rows(min_row=2)]
    assert len(rijen) == 30 * len(ONDERWERPEN)
    assert len({r["gemeentecode"] for r in rijen}) == 30
    gevuld = [r for r in rijen if r["standaard"] is not None]
    assert all(r["herkomst_standaard"] in ("register", "schatting") and r["bron_standaard"] for r in gevuld)
    assert all(r["lokaal"] is None and not r["herkomst"] and not r["bron"] for r in rijen)
    # The taakstelling differs per half-year: no single default, the row says how it is computed.
    taak = next(r for r in rijen if r["gemeentecode"] == "GM0363" and r["onderwerp"] == "statushouders_taakstelling")
    assert taak["standaard"] is None and "art. 29" in taak["bron_standaard"]
    verhuurd = next(r for r in rijen if r["gemeentecode"] == "GM0363" and r["onderwerp"] == "verhuringen")
    assert verhuurd["standaard"] == 9578 and verhuurd["herkomst_standaard"] == "register"
    assert "Metropoolregio Amsterdam" in werkmap["toelichting"]["A1"].value


def test_a_filled_in_invoerformat_is_never_overwritten_without_asking(parameters, tmp_path):
    pad = tmp_path / "mra.xlsx"
    pad.write_text("ingevuld", encoding="utf-8")
    with pytest.raises(WoonzorgFout, match="bestaat al en kan ingevulde lokale cijfers bevatten"):
        schrijf_invoersjabloon(parameters, pad)
    assert pad.read_text(encoding="utf-8") == "ingevuld"
    schrijf_invoersjabloon(parameters, pad, overschrijven=True)
    assert load_workbook(pad).sheetnames[0] == "toelichting"
    # The old file is kept aside, and no temporary file is left behind.
    vorige = [p for p in tmp_path.iterdir() if p.name != "mra.xlsx"]
    assert len(vorige) == 1 and vorige[0].name.startswith("mra.vorige-") and vorige[0].read_text() == "ingevuld"


def test_the_file_gets_the_users_normal_permissions_and_bad_targets_a_dutch_message(parameters, tmp_path):
    pad = schrijf_invoersjabloon(parameters, tmp_path / "mra.csv")
    masker = os.umask(0)
    os.umask(masker)
    assert stat.S_IMODE(pad.stat().st_mode) == 0o666 & ~masker
    (tmp_path / "map.xlsx").mkdir()
    with pytest.raises(WoonzorgFout, match="is een map"):
        schrijf_invoersjabloon(parameters, tmp_path / "map.xlsx")


def test_csv_variant_uses_semicolons_and_decimal_commas(parameters, tmp_path):
    tekst = schrijf_invoersjabloon(parameters, tmp_path / "mra.csv").read_text(encoding="utf-8-sig")
    kop, *regels = tekst.splitlines()
    assert kop.startswith("gemeentecode;gemeente;onderwerp;")
    bw = next(r for r in regels if r.startswith("GM0377;Bloemendaal;bw_clienten;"))
    assert re.search(r";\d+,\d;schatting;", bw)  # 23.000 × inwoners ÷ Nederland, one decimal


def test_unknown_suffix_is_refused(parameters, tmp_path):
    with pytest.raises(WoonzorgFout, match=r"\.xlsx of \.csv"):
        schrijf_invoersjabloon(parameters, tmp_path / "mra.ods")


@pytest.fixture(scope="module")
def ijmond(tmp_path_factory):
    parameters = lees_parameterbestand(PARAMETERS / "ijmond.yaml").parameters
    return parameters, schrijf_invoersjabloon(parameters, tmp_path_factory.mktemp("ijmond") / "ijmond.xlsx")


def test_the_invoerformat_holds_only_the_area_of_its_parameter_file(ijmond):
    _, pad = ijmond
    werkmap = load_workbook(pad)
    codes = {r[0].value for r in werkmap["invoer"].iter_rows(min_row=2)}
    assert codes == {"GM0375", "GM0396", "GM0450", "GM0453"}  # IJmond, not the 30 gemeenten of the MRA
    assert werkmap["invoer"].max_row == 1 + 4 * len(ONDERWERPEN)
    assert werkmap["toelichting"]["A1"].value == "Invoerformat woonzorganalyse — IJmond"


def test_only_the_cells_to_fill_in_are_editable_and_lists_are_drop_downs(ijmond):
    _, pad = ijmond
    werkmap = load_workbook(pad)
    for naam, invul in (("invoer", {"lokaal", "herkomst", "bron", "peildatum"}),
                        ("kengetallen", {"laag", "midden", "hoog", "herkomst", "bron"})):
        blad = werkmap[naam]
        assert blad.protection.sheet and not blad.protection.autoFilter
        for cel in blad[2]:
            kolom = blad.cell(row=1, column=cel.column).value
            assert cel.protection.locked == (kolom not in invul), (naam, kolom)
        herkomst = next(c.column_letter for c in blad[1] if c.value == "herkomst")
        lijsten = [d for d in blad.data_validations.dataValidation if d.type == "list"]
        assert [d.formula1 for d in lijsten] == ['"register,schatting,aanname"']
        assert f"{herkomst}2:{herkomst}{blad.max_row}" in str(lijsten[0].sqref)
    gehele = [d for d in werkmap["invoer"].data_validations.dataValidation if d.type == "whole"]
    assert gehele and all(d.formula1 == "0.0" and d.showErrorMessage for d in gehele)


def test_defaults_show_rounded_and_keep_their_exact_value(ijmond):
    _, pad = ijmond
    werkmap = load_workbook(pad)
    invoer = {(r[0].value, r[2].value): r for r in werkmap["invoer"].iter_rows(min_row=2)}
    kop = [c.value for c in werkmap["invoer"][1]]
    standaard = invoer[("GM0375", "bw_clienten")][kop.index("standaard")]
    assert standaard.number_format == "#,##0" and not float(standaard.value).is_integer()
    kengetallen = {r[0].value: r for r in werkmap["kengetallen"].iter_rows(min_row=2)}
    kop = [c.value for c in werkmap["kengetallen"][1]]
    derde = kengetallen["aandeel_uitstroomklaar_bw"][kop.index("midden")]
    assert derde.number_format == "0.0#%" and derde.value == pytest.approx(1 / 3)
    assert kengetallen["huishoudgrootte_statushouders"][kop.index("midden")].number_format == "0.00"
    assert kengetallen["doel_2030_nultreden"][kop.index("midden")].number_format == "#,##0"


def test_a_deelregio_invoerformat_feeds_its_run_and_the_rest_of_the_region_keeps_the_defaults(ijmond, tmp_path):
    from tests.conftest import vul_invoer_in
    from woonzorg_lib.analyse.controle import controleer_invoer
    from woonzorg_lib.analyse.doorrekenen import analyseer
    from woonzorg_lib.analyse.parameters import Parameterbestand

    parameters, sjabloon = ijmond
    pad = tmp_path / "ijmond-ingevuld.xlsx"
    pad.write_bytes(sjabloon.read_bytes())
    vul_invoer_in(pad, {("GM0453", "bw_clienten"): 120}, "Registratie beschermd wonen Velsen")
    met = parameters.model_copy(update={"invoer": str(pad)})
    controleer_invoer(Parameterbestand(PARAMETERS / "ijmond.yaml", "woonzorganalyse", met))
    analyse, zonder = analyseer(met), analyseer(parameters)
    rij = analyse.invoer.set_index(["gemeentecode", "onderwerp"]).loc[("GM0453", "bw_clienten")]
    assert rij["waarde"] == 120 and rij["lokaal"]
    # The fair share is over the whole MRA: Amsterdam, not in the file, has its labelled defaults in both runs.
    amsterdam = analyse.verdeling.set_index("gemeentecode").loc["GM0363"]
    assert amsterdam["eigen_vraag"] == zonder.verdeling.set_index("gemeentecode").loc["GM0363", "eigen_vraag"]
    # The regional overview needs every gemeente of the region: this file is not enough for it.
    overzicht = lees_parameterbestand(PARAMETERS / "mra.yaml").parameters.model_copy(update={"invoer": str(pad)})
    with pytest.raises(WoonzorgFout, match="gemeente GM0363 van het gebied van het parameterbestand ontbreekt"):
        analyseer(overzicht)


def test_a_device_or_pipe_as_target_is_refused_before_any_copy(parameters, tmp_path):
    naar_nul = tmp_path / "nul.csv"
    naar_nul.symlink_to("/dev/zero")
    pijp = tmp_path / "pijp.csv"
    os.mkfifo(pijp)
    for doel in (naar_nul, pijp):
        with pytest.raises(WoonzorgFout, match="is geen gewoon bestand"):
            schrijf_invoersjabloon(parameters, doel, overschrijven=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nul.csv", "pijp.csv"]  # no backup, no temporary file
