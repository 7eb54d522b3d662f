"""Dutch number notation for everything an analyst or bestuurder reads."""

from __future__ import annotations

import math


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


def kengetal(waarde: float) -> str:
    """A ratio or count with as many decimals as it needs (at most 3, or 4 below 0.1), Dutch notation.

    >>> kengetal(0.0696), kengetal(1.83), kengetal(170000), kengetal(1 / 3)
    ('0,0696', '1,83', '170.000', '0,333')
    """
    if float(waarde).is_integer():
        return getal(waarde)
    tekst = getal(waarde, 4 if abs(waarde) < 0.1 else 3)
    return tekst.rstrip("0").rstrip(",")
