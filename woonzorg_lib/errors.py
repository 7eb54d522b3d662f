"""The one error type of the library: a list of Dutch messages for the analyst."""

from __future__ import annotations

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
