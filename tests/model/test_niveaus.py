import pandas as pd
import pytest

from woonzorg_lib.data.basis import basisgegevens, per_gemeente
from woonzorg_lib.data.catalogus import Regio, laad_regio
from woonzorg_lib.model.niveaus import per_niveau

KOLOMMEN = ["inwoners", "woningvoorraad", "corporatiewoningen"]


@pytest.fixture(scope="module")
def mra_tabel() -> pd.DataFrame:
    return per_niveau(per_gemeente(basisgegevens()), laad_regio("mra"), KOLOMMEN)


def test_one_row_per_gemeente_then_deelregio_totals_then_the_region(mra_tabel):
    assert mra_tabel["niveau"].value_counts().to_dict() == {"gemeente": 30, "deelregio": 7, "regio": 1}
    assert mra_tabel.iloc[-1]["niveau"] == "regio"


def test_gemeenten_sum_exactly_to_deelregio_and_deelregios_to_the_region(mra_tabel):
    gemeenten = mra_tabel[mra_tabel["niveau"] == "gemeente"]
    deelregios = mra_tabel[mra_tabel["niveau"] == "deelregio"].set_index("deelregio")[KOLOMMEN]
    pd.testing.assert_frame_equal(
        gemeenten.groupby("deelregio")[KOLOMMEN].sum().sort_index(), deelregios.sort_index(), check_names=False
    )
    regio = mra_tabel[mra_tabel["niveau"] == "regio"].iloc[0]
    assert (deelregios.sum() == regio[KOLOMMEN]).all()


def test_mra_total_inwoners_equals_the_sum_of_its_30_gemeenten_in_the_source(mra_tabel):
    basis = per_gemeente(basisgegevens())
    regio = mra_tabel[mra_tabel["niveau"] == "regio"].iloc[0]
    assert regio["inwoners"] == basis.loc[list(laad_regio("mra").gemeentecodes), "inwoners"].sum() == 2_607_523


def test_a_gemeente_without_figures_is_an_error():
    regio = Regio("x", "X", {"X": ("GM0344", "GM0363")})
    with pytest.raises(ValueError, match="GM0344"):
        per_niveau(pd.DataFrame({"inwoners": [1]}, index=["GM0363"]), regio, ["inwoners"])


def test_op_niveaus_sums_each_scenario_and_year_separately():
    from woonzorg_lib.model.niveaus import op_niveaus

    regio = Regio("x", "X", {"Noord": ("GM0344", "GM0363"), "Zuid": ("GM0392",)})
    tabel = pd.DataFrame(
        {"gemeentecode": ["GM0344", "GM0363", "GM0392"] * 2, "jaar": [2024] * 3 + [2025] * 3,
         "vraag": [1.0, 2.0, 4.0, 10.0, 20.0, 40.0]}
    )
    uit = op_niveaus(tabel, regio, ["jaar"], ["vraag"])
    deel = uit[uit["niveau"] == "deelregio"].set_index(["naam", "jaar"])["vraag"]
    assert deel.to_dict() == {("Noord", 2024): 3.0, ("Zuid", 2024): 4.0, ("Noord", 2025): 30.0, ("Zuid", 2025): 40.0}
    geheel = uit[uit["niveau"] == "regio"].set_index("jaar")["vraag"]
    assert geheel.to_dict() == {2024: 7.0, 2025: 70.0}


def test_op_niveaus_skips_the_deelregio_level_of_a_single_deelregio():
    from woonzorg_lib.model.niveaus import op_niveaus

    regio = laad_regio("mra").deelregio("IJmond")
    tabel = pd.DataFrame({"gemeentecode": list(regio.gemeentecodes), "vraag": [1.0, 2.0, 3.0, 4.0]})
    assert op_niveaus(tabel, regio, [], ["vraag"])["niveau"].value_counts().to_dict() == {"gemeente": 4, "regio": 1}
