"""The one number parser: what a spreadsheet writes is read exactly, anything ambiguous is refused."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from woonzorg_lib.algemeen.opmaak import getal
from woonzorg_lib.data.getallen import OngeldigGetal, lees_getal

getallen = st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=2, allow_nan=False)


@given(getallen)
def test_dutch_notation_with_thousands_is_read_exactly(waarde):
    tekst = getal(float(waarde), 2)  # 1.234.567,89: how Dutch Excel shows it
    assert lees_getal(tekst) == pytest.approx(float(waarde), abs=1e-9)


@given(getallen)
def test_english_notation_without_thousands_is_read_exactly(waarde):
    assert lees_getal(f"{waarde:.2f}", "en") == pytest.approx(float(waarde), abs=1e-9)


@given(st.integers(1, 999), st.integers(0, 999))
def test_a_comma_in_an_english_file_is_never_guessed(voor, na):
    with pytest.raises(OngeldigGetal):
        lees_getal(f"{voor},{na:03d}", "en")


@given(st.integers(0, 10**6), st.integers(0, 99))
def test_a_percentage_is_a_share_only_where_a_share_belongs(heel, honderdste):
    tekst = f"{heel},{honderdste:02d}%"
    assert lees_getal(tekst) == pytest.approx((heel + honderdste / 100) / 100)
    with pytest.raises(OngeldigGetal, match="percentage"):
        lees_getal(tekst, procent=False)
