"""The notebooks: thin, committed without outputs, their parameters the model's, executable as is."""

import json
import re

import papermill
import pytest
from papermill.exceptions import PapermillExecutionError

from tests.conftest import vastgelegd
from tests.rapport.conftest import NOTEBOOKS, voer_uit
from woonzorg_lib.analyse.parameters import SJABLONEN
from woonzorg_lib.rapport.export import exporteer_html
from woonzorg_lib.rapport.uitvoer import UITVOERMAP

SJABLOON = {"woonzorganalyse": "woonzorganalyse", "regio-overzicht": "regio-overzicht", "verkenner": "woonzorganalyse"}


@pytest.mark.parametrize("notebook", sorted(SJABLOON))
def test_parameter_cell_names_equal_the_model_fields(notebook):
    gevonden = papermill.inspect_notebook(str(NOTEBOOKS / f"{notebook}.ipynb"))
    # where the batch has a report's files written, and the template a parameter file names (papermill -f passes it)
    run = [UITVOERMAP, "notebook"] if notebook != "verkenner" else []
    assert sorted(gevonden) == sorted([*SJABLONEN[SJABLOON[notebook]].model_fields, *run])
    assert all(p["help"] for p in gevonden.values()), "every parameter explains itself"


@pytest.mark.parametrize("notebook", ["woonzorganalyse", "regio-overzicht"])
def test_the_parameter_cell_defaults_are_the_models(notebook):
    """A key a parameter file leaves out means the same with 'woonzorg run' and with 'papermill -f': the default."""
    import ast

    gevonden = papermill.inspect_notebook(str(NOTEBOOKS / f"{notebook}.ipynb"))
    for naam, veld in SJABLONEN[notebook].model_fields.items():
        if not veld.is_required():
            assert ast.literal_eval(gevonden[naam]["default"]) == veld.get_default(call_default_factory=True), naam


@pytest.mark.parametrize("notebook", sorted(SJABLOON))
def test_committed_without_outputs_and_thin(notebook):
    """The committed version (git HEAD), whatever JupyterLab saved in the working copy."""
    nb = json.loads(vastgelegd(f"notebooks/{notebook}.ipynb").decode("utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c["outputs"] and c["execution_count"] is None for c in code)
    for cel in code:
        regels = [r for r in "".join(cel["source"]).splitlines() if r.strip() and not r.startswith("#")]
        if "parameters" not in cel["metadata"].get("tags", []):
            assert len(regels) <= 4, f"a cell calls the library and shows the result: {regels}"
    assert nb["metadata"]["kernelspec"]["name"] == "woonzorg"


def test_every_notebook_runs_on_the_bundled_default(uitgevoerd):
    for naam, (nb, _) in uitgevoerd.items():
        fouten = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
        assert not fouten, naam
    analyse = uitgevoerd["woonzorganalyse"][0]
    plaatjes = [o for c in analyse.cells if c.cell_type == "code" for o in c.outputs if "image/png" in o.get("data", {})]
    assert len(plaatjes) >= 7  # an eighth, current load against fair share, only with a current load entered


@pytest.mark.parametrize("notebook", ["woonzorganalyse", "regio-overzicht"])
def test_exported_report_has_no_code_no_parameters_no_network_and_stays_small(uitgevoerd, notebook):
    nb, parameters = uitgevoerd[notebook]
    html = exporteer_html(nb, parameters)
    assert len(html.encode()) <= 3 * 1024 * 1024  # the maps are vector graphics (SVG): sharp in print
    assert "injected-parameters" not in html and "hl-ipython3" not in html  # no code cell input
    for code in ("Rapport.uit_notebook", "rapport.samenvatting()", "rapport.bewaar", "uitvoermap", "peiljaar: int ="):
        assert code not in html
    bronnen = re.findall(r"<(?:script|link|img)\b[^>]*?(?:src|href)\s*=\s*[\"']?([^\"' >]+)", html, flags=re.I)
    assert bronnen and not [b for b in bronnen if re.match(r"(?i)\s*(https?:)?//", b)]
    assert "<script" not in html.lower()
    assert html.count('src="data:image/png;base64') >= 6
    assert 'alt="No description' not in html and 'alt="Fair share per' in html
    assert "Bestuurlijke samenvatting" in html and "Verantwoording" in html
    assert 'class="wz-inhoud"' in html and 'class="wz-voet"' in html


def test_a_wrong_parameter_stops_the_notebook_with_a_dutch_message(tmp_path):
    with pytest.raises(PapermillExecutionError) as fout:
        voer_uit("woonzorganalyse", {"regio": "mra", "deelregio": "Ijmond"}, tmp_path)
    assert fout.value.ename == "WoonzorgFout"
    assert "'Ijmond' is geen deelregio van Metropoolregio Amsterdam (MRA); bedoelde u 'IJmond'?" in fout.value.evalue


def test_a_parameter_file_of_the_other_template_is_a_dutch_error(tmp_path):
    """papermill notebooks/woonzorganalyse.ipynb uit.ipynb -f parameters/mra.yaml: the wrong notebook for that file."""
    with pytest.raises(PapermillExecutionError) as fout:
        voer_uit("woonzorganalyse", {"notebook": "regio-overzicht", "regio": "mra"}, tmp_path)
    assert fout.value.ename == "WoonzorgFout"
    assert ("notebook: het parameterbestand is voor het sjabloon 'regio-overzicht', dit is notebooks/woonzorganalyse.ipynb; "
            "draai notebooks/regio-overzicht.ipynb (of woonzorg run)") in fout.value.evalue


def test_text_from_input_files_is_escaped(tmp_path):
    regio = tmp_path / "regio.yaml"
    regio.write_text('naam: "<script>alert(1)</script> & <b>Regio</b>"\ngemeenten: [GM0344]\n', encoding="utf-8")
    parameters = {"regio": str(regio), "deelregio": None}
    html = exporteer_html(voer_uit("woonzorganalyse", parameters, tmp_path), {**parameters, "peiljaar": 2024})
    assert "<script" not in html.lower() and "<b>Regio</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;Regio&lt;/b&gt;" in html


def test_runs_with_the_plain_papermill_cli_and_a_parameter_file(tmp_path):
    """As the README shows: papermill notebooks/woonzorganalyse.ipynb out.ipynb -f parameters/<deelregio>.yaml."""
    import subprocess
    import sys
    from pathlib import Path

    from tests.conftest import PARAMETERS, PROJECT

    uit = tmp_path / "uit.ipynb"
    klaar = subprocess.run(
        [str(Path(sys.executable).parent / "papermill"), "notebooks/woonzorganalyse.ipynb", str(uit),
         "-f", str(PARAMETERS / "zaanstreek-waterland.yaml"), "--no-progress-bar"],
        cwd=PROJECT, capture_output=True, text=True,
    )
    assert klaar.returncode == 0, klaar.stderr[-2000:]
    tekst = uit.read_text(encoding="utf-8")
    assert "Zaanstreek-Waterland" in tekst and '"output_type": "error"' not in tekst
    assert not list(tmp_path.glob("*.csv")) and not list(PROJECT.glob("kerncijfers.csv"))  # no folder: no files


def test_with_an_output_folder_the_plain_papermill_cli_writes_the_runs_files(tmp_path):
    """The one path by which a run's files leave the notebook: the parameter uitvoermap, as the batch passes it."""
    import subprocess
    import sys
    from pathlib import Path

    from tests.conftest import PARAMETERS, PROJECT

    klaar = subprocess.run(
        [str(Path(sys.executable).parent / "papermill"), "notebooks/woonzorganalyse.ipynb", str(tmp_path / "uit.ipynb"),
         "-f", str(PARAMETERS / "ijmond.yaml"), "-p", UITVOERMAP, str(tmp_path / "ijmond"), "--no-progress-bar"],
        cwd=PROJECT, capture_output=True, text=True, timeout=600,
    )
    assert klaar.returncode == 0, klaar.stderr[-2000:]
    samenvatting = json.loads((tmp_path / "ijmond" / "samenvatting.json").read_text(encoding="utf-8"))
    assert samenvatting["gebied"] == "IJmond"
    bestanden = {p.name for p in (tmp_path / "ijmond").iterdir()}
    assert {"tabellen.xlsx", "kerncijfers.csv", *(f["bestand"] for f in samenvatting["factsheets"])} <= bestanden
    assert [f["gemeente"] for f in samenvatting["factsheets"]] == ["Beverwijk", "Heemskerk", "Uitgeest", "Velsen"]


@pytest.mark.parametrize("notebook", sorted(SJABLOON))
def test_the_output_filter_gives_back_the_committed_notebook_from_what_jupyterlab_saves(notebook):
    """git stores a notebook through tools/nbschoon.py (.gitattributes): what JupyterLab saved goes in unchanged."""
    import subprocess
    import sys

    from tests.conftest import PROJECT

    assert "*.ipynb filter=nbschoon" in (PROJECT / ".gitattributes").read_text(encoding="utf-8")
    vastgelegd_nb = vastgelegd(f"notebooks/{notebook}.ipynb").decode("utf-8")
    nb = json.loads(vastgelegd_nb)
    for nummer, cel in enumerate(c for c in nb["cells"] if c["cell_type"] == "code"):
        cel["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["uitvoer\n"]}]
        cel["execution_count"] = nummer + 1
        cel["metadata"]["execution"] = {"iopub.status.busy": "2026-01-01T00:00:00Z"}
    nb["metadata"]["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    nb["metadata"]["language_info"] = {"name": "python", "version": "3.11.7", "mimetype": "text/x-python"}
    nb["cells"][0]["source"] = "".join(nb["cells"][0]["source"])  # JupyterLab may save a source as one string
    schoon = subprocess.run([sys.executable, str(PROJECT / "tools" / "nbschoon.py")], input=json.dumps(nb, indent=2),
                            text=True, capture_output=True, check=True, timeout=60).stdout
    assert schoon == vastgelegd_nb


@pytest.fixture(scope="module")
def eigen_regio_met_papermill(tmp_path_factory):
    """The README's plain papermill route for an own region, from a project folder: the parameter file names its
    region file relative to its own folder (parameters/voorbeelden/utrecht.yaml -> gemeente-utrecht.yaml)."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    from tests.conftest import PARAMETERS, PROJECT

    project = tmp_path_factory.mktemp("project")
    shutil.copytree(PARAMETERS / "voorbeelden", project / "parameters" / "voorbeelden")
    klaar = subprocess.run(
        [str(Path(sys.executable).parent / "papermill"), str(PROJECT / "notebooks" / "woonzorganalyse.ipynb"),
         "uit.ipynb", "-f", "parameters/voorbeelden/utrecht.yaml", "--no-progress-bar"],
        check=False, cwd=project, capture_output=True, text=True, timeout=600,
    )
    return klaar, project / "uit.ipynb"


def test_the_plain_papermill_route_reads_a_relative_region_from_the_parameter_files_folder(eigen_regio_met_papermill):
    klaar, uit = eigen_regio_met_papermill
    assert klaar.returncode == 0, klaar.stderr[-2000:]
    tekst = uit.read_text(encoding="utf-8")
    assert "Gemeente Utrecht" in tekst and '"output_type": "error"' not in tekst


def test_the_plain_papermill_route_speaks_no_english_about_the_notebook_key(eigen_regio_met_papermill):
    """The parameter file's key 'notebook' (which template) is no notebook parameter: papermill must not warn."""
    klaar, _ = eigen_regio_met_papermill
    assert "Passed unknown parameter" not in klaar.stderr, klaar.stderr[-2000:]
