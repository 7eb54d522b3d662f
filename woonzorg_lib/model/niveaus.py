"""Figures at the three levels of the region model: gemeente → deelregio → regio."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from woonzorg_lib.data.catalogus import Regio


def per_niveau(per_gemeente: pd.DataFrame, regio: Regio, kolommen: Sequence[str]) -> pd.DataFrame:
    """Stack gemeente rows, deelregio totals and the region total into one table.

    ``per_gemeente`` is indexed by gemeentecode. The result has the columns ``niveau``,
    ``deelregio``, ``gemeentecode``, ``naam`` and ``kolommen``: per deelregio its
    gemeenten followed by its total, and the region total last. Totals are exact sums.
    """
    indeling = regio.indeling().set_index("gemeentecode")
    ontbreekt = indeling.index.difference(per_gemeente.index)
    if len(ontbreekt):
        raise ValueError(f"geen cijfers voor {', '.join(ontbreekt)}")
    gemeenten = indeling.join(per_gemeente[list(kolommen)]).reset_index()
    blokken = []
    for deelregio, rijen in gemeenten.groupby("deelregio", sort=False):
        blokken.append(rijen.assign(niveau="gemeente").rename(columns={"gemeentenaam": "naam"}))
        totaal = rijen[list(kolommen)].sum().to_frame().T
        blokken.append(totaal.assign(niveau="deelregio", deelregio=deelregio, gemeentecode="", naam=deelregio))
    totaal = gemeenten[list(kolommen)].sum().to_frame().T
    blokken.append(totaal.assign(niveau="regio", deelregio="", gemeentecode="", naam=regio.naam))
    tabel = pd.concat(blokken, ignore_index=True)
    return tabel[["niveau", "deelregio", "gemeentecode", "naam", *kolommen]]


def op_niveaus(tabel: pd.DataFrame, regio: Regio, sleutels: Sequence[str], kolommen: Sequence[str]) -> pd.DataFrame:
    """Add deelregio and regio rows to a table with a ``gemeentecode`` column and further ``sleutels``.

    Each level's rows are exact sums of ``kolommen`` over the gemeenten below it. The
    result has ``niveau``, ``naam`` and ``deelregio`` before the original columns. A
    region with a single deelregio gets no deelregio rows (they would repeat the region).
    """
    indeling = regio.indeling().rename(columns={"gemeentenaam": "naam"})
    gemeenten = indeling.merge(tabel, on="gemeentecode", how="inner").assign(niveau="gemeente")
    sleutels, kolommen = list(sleutels), list(kolommen)
    deelregio = gemeenten.groupby(["deelregio", *sleutels], sort=False, observed=True)[kolommen].sum(min_count=1).reset_index()
    deelregio = deelregio.assign(niveau="deelregio", naam=deelregio["deelregio"], gemeentecode="")
    if sleutels:
        geheel = gemeenten.groupby(sleutels, sort=False, observed=True)[kolommen].sum(min_count=1).reset_index()
    else:
        geheel = gemeenten[kolommen].sum(min_count=1).to_frame().T
    geheel = geheel.assign(niveau="regio", naam=regio.naam, deelregio="", gemeentecode="")
    # A region of one deelregio (a deelregio report) has no separate deelregio level.
    niveaus = [gemeenten, geheel] if len(regio.deelregios) == 1 else [gemeenten, deelregio, geheel]
    uit = pd.concat(niveaus, ignore_index=True)
    return uit[["niveau", "naam", "deelregio", "gemeentecode", *sleutels, *kolommen]]
