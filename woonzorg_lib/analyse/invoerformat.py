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
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from woonzorg_lib.algemeen.bestanden import bewaar_vorige, normale_rechten
from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.analyse.parameters import Basisparameters, analysegebied
from woonzorg_lib.analyse.plannen import TOELICHTING as VHP_TOELICHTING
from woonzorg_lib.analyse.plannen import schrijf_vhp_bladen
from woonzorg_lib.analyse.uitgangspunten import editie_voor, standaard_invoer_voor, taakstelling_voor
from woonzorg_lib.data.basis import HERKOMSTEN
from woonzorg_lib.data.catalogus import laad_regio
from woonzorg_lib.data.invoer import (
    AANTALLEN,
    BLAD_INVOER,
    BLAD_KENGETALLEN,
    BLAD_TOELICHTING,
    GEMIDDELDEN,
    KENGETAL_BEREIK,
    KENGETAL_SLEUTEL_BEREIK,
    KOLOMMEN_INVOER,
    KOLOMMEN_KENGETALLEN,
)
from woonzorg_lib.model.doelgroepen import ONDERWERPEN, SCENARIOS

TOELICHTING = [
    "Invoerformat woonzorganalyse — {gebied}",
    "",
    "Dit invoerformat bevat de gemeenten van {gebied}. De fair share wordt over heel {regio} verdeeld; gemeenten die "
    "hier niet in staan, rekenen met de gelabelde schattingen.",
    "Alleen de gele cellen zijn in te vullen; de rest is beveiligd (zonder wachtwoord). Bij herkomst kiest u uit een "
    "lijst; Excel weigert een negatief getal, een aandeel boven 100% of een deel van een persoon.",
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
    """The rows of the invoer and kengetallen sheets for the area of the parameters (a deelregio, or the region)."""
    regio = laad_regio(parameters.regio)
    gebied = analysegebied(parameters)
    standaard, kengetallen = standaard_invoer_voor(regio, editie_voor(parameters, regio))
    waarden = standaard.set_index(["gemeentecode", "onderwerp"])
    rijen = []
    for code, naam in gebied.indeling()[["gemeentecode", "gemeentenaam"]].itertuples(index=False):
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


def getalnotatie(eenheid: str, waarde: float | None, kengetal: bool = False) -> str:
    """The Excel number format a figure shows in: counts whole, shares as percentages, ratios with decimals.

    Only how it shows: the cell keeps the exact value (43,7 persons shows 44 and reads back 43,7).

    >>> getalnotatie("personen", 43.7), getalnotatie("aandeel", 1 / 3), getalnotatie("personen", 1.83, kengetal=True)
    ('#,##0', '0.0#%', '0.00')
    """
    if eenheid == "aandeel":
        return "0.0#%"
    if eenheid in ("index", "jaren") or (kengetal and waarde is not None and not float(waarde).is_integer()
                                         and abs(waarde) < 1000):
        return "0.00"
    return "#,##0"


def _keuzelijst(blad: Worksheet, bereik: str, opties: list[str]) -> None:
    keuze = DataValidation(type="list", formula1=f'"{",".join(opties)}"', allow_blank=True, showErrorMessage=True)
    keuze.errorTitle, keuze.error = "Kies uit de lijst", f"Kies {', '.join(opties)}"
    blad.add_data_validation(keuze)
    keuze.add(bereik)


def _getalcontrole(controles: dict[tuple, DataValidation], blad: Worksheet, cel: str, eenheid: str, sleutel: str,
                   kengetal: bool) -> None:
    """Excel refuses what the reader would refuse: a negative number, a share above 1, a fraction of a person."""
    bereik = KENGETAL_SLEUTEL_BEREIK.get(sleutel) if kengetal else None
    laag, hoog, _ = bereik or KENGETAL_BEREIK.get(eenheid, (0.0, 1e12, True))
    geheel = not kengetal and eenheid in (*AANTALLEN, "woningen") and sleutel not in GEMIDDELDEN
    soort = (geheel, laag, hoog, eenheid)
    if soort not in controles:
        controle = DataValidation(type="whole" if geheel else "decimal", operator="between", formula1=str(laag),
                                  formula2=str(hoog), allow_blank=True, showErrorMessage=True)
        controle.errorTitle = "Geen geldig getal"
        controle.error = (f"Vul een geheel getal van {laag:g} of meer in ({eenheid})." if geheel else
                          f"Vul een getal tussen {laag:g} en {hoog:g} in ({eenheid}).")
        blad.add_data_validation(controle)
        controles[soort] = controle
    controles[soort].add(cel)


def _blad(werkmap: Workbook, naam: str, tabel: pd.DataFrame, breedtes: dict[str, int], invul: list[str],
          getallen: list[str]) -> Worksheet:
    """A sheet: only the cells to fill in are editable (the sheet is protected), each figure in its format."""
    blad = werkmap.create_sheet(naam)
    blad.append(list(tabel.columns))
    for rij in tabel.itertuples(index=False):
        blad.append([None if (isinstance(v, float) and pd.isna(v)) else v for v in rij])
    kolommen = {kolom: blad.cell(row=1, column=i).column_letter for i, kolom in enumerate(tabel.columns, start=1)}
    for kolom, letter in kolommen.items():
        cel = blad[f"{letter}1"]
        cel.font, cel.fill = _KOP, _KOPVULLING
        blad.column_dimensions[letter].width = breedtes.get(kolom, 14)
        if kolom in invul:
            for rij in range(2, len(tabel) + 2):
                blad[f"{letter}{rij}"].fill = _INVULVULLING
                blad[f"{letter}{rij}"].protection = Protection(locked=False)
        if kolom.startswith("herkomst") and kolom in invul:
            _keuzelijst(blad, f"{letter}2:{letter}{len(tabel) + 1}", list(HERKOMSTEN))
    kengetal = "kengetal" in tabel.columns
    controles: dict[tuple, DataValidation] = {}
    for nummer, rij in enumerate(tabel.itertuples(index=False), start=2):
        waarden = rij._asdict()
        voorbeeld = next((waarden[k] for k in getallen if isinstance(waarden[k], float) and not pd.isna(waarden[k])),
                         None)
        notatie = getalnotatie(waarden["eenheid"], voorbeeld, kengetal)
        for kolom in getallen:
            blad[f"{kolommen[kolom]}{nummer}"].number_format = notatie
            if kolom in invul:
                _getalcontrole(controles, blad, f"{kolommen[kolom]}{nummer}", waarden["eenheid"],
                               waarden["kengetal" if kengetal else "onderwerp"], kengetal)
    blad.freeze_panes = "C2"
    blad.auto_filter.ref = blad.dimensions
    # Locked: codes, onderwerpen, units, defaults and their sources. No password: the reader still opens it,
    # and an analyst who must can lift it (Controleren > Blad opheffen); filtering and widening columns stay allowed.
    blad.protection.sheet = True
    blad.protection.autoFilter = False
    blad.protection.sort = False
    blad.protection.formatColumns = False
    return blad


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
            gebied, regio = analysegebied(parameters).naam, laad_regio(parameters.regio).naam
            for regel in TOELICHTING:
                toelichting.append([regel.format(gebied=gebied, regio=regio)])
            for regel in VHP_TOELICHTING:
                toelichting.append([regel])
            toelichting["A1"].font = Font(bold=True, size=14)
            toelichting.column_dimensions["A"].width = 120
            for rij in toelichting.iter_rows():
                rij[0].alignment = Alignment(wrap_text=True)
            _blad(werkmap, BLAD_INVOER, tabel,
                  {"gemeente": 20, "onderwerp": 28, "omschrijving": 48, "bron_standaard": 60, "bron": 40},
                  ["lokaal", "herkomst", "bron", "peildatum"], ["standaard", "lokaal"])
            _blad(werkmap, BLAD_KENGETALLEN, kengetallen, {"kengetal": 30, "omschrijving": 48, "bron": 90},
                  [*SCENARIOS, "herkomst", "bron"], list(SCENARIOS))
            gebied_ = analysegebied(parameters)  # the VHP sheets: planned new build and realised housing
            jaren = list(range(parameters.peiljaar, parameters.doeljaar + 1))
            schrijf_vhp_bladen(werkmap, parameters, gebied_, taakstelling_voor(
                parameters, gebied_, jaren, editie_voor(parameters, laad_regio(parameters.regio))))
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
