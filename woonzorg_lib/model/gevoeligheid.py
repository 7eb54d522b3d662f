"""Sensitivity: which single assumption, moved over its range, changes the regional gap most."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd

KOLOMMEN = ["aanname", "omschrijving", "waarde_laag", "waarde_hoog", "uitkomst_laag", "uitkomst_hoog", "basis", "bereik"]


def tornado(
    uitkomst: Callable[[Mapping[str, float]], float],
    bereiken: Mapping[str, tuple[str, float, float]],
) -> pd.DataFrame:
    """One row per assumption that moves the result, largest effect first: ready for a tornado chart.

    ``uitkomst(vervang)`` computes the result (e.g. the regional gap in the doeljaar) with
    the assumptions in ``vervang`` fixed and everything else at its central value;
    ``bereiken`` maps each assumption to (omschrijving, low value, high value).

    >>> tornado(lambda v: 100 * v.get("a", 1) + v.get("b", 0), {"a": ("A", 0.5, 2), "b": ("B", -5, 5)})[["aanname", "bereik"]]
      aanname  bereik
    0       a   150.0
    1       b    10.0
    """
    basis = float(uitkomst({}))
    rijen = []
    for sleutel, (omschrijving, laag, hoog) in bereiken.items():
        if laag == hoog:
            continue
        bij_laag, bij_hoog = float(uitkomst({sleutel: laag})), float(uitkomst({sleutel: hoog}))
        if bij_laag == bij_hoog:  # e.g. a ratio of a group without data
            continue
        rijen.append([sleutel, omschrijving, laag, hoog, bij_laag, bij_hoog, basis, abs(bij_hoog - bij_laag)])
    tabel = pd.DataFrame(rijen, columns=KOLOMMEN)
    return tabel.sort_values("bereik", ascending=False, kind="stable", ignore_index=True)
