"""Current load is data, never model output: without it no figure, with it the contrast the region itself found."""

import re

import pytest
from IPython.display import HTML, Image, Markdown

from tests.conftest import vul_invoer_in
from woonzorg_lib.analyse.doorrekenen import analyseer
from woonzorg_lib.analyse.invoerformat import schrijf_invoersjabloon
from woonzorg_lib.analyse.parameters import valideer_parameters
from woonzorg_lib.data.catalogus import laad_regio
from woonzorg_lib.rapport.hoofdstukken import Rapport

TILBURG = "GM0855"


@pytest.fixture(scope="module")
def hart_van_brabant(tmp_path_factory):
    """Hart van Brabant with the current load entered: Tilburg houses 75% of the aandachtsgroepen (Tiwos, 2021)."""
    parameters = valideer_parameters("woonzorganalyse", {"regio": "hart-van-brabant"})
    pad = schrijf_invoersjabloon(parameters, tmp_path_factory.mktemp("hvb") / "hvb.xlsx")
    overige = [c for c in laad_regio("hart-van-brabant").gemeentecodes if c != TILBURG]
    belasting = {(TILBURG, "huidige_belasting"): 300.0} | {(c, "huidige_belasting"): 100 / len(overige) for c in overige}
    vul_invoer_in(pad, belasting, "Registratie uitstroom BW/MO en statushouders, regio Hart van Brabant")
    return Rapport.uit_notebook("woonzorganalyse", {"regio": "hart-van-brabant", "invoer": str(pad)})


def test_without_current_load_no_figure_and_the_report_says_how_to_supply_it():
    rapport = Rapport.uit_notebook("woonzorganalyse", {"regio": "hart-van-brabant"})
    assert "huidige_belasting" not in rapport.analyse.verdeling
    aanwijzingen = " ".join(d.data for d in rapport.verantwoording().weergaven() if isinstance(d, Markdown))
    assert "Aanwijzingen voor de analist" in aanwijzingen and "`huidige_belasting`" in aanwijzingen
    for hoofdstuk, zin in ((rapport.samenvatting().weergaven(), "nu al aan aandachtsgroepen geeft, is nog niet bekend"),
                           (rapport.verdeling().weergaven(), "De huidige belasting per gemeente is onbekend")):
        tekst = " ".join(d.data for d in hoofdstuk if isinstance(d, Markdown | HTML))
        assert zin in tekst and "huidige_belasting" not in tekst  # the reader is told, the analyst instructed
        assert "huidige belasting (invoer)" not in tekst
        assert not any("belasting" in d.metadata["alt"].lower()
                       for d in hoofdstuk if isinstance(d, Image))


def test_tilburg_carries_three_quarters_against_a_pro_rata_share_near_46_percent(hart_van_brabant):
    verdeling = hart_van_brabant.analyse.verdeling.set_index("gemeentecode")
    assert verdeling.loc[TILBURG, "huidige_belasting"] == 300
    aandelen = next(d.data for d in hart_van_brabant.verdeling().weergaven()
                    if isinstance(d, HTML) and "Aandeel in de huidige belasting" in d.data)
    rij = re.search(r'<th scope="row">Tilburg</th>' r"(.*?)</tr>", aandelen, flags=re.DOTALL).group(1)
    huidig, fair = re.findall(r"([\d,]+)%", rij)
    assert huidig == "75,0"
    assert 45 <= float(fair.replace(",", ".")) <= 47  # Naar inwoners: Tilburg's share of the region's inhabitants
    # With a correction over 5 years the target drops below the pro-rata share: Tilburg already carries more.
    gecorrigeerd = analyseer(hart_van_brabant.p.model_copy(update={"correctie_jaren": 5})).verdeling
    naar_inwoners = gecorrigeerd.set_index("gemeentecode")["Naar inwoners"]
    assert naar_inwoners[TILBURG] < verdeling.loc[TILBURG, "Naar inwoners"]
    assert naar_inwoners.sum() == verdeling["Naar inwoners"].sum()


def test_the_summary_shows_current_load_against_fair_share(hart_van_brabant):
    delen = hart_van_brabant.samenvatting().weergaven()
    assert any(isinstance(d, Image) and d.metadata["alt"].startswith("Huidige belasting tegen fair share")
               for d in delen)
