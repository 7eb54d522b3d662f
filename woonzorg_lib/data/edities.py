"""Data editions: each refresh from CBS is kept as a folder of its own, never changed afterwards.

Editions live in a user data folder outside the package (``woonzorg data`` shows it;
the environment variable ``WOONZORG_DATAMAP`` points elsewhere). An edition's name is
its download moment, so names sort by age. The bundled data is the fallback edition
``bundel``. An edition is written in a temporary folder beside the others and renamed
into place only when complete, so a broken refresh leaves no edition behind.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from woonzorg_lib.algemeen.errors import WoonzorgFout, keuze

if TYPE_CHECKING:  # pandas only when an edition's tables are read: the batch's no-op check stays fast
    import pandas as pd

BUNDEL = "bundel"
DATAMAP_VARIABELE = "WOONZORG_DATAMAP"
BESCHRIJVING = "editie.json"
BASISGEGEVENS = "basisgegevens.csv"
AANDACHTSGROEPEN_BESTAND = "aandachtsgroepen.csv"
PROGNOSE = "prognose.csv"
_KOLOMMEN = {
    BASISGEGEVENS: ("gemeentecode", "indicator", "waarde", "eenheid", "peildatum", "herkomst", "bron"),
    AANDACHTSGROEPEN_BESTAND: ("gemeentecode", "groep", "personen", "huishoudens", "peildatum", "bron"),
    PROGNOSE: ("gemeentecode", "jaar", "inwoners", "bron"),
}


def datamap() -> Path:
    """The folder that holds the editions (created on first use by a refresh)."""
    eigen = os.environ.get(DATAMAP_VARIABELE)
    return Path(eigen) if eigen else Path(platformdirs.user_data_dir("woonzorg", appauthor=False)) / "edities"


@dataclass(frozen=True)
class Editie:
    """One downloaded edition: its folder and what ``editie.json`` says about it."""

    naam: str
    map: Path
    beschrijving: dict[str, Any] = field(compare=False, repr=False)

    @property
    def gemeentecodes(self) -> frozenset[str]:
        """The gemeenten this edition has figures for."""
        return frozenset(self.beschrijving["gemeentecodes"])

    @property
    def tabellen(self) -> list[dict[str, Any]]:
        """Per CBS table: onderwerp, tabel_id, titel, gewijzigd, perioden, gedownload, adres."""
        return list(self.beschrijving["tabellen"])

    def dekt(self, codes: Iterable[str]) -> bool:
        """Whether the edition has figures for every one of these gemeenten."""
        return set(codes) <= self.gemeentecodes

    def lees(self, bestand: str) -> pd.DataFrame | None:
        """One table of the edition, or None when the edition does not have it; WoonzorgFout when it is damaged."""
        pad = self.map / bestand
        if not pad.is_file():
            return None
        try:
            tabel = _lees_csv(pad, pad.stat().st_mtime_ns)
        except (OSError, UnicodeDecodeError, ValueError) as fout:  # pandas' parser errors are ValueErrors
            raise WoonzorgFout(f"data-editie {self.naam}: {pad} is niet te lezen ({fout.__class__.__name__}); "
                               f"verwijder de editie of zet data_editie: bundel") from None
        verwacht = _KOLOMMEN.get(bestand, ())
        ontbreekt = [k for k in verwacht if k not in tabel.columns]
        if ontbreekt:
            raise WoonzorgFout(f"data-editie {self.naam}: {pad} mist kolom {', '.join(ontbreekt)}; verwijder de editie "
                               "of zet data_editie: bundel")
        return tabel.copy()


@cache
def _lees_csv(pad: Path, _gewijzigd: int) -> pd.DataFrame:
    import pandas as pd

    return pd.read_csv(pad, dtype={"gemeentecode": "string", "peildatum": "string"}, keep_default_na=True)


def _lees(map_: Path) -> Editie | None:
    pad = map_ / BESCHRIJVING
    if map_.name.startswith(".") or not pad.is_file():
        return None
    try:
        beschrijving = json.loads(pad.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not (isinstance(beschrijving, dict) and isinstance(beschrijving.get("gemeentecodes"), list)
            and isinstance(beschrijving.get("tabellen"), list)):
        return None  # not written by a refresh, or damaged: not an edition to compute with
    return Editie(map_.name, map_, beschrijving)


def edities() -> list[Editie]:
    """Every complete edition in the data folder, oldest first (half-written folders are skipped)."""
    map_ = datamap()
    if not map_.is_dir():
        return []
    gevonden = (_lees(p) for p in sorted(map_.iterdir()) if p.is_dir())
    return [e for e in gevonden if e is not None]


def kies(naam: str | None, gemeentecodes: Iterable[str]) -> Editie | None:
    """The edition to use: the named one, or the newest that covers every gemeente; None is the bundle.

    >>> kies("bundel", ["GM0363"]) is None
    True
    """
    if naam == BUNDEL:
        return None
    alle = edities()
    if naam is None:
        codes = set(gemeentecodes)
        return next((e for e in reversed(alle) if e.dekt(codes)), None)
    for editie in alle:
        if editie.naam == naam:
            return editie
    raise WoonzorgFout(
        f"data-editie '{naam}' bestaat niet in {datamap()}; "
        + (keuze(naam, [BUNDEL, *(e.naam for e in alle)]) if alle else "er zijn nog geen edities; kies 'bundel'")
    )


def vorige(editie: Editie, gemeentecodes: Iterable[str]) -> Editie | None:
    """The newest edition before this one that covers the gemeenten; None is the bundle."""
    codes = set(gemeentecodes)
    eerder = [e for e in edities() if e.naam < editie.naam and e.dekt(codes)]
    return eerder[-1] if eerder else None


def nieuwe_naam(moment: datetime | None = None) -> str:
    """A name for an edition downloaded now: sortable, readable, safe as a folder name.

    >>> nieuwe_naam(datetime(2026, 11, 22, 14, 5, 9))
    '2026-11-22T140509'
    """
    return (moment or datetime.now()).strftime("%Y-%m-%dT%H%M%S")


def schrijf(naam: str, vul: Callable[[Path], dict[str, Any]]) -> Editie:
    """Write a new edition: ``vul`` fills a temporary folder and returns the description (without its name).

    Only when ``vul`` succeeds is the folder renamed into place, in one step; on any error
    the temporary folder is removed and the existing editions are untouched.
    """
    doel_map = datamap()
    doel_map.mkdir(parents=True, exist_ok=True)
    doel, volgnummer = doel_map / naam, 1
    while doel.exists():  # two refreshes in the same second
        volgnummer += 1
        doel = doel_map / f"{naam}-{volgnummer}"
    tijdelijk = Path(tempfile.mkdtemp(prefix=f".{doel.name}-", dir=doel_map))
    try:
        beschrijving = {"naam": doel.name, **vul(tijdelijk)}
        (tijdelijk / BESCHRIJVING).write_text(
            json.dumps(beschrijving, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        tijdelijk.rename(doel)
    except BaseException:
        shutil.rmtree(tijdelijk, ignore_errors=True)
        raise
    editie = _lees(doel)
    assert editie is not None
    return editie


__all__ = ["BUNDEL", "Editie", "datamap", "edities", "kies", "nieuwe_naam", "schrijf", "vorige"]
