"""Sensitivity: which single assumption, moved over its range, changes the regional gap most.

Two kinds are kept apart. An uncertain input (``invoer``: a national number, a kengetal,
an estimated spread) is something a better local figure can pin down; a policy lever
(``beleidskeuze``: the agreed share of lettings) is something bestuurders decide.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd

from woonzorg_lib.algemeen.opmaak import kengetal

SOORTEN = ("invoer", "beleidskeuze")
KOLOMMEN = [
    "aanname", "omschrijving", "soort", "waarde_laag", "waarde_hoog", "weergave_laag", "weergave_hoog",
    "uitkomst_laag", "uitkomst_hoog", "basis", "bereik", "bron",
]


@dataclass(frozen=True)
class Bereik:
    """The range of one assumption: its low and high value, what kind it is and where the range comes from.

    ``weergave`` says how the two ends read when they are not plain numbers (e.g. a spread).
    """

    omschrijving: str
    laag: float
    hoog: float
    bron: str
    soort: str = "invoer"
    weergave: tuple[str, str] | None = None

    def __post_init__(self) -> None:
        if self.soort not in SOORTEN:
            raise ValueError(f"soort moet een van {SOORTEN} zijn, niet {self.soort!r}")


def tornado(uitkomst: Callable[[Mapping[str, float]], float], bereiken: Mapping[str, Bereik]) -> pd.DataFrame:
    """One row per assumption that moves the result, largest effect first: ready for a tornado chart.

    ``uitkomst(vervang)`` computes the result (e.g. the regional gap in the doeljaar) with
    the assumptions in ``vervang`` fixed and everything else at its central value.

    >>> bereiken = {"a": Bereik("A", 0.5, 2, "bron a"), "b": Bereik("B", -5, 5, "bron b", "beleidskeuze")}
    >>> tornado(lambda v: 100 * v.get("a", 1) + v.get("b", 0), bereiken)[["aanname", "soort", "bereik"]]
      aanname         soort  bereik
    0       a        invoer   150.0
    1       b  beleidskeuze    10.0
    """
    basis = float(uitkomst({}))
    rijen = []
    for sleutel, b in bereiken.items():
        if b.laag == b.hoog:
            continue
        bij_laag, bij_hoog = float(uitkomst({sleutel: b.laag})), float(uitkomst({sleutel: b.hoog}))
        if bij_laag == bij_hoog:  # e.g. a ratio of a group without data
            continue
        laag, hoog = b.weergave or (kengetal(b.laag), kengetal(b.hoog))
        rijen.append([sleutel, b.omschrijving, b.soort, b.laag, b.hoog, laag, hoog, bij_laag, bij_hoog, basis,
                      abs(bij_hoog - bij_laag), b.bron])
    tabel = pd.DataFrame(rijen, columns=KOLOMMEN)
    return tabel.sort_values("bereik", ascending=False, kind="stable", ignore_index=True)
