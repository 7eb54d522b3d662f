"""The hand-kept national figures equal the researched reference tables."""

import csv

import pytest

from tests.test_bundel_bouwen import REFERENTIE
from woonzorg_lib.data.basis import landelijke_kengetallen

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


def test_taakstelling_is_the_latest_fixed_national_half_year_total():
    totalen = [r for r in _rijen("taakstelling_statushouders.csv") if r["soort"] == "landelijk_totaal"]
    nieuwste = max(totalen, key=lambda r: r["periode"])
    taak = landelijke_kengetallen()["taakstelling_halfjaar"]
    assert (nieuwste["periode"], int(nieuwste["taakstelling_personen"])) == (taak["peildatum"], taak["waarde"])
