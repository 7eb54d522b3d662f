"""The VHP sections of the invoerformat: planned new build per segment and realised housing of statushouders.

Two optional sheets of the same workbook, read as strictly as the 'invoer' sheet: every problem
at once, with sheet, row and column; a workbook with any problem gives no result at all. An
empty row is 'niet ingevuld', never 0.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from woonzorg_lib.algemeen.errors import Melding, WoonzorgFout
from woonzorg_lib.data.basis import HERKOMSTEN
from woonzorg_lib.data.invoer import cel, controleer_kop, celgetal
from woonzorg_lib.data.werkmap import beperkt, lees_bladen
from woonzorg_lib.data.werkmap import celtekst as _tekst

BLAD_NIEUWBOUW = "nieuwbouw"
BLAD_REALISATIE = "realisatie"
SEGMENTEN = {"sociale_huur": "sociale huur", "middenhuur": "middenhuur", "betaalbare_koop": "betaalbare koop",
             "overig": "overig"}
KOLOMMEN_NIEUWBOUW = ["gemeentecode", "gemeente", *SEGMENTEN, "totaal", "herkomst", "bron"]
KOLOMMEN_REALISATIE = ["gemeentecode", "gemeente", "halfjaar", "taakstelling", "gehuisvest", "herkomst", "bron"]
HALFJAAR = re.compile(r"(\d{4})-H([12])")
PLAUSIBEL_AANDEEL = 0.01  # housed in one half-year: more than 1 % of the inhabitants is no plausible figure


@dataclass(frozen=True)
class Plannen:
    """What the invoerformat says about planned new build and realised housing (filled rows only)."""

    nieuwbouw: pd.DataFrame  # gemeentecode, the four segments, totaal, herkomst, bron
    realisatie: pd.DataFrame  # gemeentecode, halfjaar, gehuisvest, herkomst, bron
    bestand: str = ""

    @classmethod
    def leeg(cls) -> Plannen:
        return cls(pd.DataFrame(columns=["gemeentecode", *SEGMENTEN, "totaal", "herkomst", "bron"]),
                   pd.DataFrame(columns=["gemeentecode", "halfjaar", "gehuisvest", "herkomst", "bron"]))


def begin_halfjaar(halfjaar: str) -> dt.date:
    """The first day of a half-year: '2026-H2' → 1 July 2026."""
    jaar, deel = HALFJAAR.fullmatch(halfjaar).groups()  # type: ignore[union-attr]
    return dt.date(int(jaar), 1 if deel == "1" else 7, 1)


def _bladen(pad: Path) -> dict[str, Any]:
    if pad.suffix.lower() not in (".xlsx", ".xlsm"):
        return {}  # a CSV invoerformat holds only the 'invoer' sheet
    return {b.naam: b for b in lees_bladen(pad, (BLAD_NIEUWBOUW, BLAD_REALISATIE))}


def _herkomst_bron(bestand: str, plek: Any, rij: dict[str, Any], meldingen: list[Melding]) -> tuple[str, str]:
    herkomst, bron = _tekst(rij.get("herkomst")), _tekst(rij.get("bron"))
    if herkomst not in HERKOMSTEN:
        meldingen.append(Melding(bestand, plek("herkomst"), f"bij een ingevuld cijfer hoort een herkomst: kies uit "
                                                          f"{', '.join(HERKOMSTEN)}, kreeg '{herkomst}'"))
    if not bron:
        meldingen.append(Melding(bestand, plek("bron"), "bij een ingevuld cijfer hoort een bron (plan, registratie)"))
    return herkomst, bron


def _nieuwbouw(bestand: str, blad: Any, codes: Sequence[str], meldingen: list[Melding]) -> list[dict[str, Any]]:
    uit, gezien = [], {}
    for nummer, rij in blad.rijen:
        def plek(kolom: str, nummer: int = nummer) -> str:
            return cel(blad.naam, nummer, kolom)
        code = _tekst(rij.get("gemeentecode"))
        if code not in codes:
            meldingen.append(Melding(bestand, plek("gemeentecode"), f"gemeente '{code}' hoort niet bij deze regio"))
            continue
        if code in gezien:
            meldingen.append(Melding(bestand, f"blad '{blad.naam}', rij {nummer}",
                                     f"dubbele rij: {code} staat ook in rij {gezien[code]}"))
            continue
        gezien[code] = nummer
        voor = len(meldingen)
        delen = {k: celgetal(bestand, plek(k), rij.get(k), meldingen, blad.notatie) for k in [*SEGMENTEN, "totaal"]}
        ingevuld = [k for k in SEGMENTEN if _tekst(rij.get(k)) != ""]
        if not ingevuld and _tekst(rij.get("totaal")) == "":
            continue  # niet ingevuld
        for k in SEGMENTEN:
            if k not in ingevuld:
                meldingen.append(Melding(bestand, plek(k), "vul elk segment in (0 als er niets gepland is) of laat de "
                                                           "hele rij leeg"))
            elif delen[k] is not None and not float(delen[k]).is_integer():
                meldingen.append(Melding(bestand, plek(k), f"woningen tel je in hele getallen, kreeg {_tekst(delen[k])}"))
        som = sum(v for k, v in delen.items() if k in SEGMENTEN and v is not None)
        if len(meldingen) == voor and delen["totaal"] is not None and not math.isclose(som, delen["totaal"]):
            meldingen.append(Melding(bestand, plek("totaal"), (
                f"de segmenten tellen op tot {_tekst(som)}, niet tot het totaal {_tekst(delen['totaal'])}; "
                "herstel een segment of het totaal")))
        herkomst, bron = _herkomst_bron(bestand, plek, rij, meldingen)
        if len(meldingen) == voor:
            uit.append({"gemeentecode": code, **{k: delen[k] for k in SEGMENTEN}, "totaal": som,
                        "herkomst": herkomst, "bron": bron})
    return uit


def _realisatie(bestand: str, blad: Any, codes: Sequence[str], jaren: Sequence[int], inwoners: Mapping[str, float],
                vandaag: dt.date, meldingen: list[Melding]) -> list[dict[str, Any]]:
    uit, gezien = [], {}
    for nummer, rij in blad.rijen:
        def plek(kolom: str, nummer: int = nummer) -> str:
            return cel(blad.naam, nummer, kolom)
        code, halfjaar = _tekst(rij.get("gemeentecode")), _tekst(rij.get("halfjaar"))
        voor = len(meldingen)
        if code not in codes:
            meldingen.append(Melding(bestand, plek("gemeentecode"), f"gemeente '{code}' hoort niet bij deze regio"))
        if not HALFJAAR.fullmatch(halfjaar):
            meldingen.append(Melding(bestand, plek("halfjaar"), f"verwacht een halfjaar als 2026-H1, kreeg '{halfjaar}'"))
        elif int(halfjaar[:4]) not in jaren:
            meldingen.append(Melding(bestand, plek("halfjaar"), (
                f"{halfjaar} valt buiten de jaren van de analyse ({jaren[0]} tot en met {jaren[-1]}); een eerdere "
                "achterstand vult u in als onderwerp 'statushouders_achterstand' op blad 'invoer'")))
        elif begin_halfjaar(halfjaar) > vandaag:
            meldingen.append(Melding(bestand, plek("halfjaar"), (
                f"{halfjaar} is nog niet begonnen (vandaag is {vandaag:%d-%m-%Y}): vul alleen gerealiseerde "
                "huisvesting in")))
        if (code, halfjaar) in gezien:
            meldingen.append(Melding(bestand, f"blad '{blad.naam}', rij {nummer}",
                                     f"dubbele rij: {code} / {halfjaar} staat ook in rij {gezien[(code, halfjaar)]}"))
        gezien.setdefault((code, halfjaar), nummer)
        if _tekst(rij.get("gehuisvest")) == "":
            continue  # niet ingevuld
        aantal = celgetal(bestand, plek("gehuisvest"), rij.get("gehuisvest"), meldingen, blad.notatie)
        if aantal is not None and not float(aantal).is_integer():
            meldingen.append(Melding(bestand, plek("gehuisvest"), f"personen tel je in hele getallen, kreeg {_tekst(aantal)}"))
        grens = PLAUSIBEL_AANDEEL * inwoners.get(code, math.inf)
        if aantal is not None and aantal > grens:
            meldingen.append(Melding(bestand, plek("gehuisvest"), (
                f"{_tekst(aantal)} personen in één halfjaar is meer dan 1 procent van de inwoners ({_tekst(round(grens))}); "
                "dat is geen aannemelijk aantal: controleer het getal")))
        herkomst, bron = _herkomst_bron(bestand, plek, rij, meldingen)
        if len(meldingen) == voor:
            uit.append({"gemeentecode": code, "halfjaar": halfjaar, "gehuisvest": aantal, "herkomst": herkomst,
                        "bron": bron})
    return uit


def lees_plannen(pad: Path, gemeentecodes: Sequence[str], jaren: Sequence[int], inwoners: Mapping[str, float],
                 vandaag: dt.date | None = None) -> Plannen:
    """Read the 'nieuwbouw' and 'realisatie' sheets of an invoerformat (absent sheets: nothing filled in)."""
    bestand, bladen, meldingen = str(pad), _bladen(Path(pad)), []
    verwacht = {BLAD_NIEUWBOUW: KOLOMMEN_NIEUWBOUW, BLAD_REALISATIE: KOLOMMEN_REALISATIE}
    for naam, blad in bladen.items():
        meldingen += controleer_kop(bestand, blad, verwacht[naam])
    if meldingen:
        raise WoonzorgFout(beperkt(bestand, meldingen))
    leeg = Plannen.leeg()
    nieuw = _nieuwbouw(bestand, bladen[BLAD_NIEUWBOUW], gemeentecodes, meldingen) if BLAD_NIEUWBOUW in bladen else []
    gerealiseerd = (_realisatie(bestand, bladen[BLAD_REALISATIE], gemeentecodes, list(jaren), inwoners,
                                vandaag or dt.date.today(), meldingen) if BLAD_REALISATIE in bladen else [])
    if meldingen:
        raise WoonzorgFout(beperkt(bestand, meldingen))
    return Plannen(pd.DataFrame(nieuw, columns=leeg.nieuwbouw.columns),
                   pd.DataFrame(gerealiseerd, columns=leeg.realisatie.columns), bestand)
