import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from woonzorg_lib.model.onthulling import (
    ONBEKEND,
    TOTAAL,
    VERBORGEN,
    afgerond,
    afronden,
    beveilig,
    beveiligingspatroon,
    percentage,
)


def _verborgen(uit: pd.DataFrame) -> np.ndarray:
    return (uit == VERBORGEN).to_numpy()


def test_small_cells_are_hidden_and_the_rest_rounded_to_fives():
    tabel = pd.DataFrame({"BW": [3, 40, 25], "MO": [22, 31, 18]}, index=["A", "B", "C"])
    uit = beveilig(tabel)
    assert uit.loc["A", "BW"] == VERBORGEN  # 3 < 10: primary suppression
    assert uit.loc["B", "BW"] == 40 and uit.loc["B", "MO"] == 30
    assert uit.loc[TOTAAL, TOTAAL] == 140  # 139 before rounding
    assert "afwijken" in uit.attrs["opmerking"]


def test_a_single_hidden_cell_in_a_row_gets_a_partner_so_it_cannot_be_recomputed():
    tabel = pd.DataFrame({"BW": [3, 40], "MO": [22, 31], "DAK": [50, 60]}, index=["A", "B"])
    uit = beveilig(tabel)
    # Row A: 3 is hidden, and so is the smallest other cell of that row (22), not the larger 50.
    assert uit.loc["A", "BW"] == VERBORGEN and uit.loc["A", "MO"] == VERBORGEN
    assert uit.loc["A", "DAK"] == 50


def test_zero_is_not_a_small_cell():
    uit = beveilig(pd.DataFrame({"BW": [0, 40], "MO": [20, 30]}, index=["A", "B"]))
    assert not _verborgen(uit).any()
    assert uit.loc["A", "BW"] == 0


def test_threshold_and_multiple_are_parameters():
    tabel = pd.DataFrame({"BW": [12, 40], "MO": [22, 31]}, index=["A", "B"])
    assert not _verborgen(beveilig(tabel)).any()
    assert _verborgen(beveilig(tabel, drempel=15)).sum() == 4
    assert beveilig(tabel, veelvoud=10).loc["B", "MO"] == 30


def test_refuses_negative_or_missing_counts():
    with pytest.raises(ValueError):
        beveilig(pd.DataFrame({"BW": [-1, 4]}))


@given(arrays(np.int64, st.tuples(st.integers(1, 6), st.integers(1, 6)), elements=st.integers(0, 60)))
def test_no_row_or_column_ever_has_exactly_one_hidden_cell(matrix):
    tabel = pd.DataFrame(matrix, index=[f"g{i}" for i in range(matrix.shape[0])])
    verborgen = _verborgen(beveilig(tabel))
    assert set(verborgen.sum(axis=0)) <= {0} | set(range(2, 99))
    assert set(verborgen.sum(axis=1)) <= {0} | set(range(2, 99))
    # every primary cell is hidden
    assert verborgen[:-1, :-1][(matrix > 0) & (matrix < 10)].all()


@given(arrays(np.int64, st.tuples(st.integers(1, 6), st.integers(1, 6)), elements=st.integers(0, 500)))
def test_shown_counts_are_multiples_of_five_within_2_of_the_truth(matrix):
    tabel = pd.DataFrame(matrix)
    uit = beveilig(tabel).iloc[:-1, :-1].to_numpy()
    getoond = uit != VERBORGEN
    assert all(v % 5 == 0 for v in uit[getoond])
    assert (np.abs(uit[getoond].astype(int) - matrix[getoond]) <= 2).all()


def test_afronden_half_up():
    assert afronden(pd.Series([2.4, 2.5, 7.5, 0])).tolist() == [0, 5, 10, 0]


def test_percentage_only_over_a_sufficient_denominator():
    uit = percentage(pd.Series([5, 30, 1]), pd.Series([99, 100, 0]))
    assert np.isnan(uit[0]) and uit[1] == 0.3 and np.isnan(uit[2])
    assert percentage(pd.Series([5]), pd.Series([20]), minimale_noemer=10)[0] == 0.25


def test_scenarios_are_not_added_up_and_only_columns_get_partners():
    tabel = pd.DataFrame({"laag": [3.0, 40.0, 25.0], "midden": [12.0, 50.0, 30.0], "hoog": [20.0, 60.0, 35.0]},
                         index=["BW", "MO", "DAK"])
    uit = beveilig(tabel, rijtotaal=False)
    assert TOTAAL not in uit.columns and TOTAAL in uit.index
    # BW laag (3) is hidden, and in its column one partner (the next smallest, DAK 25) too; nothing else.
    assert _verborgen(uit).sum() == 2
    assert uit.loc["DAK", "laag"] == VERBORGEN and uit.loc["BW", "midden"] == 10


def test_without_any_total_only_small_cells_are_hidden():
    uit = beveilig(pd.DataFrame({"a": [3.0, 40.0]}), rijtotaal=False, kolomtotaal=False)
    assert _verborgen(uit).tolist() == [[True], [False]]


@given(arrays(np.int64, st.tuples(st.integers(2, 7), st.integers(1, 5)), elements=st.integers(0, 60)),
       st.data())
def test_the_regional_pattern_leaves_no_published_sum_with_one_hidden_cell(matrix, data):
    personen = pd.DataFrame(matrix.astype(float), index=[f"G{i}" for i in range(matrix.shape[0])],
                            columns=[f"d{j}" for j in range(matrix.shape[1])])
    gevoelig = pd.DataFrame(data.draw(arrays(np.bool_, matrix.shape)), index=personen.index, columns=personen.columns)
    splits = data.draw(st.integers(1, len(personen) - 1))
    deelregios = {"Noord": list(personen.index[:splits]), "Zuid": list(personen.index[splits:])}
    masker = beveiligingspatroon(personen, gevoelig, deelregios)
    klein = gevoelig & (personen > 0) & (personen < 10)
    assert masker.loc[personen.index, personen.columns][klein].fillna(True).all().all()  # every small sensitive cell
    kolommen = [*personen.columns, TOTAAL]
    lijnen = [masker.loc[r, kolommen] for r in masker.index]
    for k in kolommen:
        lijnen += [masker.loc[[*leden, d], k] for d, leden in deelregios.items()]
        lijnen.append(masker.loc[["Noord", "Zuid", TOTAAL], k])
    for lijn in lijnen:
        assert lijn.sum() != 1
    for rij in masker.index:  # a total over groups with a hidden cell would give it away across scenarios
        assert not masker.loc[rij, personen.columns].any() or masker.loc[rij, TOTAAL]


def test_modelled_cells_are_not_protected_however_small():
    personen = pd.DataFrame({"BW": [3.0, 40.0], "MO": [2.0, 31.0]}, index=["A", "B"])
    masker = beveiligingspatroon(personen, personen > 1e9, {"Noord": ["A", "B"]})
    assert not masker.to_numpy().any()


def test_a_cell_without_a_figure_shows_nb_and_never_protects_a_hidden_one():
    tabel = pd.DataFrame({"BW": [3.0, 40.0, float("nan")], "MO": [22.0, 31.0, 18.0]}, index=["A", "B", "C"])
    uit = beveilig(tabel)
    assert uit.loc["C", "BW"] == ONBEKEND
    assert "geen gegevens" in uit.attrs["opmerking"]
    # The column BW needs a second hidden cell besides A: B, never the n.b. cell (it would give A away as a 0).
    assert uit.loc["A", "BW"] == VERBORGEN and uit.loc["B", "BW"] == VERBORGEN
    assert uit.loc["Totaal", "BW"] == 45  # 3 + 40: the missing cell counts for nothing
    for lijn in [*(uit.loc[r] for r in uit.index), *(uit[k] for k in uit.columns)]:
        assert (lijn == VERBORGEN).sum() != 1


def test_a_sentence_and_a_table_round_a_count_alike():
    """One rule (halves up) for the tables, the sentences, samenvatting.json and the regional task: at 1.232,5 a
    half-to-even rounding said 1.230 in the text while the table said 1.235."""
    from woonzorg_lib.algemeen.opmaak import getal
    from woonzorg_lib.rapport.tekst import rond

    waarden = [k * 2.5 for k in range(-40, 41)] + [1232.5, 957.8, 12.4999]
    tabel = afronden(pd.Series(waarden)).tolist()
    assert [afgerond(w) for w in waarden] == tabel
    assert [rond(w) for w in waarden] == [getal(t) for t in tabel]
