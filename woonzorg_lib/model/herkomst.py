"""The tiers of a figure's herkomst, strongest first, and the weakest of several: a figure is as weak as its inputs.

>>> zwakste(["register", "aanname", "schatting"])
'aanname'
"""

from __future__ import annotations

from collections.abc import Iterable

from woonzorg_lib.data.basis import HERKOMSTEN

RANG: dict[str, int] = {herkomst: i for i, herkomst in enumerate(HERKOMSTEN)}  # register 0, schatting 1, aanname 2


def zwakste(herkomsten: Iterable[object]) -> str:
    """The weakest tier among herkomsten (register < schatting < aanname); at least one is needed."""
    return max(map(str, herkomsten), key=RANG.__getitem__)
