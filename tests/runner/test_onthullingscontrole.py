"""The attack checker: it finds a leak when protection is off, and none in what the batch publishes."""

from pathlib import Path

import pandas as pd
import pytest

import woonzorg_lib.analyse.doorrekenen as doorrekenen
from tests.conftest import vul_invoer_in
from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.analyse.doorrekenen import analyseer
from woonzorg_lib.analyse.invoerformat import schrijf_invoersjabloon
from woonzorg_lib.analyse.parameters import valideer_parameters
from woonzorg_lib.cli import main
from woonzorg_lib.rapport.uitvoer import schrijf_uitvoer
from woonzorg_lib.runner.onthullingscontrole import controleer, controleer_batch

UITGEEST = "GM0450"
# Real small counts, as a gemeente would enter them: urgentieverklaringen per year in IJmond.
KLEIN = {("GM0375", "urgenten"): 30, ("GM0396", "urgenten"): 25, (UITGEEST, "urgenten"): 3, ("GM0453", "urgenten"): 40}


@pytest.fixture(scope="module")
def invoer(tmp_path_factory) -> Path:
    pad = schrijf_invoersjabloon(valideer_parameters("woonzorganalyse", {"regio": "mra"}),
                                 tmp_path_factory.mktemp("invoer") / "mra.xlsx")
    vul_invoer_in(pad, KLEIN, "Urgentiecommissie IJmond 2025")
    return pad


def _batch(invoer: Path, uit: Path) -> Path:
    """The IJmond report and the regional overview on the same invoerformat, as one batch would publish them."""
    for naam, extra in (("ijmond", {"deelregio": "IJmond"}), ("mra", {})):
        parameters = valideer_parameters("woonzorganalyse", {"regio": "mra", "invoer": str(invoer), **extra})
        schrijf_uitvoer(analyseer(parameters), uit / naam)
    return uit


def test_protected_once_per_region_nothing_can_be_recovered(invoer, tmp_path):
    verborgen, herleid = controleer_batch(_batch(invoer, tmp_path / "uit"))
    assert verborgen > 0 and herleid == []


def test_with_protection_switched_off_in_one_file_the_checker_finds_the_leak(invoer, tmp_path, monkeypatch):
    uit = tmp_path / "uit"
    _batch(invoer, uit)
    echt = doorrekenen.beveiligingspatroon
    monkeypatch.setattr(doorrekenen, "beveiligingspatroon", lambda p, g, d, drempel=10: echt(p, g & False, d, drempel))
    schrijf_uitvoer(analyseer(valideer_parameters("woonzorganalyse", {"regio": "mra", "invoer": str(invoer)})),
                    uit / "mra")  # the overview without protection, beside the protected IJmond file
    _, herleid = controleer_batch(uit)
    uitgeest = [h for h in herleid if (h.gemeentecode, h.doelgroep, h.indicator) == (UITGEEST, "urgenten", "vraag_personen")]
    assert len(uitgeest) == 3 * 6  # every scenario and year
    assert all(h.ondergrens <= 3 <= h.bovengrens and h.bovengrens - h.ondergrens <= 5 for h in uitgeest)
    assert main(["controleer-onthulling", str(uit)]) == 1


def test_the_key_herkomstgemeente_is_refused_when_it_would_give_a_hidden_count_away(invoer):
    # Its share is Uitgeest's own demand over the region's: with the published cells that gives the 3 urgenten away.
    sleutels = {"verdeelsleutels": {"naar herkomst": {"herkomstgemeente": 1.0}}}
    with pytest.raises(WoonzorgFout, match=r"verdeelsleutels\.naar herkomst\.herkomstgemeente: .*Uitgeest"):
        analyseer(valideer_parameters("woonzorganalyse", {"regio": "mra", "invoer": str(invoer), **sleutels}))
    verdeling = analyseer(valideer_parameters("woonzorganalyse", {"regio": "mra", **sleutels})).verdeling
    assert verdeling["naar herkomst"].sum() > 0  # without small local counts the key is allowed


def _rij(gemeente: str, doelgroep: str, waarde: str, scenario: str = "midden") -> dict[str, str]:
    return {"gemeentecode": gemeente, "gemeente": gemeente, "deelregio": "" if not gemeente else "Noord",
            "doelgroep": doelgroep, "scenario": scenario, "jaar": "2025", "indicator": "vraag_personen",
            "waarde": waarde, "herkomst": "register", "bron": "test", "bestand": "a/kerncijfers.csv"}


def test_a_single_hidden_cell_in_a_sum_is_recovered_by_subtraction():
    rijen = pd.DataFrame([
        _rij("A", "urgenten", "."), _rij("A", "ggz", "20"), _rij("A", "totaal aandachtsgroepen", "35"),
        _rij("B", "urgenten", "15"), _rij("B", "ggz", "20"), _rij("B", "totaal aandachtsgroepen", "35"),
    ])
    herleid = controleer(rijen)
    assert [(h.gemeentecode, h.doelgroep) for h in herleid] == [("A", "urgenten")]
    assert (herleid[0].ondergrens, herleid[0].bovengrens) == (10.0, 20.0)  # 35 − 20, each ±2,5


def test_a_cell_hidden_in_one_scenario_follows_from_another_by_the_fixed_ratio():
    rijen = pd.DataFrame([
        *(_rij(g, "uitstroom_bw", w, "laag") for g, w in (("A", "."), ("B", "40"), ("C", "80"))),
        *(_rij(g, "uitstroom_bw", w, "midden") for g, w in (("A", "15"), ("B", "60"), ("C", "120"))),
    ])
    herleid = controleer(rijen)
    assert [(h.gemeentecode, h.scenario) for h in herleid] == [("A", "laag")]
    assert 5 < herleid[0].ondergrens < 10 < herleid[0].bovengrens < 15  # ratio 2/3 of 15 ± rounding


@pytest.mark.parametrize(("inhoud", "melding"), [
    (b"", "niet te lezen als kerncijfers.csv"),
    (b"gemeentecode,deelregio,doelgroep,scenario,jaar,indicator,waarde\n,IJmond,,midden,2025,tekort,abc\n",
     "rij 2: waarde 'abc' is geen getal"),
    (b"gemeentecode,deelregio,doelgroep,scenario,jaar,indicator,waarde\n,IJmond,,midden,twintig,tekort,5\n",
     "rij 2: jaar 'twintig' is geen jaartal"),
    (b"gemeentecode,deelregio,doelgroep,scenario,indicator,waarde\n", "rij 1: kolom jaar ontbreekt"),
    ("gemeentecode,deelregio\n".encode("utf-16"), "niet te lezen als kerncijfers.csv"),
])
def test_a_damaged_or_tampered_file_gets_a_dutch_message_naming_it(tmp_path, capsys, inhoud, melding):
    (tmp_path / "ijmond").mkdir()
    (tmp_path / "ijmond" / "kerncijfers.csv").write_bytes(inhoud)
    assert main(["controleer-onthulling", str(tmp_path)]) == 2
    fout = capsys.readouterr().err
    assert "ijmond/kerncijfers.csv" in fout and melding in fout and "Traceback" not in fout
