"""Benchmark: the national batch (44 centrumregio's + 12 province overviews) against the MRA batch, in one run.

Usage (from the project root)::

    python bench/landelijk.py [--parallel 2] [--uitvoer MAP]

Runs ``woonzorg batch parameters/*.yaml`` (the MRA set) and ``woonzorg batch --land`` each into a
fresh folder, with every product (report HTML/PDF/notebook, workbook, kerncijfers, a factsheet per
gemeente, index.html, landelijk.html), and prints the wall-clock time of each, the ratio, the
number of reports and factsheets, the load average (the machine may be shared: say so with the figure) and
whether WeasyPrint embeds fonts with HarfBuzz-subset (with fontTools every PDF costs ruim een derde more).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from woonzorg_lib.rapport.pdf import harfbuzz_subset

PROJECT = Path(__file__).resolve().parents[1]
WOONZORG = [sys.executable, "-m", "woonzorg_lib.cli"]


def _draai(argumenten: list[str], uitvoer: Path) -> float:
    """Run one batch into ``uitvoer`` (emptied first); return the wall-clock seconds."""
    shutil.rmtree(uitvoer, ignore_errors=True)
    begin = time.perf_counter()
    proces = subprocess.run([*WOONZORG, "batch", *argumenten, "--uitvoer", str(uitvoer)], cwd=PROJECT,
                            capture_output=True, text=True, check=False)
    duur = time.perf_counter() - begin
    if proces.returncode != 0:
        print(proces.stdout[-3000:], proces.stderr[-3000:], sep="\n", file=sys.stderr)
        raise SystemExit(f"batch {' '.join(argumenten)} stopte met code {proces.returncode}")
    return duur


def _tel(uitvoer: Path) -> tuple[int, int, int, int]:
    """Reports, distinct gemeenten with a factsheet, factsheet files and VHP chapters in a batch folder."""
    rapporten = len(list(uitvoer.glob("*/rapport.html")))
    bladen = list(uitvoer.glob("*/factsheet-*.html"))
    gemeenten = {p.name.split("-")[1] for p in bladen}
    return rapporten, len(gemeenten), len(bladen), len(list(uitvoer.glob("*/vhp-*.html")))


def main() -> None:
    """Run both batches and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parallel", type=int, default=2)
    parser.add_argument("--uitvoer", type=Path, default=None, help="map voor de twee batches (standaard: tijdelijk)")
    args = parser.parse_args()
    basis = args.uitvoer or Path(tempfile.mkdtemp(prefix="woonzorg-bench-"))
    parallel = ["--parallel", str(args.parallel)]
    last_voor = os.getloadavg()
    mra = _draai([*sorted(str(p) for p in (PROJECT / "parameters").glob("*.yaml")), *parallel], basis / "mra")
    land = _draai(["--land", *parallel], basis / "land")
    last_na = os.getloadavg()
    subsetter = "HarfBuzz-subset" if harfbuzz_subset() else "fontTools (libharfbuzz-subset0 ontbreekt: trager)"
    print(f"kernen: {os.cpu_count()} · parallel: {args.parallel} · lettertypen ingesloten met {subsetter} · "
          f"belasting (1/5/15 min) voor {'/'.join(f'{x:.1f}' for x in last_voor)}, "
          f"na {'/'.join(f'{x:.1f}' for x in last_na)}")
    for naam, duur, map_ in (("MRA-batch:     ", mra, basis / "mra"), ("landelijke run:", land, basis / "land")):
        rapporten, gemeenten, bladen, vhp = _tel(map_)
        print(f"{naam} {duur:7.1f} s  ({rapporten} rapporten, {bladen} factsheets voor {gemeenten} gemeenten, "
              f"{vhp} VHP-hoofdstukken)")
    print(f"verhouding landelijk / MRA: {land / mra:.2f} · doel < 600 s: {'gehaald' if land < 600 else 'niet gehaald'}")
    print(f"uitvoer: {basis}")


if __name__ == "__main__":
    main()
