"""Counts CBS suppressed for small gemeenten, filled from what their region's published total leaves.

Pure functions. CBS suppresses a small cell but publishes the total of the region it lies in: the
region's total minus its published gemeenten is what the suppressed gemeenten hold together. That
remainder is spread over them by a weight (inhabitants), within the region only, so the region's sum
stays its published total. Where the remainder is nil (the published gemeenten already make the total,
within CBS's rounding) or the region has no total, the gemeente gets no figure: missing, never 0.
"""

from __future__ import annotations

import pandas as pd

WIJZEN: tuple[str, ...] = ("eigen", "regio", "geen")


def binnen_regio(waarden: pd.Series, regio: pd.Series, regio_totaal: pd.Series, gewicht: pd.Series) -> pd.DataFrame:
    """Per gemeente its published count (``eigen``), its share of the region's remainder (``regio``) or none (``geen``).

    ``waarden`` is the count per gemeente, NaN where suppressed; ``regio`` the region of each gemeente;
    ``regio_totaal`` the published total per region; ``gewicht`` the weight of each gemeente for the
    remainder. Returns ``waarde``, ``wijze``, ``regio``, ``regio_totaal``, ``som_gepubliceerd`` and
    ``rest`` per gemeente (the last three describe its region).

    >>> w = pd.Series({"A": 100.0, "B": float("nan")}); r = pd.Series({"A": "R", "B": "R"})
    >>> binnen_regio(w, r, pd.Series({"R": 110.0}), pd.Series({"A": 1.0, "B": 1.0}))[["waarde", "wijze"]].values.tolist()
    [[100.0, 'eigen'], [10.0, 'regio']]
    """
    uit = pd.DataFrame({"waarde": waarden.astype("float64"), "regio": regio.reindex(waarden.index)})
    uit["wijze"] = "eigen"
    uit["regio_totaal"] = uit["regio"].map(regio_totaal).astype("float64")
    uit["som_gepubliceerd"] = uit["regio"].map(uit.groupby("regio")["waarde"].sum(min_count=1)).fillna(0.0)
    uit["rest"] = uit["regio_totaal"] - uit["som_gepubliceerd"]
    ontbreekt = uit["waarde"].isna()
    gewicht = gewicht.reindex(uit.index).astype("float64").where(ontbreekt)
    som_gewicht = uit["regio"].map(gewicht.groupby(uit["regio"]).sum())
    kan = ontbreekt & (uit["rest"] > 0) & (som_gewicht > 0) & gewicht.notna()
    uit.loc[kan, "waarde"] = uit.loc[kan, "rest"] * gewicht[kan] / som_gewicht[kan]
    uit.loc[kan, "wijze"] = "regio"
    uit.loc[ontbreekt & ~kan, "wijze"] = "geen"
    return uit[["waarde", "wijze", "regio", "regio_totaal", "som_gepubliceerd", "rest"]]
