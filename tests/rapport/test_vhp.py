"""The VHP chapter per gemeente: Word with real headings, header rows, alt text and Dutch; the same numbers as the
factsheet; plain words; a tagged PDF; and without a filled invoerformat it says what to fill in."""

import io
import re

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from tests.rapport.test_leesbaarheid import VERBODEN
from tests.vhp_fixture import BRON, ijmond_parameters, vul_ijmond_in
from woonzorg_lib.analyse.doorrekenen import analyseer
from woonzorg_lib.rapport.factsheet import factsheet
from woonzorg_lib.rapport.kaartcijfers import TOTAAL_VRAAG
from woonzorg_lib.rapport.kerncijfers import kerncijfers
from woonzorg_lib.rapport.pdf import maak_pdf
from woonzorg_lib.rapport.vhp.bijlage import bijlage
from woonzorg_lib.rapport.vhp.blokken import Figuur, Tabel
from woonzorg_lib.rapport.vhp.html import html
from woonzorg_lib.rapport.vhp.inhoud import hoofdstuk
from woonzorg_lib.rapport.vhp.word import word


@pytest.fixture(scope="module")
def gevuld(tmp_path_factory):
    analyse = analyseer(ijmond_parameters(vul_ijmond_in(tmp_path_factory.mktemp("vhp"))))
    return analyse, kerncijfers(analyse)


@pytest.fixture(scope="module")
def leeg():
    analyse = analyseer(ijmond_parameters())
    return analyse, kerncijfers(analyse)


def test_the_word_document_has_headings_header_rows_alt_text_and_dutch(gevuld):
    analyse, kern = gevuld
    document = Document(io.BytesIO(word(hoofdstuk(analyse, kern, "GM0375"))))
    koppen = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert koppen[0][0] == "Heading 1" and koppen[0][1].startswith("Aandachtsgroepen en wonen met zorg")
    assert {s for s, _ in koppen} == {"Heading 1", "Heading 2"} and len(koppen) >= 9
    assert document.tables and all(
        t.rows[0]._tr.trPr is not None and t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        for t in document.tables)
    assert document.core_properties.language == "nl-NL"
    taal = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert taal.get(qn("w:val")) == "nl-NL"
    afbeeldingen = document.inline_shapes
    assert len(afbeeldingen) == 1 and "taakstelling" in afbeeldingen[0]._inline.docPr.get("descr")


def test_the_chapter_shows_the_factsheets_numbers(gevuld):
    analyse, kern = gevuld
    p = analyse.parameters
    h = hoofdstuk(analyse, kern, "GM0453")
    blad = factsheet(analyse, kern, "GM0453").html
    totaal = kern[(kern["gemeentecode"] == "GM0453") & (kern["indicator"] == "vraag_woningen") & (kern["doelgroep"] == TOTAAL_VRAAG)
                  & (kern["scenario"] == p.scenario) & (kern["jaar"] == p.peiljaar)]["waarde"].iloc[0]
    assert h.cijfers["vraag_totaal_peiljaar"] == f"{float(totaal):,.0f}".replace(",", ".")
    assert f">{h.cijfers['claim']}</td>" in blad
    for sleutel, waarde in h.cijfers.items():
        if sleutel.startswith("fair_share: "):
            assert re.search(rf"{re.escape(sleutel.removeprefix('fair_share: '))}.*?>{re.escape(waarde)}</td>", blad, re.DOTALL)
    assert f">{h.cijfers['claim']}<" in html(h)


@pytest.mark.parametrize("invoer", ["gevuld", "leeg"])
def test_the_chapter_is_plain_dutch_without_code_names_formulas_or_half_year_codes(invoer, request):
    analyse, kern = request.getfixturevalue(invoer)
    for code in analyse.regio.gemeentecodes:
        tekst = hoofdstuk(analyse, kern, code).tekst()
        gevonden = {wat: re.findall(patroon, tekst) for wat, patroon in VERBODEN.items() if re.search(patroon, tekst)}
        assert not gevonden, code


def test_with_the_filled_invoerformat_it_shows_the_check_and_the_monitor(gevuld):
    analyse, kern = gevuld
    h = hoofdstuk(analyse, kern, "GM0375")
    tabellen = {b.bijschrift: b for b in h.blokken if isinstance(b, Tabel)}
    monitor = tabellen["Taakstelling en gehuisveste statushouders in Beverwijk"]
    assert len(monitor.rijen) >= 3 and "achterstand van" in h.tekst()
    nieuw = tabellen["Geplande nieuwbouw 2025 tot en met 2030"]
    assert nieuw.rijen[0][1:5] == ("540", "450", "300", "510") and nieuw.rijen[0][6] == "71,7%"
    assert "woningbouwregio" in h.tekst() and BRON not in h.tekst()  # a test fixture's source is no product text
    assert any(isinstance(b, Figuur) for b in h.blokken)
    uitgeest = hoofdstuk(analyse, kern, "GM0450")
    assert "niet ingevuld" in {b.bijschrift: b for b in uitgeest.blokken if isinstance(b, Tabel)}[
        "Geplande nieuwbouw 2025 tot en met 2030"].rijen[0]


def test_without_the_sheets_it_says_what_to_fill_in(leeg):
    analyse, kern = leeg
    tekst = hoofdstuk(analyse, kern, "GM0375").tekst()
    assert "blad 'realisatie'" in tekst and "blad 'nieuwbouw'" in tekst and "niet ingevuld" in tekst
    assert not any(isinstance(b, Figuur) for b in hoofdstuk(analyse, kern, "GM0375").blokken)


@pytest.mark.parametrize("invoer", ["gevuld", "leeg"])
def test_the_pdf_is_tagged_dutch_and_titled_and_every_table_fits(invoer, request, tmp_path):
    analyse, kern = request.getfixturevalue(invoer)
    h = hoofdstuk(analyse, kern, "GM0396")
    (tmp_path / "vhp.html").write_text(html(h), encoding="utf-8")
    assert maak_pdf(tmp_path / "vhp.html", tmp_path / "vhp.pdf") >= 2
    lezer = PdfReader(tmp_path / "vhp.pdf")
    assert lezer.trailer["/Root"]["/Lang"] == "nl" and lezer.metadata.title == h.titel
    assert lezer.trailer["/Root"]["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in lezer.trailer["/Root"]


def test_the_regional_annex_has_one_row_per_gemeente_of_the_region():
    from woonzorg_lib.analyse.parameters import valideer_parameters

    analyse = analyseer(valideer_parameters("regio-overzicht", {"regio": "mra"}))
    kern = kerncijfers(analyse)
    blad, tabel = bijlage(analyse, kern)
    assert len(tabel) == len(analyse.geheel.gemeentecodes) and tabel["gemeentecode"].is_unique
    assert tabel.filter(like="deel: ").notna().all().all()
    document = Document(io.BytesIO(word(blad)))
    assert len(document.tables[0].rows) == len(tabel) + 2  # header row and total


def test_a_chapter_that_shows_less_than_2_5_says_what_it_means():
    """Zandvoort's chapter shows '< 2,5' for jeugdzorg and explained only the dots and the point."""
    from woonzorg_lib.rapport.hoofdstukken import Rapport
    from woonzorg_lib.rapport.vhp.blokken import Alinea

    zk = Rapport.uit_notebook("woonzorganalyse", {"regio": "mra", "deelregio": "Zuid-Kennemerland"})
    teksten = {code: " ".join(b.tekst for b in hoofdstuk(zk.analyse, zk.kern, code).blokken if isinstance(b, Alinea))
               for code in ("GM0473", "GM0392")}
    assert "'< 2,5' betekent: meer dan 0 maar minder dan 2,5" in teksten["GM0473"]
    assert "< 2,5" not in teksten["GM0392"]


def test_a_sentence_says_less_than_2_5_in_words():
    """The table of urgent groups read 'Uitstroom jeugdzorg (18+): < 2,5 woningen per jaar' for Zandvoort."""
    from woonzorg_lib.rapport.hoofdstukken import Rapport

    zk = Rapport.uit_notebook("woonzorganalyse", {"regio": "mra", "deelregio": "Zuid-Kennemerland"})
    cellen = [c for b in hoofdstuk(zk.analyse, zk.kern, "GM0473").blokken if isinstance(b, Tabel)
              for r in b.rijen for c in r if "woningen per jaar" in str(c)]
    assert any("Uitstroom jeugdzorg (18+): minder dan 2,5 woningen per jaar" in c for c in cellen)
    assert not any("< 2,5 woningen" in c for c in cellen)


def test_a_long_region_name_in_a_row_label_breaks_so_every_table_fits_the_page(tmp_path):
    """Woningmarktregio Friesland: the nieuwbouw table's region row label held the 16-letter word
    'Woningmarktregio'; the table was 706 points wide on a 695-point page and the batch refused the PDF."""
    from woonzorg_lib.analyse.parameters import valideer_parameters

    analyse = analyseer(valideer_parameters("woonzorganalyse", {"regio": "woningmarktregio-friesland"}))
    h = hoofdstuk(analyse, kerncijfers(analyse), "GM0059")  # Achtkarspelen
    (tmp_path / "vhp.html").write_text(html(h), encoding="utf-8")
    assert maak_pdf(tmp_path / "vhp.html", tmp_path / "vhp.pdf") >= 2  # raises when a table is wider than the page
