"""Data flows one way: algemeen → data → model → analyse → rapport → runner. No layer imports one above it.

Every folder of ``woonzorg_lib`` is a layer; beside them stand only the package's ``__init__`` and the CLI.
"""

import ast

import pytest

from tests.conftest import PROJECT

PAKKET = PROJECT / "woonzorg_lib"
LAGEN = ("algemeen", "data", "model", "analyse", "rapport", "runner")


def _imports(pad) -> set[str]:
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    namen = set()
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Import):
            namen |= {a.name for a in knoop.names}
        elif isinstance(knoop, ast.ImportFrom) and knoop.module:
            namen |= {knoop.module, *(f"{knoop.module}.{a.name}" for a in knoop.names)}
    return namen


@pytest.mark.parametrize("laag", LAGEN)
def test_no_layer_imports_a_layer_above_it(laag):
    hoger = tuple(f"woonzorg_lib.{h}" for h in LAGEN[LAGEN.index(laag) + 1:]) + ("woonzorg_lib.cli",)
    for pad in sorted((PAKKET / laag).rglob("*.py")):
        fout = [n for n in _imports(pad) if n.startswith(hoger)]
        assert not fout, f"{pad.relative_to(PROJECT)} importeert {fout}"


def test_the_package_is_its_layers_and_the_cli():
    mappen = {p.name for p in PAKKET.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    losse = {p.name for p in PAKKET.glob("*.py")}
    assert mappen == set(LAGEN)
    assert losse == {"__init__.py", "cli.py"}


def test_no_module_is_over_400_lines():
    lang = {str(p.relative_to(PROJECT)): n for p in PAKKET.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert not lang
