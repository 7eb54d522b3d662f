"""The workbook a reader opens: a mark that stands for a number lines up with the numbers of its column."""

import pandas as pd
from openpyxl import load_workbook

from woonzorg_lib.model.onthulling import KLEIN, ONBEKEND, VERBORGEN
from woonzorg_lib.rapport.excel import Blad, schrijf_werkmap


def test_a_mark_in_a_column_of_numbers_is_right_aligned_like_the_numbers(tmp_path):
    """tabellen.xlsx put '< 2,5', '.' and 'n.b.' left in a column of right-aligned numbers (Zuid-Kennemerland's
    jeugdzorg column): the report's tables align them right; a word (the tier) stays left."""
    tabel = pd.DataFrame({"jeugdzorg": [5, KLEIN, VERBORGEN, ONBEKEND], "herkomst": ["schatting"] * 4},
                         index=pd.Index(["Haarlem", "Bloemendaal", "Heemstede", "Zandvoort"], name="gebied"))
    pad = tmp_path / "t.xlsx"
    schrijf_werkmap({"vraag": Blad(tabel)}, pad)
    vel = load_workbook(pad)["vraag"]
    merktekens = [vel.cell(rij, 2) for rij in (3, 4, 5)]
    assert [c.value for c in merktekens] == [KLEIN, VERBORGEN, ONBEKEND]
    assert all(c.alignment.horizontal == "right" for c in merktekens)
    assert vel.cell(3, 3).alignment.horizontal != "right"
