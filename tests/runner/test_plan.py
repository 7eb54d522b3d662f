"""The batch's plan: what it runs, and what it skips with a note, before any kernel starts."""

import shutil

import pytest

from tests.conftest import PARAMETERS
from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.runner.batch import plan


def test_a_region_file_among_the_parameter_files_is_skipped_with_a_note(tmp_path):
    """woonzorg batch parameters/voorbeelden/*.yaml: the glob picks up the region file beside the parameter file."""
    notities: list[str] = []
    taken = plan(sorted((PARAMETERS / "voorbeelden").glob("*.yaml")), tmp_path, notities.append)
    assert [t.naam for t in taken] == ["utrecht"]
    assert notities == [f"Overgeslagen: {PARAMETERS / 'voorbeelden' / 'gemeente-utrecht.yaml'} is een regiobestand, "
                        "geen parameterbestand."]


def test_only_region_files_is_no_batch(tmp_path):
    with pytest.raises(WoonzorgFout, match="geen parameterbestanden opgegeven"):
        plan([PARAMETERS / "voorbeelden" / "gemeente-utrecht.yaml"], tmp_path)


def test_a_key_without_figures_stops_the_plan_not_a_notebook(schrijf, tmp_path):
    pad = schrijf("p.yaml", "notebook: woonzorganalyse\nregio: mra\ndeelregio: IJmond\nverdeelsleutels:\n"
                            "  Draagkracht:\n    draagkracht: 1\n")
    with pytest.raises(WoonzorgFout) as fout:
        plan([pad], tmp_path)
    assert [m.plek for m in fout.value.meldingen] == ["verdeelsleutels.Draagkracht.draagkracht"]
    assert fout.value.meldingen[0].bestand == str(pad)


@pytest.mark.parametrize("inhoud", ['{"cells": [', "<<<<<<< HEAD\n{}\n", "", '{"metadata": {}}', "\udcff"])
def test_a_damaged_notebook_is_a_dutch_error_naming_it(inhoud, tmp_path, monkeypatch, capsys):
    """A merge conflict or a half-saved file in notebooks/: 'woonzorg run' names the notebook, no traceback."""
    from woonzorg_lib.cli import main

    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    notebook = notebooks / "woonzorganalyse.ipynb"
    notebook.write_bytes(inhoud.encode("utf-8", "surrogateescape"))
    monkeypatch.setattr("woonzorg_lib.runner.batch.NOTEBOOK_MAP", notebooks)
    assert main(["run", str(PARAMETERS / "ijmond.yaml"), "--uitvoer", str(tmp_path / "uit")]) == 2
    fout = capsys.readouterr().err
    assert f"{notebook}: het notebook is beschadigd" in fout and "zet het terug uit git" in fout
    assert not (tmp_path / "uit").exists()  # nothing started


def test_an_unknown_data_edition_names_the_parameter_file(schrijf, tmp_path):
    """Among several parameter files, the one with the unknown edition is named (and its key)."""
    goed = PARAMETERS / "ijmond.yaml"
    fout_pad = schrijf("zaanstreek.yaml", (PARAMETERS / "zaanstreek-waterland.yaml").read_text(encoding="utf-8")
                       + "\ndata_editie: 2019-01-01T000000\n")
    with pytest.raises(WoonzorgFout) as fout:
        plan([goed, fout_pad], tmp_path)
    (melding,) = fout.value.meldingen
    assert (melding.bestand, melding.plek) == (str(fout_pad), "data_editie")
    assert "data-editie '2019-01-01T000000' bestaat niet" in melding.tekst
    assert str(fout_pad) in str(fout.value)


@pytest.mark.parametrize(("naam", "map_"), [
    ("mijn regio", "mijn-regio"), ("Súdwest-Fryslân", "sudwest-fryslan"), ("zuid-kennemerland", "zuid-kennemerland"),
    ("Gooi & Vechtstreek (2026)", "gooi-vechtstreek-2026"), ("a#b", "a-b"), ("rapport.", "rapport"),
    (".logboek", "logboek"), ("Ærø ß", "aero-ss"), ("v1.2_concept", "v1.2_concept"), ("L" * 130, "l" * 120),
])
def test_a_parameter_file_name_users_write_gets_a_safe_output_folder(naam, map_, tmp_path):
    """Spaces, accents and signs in the file name: the output folder is a plain name derived from it."""
    pad = tmp_path / f"{naam}.yaml"
    pad.write_text((PARAMETERS / "ijmond.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    notities: list[str] = []
    [taak] = plan([pad], tmp_path / "uit", notities.append)
    assert taak.naam == map_
    assert notities == ([] if naam == map_ else [f"{pad}: uitvoermap {tmp_path / 'uit' / map_}"])


def test_two_files_that_get_the_same_output_folder_are_refused_naming_both(tmp_path):
    paden = [tmp_path / "Mijn Regio.yaml", tmp_path / "mijn-regio.yaml"]
    for pad in paden:
        pad.write_text((PARAMETERS / "ijmond.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(WoonzorgFout) as fout:
        plan(paden, tmp_path / "uit")
    (melding,) = fout.value.meldingen
    assert melding.bestand == str(paden[1])
    assert melding.tekst == (f"krijgt dezelfde uitvoermap 'mijn-regio' als {paden[0]}: de uitvoer zou elkaar "
                             "overschrijven; geef een van beide een andere naam")


def _eigen_regio(map_, naam: str = "analyse.yaml"):
    """An own region in its own folder, as the README says: the region file and a parameter file beside it."""
    map_.mkdir(parents=True, exist_ok=True)
    (map_ / "regio.yaml").write_text("naam: Gemeente Utrecht\ngemeenten: [GM0344]\n", encoding="utf-8")
    (map_ / naam).write_text("notebook: woonzorganalyse\nregio: regio.yaml\n", encoding="utf-8")
    return map_ / naam


def test_a_folder_of_an_own_region_is_a_batch(tmp_path):
    """woonzorg batch parameters/mijn-regio: its parameter files, its region file skipped with a note."""
    _eigen_regio(tmp_path / "mijn-regio")
    notities: list[str] = []
    taken = plan([tmp_path / "mijn-regio"], tmp_path / "uit", notities.append)
    assert [t.naam for t in taken] == ["analyse"] and taken[0].regio == "Gemeente Utrecht"
    assert notities == [(f"Overgeslagen: {tmp_path / 'mijn-regio' / 'regio.yaml'} is een regiobestand, "
                         "geen parameterbestand.")]


def test_runs_of_two_regions_in_one_output_folder_are_refused(tmp_path):
    """An own region's file in parameters/ would land in the MRA's index: one region per output folder."""
    eigen = _eigen_regio(tmp_path / "parameters", "utrecht.yaml")
    with pytest.raises(WoonzorgFout) as fout:
        plan([PARAMETERS / "ijmond.yaml", eigen], tmp_path / "uit")
    (melding,) = fout.value.meldingen
    assert melding.bestand == str(eigen)
    assert melding.tekst == (
        f"rekent voor de regio Gemeente Utrecht, {PARAMETERS / 'ijmond.yaml'} voor Metropoolregio Amsterdam (MRA): één "
        "uitvoermap (en één overzicht) hoort bij één regio. Zet een eigen regio in een eigen map en draai die apart, "
        f"bijvoorbeeld: woonzorg batch {eigen.parent} --uitvoer outputs/gemeente-utrecht")


def test_a_run_into_an_output_folder_of_another_region_is_refused(tmp_path):
    uit = tmp_path / "outputs"
    (uit / "ijmond").mkdir(parents=True)
    (uit / "ijmond" / "manifest.json").write_text('{"regio": "Metropoolregio Amsterdam (MRA)"}', encoding="utf-8")
    eigen = _eigen_regio(tmp_path / "mijn-regio")
    with pytest.raises(WoonzorgFout) as fout:
        plan([eigen], uit)
    (melding,) = fout.value.meldingen
    assert melding.bestand == str(eigen)
    assert melding.tekst == (
        f"rekent voor de regio Gemeente Utrecht, maar {uit} bevat rapporten van Metropoolregio Amsterdam (MRA) "
        "(ijmond): één uitvoermap (en één overzicht) hoort bij één regio; kies een eigen map, bijvoorbeeld "
        "--uitvoer outputs/gemeente-utrecht")
    assert [t.naam for t in plan([eigen], tmp_path / "eigen")] == ["analyse"]


def test_an_own_region_beside_the_mra_files_is_told_to_move_to_a_folder_of_its_own(tmp_path):
    parameters = tmp_path / "parameters"
    parameters.mkdir()
    shutil.copy(PARAMETERS / "ijmond.yaml", parameters / "ijmond.yaml")
    eigen = _eigen_regio(parameters / "utrecht", "../utrecht.yaml")
    eigen.write_text("notebook: woonzorganalyse\nregio: utrecht/regio.yaml\n", encoding="utf-8")
    with pytest.raises(WoonzorgFout) as fout:
        plan(sorted(parameters.glob("*.yaml")), tmp_path / "uit")
    assert str(fout.value).endswith(f"bijvoorbeeld: verplaats het naar {parameters / 'gemeente-utrecht'}/ en draai "
                                    f"woonzorg batch {parameters / 'gemeente-utrecht'} --uitvoer outputs/gemeente-utrecht")
