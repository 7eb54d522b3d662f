"""A count CBS suppressed for a gemeente comes from what its region's total leaves, spread within that region only."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from woonzorg_lib.model.regioverdeling import binnen_regio


def _voorbeeld() -> tuple[pd.Series, pd.Series, pd.Series, pd.Series]:
    waarden = pd.Series({"A": 100.0, "B": np.nan, "C": np.nan, "D": 50.0, "E": np.nan, "F": 30.0})
    regio = pd.Series({"A": "R1", "B": "R1", "C": "R1", "D": "R2", "E": "R2", "F": "R3"})
    totaal = pd.Series({"R1": 130.0, "R2": 50.0, "R3": 30.0})
    gewicht = pd.Series({"A": 9.0, "B": 1.0, "C": 2.0, "D": 5.0, "E": 1.0, "F": 3.0})
    return waarden, regio, totaal, gewicht


def test_published_counts_stay_and_the_remainder_goes_to_the_suppressed_by_weight():
    uit = binnen_regio(*_voorbeeld())
    assert uit.loc["A", "waarde"] == 100 and uit.loc["A", "wijze"] == "eigen"
    assert uit.loc["B", "waarde"] == pytest.approx(10) and uit.loc["C", "waarde"] == pytest.approx(20)
    assert set(uit.loc[["B", "C"], "wijze"]) == {"regio"} and (uit.loc[["B", "C"], "rest"] == 30).all()
    assert uit.loc[uit.index.isin(["A", "B", "C"]), "waarde"].sum() == pytest.approx(130)


def test_a_region_that_leaves_nothing_gives_no_figure_not_zero():
    uit = binnen_regio(*_voorbeeld())
    assert uit.loc["E", "wijze"] == "geen" and pd.isna(uit.loc["E", "waarde"])


def test_a_gemeente_without_a_region_total_gets_no_figure():
    waarden, regio, totaal, gewicht = _voorbeeld()
    uit = binnen_regio(waarden, regio, totaal.drop("R1"), gewicht)
    assert (uit.loc[["B", "C"], "wijze"] == "geen").all() and uit.loc[["B", "C"], "waarde"].isna().all()
    assert uit.loc["A", "waarde"] == 100


@given(st.lists(st.tuples(st.integers(0, 3), st.one_of(st.none(), st.integers(0, 500)), st.integers(1, 1000)),
                min_size=1, max_size=30),
       st.lists(st.integers(0, 2000), min_size=4, max_size=4))
def test_within_a_region_the_sum_is_its_total_whenever_something_is_left(rijen, totalen):
    index = [f"G{i}" for i in range(len(rijen))]
    waarden = pd.Series([np.nan if w is None else float(w) for _, w, _ in rijen], index=index)
    regio = pd.Series([f"R{r}" for r, _, _ in rijen], index=index)
    gewicht = pd.Series([float(g) for _, _, g in rijen], index=index)
    totaal = pd.Series([float(t) for t in totalen], index=[f"R{i}" for i in range(4)])
    uit = binnen_regio(waarden, regio, totaal, gewicht)
    assert (uit.loc[waarden.notna(), "waarde"] == waarden[waarden.notna()]).all()
    for r, deel in uit.groupby(regio):
        if (deel["wijze"] == "regio").any():
            assert deel["waarde"].sum() == pytest.approx(totaal[r])
        assert not ((deel["wijze"] == "regio") & (deel["waarde"] <= 0)).any()
