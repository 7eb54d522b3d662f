import os
import re
import stat

import pytest
from openpyxl import load_workbook

from tests.conftest import PARAMETERS
from woonzorg_lib.errors import WoonzorgFout
from woonzorg_lib.invoersjabloon import schrijf_invoersjabloon
from woonzorg_lib.model.doelgroepen import ONDERWERPEN
from woonzorg_lib.parameters import lees_parameterbestand


@pytest.fixture(scope="module")
def parameters():
    return lees_parameterbestand(PARAMETERS / "mra.yaml").parameters


def test_every_gemeente_of_the_region_and_every_onderwerp_with_labelled_defaults(parameters, tmp_path):
    werkmap = load_workbook(schrijf_invoersjabloon(parameters, tmp_path / "mra.xlsx"))
    assert werkmap.sheetnames == ["toelichting", "invoer", "kengetallen"]
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


def test_a_device_or_pipe_as_target_is_refused_before_any_copy(parameters, tmp_path):
    naar_nul = tmp_path / "nul.csv"
    naar_nul.symlink_to("/dev/zero")
    pijp = tmp_path / "pijp.csv"
    os.mkfifo(pijp)
    for doel in (naar_nul, pijp):
        with pytest.raises(WoonzorgFout, match="is geen gewoon bestand"):
            schrijf_invoersjabloon(parameters, doel, overschrijven=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nul.csv", "pijp.csv"]  # no backup, no temporary file
