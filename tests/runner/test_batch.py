"""The batch runner end to end: outputs, index, incremental runs, failure isolation, interruption."""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from rich.console import Console

from tests.conftest import PARAMETERS
from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.cli import main
from woonzorg_lib.runner.batch import actueel, batch, plan
from woonzorg_lib.runner.uitvoeren import BESTANDEN

TWEE = [PARAMETERS / "ijmond.yaml", PARAMETERS / "zuid-kennemerland.yaml"]
STIL = Console(file=open(os.devnull, "w"), width=120)  # noqa: SIM115


@pytest.fixture(scope="module")
def eerste(tmp_path_factory) -> tuple[Path, list]:
    """Two deelregio's run one after the other in one worker, so they share (a reset) kernel."""
    uitvoer = tmp_path_factory.mktemp("batch")
    resultaten, _ = batch(TWEE, uitvoer, parallel=1, console=STIL)
    return uitvoer, resultaten


def test_every_run_writes_report_tables_and_key_figures(eerste):
    uitvoer, resultaten = eerste
    assert [(r.naam, r.status) for r in resultaten] == [("ijmond", "geslaagd"), ("zuid-kennemerland", "geslaagd")]
    for naam in ("ijmond", "zuid-kennemerland"):
        for bestand in BESTANDEN + ("manifest.json",):
            assert (uitvoer / naam / bestand).is_file(), f"{naam}/{bestand}"
        html = (uitvoer / naam / "rapport.html").read_text(encoding="utf-8")
        assert len(html.encode()) <= 1.5 * 1024 * 1024
        kern = pd.read_csv(uitvoer / naam / "kerncijfers.csv", dtype=str, keep_default_na=False)
        assert list(kern.columns) == ["gemeentecode", "gemeente", "deelregio", "doelgroep", "scenario", "jaar",
                                      "indicator", "waarde", "herkomst", "bron"]
        # Every figure that leaves the program carries its tier and its source.
        assert kern["herkomst"].isin(["register", "schatting", "aanname", "geen gegevens"]).all()
        assert (kern["bron"].str.len() > 10).all(), kern[kern["bron"].str.len() <= 10]
    assert not [p for p in uitvoer.iterdir() if p.name.startswith(".") and p.name != ".logboek"]


def test_index_lists_every_run_with_key_figures_and_links(eerste):
    uitvoer, _ = eerste
    index = (uitvoer / "index.html").read_text(encoding="utf-8")
    for naam in ("ijmond", "zuid-kennemerland"):
        assert f'href="./{naam}/rapport.html"' in index and f'href="./{naam}/tabellen.xlsx"' in index
        assert f'href="./{naam}/kerncijfers-excel.csv"' in index and f'href="./{naam}/kerncijfers.csv"' in index
    samenvatting = json.loads((uitvoer / "ijmond" / "samenvatting.json").read_text(encoding="utf-8"))
    assert f"{samenvatting['vraag_midden']}" in index.replace(".", "")
    assert "<script" not in index.lower() and "http" not in index


def test_a_second_run_executes_nothing(eerste):
    uitvoer, _ = eerste
    tijden = {p: p.stat().st_mtime_ns for p in uitvoer.rglob("*") if p.is_file() and p.name != "index.html"}
    resultaten, _ = batch(TWEE, uitvoer, parallel=2, console=STIL)
    assert {r.status for r in resultaten} == {"overgeslagen"}
    assert all(r.duur == 0 for r in resultaten)  # nothing was executed
    assert tijden == {p: p.stat().st_mtime_ns for p in uitvoer.rglob("*") if p.is_file() and p.name != "index.html"}


def test_a_reused_kernel_gives_the_same_figures_as_a_fresh_one(eerste, tmp_path):
    uitvoer, _ = eerste
    batch([PARAMETERS / "zuid-kennemerland.yaml"], tmp_path, parallel=1, console=STIL, verse_kernel=True)
    for bestand in ("kerncijfers.csv", "samenvatting.json"):
        a = (uitvoer / "zuid-kennemerland" / bestand).read_text(encoding="utf-8")
        b = (tmp_path / "zuid-kennemerland" / bestand).read_text(encoding="utf-8")
        assert a == b, bestand


def test_what_a_run_would_reject_is_refused_before_any_kernel_starts(tmp_path):
    kapot = tmp_path / "kapot.yaml"
    # A correction for current load without a current load used to fail halfway through the batch.
    kapot.write_text((PARAMETERS / "ijmond.yaml").read_text(encoding="utf-8") + "correctie_jaren: 3\n",
                     encoding="utf-8")
    with pytest.raises(WoonzorgFout) as fout:
        plan([kapot, PARAMETERS / "zuid-kennemerland.yaml"], tmp_path / "uit")
    assert [m.bestand for m in fout.value.meldingen] == [str(kapot)]
    assert "correctie_jaren vraagt de huidige belasting uit een invoerformat" in str(fout.value)


def test_all_parameter_files_are_checked_before_any_kernel_starts(tmp_path):
    kapot = tmp_path / "kapot.yaml"
    kapot.write_text("notebook: woonzorganalyse\nregio: mra\npeiljaar: 1990\n", encoding="utf-8")
    with pytest.raises(WoonzorgFout) as fout:
        plan([kapot, PARAMETERS / "ijmond.yaml"], tmp_path / "uit")
    assert [m.plek for m in fout.value.meldingen] == ["peiljaar"]
    assert not (tmp_path / "uit").exists()


def _ctrl_c_stopt() -> None:
    """Ctrl-C stops the child, also when the tests run in the background of a script: such a shell starts its
    background jobs with SIGINT ignored, an exec keeps that, and Python then installs no KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _woonzorg(*argumenten: str) -> subprocess.Popen:
    """The command line program, in a process group of its own (so a test can always clean up)."""
    script = Path(sys.executable).parent / "woonzorg"
    return subprocess.Popen([str(script), *argumenten], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, preexec_fn=_ctrl_c_stopt)  # noqa: PLW1509 - one thread here


def test_an_interrupted_run_leaves_the_previous_report_intact(eerste, tmp_path):
    uitvoer = tmp_path / "uit"
    shutil.copytree(eerste[0], uitvoer)
    voor = {b: (uitvoer / "ijmond" / b).read_bytes() for b in BESTANDEN}
    proces = _woonzorg("run", str(PARAMETERS / "ijmond.yaml"), "--uitvoer", str(uitvoer), "--opnieuw")
    try:
        werk = None
        for _ in range(600):  # wait until the run is busy in its temporary folder
            werk = next((p for p in uitvoer.glob(".ijmond-*") if (p / "rapport.ipynb").exists()), None)
            if werk:
                break
            time.sleep(0.05)
        assert werk is not None, "the run never started"
        os.killpg(proces.pid, signal.SIGINT)  # Ctrl-C
        uit, fout = proces.communicate(timeout=120)
    finally:
        if proces.poll() is None:
            os.killpg(proces.pid, signal.SIGKILL)
    assert proces.returncode == 130, f"{proces.returncode}\n{uit.decode()[-2000:]}\n{fout.decode()[-2000:]}"
    assert "Onderbroken" in fout.decode()
    assert {b: (uitvoer / "ijmond" / b).read_bytes() for b in BESTANDEN} == voor
    assert not list(uitvoer.glob(".ijmond-*"))


def test_the_fingerprint_follows_notebook_parameters_and_inputs(eerste, tmp_path):
    uitvoer, _ = eerste
    [taak] = plan([PARAMETERS / "ijmond.yaml"], uitvoer)
    assert actueel(taak)
    anders = tmp_path / "ijmond.yaml"
    anders.write_text((PARAMETERS / "ijmond.yaml").read_text(encoding="utf-8").replace("scenario: midden", "scenario: hoog"),
                      encoding="utf-8")
    [gewijzigd] = plan([anders], uitvoer)
    assert gewijzigd.vingerafdruk != taak.vingerafdruk and not actueel(gewijzigd)
    (uitvoer / "ijmond" / "tabellen.xlsx").rename(uitvoer / "ijmond" / "tabellen.bak")
    try:
        assert not actueel(taak), "a missing output means the run must be made again"
    finally:
        (uitvoer / "ijmond" / "tabellen.bak").rename(uitvoer / "ijmond" / "tabellen.xlsx")


def test_two_parameter_files_with_the_same_name_are_refused(tmp_path):
    kopie = tmp_path / "ijmond.yaml"
    shutil.copy(PARAMETERS / "ijmond.yaml", kopie)
    with pytest.raises(WoonzorgFout, match="dezelfde uitvoermap"):
        plan([PARAMETERS / "ijmond.yaml", kopie], tmp_path)


def test_outputs_of_identical_runs_are_identical_files(eerste, tmp_path):
    uitvoer, _ = eerste
    batch([PARAMETERS / "ijmond.yaml"], tmp_path, parallel=1, console=STIL)
    assert filecmp.cmp(uitvoer / "ijmond" / "kerncijfers.csv", tmp_path / "ijmond" / "kerncijfers.csv", shallow=False)


def test_the_attack_checker_recovers_nothing_from_a_batch(eerste, capsys):
    uitvoer, _ = eerste
    assert main(["controleer-onthulling", str(uitvoer)]) == 0
    assert "Geen enkele verborgen cel is terug te rekenen" in capsys.readouterr().out


@pytest.mark.parametrize("naam", ["...", "..", "index.html", "Toegankelijkheid.html", "日本", "---"])
def test_an_output_folder_name_that_would_escape_hide_or_collide_is_refused(tmp_path, naam):
    pad = tmp_path / f"{naam}.yaml"
    pad.write_text((PARAMETERS / "ijmond.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(WoonzorgFout) as fout:
        plan([pad], tmp_path / "uit")
    assert [m.bestand for m in fout.value.meldingen] == [str(pad)]
    assert "uitvoermap" in str(fout.value) or "gereserveerd" in str(fout.value)
    assert not (tmp_path / "uit").exists()


def _nakomelingen(pid: int) -> list[tuple[int, str]]:
    """Every process below ``pid`` with its command line (read from /proc, no extra package)."""
    ouders: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            velden = stat.read_text().rsplit(")", 1)[1].split()
            ouders.setdefault(int(velden[1]), []).append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    uit, rij = [], [pid]
    while rij:
        for kind in ouders.get(rij.pop(), []):
            try:
                regel = (Path("/proc") / str(kind) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            uit.append((kind, regel))
            rij.append(kind)
    return uit


DRIE = [str(PARAMETERS / f"{n}.yaml") for n in ("ijmond", "amsterdam", "zuid-kennemerland")]


def _batch_van_drie(uitvoer: Path, parallel: int = 1) -> subprocess.Popen:
    """Three regions, one at a time."""
    return _woonzorg("batch", *DRIE, "--uitvoer", str(uitvoer), "--parallel", str(parallel))


def _na(proces: subprocess.Popen, stoornis, timeout: float) -> tuple[str, str, float]:
    """Do ``stoornis`` to a running batch, wait for it to end (bounded), and return its output and how long it took."""
    try:
        stoornis()
        begin = time.monotonic()
        uit, fout = proces.communicate(timeout=timeout)
        return uit.decode(), fout.decode(), time.monotonic() - begin
    finally:
        if proces.poll() is None:
            os.killpg(proces.pid, signal.SIGKILL)


def _celstatus(notebook: Path) -> Counter[str]:
    """The papermill status of the code cells of a notebook under way (none while papermill rewrites the file)."""
    try:
        cellen = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):  # papermill rewrites the file in place after every cell
        return Counter()
    return Counter(c["metadata"].get("papermill", {}).get("status") for c in cellen if c["cell_type"] == "code")


def _notebook_bezig(uitvoer: Path) -> bool:
    """A notebook is executing and still needs its kernel: a cell has run and at least two have not started.

    Not merely "the notebook exists": before its first cell the kernel may still be starting (a
    kernel that dies then gets one fresh successor, by design), and between the last cell and
    the report (the HTML export) the kernel is idle; a kernel killed then rightly fails nothing.
    """
    return any((status := _celstatus(nb))["completed"] >= 1 and status["pending"] >= 2
               for nb in uitvoer.glob(".*-*/rapport.ipynb"))


def _tijdens_een_run(proces: subprocess.Popen, uitvoer: Path, soort: str) -> int:
    """Wait until a run is executing, then return the pid of its process whose command line holds ``soort``."""
    for _ in range(600):
        pid = next((p for p, regel in _nakomelingen(proces.pid) if soort in regel), None)
        if pid and _notebook_bezig(uitvoer):
            return pid
        time.sleep(0.05)
    raise AssertionError(f"no {soort} under way")


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the kernel")
def test_a_killed_kernel_fails_its_own_run_within_seconds_and_the_batch_goes_on(tmp_path):
    uitvoer = tmp_path / "uit"
    proces = _batch_van_drie(uitvoer)
    kern = _tijdens_een_run(proces, uitvoer, "ipykernel_launcher")
    _, _, duur = _na(proces, lambda: os.kill(kern, signal.SIGKILL), 120)
    assert proces.returncode == 1 and duur < 60  # the death noticed in seconds; two whole runs (with PDFs) follow
    statussen = [json.loads(p.read_text(encoding="utf-8")) for p in uitvoer.glob("*/manifest.json")]
    assert len(statussen) == 2  # the other two regions ran
    index = (uitvoer / "index.html").read_text(encoding="utf-8")
    assert "De rekenkern stopte onverwacht" in index and "mislukt notebook" in index
    mislukt = [p.parent.name for p in uitvoer.glob("*/mislukt.ipynb")]
    assert len(mislukt) == 1 and not (uitvoer / mislukt[0] / "rapport.html").exists()
    melding = json.loads((uitvoer / mislukt[0] / "mislukt.json").read_text(encoding="utf-8"))["melding"]
    assert melding.startswith("De rekenkern stopte onverwacht")  # the table on screen may wrap it


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the worker")
def test_a_killed_worker_is_replaced_and_no_other_region_fails(tmp_path):
    uitvoer = tmp_path / "uit"
    proces = _batch_van_drie(uitvoer)
    werker = _tijdens_een_run(proces, uitvoer, "spawn_main")
    uit, fout, _ = _na(proces, lambda: os.kill(werker, signal.SIGKILL), 180)
    # The run under way starts again in a fresh worker; nothing else is lost, nothing is BrokenProcessPool.
    assert proces.returncode == 0, (uit, fout)
    assert "BrokenProcessPool" not in uit + fout
    assert sorted(p.parent.name for p in uitvoer.glob("*/rapport.html")) == ["amsterdam", "ijmond", "zuid-kennemerland"]


def _kernels() -> set[int]:
    """This project's kernels (of this interpreter's environment: not another checkout's on the same machine)."""
    uit = set()
    eigen = str(Path(sys.executable).parent).encode()
    for regel in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            inhoud = regel.read_bytes()
            if b"ipykernel_launcher" in inhoud and inhoud.startswith(eigen):
                uit.add(int(regel.parent.name))
        except OSError:
            continue
    return uit


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to see the processes")
def test_sigterm_stops_the_batch_at_once_with_a_true_index_and_no_process_left(tmp_path):
    uitvoer = tmp_path / "uit"
    voor = _kernels()
    proces = _batch_van_drie(uitvoer)
    for _ in range(1200):  # wait until the first run finished and the second is under way
        if list(uitvoer.glob("*/manifest.json")) and _notebook_bezig(uitvoer):
            break
        time.sleep(0.05)
    _, fout, duur = _na(proces, lambda: proces.send_signal(signal.SIGTERM), 60)
    assert proces.returncode == 130 and duur < 30
    assert "Onderbroken. Klaar voor de onderbreking: ijmond (geslaagd)" in fout
    index = (uitvoer / "index.html").read_text(encoding="utf-8")
    assert "ijmond" in index and "zuid-kennemerland" not in index  # the index says what ran, nothing more
    assert not (uitvoer / "zuid-kennemerland").exists()  # no queued run started after the signal
    time.sleep(2)
    assert _kernels() <= voor, "a kernel outlived the batch"
    assert not list(uitvoer.glob(".*-*")), "a half-written run folder was left"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to see the processes")
def test_sigterm_while_a_worker_waits_for_work_prints_no_traceback_and_leaves_no_empty_folder(tmp_path):
    uitvoer = tmp_path / "uit"
    proces = _batch_van_drie(uitvoer, parallel=2)
    for _ in range(1200):  # two runs finished: one worker waits for work, the other runs the third region
        if len(list(uitvoer.glob("*/manifest.json"))) >= 2:
            break
        time.sleep(0.05)
    _, fout, _ = _na(proces, lambda: proces.send_signal(signal.SIGTERM), 60)
    assert proces.returncode in (0, 130)
    assert "Traceback" not in fout, fout
    mappen = [p for p in uitvoer.iterdir() if p.is_dir() and p.name != ".logboek"]
    assert all((p / "manifest.json").is_file() for p in mappen), "a stopped first run left a folder"


def test_a_home_folder_one_may_not_write_to_gives_no_english_warning(tmp_path, monkeypatch, capfd):
    """A container or locked-down PC: IPython falls back to a temporary folder, quietly (the workers share our stderr)."""
    monkeypatch.setenv("HOME", "/proc/self")  # exists, and nobody may write there
    monkeypatch.delenv("IPYTHONDIR", raising=False)
    resultaten, _ = batch([PARAMETERS / "ijmond.yaml"], tmp_path, parallel=1, console=STIL)
    assert [r.status for r in resultaten] == ["geslaagd"]
    uit, fout = capfd.readouterr()
    assert "Warning" not in uit + fout, fout
