import math
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.model.verdeling import (
    aandelen,
    naar_rato,
    peildatum_art29,
    taakstelling_art29,
    varianten,
    verdeel,
)

SLEUTELS = ("inwoners", "verhuringen", "draagkracht")

gemeenten_st = st.integers(min_value=1, max_value=12)


@st.composite
def sleuteltabel(draw, minimum=0.0):
    n = draw(gemeenten_st)
    kolommen = {
        k: draw(st.lists(st.floats(min_value=minimum, max_value=1e6, allow_nan=False), min_size=n, max_size=n))
        for k in SLEUTELS
    }
    tabel = pd.DataFrame(kolommen, index=[f"GM{i:04d}" for i in range(n)])
    assume((tabel.sum() > 0).all())
    return tabel


gewichten_st = st.dictionaries(st.sampled_from(SLEUTELS), st.floats(min_value=0.01, max_value=10), min_size=1)
totaal_st = st.integers(min_value=0, max_value=5000)


# --- naar_rato -------------------------------------------------------------------------


@given(totaal_st, sleuteltabel())
def test_naar_rato_preserves_the_total_exactly_and_stays_within_one_of_the_quota(totaal, tabel):
    uit = naar_rato(totaal, tabel["inwoners"])
    assert uit.sum() == totaal
    assert (uit >= 0).all()
    quota = tabel["inwoners"] * totaal / tabel["inwoners"].sum()
    assert ((uit - quota).abs() < 1 + 1e-9).all()


def test_naar_rato_known_split():
    uit = naar_rato(100, pd.Series({"A": 1, "B": 2, "C": 3}))
    assert uit.to_dict() == {"A": 17, "B": 33, "C": 50}
    assert uit.dtype == "int64"


@pytest.mark.parametrize(
    ("totaal", "sleutel", "fout"),
    [
        (10, pd.Series({"A": 0, "B": 0}), "overal 0"),
        (10, pd.Series({"A": -1, "B": 2}), "negatief voor A"),
        (10.5, pd.Series({"A": 1}), "geheel getal"),
        (-1, pd.Series({"A": 1}), "geheel getal"),
        (10, pd.Series({"A": 1, "B": None}), "geen getal voor B"),
    ],
)
def test_naar_rato_refuses_bad_input_in_dutch(totaal, sleutel, fout):
    with pytest.raises(WoonzorgFout, match=fout):
        naar_rato(totaal, sleutel)


# --- art. 29 ---------------------------------------------------------------------------


def test_art29_rounds_up_and_may_exceed_the_national_number():
    inwoners = pd.Series({"A": 1_000, "B": 2_000, "C": 3_000, "D": 0})
    uit = taakstelling_art29(10, inwoners, 6_000)
    # exact quotas 1.67, 3.33, 5.0 and 0: rounded up to 2, 4, 5, 0
    assert uit.to_dict() == {"A": 2, "B": 4, "C": 5, "D": 0}
    assert uit.sum() == 11 > 10


def test_art29_exact_integer_arithmetic_for_a_real_half_year():
    """2023-H1: 21,200 nationally; with the 1-1-2024 inhabitants this is the 2025 method."""
    from woonzorg_lib.data.basis import gemeenten

    gem = gemeenten().set_index("gemeentecode")["inwoners"]
    nederland = int(gem.sum())
    uit = taakstelling_art29(21_200, gem, nederland)
    for code, inwoners in gem.items():
        assert uit[code] == math.ceil(Fraction(21_200 * int(inwoners), nederland))
    assert uit["GM0363"] == -(-21_200 * 931_298 // 17_942_942) == 1101
    assert 21_200 <= uit.sum() < 21_200 + len(gem)


def test_art29_exact_quota_is_not_rounded_up():
    assert taakstelling_art29(300, pd.Series({"A": 1, "B": 2}), 3).to_dict() == {"A": 100, "B": 200}


def test_art29_uses_inhabitants_of_1_january_of_the_previous_year():
    assert peildatum_art29("2025-H1") == "2024-01-01"
    assert peildatum_art29("2023-H2") == "2022-01-01"
    with pytest.raises(WoonzorgFout, match="JJJJ-H1"):
        peildatum_art29("2025-Q1")


# --- verdeel: properties ---------------------------------------------------------------


@given(totaal_st, sleuteltabel(), gewichten_st)
def test_total_preserved_exactly_and_no_negative_targets(totaal, tabel, gewichten):
    uit = verdeel(totaal, tabel, gewichten)
    assert uit.sum() == totaal
    assert (uit >= 0).all()


@given(totaal_st, sleuteltabel(), gewichten_st, st.data())
def test_load_correction_never_gives_negative_targets(totaal, tabel, gewichten, data):
    belasting = pd.Series(
        data.draw(st.lists(st.integers(0, 10_000), min_size=len(tabel), max_size=len(tabel))), index=tabel.index
    )
    jaren = data.draw(st.integers(1, 10))
    uit = verdeel(totaal, tabel, gewichten, huidige_belasting=belasting, correctie_jaren=jaren)
    assert uit.sum() == totaal
    assert (uit >= 0).all()


@given(totaal_st, sleuteltabel(), gewichten_st, st.data())
def test_caps_are_respected_and_the_total_still_preserved(totaal, tabel, gewichten, data):
    plafond = pd.Series(
        data.draw(st.lists(st.floats(0, 2000, allow_nan=False), min_size=len(tabel), max_size=len(tabel))),
        index=tabel.index,
    )
    uit = verdeel(totaal, tabel, gewichten, plafond=plafond)
    # Caps that cannot carry the total place what fits (every gemeente at its cap); otherwise exactly the total.
    assert uit.sum() == min(totaal, int(np.floor(plafond + 1e-9).sum()))
    assert (uit <= plafond + 1e-9).all()
    assert (uit >= 0).all()


@settings(max_examples=200)
@given(totaal_st, sleuteltabel(), gewichten_st, st.data())
def test_a_gemeente_never_gets_less_when_only_its_own_key_grows(totaal, tabel, gewichten, data):
    gemeente = data.draw(st.sampled_from(list(tabel.index)))
    sleutel = data.draw(st.sampled_from(sorted(gewichten)))
    groei = data.draw(st.floats(min_value=0.0, max_value=1e6, allow_nan=False))
    meer = tabel.copy()
    meer.loc[gemeente, sleutel] += groei
    assert verdeel(totaal, meer, gewichten)[gemeente] >= verdeel(totaal, tabel, gewichten)[gemeente]


@given(totaal_st, sleuteltabel(), st.sampled_from(SLEUTELS))
def test_a_variant_with_one_key_of_weight_1_equals_a_pure_pro_rata_split(totaal, tabel, sleutel):
    uit = varianten(totaal, tabel, {"alleen": {sleutel: 1.0}, "dubbel": {sleutel: 2.0}})
    pd.testing.assert_series_equal(uit["alleen"], naar_rato(totaal, tabel[sleutel]), check_names=False)
    pd.testing.assert_series_equal(uit["dubbel"], uit["alleen"], check_names=False)


# --- verdeel: examples -----------------------------------------------------------------


def test_weighted_mix_of_keys():
    tabel = pd.DataFrame({"inwoners": [100, 300], "verhuringen": [30, 10]}, index=["A", "B"])
    assert aandelen(tabel, {"inwoners": 1, "verhuringen": 1}).round(4).to_dict() == {"A": 0.5, "B": 0.5}
    assert verdeel(100, tabel, {"inwoners": 3, "verhuringen": 1}).to_dict() == {"A": 38, "B": 62}


def test_load_correction_moves_the_task_towards_the_gemeente_that_carries_less():
    tabel = pd.DataFrame({"inwoners": [100, 100]}, index=["A", "B"])
    # A already houses 40 more than its share; over 2 years A's target drops by 20 to 0 at most.
    belasting = pd.Series({"A": 60, "B": 20})
    assert verdeel(50, tabel, {"inwoners": 1}, huidige_belasting=belasting, correctie_jaren=2).to_dict() == {
        "A": 15, "B": 35
    }
    assert verdeel(50, tabel, {"inwoners": 1}, huidige_belasting=belasting, correctie_jaren=1).to_dict() == {
        "A": 5, "B": 45
    }
    # A carries so much more that it would get a negative target: 0, and B takes the whole task.
    assert verdeel(10, tabel, {"inwoners": 1}, huidige_belasting=pd.Series({"A": 100, "B": 0})).to_dict() == {
        "A": 0, "B": 10
    }


def test_cap_overflow_goes_to_the_others_in_proportion_until_nothing_is_left():
    tabel = pd.DataFrame({"inwoners": [600, 300, 100]}, index=["A", "B", "C"])
    uit = verdeel(100, tabel, {"inwoners": 1}, plafond=pd.Series({"A": 40, "B": 100, "C": 100}))
    # A capped at 40; its overflow of 20 goes to B and C as 3:1 -> 45 and 15.
    assert uit.to_dict() == {"A": 40, "B": 45, "C": 15}


def test_caps_that_cannot_hold_the_total_place_what_fits():
    tabel = pd.DataFrame({"inwoners": [1, 1]}, index=["A", "B"])
    uit = verdeel(10, tabel, {"inwoners": 1}, plafond=pd.Series({"A": 4.5, "B": 5.9}))
    assert uit.to_dict() == {"A": 4, "B": 5}  # 1 of 10 cannot be placed under the caps


def test_unknown_or_empty_key_is_a_dutch_error():
    tabel = pd.DataFrame({"inwoners": [1, 1], "draagkracht": [0, 0]}, index=["A", "B"])
    with pytest.raises(WoonzorgFout, match="verdeelsleutel huishoudens heeft geen gegevens"):
        verdeel(10, tabel, {"huishoudens": 1})
    with pytest.raises(WoonzorgFout, match="verdeelsleutel draagkracht is overal 0"):
        verdeel(10, tabel, {"draagkracht": 1})
    with pytest.raises(WoonzorgFout, match="geen verdeelsleutels"):
        verdeel(10, tabel, {})


def test_tiny_key_values_do_not_underflow():
    """Found by hypothesis: 0.5 × 5e-324 is 0 in floating point, so normalise the key first."""
    tabel = pd.DataFrame({"inwoners": [5e-324], "verhuringen": [5e-324]}, index=["A"])
    assert verdeel(2, tabel, {"inwoners": 1, "verhuringen": 1}).to_dict() == {"A": 2}


def test_huge_weights_are_normalised_without_overflow():
    sleutels = pd.DataFrame({"inwoners": [1.0, 3.0], "verhuringen": [1.0, 1.0]}, index=["A", "B"])
    assert aandelen(sleutels, {"inwoners": 1e308, "verhuringen": 1e308}).tolist() == pytest.approx(
        aandelen(sleutels, {"inwoners": 1.0, "verhuringen": 1.0}).tolist())
    with pytest.raises(WoonzorgFout, match="eindige getallen"):
        aandelen(sleutels, {"inwoners": float("nan"), "verhuringen": 1.0})
