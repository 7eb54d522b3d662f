"""A figure for some gemeenten only: the others are 'geen gegevens' everywhere, never 0."""

import re

import pytest
from IPython.display import HTML

from tests.conftest import vul_invoer_in
from woonzorg_lib.analyse.invoerformat import schrijf_invoersjabloon
from woonzorg_lib.analyse.parameters import valideer_parameters
from woonzorg_lib.model.onthulling import ONBEKEND
from woonzorg_lib.rapport.hoofdstukken import Rapport
from woonzorg_lib.rapport.kerncijfers import kerncijfers
from woonzorg_lib.rapport.uitvoer import samenvatting

BEVERWIJK = "GM0375"


@pytest.fixture(scope="module")
def ijmond(tmp_path_factory):
    parameters = valideer_parameters("woonzorganalyse", {"regio": "mra", "deelregio": "IJmond"})
    pad = schrijf_invoersjabloon(parameters, tmp_path_factory.mktemp("ijmond") / "mra.xlsx")
    vul_invoer_in(pad, {(BEVERWIJK, "urgenten"): 40}, "Urgentiecommissie Beverwijk 2025")
    return Rapport.uit_notebook("woonzorganalyse", {"regio": "mra", "deelregio": "IJmond", "invoer": str(pad)})


def test_the_headline_names_the_partial_group(ijmond):
    gedekt = ijmond.analyse.aandachtsgroepen_gedekt()
    assert gedekt["gedeeltelijk"] == ["Medische en sociale urgenten (1 van 4 gemeenten)"]
    tekst = ijmond.samenvatting().weergaven()[0].data
    assert "**6 van de 11 aandachtsgroepen**" in tekst
    assert "Medische en sociale urgenten (1 van 4 gemeenten)" in tekst
    assert samenvatting(ijmond.analyse)["dekking"]["gedeeltelijk"] == gedekt["gedeeltelijk"]


def test_the_other_gemeenten_show_nb_not_zero(ijmond):
    tabel = next(d.data for d in ijmond.vraag().weergaven() if isinstance(d, HTML) and "Woningen per jaar per gemeente" in d.data)
    kop = re.findall(r"<th[^>]*>(.*?)</th>", tabel.split("</thead>")[0])
    kolom = kop.index("Medische en sociale urgenten") - 1
    for gemeente, waarde in (("Heemskerk", ONBEKEND), ("Uitgeest", ONBEKEND), ("Velsen", ONBEKEND), ("Beverwijk", "40")):
        rij = re.search(rf'<th scope="row">{gemeente}</th>' rf"(.*?)</tr>", tabel, flags=re.DOTALL).group(1)
        assert re.findall(r"<td[^>]*>(.*?)</td>", rij)[kolom] == waarde, gemeente
    kern = kerncijfers(ijmond.analyse)
    urgenten = kern[(kern["doelgroep"] == "urgenten") & (kern["gemeente"] == "Velsen")]
    assert (urgenten["waarde"] == ONBEKEND).all() and (urgenten["herkomst"] == "geen gegevens").all()
