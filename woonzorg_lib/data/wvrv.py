"""The legal facts of the Wvrv (Wet versterking regie volkshuisvesting) in one bundled, correctable file.

Every fact carries its article, source and how strongly it is confirmed, so the VHP chapter
never states a fact more firmly than its source allows; a user corrects ``wvrv.yaml`` when the
primary text says otherwise (or points ``WOONZORG_WVRV`` at a corrected copy).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from woonzorg_lib.algemeen.errors import Melding, WoonzorgFout
from woonzorg_lib.data.yaml_io import lees_yaml

BESTAND = Path(__file__).resolve().parent / "bundel" / "wvrv.yaml"
BEVESTIGINGEN = {
    "primair": "gezien in een officiële tekst",
    "secundair": "gezien in nieuws of uitleg, niet in de wet zelf",
    "tweedehands": "alleen uit tweede hand (citaat van het Staatsblad), niet gecontroleerd",
    "onbevestigd": "niet gevonden of alleen afgeleid",
}
NODIG = ("wet", "niet_in_werking", "termijn_vhp_gemeente", "termijn_vhp_provincie", "termijn_verordening",
         "norm_betaalbaar", "norm_sociale_huur", "norm_gemeente", "taakstelling", "statushouders_geen_urgentie")


@dataclass(frozen=True)
class Feit:
    """One legal fact as the chapter states it, with article, source and confirmation."""

    sleutel: str
    tekst: str
    artikel: str
    bron: str
    bevestiging: str
    waarde: float | None = None
    adres: str = ""


@dataclass(frozen=True)
class Urgentiecategorie:
    """A statutory urgency category and the model's doelgroepen that (partly) cover it."""

    naam: str
    artikel: str
    bron: str
    bevestiging: str
    doelgroepen: tuple[str, ...]
    toelichting: str


@dataclass(frozen=True)
class Wvrv:
    """The facts by key and the urgency categories in the order of the law."""

    feiten: dict[str, Feit]
    urgentiecategorieen: tuple[Urgentiecategorie, ...]
    bestand: str


def _tekst(waarde: object, plek: str, veld: str, bestand: str, meldingen: list[Melding], leeg: bool = False) -> str:
    if not isinstance(waarde, str) or (not leeg and not waarde.strip()):
        meldingen.append(Melding(bestand, f"{plek}.{veld}", "verwacht een tekst"))
        return ""
    return waarde.strip()


def _bevestiging(waarde: str, plek: str, bestand: str, meldingen: list[Melding]) -> None:
    if waarde not in BEVESTIGINGEN:
        meldingen.append(Melding(bestand, f"{plek}.bevestiging",
                                 f"'{waarde}' bestaat niet; kies uit: {', '.join(BEVESTIGINGEN)}"))


def lees_wvrv(pad: Path | None = None) -> Wvrv:
    """Read and check the facts file (default: the bundled one, or ``WOONZORG_WVRV``); every problem at once."""
    pad = Path(pad or os.environ.get("WOONZORG_WVRV") or BESTAND)
    return _lees(pad.resolve())


@cache
def _lees(pad: Path) -> Wvrv:
    bestand, inhoud, meldingen = str(pad), lees_yaml(pad), []
    ruwe_feiten = inhoud.get("feiten") if isinstance(inhoud.get("feiten"), dict) else {}
    feiten = {}
    for sleutel, rij in ruwe_feiten.items():
        plek = f"feiten.{sleutel}"
        if not isinstance(rij, dict):
            meldingen.append(Melding(bestand, plek, "verwacht tekst, artikel, bron en bevestiging"))
            continue
        velden = {v: _tekst(rij.get(v), plek, v, bestand, meldingen, leeg=v == "artikel")
                  for v in ("tekst", "artikel", "bron", "bevestiging")}
        _bevestiging(velden["bevestiging"], plek, bestand, meldingen)
        waarde = rij.get("waarde")
        if waarde is not None and (isinstance(waarde, bool) or not isinstance(waarde, int | float)
                                   or not 0 < waarde <= 1):
            meldingen.append(Melding(bestand, f"{plek}.waarde", f"verwacht een aandeel tussen 0 en 1, kreeg {waarde!r}"))
        feiten[str(sleutel)] = Feit(str(sleutel), **velden, waarde=None if waarde is None else float(waarde),
                                    adres=str(rij.get("adres", "")))
    meldingen += [Melding(bestand, f"feiten.{s}", "dit feit ontbreekt") for s in NODIG if s not in feiten]
    categorieen = []
    ruw = inhoud.get("urgentiecategorieen")
    for nummer, rij in enumerate(ruw if isinstance(ruw, list) else [], start=1):
        plek = f"urgentiecategorieen[{nummer}]"
        if not isinstance(rij, dict):
            meldingen.append(Melding(bestand, plek, "verwacht naam, artikel, bron, bevestiging en doelgroepen"))
            continue
        velden = {v: _tekst(rij.get(v), plek, v, bestand, meldingen)
                  for v in ("naam", "artikel", "bron", "bevestiging", "toelichting")}
        _bevestiging(velden["bevestiging"], plek, bestand, meldingen)
        groepen = rij.get("doelgroepen")
        if not isinstance(groepen, list) or not all(isinstance(g, str) for g in groepen):
            meldingen.append(Melding(bestand, f"{plek}.doelgroepen", "verwacht een lijst van doelgroepen (mag leeg)"))
            groepen = []
        categorieen.append(Urgentiecategorie(**velden, doelgroepen=tuple(groepen)))
    if not categorieen:
        meldingen.append(Melding(bestand, "urgentiecategorieen", "verwacht een lijst van urgentiecategorieën"))
    if meldingen:
        raise WoonzorgFout(meldingen)
    return Wvrv(feiten, tuple(categorieen), bestand)
