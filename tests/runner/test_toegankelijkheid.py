"""Every page a batch produces meets WCAG 2.1 AA as far as axe-core can tell, in Debian's headless Chromium."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from rich.console import Console

from tests.axe import CHROMIUM, browser, overtredingen
from tests.conftest import PARAMETERS
from woonzorg_lib.runner.batch import batch

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")

RUNS = [PARAMETERS / "amsterdam.yaml", PARAMETERS / "ijmond.yaml", PARAMETERS / "mra.yaml"]  # 1 gemeente, 4, the region


@pytest.fixture(scope="module")
def uitvoer(tmp_path_factory) -> Path:
    map_ = tmp_path_factory.mktemp("toegankelijk")
    resultaten, _ = batch(RUNS, map_, parallel=2, console=Console(file=open(os.devnull, "w")))  # noqa: SIM115
    assert {r.status for r in resultaten} == {"geslaagd"}, [r.melding for r in resultaten]
    return map_


def _paginas(map_: Path) -> list[Path]:
    return sorted(p for p in map_.rglob("*.html") if not any(d.startswith(".") for d in p.relative_to(map_).parts))


def test_every_page_of_the_batch_has_zero_aa_violations(uitvoer):
    paginas = _paginas(uitvoer)
    assert {p.name for p in paginas} >= {"index.html", "toegankelijkheid.html", "rapport.html"}
    assert sum(p.name == "rapport.html" for p in paginas) == len(RUNS)
    assert sum(p.name.startswith("factsheet-") for p in paginas) == 5  # Amsterdam and the 4 of IJmond
    gevonden = {}
    with browser() as chromium:
        for pagina in paginas:
            for breedte in (1100, 360):  # a desktop and a phone
                fouten = overtredingen(chromium, pagina, breedte)
                if fouten:
                    gevonden[f"{pagina.relative_to(uitvoer)} @ {breedte}px"] = fouten
    assert gevonden == {}


def test_every_page_is_dutch_titled_and_marks_up_its_table_headers(uitvoer):
    for pagina in _paginas(uitvoer):
        html = pagina.read_text(encoding="utf-8")
        assert re.search(r'<html lang="nl"', html), pagina
        titel = re.search(r"<title>(.*?)</title>", html, flags=re.S).group(1).strip()
        assert titel and titel != "Notebook", pagina
        koppen = re.findall(r"<th(?:\s[^>]*)?>", html)
        assert all('scope="' in k for k in koppen), (pagina, [k for k in koppen if "scope" not in k][:3])
    rapport = (uitvoer / "ijmond" / "rapport.html").read_text(encoding="utf-8")
    assert "<title>Woonzorganalyse — Metropoolregio Amsterdam (MRA) — deelregio IJmond</title>" in rapport
    assert "1 gemeente in 1 deelregio" in (uitvoer / "amsterdam" / "rapport.html").read_text(encoding="utf-8")


def test_the_index_links_the_accessibility_statement(uitvoer):
    index = (uitvoer / "index.html").read_text(encoding="utf-8")
    assert 'href="./toegankelijkheid.html"' in index
    verklaring = (uitvoer / "toegankelijkheid.html").read_text(encoding="utf-8")
    assert "WCAG 2.1" in verklaring and "axe-core" in verklaring and 'href="./index.html"' in verklaring


def test_the_index_lists_the_factsheets_per_deelregio(uitvoer):
    index = (uitvoer / "index.html").read_text(encoding="utf-8")
    assert "5 factsheets" in index
    ijmond = index.split("<h3>IJmond</h3>")[1].split("</ul>")[0]
    for naam, bestand in (("Beverwijk", "factsheet-gm0375-beverwijk.html"), ("Velsen", "factsheet-gm0453-velsen.html")):
        assert f'<a href="./ijmond/{bestand}">{naam}</a>' in ijmond
        assert (uitvoer / "ijmond" / bestand).is_file()
    assert '<a href="./amsterdam/factsheet-gm0363-amsterdam.html">Amsterdam</a>' in index.split("<h3>Amsterdam</h3>")[1]
    assert not list((uitvoer / "mra").glob("factsheet-*")), "the regional overview makes no factsheets of its own"
