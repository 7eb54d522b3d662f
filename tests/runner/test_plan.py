"""The batch's plan: what it runs, and what it skips with a note, before any kernel starts."""

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
