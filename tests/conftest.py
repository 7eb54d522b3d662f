"""Shared fixtures: project paths, a writer for parameter and region files, and an isolated data folder."""

from __future__ import annotations

import atexit
import importlib.util
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from tests.statline_nep import NepStatline, nep_statline

# Property tests check behaviour, not speed: a per-example deadline fails at random on a busy machine.
settings.register_profile("woonzorg", deadline=None)
settings.load_profile("woonzorg")

PROJECT = Path(__file__).resolve().parents[1]
# The parameter files the project ships. Tests read these as committed, never the working copy of parameters/:
# an analyst edits them (README: 'Een aanname wijzigen') and adds own files there, and tests must stay green.
BUNDELDE_PARAMETERS = (
    "almere-lelystad.yaml", "amstelland-meerlanden.yaml", "amsterdam.yaml", "gooi-en-vechtstreek.yaml", "ijmond.yaml",
    "mra.yaml", "zaanstreek-waterland.yaml", "zuid-kennemerland.yaml", "voorbeelden/gemeente-utrecht.yaml",
    "voorbeelden/utrecht.yaml",
)


def vastgelegd(pad: str) -> bytes:
    """A project file as committed (git HEAD); outside a git checkout, the file as it is."""
    try:
        return subprocess.run(["git", "show", f"HEAD:{pad}"], cwd=PROJECT, capture_output=True, check=True,
                              timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return (PROJECT / pad).read_bytes()


def _vastgezette_parameters() -> Path:
    """The bundled parameter files, as committed, in a folder of the test session's own."""
    map_ = Path(tempfile.mkdtemp(prefix="woonzorg-parameters-"))
    atexit.register(shutil.rmtree, map_, True)
    for naam in BUNDELDE_PARAMETERS:
        doel = map_ / naam
        doel.parent.mkdir(parents=True, exist_ok=True)
        doel.write_bytes(vastgelegd(f"parameters/{naam}"))
    return map_


PARAMETERS = _vastgezette_parameters()


def bundelbouwer():
    """tools/bundel_bouwen.py as a module (it is a script, not part of the package): a test calls one builder."""
    spec = importlib.util.spec_from_file_location("bundel_bouwen", PROJECT / "tools" / "bundel_bouwen.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def vul_invoer_in(pad, waarden: dict[tuple[str, str], float], bron: str) -> None:
    """Fill local figures into an invoerformat, as an analyst would: lokaal, herkomst, bron."""
    from openpyxl import load_workbook

    werkmap = load_workbook(pad)
    blad = werkmap["invoer"]
    kop = {c.value: c.column_letter for c in blad[1]}
    for rij in blad.iter_rows(min_row=2):
        sleutel = (rij[0].value, rij[2].value)
        if sleutel in waarden:
            blad[f"{kop['lokaal']}{rij[0].row}"] = waarden[sleutel]
            blad[f"{kop['herkomst']}{rij[0].row}"] = "register"
            blad[f"{kop['bron']}{rij[0].row}"] = bron
    werkmap.save(pad)


@pytest.fixture
def schrijf(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a text file in a temporary folder and return its path."""

    def _schrijf(naam: str, tekst: str) -> Path:
        pad = tmp_path / naam
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(tekst, encoding="utf-8")
        return pad

    return _schrijf


@pytest.fixture(scope="session", autouse=True)
def eigen_datamap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """No test sees the analyst's own data editions, and none can reach the real CBS.

    Editions go to an empty temporary folder; StatLine points at a closed local port
    unless a test serves its own (``tests/statline_nep.py``).
    """
    from woonzorg_lib.data import cbs_client

    map_ = tmp_path_factory.mktemp("edities")
    terugval, cbs_client.TERUGVAL = cbs_client.TERUGVAL, 0.0  # retries, but without waiting
    oud = {k: os.environ.get(k) for k in ("WOONZORG_DATAMAP", "WOONZORG_CBS_ADRES")}
    os.environ["WOONZORG_DATAMAP"] = str(map_)
    os.environ["WOONZORG_CBS_ADRES"] = "http://127.0.0.1:9"
    yield map_
    cbs_client.TERUGVAL = terugval
    for sleutel, waarde in oud.items():
        if waarde is None:
            os.environ.pop(sleutel, None)
        else:
            os.environ[sleutel] = waarde


@pytest.fixture
def nep_cbs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[NepStatline]:
    """A local StatLine with hand-made answers, and an empty data folder of this test's own."""
    with nep_statline() as nep:
        monkeypatch.setenv("WOONZORG_CBS_ADRES", nep.adres)
        monkeypatch.setenv("WOONZORG_DATAMAP", str(tmp_path / "edities"))
        yield nep
