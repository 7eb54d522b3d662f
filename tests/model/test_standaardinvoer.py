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
    assert sorted(rijen.index) == ["GM0363", "GM0546", "GM0547", "GM0579", "GM0626", "GM0638"]
    assert (rijen["herkomst"] == "register").all() and (rijen["peildatum"] == "2022").all()
    assert rijen.loc["GM0363", "waarde"] == 9578 and "nul20.nl" in rijen.loc["GM0363", "bron"]
    assert rijen.loc["GM0546", "waarde"] == 1063 and "Holland Rijnland Wonen 2022" in rijen.loc["GM0546", "bron"]


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
    assert corporatie.loc["GM0363", "bron"].startswith("CBS StatLine 82900NED")
    assert (corporatie.loc["GM0363", "waarde"], corporatie.loc["GM0363", "herkomst"]) == (190_319, "register")
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
def met_jeugdhulp() -> pd.DataFrame:
    from woonzorg_lib.data.basis import jeugdhulp_verblijf

    basis = basisgegevens()
    return standaard_invoer(per_gemeente(basis), basis, landelijke_kengetallen(), verhuringen(),
                            jeugdhulp=jeugdhulp_verblijf())


def test_without_jeugdhulp_counts_the_jeugdzorg_outflow_is_the_national_figure_pro_rata(standaard):
    rijen = _per(standaard, "jeugdzorg_uitstroom")
    assert rijen["bron"].str.contains("naar rato van de inwoners").all()


def test_jeugdzorg_outflow_follows_the_gemeentes_own_count_of_jeugdhulp_met_verblijf(met_jeugdhulp):
    rijen = _per(met_jeugdhulp, "jeugdzorg_uitstroom")
    # Amsterdam: 1.685 trajectories with verblijf on 30-6-2024 of 33.025 in the Netherlands (CBS 85094NED) × 3.300.
    amsterdam = rijen.loc["GM0363"]
    assert amsterdam["waarde"] == pytest.approx(round(1685 * 3300 / 33025, 1))
    assert amsterdam["herkomst"] == "schatting" and amsterdam["peildatum"] == "2024-06-30"
    assert "85094NED" in amsterdam["bron"] and "1.685" in amsterdam["bron"] and "33.025" in amsterdam["bron"]
    assert "Zembla" in amsterdam["bron"] and "naar rato" not in amsterdam["bron"]
    assert rijen["waarde"].sum() == pytest.approx(3300, rel=0.01)
    assert rijen["waarde"].notna().all() and (rijen["herkomst"] == "schatting").all()


def test_a_suppressed_gemeente_gets_its_jeugdregios_remainder_and_the_region_keeps_its_total(met_jeugdhulp):
    rijen = _per(met_jeugdhulp, "jeugdzorg_uitstroom")
    # Zuidoost-Brabant (JZ39): 1.155 trajectories, 1.140 in its 19 published gemeenten; Oirschot and Reusel-De
    # Mierden (suppressed) share the 15 by inhabitants.
    from woonzorg_lib.data.basis import jeugdhulp_verblijf

    tabel = jeugdhulp_verblijf()
    leden = tabel.loc[tabel["jeugdregio_code"].eq("JZ39") & tabel["gebiedstype"].eq("gemeente"), "code"]
    assert rijen.loc[list(leden), "waarde"].sum() == pytest.approx(1155 * 3300 / 33025, abs=0.1 * len(leden))
    oirschot = rijen.loc["GM0823"]
    assert "afgeschermd" in oirschot["bron"] and "Zuidoost-Brabant" in oirschot["bron"]
    assert "naar rato van de inwoners" in oirschot["bron"] and 0 < oirschot["waarde"] < 15 * 3300 / 33025


def test_a_gemeente_whose_region_leaves_nothing_stays_pro_rata_and_says_so(met_jeugdhulp):
    rozendaal = _per(met_jeugdhulp, "jeugdzorg_uitstroom").loc["GM0277"]  # suppressed; Centraal Gelderland adds up
    assert "landelijk aantal 3.300 naar rato van de inwoners" in rozendaal["bron"]
    assert "geen lokaal cijfer" in rozendaal["bron"] and rozendaal["waarde"] > 0


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
