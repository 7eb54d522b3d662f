"""Validate a filled-in invoerformat (Excel workbook or CSV, read by ``werkmap``) strictly.

Every problem is reported at once, in Dutch, with sheet, row and column. A workbook
with any problem gives no result at all: never a partial one.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from woonzorg_lib.algemeen.errors import Melding, WoonzorgFout, keuze
from woonzorg_lib.data.basis import HERKOMSTEN, gemeenten, woningvoorraad
from woonzorg_lib.data.getallen import Notatie, OngeldigGetal, lees_getal
from woonzorg_lib.data.werkmap import BLAD_INVOER, BLAD_KENGETALLEN, Blad, beperkt, celtekst, lees_bladen

MAX_BYTES = 20_000_000  # the invoerformat of all 342 gemeenten is about 1 MB as CSV, less as Excel
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


@dataclass(frozen=True)
class Invoer:
    """A validated invoerformat: one value per gemeente × onderwerp, and the kengetallen (if the file had them)."""

    waarden: pd.DataFrame
    kengetallen: pd.DataFrame | None
    gemeenten: tuple[str, ...] = ()  # the gemeenten the file has rows for (with or without figures)


def cel(blad: str, rij: int, kolom: str) -> str:
    """Where a cell is, as a message names it: blad 'invoer', rij 3, kolom 'waarde'."""
    return f"blad '{blad}', rij {rij}, kolom '{kolom}'"


def controleer_kop(bestand: str, blad: Blad, verwacht: list[str]) -> list[Melding]:
    """What is wrong with a sheet's header: missing, unknown, empty or repeated columns."""
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


def celgetal(bestand: str, plek: str, waarde: Any, meldingen: list[Melding], notatie: Notatie = "nl",
             procent: bool = False) -> float | None:
    """A cell's number (None when empty); a message instead when it is no number or negative."""
    try:
        getal = lees_getal(waarde, notatie, procent)
    except OngeldigGetal as fout:
        meldingen.append(Melding(bestand, plek, str(fout)))
        return None
    if getal is not None and getal < 0:
        meldingen.append(Melding(bestand, plek, f"mag niet negatief zijn, kreeg {celtekst(waarde)}"))
        return None
    return getal


def _aantal(bestand: str, plek: str, getal: float | None, eenheid: str, grens: float, lokaal: bool,
            gemiddelde: bool, meldingen: list[Melding]) -> float | None:
    """A count checked against what the gemeente can hold; a local count of people or homes is whole."""
    if getal is None:
        return None
    if getal > grens:
        waarvan = "woningen" if eenheid == "woningen" else "inwoners"
        meldingen.append(Melding(bestand, plek, f"{celtekst(getal)} {eenheid} is meer dan de gemeente {waarvan} heeft "
                                                f"({celtekst(grens)}); controleer het getal"))
        return None
    if lokaal and not gemiddelde and eenheid in (*AANTALLEN, "woningen") and not float(getal).is_integer():
        meldingen.append(Melding(bestand, plek, f"{eenheid} tel je in hele getallen, kreeg {celtekst(getal)}"))
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
    bestand: str, blad: Blad, gemeentecodes: Sequence[str], onderwerpen: Mapping[str, str], meldingen: list[Melding],
    verplicht: Sequence[str] | None = None,
) -> tuple[pd.DataFrame, tuple[str, ...]]:
    grenzen = _grenzen(gemeentecodes)
    uit: list[dict[str, Any]] = []
    gezien: dict[tuple[str, str], int] = {}
    for nummer, rij in blad.rijen:
        plek = partial(cel, blad.naam, nummer)

        code, onderwerp = celtekst(rij.get("gemeentecode")), celtekst(rij.get("onderwerp"))
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
            getal = celgetal(bestand, plek(kolom), rij.get(kolom), meldingen, blad.notatie)
            waarden[kolom] = _aantal(bestand, plek(kolom), getal, eenheid, grens, kolom == "lokaal",
                                     onderwerp in GEMIDDELDEN, meldingen)
        standaard, lokaal = waarden["standaard"], waarden["lokaal"]
        herkomst, bron = celtekst(rij.get("herkomst")), celtekst(rij.get("bron"))
        _herkomst(bestand, plek("herkomst"), herkomst, meldingen)
        _herkomst(bestand, plek("herkomst_standaard"), celtekst(rij.get("herkomst_standaard")), meldingen)
        heeft_lokaal = celtekst(rij.get("lokaal")) != ""
        if heeft_lokaal and not herkomst:
            meldingen.append(Melding(bestand, plek("herkomst"), f"bij een lokaal cijfer hoort een herkomst: {', '.join(HERKOMSTEN)}"))
        if heeft_lokaal and not bron:
            meldingen.append(Melding(bestand, plek("bron"), "bij een lokaal cijfer hoort een bron (registratie, telling of document)"))
        if not heeft_lokaal and (herkomst or bron):  # a local figure was meant: the default must not count silently
            ingevuld = [k for k, w in (("herkomst", herkomst), ("bron", bron)) if w]
            naam = celtekst(rij.get("gemeente"))
            meldingen.append(Melding(bestand, plek("lokaal"), (
                f"{f'{naam} ({code})' if naam else code}, {onderwerp}: {' en '.join(ingevuld)} "
                f"{'zijn' if len(ingevuld) == 2 else 'is'} ingevuld maar het lokale cijfer ontbreekt; vul het cijfer in, "
                "of maak herkomst en bron leeg om de standaard te gebruiken")))
        if len(meldingen) > fouten_voor:
            continue
        if lokaal is not None:
            uit.append(dict(gemeentecode=code, onderwerp=onderwerp, waarde=lokaal, herkomst=herkomst, bron=bron,
                            peildatum=celtekst(rij.get("peildatum")), lokaal=True))
        elif standaard is not None:
            uit.append(dict(gemeentecode=code, onderwerp=onderwerp, waarde=standaard,
                            herkomst=celtekst(rij.get("herkomst_standaard")) or "schatting",
                            bron=celtekst(rij.get("bron_standaard")), peildatum=celtekst(rij.get("peildatum")),
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
        meldingen.append(Melding(bestand, plek, f"{sleutel} ({eenheid}) moet {onder} {celtekst(laag)} en hoogstens "
                                                f"{celtekst(hoog)} zijn, kreeg {celtekst(getal)}"))


def _kengetalrijen(bestand: str, blad: Blad, verwacht: Mapping[str, str], meldingen: list[Melding]) -> pd.DataFrame:
    uit: list[dict[str, Any]] = []
    gezien: dict[str, int] = {}
    for nummer, rij in blad.rijen:
        plek = partial(cel, blad.naam, nummer)

        fouten_voor = len(meldingen)
        sleutel = celtekst(rij.get("kengetal"))
        if sleutel not in verwacht:
            meldingen.append(Melding(bestand, plek("kengetal"), f"onbekend kengetal '{sleutel}'; {keuze(sleutel, list(verwacht))}"))
        elif sleutel in gezien:
            meldingen.append(Melding(bestand, plek("kengetal"), f"dubbele rij: {sleutel} staat ook in rij {gezien[sleutel]}"))
        gezien.setdefault(sleutel, nummer)
        waarden = {}
        eenheid = verwacht.get(sleutel, celtekst(rij.get("eenheid")))
        for kolom in ("laag", "midden", "hoog"):
            waarden[kolom] = celgetal(bestand, plek(kolom), rij.get(kolom), meldingen, procent=eenheid == "aandeel")
            if waarden[kolom] is None and len(meldingen) == fouten_voor:
                meldingen.append(Melding(bestand, plek(kolom), "verwacht een getal, de cel is leeg"))
            elif waarden[kolom] is not None:
                _kengetal_bereik(bestand, plek(kolom), sleutel, eenheid, waarden[kolom], meldingen)
        if len(meldingen) == fouten_voor and not (
                min(waarden["laag"], waarden["hoog"]) <= waarden["midden"] <= max(waarden["laag"], waarden["hoog"])):
            # laag and hoog are the scenarios, not the smallest and largest value (a longer stay means less demand)
            meldingen.append(Melding(bestand, plek("midden"), f"midden ({celtekst(waarden['midden'])}) ligt niet tussen laag "
                                                              f"en hoog ({celtekst(waarden['laag'])} en {celtekst(waarden['hoog'])})"))
        herkomst = celtekst(rij.get("herkomst"))
        _herkomst(bestand, plek("herkomst"), herkomst, meldingen)
        if not herkomst:
            meldingen.append(Melding(bestand, plek("herkomst"), f"vul de herkomst in: {', '.join(HERKOMSTEN)}"))
        if not celtekst(rij.get("bron")):
            meldingen.append(Melding(bestand, plek("bron"), "vul de bron in, of de reden van de aanname"))
        if len(meldingen) == fouten_voor:
            uit.append({"sleutel": sleutel, **{k: celtekst(rij.get(k)) for k in ("omschrijving", "eenheid", "herkomst", "bron")}, **waarden})
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
    bladen = {b.naam: b for b in lees_bladen(pad)}
    if BLAD_INVOER not in bladen:
        raise WoonzorgFout([Melding(bestand, "", f"blad '{BLAD_INVOER}' ontbreekt")])
    meldingen = controleer_kop(bestand, bladen[BLAD_INVOER], KOLOMMEN_INVOER)
    if BLAD_KENGETALLEN in bladen:
        meldingen += controleer_kop(bestand, bladen[BLAD_KENGETALLEN], KOLOMMEN_KENGETALLEN)
    if meldingen:
        raise WoonzorgFout(beperkt(bestand, meldingen))
    waarden, aanwezig = _invoerrijen(bestand, bladen[BLAD_INVOER], list(gemeentecodes), onderwerpen, meldingen,
                                     verplicht)
    tabel = None
    if BLAD_KENGETALLEN in bladen:
        tabel = _kengetalrijen(bestand, bladen[BLAD_KENGETALLEN], kengetallen, meldingen)
    if meldingen:
        raise WoonzorgFout(beperkt(bestand, meldingen))
    return Invoer(waarden, tabel, aanwezig)
