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


def test_a_province_overview_writes_no_factsheets_its_centrumregio_runs_do(tmp_path):
    """Flevoland is one part (Centrumregio Almere): its overview compares gemeenten, but each gemeente's factsheet
    and VHP chapter come from the centrumregio's run; the province's annex (its own distribution) stays."""
    import json

    rapport = Rapport.voor("regio-overzicht", analyseer(valideer_parameters("regio-overzicht",
                                                                              {"regio": "provincie-flevoland"})))
    assert rapport.eenheid == "gemeente"
    rapport.bewaar(str(tmp_path))
    namen = {p.name for p in tmp_path.iterdir()}
    assert not {n for n in namen if n.startswith(("factsheet-", "vhp-"))}
    assert "bijlage-verdeling-provincie-flevoland.docx" in namen
    samenvatting = json.loads((tmp_path / "samenvatting.json").read_text(encoding="utf-8"))
    assert samenvatting["factsheets"] == [] and samenvatting["vhp"] == []
