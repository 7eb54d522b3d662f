"""The chapters of the prototype format, one module each; ``Rapport`` calls them, ``weergave`` shows them.

- ``inhoud``: the table of contents of each template;
- ``selectie``: what several chapters select from one analysis (units, demand, protection, tiers);
- ``onderdelen``: what a chapter returns (text, tables as DataFrames, figures, maps);
- ``weergave``: the display step that renders those parts;
- one module per chapter: ``samenvatting``, ``afbakening``, ``bevolking``, ``vraag``, ``aanbod``,
  ``confrontatie``, ``verdeling``, ``gevoeligheid``, ``monitor``, ``verantwoording``;
- ``rapport``: ``Rapport``, one method per chapter.
"""

from __future__ import annotations

import os
from pathlib import Path

from woonzorg_lib.rapport.hoofdstukken.rapport import Rapport
from woonzorg_lib.rapport.uitvoer import schrijf_uitvoer

UITVOERMAP = "WOONZORG_UITVOERMAP"


def bewaar_uitvoer(rapport: Rapport) -> list[str]:
    """In a batch run, write tabellen.xlsx, kerncijfers.csv, samenvatting.json and the factsheets where the runner asks.

    The runner names the folder in the environment variable WOONZORG_UITVOERMAP; run
    interactively, or with the plain papermill CLI, this does nothing.
    """
    map_ = os.environ.get(UITVOERMAP)
    if not map_:
        return []
    met_factsheets = rapport.eenheid == "gemeente"  # a factsheet per gemeente from each deelregio's run
    return [str(p) for p in schrijf_uitvoer(rapport.analyse, Path(map_), rapport.kern, met_factsheets)]

__all__ = ["Rapport", "bewaar_uitvoer"]
