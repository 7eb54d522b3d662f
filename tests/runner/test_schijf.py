"""A full disk and a read-only output folder, on a small file system of the test's own (tmpfs).

As root (CI) permission bits do not bite, so the faults come from the file system itself:
a tmpfs filled to the last byte, then remounted read-only. Each time the batch says in
Dutch what is wrong and the previous good report stays byte for byte as it was.
"""

from __future__ import annotations

import errno
import hashlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console

from tests.conftest import PARAMETERS
from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.runner.batch import batch

IJMOND = PARAMETERS / "ijmond.yaml"
STIL = Console(file=open(os.devnull, "w"), width=120)  # noqa: SIM115


@pytest.fixture
def schijf(tmp_path: Path) -> Iterator[Path]:
    """A 24 MB tmpfs mounted for this test (root only; skipped where mounting is not allowed)."""
    if os.geteuid() != 0:
        pytest.skip("een eigen bestandssysteem aankoppelen vraagt root")
    map_ = tmp_path / "schijf"
    map_.mkdir()
    gekoppeld = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(map_)],
                               capture_output=True, text=True, timeout=30, check=False)
    if gekoppeld.returncode != 0:
        pytest.skip(f"tmpfs aankoppelen mag hier niet: {gekoppeld.stderr.strip()}")
    try:
        yield map_
    finally:
        subprocess.run(["umount", "-l", str(map_)], capture_output=True, timeout=30, check=False)


def _inhoud(map_: Path) -> dict[str, str]:
    return {str(p.relative_to(map_)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(map_.rglob("*")) if p.is_file()}


def _vul(map_: Path) -> None:
    """Write until the file system is full."""
    blok = b"\0" * (1 << 16)
    with (map_ / "vulling").open("wb") as f:
        try:
            while True:
                f.write(blok)
                f.flush()
        except OSError as fout:
            assert fout.errno == errno.ENOSPC


def test_een_volle_schijf_geeft_een_nederlandse_melding_en_laat_het_vorige_rapport_staan(schijf: Path) -> None:
    uitvoer = schijf / "outputs"
    resultaten, _ = batch([IJMOND], uitvoer, parallel=1, console=STIL)
    assert [r.status for r in resultaten] == ["geslaagd"]
    voor = _inhoud(uitvoer / "ijmond")
    index = (uitvoer / "index.html").read_bytes()
    _vul(schijf)
    with pytest.raises(WoonzorgFout) as info:
        batch([IJMOND], uitvoer, parallel=1, opnieuw=True, console=STIL)
    melding = str(info.value)
    # the run fails alone with the reason, and the index that cannot be rewritten says so too
    assert "ijmond mislukt (De schijf is vol" in melding and "Het vorige rapport is niet aangetast" in melding
    assert "kon niet worden bijgewerkt. De schijf is vol" in melding and "Het vorige overzicht is niet aangetast" in melding
    assert (uitvoer / "index.html").read_bytes() == index
    na = _inhoud(uitvoer / "ijmond")
    assert {k: v for k, v in na.items() if k in voor} == voor  # every earlier output byte for byte as it was
    assert not [p for p in uitvoer.iterdir() if p.name.startswith(".") and p.name != ".logboek"]  # no temp folder left


def test_een_alleen_lezen_uitvoermap_wordt_vooraf_geweigerd(schijf: Path) -> None:
    uitvoer = schijf / "outputs"
    batch([IJMOND], uitvoer, parallel=1, console=STIL)
    voor = _inhoud(uitvoer)
    subprocess.run(["mount", "-o", "remount,ro", str(schijf)], check=True, timeout=30)
    with pytest.raises(WoonzorgFout, match="in de uitvoermap .* mag niet worden geschreven"):
        batch([IJMOND], uitvoer, parallel=1, opnieuw=True, console=STIL)
    assert _inhoud(uitvoer) == voor
