"""Dutch number notation for everything an analyst or bestuurder reads."""

from __future__ import annotations

import datetime as dt
import math

MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"]


def getal(waarde: float | int | None, decimalen: int = 0) -> str:
    """Format a number the Dutch way: dot for thousands, comma for decimals.

    >>> getal(1234567)
    '1.234.567'
    >>> getal(1234.5, 1)
    '1.234,5'
    >>> getal(None)
    ''
    """
    if waarde is None or (isinstance(waarde, float) and math.isnan(waarde)):
        return ""
    tekst = f"{waarde:,.{decimalen}f}"
    return tekst.replace(",", "\0").replace(".", ",").replace("\0", ".")


def procent(aandeel: float, decimalen: int = 1) -> str:
    """Format a share (0.125) as a Dutch percentage.

    >>> procent(0.125)
    '12,5%'
    """
    return f"{getal(aandeel * 100, decimalen)}%"


def kengetal(waarde: float, eenheid: str = "") -> str:
    """A ratio or count with as many decimals as it needs (at most 3, or 4 below 0.1), Dutch notation; a kengetal
    of unit 'aandeel' as a percentage of the same precision (see :func:`aandeel`).

    >>> kengetal(0.0696), kengetal(1.83), kengetal(170000), kengetal(1 / 3), kengetal(0.0696, "aandeel")
    ('0,0696', '1,83', '170.000', '0,333', '6,96%')
    """
    if eenheid == "aandeel":
        return aandeel(waarde)
    if float(waarde).is_integer():
        return getal(waarde)
    tekst = getal(waarde, _decimalen_kengetal(waarde))
    return tekst.rstrip("0").rstrip(",")


def _decimalen_kengetal(waarde: float) -> int:
    """How many decimals a kengetal shows: 3, or 4 below 0.1."""
    return 4 if abs(waarde) < 0.1 else 3


def aandeel(waarde: float) -> str:
    """A share as a percentage, exactly as precise as :func:`kengetal` (so 0,0696 is 6,96%, never 7,0%).

    >>> aandeel(0.0696), aandeel(0.046), aandeel(0.1), aandeel(1 / 3), aandeel(0.2909), aandeel(1.0)
    ('6,96%', '4,6%', '10%', '33,3%', '29,1%', '100%')
    """
    tekst = getal(float(waarde) * 100, max(_decimalen_kengetal(float(waarde)) - 2, 0))
    return (tekst.rstrip("0").rstrip(",") if "," in tekst else tekst) + "%"


def kengetal_afgerond(waarde: float) -> float:
    """A kengetal rounded exactly as :func:`kengetal` shows it, as a number (for a spreadsheet).

    >>> kengetal_afgerond(1 / 3), kengetal_afgerond(0.06963)
    (0.333, 0.0696)
    """
    return round(float(waarde), _decimalen_kengetal(float(waarde)))


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """A count with its noun in the right number, Dutch notation.

    >>> aantal_gemeenten(1), aantal_gemeenten(30), aantal(1500, "rapport", "rapporten")
    ('1 gemeente', '30 gemeenten', '1.500 rapporten')
    """
    return f"{getal(n)} {enkelvoud if n == 1 else meervoud}"


def aantal_gemeenten(n: int) -> str:
    """'1 gemeente', '30 gemeenten'."""
    return aantal(n, "gemeente", "gemeenten")


def aantal_deelregios(n: int) -> str:
    """'1 deelregio', "7 deelregio's"."""
    return aantal(n, "deelregio", "deelregio's")


def datum(dag: dt.date) -> str:
    """A date as a Dutch reader writes it.

    >>> datum(dt.date(2026, 12, 1))
    '1 december 2026'
    """
    return f"{dag.day} {MAANDEN[dag.month - 1]} {dag.year}"
