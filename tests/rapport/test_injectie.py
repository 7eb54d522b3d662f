"""Everything user-written is text: names and sources never become images, links, scripts or formulas."""

import pandas as pd
import pytest
from IPython.display import HTML, Markdown
from nbconvert.filters.markdown import markdown2html_mistune
from openpyxl import load_workbook

from woonzorg_lib.analyse.parameters import valideer_parameters
from woonzorg_lib.rapport.hoofdstukken import Rapport
from woonzorg_lib.rapport.uitvoer import schrijf_uitvoer
from woonzorg_lib.runner.index import schrijf_index

AANVAL = "![p](https://evil.example/t.png) [klik](javascript:alert(1)) <script>alert(2)</script>"
FORMULE = '=HYPERLINK("https://evil.example","klik")'


@pytest.fixture(scope="module")
def rapport(tmp_path_factory):
    map_ = tmp_path_factory.mktemp("regio")
    regio = map_ / "vijandig.yaml"
    regio.write_text(
        f"naam: '{AANVAL}'\n"
        "deelregios:\n"
        f"  - naam: '{FORMULE.replace(chr(39), chr(39) * 2)}'\n"
        "    gemeenten: [GM0375, GM0396]\n"
        "  - naam: '$x^2$ **vet**'\n"
        "    gemeenten: [GM0450, GM0453]\n",
        encoding="utf-8")
    parameters = valideer_parameters("woonzorganalyse", {
        "regio": str(regio), "verdeelsleutels": {"[klik](javascript:alert(3))": {"inwoners": 1},
                                                 "=SUM(1;2)": {"verhuringen": 1}}})
    return Rapport.uit_notebook("woonzorganalyse", parameters.model_dump())


def _html(rapport: Rapport) -> str:
    delen = [d for h in ("samenvatting", "afbakening", "verdeling", "aanbod", "confrontatie") for d in rapport.hoofdstuk(h).weergaven()]
    return "\n".join(markdown2html_mistune(d.data) if isinstance(d, Markdown) else d.data for d in delen
                     if isinstance(d, Markdown | HTML))


def test_names_in_the_report_stay_text(rapport):
    import re

    # The maps are the report's own inline images (base64 SVG, escaped alt text); nothing else may be an image.
    html, kaarten = re.subn(r'<img src="data:image/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="Kaart: [^"<>]*">', "", _html(rapport))
    assert kaarten == 3
    assert "<img" not in html and "<script" not in html
    assert "href=" not in html  # no link at all: a report links to nothing
    assert "[klik]" in html or "\\[klik\\]" in html  # the name is still readable


def test_excel_computes_nothing_and_csv_cannot_start_a_formula(rapport, tmp_path):
    schrijf_uitvoer(rapport.analyse, tmp_path)
    werkmap = load_workbook(tmp_path / "tabellen.xlsx")
    formules = [c.coordinate for blad in werkmap.worksheets for rij in blad.iter_rows() for c in rij if c.data_type == "f"]
    assert formules == []
    assert any(str(c.value).startswith(FORMULE) and c.data_type == "s"  # the name kept, as text
               for blad in werkmap.worksheets for rij in blad.iter_rows() for c in rij)
    kern = pd.read_csv(tmp_path / "kerncijfers.csv", dtype=str, keep_default_na=False)
    tekst = kern.drop(columns="waarde")
    assert not tekst.apply(lambda k: k.str.startswith(("=", "+", "@"))).any().any()
    assert (kern["deelregio"] == "'" + FORMULE).any()


def test_index_links_only_to_files_of_the_batch(tmp_path):
    for naam in ("javascript:alert(document.domain)", "a#b"):
        map_ = tmp_path / naam
        map_.mkdir()
        (map_ / "manifest.json").write_text('{"samenvatting": {}}', encoding="utf-8")
        (map_ / "rapport.html").write_text("x", encoding="utf-8")
    index = schrijf_index(tmp_path, {}).read_text(encoding="utf-8")
    assert 'href="./javascript%3Aalert%28document.domain%29/rapport.html"' in index
    assert 'href="./a%23b/rapport.html"' in index
    assert 'href="javascript' not in index
