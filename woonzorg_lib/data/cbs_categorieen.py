"""Which codes of a CBS table's dimension make each category the model reads: age bands, or groups by title.

A band such as 75-84 is put together from the table's own age categories, whichever they are
(five-year classes, single years); a group is taken once, by its total where it has sub-categories.
"""

from __future__ import annotations

import re
from typing import Any, NoReturn

from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.data.cbs_tabellen import Uitsplitsing

_VAN_TOT = re.compile(r"^(\d+) tot (\d+) jaar$")
_OUDER = re.compile(r"^(\d+) jaar of ouder$")
_EEN_JAAR = re.compile(r"^(\d+) jaar$")


def _leeftijden(codes: list[dict[str, Any]]) -> dict[str, tuple[int, int | None]]:
    """Age categories by key as intervals [van, tot), read from their titles; "Totaal" is (0, None)."""
    uit: dict[str, tuple[int, int | None]] = {}
    for c in codes:
        titel = " ".join(str(c.get("Title", "")).split()).casefold()
        sleutel = str(c["Key"]).strip()
        if (m := _VAN_TOT.match(titel)) is not None:
            uit[sleutel] = (int(m.group(1)), int(m.group(2)))
        elif (m := _OUDER.match(titel)) is not None:
            uit[sleutel] = (int(m.group(1)), None)
        elif (m := _EEN_JAAR.match(titel)) is not None:
            uit[sleutel] = (int(m.group(1)), int(m.group(1)) + 1)
        elif titel.startswith("totaal"):
            uit[sleutel] = (0, None)
    return uit


def _band(tabel_id: str, naam: str, band: tuple[int, int | None], leeftijden: dict[str, tuple[int, int | None]]) -> list[str]:
    """The fewest categories that together cover the band exactly, without overlap."""
    if band == (0, None):
        totaal = [k for k, v in leeftijden.items() if v == band]
        return totaal[:1] or _band_mislukt(tabel_id, naam)
    van, tot = band
    gekozen: list[str] = []
    while tot is None or van < tot:
        passend = [(k, t) for k, (v, t) in leeftijden.items()
                   if v == van and (tot is None or (t is not None and t <= tot))]
        if not passend:
            return _band_mislukt(tabel_id, naam)
        sleutel, einde = max(passend, key=lambda kt: float("inf") if kt[1] is None else kt[1])
        gekozen.append(sleutel)
        if einde is None:
            break
        van = einde
    return gekozen


def _band_mislukt(tabel_id: str, naam: str) -> NoReturn:
    raise WoonzorgFout(f"CBS-tabel {tabel_id}: de leeftijdsgroepen voor {naam} zijn niet uit de categorieën samen te stellen")


def _groepen(codes: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Each group once: "Groep: totaal" for a group with sub-categories, the category itself for one without.

    >>> _groepen([{"Key": "T", "Title": "Totaal"}, {"Key": "A", "Title": "Statushouder: totaal"},
    ...           {"Key": "B", "Title": "Statushouder: met vergunning"}, {"Key": "C", "Title": "Urgent"}])
    {'Statushouder': ['A'], 'Urgent': ['C']}
    """
    uit: dict[str, list[str]] = {}
    for c in codes:
        titel = " ".join(str(c.get("Title", "")).split())
        groep, _, deel = titel.partition(":")
        if deel and deel.strip().casefold() == "totaal":
            uit[groep.strip()] = [str(c["Key"]).strip()]
        elif not deel and not titel.casefold().startswith("totaal"):
            uit[titel] = [str(c["Key"]).strip()]
    return uit


def categorieen_van(tabel_id: str, uitsplitsing: Uitsplitsing, codes: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Category keys by name: one band of age categories each, or each group by its title."""
    if not uitsplitsing.banden:
        return _groepen(codes)
    leeftijden = _leeftijden(codes)
    return {naam: _band(tabel_id, naam, band, leeftijden) for naam, band in uitsplitsing.banden.items()}
