"""Every product of a batch: each page meets WCAG 2.1 AA as far as axe-core can tell (Debian's headless Chromium),
each report and factsheet has a tagged A4 PDF with nothing cut off, and the index links them all."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
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


PDFTOTEXT = shutil.which("pdftotext")


def _woorden(pdf: Path) -> list[tuple[int, float, float, float]]:
    """Every word's page, left and right edge, and its page's width, from poppler's pdftotext -bbox."""
    uit = subprocess.run([PDFTOTEXT, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=120).stdout
    woorden = []
    for nummer, pagina in enumerate(re.findall(r"<page (.*?)</page>", uit, flags=re.S), start=1):
        breedte = float(re.search(r'width="([\d.]+)"', pagina).group(1))
        for x_min, x_max in re.findall(r'<word xMin="([\d.-]+)" yMin="[\d.-]+" xMax="([\d.-]+)"', pagina):
            woorden.append((nummer, float(x_min), float(x_max), breedte))
    return woorden


def test_every_report_and_factsheet_has_its_pdf(uitvoer):
    paginas = [p for p in _paginas(uitvoer) if p.name == "rapport.html" or p.name.startswith("factsheet-")]
    assert len(paginas) == len(RUNS) + 5
    for pagina in paginas:
        assert pagina.with_suffix(".pdf").is_file(), pagina
    hoofdstukken = [p for p in _paginas(uitvoer) if p.name.startswith("vhp-")]
    assert len(hoofdstukken) == 5 and all(p.with_suffix(".pdf").is_file() and p.with_suffix(".docx").is_file()
                                          for p in hoofdstukken)
    assert list((uitvoer / "mra").glob("bijlage-verdeling-*.docx")) and list((uitvoer / "mra").glob("bijlage-*.csv"))


def test_the_pdfs_are_tagged_a4_dutch_titled_with_page_numbers_and_contents(uitvoer):
    from pypdf import PdfReader

    for pdf in sorted(uitvoer.rglob("*.pdf")):
        lezer = PdfReader(pdf)
        wortel = lezer.trailer["/Root"]
        assert wortel["/Lang"] == "nl" and wortel["/MarkInfo"]["/Marked"], pdf
        assert "/StructTreeRoot" in wortel and wortel["/ViewerPreferences"]["/DisplayDocTitle"], pdf
        titel = re.search(r"<title>(.*?)</title>", pdf.with_suffix(".html").read_text(encoding="utf-8")).group(1)
        assert lezer.metadata.title == titel.replace("&amp;", "&"), pdf
        for pagina in lezer.pages:  # A4, portrait or (a wide table) landscape
            assert sorted(round(float(m)) for m in pagina.mediabox[2:]) == [595, 842], pdf
        if pdf.name.startswith("factsheet-"):
            assert len(lezer.pages) == 1, f"{pdf.name}: a factsheet is one A4 page"
        elif pdf.name.startswith("vhp-"):  # a VHP chapter: numbered pages and bookmarks from its headings
            assert f"pagina 1 van {len(lezer.pages)}" in lezer.pages[0].extract_text(), pdf
            assert len(lezer.outline) >= 1, pdf
        else:
            tekst = lezer.pages[0].extract_text()
            assert f"pagina 1 van {len(lezer.pages)}" in tekst, pdf
            hoofdstukken = re.findall(r"^(\d+\. .+?)[ .]+(\d+)$", tekst, flags=re.M)
            assert len(hoofdstukken) >= 9 and hoofdstukken[0][0].startswith("1. Bestuurlijke samenvatting"), tekst[:800]
            assert [int(n) for _, n in hoofdstukken] == sorted(int(n) for _, n in hoofdstukken)
            assert len(lezer.outline) >= 1, "bookmarks from the headings"


def _structuur(knoop, soorten):
    knoop = knoop.get_object()
    if isinstance(knoop, dict):
        if "/S" in knoop:
            soorten.add(str(knoop["/S"]))
        kinderen = knoop.get("/K")
        for kind in kinderen if isinstance(kinderen, list) else [kinderen] if kinderen is not None else []:
            _structuur(kind, soorten)
    return soorten


def test_the_tag_tree_has_headings_tables_with_headers_and_figures(uitvoer):
    from pypdf import PdfReader

    for pdf in (uitvoer / "ijmond" / "rapport.pdf", uitvoer / "ijmond" / "factsheet-gm0375-beverwijk.pdf"):
        soorten = _structuur(PdfReader(pdf).trailer["/Root"]["/StructTreeRoot"], set())
        assert {"/H1", "/Table", "/TR", "/TH", "/TD", "/Figure", "/Caption"} <= soorten, (pdf, soorten)
    soorten = _structuur(PdfReader(uitvoer / "ijmond" / "vhp-gm0375-beverwijk.pdf").trailer["/Root"]["/StructTreeRoot"],
                         set())  # without a realisation the chapter has no chart
    assert {"/H1", "/H2", "/Table", "/TR", "/TH", "/TD", "/Caption"} <= soorten, soorten


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils is not installed (.ci/run installs it)")
def test_no_word_of_any_pdf_falls_outside_its_page(uitvoer):
    from woonzorg_lib.rapport.pdf import tabelmaten

    for pdf in sorted(uitvoer.rglob("*.pdf")):
        woorden = _woorden(pdf)
        assert woorden, pdf
        buiten = [w for w in woorden if w[1] < 0 or w[2] > w[3] + 0.5]
        assert buiten == [], (pdf.name, buiten[:5])
    import weasyprint

    for html in sorted(uitvoer.rglob("rapport.html")):  # and every table no wider than its page's content area
        maten = tabelmaten(weasyprint.HTML(filename=str(html)).render())
        assert maten and all(m.breedte <= m.ruimte + 0.5 for m in maten), [m for m in maten if not m.past][:3]


# --- issue 21: pagination a griffier can put on the agenda -----------------------------------------------------------

def _regels_per_pagina(pdf: Path) -> list[list[str]]:
    """The lines of text of every page, without the running footer (title and page number)."""
    from pypdf import PdfReader

    return [[r.strip() for r in p.extract_text().splitlines() if r.strip() and not re.search(r"pagina \d+ van \d+$", r)]
            for p in PdfReader(pdf).pages]


def _plat(tekst: str) -> str:
    return re.sub(r"\s+", "", tekst)


def test_no_report_page_is_nearly_empty_and_no_caption_leaves_its_table(uitvoer):
    import html as html_

    for pdf in sorted(uitvoer.rglob("rapport.pdf")):
        paginas = _regels_per_pagina(pdf)
        assert [(i, r) for i, r in enumerate(paginas, start=1) if len(r) < 5] == [], pdf  # no lone Monitor, software line
        platte = [_plat("".join(r)) for r in paginas]
        html = pdf.with_suffix(".html").read_text(encoding="utf-8")
        bijschriften = [_plat(html_.unescape(re.sub(r"<[^>]+>", "", b)))
                        for b in re.findall(r"<caption[^>]*>(.*?)</caption>", html, flags=re.S)]
        assert bijschriften
        for bijschrift in bijschriften:  # the whole caption on one page, with its table's head and a row after it
            pagina = next((p for p in platte if bijschrift in p), None)
            assert pagina is not None, (pdf, bijschrift)
            assert len(pagina.split(bijschrift, 1)[1]) > 20, (pdf, bijschrift)
        alles = "".join(platte)
        for eenmaal in ("Software.", _plat("Parameters van deze analyse")):  # not once in the text and again in a footer
            assert alles.count(eenmaal) <= 1, (pdf, eenmaal)


PDFIMAGES = shutil.which("pdfimages")


@pytest.mark.skipif(PDFIMAGES is None, reason="poppler-utils is not installed (.ci/run installs it)")
def test_charts_print_at_200_ppi_or_more_and_maps_as_vectors(uitvoer):
    for pdf in sorted(uitvoer.rglob("*.pdf")):
        lijst = subprocess.run([PDFIMAGES, "-list", str(pdf)], capture_output=True, text=True, check=True,
                               timeout=120).stdout.splitlines()[2:]
        beelden = [r.split() for r in lijst if r.split()[2] == "image"]
        assert all(min(int(b[12]), int(b[13])) >= 200 for b in beelden), (pdf.name, [b[12:14] for b in beelden])
    for html in sorted(uitvoer.rglob("*.html")):
        tekst = html.read_text(encoding="utf-8")
        kaarten = re.findall(r'<figure class="wz-kaart"><img src="data:([^;]+);', tekst)
        assert set(kaarten) <= {"image/svg+xml"}, html


def _lettergroottes(pdf: Path) -> dict[float, int]:
    """Characters per font size (pt, as printed) of a PDF, read with pypdf's text visitor."""
    from collections import Counter

    from pypdf import PdfReader

    teller: Counter[float] = Counter()

    def bezoek(tekst, cm, tm, _font, grootte):
        if tekst.strip():
            teller[round(grootte * abs(tm[3] * cm[3] or tm[0] * cm[0]), 1)] += len(tekst.strip())

    for pagina in PdfReader(pdf).pages:
        pagina.extract_text(visitor_text=bezoek)
    return dict(teller)


VERBODEN = [r"\b[a-z]+(?:_[a-z]+)+\b", r"woonzorg data vernieuwen", r"editie '", r"\w+/\w+\.(?:ya?ml|py|csv|ipynb)\b",
            r"\b\d+\.\d+\.\d+\b", r"woonzorg \d", r"[×÷]", r"\w\s*=\s*\w", r"https?://"]


def test_factsheets_read_at_9_pt_with_a_short_source_list_and_no_code_names(uitvoer):
    for pdf in sorted(uitvoer.rglob("factsheet-*.pdf")):
        maten = _lettergroottes(pdf)
        tekst = sum(maten.values())
        klein = sum(n for m, n in maten.items() if m < 9)
        assert klein <= 0.02 * tekst, (pdf.name, maten)  # only the footnote marks are smaller
        html = pdf.with_suffix(".html").read_text(encoding="utf-8")
        zichtbaar = re.sub(r"<[^>]+>", " ", re.sub(r"<(style|head)\b.*?</\1>", " ", html, flags=re.S))
        for patroon in VERBODEN:
            assert not re.search(patroon, zichtbaar), (pdf.name, patroon, re.search(patroon, zichtbaar))
        bronnen = re.search(r'<ol class="bronnen">(.*?)</ol>', html, flags=re.S).group(1)
        assert 1 <= bronnen.count("<li>") <= 12 and len(re.sub(r"<[^>]+>", "", bronnen)) < 1200, pdf.name


def test_the_index_and_statement_keep_their_font_unescaped(uitvoer):
    for naam in ("index.html", "toegankelijkheid.html"):
        stijl = re.search(r"<style>(.*?)</style>", (uitvoer / naam).read_text(encoding="utf-8"), flags=re.S).group(1)
        assert '"DejaVu Sans"' in stijl and "&#34;" not in stijl, naam
