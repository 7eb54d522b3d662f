"""`woonzorg analyse` in the terminal: the report's rounding and Dutch column names."""

from __future__ import annotations

import re

import pytest
from rich.console import Console

from tests.conftest import PARAMETERS
from woonzorg_lib.algemeen.opmaak import getal, procent
from woonzorg_lib.analyse.doorrekenen import analyseer
from woonzorg_lib.analyse.parameters import lees_parameterbestand
from woonzorg_lib.model.onthulling import afgerond
from woonzorg_lib.runner.terminal import toon_analyse


@pytest.fixture(scope="module")
def uitvoer() -> tuple[str, object]:
    analyse = analyseer(lees_parameterbestand(PARAMETERS / "ijmond.yaml").parameters)
    console = Console(record=True, width=220, markup=False, highlight=False)
    toon_analyse(analyse, console)
    return console.export_text(), analyse


def _rij(tekst: str, begin: str) -> list[str]:
    regel = next(r for r in tekst.splitlines() if r.startswith(f"│ {begin} "))
    return [c.strip() for c in regel.strip("│").split("│")]


def test_no_raw_column_names(uitvoer):
    tekst, _ = uitvoer
    for ruw in ("vraag_aandachtsgroepen", "nieuw_aanbod", "eigen_vraag", "waarde_laag", "uitkomst_laag", "omschrijving",
                "beschikbaar", "naam "):
        assert not re.search(rf"┃ *{ruw}", tekst), ruw


def test_the_figures_are_rounded_as_the_report_rounds_them(uitvoer):
    tekst, analyse = uitvoer
    p = analyse.parameters
    conf = analyse.confrontatie
    regio = conf[(conf["niveau"] != "gemeente") & (conf["scenario"] == p.scenario) & (conf["jaar"] == p.peiljaar)]
    (_, regio), = regio[regio["naam"] == "IJmond"].iterrows()
    vraag, verhuringen = regio["vraag_aandachtsgroepen"], regio["verhuringen"]
    assert vraag % 5 and regio["tekort"] % 5  # unrounded in the model, so the check can fail
    assert _rij(tekst, "IJmond") == ["IJmond", getal(afgerond(vraag)), getal(afgerond(verhuringen)),
                                     getal(afgerond(regio["beschikbaar"])), getal(afgerond(regio["nieuw_aanbod"])),
                                     getal(afgerond(regio["tekort"])), procent(vraag / verhuringen)]
    for groep in ("Statushouders (vergunninghouders)", "Uitstroom beschermd wonen", "Ouderen met een zorgvraag"):
        laag, midden, hoog = (int(c.replace(".", "")) for c in _rij(tekst, groep)[1:4])
        assert laag % 5 == midden % 5 == hoog % 5 == 0, groep
    for gemeente in ("Velsen", "Haarlem"):
        assert int(_rij(tekst, gemeente)[2].replace(".", "")) % 5 == 0  # own demand, as on the report's map
