"""The VHP sheets of the invoerformat: the affordability check, the taakstelling monitor and strict reading."""

import datetime as dt

import pytest

from tests.vhp_fixture import GEHUISVEST, NIEUWBOUW, ijmond_parameters, vul_ijmond_in
from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.analyse.betaalbaarheid import normen, toets
from woonzorg_lib.analyse.doorrekenen import analyseer
from woonzorg_lib.analyse.realisatie import monitor
from woonzorg_lib.data.wvrv import lees_wvrv


@pytest.fixture(scope="module")
def gevuld(tmp_path_factory):
    return analyseer(ijmond_parameters(vul_ijmond_in(tmp_path_factory.mktemp("vhp"))))


def test_the_affordability_check_is_data_and_says_niet_ingevuld(gevuld):
    tabel = toets(gevuld.plannen, gevuld.regio).set_index("gemeente")
    beverwijk = tabel.loc["Beverwijk"]
    assert beverwijk["totaal"] == sum(NIEUWBOUW["GM0375"])
    assert beverwijk["aandeel_sociale_huur"] == pytest.approx(540 / 1800)
    assert beverwijk["aandeel_betaalbaar"] == pytest.approx((540 + 450 + 300) / 1800)
    assert not tabel.loc["Uitgeest", "ingevuld"] and tabel.loc["Uitgeest", "herkomst"] == "niet ingevuld"
    regio = tabel.loc["IJmond"]
    assert "3 van de 4" in regio["bron"] or "3 van 4" in regio["bron"]
    assert regio["totaal"] == sum(sum(v) for v in NIEUWBOUW.values())


def test_the_norm_comes_from_the_facts_file_and_is_regional():
    wvrv = lees_wvrv()
    assert normen(wvrv) == {"betaalbaar": 0.6667, "sociale_huur": 0.30, "middensegment": 0.40}
    assert "woningbouwregio" in wvrv.feiten["norm_betaalbaar"].tekst


def test_the_achterstand_is_task_minus_housed_and_is_not_counted_twice(gevuld):
    """The realised half-years lie in the analysis years, whose demand already holds their full task."""
    tabel = monitor(gevuld.taakstelling, gevuld.plannen, "midden")
    beverwijk = tabel[tabel["gemeentecode"] == "GM0375"]
    assert len(beverwijk) >= 3 and (beverwijk["gehuisvest"] < beverwijk["taakstelling"]).all()
    assert beverwijk["achterstand"].iloc[-1] == pytest.approx((beverwijk["taakstelling"] - beverwijk["gehuisvest"]).sum())
    assert GEHUISVEST["GM0375"] < 1
    assert "statushouders_achterstand" not in set(gevuld.invoer["onderwerp"])
    zonder = analyseer(ijmond_parameters())
    assert gevuld.vraag["woningen"].sum() == pytest.approx(zonder.vraag["woningen"].sum())


def _fout(tmp_path, aanpassen) -> str:
    pad = vul_ijmond_in(tmp_path, aanpassen)
    with pytest.raises(WoonzorgFout) as fout:
        analyseer(ijmond_parameters(pad))
    return str(fout.value)


def _zet(blad, rij, kolom, waarde):
    def aanpassen(werkmap):
        kop = [c.value for c in werkmap[blad][1]]
        werkmap[blad].cell(row=rij, column=kop.index(kolom) + 1).value = waarde
    return aanpassen


def test_segments_that_do_not_add_up_name_file_row_and_column(tmp_path):
    tekst = _fout(tmp_path, _zet("nieuwbouw", 2, "totaal", 1700))
    assert "ijmond.xlsx" in tekst and "blad 'nieuwbouw', rij 2, kolom 'totaal'" in tekst and "tellen op tot 1800" in tekst


def test_a_negative_segment_and_a_missing_one_are_refused(tmp_path):
    assert "mag niet negatief" in _fout(tmp_path, _zet("nieuwbouw", 2, "overig", -5))
    assert "vul elk segment in" in _fout(tmp_path, _zet("nieuwbouw", 2, "middenhuur", None))


def test_a_future_half_year_and_an_implausible_realisation_are_refused(tmp_path):
    tekst = _fout(tmp_path, _zet("realisatie", 2, "halfjaar", f"{dt.date.today().year + 1}-H1"))
    assert "blad 'realisatie', rij 2, kolom 'halfjaar'" in tekst and "nog niet begonnen" in tekst
    tekst = _fout(tmp_path, _zet("realisatie", 3, "gehuisvest", 5000))
    assert "blad 'realisatie', rij 3, kolom 'gehuisvest'" in tekst and "aannemelijk" in tekst


def test_without_the_sheets_nothing_is_filled_in():
    analyse = analyseer(ijmond_parameters())
    assert analyse.plannen.nieuwbouw.empty and analyse.plannen.realisatie.empty
    assert not toets(analyse.plannen, analyse.regio)["ingevuld"].any()
