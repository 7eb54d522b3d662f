"""Executed notebooks, made once per session: papermill in pytest, on the bundled default."""

from __future__ import annotations

from pathlib import Path

import nbformat
import papermill
import pytest

from tests.conftest import PARAMETERS, PROJECT
from woonzorg_lib.analyse.parameters import lees_parameterbestand

NOTEBOOKS = PROJECT / "notebooks"


def voer_uit(notebook: str, parameters: dict, map_: Path) -> nbformat.NotebookNode:
    uit = map_ / f"{notebook}.ipynb"
    papermill.execute_notebook(str(NOTEBOOKS / f"{notebook}.ipynb"), str(uit), parameters=parameters,
                               kernel_name="python3", progress_bar=False, cwd=str(NOTEBOOKS))
    return nbformat.read(uit, as_version=4)


@pytest.fixture(scope="session")
def uitgevoerd(tmp_path_factory) -> dict[str, tuple[nbformat.NotebookNode, dict]]:
    """The three notebooks executed on the bundled default: a deelregio, the MRA, the explorer."""
    map_ = tmp_path_factory.mktemp("notebooks")
    deelregio = lees_parameterbestand(PARAMETERS / "zaanstreek-waterland.yaml").parameters.model_dump()
    regio = lees_parameterbestand(PARAMETERS / "mra.yaml").parameters.model_dump()
    return {
        "woonzorganalyse": (voer_uit("woonzorganalyse", deelregio, map_), deelregio),
        "regio-overzicht": (voer_uit("regio-overzicht", regio, map_), regio),
        "verkenner": (voer_uit("verkenner", deelregio, map_), deelregio),
    }
