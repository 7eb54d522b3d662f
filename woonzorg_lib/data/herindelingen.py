"""Gemeenten merged since 2022: tables on an older regional division mapped onto today's gemeenten.

CBS publishes some tables on the division of a past year (the regional prognosis on
``RegioIndeling2021``: Amsterdam without Weesp, Purmerend without Beemster). Every merger
since then joined whole gemeenten, so a figure of a former gemeente is added to its
successor. ``bundel/herindelingen.csv`` lists them (source in ``bronnen.yaml``).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import pandas as pd

from woonzorg_lib.algemeen.paden import BUNDEL_MAP


@cache
def herindelingen() -> pd.DataFrame:
    """Every merger since 1-1-2022: code_oud, naam_oud, code_nieuw, naam_nieuw, datum, opvolger_bestond.

    ``opvolger_bestond`` is "ja" where the successor kept the code of a gemeente that
    already existed (Amsterdam took in Weesp), "nee" where the merger formed a new one.

    >>> h = herindelingen().set_index("code_oud")
    >>> h.loc["GM0457", ["naam_oud", "code_nieuw", "datum"]].tolist()
    ['Weesp', 'GM0363', '2022-03-24']
    """
    return pd.read_csv(BUNDEL_MAP / "herindelingen.csv", dtype=str)


def _sinds(indeling: int | None) -> pd.DataFrame:
    """The mergers that came after 1 January of the division's year (none for today's division)."""
    if indeling is None:
        return herindelingen().iloc[0:0]
    alle = herindelingen()
    return alle[alle["datum"] > f"{indeling}-01-01"]


def voorgangers(codes: Iterable[str], indeling: int | None) -> set[str]:
    """The former gemeenten, in a division of ``indeling``, that are now part of these gemeenten.

    >>> sorted(voorgangers(["GM0363", "GM0439"], 2021))
    ['GM0370', 'GM0457']
    """
    wijzigingen = _sinds(indeling)
    return set(wijzigingen.loc[wijzigingen["code_nieuw"].isin(list(codes)), "code_oud"])


def naar_huidige_gemeenten(data: pd.DataFrame, indeling: int, kolommen: list[str]) -> tuple[pd.DataFrame, str]:
    """Add each former gemeente's figures to its successor; returns the table and a note of what was merged.

    Rows are keyed by ``gemeentecode`` and every other non-value column (period,
    category); a successor that is missing one of its parts gets NaN, never a partial sum.
    """
    wijzigingen = _sinds(indeling)
    opvolger = wijzigingen.set_index("code_oud")["code_nieuw"]
    if not data["gemeentecode"].isin(opvolger.index).any():
        return data, ""
    delen = wijzigingen.groupby("code_nieuw")["code_oud"].apply(set)
    # A successor that already existed (Amsterdam, Purmerend) is one of its own parts.
    bestond = set(wijzigingen.loc[wijzigingen["opvolger_bestond"] == "ja", "code_nieuw"])
    nodig = {nieuw: oud | ({nieuw} if nieuw in bestond else set()) for nieuw, oud in delen.items()}
    sleutel = [k for k in data.columns if k not in kolommen]
    groepen = data.assign(gemeentecode=data["gemeentecode"].map(lambda c: opvolger.get(c, c))).groupby(sleutel)
    som = groepen[kolommen].sum()
    verwacht = som.index.get_level_values("gemeentecode").map(lambda c: len(nodig.get(c, {c}))).to_numpy()
    som = som.where(groepen[kolommen].count().to_numpy() >= verwacht[:, None]).reset_index()
    namen = wijzigingen.set_index("code_oud")
    samengevoegd = sorted(set(data["gemeentecode"]) & set(opvolger.index))
    tekst = "; ".join(f"{namen.loc[c, 'naam_oud']} bij {namen.loc[c, 'naam_nieuw']}" for c in samengevoegd)
    return som[list(data.columns)], tekst


__all__ = ["herindelingen", "naar_huidige_gemeenten", "voorgangers"]
