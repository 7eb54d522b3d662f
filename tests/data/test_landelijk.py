"""The hand-kept national figures equal the researched reference tables."""

import csv

import pytest

from tests.test_bundel_bouwen import REFERENTIE
from woonzorg_lib.data.basis import landelijke_kengetallen, taakstelling_landelijk

pytestmark = pytest.mark.skipif(not REFERENTIE.is_dir(), reason="the shared reference folder is not beside the project")


def _rijen(naam: str) -> list[dict[str, str]]:
    with (REFERENTIE / naam).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_national_counts_match_the_reference():
    kengetallen = landelijke_kengetallen()
    rijen = {(r["grootheid"], r["gebied"], r["jaar"]): int(r["waarde"]) for r in _rijen("aandachtsgroepen_kengetallen.csv")}
    assert rijen[("dakloze personen 18-65 jaar (schatting)", "Nederland", "2024-01-01")] == kengetallen["dakloze_personen"]["waarde"]
    assert rijen[("uitstromers uit detentie (nazorgkandidaten)", "Nederland", "2020")] == kengetallen["detentie_uitstroom"]["waarde"]
    steden = kengetallen["detentie_uitstroom_gemeenten"]["waarden"]
    naar = "uitstromers uit detentie (nazorgkandidaten) naar gemeente"
    assert rijen[(naar, "Amsterdam", "2020")] == steden["GM0363"]
    assert rijen[(naar, "Rotterdam", "2020")] == steden["GM0599"]
    assert rijen[(naar, "'s-Gravenhage (Den Haag)", "2020")] == steden["GM0518"]


def test_every_published_national_half_year_total_is_bundled_with_its_source():
    rijen = _rijen("taakstelling_statushouders.csv")
    totalen = {(r["periode"], int(r["taakstelling_personen"])) for r in rijen if r["soort"] == "landelijk_totaal"}
    bundel = taakstelling_landelijk()
    assert {(r.halfjaar, int(r.personen)) for r in bundel.itertuples()} == totalen
    nieuwste = bundel.sort_values("halfjaar").tail(3).set_index("halfjaar")
    assert list(nieuwste.index) == ["2024-H1", "2025-H1", "2025-H2"]
    assert list(nieuwste["personen"].astype(int)) == [18_750, 15_000, 13_000]
    assert nieuwste.loc["2025-H1", "oorspronkelijk"] == "17700"
    assert bundel["bron"].ne("").all()


def test_the_beschermd_wonen_count_is_the_reference_figure():
    rij = next(r for r in _rijen("aandachtsgroepen/bw_mo.csv") if r["grootheid"] == "personen in beschermd wonen")
    bw = landelijke_kengetallen()["beschermd_wonen_clienten"]
    assert (int(rij["waarde"]), rij["peildatum"]) == (bw["waarde"], bw["peildatum"])
    assert rij["bron"] in bw["bron"].replace("\n", " ")


def test_the_homeless_counts_per_centrumregio_are_the_reference_figures():
    regio = {"CE0363": "Amsterdam", "CE0599": "Rotterdam", "CE0344": "Utrecht", "CE0518": "Den Haag", "CE0034": "Almere"}
    naam = "geregistreerde dakloze personen in nood- en tijdelijke opvang (monitor Dakloosheid)"
    rijen = {r["gebied"]: r for r in _rijen("aandachtsgroepen/bw_mo.csv") if r["grootheid"] == naam}
    tellingen = landelijke_kengetallen()["dakloze_personen_centrumregios"]
    assert tellingen["waarden"] == {code: int(rijen[f"centrumregio {n}"]["waarde"]) for code, n in regio.items()}
    assert {r["peildatum"] for r in rijen.values()} == {tellingen["peildatum"]}
    assert rijen["centrumregio Amsterdam"]["bron"].split(" (")[0] in tellingen["bron"]
    assert tellingen["herkomst"] == "schatting"
