"""Benchmark: today's batch (main, without the VHP products) against the work tree's batch with them, side by side.

    .venv/bin/python bench/batch_vhp.py [REVISIE] [--herhaal N] [--bewaar MAP]

REVISIE (default: main) is run from a ``git archive`` copy with the same interpreter, then the
work tree, alternately (see batch_voor_na.py, whose machinery this reuses). Printed: wall and
CPU time of each, and the ratio against the target of issue 23: at most 1,3×.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch_voor_na import PROJECT, _batch, _grootte

DOEL = 1.3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revisie", nargs="?", default="main")
    parser.add_argument("--herhaal", type=int, default=1)
    parser.add_argument("--bewaar", type=Path, help="map waarin beide uitvoermappen bewaard blijven")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tijdelijk:
        map_ = Path(tijdelijk)
        archief = subprocess.run(["git", "archive", args.revisie], cwd=PROJECT, capture_output=True, check=True).stdout
        with tarfile.open(fileobj=BytesIO(archief)) as tar:
            tar.extractall(map_ / "voor", filter="data")
        tijden: dict[str, list[tuple[float, float]]] = {"voor": [], "na": []}
        for _ in range(args.herhaal):
            tijden["voor"].append(_batch(map_ / "voor", map_ / "uit-voor"))
            tijden["na"].append(_batch(PROJECT, map_ / "uit-na"))
        (t_voor, c_voor), (t_na, c_na) = min(tijden["voor"]), min(tijden["na"])
        print(f"voor ({args.revisie}): {t_voor:.1f} s wandklok, {c_voor:.1f} s processortijd")
        print(f"na (werkboom, met VHP): {t_na:.1f} s wandklok, {c_na:.1f} s processortijd")
        print(f"verhouding: {t_na / t_voor:.2f}× wandklok, {c_na / c_voor:.2f}× processortijd (doel: hoogstens {DOEL}×)")
        for naam in ("uit-voor", "uit-na"):
            soorten = _grootte(map_ / naam)
            vhp = sum(a for s, (a, _) in soorten.items() if s.startswith(("vhp-", "bijlage-")))
            print(f"{naam}: {sum(a for a, _ in soorten.values())} bestanden, waarvan {vhp} VHP-bestanden")
            if args.bewaar:
                shutil.copytree(map_ / naam, args.bewaar / naam, dirs_exist_ok=True)


if __name__ == "__main__":
    main()
