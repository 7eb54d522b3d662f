"""Read a filled-in invoerformat (Excel workbook or CSV) and validate it strictly.

Every problem is reported at once, in Dutch, with sheet, row and column. A workbook
with any problem gives no result at all: never a partial one.
"""

from __future__ import annotations

import csv
import io
import math
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from woonzorg_lib.algemeen.errors import Melding, WoonzorgFout, keuze
from woonzorg_lib.data.basis import HERKOMSTEN, gemeenten, woningvoorraad
from woonzorg_lib.data.getallen import Notatie, OngeldigGetal, lees_getal

BLAD_INVOER = "invoer"
BLAD_KENGETALLEN = "kengetallen"
MAX_RIJEN = 50_000  # far more than every gemeente × onderwerp of the country; a sheet past it has stray cells
MAX_BYTES = 20_000_000  # the invoerformat of all 342 gemeenten is about 1 MB as CSV, less as Excel
MAX_MELDINGEN = 200  # a file with thousands of errors needs the first ones and a count, not all of them
BLAD_TOELICHTING = "toelichting"
KOLOMMEN_INVOER = [
    "gemeentecode", "gemeente", "onderwerp", "omschrijving", "eenheid",
    "standaard", "herkomst_standaard", "bron_standaard",
    "lokaal", "herkomst", "bron", "peildatum",
]
KOLOMMEN_KENGETALLEN = ["kengetal", "omschrijving", "eenheid", "laag", "midden", "hoog", "herkomst", "bron"]

# Plausible ranges. A count of people, households or places in a gemeente is at most its inhabitants, a number
# of homes at most its dwellings; a kengetal lies in the range its unit allows (some keys are narrower).
AANTALLEN = ("personen", "huishoudens", "woonplekken", "standplaatsen")
GEMIDDELDEN = ("huidige_belasting",)  # an average over years may have decimals; other local counts are whole
KENGETAL_BEREIK: dict[str, tuple[float, float, bool]] = {  # (lowest, highest, lowest allowed itself)
    "aandeel": (0.0, 1.0, True),
    "jaren": (0.0, 50.0, False),
    "personen": (0.0, 20_000_000.0, False),
    "woningen": (0.0, 10_000_000.0, True),
    "plaatsen": (0.0, 10_000_000.0, True),
}
KENGETAL_SLEUTEL_BEREIK: dict[str, tuple[float, float, bool]] = {
    "huishoudgrootte_statushouders": (1.0, 15.0, True),
    "mutatiegraad": (0.0, 0.3, False),
}


def _tekst(waarde: Any) -> str:
    if waarde is None or (isinstance(waarde, float) and math.isnan(waarde)):
        return ""
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde).strip()


@dataclass(frozen=True)
class Invoer:
    """A validated invoerformat: one value per gemeente × onderwerp, and the kengetallen (if the file had them)."""

    waarden: pd.DataFrame
    kengetallen: pd.DataFrame | None
    gemeenten: tuple[str, ...] = ()  # the gemeenten the file has rows for (with or without figures)


@dataclass(frozen=True)
class _Blad:
    naam: str
    kolommen: list[str]
    rijen: list[tuple[int, dict[str, Any]]]  # (row number as the user sees it, values)
    notatie: Notatie = "nl"  # how its text cells write numbers


def _lees_bladen(pad: Path) -> list[_Blad]:
    if pad.suffix.lower() == ".csv":
        return [_lees_csv(pad)]
    if pad.suffix.lower() not in (".xlsx", ".xlsm"):
        raise WoonzorgFout([Melding(str(pad), "", "verwacht een Excel-werkmap (.xlsx) of een CSV-bestand (.csv)")])
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        werkmap = load_workbook(pad, read_only=True, data_only=True)
        formules = load_workbook(pad, read_only=True, data_only=False)  # to tell an empty cell from an unsaved formula
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as fout:
        raise WoonzorgFout([Melding(str(pad), "", (
            f"geen leesbare Excel-werkmap ({fout.__class__.__name__}): het bestand is beschadigd, geen .xlsx, of met een "
            "wachtwoord beveiligd; sla het op als gewone Excel-werkmap zonder wachtwoord"))]) from None
    try:
        return [_lees_blad(pad, blad, formules[blad.title]) for blad in werkmap.worksheets
                if blad.title in (BLAD_INVOER, BLAD_KENGETALLEN)]
    finally:
        werkmap.close()
        formules.close()


def _lees_blad(pad: Path, blad: Any, formules: Any) -> _Blad:
    """One sheet, only as wide as its header and at most MAX_RIJEN rows (a stray cell far away is no table)."""
    kop = [_tekst(c) for c in next(blad.iter_rows(max_row=1, values_only=True), ())]
    while kop and not kop[-1]:
        kop.pop()
    breedte = max(len(kop), 1)
    regels = zip(blad.iter_rows(min_row=2, max_col=breedte, values_only=True),
                 formules.iter_rows(min_row=2, max_col=breedte, values_only=True), strict=False)
    rijen = []
    for nummer, (waarden, formule) in enumerate(regels, start=2):
        if nummer > MAX_RIJEN + 1:
            raise WoonzorgFout([Melding(str(pad), f"blad '{blad.title}'", (
                f"heeft meer dan {MAX_RIJEN:,} rijen".replace(",", ".") + "; staat er iets ver onder de tabel? Verwijder "
                "wat niet bij het invoerformat hoort"))])
        if any(_tekst(c) for c in formule):
            # A formula without a saved value reads as its formula text: the number parser refuses it.
            rijen.append((nummer, dict(zip(kop, (f if w is None and isinstance(f, str) and f.startswith("=") else w
                                                 for w, f in zip(waarden, formule, strict=False)), strict=False))))
    return _Blad(blad.title, kop, rijen)


def _lees_csv(pad: Path) -> _Blad:
    """The one sheet of a CSV: ';' (Dutch Excel) or ',' separated, UTF-8 or Windows-1252, any line ending.

    A cell with a line break (a quote that was never closed swallows the rows after it) and
    a row with more cells than the header (an unquoted separator in a text) are refused.
    """
    ruw = pad.read_bytes()
    try:
        tekst = ruw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            tekst = ruw.decode("cp1252")  # Excel "CSV (gescheiden door lijstscheidingsteken)" on Windows
        except UnicodeDecodeError as fout:
            raise WoonzorgFout([Melding(str(pad), f"byte {fout.start + 1}", (
                "het bestand is geen UTF-8 en geen Windows-1252; sla het in Excel op als 'CSV UTF-8'"))]) from None
    eerste = tekst.splitlines()[0] if tekst else ""
    scheiding = ";" if eerste.count(";") >= eerste.count(",") else ","
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding, strict=True)
    try:
        kop = [k.strip() for k in next(lezer, [])]
        regels = [(lezer.line_num, cellen) for cellen in lezer]
    except csv.Error as fout:
        raise WoonzorgFout([Melding(str(pad), f"regel {lezer.line_num}", (
            f"geen geldige CSV ({fout}); staat er een aanhalingsteken (\") dat niet is gesloten?"))]) from None
    meldingen = []
    rijen = []
    if len(regels) > MAX_RIJEN:
        raise WoonzorgFout([Melding(str(pad), "", f"heeft meer dan {MAX_RIJEN:,} rijen".replace(",", ".") + (
            "; staat er iets ver onder de tabel? Verwijder wat niet bij het invoerformat hoort"))])
    for nummer, (regel, cellen) in enumerate(regels, start=2):
        if not any(c.strip() for c in cellen):
            continue
        if any("\n" in c or "\r" in c for c in cellen):
            meldingen.append(Melding(str(pad), f"rij {nummer} (regel {regel})", (
                "een cel loopt over meerdere regels: waarschijnlijk een aanhalingsteken (\") dat niet is gesloten")))
        elif len(cellen) > len(kop) and any(c.strip() for c in cellen[len(kop):]):
            meldingen.append(Melding(str(pad), f"rij {nummer}", (
                f"heeft {len(cellen)} cellen, de kop {len(kop)}: staat er een '{scheiding}' in een tekst zonder "
                "aanhalingstekens?")))
        rijen.append((nummer, dict(zip(kop, cellen, strict=False))))
    if meldingen:
        raise WoonzorgFout(_beperkt(str(pad), meldingen))
    return _Blad(BLAD_INVOER, kop, rijen, "nl" if scheiding == ";" else "en")


def _beperkt(bestand: str, meldingen: list[Melding]) -> list[Melding]:
    """At most MAX_MELDINGEN messages, and how many more there were."""
    if len(meldingen) <= MAX_MELDINGEN:
        return meldingen
    meer = len(meldingen) - MAX_MELDINGEN
    return [*meldingen[:MAX_MELDINGEN], Melding(bestand, "", f"en nog {meer} meldingen; herstel eerst de eerste")]


def _cel(blad: str, rij: int, kolom: str) -> str:
    return f"blad '{blad}', rij {rij}, kolom '{kolom}'"


def _controleer_kop(bestand: str, blad: _Blad, verwacht: list[str]) -> list[Melding]:
    plek = f"blad '{blad.naam}', rij 1"
    meldingen = [
        Melding(bestand, plek, f"kolom '{k}' ontbreekt") for k in verwacht if k not in blad.kolommen
    ]
    meldingen += [
        Melding(bestand, plek, f"onbekende kolom '{k}'; {keuze(k, verwacht)}")
        for k in blad.kolommen
        if k and k not in verwacht
    ]
    leeg = [i for i, k in enumerate(blad.kolommen) if not k]
    if leeg:  # once, not once per column: a stray cell far right of the table leaves thousands of them
        from openpyxl.utils import get_column_letter

        kolommen = (f"kolom {get_column_letter(leeg[0] + 1)} heeft" if len(leeg) == 1 else
                    f"{len(leeg):,} kolommen (van {get_column_letter(leeg[0] + 1)} tot en met "
                    f"{get_column_letter(leeg[-1] + 1)}) hebben".replace(",", "."))
        meldingen.append(Melding(bestand, plek, (
            f"{kolommen} geen kop, maar rechts ervan staat nog iets in rij 1: geef elke kolom een kop of verwijder "
            "wat niet bij de tabel hoort")))
    meldingen += [  # a second 'lokaal' column would silently replace the first
        Melding(bestand, plek, f"kolom '{k}' staat {blad.kolommen.count(k)} keer in de kop; laat er één staan")
        for k in dict.fromkeys(blad.kolommen) if k and blad.kolommen.count(k) > 1
    ]
    return meldingen


def _getal(bestand: str, plek: str, waarde: Any, meldingen: list[Melding], notatie: Notatie = "nl",
           procent: bool = False) -> float | None:
    try:
        getal = lees_getal(waarde, notatie, procent)
    except OngeldigGetal as fout:
        meldingen.append(Melding(bestand, plek, str(fout)))
        return None
    if getal is not None and getal < 0:
        meldingen.append(Melding(bestand, plek, f"mag niet negatief zijn, kreeg {_tekst(waarde)}"))
        return None
    return getal


def _aantal(bestand: str, plek: str, getal: float | None, eenheid: str, grens: float, lokaal: bool,
            gemiddelde: bool, meldingen: list[Melding]) -> float | None:
    """A count checked against what the gemeente can hold; a local count of people or homes is whole."""
    if getal is None:
        return None
    if getal > grens:
        waarvan = "woningen" if eenheid == "woningen" else "inwoners"
        meldingen.append(Melding(bestand, plek, f"{_tekst(getal)} {eenheid} is meer dan de gemeente {waarvan} heeft "
                                                f"({_tekst(grens)}); controleer het getal"))
        return None
    if lokaal and not gemiddelde and eenheid in (*AANTALLEN, "woningen") and not float(getal).is_integer():
        meldingen.append(Melding(bestand, plek, f"{eenheid} tel je in hele getallen, kreeg {_tekst(getal)}"))
        return None
    return getal


def _herkomst(bestand: str, plek: str, waarde: str, meldingen: list[Melding]) -> None:
    if waarde and waarde not in HERKOMSTEN:
        meldingen.append(Melding(bestand, plek, f"herkomst '{waarde}' bestaat niet; kies uit: {', '.join(HERKOMSTEN)}"))


def _grenzen(gemeentecodes: Sequence[str]) -> dict[str, dict[str, float]]:
    """Per gemeente the most a count can be: its inhabitants (people) and its dwellings (homes)."""
    inwoners = gemeenten().set_index("gemeentecode")["inwoners"].astype(float)
    voorraad = woningvoorraad().set_index("gemeentecode")["woningvoorraad"].astype(float)
    return {c: {"inwoners": float(inwoners.get(c, math.inf)), "woningen": float(voorraad.get(c, math.inf))}
            for c in gemeentecodes}


def _invoerrijen(
    bestand: str, blad: _Blad, gemeentecodes: Sequence[str], onderwerpen: Mapping[str, str], meldingen: list[Melding],
    verplicht: Sequence[str] | None = None,
) -> tuple[pd.DataFrame, tuple[str, ...]]:
    grenzen = _grenzen(gemeentecodes)
    uit: list[dict[str, Any]] = []
    gezien: dict[tuple[str, str], int] = {}
    for nummer, rij in blad.rijen:
        plek = partial(_cel, blad.naam, nummer)

        code, onderwerp = _tekst(rij.get("gemeentecode")), _tekst(rij.get("onderwerp"))
        fouten_voor = len(meldingen)
        if code not in gemeentecodes:
            meldingen.append(Melding(bestand, plek("gemeentecode"), f"gemeente '{code}' hoort niet bij deze regio"))
        if onderwerp not in onderwerpen:
            meldingen.append(Melding(bestand, plek("onderwerp"), f"onbekend onderwerp '{onderwerp}'; {keuze(onderwerp, list(onderwerpen))}"))
        if (code, onderwerp) in gezien:
            meldingen.append(
                Melding(bestand, f"blad '{blad.naam}', rij {nummer}", f"dubbele rij: {code} / {onderwerp} staat ook in rij {gezien[(code, onderwerp)]}")
            )
        gezien.setdefault((code, onderwerp), nummer)
        eenheid = onderwerpen.get(onderwerp, "")
        grens = grenzen.get(code, {}).get("woningen" if eenheid == "woningen" else "inwoners", math.inf)
        if eenheid == "index":
            grens = math.inf
        waarden = {}
        for kolom in ("standaard", "lokaal"):
            getal = _getal(bestand, plek(kolom), rij.get(kolom), meldingen, blad.notatie)
            waarden[kolom] = _aantal(bestand, plek(kolom), getal, eenheid, grens, kolom == "lokaal",
                                     onderwerp in GEMIDDELDEN, meldingen)
        standaard, lokaal = waarden["standaard"], waarden["lokaal"]
        herkomst, bron = _tekst(rij.get("herkomst")), _tekst(rij.get("bron"))
        _herkomst(bestand, plek("herkomst"), herkomst, meldingen)
        _herkomst(bestand, plek("herkomst_standaard"), _tekst(rij.get("herkomst_standaard")), meldingen)
        heeft_lokaal = _tekst(rij.get("lokaal")) != ""
        if heeft_lokaal and not herkomst:
            meldingen.append(Melding(bestand, plek("herkomst"), f"bij een lokaal cijfer hoort een herkomst: {', '.join(HERKOMSTEN)}"))
        if heeft_lokaal and not bron:
            meldingen.append(Melding(bestand, plek("bron"), "bij een lokaal cijfer hoort een bron (registratie, telling of document)"))
        if len(meldingen) > fouten_voor:
            continue
        if lokaal is not None:
            uit.append(dict(gemeentecode=code, onderwerp=onderwerp, waarde=lokaal, herkomst=herkomst, bron=bron,
                            peildatum=_tekst(rij.get("peildatum")), lokaal=True))
        elif standaard is not None:
            uit.append(dict(gemeentecode=code, onderwerp=onderwerp, waarde=standaard,
                            herkomst=_tekst(rij.get("herkomst_standaard")) or "schatting",
                            bron=_tekst(rij.get("bron_standaard")), peildatum=_tekst(rij.get("peildatum")),
                            lokaal=False))
    aanwezig = {code for code, _ in gezien}
    waar = "van de regio" if verplicht is None else "van het gebied van het parameterbestand"
    for code in gemeentecodes if verplicht is None else verplicht:
        if code not in aanwezig:
            meldingen.append(Melding(bestand, f"blad '{blad.naam}'", f"gemeente {code} {waar} ontbreekt"))
    kolommen = ["gemeentecode", "onderwerp", "waarde", "herkomst", "bron", "peildatum", "lokaal"]
    return (pd.DataFrame(uit, columns=kolommen).astype({"lokaal": bool}),
            tuple(c for c in gemeentecodes if c in aanwezig))


def _kengetal_bereik(bestand: str, plek: str, sleutel: str, eenheid: str, getal: float, meldingen: list[Melding]) -> None:
    laag, hoog, laag_mag = KENGETAL_SLEUTEL_BEREIK.get(sleutel) or KENGETAL_BEREIK.get(eenheid, (0.0, math.inf, True))
    if getal > hoog or getal < laag or (getal == laag and not laag_mag):
        onder = "vanaf" if laag_mag else "boven"
        meldingen.append(Melding(bestand, plek, f"{sleutel} ({eenheid}) moet {onder} {_tekst(laag)} en hoogstens "
                                                f"{_tekst(hoog)} zijn, kreeg {_tekst(getal)}"))


def _kengetalrijen(bestand: str, blad: _Blad, verwacht: Mapping[str, str], meldingen: list[Melding]) -> pd.DataFrame:
    uit: list[dict[str, Any]] = []
    gezien: dict[str, int] = {}
    for nummer, rij in blad.rijen:
        plek = partial(_cel, blad.naam, nummer)

        fouten_voor = len(meldingen)
        sleutel = _tekst(rij.get("kengetal"))
        if sleutel not in verwacht:
            meldingen.append(Melding(bestand, plek("kengetal"), f"onbekend kengetal '{sleutel}'; {keuze(sleutel, list(verwacht))}"))
        elif sleutel in gezien:
            meldingen.append(Melding(bestand, plek("kengetal"), f"dubbele rij: {sleutel} staat ook in rij {gezien[sleutel]}"))
        gezien.setdefault(sleutel, nummer)
        waarden = {}
        eenheid = verwacht.get(sleutel, _tekst(rij.get("eenheid")))
        for kolom in ("laag", "midden", "hoog"):
            waarden[kolom] = _getal(bestand, plek(kolom), rij.get(kolom), meldingen, procent=eenheid == "aandeel")
            if waarden[kolom] is None and len(meldingen) == fouten_voor:
                meldingen.append(Melding(bestand, plek(kolom), "verwacht een getal, de cel is leeg"))
            elif waarden[kolom] is not None:
                _kengetal_bereik(bestand, plek(kolom), sleutel, eenheid, waarden[kolom], meldingen)
        if len(meldingen) == fouten_voor and not (
                min(waarden["laag"], waarden["hoog"]) <= waarden["midden"] <= max(waarden["laag"], waarden["hoog"])):
            # laag and hoog are the scenarios, not the smallest and largest value (a longer stay means less demand)
            meldingen.append(Melding(bestand, plek("midden"), f"midden ({_tekst(waarden['midden'])}) ligt niet tussen laag "
                                                              f"en hoog ({_tekst(waarden['laag'])} en {_tekst(waarden['hoog'])})"))
        herkomst = _tekst(rij.get("herkomst"))
        _herkomst(bestand, plek("herkomst"), herkomst, meldingen)
        if not herkomst:
            meldingen.append(Melding(bestand, plek("herkomst"), f"vul de herkomst in: {', '.join(HERKOMSTEN)}"))
        if not _tekst(rij.get("bron")):
            meldingen.append(Melding(bestand, plek("bron"), "vul de bron in, of de reden van de aanname"))
        if len(meldingen) == fouten_voor:
            uit.append({"sleutel": sleutel, **{k: _tekst(rij.get(k)) for k in ("omschrijving", "eenheid", "herkomst", "bron")}, **waarden})
    for sleutel in verwacht:
        if sleutel not in gezien:
            meldingen.append(Melding(bestand, f"blad '{blad.naam}'", f"kengetal {sleutel} ontbreekt"))
    return pd.DataFrame(uit).set_index("sleutel") if uit else pd.DataFrame()


def lees_invoer(
    pad: Path, gemeentecodes: Sequence[str], onderwerpen: Mapping[str, str], kengetallen: Mapping[str, str],
    verplicht: Sequence[str] | None = None,
) -> Invoer:
    """Read and validate an invoerformat for the gemeenten ``gemeentecodes``.

    The file may hold any of those gemeenten and must hold those of ``verplicht`` (default:
    all of them): the invoerformat of a deelregio holds its own gemeenten.

    ``onderwerpen`` and ``kengetallen`` map the keys the model knows to their unit: every
    figure is checked against the range its unit allows. Raises WoonzorgFout with every
    problem; returns nothing partial.
    """
    bestand = str(pad)
    if not pad.is_file():
        waarom = "is een map, geen bestand" if pad.is_dir() else (
            "is geen gewoon bestand" if pad.exists() else "bestaat niet")
        raise WoonzorgFout([Melding(bestand, "", f"invoerbestand {waarom}")])
    if (grootte := pad.stat().st_size) > MAX_BYTES:
        raise WoonzorgFout([Melding(bestand, "", (
            f"invoerbestand is {grootte / 1_000_000:.0f} MB; het invoerformat van alle gemeenten van Nederland is "
            f"ongeveer 1 MB (hoogstens {MAX_BYTES // 1_000_000} MB): is dit wel het goede bestand?"))])
    bladen = {b.naam: b for b in _lees_bladen(pad)}
    if BLAD_INVOER not in bladen:
        raise WoonzorgFout([Melding(bestand, "", f"blad '{BLAD_INVOER}' ontbreekt")])
    meldingen = _controleer_kop(bestand, bladen[BLAD_INVOER], KOLOMMEN_INVOER)
    if BLAD_KENGETALLEN in bladen:
        meldingen += _controleer_kop(bestand, bladen[BLAD_KENGETALLEN], KOLOMMEN_KENGETALLEN)
    if meldingen:
        raise WoonzorgFout(_beperkt(bestand, meldingen))
    waarden, aanwezig = _invoerrijen(bestand, bladen[BLAD_INVOER], list(gemeentecodes), onderwerpen, meldingen,
                                     verplicht)
    tabel = None
    if BLAD_KENGETALLEN in bladen:
        tabel = _kengetalrijen(bestand, bladen[BLAD_KENGETALLEN], kengetallen, meldingen)
    if meldingen:
        raise WoonzorgFout(_beperkt(bestand, meldingen))
    return Invoer(waarden, tabel, aanwezig)
