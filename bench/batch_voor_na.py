"""Benchmark: the batch of an earlier revision against the work tree, side by side, on the 8 MRA runs.

    .venv/bin/python bench/batch_voor_na.py [REVISIE] [--herhaal N] [--bewaar MAP]

REVISIE (default: main just before the factsheets, maps and PDFs of issue 12 arrived) is
unpacked with ``git archive`` into a temporary folder and run with the same interpreter (its
package first on PYTHONPATH); then the work tree. Both run ``woonzorg batch --opnieuw
--parallel 2``, alternately, N times (default 1), so machine load hits both alike. Printed:
the wall time of each with its CPU time, the ratio (target: at most 1.5), and per product the
number of files and their total size. ``--bewaar MAP`` keeps both outputs (MAP/voor, MAP/na)
to look at.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
VOOR_ISSUE_12 = "f9a5bb4"  # the batch before factsheets, maps and PDFs: the time issue 12 may exceed by 50 % at most
BIN = Path(sys.executable).parent


def _processortijd() -> float:
    """CPU seconds (user + system) of every finished child process so far: the batch, its workers and kernels."""
    kinderen = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kinderen.ru_utime + kinderen.ru_stime


def _batch(bron: Path, uitvoer: Path) -> tuple[float, float]:
    """Wall time and CPU time of one batch."""
    omgeving = os.environ | {"PYTHONPATH": str(bron)}
    cpu = _processortijd()
    begin = time.perf_counter()
    klaar = subprocess.run([str(BIN / "woonzorg"), "batch", "--opnieuw", "--parallel", "2", "--uitvoer", str(uitvoer)],
                           cwd=bron, env=omgeving, capture_output=True, text=True, timeout=1800)
    duur, cpu = time.perf_counter() - begin, _processortijd() - cpu
    if klaar.returncode != 0:
        raise SystemExit(f"batch in {bron} mislukte:\n{klaar.stdout[-2000:]}\n{klaar.stderr[-2000:]}")
    return duur, cpu


def _grootte(uitvoer: Path) -> dict[str, tuple[int, int]]:
    soorten: dict[str, tuple[int, int]] = {}
    for pad in uitvoer.rglob("*"):
        if pad.is_file() and not any(d.startswith(".") for d in pad.relative_to(uitvoer).parts):
            soort = "factsheet" + pad.suffix if pad.name.startswith("factsheet-") else pad.name
            aantal, som = soorten.get(soort, (0, 0))
            soorten[soort] = (aantal + 1, som + pad.stat().st_size)
    return soorten


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revisie", nargs="?", default=VOOR_ISSUE_12)
    parser.add_argument("--herhaal", type=int, default=1)
    parser.add_argument("--bewaar", type=Path, help="map waarin beide uitvoermappen bewaard blijven")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tijdelijk:
        map_ = Path(tijdelijk)
        voor = map_ / "voor"
        archief = subprocess.run(["git", "archive", args.revisie], cwd=PROJECT, capture_output=True, check=True).stdout
        tarfile.open(fileobj=BytesIO(archief)).extractall(voor, filter="data")
        tijden: dict[str, list[tuple[float, float]]] = {"voor": [], "na": []}
        for _ in range(args.herhaal):
            tijden["voor"].append(_batch(voor, map_ / "uit-voor"))
            tijden["na"].append(_batch(PROJECT, map_ / "uit-na"))
        (t_voor, c_voor), (t_na, c_na) = min(tijden["voor"]), min(tijden["na"])
        print(f"runs: 8 (de 7 MRA-deelregio's en de MRA), --parallel 2, beste van {args.herhaal}; "
              "wandkloktijd (processortijd van de batch, zijn werkers en kernels)")
        for naam, label in (("voor", f"voor ({args.revisie})"), ("na", "na (werkboom)")):
            print(f"{label + ':':22s} " + ", ".join(f"{t:.1f} s ({c:.1f} s)" for t, c in tijden[naam]))
        print(f"verhouding na/voor: {t_na / t_voor:.2f} (doel ≤ 1,5: {'gehaald' if t_na / t_voor <= 1.5 else 'NIET gehaald'}); "
              f"processortijd {c_na / c_voor:.2f}")
        for naam, uitvoer in (("voor", map_ / "uit-voor"), ("na", map_ / "uit-na")):
            print(f"bestanden {naam}:")
            for soort, (aantal, som) in sorted(_grootte(uitvoer).items()):
                print(f"  {soort:22s} {aantal:3d} × gemiddeld {som / aantal / 1024:7.0f} KB  (samen {som / 1024:7.0f} KB)")
        if args.bewaar:
            for naam in ("voor", "na"):
                shutil.copytree(map_ / f"uit-{naam}", args.bewaar / naam, dirs_exist_ok=True)


if __name__ == "__main__":
    main()
