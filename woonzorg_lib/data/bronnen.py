"""Source and reference date of every bundled table."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from woonzorg_lib.algemeen.paden import BUNDEL_MAP
from woonzorg_lib.data.yaml_io import lees_yaml


@dataclass(frozen=True)
class Bron:
    """Where a bundled table comes from."""

    tabel_id: str
    titel: str
    bron: str
    tabel: str
    peildatum: str
    licentie: str


@cache
def bronnen() -> dict[str, Bron]:
    """All bundled tables by name, with their source.

    >>> bronnen()["gemeenten"].tabel
    '85984NED'
    """
    return {naam: Bron(tabel_id=naam, **velden) for naam, velden in lees_yaml(BUNDEL_MAP / "bronnen.yaml").items()}
