"""The one error type of the library: a list of Dutch messages for the analyst."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Melding:
    """One problem, located: which file, which key or row, and what was expected.

    >>> str(Melding("parameters/mra.yaml", "peiljaar", "verwacht een geheel getal"))
    'parameters/mra.yaml: peiljaar: verwacht een geheel getal'
    """

    bestand: str
    plek: str
    tekst: str

    def __str__(self) -> str:
        delen = [d for d in (self.bestand, self.plek, self.tekst) if d]
        return ": ".join(delen)


class WoonzorgFout(Exception):
    """Raised for every problem an analyst can fix; carries all messages at once.

    >>> fout = WoonzorgFout([Melding("a.yaml", "regio", "onbekende regio 'x'")])
    >>> print(fout)
    a.yaml: regio: onbekende regio 'x'
    """

    def __init__(self, meldingen: Iterable[Melding] | str) -> None:
        if isinstance(meldingen, str):
            meldingen = [Melding("", "", meldingen)]
        self.meldingen: tuple[Melding, ...] = tuple(meldingen)
        super().__init__("\n".join(str(m) for m in self.meldingen))


def keuze(waarde: str, opties: Iterable[str]) -> str:
    """The closest option as a suggestion, or else the list to choose from.

    >>> keuze("Ijmond", ["Amsterdam", "IJmond"])
    "bedoelde u 'IJmond'?"
    >>> keuze("Texel", ["Amsterdam", "IJmond"])
    'kies uit: Amsterdam, IJmond'
    """
    opties = list(opties)
    op_klein = {o.lower(): o for o in opties}
    tip = difflib.get_close_matches(waarde.lower(), list(op_klein), n=1, cutoff=0.75)
    return f"bedoelde u '{op_klein[tip[0]]}'?" if tip else f"kies uit: {', '.join(opties)}"
