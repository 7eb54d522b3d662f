"""Tables as a stakeholder sees them: the note under a table explains every mark the table shows."""

import pandas as pd

from woonzorg_lib.model.onthulling import KLEIN
from woonzorg_lib.rapport import publicatie


def _tabel(waarden: list[float]) -> pd.DataFrame:
    uit = publicatie.volgens_patroon(pd.DataFrame({"jeugdzorg": waarden}, index=["GM0377", "GM0392"]),
                                     pd.DataFrame(), "Totaal")
    return uit


def test_a_table_that_shows_less_than_2_5_says_what_it_means():
    """Zuid-Kennemerland's demand table showed '< 2,5' for three gemeenten and its note explained '.' only."""
    tabel = _tabel([0.3, 5.0])
    assert (tabel == KLEIN).any().any()
    assert f"'{KLEIN}' = meer dan 0 maar minder dan 2,5" in tabel.attrs["opmerking"]


def test_a_table_without_such_a_cell_does_not_explain_it():
    assert KLEIN not in _tabel([3.0, 5.0]).attrs["opmerking"]
