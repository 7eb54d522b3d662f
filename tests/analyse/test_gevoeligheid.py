"""The sensitivity reuses the central run's demand and supply where an assumption does not touch them: same gaps."""

import pandas as pd
import pytest

from tests.conftest import PARAMETERS
from woonzorg_lib.analyse.doorrekenen import analyseer
from woonzorg_lib.analyse.gevoeligheid import bereiken, geraakte_posten, gevoeligheid, regionaal_tekort
from woonzorg_lib.analyse.parameters import analysegebied, lees_parameterbestand
from woonzorg_lib.analyse.uitgangspunten import mutatiegraad_voor
from woonzorg_lib.model.aanbod import bereken_aanbod, confrontatie
from woonzorg_lib.model.vraag import bereken_vraag


@pytest.fixture(scope="module")
def ijmond():
    return analyseer(lees_parameterbestand(PARAMETERS / "ijmond.yaml").parameters)


def _van_voren_af(analyse, vervang):
    """The gap with everything computed anew, for the assumptions that only change kengetallen or supply."""
    p, regio = analyse.parameters, analysegebied(analyse.parameters)
    vast = {k: v for k, v in vervang.items() if k in analyse.kengetallen.index}
    vraag = bereken_vraag(analyse.invoer, analyse.kengetallen, [p.doeljaar], vast, spreidjaren=len(analyse.jaren))
    graad, herkomst = mutatiegraad_voor(p, regio, analyse.kengetallen, vervang)
    aandeel = vervang.get("aandeel_verhuringen_aandachtsgroepen", p.aandeel_verhuringen_aandachtsgroepen)
    aanbod = bereken_aanbod(analyse.invoer, pd.Index(regio.gemeentecodes), graad, aandeel, herkomst)
    return float(confrontatie(vraag[vraag["scenario"] == "midden"], aanbod)["tekort"].sum())


def test_every_kengetal_and_supply_assumption_gives_the_gap_of_a_run_from_scratch(ijmond):
    p = ijmond.parameters
    uitkomst = regionaal_tekort(ijmond.invoer, ijmond.kengetallen, p, analysegebied(p), ijmond.jaren, ijmond.editie)
    gedaan = 0
    for sleutel, bereik in bereiken(ijmond.kengetallen, p, ijmond.taakstelling).items():
        if sleutel in ("taakstelling_onbekend", "corporatieaandeel", "spreiding_dakloosheid"):
            continue  # they change the input rows themselves; the tornado test of the analysis covers them
        for waarde in (bereik.laag, bereik.hoog):
            assert uitkomst({sleutel: waarde}) == pytest.approx(_van_voren_af(ijmond, {sleutel: waarde}), abs=1e-9)
            gedaan += 1
    assert gedaan >= 20
    assert uitkomst({}) == pytest.approx(_van_voren_af(ijmond, {}), abs=1e-9)


def test_an_assumption_touches_only_the_posts_that_use_it():
    assert set(geraakte_posten({"huishoudgrootte_statushouders": 3.0})) == {
        "statushouders_taakstelling", "statushouders_achterstand"}
    assert set(geraakte_posten({"taakstelling_onbekend": 15000.0})) == {"statushouders_taakstelling"}
    assert set(geraakte_posten({"spreiding_dakloosheid": 1.0})) == {"dak_thuislozen"}
    assert geraakte_posten({"spreiding_dakloosheid": 0.0}) == {}  # 0: the defaults as they are
    assert geraakte_posten({"aandeel_verhuringen_aandachtsgroepen": 0.2, "corporatieaandeel": 0.9}) == {}


def test_the_stock_range_is_tried_only_where_a_stock_is_estimated(ijmond):
    # Every bundled stock is CBS's count: a ×0,90-1,10 province-share range on it would move nothing.
    p = ijmond.parameters
    argumenten = (ijmond.kengetallen, ijmond.taakstelling, ijmond.jaren)

    def aannames(invoer):
        return set(gevoeligheid(p, analysegebied(p), ijmond.editie, invoer, *argumenten)["aanname"])

    assert "corporatieaandeel" not in aannames(ijmond.invoer)
    geschat = ijmond.invoer.copy()
    geschat.loc[(geschat["onderwerp"] == "corporatiewoningen") & (geschat["gemeentecode"] == "GM0453"),
                "herkomst"] = "schatting"
    assert "corporatieaandeel" in aannames(geschat)


def test_concentrating_the_national_homeless_estimate_leaves_a_centrumregio_count_alone():
    from woonzorg_lib.analyse.gevoeligheid import _dakloosheid_geconcentreerd
    from woonzorg_lib.analyse.uitgangspunten import standaard_invoer_voor
    from woonzorg_lib.data.catalogus import laad_regio

    regio = laad_regio("mra")
    standaard = standaard_invoer_voor(regio)[0]
    geconcentreerd = _dakloosheid_geconcentreerd(standaard, standaard, regio)
    voor, na = (d[d["onderwerp"] == "dakloze_personen"].set_index("gemeentecode")["waarde"]
                for d in (standaard, geconcentreerd))
    # Amsterdam and Almere: a share of their centrumregio's monitor count, not of the national estimate.
    assert na["GM0363"] == voor["GM0363"] and na["GM0034"] == voor["GM0034"]
    # Haarlem (no count of its centrumregio): the national estimate, here with 38% in the G4, so less.
    assert na["GM0392"] < voor["GM0392"]
