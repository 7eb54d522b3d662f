"""The national batch: which runs a province or the country gets, their parameter files, the overview by province."""

import html as html_
import os
import re
import shutil

import pandas as pd
import pytest
from rich.console import Console

from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.algemeen.opmaak import procent
from woonzorg_lib.analyse.parameters import lees_parameterbestand
from woonzorg_lib.cli import main
from woonzorg_lib.data.catalogus import provincies
from woonzorg_lib.runner import landkaart
from woonzorg_lib.runner.landelijk import (
    OVERZICHT,
    landelijke_batch,
    parameterbestanden,
    schrijf_overzicht,
    selectie,
)


def test_the_country_is_44_centrumregios_and_12_province_overviews():
    runs = selectie(None)
    assert sum(n == "woonzorganalyse" for n, _ in runs) == 44
    assert [k for n, k in runs if n == "regio-overzicht"][:2] == ["provincie-drenthe", "provincie-flevoland"]
    assert len(runs) == 56


def test_a_province_gets_every_centrumregio_with_one_of_its_gemeenten_and_its_overview():
    runs = selectie("limburg")
    regios = {k for n, k in runs if n == "woonzorganalyse"}
    assert {"centrumregio-heerlen", "centrumregio-maastricht", "centrumregio-venlo", "centrumregio-nijmegen"} <= regios
    assert ("regio-overzicht", "provincie-limburg") in runs


def test_an_unknown_province_is_named_with_a_suggestion():
    with pytest.raises(WoonzorgFout, match="onbekende provincie 'Utreht'; bedoelde u 'Utrecht'"):
        selectie("Utreht")


def test_the_parameter_files_are_valid_and_stay_the_same(tmp_path):
    paden = parameterbestanden(tmp_path, "Utrecht")
    assert all(p.parent == tmp_path / ".landelijk" for p in paden)
    eerst = {p: p.stat().st_mtime_ns for p in paden}
    for pad in paden:
        lees_parameterbestand(pad)
    assert {p: p.stat().st_mtime_ns for p in parameterbestanden(tmp_path, "Utrecht")} == eerst


def test_the_overview_lists_every_province_and_its_regions(tmp_path):
    html = schrijf_overzicht(tmp_path).read_text(encoding="utf-8")
    assert (tmp_path / OVERZICHT).is_file()
    assert html.count("<h2 ") == 1 + 12 and 'id="provincie-fryslan">Provincie Fryslân' in html
    assert "Centrumregio Leeuwarden" in html and "niet in deze map" in html


def test_batch_refuses_files_and_land_together(tmp_path, capsys):
    assert main(["batch", "--land", "parameters/mra.yaml", "--uitvoer", str(tmp_path)]) == 2
    assert "niet beide" in capsys.readouterr().err
    assert main(["batch", "--provincie", "Atlantis", "--uitvoer", str(tmp_path)]) == 2
    assert "onbekende provincie 'Atlantis'" in capsys.readouterr().err


def test_the_national_plan_holds_many_regions_in_one_folder_where_a_normal_batch_refuses_them(tmp_path):
    """One output folder holds one region (a batch mixing regions is refused), but the national run's folder holds
    every region by design: each is a run of its own, ordered by landelijk.html."""
    from woonzorg_lib.runner.batch import plan

    bestanden = parameterbestanden(tmp_path, "Flevoland")
    taken = plan(bestanden, tmp_path, een_regio=False)
    assert len({t.regio for t in taken}) == len(taken) >= 2
    with pytest.raises(WoonzorgFout, match="één uitvoermap"):
        plan(bestanden, tmp_path)


def test_the_national_table_holds_every_gemeente_once_and_none_is_0_without_a_run(tmp_path):
    per_provincie, jaren = landkaart.gemeenten(tmp_path)
    codes = [g.code for rijen in per_provincie.values() for g in rijen]
    assert len(codes) == len(set(codes)) == 342 and next(iter(per_provincie)) == "Provincie Drenthe"
    assert jaren == []
    assert {(g.tekst, g.herkomst, tuple(g.links)) for rijen in per_provincie.values() for g in rijen} == {
        ("n.b.", "geen gegevens", ())}


@pytest.fixture(scope="module")
def flevoland(tmp_path_factory):
    """A province run: Centrumregio Almere (the 6 gemeenten of Flevoland) and the province's overview."""
    map_ = tmp_path_factory.mktemp("flevoland")
    with open(os.devnull, "w") as stil:
        resultaten, _, overzicht = landelijke_batch(map_, "Flevoland", console=Console(file=stil))
    assert {r.status for r in resultaten} == {"geslaagd"}, [r.melding for r in resultaten]
    return map_, overzicht.read_text(encoding="utf-8")


def test_a_province_run_makes_one_factsheet_and_vhp_chapter_per_gemeente_each_linked_once(flevoland):
    map_, pagina = flevoland
    bladen = sorted(p.relative_to(map_).as_posix() for p in map_.glob("*/factsheet-*.html"))
    hoofdstukken = sorted(p.relative_to(map_).as_posix() for p in map_.glob("*/vhp-*.html"))
    assert len(bladen) == len(hoofdstukken) == len(provincies()["provincie-flevoland"].gemeentecodes) == 6
    assert all(p.startswith("centrumregio-almere/") for p in bladen + hoofdstukken)  # none from the province run
    links = re.findall(r'href="\./([^"#]+)"', pagina)
    assert {p: links.count(p) for p in bladen + hoofdstukken} == dict.fromkeys(bladen + hoofdstukken, 1)
    assert sum("/factsheet-" in p and p.endswith(".html") for p in links) == 6
    assert sum("/vhp-" in p and p.endswith(".html") for p in links) == 6
    assert "6 factsheets" in pagina
    index = (map_ / "index.html").read_text(encoding="utf-8")
    assert sum(f'href="./{p}"' in index for p in bladen) == 6 and index.count("/factsheet-") == 6 * 2  # web, PDF


def _rij(pagina: str, gemeente: str) -> tuple[str, str]:
    """The claim and tier a row of the national table shows."""
    gevonden = re.search(rf'<th scope="row">{re.escape(gemeente)}<span class="herkomst">[^<]*</span></th>\s*'
                         r'<td class="getal">([^<]*)<span class="herkomst">([^<]*)</span>', pagina)
    assert gevonden, gemeente
    return gevonden.group(1), html_.unescape(gevonden.group(2)).strip()


def test_the_map_and_table_show_the_claim_the_centrumregio_run_published(flevoland):
    map_, pagina = flevoland
    kern = pd.read_csv(map_ / "centrumregio-almere" / "kerncijfers.csv", dtype=str, keep_default_na=False)
    claims = kern[(kern["indicator"] == "claim") & (kern["scenario"] == "midden") & (kern["jaar"] == "2025")
                  & (kern["gemeentecode"] != "")]
    assert len(claims) == 6
    for _, r in claims.iterrows():
        assert _rij(pagina, r["gemeente"]) == (procent(float(r["waarde"])), f"●○○ {r['herkomst']}"
                                               if r["herkomst"] == "aanname" else r["herkomst"])
    assert _rij(pagina, "Amsterdam") == ("n.b.", "geen gegevens")  # no run of its region here: never 0
    assert re.search(r'<img src="data:image/svg\+xml;base64,[^"]+" alt="Kaart van Nederland met de 342 gemeenten',
                     pagina)
    assert "336 zonder gegevens" in pagina


def test_a_hidden_claim_stays_hidden_and_an_empty_one_is_no_figure(flevoland, tmp_path):
    bron, _ = flevoland
    shutil.copytree(bron / "centrumregio-almere", tmp_path / "centrumregio-almere")
    pad = tmp_path / "centrumregio-almere" / "kerncijfers.csv"
    kern = pd.read_csv(pad, dtype=str, keep_default_na=False)
    rij = (kern["indicator"] == "claim") & (kern["scenario"] == "midden") & (kern["jaar"] == "2025")
    kern.loc[rij & (kern["gemeente"] == "Urk"), "waarde"] = "."
    kern.loc[rij & (kern["gemeente"] == "Zeewolde"), "waarde"] = ""
    kern.to_csv(pad, index=False)
    pagina = schrijf_overzicht(tmp_path).read_text(encoding="utf-8")
    assert _rij(pagina, "Urk") == (".", "●○○ aanname")
    assert _rij(pagina, "Zeewolde") == ("n.b.", "geen gegevens")
    assert "1 afgeschermd, 337 zonder gegevens" in pagina


def test_the_national_overview_has_zero_aa_violations_on_a_screen_and_a_phone(flevoland):
    from tests.axe import CHROMIUM, browser, overtredingen

    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    map_, _ = flevoland
    with browser() as chromium:
        assert {b: overtredingen(chromium, map_ / OVERZICHT, b) for b in (1280, 360)} == {1280: [], 360: []}
