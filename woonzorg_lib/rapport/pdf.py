"""The council-ready PDF of a report or factsheet, made from the same HTML with one engine: WeasyPrint.

A4 (wide tables on a landscape page), page numbers, the contents with page numbers, PDF
bookmarks from the headings, and a tagged PDF (PDF/UA-1: structure tree, language and title
from the HTML) so a screen reader can read it. A table that would still not fit is refused
rather than printed cut off.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from woonzorg_lib.algemeen.errors import WoonzorgFout

PDF_VARIANT = "pdf/ua-1"
TOLERANTIE_PT = 0.5
ZONDER_HARFBUZZ_SUBSET = (
    "Let op: de systeembibliotheek HarfBuzz-subset ontbreekt, dus sluit WeasyPrint de lettertypen met fontTools in "
    "de PDF's in: elke PDF kost dan ruim een derde meer tijd. Op Debian/Ubuntu: apt-get install libharfbuzz-subset0.")


def harfbuzz_subset() -> bool:
    """Whether WeasyPrint found HarfBuzz-subset, its fast font subsetter (else it falls back to fontTools).

    The national run's time rests on it: with fontTools every factsheet and VHP chapter costs about 0,3 s more.
    """
    import warnings

    with warnings.catch_warnings():  # WeasyPrint's own English DeprecationWarning when it is missing
        warnings.simplefilter("ignore", DeprecationWarning)
        from weasyprint.text import ffi

    return ffi.harfbuzz_subset is not None


@dataclass(frozen=True)
class Tabelmaat:
    """How wide a table came out on its page, against the room the page has (both in CSS pixels)."""

    pagina: int
    breedte: float
    ruimte: float
    bijschrift: str

    @property
    def past(self) -> bool:
        return self.breedte <= self.ruimte + TOLERANTIE_PT


def _tabellen(box: Any) -> list[Any]:
    from weasyprint.formatting_structure import boxes

    gevonden = []
    if isinstance(box, boxes.TableBox):
        gevonden.append(box)
    for kind in getattr(box, "children", []):
        gevonden += _tabellen(kind)
    return gevonden


def _bijschrift(tabel: Any) -> str:
    element = getattr(tabel, "element", None)
    if element is None:
        return ""
    for kind in element:
        if str(kind.tag).endswith("caption"):
            return "".join(kind.itertext()).strip()
    return ""


def tabelmaten(document: Any) -> list[Tabelmaat]:
    """Every table of a rendered document with its width and the width of its page's content area."""
    maten = []
    for nummer, pagina in enumerate(document.pages, start=1):
        paginabox = pagina._page_box  # noqa: SLF001 - WeasyPrint's layout tree is the only place widths live
        links = paginabox.content_box_x()
        ruimte = paginabox.width
        for tabel in _tabellen(paginabox):
            rechts = tabel.position_x + tabel.margin_width()
            maten.append(Tabelmaat(nummer, rechts - links, ruimte, _bijschrift(tabel)))
    return maten


def maak_pdf(html_pad: Path, pdf_pad: Path) -> int:
    """Print ``html_pad`` to ``pdf_pad`` (A4, tagged); return the number of pages.

    Raises WoonzorgFout when a table does not fit its page: a cut-off table never reaches a council.
    """
    import weasyprint

    document = weasyprint.HTML(filename=str(html_pad), base_url=str(html_pad.parent)).render(
        pdf_variant=PDF_VARIANT)
    te_breed = [m for m in tabelmaten(document) if not m.past]
    if te_breed:
        eerste = te_breed[0]
        raise WoonzorgFout(f"{html_pad.name}: tabel '{eerste.bijschrift or 'zonder bijschrift'}' op pagina "
                           f"{eerste.pagina} is breder dan de pagina ({eerste.breedte:.0f} > {eerste.ruimte:.0f}); "
                           "de PDF is niet gemaakt.")
    document.write_pdf(str(pdf_pad), pdf_variant=PDF_VARIANT, uncompressed_pdf=False)
    return len(document.pages)
