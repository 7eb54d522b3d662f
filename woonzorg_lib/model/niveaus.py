"""Figures at the three levels of the region model: gemeente → deelregio → regio."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from woonzorg_lib.data.catalogus import Regio

NIVEAUS: tuple[str, ...] = ("gemeente", "deelregio", "regio")


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
