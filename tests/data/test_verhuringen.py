"""Counted social lettings per gemeente: Amsterdam (AFWC) and the five gemeenten of the Leidse regio (Holland Rijnland
Wonen), each quoted from its source, the Leidse gemeenten summing exactly to the published regional totals."""

import csv
import shutil

import pytest

from tests.conftest import PROJECT, bundelbouwer
from woonzorg_lib.data.basis import verhuringen

RUW = PROJECT / "tools" / "ruw"
REFERENTIE = PROJECT.parent / "shared" / "reference"
LEIDSE_REGIO = {"GM0546": "Leiden", "GM0547": "Leiderdorp", "GM0579": "Oegstgeest", "GM0626": "Voorschoten",
                "GM0638": "Zoeterwoude"}


def test_the_leidse_regio_has_its_published_lettings_for_2021_and_2022():
    tabel = verhuringen()
    leids = tabel[tabel["gemeentecode"].isin(LEIDSE_REGIO)]
    per_jaar = leids.groupby("jaar")["verhuringen"].sum()
    # Sleutelstad 29-6-2023: "1.496 huurcontracten … tegenover 1.604 in 2021", Leiden 1.063 (2022) and 1.149 (2021).
    assert per_jaar.to_dict() == {2021: 1604, 2022: 1496}
    assert leids.set_index(["gemeentecode", "jaar"]).loc[("GM0546", 2022), "verhuringen"] == 1063
    assert leids["bron"].str.startswith("huurcontracten sociale huur via Holland Rijnland Wonen").all()
    assert leids["bron"].str.contains("https://www.hbvleiden.nl/", regex=False).all()


def _met_gewijzigde_rij(tmp_path, monkeypatch, gebied: str, jaar: str, kolom: str, waarde: str):
    bouwer = bundelbouwer()
    ruw = tmp_path / "ruw"
    shutil.copytree(RUW, ruw)
    pad = ruw / "verhuringen_gemeenten.csv"
    with pad.open(encoding="utf-8", newline="") as f:
        rijen = list(csv.DictReader(f))
    rij = next(r for r in rijen if r["gebied"] == gebied and r["peildatum"] == jaar)
    rij[kolom] = waarde
    with pad.open("w", encoding="utf-8", newline="") as f:
        schrijver = csv.DictWriter(f, fieldnames=list(rijen[0]), lineterminator="\n")
        schrijver.writeheader()
        schrijver.writerows(rijen)
    monkeypatch.setattr(bouwer, "RUW", ruw)
    return bouwer


@pytest.mark.skipif(not REFERENTIE.is_dir(), reason="the shared reference folder is not beside the project")
def test_the_build_stops_when_the_gemeenten_do_not_add_up_to_the_regional_total(tmp_path, monkeypatch):
    bouwer = _met_gewijzigde_rij(tmp_path, monkeypatch, "Leidse regio", "2022", "waarde", "1497")
    bouwer._in_het_citaat = lambda rij: None  # only the sum is under test here
    with pytest.raises(SystemExit, match="Leidse regio 2022: 1497 is niet de som van Leiden"):
        bouwer.verhuringen(REFERENTIE, tmp_path)
    assert not (tmp_path / "verhuringen.csv").exists()


@pytest.mark.skipif(not REFERENTIE.is_dir(), reason="the shared reference folder is not beside the project")
def test_the_build_stops_when_a_figure_is_not_in_its_quote(tmp_path, monkeypatch):
    bouwer = _met_gewijzigde_rij(tmp_path, monkeypatch, "Oegstgeest", "2022", "citaat",
                                 "In Oegstgeest daalde het aantal huurcontracten van 92 naar 97")
    with pytest.raises(SystemExit, match="verhuringen Oegstgeest 2022: 79 staat niet in het citaat"):
        bouwer.verhuringen(REFERENTIE, tmp_path)
