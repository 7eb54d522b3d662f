"""Shared fixtures: project paths and a writer for parameter and region files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
PARAMETERS = PROJECT / "parameters"


@pytest.fixture
def schrijf(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a text file in a temporary folder and return its path."""

    def _schrijf(naam: str, tekst: str) -> Path:
        pad = tmp_path / naam
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(tekst, encoding="utf-8")
        return pad

    return _schrijf
