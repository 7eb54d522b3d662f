"""Export an executed notebook to the stakeholder report: code-free, offline, with title, contents and footer."""

from __future__ import annotations

import copy
import datetime as dt
import platform
import re
from importlib.metadata import version
from pathlib import Path
from typing import Any

from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor
from nbformat import NotebookNode

from woonzorg_lib import __version__
from woonzorg_lib.algemeen.opmaak import datum
from woonzorg_lib.data.bronnen import bronnen
from woonzorg_lib.data.catalogus import laad_regio
from woonzorg_lib.rapport.parameterzinnen import parameterzinnen
from woonzorg_lib.rapport.stijl import breedte_png

SJABLOON_MAP = Path(__file__).resolve().parent / "sjabloon"
VERBORGEN_TAGS = {"injected-parameters", "parameters", "verberg"}


def _inhoud(nb: NotebookNode) -> list[tuple[str, str]]:
    """Chapter headings (##) of the markdown cells, with the anchor nbconvert gives them."""
    koppen = []
    for cel in nb.cells:
        if cel.cell_type != "markdown":
            continue
        for regel in cel.source.splitlines():
            if regel.startswith("## "):
                tekst = regel[3:].strip()
                koppen.append((tekst, tekst.replace(" ", "-")))
    return koppen


KORT = "wz-kort"  # the tag of a chapter too short for a page of its own: it follows on the previous page in print
KORT_TEKENS = 900  # up to this much text, and no chart, map or table, a chapter is short


def _zwaar(uitvoer: dict[str, Any]) -> bool:
    """An output that takes room of its own: a chart, a map or a table."""
    data = uitvoer.get("data", {})
    return "image/png" in data or any(t in str(data.get("text/html", "")) for t in ("<table", "<img"))


def markeer_korte_hoofdstukken(nb: NotebookNode) -> list[str]:
    """Tag the heading cell (##) of every chapter that holds only a few lines of text, so the print stylesheet does
    not start it on a page of its own (an empty 'Monitor' page); return the headings tagged."""
    hoofdstukken: list[tuple[NotebookNode, list[NotebookNode]]] = []
    for cel in nb.cells:
        if cel.cell_type == "markdown" and any(r.startswith("## ") for r in cel.source.splitlines()):
            hoofdstukken.append((cel, []))
        elif hoofdstukken:
            hoofdstukken[-1][1].append(cel)
    gemarkeerd = []
    for kop, cellen in hoofdstukken:
        uitvoer = [u for c in cellen for u in c.get("outputs", [])]
        tekst = sum(len(c.source) for c in cellen if c.cell_type == "markdown") + sum(
            len(str(u.get("data", {}).get("text/markdown", u.get("data", {}).get("text/html", "")))) for u in uitvoer)
        if not any(_zwaar(u) for u in uitvoer) and tekst <= KORT_TEKENS:
            kop.metadata["tags"] = [*kop.metadata.get("tags", []), KORT]
            gemarkeerd.append(next(r[3:].strip() for r in kop.source.splitlines() if r.startswith("## ")))
    return gemarkeerd


def _datum(vandaag: dt.date | None = None) -> str:
    return datum(vandaag or dt.date.today())


def _status(parameters: dict[str, Any]) -> str:
    """The status line of the title block: a concept, or the date the report was adopted."""
    if parameters.get("status") == "vastgesteld" and parameters.get("vastgesteld_op"):
        return f"Vastgesteld op {datum(dt.date.fromisoformat(parameters['vastgesteld_op']))}"
    return "Concept — nog niet vastgesteld"


def gegevens(nb: NotebookNode, parameters: dict[str, Any]) -> dict[str, Any]:
    """What the title block and footer show, from the notebook and its validated parameters."""
    regio = laad_regio(parameters["regio"])
    gebied = regio.naam + (f" — deelregio {parameters['deelregio']}" if parameters.get("deelregio") else "")
    pakketten = ", ".join(f"{p} {version(p)}" for p in ("pandas", "seaborn", "papermill", "nbconvert"))
    return {
        "titel": nb.metadata.get("woonzorg", {}).get("titel", "Woonzorganalyse"),
        "gebied": gebied,
        "peiljaar": parameters.get("peiljaar"),
        "doeljaar": parameters.get("doeljaar"),
        "scenario": parameters.get("scenario"),
        "datum": _datum(),
        "status": _status(parameters),
        "opgesteld_door": parameters.get("opgesteld_door") or "niet ingevuld",
        "contact": parameters.get("contact") or "niet ingevuld",
        "inhoud": _inhoud(nb),
        "parameters": parameterzinnen(parameters),
        "bronnen": [f"{b.titel}: {b.bron} (peildatum {b.peildatum}; {b.licentie})" for b in bronnen().values()],
        "software": f"woonzorg {__version__}; Python {platform.python_version()}; {pakketten}",
    }


def exporteer_html(nb: NotebookNode, parameters: dict[str, Any]) -> str:
    """The report as one self-contained HTML page (images inline, no script, stylesheet or font from the network)."""
    exporteur = HTMLExporter(template_name="woonzorg", extra_template_basedirs=[str(SJABLOON_MAP)])
    exporteur.language_code = "nl"  # <html lang="nl">: screen readers pronounce the report in Dutch
    exporteur.exclude_input = True
    exporteur.exclude_input_prompt = True
    exporteur.exclude_output_prompt = True
    exporteur.register_filter("wz_breedte", lambda data: breedte_png(data) or "")  # print-resolution PNG at its size
    exporteur.register_preprocessor(TagRemovePreprocessor(remove_cell_tags=VERBORGEN_TAGS), enabled=True)
    nb = copy.deepcopy(nb)  # the preprocessors change it
    nb.metadata.pop("widgets", None)
    markeer_korte_hoofdstukken(nb)
    wz = gegevens(nb, parameters)
    nb.metadata["title"] = f"{wz['titel']} — {wz['gebied']}"  # the browser tab, bookmarks and a PDF's title
    html, _ = exporteur.from_notebook_node(nb, resources={"woonzorg": wz})
    return re.sub(r"\n{3,}", "\n\n", html)
