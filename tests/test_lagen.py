"""Data flows one way: data → model → (analysis glue) → report → runner. No layer imports one above it."""

import ast

import pytest

from tests.conftest import PROJECT

PAKKET = PROJECT / "woonzorg_lib"
LIJM = ("woonzorg_lib.analyse", "woonzorg_lib.uitgangspunten", "woonzorg_lib.onzekerheid",
        "woonzorg_lib.verantwoording", "woonzorg_lib.monitor", "woonzorg_lib.invoersjabloon")
VERBODEN = {
    "data": ("woonzorg_lib.model", "woonzorg_lib.rapport", "woonzorg_lib.runner", *LIJM),
    "model": ("woonzorg_lib.rapport", "woonzorg_lib.runner", *LIJM),  # data types (Regio) come from below
    "rapport": ("woonzorg_lib.runner",),
}


def _imports(pad) -> set[str]:
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    namen = set()
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Import):
            namen |= {a.name for a in knoop.names}
        elif isinstance(knoop, ast.ImportFrom) and knoop.module:
            namen |= {knoop.module, *(f"{knoop.module}.{a.name}" for a in knoop.names)}
    return namen


@pytest.mark.parametrize("laag", sorted(VERBODEN))
def test_no_layer_imports_a_layer_above_it(laag):
    for pad in sorted((PAKKET / laag).rglob("*.py")):
        fout = [n for n in _imports(pad) if n.startswith(VERBODEN[laag])]
        assert not fout, f"{pad.relative_to(PROJECT)} importeert {fout}"
