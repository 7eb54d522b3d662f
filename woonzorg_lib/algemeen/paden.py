"""Paths derived from the package location, in one place."""

from __future__ import annotations

from pathlib import Path

PAKKET_MAP = Path(__file__).resolve().parent.parent
BUNDEL_MAP = PAKKET_MAP / "data" / "bundel"
REGIO_MAP = BUNDEL_MAP / "regios"
PROJECT_MAP = PAKKET_MAP.parent
NOTEBOOK_MAP = PROJECT_MAP / "notebooks"

# The parameter file the explorer's web page opens with ('woonzorg verkenner PARAMETERS.yaml' sets it).
VERKENNER_PARAMETERS = "WOONZORG_VERKENNER_PARAMETERS"
