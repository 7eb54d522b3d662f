"""The figures the maps show, cut per gemeente from the rows of kerncijfers.csv (so map, table and CSV agree)."""

from __future__ import annotations

import math
from collections import OrderedDict

import pandas as pd

from woonzorg_lib.analyse.doorrekenen import analyseer
from woonzorg_lib.analyse.resultaat import Analyse
from woonzorg_lib.model.herkomst import RANG
from woonzorg_lib.model.onthulling import ONBEKEND, VERBORGEN

TOTAAL_VRAAG = "totaal aandachtsgroepen"


def _rijen(kern: pd.DataFrame, indicator: str, scenario: str, jaar: int) -> pd.DataFrame:
    deel = kern[(kern["indicator"] == indicator) & (kern["scenario"] == scenario) & (kern["jaar"] == jaar)
                & (kern["gemeentecode"] != "")]
    if indicator.startswith("vraag_"):
        deel = deel[deel["doelgroep"] == TOTAAL_VRAAG]
    return deel.set_index("gemeentecode")


def per_gemeente(kern: pd.DataFrame, indicator: str, scenario: str, jaar: int) -> pd.DataFrame:
    """Per gemeente (index gemeentecode) the published value ('.' hidden, 'n.b.' none), its tier and source."""
    return _rijen(kern, indicator, scenario, jaar)[["gemeente", "waarde", "herkomst", "bron"]]


def gepubliceerd_getal(waarde: object) -> float | None:
    """A published value as a number, or None for '.', 'n.b.', an empty cell or no finite number (never 0).

    >>> [gepubliceerd_getal(w) for w in ("0.214", ".", "", "nan")]
    [0.214, None, None, None]
    """
    if isinstance(waarde, str) and waarde in (VERBORGEN, ONBEKEND):
        return None
    try:
        getal = float(waarde)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return getal if math.isfinite(getal) else None


def fair_share_min_vraag(kern: pd.DataFrame, variant: str, scenario: str, jaar: int) -> pd.DataFrame:
    """Fair share (variant) minus the gemeente's own demand, per gemeente: positive = takes more than its own.

    Computed from the published figures; where the own demand is hidden the difference is hidden
    too (it would give the demand away), and without a figure it is 'n.b.'.
    """
    share = per_gemeente(kern, f"fair_share_regio: {variant}", scenario, jaar)
    vraag = per_gemeente(kern, "vraag_woningen", scenario, jaar).reindex(share.index)
    verschil = []
    for code in share.index:
        eigen, deel = vraag.loc[code, "waarde"], gepubliceerd_getal(share.loc[code, "waarde"])
        if str(eigen) == VERBORGEN:
            verschil.append(VERBORGEN)
        elif gepubliceerd_getal(eigen) is None or deel is None:
            verschil.append(ONBEKEND)
        else:
            verschil.append(deel - float(gepubliceerd_getal(eigen)))  # type: ignore[arg-type]
    herkomst = [max((share.loc[c, "herkomst"], vraag.loc[c, "herkomst"]), key=_rang) for c in share.index]
    return pd.DataFrame({"gemeente": share["gemeente"], "fair share": share["waarde"], "eigen vraag": vraag["waarde"],
                         "verschil": verschil, "herkomst": herkomst}, index=share.index)


def _rang(herkomst: object) -> int:
    """register < schatting < aanname < geen gegevens."""
    return RANG.get(str(herkomst), len(RANG))


_REGIO: OrderedDict[str, pd.DataFrame] = OrderedDict()  # the whole region's kerncijfers per parameter set (a few)


def _regiokern(analyse: Analyse) -> pd.DataFrame:
    """kerncijfers.csv as the run for the whole region gives it (the same protected rows per gemeente: the disclosure
    pattern is the region's), made once per parameter set."""
    from woonzorg_lib.rapport.kerncijfers import kerncijfers  # kerncijfers imports this module's users

    p = analyse.parameters
    if len(analyse.regio.gemeentecodes) == len(analyse.geheel.gemeentecodes) or not getattr(p, "deelregio", None):
        return kerncijfers(analyse)
    sleutel = p.model_copy(update={"deelregio": None}).model_dump_json()
    if sleutel not in _REGIO:
        _REGIO[sleutel] = kerncijfers(analyseer(p.model_copy(update={"deelregio": None})))
        while len(_REGIO) > 2:
            _REGIO.popitem(last=False)
    return _REGIO[sleutel]


def regiowaarden(analyse: Analyse, indicator: str, variant: str | None = None) -> pd.Series:
    """One map figure for every gemeente of the whole region (index gemeentecode; '.' hidden, 'n.b.' none): the
    scale of a map, so the maps of every report of one region share their classes and can be compared.

    ``indicator`` is a row of kerncijfers ('claim', 'tekort', ...) or 'verschil': fair share (``variant``) minus the
    own demand, as ``fair_share_min_vraag``.
    """
    p = analyse.parameters
    kern = _regiokern(analyse)
    if indicator == "verschil":
        return fair_share_min_vraag(kern, variant or next(iter(p.verdeelsleutels)), p.scenario, p.peiljaar)["verschil"]
    return per_gemeente(kern, indicator, p.scenario, p.peiljaar)["waarde"]
