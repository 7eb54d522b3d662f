"""A share reads the same everywhere it leaves the program: the mutatiegraad is 6,96% in the Aanbod text, the
Kengetallen and the sensitivity table, kerncijfers and the parameter sentences, never 0,0696 beside 7,0%."""

import re

import pytest

from tests.conftest import PARAMETERS
from woonzorg_lib.analyse.doorrekenen import analyseer
from woonzorg_lib.analyse.parameters import lees_parameterbestand
from woonzorg_lib.rapport.hoofdstukken import Rapport
from woonzorg_lib.rapport.hoofdstukken.onderdelen import Tabel, Tekst
from woonzorg_lib.rapport.parameterzinnen import parameterzin


@pytest.fixture(scope="module")
def rapport() -> Rapport:
    bestand = lees_parameterbestand(PARAMETERS / "ijmond.yaml")
    return Rapport.voor(bestand.notebook, analyseer(bestand.parameters))


def _tekst(hoofdstuk) -> str:
    delen = []
    for deel in hoofdstuk:
        if isinstance(deel, Tekst):
            delen.append(re.sub(r"\\(.)", r"\1", deel.markdown))
        elif isinstance(deel, Tabel):
            delen.append(deel.data.to_string())
    return "\n".join(delen)


@pytest.mark.parametrize("hoofdstuk", ["aanbod", "verantwoording", "gevoeligheid"])
def test_the_mutatiegraad_reads_as_the_same_percentage_in_every_chapter(rapport, hoofdstuk):
    tekst = _tekst(getattr(rapport, hoofdstuk)())
    assert "6,96%" in tekst
    assert "0,0696" not in tekst and "7,0%" not in tekst


def test_kerncijfers_name_the_mutatiegraad_as_the_report_does(rapport):
    kern = rapport.kern
    bronnen = kern.loc[(kern["indicator"] == "verhuringen") & (kern["gemeentecode"] != ""), "bron"]
    geschat = bronnen[bronnen.str.contains("mutatiegraad")]  # per gemeente; a total says 'som van de gemeenten'

    assert len(geschat) and geschat.str.endswith("× mutatiegraad 6,96%").all()


def test_a_mutatiegraad_set_in_the_parameter_file_keeps_its_precision():
    assert parameterzin("mutatiegraad", 0.0696) == (
        "Mutatiegraad voor het hele gebied: 6,96% van de sociale voorraad per jaar.")
    assert parameterzin("mutatiegraad", {"Velsen": 0.05}) == "Mutatiegraad per gemeente: Velsen 5%."


def test_the_workbook_shows_a_share_as_the_report_does(rapport, tmp_path):
    from openpyxl import load_workbook

    from woonzorg_lib.rapport.uitvoer import schrijf_uitvoer

    schrijf_uitvoer(rapport.analyse, tmp_path, rapport.kern)
    blad = load_workbook(tmp_path / "tabellen.xlsx")["kengetallen"]
    koppen = [c.value for c in blad[1]]
    rij = next(r for r in blad.iter_rows(min_row=2) if r[0].value == "Verhuringen als aandeel van de sociale voorraad")
    midden = rij[koppen.index("midden")]
    assert midden.value == 0.0696 and midden.number_format == "0.00%"  # Excel: 6,96%
    rij = next(r for r in blad.iter_rows(min_row=2) if r[0].value.startswith("Personen per huishouden"))
    assert rij[koppen.index("midden")].number_format != "0.00%"  # 1,83 persons stays a number
