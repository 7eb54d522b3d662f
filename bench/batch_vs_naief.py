"""Benchmark: our batch against the naive loop, side by side in one run, on the 8 MRA runs.

    .venv/bin/python bench/batch_vs_naief.py

1. naive: for each parameter file, the ``papermill`` CLI, then ``jupyter nbconvert --to html
   --no-input``, one region after another (what an analyst would script by hand);
2. ours: ``woonzorg batch --opnieuw --parallel 2`` (validation first, parallel processes,
   warm reset kernels, in-process export, Excel and CSV as well);
3. no-op: ``woonzorg batch`` again, nothing changed, so nothing runs.

Targets: ours at least 3× faster than naive on 2 cores; the no-op under 1 s. Every step
is a command as a user types it, so interpreter start-up counts on both sides.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
NOTEBOOK = {"mra": "regio-overzicht"}


def _draai(opdracht: list[str]) -> float:
    begin = time.perf_counter()
    klaar = subprocess.run(opdracht, cwd=PROJECT, capture_output=True, text=True)
    duur = time.perf_counter() - begin
    if klaar.returncode != 0:
        raise SystemExit(f"{' '.join(opdracht)} mislukte:\n{klaar.stdout[-2000:]}\n{klaar.stderr[-2000:]}")
    return duur


def naief(bestanden: list[Path], map_: Path) -> float:
    begin = time.perf_counter()
    for pad in bestanden:
        notebook = PROJECT / "notebooks" / f"{NOTEBOOK.get(pad.stem, 'woonzorganalyse')}.ipynb"
        uit = map_ / f"{pad.stem}.ipynb"
        _draai([str(BIN / "papermill"), str(notebook), str(uit), "-f", str(pad), "-k", "python3", "--no-progress-bar"])
        _draai([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(uit)])
    return time.perf_counter() - begin


def main() -> None:
    bestanden = sorted((PROJECT / "parameters").glob("*.yaml"))
    with tempfile.TemporaryDirectory() as tijdelijk:
        map_ = Path(tijdelijk)
        (map_ / "naief").mkdir()
        t_naief = naief(bestanden, map_ / "naief")
        batch = [str(BIN / "woonzorg"), "batch", *map(str, bestanden), "--uitvoer", str(map_ / "ons")]
        t_ons = _draai([*batch, "--opnieuw", "--parallel", "2"])
        t_noop = min(_draai(batch) for _ in range(3))
        shutil.rmtree(map_ / "naief")
    print(f"runs: {len(bestanden)} (de 7 MRA-deelregio's en de MRA), 2 kernen")
    print(f"naïeve lus (papermill-CLI + nbconvert-CLI, na elkaar): {t_naief:6.1f} s")
    print(f"woonzorg batch --parallel 2 --opnieuw:                 {t_ons:6.1f} s")
    print(f"woonzorg batch zonder wijzigingen (beste van 3):       {t_noop:6.2f} s")
    print(f"versnelling: {t_naief / t_ons:.2f}× (doel ≥ 3×: {'gehaald' if t_naief / t_ons >= 3 else 'NIET gehaald'}); "
          f"no-op {t_noop:.2f} s (doel < 1 s: {'gehaald' if t_noop < 1 else 'NIET gehaald'})")


if __name__ == "__main__":
    main()
