"""The Makefile's routes: 'make lab' and 'make verkenner' take a port (POORT), each with its own default."""

import shutil
import subprocess

import pytest

from tests.conftest import PROJECT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _opdracht(*argumenten: str) -> str:
    """What make would run (dry run: nothing is installed or started)."""
    return subprocess.run(["make", "-n", "-C", str(PROJECT), *argumenten], capture_output=True, text=True,
                          check=True, timeout=60).stdout


@pytest.mark.parametrize(("doel", "standaard", "optie"), [("lab", "8888", "--port="), ("verkenner", "8866", "--poort ")])
def test_lab_and_verkenner_take_a_port(doel, standaard, optie):
    assert f"{optie}{standaard}" in _opdracht(doel)
    assert f"{optie}8900" in _opdracht(doel, "POORT=8900")


def test_the_makefile_header_and_the_readme_name_the_port_option_of_lab():
    assert "make lab POORT=" in (PROJECT / "Makefile").read_text(encoding="utf-8")
    assert "make lab POORT=" in (PROJECT / "README.md").read_text(encoding="utf-8")
