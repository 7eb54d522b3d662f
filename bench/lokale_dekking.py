"""Measure for a region how many gemeente figures rest on a local source, and the spread of fair share − eigen vraag.

Usage: ``python bench/lokale_dekking.py [parameters/mra.yaml]``. A figure is *pro rata* when its
source distributes a national or provincial figure over gemeenten (by inhabitants, a national
age structure or a provincial share); every other figure with a value rests on a local source.
Of those, ``binnen_regio`` counts the figures that are a regional count (a centrumregio's) spread
over its own gemeenten: local to the region, not to the gemeente.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd

from woonzorg_lib.analyse.doorrekenen import analyseer
from woonzorg_lib.analyse.parameters import lees_parameterbestand
from woonzorg_lib.model.doelgroepen import VRAAGPOSTEN

#: Words in a source that mark a figure distributed from a larger area (nationally, or a province's share).
PRO_RATA = re.compile(r"naar rato|landelijke leeftijdsopbouw|corporatiewoningen provincie", re.IGNORECASE)
#: Words in a source that mark a regional count spread within its own region.
BINNEN_REGIO = re.compile(r"binnen de centrumregio", re.IGNORECASE)


def dekking(invoer: pd.DataFrame) -> pd.DataFrame:
    """Per doelgroep: gemeente figures with a value, and how many of them rest on a local source."""
    per_onderwerp = {}
    for post in VRAAGPOSTEN.values():
        per_onderwerp.setdefault(post.onderwerp, post.doelgroep)
    per_onderwerp["corporatiewoningen"] = "aanbod (sociale huurvoorraad)"
    rijen = invoer[invoer["onderwerp"].isin(per_onderwerp) & invoer["waarde"].notna()].copy()
    rijen["groep"] = rijen["onderwerp"].map(per_onderwerp)
    rijen["lokaal"] = ~rijen["bron"].fillna("").str.contains(PRO_RATA)
    rijen["binnen_regio"] = rijen["lokaal"] & rijen["bron"].fillna("").str.contains(BINNEN_REGIO)
    uit = rijen.groupby(["groep", "onderwerp"]).agg(cijfers=("lokaal", "size"), lokaal=("lokaal", "sum"),
                                                   binnen_regio=("binnen_regio", "sum"))
    uit["aandeel_lokaal"] = (uit["lokaal"] / uit["cijfers"]).round(3)
    return uit


def spreiding(verdeling: pd.DataFrame) -> pd.DataFrame:
    """Min, max and std of (fair share − eigen vraag) over the gemeenten, per key mix."""
    varianten = [k for k in verdeling.columns
                 if k not in ("gemeentecode", "gemeentenaam", "deelregio", "eigen_vraag", "huidige_belasting")]
    verschil = pd.DataFrame({v: verdeling[v].astype("float64") - verdeling["eigen_vraag"] for v in varianten})
    return verschil.agg(["min", "max", "std"]).T.round(1)


def main(pad: str = "parameters/mra.yaml") -> None:
    """Print both measures for the parameter file ``pad``."""
    analyse = analyseer(lees_parameterbestand(Path(pad)).parameters)
    pd.set_option("display.width", 160)
    print(f"Gemeenten: {len(analyse.verdeling)}")
    print(dekking(analyse.invoer).to_string())
    print(spreiding(analyse.verdeling).to_string())


if __name__ == "__main__":
    main(*sys.argv[1:])
