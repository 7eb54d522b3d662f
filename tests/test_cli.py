import subprocess
import sys
from pathlib import Path

from tests.conftest import PARAMETERS, PROJECT
from woonzorg_lib.cli import main


def test_valideer_accepts_the_bundled_parameters(capsys):
    bestanden = sorted(str(p) for p in PARAMETERS.glob("*.yaml"))
    assert main(["valideer", *bestanden]) == 0
    assert "Alle 8 parameterbestanden zijn in orde." in capsys.readouterr().out


def test_valideer_reports_every_error_and_exits_2(schrijf, capsys):
    kapot = (PARAMETERS / "ijmond.yaml").read_text(encoding="utf-8")
    kapot = kapot.replace("peiljaar: 2025", "peijlaar: 2025").replace("scenario: midden", "scenario: 3")
    pad = schrijf("ijmond.yaml", kapot)
    assert main(["valideer", str(PARAMETERS / "mra.yaml"), str(pad)]) == 2
    uit = capsys.readouterr().out
    assert f"✗ {pad}" in uit
    assert "peijlaar: onbekende sleutel; bedoelde u 'peiljaar'?" in uit
    assert "scenario: verwacht een van 'laag', 'midden' of 'hoog', kreeg 3" in uit
    assert "1 van 2 parameterbestanden bevatten fouten." in uit


def test_data_shows_sources_and_catalogue(capsys):
    assert main(["data"]) == 0
    uit = capsys.readouterr().out
    for tekst in ("85984NED", "82900NED", "CC BY 4.0", "Regiocatalogus", "Hart van Brabant", "schatting"):
        assert tekst in uit


def test_data_check_for_the_mra_prints_exact_totals(capsys):
    assert main(["data", "--regio", "mra"]) == 0
    uit = capsys.readouterr().out
    assert "2.607.523" in uit  # inwoners of the 30 gemeenten on 1-1-2024
    assert "1.222.775" in uit  # their woningvoorraad
    assert "399.130" in uit  # their corporation dwellings (CBS 82900NED, 1-1-2024)
    assert "totaal Zaanstreek-Waterland" in uit
    tekst = " ".join(uit.split())  # the console wraps long sources
    assert "de eigen CBS-telling van de gemeente" in tekst and "provincie Noord-Holland" not in tekst


def test_unknown_region_is_a_dutch_error(capsys):
    assert main(["data", "--regio", "mrx"]) == 2
    assert "onbekende regio 'mrx'" in capsys.readouterr().err


def test_console_script_gives_no_traceback(schrijf):
    """The installed ``woonzorg`` script, beside this interpreter, as an analyst runs it."""
    script = Path(sys.executable).parent / "woonzorg"
    pad = schrijf("p.yaml", "notebook: woonzorganalyse\nregio: mra\nregio: mra\n")
    klaar = subprocess.run([str(script), "valideer", str(pad)], capture_output=True, text=True, cwd=PROJECT)
    assert klaar.returncode == 2
    assert "sleutel 'regio' staat er twee keer in" in klaar.stdout
    assert "Traceback" not in klaar.stdout + klaar.stderr


def test_a_terminal_without_utf8_gets_the_message_not_a_unicode_error(schrijf):
    """A latin-1 terminal (or log file) has no ✗: it gets '?' and the Dutch message, exit 2, no traceback."""
    import os

    script = Path(sys.executable).parent / "woonzorg"
    pad = schrijf("Súdwest.yaml", "notebook: woonzorganalyse\nregio: mra\nregio: mra\n")
    klaar = subprocess.run([str(script), "valideer", str(pad)], capture_output=True, cwd=PROJECT, check=False,
                           env=os.environ | {"PYTHONIOENCODING": "latin-1"})
    uit = klaar.stdout.decode("latin-1")
    assert klaar.returncode == 2 and "Traceback" not in uit + klaar.stderr.decode("latin-1")
    assert uit.startswith("? ") and "Súdwest.yaml" in uit and "sleutel 'regio' staat er twee keer in" in uit


def test_module_runs_as_a_script():
    klaar = subprocess.run([sys.executable, "-m", "woonzorg_lib.cli", "--versie"], capture_output=True, text=True)
    assert klaar.returncode == 0
    assert klaar.stdout.startswith("woonzorg ")


def test_invoer_sjabloon_and_analyse_from_the_command_line(tmp_path, capsys):
    pad = tmp_path / "ijmond.xlsx"
    assert main(["invoer-sjabloon", str(PARAMETERS / "ijmond.yaml"), str(pad)]) == 0
    assert pad.is_file()
    assert main(["analyse", str(PARAMETERS / "ijmond.yaml")]) == 0
    uit = capsys.readouterr().out
    for tekst in ("Vraag per jaar in woningen — IJmond", "Statushouders", "Confrontatie", "Fair share", "Gevoeligheid",
                  "Geen gegevens voor Uitstroom maatschappelijke opvang"):
        assert tekst in uit


def test_a_bad_workbook_gets_dutch_errors_from_valideer_without_traceback(tmp_path):
    from openpyxl import load_workbook

    sjabloon = tmp_path / "ijmond.xlsx"
    assert main(["invoer-sjabloon", str(PARAMETERS / "ijmond.yaml"), str(sjabloon)]) == 0
    werkmap = load_workbook(sjabloon)
    blad = werkmap["invoer"]
    blad["A2"] = "GM9999"
    blad["I3"] = "-3"
    werkmap.save(sjabloon)
    parameters = tmp_path / "ijmond.yaml"
    parameters.write_text(
        (PARAMETERS / "ijmond.yaml").read_text(encoding="utf-8").replace("invoer: null", "invoer: ijmond.xlsx"),
        encoding="utf-8",
    )
    script = Path(sys.executable).parent / "woonzorg"
    for opdracht in ("valideer", "analyse"):
        klaar = subprocess.run([str(script), opdracht, str(parameters)], capture_output=True, text=True)
        uitvoer = klaar.stdout + klaar.stderr
        assert klaar.returncode == 2, uitvoer
        assert "blad 'invoer', rij 2, kolom 'gemeentecode': gemeente 'GM9999' hoort niet bij deze regio" in uitvoer
        assert "blad 'invoer', rij 3, kolom 'lokaal': mag niet negatief zijn, kreeg -3" in uitvoer
        assert "Traceback" not in uitvoer


def test_invoer_sjabloon_refuses_another_file_type(tmp_path, capsys):
    assert main(["invoer-sjabloon", str(PARAMETERS / "ijmond.yaml"), str(tmp_path / "x.ods")]) == 2
    assert "eindigt op .xlsx of .csv" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_mistake_in_the_command_is_told_in_dutch(capsys):
    import pytest

    with pytest.raises(SystemExit) as uit:
        main(["batch", "--paralel", "2"])
    assert uit.value.code == 2
    fout = capsys.readouterr().err
    assert "Fout in de opdracht: onbekende argumenten: --paralel" in fout and "Traceback" not in fout


def test_an_output_path_that_is_a_file_gets_a_dutch_message_and_nothing_runs(tmp_path, capsys):
    bestand = tmp_path / "uit"
    bestand.write_text("geen map", encoding="utf-8")
    assert main(["run", str(PARAMETERS / "ijmond.yaml"), "--uitvoer", str(bestand)]) == 2
    assert "is een bestand, geen map" in capsys.readouterr().err
    assert bestand.read_text(encoding="utf-8") == "geen map"


def test_valideer_names_the_region_file_that_holds_the_error(schrijf, capsys):
    regio = schrijf("regio.yaml", "naam: Test\ndeelregios:\n  - naam: A\n    gemeenten: [GM9999, GM0375]\n")
    parameters = schrijf("p.yaml", f"notebook: woonzorganalyse\nregio: {regio}\n")
    assert main(["valideer", str(parameters)]) == 2
    assert f"in {regio}, deelregio 'A': gemeente GM9999 bestaat niet" in capsys.readouterr().out


def test_help_is_dutch_for_every_command(capsys):
    import pytest

    from woonzorg_lib.cli import _parser

    opdrachten = [a for a in _parser()._subparsers._group_actions[0].choices]
    for opdracht in [None, *opdrachten]:
        with pytest.raises(SystemExit) as uit:
            main(["--help"] if opdracht is None else [opdracht, "--help"])
        assert uit.value.code == 0
        hulp = capsys.readouterr().out
        assert hulp.startswith("Gebruik: woonzorg") and "toon deze hulp en stop" in hulp, opdracht
        for engels in ("usage:", "options:", "positional arguments", "show this help", "show program"):
            assert engels not in hulp, (opdracht, engels)


def test_valideer_skips_a_region_file_beside_the_parameter_files(capsys):
    voorbeelden = sorted(str(p) for p in (PARAMETERS / "voorbeelden").glob("*.yaml"))
    assert main(["valideer", *voorbeelden]) == 0
    uit = capsys.readouterr().out
    assert "gemeente-utrecht.yaml is een regiobestand, geen parameterbestand" in uit
    assert "Het parameterbestand is in orde." in uit


def test_valideer_refuses_a_key_without_figures_for_the_region_before_any_run(schrijf, capsys):
    """The run would fail in the notebook; valideer (and the batch's plan) say so first, naming file and key."""
    pad = schrijf("p.yaml", "notebook: woonzorganalyse\nregio: hart-van-brabant\nverdeelsleutels:\n"
                            "  Naar huishoudens:\n    huishoudens: 1\n  Inwoners:\n    inwoners: 1\n")
    assert main(["valideer", str(pad)]) == 2
    uit = capsys.readouterr().out
    verwacht = ("verdeelsleutels.Naar huishoudens.huishoudens: deze sleutel vraagt 'Particuliere huishoudens' voor "
                "elke gemeente van Hart van Brabant uit het invoerformat, maar er is geen invoerformat")
    assert verwacht in uit.replace("\n    ", " ")
    assert "Inwoners" not in uit.split("huishoudens:")[0]


def test_parallel_below_one_is_refused_before_anything_waits(capsys):
    import pytest

    for waarde in ("0", "-3", "twee"):
        with pytest.raises(SystemExit) as uit:
            main(["batch", "--parallel", waarde])
        assert uit.value.code == 2
        fout = capsys.readouterr().err
        assert "--parallel" in fout and ("moet minstens 1 zijn" in fout or "verwacht een geheel getal" in fout)


def test_the_codes_the_example_region_file_points_to_are_listed_where_it_says(capsys):
    """The example region file tells where codes are: that command lists them (GM0344 Utrecht among 342)."""
    import re

    tekst = (PARAMETERS / "voorbeelden" / "gemeente-utrecht.yaml").read_text(encoding="utf-8")
    opdrachten = re.findall(r"`woonzorg ([^`]+)`", tekst)
    assert opdrachten and "docs/bronnen.md" not in tekst
    for opdracht in opdrachten:
        assert main(opdracht.split()) == 0
        uit = capsys.readouterr().out
        assert re.search(r"GM0344 +│ Utrecht +│ Utrecht", uit), uit[:2000]
        if opdracht == "data gemeenten":
            assert "342 van de 342 gemeenten" in uit and "GM0363" in uit
    assert main(["data", "gemeenten", "fryslân"]) == 0  # a search: part of a name, code or provincie
    uit = capsys.readouterr().out
    assert "GM1900" in uit and "Súdwest-Fryslân" in uit and "GM0363" not in uit


def test_valideer_takes_a_folder_as_batch_does(capsys):
    assert main(["valideer", str(PARAMETERS / "voorbeelden")]) == 0
    uit = capsys.readouterr().out
    assert "utrecht.yaml (woonzorganalyse)" in uit and "Overgeslagen:" in uit and "Het parameterbestand is in orde." in uit
