"""The display step: the parts of a chapter as what a notebook, the exported report and the explorer show."""

from __future__ import annotations

from IPython.display import HTML, Image, Markdown

from woonzorg_lib.rapport import kaarten, publicatie
from woonzorg_lib.rapport.hoofdstukken.onderdelen import Figuur, Hoofdstuk, Kaart, Onderdeel, Tabel, Tekst


def tabel_html(tabel: Tabel) -> str:
    """The table as offline HTML, numbers in Dutch notation, every text escaped."""
    return publicatie.html_tabel(tabel.data, procenten=tabel.procenten, opmerking=tabel.opmerking,
                                 bijschrift=tabel.bijschrift)


def weergave(deel: Onderdeel) -> Markdown | HTML | Image:
    """One part as an IPython display object (Markdown, an HTML table or map, a PNG image with its alt text)."""
    if isinstance(deel, Tekst):
        return Markdown(deel.markdown)
    if isinstance(deel, Tabel):
        return HTML(tabel_html(deel))
    if isinstance(deel, Figuur):
        return Image(data=deel.png, format="png", metadata={"alt": deel.alt})
    if isinstance(deel, Kaart):
        return HTML(kaarten.naast_elkaar(deel.svg, deel.alt, tabel_html(deel.tabel)))
    raise TypeError(f"geen onderdeel van een hoofdstuk: {deel!r}")


def weergaven(hoofdstuk: Hoofdstuk) -> list[Markdown | HTML | Image]:
    """Every part of a chapter as a display object, in order (the explorer appends these to its output)."""
    return [weergave(deel) for deel in hoofdstuk]
