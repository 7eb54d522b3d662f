"""Write the invoerformat for a region: every gemeente × onderwerp, defaults pre-filled and labelled.

The analyst fills in ``lokaal``, ``herkomst`` and ``bron`` where local figures exist and
leaves the rest; ``woonzorg valideer`` and every analysis read it back strictly.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from woonzorg_lib.analyse import analysegebied, editie_voor, standaard_invoer_voor
from woonzorg_lib.bestanden import bewaar_vorige, normale_rechten
from woonzorg_lib.data.basis import HERKOMSTEN
from woonzorg_lib.data.catalogus import laad_regio
from woonzorg_lib.data.invoer import (
    BLAD_INVOER,
    BLAD_KENGETALLEN,
    BLAD_TOELICHTING,
    KOLOMMEN_INVOER,
    KOLOMMEN_KENGETALLEN,
)
from woonzorg_lib.errors import WoonzorgFout
from woonzorg_lib.model.doelgroepen import ONDERWERPEN
from woonzorg_lib.parameters import Basisparameters

TOELICHTING = [
    "Invoerformat woonzorganalyse — {regio}",
    "",
    "Blad 'invoer': één rij per gemeente en onderwerp.",
    "- 'standaard' is een gelabelde schatting (of een gepubliceerd cijfer) met herkomst en bron; laat die staan.",
    "- Heeft u een lokaal cijfer (registratie, telling, afspraak)? Vul dan 'lokaal' in, met 'herkomst' "
    "(register, schatting of aanname), 'bron' en eventueel 'peildatum'. Het lokale cijfer gaat dan voor.",
    "- Een lege rij zonder standaard en zonder lokaal cijfer betekent: geen gegevens. Het rapport toont die "
    "doelgroep dan als 'geen gegevens', nooit als 0.",
    "- Getallen mogen in Nederlandse notatie: 1.234,5 of 5,8%.",
    "",
    "Blad 'kengetallen': de verhoudingsgetallen per scenario (laag, midden, hoog), met herkomst en bron. "
    "Vervang een aanname door een lokaal kengetal en noem de bron.",
    "",
    "Controleer het ingevulde bestand met: woonzorg valideer <parameterbestand>  (met invoer: <dit bestand>).",
]
# Onderwerpen whose default is computed for each year of an analysis, not one number per gemeente.
BEREKEND = {
    "statushouders_taakstelling": (
        "wordt per halfjaar berekend volgens art. 29 Huisvestingswet (landelijk aantal × inwoners ÷ inwoners van "
        "Nederland, naar boven afgerond; zie het rapport). Vul alleen een eigen taakstelling per halfjaar in om die "
        "voor alle jaren te vervangen."
    ),
}
_KOP = Font(bold=True, color="FFFFFF")
_KOPVULLING = PatternFill("solid", fgColor="1F4E79")
_INVULVULLING = PatternFill("solid", fgColor="FFF2CC")


def invoertabel(parameters: Basisparameters) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The rows of the invoer and kengetallen sheets for the whole region of the parameters."""
    regio = laad_regio(parameters.regio)
    standaard, kengetallen = standaard_invoer_voor(regio, editie_voor(parameters, regio))
    waarden = standaard.set_index(["gemeentecode", "onderwerp"])
    rijen = []
    for code, naam in regio.indeling()[["gemeentecode", "gemeentenaam"]].itertuples(index=False):
        for sleutel, onderwerp in ONDERWERPEN.items():
            rij = waarden.loc[(code, sleutel)] if (code, sleutel) in waarden.index else None
            rijen.append(
                {
                    "gemeentecode": code, "gemeente": naam, "onderwerp": sleutel,
                    "omschrijving": onderwerp.omschrijving, "eenheid": onderwerp.eenheid,
                    "standaard": None if rij is None else float(rij["waarde"]),
                    "herkomst_standaard": "" if rij is None else rij["herkomst"],
                    "bron_standaard": BEREKEND.get(sleutel, "") if rij is None else rij["bron"],
                    "lokaal": None, "herkomst": "", "bron": "",
                    "peildatum": "" if rij is None else rij["peildatum"],
                }
            )
    tabel = pd.DataFrame(rijen, columns=KOLOMMEN_INVOER)
    kengetallen = kengetallen.reset_index().rename(columns={"sleutel": "kengetal"})[KOLOMMEN_KENGETALLEN]
    return tabel, kengetallen


def _blad(werkmap: Workbook, naam: str, tabel: pd.DataFrame, breedtes: dict[str, int], invul: list[str]) -> None:
    blad = werkmap.create_sheet(naam)
    blad.append(list(tabel.columns))
    for rij in tabel.itertuples(index=False):
        blad.append([None if (isinstance(v, float) and pd.isna(v)) else v for v in rij])
    for i, kolom in enumerate(tabel.columns, start=1):
        cel = blad.cell(row=1, column=i)
        cel.font, cel.fill = _KOP, _KOPVULLING
        letter = cel.column_letter
        blad.column_dimensions[letter].width = breedtes.get(kolom, 14)
        if kolom in invul:
            for rij in range(2, len(tabel) + 2):
                blad[f"{letter}{rij}"].fill = _INVULVULLING
        if kolom.startswith("herkomst"):
            keuze = DataValidation(type="list", formula1=f'"{",".join(HERKOMSTEN)}"', allow_blank=True)
            keuze.error = f"Kies {', '.join(HERKOMSTEN)}"
            blad.add_data_validation(keuze)
            keuze.add(f"{letter}2:{letter}{len(tabel) + 1}")
    blad.freeze_panes = "C2"
    blad.auto_filter.ref = blad.dimensions


def schrijf_invoersjabloon(parameters: Basisparameters, pad: Path, overschrijven: bool = False) -> Path:
    """Write the invoerformat (.xlsx, or the invoer sheet as .csv with ';') atomically; return the path.

    An existing file may hold an analyst's local figures: it is replaced only when asked
    (``overschrijven``), and then kept aside first.
    """
    pad = Path(pad)
    if pad.suffix.lower() not in (".xlsx", ".csv"):
        raise WoonzorgFout(f"{pad}: kies een naam die eindigt op .xlsx of .csv")
    if pad.is_dir():
        raise WoonzorgFout(f"{pad} is een map; geef een bestandsnaam die eindigt op .xlsx of .csv")
    if pad.exists() and not pad.is_file():  # a device or pipe: a backup copy of it would never end
        raise WoonzorgFout(f"{pad} is geen gewoon bestand (een apparaat of pijp); kies een andere naam")
    if pad.exists() and not overschrijven:
        raise WoonzorgFout(f"{pad} bestaat al en kan ingevulde lokale cijfers bevatten; kies een andere naam, of "
                           "overschrijf het met --overschrijven (het oude bestand blijft dan als kopie bewaard)")
    analysegebied(parameters)  # validates region and deelregio
    tabel, kengetallen = invoertabel(parameters)
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
        fd, tijdelijk = tempfile.mkstemp(dir=pad.parent, prefix=f".{pad.name}.", suffix=pad.suffix)
    except OSError as fout:
        raise WoonzorgFout(f"{pad}: kan hier niet schrijven ({fout.strerror})") from fout
    os.close(fd)
    try:
        if pad.suffix.lower() == ".csv":
            tabel.to_csv(tijdelijk, sep=";", decimal=",", index=False, encoding="utf-8-sig")
        else:
            werkmap = Workbook()
            toelichting = werkmap.active
            toelichting.title = BLAD_TOELICHTING
            regio = laad_regio(parameters.regio).naam
            for regel in TOELICHTING:
                toelichting.append([regel.format(regio=regio)])
            toelichting["A1"].font = Font(bold=True, size=14)
            toelichting.column_dimensions["A"].width = 120
            for rij in toelichting.iter_rows():
                rij[0].alignment = Alignment(wrap_text=True)
            _blad(werkmap, BLAD_INVOER, tabel,
                  {"gemeente": 20, "onderwerp": 28, "omschrijving": 48, "bron_standaard": 60, "bron": 40},
                  ["lokaal", "herkomst", "bron", "peildatum"])
            _blad(werkmap, BLAD_KENGETALLEN, kengetallen, {"kengetal": 30, "omschrijving": 48, "bron": 90},
                  ["laag", "midden", "hoog", "herkomst", "bron"])
            werkmap.save(tijdelijk)
        normale_rechten(Path(tijdelijk))
        if pad.exists():
            bewaar_vorige(pad)
        os.replace(tijdelijk, pad)
    except OSError as fout:
        raise WoonzorgFout(f"{pad}: het invoerformat kon niet worden geschreven ({fout.strerror or fout})") from fout
    finally:
        if os.path.exists(tijdelijk):
            os.unlink(tijdelijk)
    return pad
