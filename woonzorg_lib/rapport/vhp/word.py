"""The VHP chapter as an editable Word document (python-docx): real headings, header rows, alt text, Dutch.

Gemeenten write their volkshuisvestingsprogramma in Word, so the chapter must stay accessible
when they paste it in: headings in the styles 'Heading 1' and 'Heading 2', every table's first
row marked as a header row (repeated on each page), alt text on the chart, and the document
language nl-NL in the styles and the core properties.
"""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from woonzorg_lib import __version__
from woonzorg_lib.rapport.vhp.blokken import Alinea, Figuur, Hoofdstuk, Kop, Lijst, Tabel

TAAL = "nl-NL"
BLAUW = RGBColor(0x1F, 0x4E, 0x79)


def _taal(document: Document) -> None:
    """nl-NL for every run: in the document defaults and in the Normal style (what Word's spelling check reads)."""
    standaard = document.styles.element.find(qn("w:docDefaults"))
    rpr = standaard.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for element in (rpr, document.styles["Normal"].element.get_or_add_rPr()):
        lang = element.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            element.append(lang)
        for attribuut in ("w:val", "w:eastAsia", "w:bidi"):
            lang.set(qn(attribuut), TAAL)
    document.core_properties.language = TAAL


def _kopregel(rij: object) -> None:
    """Mark a table row as header row: a screen reader announces it, Word repeats it on every page."""
    trpr = rij._tr.get_or_add_trPr()  # python-docx has no API for w:tblHeader
    kop = OxmlElement("w:tblHeader")
    kop.set(qn("w:val"), "true")
    trpr.append(kop)


def _tabel(document: Document, blok: Tabel) -> None:
    document.add_paragraph(blok.bijschrift, style="Caption")
    tabel = document.add_table(rows=1 + len(blok.rijen), cols=len(blok.kolommen))
    tabel.style = "Table Grid"
    for i, kop in enumerate(blok.kolommen):
        cel = tabel.rows[0].cells[i]
        cel.text = kop
        cel.paragraphs[0].runs[0].font.bold = True if kop else None
    _kopregel(tabel.rows[0])
    for r, rij in enumerate(blok.rijen, start=1):
        for k, waarde in enumerate(rij):
            cel = tabel.rows[r].cells[k]
            cel.text = str(waarde)
            alinea = cel.paragraphs[0]
            if k in blok.getallen:
                alinea.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if r - 1 in blok.totaal and alinea.runs:
                alinea.runs[0].font.bold = True
    eigenschappen = tabel._tbl.tblPr  # the caption for assistive technology
    titel = OxmlElement("w:tblCaption")
    titel.set(qn("w:val"), blok.bijschrift[:250])
    eigenschappen.append(titel)


def _figuur(document: Document, blok: Figuur) -> None:
    document.add_picture(io.BytesIO(blok.png), width=Cm(16))
    vorm = document.inline_shapes[-1]
    docpr = vorm._inline.docPr  # alt text lives in wp:docPr/@descr
    docpr.set("descr", blok.alt)
    docpr.set("title", blok.bijschrift)
    document.add_paragraph(blok.bijschrift, style="Caption")


def word(hoofdstuk: Hoofdstuk, vandaag: dt.date | None = None) -> bytes:
    """The chapter as .docx bytes."""
    document = Document()
    _taal(document)
    kern = document.core_properties
    kern.title, kern.subject = hoofdstuk.titel, "Volkshuisvestingsprogramma"
    kern.author, kern.comments = "woonzorganalyse", f"Gemaakt met woonzorg {__version__}"
    kern.created = dt.datetime.combine(vandaag or dt.date.today(), dt.time())
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(10)
    for naam in ("Heading 1", "Heading 2"):
        document.styles[naam].font.color.rgb = BLAUW
    for blok in hoofdstuk.blokken:
        if isinstance(blok, Kop):
            document.add_heading(blok.tekst, level=blok.niveau)
        elif isinstance(blok, Alinea):
            alinea = document.add_paragraph()
            alinea.add_run(blok.tekst).bold = blok.nadruk or None
        elif isinstance(blok, Lijst):
            for punt in blok.punten:
                document.add_paragraph(punt, style="List Bullet")
        elif isinstance(blok, Tabel):
            _tabel(document, blok)
        elif isinstance(blok, Figuur):
            _figuur(document, blok)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
