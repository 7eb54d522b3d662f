"""The Wvrv products of a run: a VHP chapter per gemeente (.docx and .html; the runner prints the PDF) and,
for the region's own run, the regional annex (.docx and .csv)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from woonzorg_lib.analyse.resultaat import Analyse
from woonzorg_lib.data.wvrv import lees_wvrv
from woonzorg_lib.rapport.kerncijfers import als_tekst
from woonzorg_lib.rapport.vhp.bijlage import bijlage
from woonzorg_lib.rapport.vhp.html import html
from woonzorg_lib.rapport.vhp.inhoud import hoofdstuk
from woonzorg_lib.rapport.vhp.word import word

VHP = "vhp-"  # vhp-<code>-<naam>.docx/.html/.pdf, one per gemeente of a deelregio run
BIJLAGE = "bijlage-verdeling-"


def schrijf_vhp(analyse: Analyse, kern: pd.DataFrame, map_: Path, per_gemeente: bool) -> dict[str, list[dict[str, Any]]]:
    """Write the chapters (when ``per_gemeente``) and, when the area is the whole region, the annex; return the
    entries samenvatting.json lists (every file name is a plain safe name)."""
    wvrv = lees_wvrv()
    hoofdstukken = []
    if per_gemeente:
        for code in analyse.regio.gemeentecodes:
            h = hoofdstuk(analyse, kern, code, wvrv)
            (map_ / f"{h.bestand}.docx").write_bytes(word(h))
            (map_ / f"{h.bestand}.html").write_text(html(h), encoding="utf-8")
            hoofdstukken.append({"gemeentecode": code, "gemeente": h.gemeente, "deelregio": h.deelregio,
                                 "bestand": f"{h.bestand}.html", "word": f"{h.bestand}.docx", "cijfers": h.cijfers})
    bijlagen = []
    if len(analyse.regio.gemeentecodes) == len(analyse.geheel.gemeentecodes):
        blad, tabel = bijlage(analyse, kern, wvrv)
        (map_ / f"{blad.bestand}.docx").write_bytes(word(blad))
        als_tekst(tabel).to_csv(map_ / f"{blad.bestand}.csv", index=False, encoding="utf-8")
        bijlagen = [{"naam": blad.titel, "word": f"{blad.bestand}.docx", "csv": f"{blad.bestand}.csv"}]
    return {"vhp": hoofdstukken, "bijlagen": bijlagen}
