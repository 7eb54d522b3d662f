"""An attacker with a spreadsheet: can any hidden cell of a batch be recovered from what the batch published?

It reads every ``kerncijfers.csv`` under a batch folder (the Excel tables and the reports
are cut from the same rows) and combines, as an attacker would:

- the same figure in several files (a cell hidden in one file and shown in another);
- published sums: a gemeente's total over the aandachtsgroepen, an area's total per group,
  and gap = demand − available lettings − new supply;
- fixed ratios: between scenarios, years, and persons and homes of one group, learned from
  the cells where both are shown and applied to a cell shown on one side only.

Every published count is rounded to 5, so it stands for an interval of ±2,5; the checker
narrows the interval of each hidden cell until nothing changes. A hidden cell counts as
recovered when the attacker knows it is above 0 and pins it within 10 (two rounding steps).

    woonzorg controleer-onthulling outputs/
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from woonzorg_lib.algemeen.errors import Melding, WoonzorgFout
from woonzorg_lib.model.onthulling import KLEIN, ONBEKEND, VERBORGEN

AFRONDING = 2.5  # a count rounded to a multiple of 5 lies within ±2,5 of the published value
HERLEIDBAAR = 10.0  # an interval this narrow (and above 0) gives a hidden cell away
VRAAG = ("vraag_personen", "vraag_woningen")
TOTAAL = "totaal aandachtsgroepen"
Sleutel = tuple[str, str, str, str, int, str]  # gemeentecode, deelregio, doelgroep, scenario, jaar, indicator


@dataclass(frozen=True)
class Herleiding:
    """A hidden cell an attacker can recover, with the interval they pin it to."""

    bestand: str
    gemeentecode: str
    deelregio: str
    doelgroep: str
    scenario: str
    jaar: int
    indicator: str
    ondergrens: float
    bovengrens: float


_NODIG = ("gemeentecode", "deelregio", "doelgroep", "scenario", "jaar", "indicator", "waarde")


def _lees_kerncijfers(pad: Path) -> tuple[pd.DataFrame | None, list[Melding]]:
    """One kerncijfers.csv as text, or the Dutch reasons it cannot be checked (damaged, tampered, not ours)."""
    try:
        tabel = pd.read_csv(pad, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError, pd.errors.ParserError) as fout:
        return None, [Melding(str(pad), "", f"niet te lezen als kerncijfers.csv (UTF-8, komma's): {fout.__class__.__name__}")]
    ontbreekt = [k for k in _NODIG if k not in tabel.columns]
    if ontbreekt:
        return None, [Melding(str(pad), "rij 1", f"kolom {', '.join(ontbreekt)} ontbreekt")]
    meldingen = [Melding(str(pad), f"rij {i + 2}", f"jaar '{j}' is geen jaartal")
                 for i, j in enumerate(tabel["jaar"]) if not j.isdigit()]
    for i, w in enumerate(tabel["waarde"]):
        if w not in (VERBORGEN, ONBEKEND, KLEIN, ""):
            try:
                float(w)
            except ValueError:
                meldingen.append(Melding(str(pad), f"rij {i + 2}", f"waarde '{w[:40]}' is geen getal, '{VERBORGEN}' of "
                                                                    f"'{ONBEKEND}'"))
    return (None if meldingen else tabel), meldingen


def lees_batch(map_: Path) -> pd.DataFrame:
    """Every published row of a batch: the kerncijfers of each run, with the file it came from.

    A file that is damaged or not in the shape the batch writes is a WoonzorgFout naming it (and the row).
    """
    delen, meldingen = [], []
    for pad in sorted(map_.glob("*/kerncijfers.csv")):
        tabel, fouten = _lees_kerncijfers(pad)
        meldingen += fouten
        if tabel is not None:
            delen.append(tabel.assign(bestand=str(pad.relative_to(map_))))
    if meldingen:
        raise WoonzorgFout(meldingen[:200])
    if not delen:
        return pd.DataFrame(columns=["gemeentecode", "deelregio", "doelgroep", "scenario", "jaar", "indicator", "waarde",
                                     "bestand"])
    return pd.concat(delen, ignore_index=True)


def _interval(waarde: str, indicator: str) -> tuple[float, float] | None:
    if waarde in (VERBORGEN, ""):
        return None
    if waarde == ONBEKEND:
        return 0.0, 0.0  # no figure: counts for nothing in a sum
    if waarde == KLEIN:
        return 0.0, AFRONDING  # positive, below half the rounding step
    getal = float(waarde)
    if indicator in ("claim",) or indicator.startswith(("taakstelling_", "fair_share")):
        return getal, getal
    return max(0.0, getal - AFRONDING), getal + AFRONDING


def _vrij(k: Sleutel) -> float:
    """The lowest value a figure can have: 0 for a count, no limit for a gap (a surplus is negative)."""
    return -math.inf if k[5] == "tekort" else 0.0


class _Intervallen:
    """What the attacker knows of every figure: an interval, narrowed step by step."""

    def __init__(self) -> None:
        self.grenzen: dict[Sleutel, tuple[float, float]] = {}
        self.verborgen: dict[Sleutel, str] = {}

    def ken(self, sleutel: Sleutel, laag: float, hoog: float) -> bool:
        oud = self.van(sleutel)
        nieuw = (max(oud[0], laag), min(oud[1], hoog))
        if nieuw[0] > nieuw[1] + 1e-6:  # published figures that disagree by rounding: keep what was known
            return False
        if nieuw[0] > oud[0] + 1e-6 or nieuw[1] < oud[1] - 1e-6:
            self.grenzen[sleutel] = nieuw
            return True
        return False

    def van(self, sleutel: Sleutel) -> tuple[float, float]:
        return self.grenzen.get(sleutel, (_vrij(sleutel), math.inf))


def _sommen(rijen: pd.DataFrame) -> list[tuple[Sleutel, list[Sleutel]]]:
    """Every published sum (total = parts) between the rows of one file."""
    sommen: list[tuple[Sleutel, list[Sleutel]]] = []
    vraag = rijen[rijen["indicator"].isin(VRAAG)]
    for (g, d, s, j, i), groep in vraag.groupby(["gemeentecode", "deelregio", "scenario", "jaar", "indicator"]):
        delen = [(g, d, dg, s, int(j), i) for dg in groep["doelgroep"] if dg != TOTAAL]
        sommen.append(((g, d, TOTAAL, s, int(j), i), delen))
    gemeenten = vraag[vraag["gemeentecode"] != ""]
    totalen = vraag[vraag["gemeentecode"] == ""]
    # Which gemeenten of this file an area total adds up: those of its deelregio, or all of them.
    leden_van = {d: list(gemeenten.loc[gemeenten["deelregio_gemeente"] == d, "gemeentecode"].unique()) if d else
                 list(gemeenten["gemeentecode"].unique()) for d in totalen["deelregio"].unique()}
    for r in totalen.itertuples(index=False):
        delen = [(g, "", r.doelgroep, r.scenario, int(r.jaar), r.indicator) for g in leden_van[r.deelregio]]
        sommen.append(((r.gemeentecode, r.deelregio, r.doelgroep, r.scenario, int(r.jaar), r.indicator), delen))
    conf = rijen[rijen["indicator"].isin(("tekort", "beschikbaar", "nieuw_aanbod"))]
    for (g, d, s, j), groep in conf.groupby(["gemeentecode", "deelregio", "scenario", "jaar"]):
        if set(groep["indicator"]) == {"tekort", "beschikbaar", "nieuw_aanbod"}:
            sommen.append(((g, d, TOTAAL, s, int(j), "vraag_woningen"),
                           [(g, d, "", s, int(j), k) for k in ("tekort", "beschikbaar", "nieuw_aanbod")]))
    return sommen


def _verhoudingen(kennis: _Intervallen, verborgen: set[Sleutel]) -> list[tuple[Sleutel, Sleutel, float, float]]:
    """For every hidden cell, a shown twin and the fixed ratio between them (another scenario, year, or persons/homes).

    The ratio is learned from the cells of the same group where both twins are shown; it
    must hold for all of them (within rounding), as a kengetal does.
    """
    per_as: dict[tuple, dict[tuple, Sleutel]] = defaultdict(dict)
    for k in [*kennis.grenzen, *verborgen]:
        g, d, dg, s, j, i = k
        if i not in VRAAG or dg == TOTAAL:
            continue
        per_as[("scenario", dg, j, i)][(g, d, s)] = k
        per_as[("jaar", dg, s, i)][(g, d, j)] = k
        per_as[("indicator", dg, s, j)][(g, d, i)] = k
    paren = []
    for cellen in per_as.values():
        per_cel: dict[tuple, dict[object, Sleutel]] = defaultdict(dict)
        for (g, d, waarde), k in cellen.items():
            per_cel[(g, d)][waarde] = k
        doelen = [(a, b) for twins in per_cel.values() for a in twins.values() if a in verborgen
                  for b in twins.values() if b not in verborgen]
        if not doelen:
            continue
        for a, b in doelen:
            wa, wb = a, b
            laag, hoog = 0.0, math.inf
            for twins in per_cel.values():
                x = next((k for k in twins.values() if _zelfde_as(k, wa)), None)
                y = next((k for k in twins.values() if _zelfde_as(k, wb)), None)
                if x is None or y is None or x in verborgen or y in verborgen:
                    continue
                (x0, x1), (y0, y1) = kennis.van(x), kennis.van(y)
                if y0 > 0 and x1 < math.inf:
                    laag, hoog = max(laag, x0 / y1), min(hoog, x1 / y0)
            if hoog < math.inf and laag <= hoog:
                paren.append((a, b, laag, hoog))
    return paren


def _zelfde_as(k: Sleutel, voorbeeld: Sleutel) -> bool:
    """Whether two cells of one twin set sit at the same scenario, year and indicator."""
    return k[3:] == voorbeeld[3:]


def controleer(rijen: pd.DataFrame) -> list[Herleiding]:
    """Every hidden cell of the published rows that an attacker can recover, with its interval."""
    kennis = _Intervallen()
    sommen: list[tuple[Sleutel, list[Sleutel]]] = []
    for bestand, groep in rijen.groupby("bestand"):
        groep = groep.copy()
        groep["jaar"] = groep["jaar"].astype(int)
        groep["deelregio_gemeente"] = groep["deelregio"]
        groep.loc[groep["gemeentecode"] != "", "deelregio"] = ""  # a gemeente is itself, in whatever file
        groep.loc[groep["indicator"].isin(("tekort", "beschikbaar", "nieuw_aanbod")), "doelgroep"] = ""
        for r in groep.itertuples(index=False):
            k: Sleutel = (r.gemeentecode, r.deelregio, r.doelgroep, r.scenario, int(r.jaar), r.indicator)
            grens = _interval(r.waarde, r.indicator)
            if grens is None:
                kennis.verborgen.setdefault(k, str(bestand))
            else:
                laag, hoog = grens
                negatief = r.indicator == "tekort" and r.waarde not in (KLEIN, ONBEKEND)  # a gap may be a surplus
                kennis.ken(k, float(r.waarde) - AFRONDING if negatief else laag, hoog)
        sommen += _sommen(groep)
    # A cell hidden in one file but shown in another is known at once; the others are what the attacker works on.
    verborgen = {k for k in kennis.verborgen if k not in kennis.grenzen}
    sommen = [(t, d) for t, d in sommen if t in verborgen or any(x in verborgen for x in d)]
    verhoudingen = _verhoudingen(kennis, verborgen)
    for _ in range(50):  # narrow until nothing changes (bounded: every step only narrows)
        veranderd = False
        for totaal, delen in sommen:
            for doel in [totaal, *delen]:
                if doel not in verborgen:
                    continue
                if doel == totaal:
                    laag = sum(kennis.van(x)[0] for x in delen)
                    hoog = sum(kennis.van(x)[1] for x in delen)
                else:
                    rest = [x for x in delen if x != doel]
                    laag = kennis.van(totaal)[0] - sum(kennis.van(x)[1] for x in rest)
                    hoog = kennis.van(totaal)[1] - sum(kennis.van(x)[0] for x in rest)
                veranderd |= kennis.ken(doel, laag, hoog)
        for a, b, r0, r1 in verhoudingen:
            b0, b1 = kennis.van(b)
            veranderd |= kennis.ken(a, b0 * r0, b1 * r1)
        if not veranderd:
            break
    uit = []
    for k in sorted(kennis.verborgen, key=str):
        laag, hoog = kennis.van(k)
        if laag > 0 and hoog - laag <= HERLEIDBAAR:
            uit.append(Herleiding(kennis.verborgen[k], *k, ondergrens=round(laag, 2), bovengrens=round(hoog, 2)))
    return uit


def controleer_batch(map_: Path) -> tuple[int, list[Herleiding]]:
    """The number of hidden cells in a batch folder, and those an attacker can recover."""
    rijen = lees_batch(map_)
    verborgen = int((rijen["waarde"] == VERBORGEN).sum()) if len(rijen) else 0
    return verborgen, controleer(rijen) if len(rijen) else []


__all__ = ["Herleiding", "controleer", "controleer_batch", "lees_batch"]
