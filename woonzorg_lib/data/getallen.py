"""One number parser for every path a figure enters by: Excel cells, ';' CSV (Dutch) and ',' CSV (English).

It accepts the notations spreadsheets really produce and refuses, with the reason in Dutch,
anything it would have to guess at: mixed notations, a percentage where a count belongs, a
formula, text. A misread number is worse than a refused one.
"""

from __future__ import annotations

import math
import re
from typing import Any, Literal

Notatie = Literal["nl", "en"]

# ASCII digits only: "٤٠" is no number a Dutch spreadsheet user typed.
_NL = re.compile(r"-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?", re.ASCII)  # 1.234.567,89 or 1234,5
_NL_PUNT = re.compile(r"-?\d+\.\d+", re.ASCII)  # 1.5: not Dutch thousands (those come in threes), so a decimal point
_EN = re.compile(r"-?\d+(\.\d+)?", re.ASCII)  # 1234.5


class OngeldigGetal(ValueError):
    """A cell that is no number this parser will read; the message says why, in Dutch."""


def lees_getal(waarde: Any, notatie: Notatie = "nl", procent: bool = True) -> float | None:
    """A number as a spreadsheet user enters it; None for an empty cell; OngeldigGetal otherwise.

    ``notatie`` is how text cells write numbers: ``nl`` (Excel cells and ';' CSV: ``1.234,5``)
    or ``en`` (',' CSV: ``1234.5``). A percentage (``5,8%``) is a share (0.058), allowed only
    where ``procent``.

    >>> lees_getal("1.234,5"), lees_getal("1.234"), lees_getal("5,8%"), lees_getal(" "), lees_getal(12)
    (1234.5, 1234.0, 0.058, None, 12.0)
    >>> lees_getal("43.725", "en")
    43.725
    >>> lees_getal("1,234.5")
    Traceback (most recent call last):
    ...
    woonzorg_lib.data.getallen.OngeldigGetal: '1,234.5' mengt punt en komma zoals de Engelse notatie; schrijf 1.234,5 of 1234,5
    """
    if waarde is None or (isinstance(waarde, float) and math.isnan(waarde)):
        return None
    if isinstance(waarde, bool):
        raise OngeldigGetal(f"'{waarde}' is een ja/nee-waarde, geen getal")
    if isinstance(waarde, int | float):
        try:
            getal = float(waarde)
        except OverflowError:
            raise OngeldigGetal(f"een getal van {len(str(waarde))} cijfers is te groot") from None
        if math.isinf(getal):
            raise OngeldigGetal("oneindig is geen getal")
        return getal
    origineel = str(waarde)
    tekst = re.sub(r"[\s\u00a0\u202f]", "", origineel)
    if not tekst:
        return None
    if tekst.startswith("="):
        raise OngeldigGetal(f"'{origineel}' is een formule zonder uitkomst; typ het getal")
    is_procent = tekst.endswith("%")
    if is_procent and not procent:
        raise OngeldigGetal(f"'{origineel}' is een percentage; hier hoort een aantal")
    tekst = tekst.removesuffix("%")
    if notatie == "nl":
        if "," in tekst and "." in tekst and tekst.rfind(".") > tekst.rfind(","):
            raise OngeldigGetal(f"'{origineel}' mengt punt en komma zoals de Engelse notatie; schrijf 1.234,5 of 1234,5")
        if _NL.fullmatch(tekst):
            getal = float(tekst.replace(".", "").replace(",", "."))
        elif _NL_PUNT.fullmatch(tekst):
            getal = float(tekst)
        else:
            raise OngeldigGetal(f"verwacht een getal (bijvoorbeeld 1.234,5), kreeg '{origineel}'")
    else:
        if "," in tekst:  # 1,234 is a thousand in English and 1,234 in Dutch: not a guess to make
            raise OngeldigGetal(f"'{origineel}' is dubbelzinnig in dit bestand met komma's als scheidingsteken: schrijf "
                                "het getal zonder scheidingsteken voor duizendtallen, met een punt voor decimalen")
        if not _EN.fullmatch(tekst):
            raise OngeldigGetal(f"verwacht een getal (bijvoorbeeld 1234.5), kreeg '{origineel}'")
        getal = float(tekst)
    if math.isinf(getal):
        raise OngeldigGetal(f"'{origineel[:40]}' is te groot voor een getal")
    return round(getal / 100, 12) if is_procent else getal


__all__ = ["Notatie", "OngeldigGetal", "lees_getal"]
