"""The national catalogue: every gemeente in its centrumregio BW/MO and in its province, once."""

import pytest

from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.data.basis import gemeenten
from woonzorg_lib.data.catalogus import catalogus, centrumregios, laad_regio, provincies


@pytest.mark.parametrize("indeling", [centrumregios, provincies])
def test_every_gemeente_is_in_exactly_one_region_of_each_division(indeling):
    regios = indeling()
    codes = [c for r in regios.values() for c in r.gemeentecodes]
    assert len(codes) == 342 and set(codes) == set(gemeenten()["gemeentecode"])


def test_44_centrumregios_and_12_provinces():
    assert len(centrumregios()) == 44 and len(provincies()) == 12
    assert laad_regio("centrumregio-amsterdam").naam == "Centrumregio Amsterdam"
    assert laad_regio("provincie-utrecht").naam == "Provincie Utrecht"
    assert len(laad_regio("provincie-utrecht").gemeentecodes) == 26


@pytest.mark.parametrize(("sleutel", "centrumregio"), [
    ("regio-enschede", "centrumregio-enschede"),
    ("regio-groningen", "centrumregio-groningen"),
    ("parkstad-limburg", "centrumregio-heerlen"),
    ("hart-van-brabant", "centrumregio-tilburg"),
])
def test_the_four_regions_of_the_issue_equal_their_centrumregio(sleutel, centrumregio):
    assert set(laad_regio(sleutel).gemeentecodes) == set(laad_regio(centrumregio).gemeentecodes)


def test_the_catalogue_lists_every_region_with_its_source():
    regios = catalogus()
    assert {"mra", "centrumregio-amsterdam", "provincie-fryslan"} <= set(regios)
    assert all(r.bronnen for k, r in regios.items() if k.startswith(("centrumregio-", "provincie-")))
    assert "85755NED" in regios["centrumregio-amsterdam"].bronnen[0]


def test_a_province_is_divided_in_the_parts_of_its_centrumregios():
    gelderland = laad_regio("provincie-gelderland")
    assert "Apeldoorn" in gelderland.deelregios and "Nijmegen (deel)" in gelderland.deelregios
    limburg = laad_regio("provincie-limburg")
    assert limburg.deelregios["Nijmegen (deel)"] == ("GM0907", "GM0944")  # Gennep, Mook en Middelaar


def test_rijk_van_nijmegen_is_a_deelregio_of_arnhem_nijmegen():
    gmr = laad_regio("groene-metropoolregio-arnhem-nijmegen")
    assert set(gmr.deelregios["Rijk van Nijmegen"]) == {
        "GM1945", "GM0209", "GM0225", "GM0252", "GM0944", "GM0268", "GM0296"}
    assert len(gmr.gemeentecodes) == 18


def test_an_unknown_key_points_at_the_national_regions():
    with pytest.raises(WoonzorgFout, match="centrumregio-…"):
        laad_regio("centrumregio-atlantis")


def test_the_woningmarktregio_friesland_is_the_province_as_its_24_gemeenten_proposed_and_the_minister_fixed():
    friesland = laad_regio("woningmarktregio-friesland")
    assert friesland.naam == "Woningmarktregio Friesland"
    assert set(friesland.gemeentecodes) == set(provincies()["provincie-fryslan"].gemeentecodes)
    assert len(friesland.gemeentecodes) == 18 and "GM1900" in friesland.gemeentecodes  # Súdwest-Fryslân
    bronnen = " ".join(friesland.bronnen)
    assert "aedes.nl" in bronnen and "24 gemeenten" in bronnen and "omropfryslan.nl" in bronnen
    assert "Woningwet art. 41b" in friesland.notities[0]
    assert [k for k in catalogus() if k.startswith("woningmarktregio-")] == ["woningmarktregio-friesland"]


def test_a_woningmarktregio_from_the_catalogue_is_analysed_without_a_region_file():
    from woonzorg_lib.analyse.doorrekenen import analyseer
    from woonzorg_lib.analyse.parameters import valideer_parameters

    analyse = analyseer(valideer_parameters("woonzorganalyse", {"regio": "woningmarktregio-friesland"}))
    assert analyse.regio.naam == "Woningmarktregio Friesland" and len(analyse.verdeling) == 18
    with pytest.raises(WoonzorgFout, match="woningmarktregio-…"):
        laad_regio("woningmarktregio-atlantis")
