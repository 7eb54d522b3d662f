"""A regional overview of a region with one deelregio (every koploper region but the MRA) compares its gemeenten."""

import re

from IPython.display import HTML

from woonzorg_lib.analyse.doorrekenen import analyseer
from woonzorg_lib.analyse.parameters import valideer_parameters
from woonzorg_lib.data.catalogus import catalogus
from woonzorg_lib.rapport.hoofdstukken import Rapport


def test_an_overview_of_a_region_with_one_deelregio_compares_its_gemeenten():
    enkel = [k for k, r in catalogus().items() if len(r.deelregios) == 1]
    assert "hart-van-brabant" in enkel and "mra" not in enkel
    parameters = valideer_parameters("regio-overzicht", {"regio": "hart-van-brabant"})
    rapport = Rapport.voor("regio-overzicht", analyseer(parameters))
    assert rapport.eenheid == "gemeente"
    tabel = next(d.data for d in rapport.verdeling().weergaven() if isinstance(d, HTML) and "Fair share per jaar" in d.data)
    rijen = re.findall(r"<tr[^>]*><th[^>]*>([^<]+)</th>", tabel.split("<tbody>")[1])
    assert len(rijen) == 11 + 1 and "Tilburg" in rijen and rijen[-1] == "Totaal"  # 11 gemeenten, not one deelregio


def test_the_mra_overview_still_compares_its_deelregios():
    rapport = Rapport.voor("regio-overzicht", analyseer(valideer_parameters("regio-overzicht", {"regio": "mra"})))
    assert rapport.eenheid == "deelregio"
    tabel = next(d.data for d in rapport.verdeling().weergaven() if isinstance(d, HTML) and "Fair share per jaar" in d.data)
    assert len(re.findall(r"<tr[^>]*><th[^>]*>([^<]+)</th>", tabel.split("<tbody>")[1])) == 7 + 1
