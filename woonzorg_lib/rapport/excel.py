"""Write report tables to one workbook the way a Dutch reader expects: headers, number formats, text stays text.

The values are written as they are given (already rounded and protected by the caller);
this module only decides how a cell looks: whole numbers with a thousands separator,
shares as percentages, ratios with the decimals they need. Every text cell is a string,
never a formula, whatever its first character.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from woonzorg_lib.model.onthulling import KLEIN, ONBEKEND, VERBORGEN

MERKTEKENS = (VERBORGEN, ONBEKEND, KLEIN)  # hidden, no figure, under 2,5: right-aligned as in the report's tables
GETAL = "#,##0"  # Excel shows the locale's separators: 1.234 in a Dutch Excel
PERCENTAGE = "0.0%"
KENGETAL = "#,##0.0###"
KOP = Font(bold=True, color="FFFFFF")
KOPVULLING = PatternFill("solid", fgColor="1F4E79")


@dataclass(frozen=True)
class Blad:
    """One sheet: a table (its index becomes the first column), which columns are shares or ratios, and the number
    format of single cells (row position, column) where a column mixes units."""

    tabel: pd.DataFrame
    procenten: Sequence[str] = ()
    kengetallen: Sequence[str] = ()
    breedte: Mapping[str, int] = field(default_factory=dict)
    celopmaak: Mapping[tuple[int, str], str] = field(default_factory=dict)


def _opmaak(waarde: object, kolom: str, blad: Blad) -> str | None:
    if isinstance(waarde, bool) or not isinstance(waarde, int | float):
        return None
    if kolom in blad.procenten:
        return PERCENTAGE
    if kolom in blad.kengetallen or not float(waarde).is_integer():
        return KENGETAL
    return GETAL


def _cel(waarde: object) -> object:
    """A cell value: numbers stay numbers, missing becomes empty, everything else is text."""
    if waarde is None or (isinstance(waarde, float) and pd.isna(waarde)):
        return None
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if hasattr(waarde, "item") and not isinstance(waarde, str):  # numpy scalars
        waarde = waarde.item()
    if isinstance(waarde, int | float):
        return int(waarde) if isinstance(waarde, float) and waarde.is_integer() else waarde
    return str(waarde)


def schrijf_werkmap(bladen: Mapping[str, Blad], pad: Path) -> None:
    """One sheet per table: a bold header row, frozen, Dutch number formats, columns wide enough to read."""
    werkmap = Workbook()
    werkmap.remove(werkmap.active)
    for naam, blad in bladen.items():
        vel = werkmap.create_sheet(naam[:31])
        tabel = blad.tabel
        kolommen = [str(tabel.index.name or "")] + [str(k) for k in tabel.columns]
        vel.append(kolommen)
        for label, rij in zip(tabel.index, tabel.itertuples(index=False, name=None), strict=True):
            vel.append([_cel(label), *(_cel(w) for w in rij)])
        for cel in vel[1]:
            if cel.data_type == "f":  # a variant named like a formula is a header, not a formula
                cel.data_type = "s"
            cel.font, cel.fill = KOP, KOPVULLING
            cel.alignment = Alignment(wrap_text=True, vertical="top")
        for positie, rij in enumerate(vel.iter_rows(min_row=2)):
            for cel, kolom in zip(rij, kolommen, strict=True):
                if cel.data_type == "f":  # text that looks like a formula stays text: no cell computes anything
                    cel.data_type = "s"
                opmaak = _opmaak(cel.value, kolom, blad)
                if opmaak:  # a number: its column's format, or its own where the column mixes units
                    opmaak = blad.celopmaak.get((positie, kolom), opmaak)
                if opmaak:
                    cel.number_format = opmaak
                elif cel.value in MERKTEKENS:  # a mark that stands for a number lines up with the numbers
                    cel.alignment = Alignment(horizontal="right", vertical="top")
                elif isinstance(cel.value, str):
                    cel.alignment = Alignment(wrap_text=len(cel.value) > 60, vertical="top")
        for i, kolom in enumerate(kolommen, start=1):
            inhoud = [len(kolom)] + [len(str(c.value)) for c in vel[get_column_letter(i)][1:] if c.value is not None]
            vel.column_dimensions[get_column_letter(i)].width = blad.breedte.get(kolom, min(60, max(10, max(inhoud) + 2)))
        vel.freeze_panes = "B2"
    werkmap.save(pad)
