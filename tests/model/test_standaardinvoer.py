import pandas as pd
import pytest

from woonzorg_lib.data.basis import basisgegevens, landelijke_kengetallen, per_gemeente, verhuringen
from woonzorg_lib.model.standaardinvoer import standaard_invoer


@pytest.fixture(scope="module")
def standaard() -> pd.DataFrame:
    basis = basisgegevens()
    return standaard_invoer(per_gemeente(basis), basis, landelijke_kengetallen(), verhuringen())


def _per(standaard: pd.DataFrame, onderwerp: str) -> pd.DataFrame:
    return standaard[standaard["onderwerp"] == onderwerp].set_index("gemeentecode")


def test_one_labelled_row_per_gemeente_and_estimated_onderwerp(standaard):
    assert not standaard.duplicated(["gemeentecode", "onderwerp"]).any()
    aantallen = standaard.groupby("onderwerp").size()
    assert aantallen.drop("verhuringen").eq(342).all()
    assert standaard[["herkomst", "bron", "peildatum"]].ne("").all().all()
    # The taakstelling differs per half-year: it is computed for the years of an analysis, not here.
    assert "statushouders_taakstelling" not in aantallen


def test_real_lettings_are_the_newest_registered_year(standaard):
    rijen = _per(standaard, "verhuringen")
    assert list(rijen.index) == ["GM0363"]
    assert rijen.loc["GM0363", "waarde"] == 9578 and rijen.loc["GM0363", "herkomst"] == "register"
    assert rijen.loc["GM0363", "peildatum"] == "2022" and "nul20.nl" in rijen.loc["GM0363", "bron"]


def test_beschermd_wonen_is_the_national_count_spread_and_labelled(standaard):
    rijen = _per(standaard, "bw_clienten")
    assert rijen["waarde"].sum() == pytest.approx(23_000, abs=342 * 0.05)
    assert (rijen["herkomst"] == "schatting").all()
    assert rijen["bron"].str.contains("centrumgemeenten").all() and rijen["bron"].str.contains("Trimbos").all()


def test_homeless_fallback_adds_up_to_the_national_estimate_and_says_cbs_advises_against_it(standaard):
    rijen = _per(standaard, "dakloze_personen")
    assert rijen["waarde"].sum() == pytest.approx(33_000, abs=342 * 0.05)
    assert rijen["bron"].str.contains("niet voor regionale berekeningen").all()


def test_detention_uses_published_city_counts_and_spreads_the_rest(standaard):
    rijen = _per(standaard, "detentie_uitstroom")
    # A 2020 count quoted in the press, used for the yearly outflow now: an estimate, not a register figure.
    assert rijen.loc["GM0363", "waarde"] == 1284 and rijen.loc["GM0363", "herkomst"] == "schatting"
    assert rijen.loc["GM0599", "waarde"] == 1362 and rijen.loc["GM0518", "waarde"] == 1064
    assert rijen["waarde"].sum() == pytest.approx(20_391, abs=342 * 0.05)
    assert rijen.loc["GM0392", "herkomst"] == "schatting"


def test_base_figures_keep_their_own_provenance(standaard):
    corporatie = _per(standaard, "corporatiewoningen")
    assert corporatie.loc["GM0363", "bron"].startswith("schatting: woningvoorraad")
    ouderen = _per(standaard, "inwoners_75plus")
    assert ouderen["bron"].str.startswith("som van 75-84 en 85+").all()


def test_the_75_plus_is_the_counted_figure_where_the_cohorts_add_up_to_it():
    from woonzorg_lib.data.basis import basisgegevens, geteld_75plus, landelijke_kengetallen, per_gemeente, verhuringen

    basis = basisgegevens()
    uit = standaard_invoer(per_gemeente(basis), basis, landelijke_kengetallen(), verhuringen(), geteld_75plus())
    ouderen = _per(uit, "inwoners_75plus")
    assert (ouderen["herkomst"] == "register").all() and ouderen["bron"].str.contains("85383NED").all()
    assert ouderen.loc["GM0034", "waarde"] == 10_636  # Almere 1-1-2024 (CBS 85383NED)


@pytest.fixture(scope="module")
def met_centrumregios() -> pd.DataFrame:
    from woonzorg_lib.data.catalogus import centrumregio_per_gemeente

    basis = basisgegevens()
    return standaard_invoer(per_gemeente(basis), basis, landelijke_kengetallen(), verhuringen(),
                            centrumregios=centrumregio_per_gemeente())


def test_homeless_count_of_a_centrumregio_is_spread_within_that_region_only(met_centrumregios):
    from woonzorg_lib.data.catalogus import centrumregio_per_gemeente

    rijen = _per(met_centrumregios, "dakloze_personen")
    regio = centrumregio_per_gemeente().set_index("gemeentecode")["centrumregio_code"]
    amsterdam = rijen[rijen.index.map(regio) == "CE0363"]
    # CBS monitor Dakloosheid: 'bijna 2700' registered homeless people in the opvang of centrumregio Amsterdam, 2023.
    assert amsterdam["waarde"].sum() == pytest.approx(2_700, abs=len(amsterdam) * 0.05)
    assert len(amsterdam) == 6 and (amsterdam["herkomst"] == "schatting").all() and (amsterdam["peildatum"] == "2023").all()
    assert amsterdam["bron"].str.contains("monitor Dakloosheid").all()
    assert amsterdam["bron"].str.contains("binnen de centrumregio Amsterdam").all()
    assert not amsterdam["bron"].str.contains("naar rato").any()
    inwoners = per_gemeente(basisgegevens())["inwoners"]
    assert rijen.loc["GM0358", "waarde"] == pytest.approx(
        2_700 * inwoners["GM0358"] / inwoners[amsterdam.index].sum(), abs=0.05)  # Aalsmeer, by its inhabitants
    for code, totaal in (("CE0599", 2_500), ("CE0344", 2_200), ("CE0518", 1_500), ("CE0034", 1_200)):
        assert rijen[rijen.index.map(regio) == code]["waarde"].sum() == pytest.approx(totaal, abs=2)


def test_a_gemeente_of_a_centrumregio_without_a_count_keeps_the_labelled_national_fallback(met_centrumregios, standaard):
    rijen = _per(met_centrumregios, "dakloze_personen")
    # Haarlem (centrumregio Haarlem): no published monitor count, so the national estimate by inhabitants, saying so.
    assert rijen.loc["GM0392", "waarde"] == _per(standaard, "dakloze_personen").loc["GM0392", "waarde"]
    assert "niet voor regionale berekeningen" in rijen.loc["GM0392", "bron"]
    assert "naar rato van de inwoners" in rijen.loc["GM0392", "bron"]
