"""The VHP sheets of the invoerformat: written empty (to fill in) and read back with the analysis.

'nieuwbouw': planned new build per gemeente per segment for the years of the analysis;
'realisatie': statushouders housed per half-year per gemeente, beside the taakstelling.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill, Protection

from woonzorg_lib.analyse.parameters import Basisparameters
from woonzorg_lib.data.basis import HERKOMSTEN, gemeenten
from woonzorg_lib.data.catalogus import Regio
from woonzorg_lib.data.invoer_vhp import (
    BLAD_NIEUWBOUW,
    BLAD_REALISATIE,
    KOLOMMEN_NIEUWBOUW,
    KOLOMMEN_REALISATIE,
    SEGMENTEN,
    Plannen,
    begin_halfjaar,
    lees_plannen,
)
from woonzorg_lib.model import statushouders

_KOP, _KOPVULLING = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="1F4E79")
_INVUL = PatternFill("solid", fgColor="FFF2CC")
TOELICHTING = [
    "",
    ("Blad 'nieuwbouw': de geplande toevoegingen per gemeente voor de jaren van de analyse, per segment (sociale "
    "huur, middenhuur, betaalbare koop, overig), met herkomst en bron. Vul elk segment in (0 als er niets gepland "
    "is) of laat de hele rij leeg: dan staat er 'niet ingevuld', nooit 0. Het totaal is de som van de segmenten."),
    ("Blad 'realisatie': het aantal gehuisveste statushouders per halfjaar, naast de wettelijke taakstelling. "
    "Alleen halfjaren die al begonnen zijn. De achterstand (taakstelling min gehuisvest) telt mee in de vraag."),
]


def plannen_voor(parameters: Basisparameters, geheel: Regio, jaren: list[int],
                 vandaag: dt.date | None = None) -> Plannen:
    """The VHP sheets of the parameters' invoerformat, or nothing filled in when there is none."""
    if not parameters.invoer:
        return Plannen.leeg()
    inwoners = gemeenten().set_index("gemeentecode")["inwoners"].astype(float).to_dict()
    return lees_plannen(Path(parameters.invoer), geheel.gemeentecodes, jaren, inwoners, vandaag)


def _blad(werkmap: Workbook, naam: str, tabel: pd.DataFrame, invul: list[str]) -> None:
    blad = werkmap.create_sheet(naam)
    blad.append(list(tabel.columns))
    for rij in tabel.itertuples(index=False):
        blad.append([None if (isinstance(v, float) and pd.isna(v)) else v for v in rij])
    for i, kolom in enumerate(tabel.columns, start=1):
        kop = blad.cell(row=1, column=i)
        kop.font, kop.fill = _KOP, _KOPVULLING
        blad.column_dimensions[kop.column_letter].width = 40 if kolom == "bron" else 16
        if kolom in invul:
            for r in range(2, len(tabel) + 2):
                cel = blad.cell(row=r, column=i)
                cel.fill, cel.protection = _INVUL, Protection(locked=False)
    blad.freeze_panes = "C2"
    blad.protection.sheet = True


def schrijf_vhp_bladen(werkmap: Workbook, parameters: Basisparameters, gebied: Regio,
                       taakstelling: pd.DataFrame, vandaag: dt.date | None = None) -> None:
    """Add the empty 'nieuwbouw' and 'realisatie' sheets (the taakstelling filled in, for reference)."""
    indeling = gebied.indeling()[["gemeentecode", "gemeentenaam"]]
    nieuw = pd.DataFrame([{"gemeentecode": c, "gemeente": n, **dict.fromkeys([*SEGMENTEN, "totaal"]),
                           "herkomst": "", "bron": ""} for c, n in indeling.itertuples(index=False)],
                         columns=KOLOMMEN_NIEUWBOUW)
    _blad(werkmap, BLAD_NIEUWBOUW, nieuw, [*SEGMENTEN, "totaal", "herkomst", "bron"])
    vandaag = vandaag or dt.date.today()
    jaren = list(range(parameters.peiljaar, parameters.doeljaar + 1))
    begonnen = [h for h in statushouders.halfjaren(jaren) if begin_halfjaar(h) <= vandaag]
    taak = taakstelling[taakstelling["scenario"] == parameters.scenario].set_index(["gemeentecode", "halfjaar"])
    rijen = [{"gemeentecode": c, "gemeente": n, "halfjaar": h,
              "taakstelling": float(taak.loc[(c, h), "personen"]) if (c, h) in taak.index else None,
              "gehuisvest": None, "herkomst": "", "bron": ""}
             for c, n in indeling.itertuples(index=False) for h in begonnen]
    _blad(werkmap, BLAD_REALISATIE, pd.DataFrame(rijen, columns=KOLOMMEN_REALISATIE), ["gehuisvest", "herkomst", "bron"])
    for naam in (BLAD_NIEUWBOUW, BLAD_REALISATIE):
        from openpyxl.worksheet.datavalidation import DataValidation

        keuze = DataValidation(type="list", formula1=f'"{",".join(HERKOMSTEN)}"', allow_blank=True)
        werkmap[naam].add_data_validation(keuze)
        letter = werkmap[naam].cell(row=1, column=list(KOLOMMEN_NIEUWBOUW if naam == BLAD_NIEUWBOUW
                                                        else KOLOMMEN_REALISATIE).index("herkomst") + 1).column_letter
        keuze.add(f"{letter}2:{letter}{werkmap[naam].max_row}")
