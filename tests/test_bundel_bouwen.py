"""The bundled data is exactly what tools/bundel_bouwen.py makes of the shared reference."""

import filecmp
import subprocess
import sys

import pytest

from tests.conftest import PROJECT
from woonzorg_lib.algemeen.paden import BUNDEL_MAP

REFERENTIE = PROJECT.parent / "shared" / "reference"


@pytest.mark.skipif(not REFERENTIE.is_dir(), reason="the shared reference folder is not beside the project")
def test_rebuilding_the_bundle_from_the_reference_changes_nothing(tmp_path):
    subprocess.run(
        [sys.executable, str(PROJECT / "tools" / "bundel_bouwen.py"), str(REFERENTIE), "--uit", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    gebouwd = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert gebouwd, "the build wrote nothing"
    for pad in gebouwd:
        assert filecmp.cmp(tmp_path / pad, BUNDEL_MAP / pad, shallow=False), f"{pad} differs from the reference"
