"""Jeugdhulp met verblijf per gemeente (CBS 85094NED): the bundle holds the raw CBS rows, a suppressed cell stays missing."""

import csv

import pandas as pd
import pytest

from tests.conftest import PROJECT
from woonzorg_lib.data.basis import gemeenten, jeugdhulp_verblijf
from woonzorg_lib.data.bronnen import bronnen

RUW = PROJECT / "tools" / "ruw" / "85094NED_peildatum_2024-06-30.csv"


@pytest.fixture(scope="module")
def ruw() -> dict[str, dict[str, str]]:
    with RUW.open(encoding="utf-8-sig", newline="") as f:
        return {r["RegioS"]: r for r in csv.DictReader(f, delimiter=";")}


@pytest.fixture(scope="module")
def tabel() -> pd.DataFrame:
    return jeugdhulp_verblijf().set_index("code")


@pytest.mark.parametrize(("code", "cbs_naam"), [("GM0363", "Amsterdam"), ("GM0344", "Utrecht (gemeente)"),
                                                ("GM0164", "Hengelo (O.)"), ("JZ13", "Amsterdam-Amstelland (JZ)"),
                                                ("NL01", "Nederland")])
def test_the_bundled_count_is_the_raw_cbs_row(tabel, ruw, code, cbs_naam):
    assert tabel.loc[code, "trajecten_met_verblijf"] == float(ruw[cbs_naam]["TotaalJeugdhulpMetVerblijf_9"])
    assert tabel.loc[code, "peildatum"] == "2024-06-30"


def test_every_gemeente_once_in_its_jeugdregio_and_every_jeugdregio_with_a_total(tabel):
    rijen = tabel[tabel["gebiedstype"] == "gemeente"]
    assert sorted(rijen.index) == sorted(gemeenten()["gemeentecode"])
    regios = tabel[tabel["gebiedstype"] == "jeugdregio"]
    assert set(rijen["jeugdregio_code"]) == set(regios.index) and len(regios) == 42
    assert regios["trajecten_met_verblijf"].notna().all()
    # Within CBS's rounding to fives the published gemeenten never exceed their jeugdregio by much.
    som = rijen.groupby("jeugdregio_code")["trajecten_met_verblijf"].sum()
    assert ((som - regios["trajecten_met_verblijf"]).abs() <= 15).all()


def test_a_suppressed_cbs_cell_is_missing_not_zero(tabel, ruw):
    assert ruw["Rozendaal"]["TotaalJeugdhulpMetVerblijf_9"] == ""
    assert pd.isna(tabel.loc["GM0277", "trajecten_met_verblijf"])
    assert (tabel["trajecten_met_verblijf"] != 0).all()
    assert tabel["trajecten_met_verblijf"].isna().sum() == 12


def test_the_table_names_its_public_copy_with_commit_and_path():
    bron = bronnen()["jeugdhulp_verblijf"]
    assert bron.tabel == "85094NED" and bron.peildatum == "2024-06-30"
    assert "dertje/cbs_datasets@fda6426717585e4e84673ce6b2bb2a4fe1b4fef5:output_files/all_datasets/85094NED.csv" in (
        bron.bron.replace("\n", " ").replace(" ", ""))
