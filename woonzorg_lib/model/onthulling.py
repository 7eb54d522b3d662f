"""Disclosure control: make a table of counts of vulnerable people safe to publish.

The CBS/CIZ convention for such tables (see docs/bronnen.md): counts rounded to
multiples of 5, small cells shown as ".", secondary suppression so that a hidden cell
cannot be recomputed from a row or column total, and percentages only over a
sufficiently large denominator.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

VERBORGEN = "."
ONBEKEND = "n.b."  # no figure for this cell: not a count, never a 0
TOTAAL = "Totaal"
KLEIN = "< 2,5"  # a positive count that rounds to 0: shown as such, never as a 0 that reads as "no need"
OPMERKING = (
    "Aantallen afgerond op veelvouden van {veelvoud}; '.' = minder dan {drempel} of afgeschermd om herleiding "
    "te voorkomen; '< 2,5' = meer dan 0 maar minder dan 2,5 (geen 0). Totalen zijn berekend vóór afronding en "
    "kunnen afwijken van de som van de afgeronde cellen."
)


def afronden(waarden: pd.DataFrame | pd.Series, veelvoud: int = 5) -> pd.DataFrame | pd.Series:
    """Round to the nearest multiple of ``veelvoud`` (halves up): the one rounding rule for counts in every output.

    >>> afronden(pd.Series([2, 3, 12, 12.5, 17])).tolist()
    [0, 5, 10, 15, 15]
    """
    return (np.floor(waarden / veelvoud + 0.5) * veelvoud).astype("int64")


def klein(veelvoud: int = 5) -> str:
    """How a positive count shows that rounds to 0 at ``veelvoud``: "< 2,5" for fives.

    >>> klein(), klein(10)
    ('< 2,5', '< 5')
    """
    helft = veelvoud / 2
    return f"< {int(helft) if helft.is_integer() else str(helft).replace('.', ',')}"


def afgerond(waarde: float, veelvoud: int = 5) -> int:
    """One count rounded as ``afronden`` rounds a table (a figure in a sentence equals the one in the table).

    >>> afgerond(12.5), afgerond(1232.5), afgerond(-2.5)
    (15, 1235, 0)
    """
    return int(np.floor(float(waarde) / veelvoud + 0.5)) * veelvoud


def _secundair(
    verborgen: np.ndarray, waarden: np.ndarray, rijen: bool, kolommen: bool, onbekend: np.ndarray | None = None
) -> np.ndarray:
    """Hide more cells until no published line (a row with its total, a column with its total) has exactly one hidden cell.

    ``rijen`` / ``kolommen``: whether rows / columns add up to a published total (the last
    column / row of the matrix). Only those lines can give a hidden cell away. Cells in
    ``onbekend`` (no figure, shown as "n.b.") are chosen only when nothing else is left.
    """
    verborgen = verborgen.copy()
    # Prefer the smallest non-zero inner cell, then zeros, totals as a last resort, cells without a figure never.
    groot = 1e15
    rang = np.where(waarden > 0, waarden, groot)
    if onbekend is not None:
        rang = np.where(onbekend, 8 * groot, rang)
    if kolommen:
        rang[-1, :] += 2 * groot
    if rijen:
        rang[:, -1] += 2 * groot
    lijnen = [(i, slice(None)) for i in range(verborgen.shape[0])] if rijen else []
    lijnen += [(slice(None), j) for j in range(verborgen.shape[1])] if kolommen else []
    while True:
        veranderd = False
        for lijn in lijnen:
            if verborgen[lijn].sum() != 1:
                continue
            keuze = int(np.argmin(np.where(verborgen[lijn], np.inf, rang[lijn])))
            cel = (lijn[0], keuze) if isinstance(lijn[0], int) else (keuze, lijn[1])
            verborgen[cel] = True
            veranderd = True
        if not veranderd:
            return verborgen


def _volledig(tabel: pd.DataFrame, rijtotaal: bool, kolomtotaal: bool) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The counts with their totals, and where a cell has no figure (NaN in ``tabel``: counted as 0, shown n.b.)."""
    onbekend = tabel.isna()
    waarden = tabel.astype("float64").fillna(0.0)
    if (waarden < 0).any().any():
        raise ValueError("beveilig verwacht aantallen van 0 of meer")
    if rijtotaal:
        waarden[TOTAAL] = waarden.sum(axis=1)
        onbekend[TOTAAL] = False
    if kolomtotaal:
        waarden.loc[TOTAAL] = waarden.sum(axis=0)
        onbekend.loc[TOTAAL] = False
    return waarden, onbekend.astype(bool)


def _publiceer(volledig: pd.DataFrame, verborgen: pd.DataFrame, onbekend: pd.DataFrame, veelvoud: int,
               drempel: int) -> pd.DataFrame:
    afgerond = afronden(volledig, veelvoud)
    uit = afgerond.astype(object).mask((volledig > 0) & (afgerond == 0), klein(veelvoud))
    uit = uit.mask(verborgen, VERBORGEN).mask(onbekend & ~verborgen, ONBEKEND)
    uit.attrs["opmerking"] = OPMERKING.format(veelvoud=veelvoud, drempel=drempel) + (
        f" '{ONBEKEND}' = geen gegevens (telt niet mee in het totaal, is geen 0)." if onbekend.any().any() else "")
    return uit


def beveilig(
    tabel: pd.DataFrame, drempel: int = 10, veelvoud: int = 5, rijtotaal: bool = True, kolomtotaal: bool = True
) -> pd.DataFrame:
    """A publishable version of a table of person counts (rows × columns), with totals.

    Adds a "Totaal" column (``rijtotaal``) and a "Totaal" row (``kolomtotaal``) computed from
    the unrounded counts, hides cells above 0 and below ``drempel`` as ".", hides further
    cells until no hidden cell can be recomputed from a total, and rounds all shown counts
    to multiples of ``veelvoud``. Leave out a total where the columns (or rows) are not parts
    of a whole, such as the scenarios laag / midden / hoog. An empty cell (NaN: no figure)
    counts as 0 in the totals and shows "n.b.". The note for under the table is in
    ``.attrs["opmerking"]``.

    >>> t = pd.DataFrame({"BW": [3, 40, 25], "MO": [22, 31, 18]}, index=["A", "B", "C"])
    >>> beveilig(t)
            BW  MO Totaal
    A        .   .     25
    B       40  30     70
    C        .   .     45
    Totaal  70  70    140
    """
    volledig, onbekend = _volledig(tabel, rijtotaal, kolomtotaal)
    matrix = volledig.to_numpy()
    verborgen = _secundair((matrix > 0) & (matrix < drempel), matrix, rijtotaal, kolomtotaal, onbekend.to_numpy())
    return _publiceer(volledig, pd.DataFrame(verborgen, index=volledig.index, columns=volledig.columns), onbekend,
                      veelvoud, drempel)


def percentage(teller: pd.Series, noemer: pd.Series, minimale_noemer: int = 100) -> pd.Series:
    """teller ÷ noemer, but only where the denominator is at least ``minimale_noemer`` (else NaN).

    The default of 100 follows the CBS rule for percentages in its income statistics.

    >>> percentage(pd.Series([5, 30]), pd.Series([40, 200])).tolist()
    [nan, 0.15]
    """
    return (teller / noemer).where(noemer >= minimale_noemer)


def _lijnen(gemeenten: list[str], deelregios: dict[str, list[str]], kolommen: list[str]) -> list[list[tuple[str, str]]]:
    """Every published sum of the region's table: rows (cells and their total), and columns per deelregio and region."""
    rijen = [*gemeenten, *(deelregios if len(deelregios) > 1 else []), TOTAAL]
    lijnen = [[(r, k) for k in [*kolommen, TOTAAL]] for r in rijen]
    for k in [*kolommen, TOTAAL]:
        if len(deelregios) > 1:
            lijnen += [[*((g, k) for g in leden), (d, k)] for d, leden in deelregios.items()]
            lijnen.append([*((d, k) for d in deelregios), (TOTAAL, k)])
        else:
            lijnen.append([*((g, k) for g in gemeenten), (TOTAAL, k)])
    return lijnen


def beveiligingspatroon(
    personen: pd.DataFrame, gevoelig: pd.DataFrame, deelregios: dict[str, list[str]], drempel: int = 10
) -> pd.DataFrame:
    """Which cells of a region's gemeente × doelgroep table are hidden: decided once, for every scenario, year and file.

    ``personen`` holds per gemeente (index) and doelgroep (columns) the smallest count any
    output shows (over scenarios and years; NaN: no figure); ``gevoelig`` marks the cells
    that rest on local counts of real persons. Only those are protected: a figure modelled
    from national totals and a key reveals no one. A sensitive cell above 0 and below
    ``drempel`` is hidden; a gemeente's total over doelgroepen is hidden when one of its
    cells is (the scenarios weigh doelgroepen differently, so three totals would give the
    cells away); then more cells are hidden until no published sum — a row, a deelregio's
    column, the region's column — has exactly one hidden cell. The result has a row per
    gemeente, per deelregio (when there are several) and ``Totaal``, and a column ``Totaal``.

    >>> p = pd.DataFrame({"BW": [3.0, 40.0, 25.0], "MO": [22.0, 31.0, 18.0]}, index=["A", "B", "C"])
    >>> masker = beveiligingspatroon(p, p > 0, {"Noord": ["A", "B", "C"]})
    >>> masker.loc[["A", "C"], "BW"].tolist(), bool(masker.loc["A", TOTAAL]), bool(masker.loc["B", "BW"])
    ([True, True], True, False)
    """
    gemeenten = list(personen.index)
    kolommen = list(personen.columns)
    rijen = [*gemeenten, *(deelregios if len(deelregios) > 1 else []), TOTAAL]
    waarden = personen.fillna(0.0).astype("float64").reindex(index=rijen, columns=[*kolommen, TOTAAL])
    for d, leden in deelregios.items():
        if len(deelregios) > 1:
            waarden.loc[d, kolommen] = waarden.loc[leden, kolommen].sum().to_numpy()
    waarden.loc[TOTAAL, kolommen] = waarden.loc[gemeenten, kolommen].sum().to_numpy()
    waarden[TOTAAL] = waarden[kolommen].sum(axis=1)
    verborgen = pd.DataFrame(False, index=rijen, columns=[*kolommen, TOTAAL])
    klein = gevoelig.reindex(index=gemeenten, columns=kolommen, fill_value=False).astype(bool) \
        & (personen > 0) & (personen < drempel)
    verborgen.loc[gemeenten, kolommen] = klein.to_numpy()
    onbekend = personen.isna().reindex(index=rijen, columns=[*kolommen, TOTAAL], fill_value=False)
    groot = 1e15
    rang = waarden.where(waarden > 0, groot).where(~onbekend, 8 * groot)
    rang.loc[[r for r in rijen if r not in gemeenten]] += 2 * groot
    rang[TOTAAL] += 2 * groot
    lijnen = _lijnen(gemeenten, deelregios, kolommen)
    while True:
        veranderd = False
        for rij in rijen:  # a total over doelgroepen with a hidden cell would give it away across scenarios
            if verborgen.loc[rij, kolommen].any() and not verborgen.loc[rij, TOTAAL]:
                verborgen.loc[rij, TOTAAL] = veranderd = True
        for lijn in lijnen:
            if sum(verborgen.at[c] for c in lijn) != 1:
                continue
            keuze = min((c for c in lijn if not verborgen.at[c]), key=lambda c: rang.at[c])
            verborgen.at[keuze] = veranderd = True
        if not veranderd:
            return verborgen
