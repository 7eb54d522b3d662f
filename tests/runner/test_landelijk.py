"""The national batch: which runs a province or the country gets, their parameter files, the overview by province."""

import pytest

from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.analyse.parameters import lees_parameterbestand
from woonzorg_lib.cli import main
from woonzorg_lib.runner.landelijk import OVERZICHT, parameterbestanden, schrijf_overzicht, selectie


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
