"""One run, in a worker process: execute the notebook, export the report, then put the outputs in place.

Everything is made in a temporary folder beside the run's folder; only a complete set of
outputs replaces the previous one, file by file with ``os.replace``, so an interrupted or
failed run never leaves a half-written file in place of a good previous one.

How a run's result reaches the runner, the one path: the runner passes the temporary folder
as the notebook parameter ``uitvoermap``; the notebook's last cell (``rapport.bewaar``) writes
tabellen.xlsx, kerncijfers.csv, kerncijfers-excel.csv, the factsheets and samenvatting.json there, samenvatting.json
listing the factsheets and the key figures; the runner exports the report beside them, reads
samenvatting.json and moves every file into place.

A worker keeps its kernel between runs (imports and the model's caches stay warm) and
resets it before every run: an empty namespace, no open figures, matplotlib's defaults and
the working directory. A kernel that saw a failure is never reused; ``verse_kernel``
starts a new kernel for every run.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
import time
import traceback
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from woonzorg_lib.algemeen.bestanden import normale_rechten
from woonzorg_lib.algemeen.errors import WoonzorgFout

BESTANDEN = ("rapport.html", "rapport.pdf", "rapport.ipynb", "tabellen.xlsx", "kerncijfers.csv", "kerncijfers-excel.csv",
             "samenvatting.json")
FACTSHEET = "factsheet-"  # factsheet-<code>-<naam>.html, one per gemeente of a deelregio run
MANIFEST = "manifest.json"
MISLUKT = "mislukt.json"


@dataclass(frozen=True)
class Taak:
    """One run of a batch."""

    naam: str
    parameterbestand: str
    notebook: str
    sjabloon: str
    parameters: dict[str, Any]
    vingerafdruk: str
    uitvoer: str
    regio: str = ""  # the name of the whole region: one output folder holds one region's reports


@dataclass
class Resultaat:
    """What a run did."""

    naam: str
    sjabloon: str
    status: str  # geslaagd | overgeslagen | mislukt
    duur: float = 0.0
    melding: str = ""
    samenvatting: dict[str, Any] = field(default_factory=dict)
    tijdstip: str = ""


def schrijf_atomisch(pad: Path, tekst: str) -> None:
    """Write a text file so that readers see either the old or the new file, never half of one.

    Every writer has its own temporary file (two processes writing the index never collide),
    and the file gets the user's normal permissions.
    """
    bestand = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=pad.parent, prefix=f".{pad.name}.",  # noqa: SIM115
                                          suffix=".tmp", delete=False)
    try:
        with bestand:
            bestand.write(tekst)
        normale_rechten(Path(bestand.name))
        os.replace(bestand.name, pad)
    except BaseException:
        Path(bestand.name).unlink(missing_ok=True)  # a full disk leaves no half-written temporary file behind
        raise


def _schrijf_json(pad: Path, inhoud: dict[str, Any]) -> None:
    schrijf_atomisch(pad, json.dumps(inhoud, ensure_ascii=False, indent=2))


class _Onvolledig(Exception):
    """The notebook ran but did not write all outputs."""


def _factsheets(samenvatting: dict[str, Any], werkmap: Path) -> list[str]:
    """The factsheet files the run lists in samenvatting.json; each must exist and be a plain safe name."""
    namen = [f["bestand"] for f in samenvatting.get("factsheets", [])]
    fout = [n for n in namen if Path(n).name != n or not n.startswith(FACTSHEET) or not (werkmap / n).is_file()]
    if fout:
        raise _Onvolledig(f"Het notebook schreef de factsheets {', '.join(fout[:3])} niet (of niet als veilige naam).")
    return namen


def schrijffout(fout: OSError, vorige: str) -> str | None:
    """A full disk or missing write permission in plain Dutch; None for any other OSError.

    >>> schrijffout(OSError(28, "No space left on device", "outputs/index.html"), "het vorige overzicht")
    'De schijf is vol (outputs/index.html): maak ruimte vrij en draai opnieuw. Het vorige overzicht is niet aangetast.'
    """
    if fout.errno == errno.ENOSPC:
        return (f"De schijf is vol ({fout.filename or 'uitvoermap'}): maak ruimte vrij en draai opnieuw. "
                f"{vorige.capitalize()} is niet aangetast.")
    if fout.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (f"Geen schrijfrechten voor {fout.filename or 'de uitvoermap'}; kies een andere uitvoermap. "
                f"{vorige.capitalize()} is niet aangetast.")
    return None


def _start_mislukt(fout: BaseException) -> bool:
    """Whether a kernel died before it answered (jupyter_client's "Kernel died before replying to kernel_info")."""
    return "died before replying" in str(fout)


def _foutmelding(fout: BaseException) -> str:
    """A failure in plain Dutch: which cell, which error."""
    from papermill.exceptions import PapermillExecutionError

    if isinstance(fout, _Onvolledig | WoonzorgFout):
        return str(fout)
    if isinstance(fout, PapermillExecutionError):
        regel = (fout.evalue or "").strip().splitlines()
        return f"Fout in cel {fout.exec_count or fout.cell_index + 1} van het notebook: {fout.ename}: {' '.join(regel)[:600]}"
    if _start_mislukt(fout):
        return ("De rekenkern startte twee keer niet (te weinig geheugen of een kapotte installatie); zie het logboek in "
                "de uitvoermap (.logboek) en probeer opnieuw.")
    if fout.__class__.__name__ == "DeadKernelError":
        return "De rekenkern stopte onverwacht (te weinig geheugen of een crash); probeer opnieuw."
    if isinstance(fout, OSError) and (melding := schrijffout(fout, "het vorige rapport")):
        return melding
    if fout.__class__.__name__ in ("NotJSONError", "JSONDecodeError", "ValidationError"):
        return f"Het notebook is beschadigd en niet te lezen ({fout.__class__.__name__}); zet het terug uit git."
    return f"De run kon niet worden uitgevoerd: {fout.__class__.__name__}: {str(fout)[:600]}"


def _mislukt(taak: Taak, doel: Path, uitgevoerd: Path, fout: BaseException, duur: float, tijdstip: str) -> Resultaat:
    """Record a failed run beside the previous good outputs: the notebook as far as it got, and the reason."""
    if uitgevoerd.is_file():
        os.replace(uitgevoerd, doel / "mislukt.ipynb")
    melding = _foutmelding(fout)
    try:
        _schrijf_json(doel / MISLUKT, {"melding": melding, "tijdstip": tijdstip, "vingerafdruk": taak.vingerafdruk,
                                       "detail": "".join(traceback.format_exception_only(fout))[-4000:]})
    except OSError:  # the same full disk: the message still reaches the batch and the terminal
        melding += " (Deze melding kon niet in de uitvoermap worden bewaard.)"
    return Resultaat(taak.naam, taak.sjabloon, "mislukt", duur, melding, tijdstip=tijdstip)


_KERNEL: Any = None  # this worker's kernel manager, kept between runs unless a fresh kernel is asked for


def _stop_kernel() -> None:
    global _KERNEL
    if _KERNEL is not None:
        from jupyter_core.utils import run_sync

        proces = getattr(getattr(_KERNEL, "provisioner", None), "process", None)
        try:
            run_sync(_KERNEL.shutdown_kernel)(now=True)
        except BaseException:  # noqa: BLE001 - a kernel that is already gone is fine; a stop must not be stopped
            pass
        if proces is not None and proces.poll() is None:  # the shutdown was interrupted: the kernel never outlives
            proces.kill()
            try:
                proces.wait(timeout=10)
            except Exception:  # noqa: BLE001 - killed; the system reaps it
                pass
        _KERNEL = None


def _kernel(logmap: Path) -> Any:
    """This worker's kernel: started once, its imports and the model's caches stay warm between runs.

    An asynchronous kernel manager: nbclient then waits for the kernel's messages without
    blocking its event loop, so its once-a-second check notices a dead kernel (a blocking
    client waits for output forever and the batch hangs).
    """
    global _KERNEL
    from jupyter_core.utils import run_sync

    if _KERNEL is not None and run_sync(_KERNEL.is_alive)():
        return _KERNEL
    import multiprocessing.util

    from jupyter_client.manager import AsyncKernelManager

    logmap.mkdir(parents=True, exist_ok=True)
    log = open(logmap / f"kernel-{os.getpid()}.log", "ab")  # noqa: SIM115 - open as long as the kernel lives
    _KERNEL = AsyncKernelManager(kernel_name="python3")
    run_sync(_KERNEL.start_kernel)(stdout=log, stderr=log)
    multiprocessing.util.Finalize(None, _stop_kernel, exitpriority=10)
    return _KERNEL


def werker_start() -> None:
    """In every worker: only the batch decides to stop (Ctrl-C goes to the batch), and SIGTERM from the batch
    stops the run under way the way a failure does: its kernel stopped, its temporary folder removed.

    SystemExit rather than KeyboardInterrupt: a worker that is waiting for work then ends quietly
    instead of printing a traceback under the batch's message.
    """
    import signal
    import warnings

    def stop(*_: object) -> None:
        raise SystemExit(128 + signal.SIGTERM)

    # A home folder one may not write to (a container, a locked-down PC): IPython then uses a temporary folder,
    # which is fine for a batch; its English warning would only puzzle the analyst.
    warnings.filterwarnings("ignore", message="IPython parent .* is not a writable location", category=UserWarning)

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, stop)


def _reset(km: Any, cwd: Path) -> None:
    """Clean the kernel before a run: empty namespace, no figures, default matplotlib, the notebook's folder.

    The client is made from the connection info alone: it then watches the kernel by heartbeat,
    so a kernel that died is noticed within seconds instead of at the end of a timeout.
    """
    from jupyter_client.blocking import BlockingKernelClient

    client = BlockingKernelClient()
    client.load_connection_info(km.get_connection_info())
    client.start_channels()
    try:
        client.wait_for_ready(timeout=120)
        antwoord = client.execute_interactive(
            "%reset -f\n"
            "import os as _os, matplotlib as _mpl, matplotlib.pyplot as _plt\n"
            "_plt.close('all'); _mpl.rcdefaults()\n"
            f"_os.chdir({str(cwd)!r})\n"
            "del _os, _mpl, _plt\n",
            timeout=60, store_history=False, output_hook=lambda _: None,
        )
        if antwoord["content"]["status"] != "ok":
            raise RuntimeError(f"de rekenkern kon niet worden schoongemaakt: {antwoord['content']}")
    finally:
        client.stop_channels()


def voer_uit(taak: Taak, verse_kernel: bool = False) -> Resultaat:
    """Run one task; never raises for a failure of the notebook itself."""
    import logging

    import nbformat
    import papermill

    from woonzorg_lib.rapport.export import exporteer_html
    from woonzorg_lib.rapport.pdf import maak_pdf
    from woonzorg_lib.rapport.uitvoer import UITVOERMAP
    from woonzorg_lib.runner.vhp import VOORVOEGSELS, vhp_bestanden

    logging.getLogger("papermill").setLevel(logging.ERROR)
    begin = time.perf_counter()
    doel = Path(taak.uitvoer) / taak.naam
    doel.mkdir(parents=True, exist_ok=True)
    werkmap = Path(tempfile.mkdtemp(prefix=f".{taak.naam}-", dir=doel.parent))
    tijdstip = datetime.now().isoformat(timespec="seconds")
    gelukt = False
    uitgevoerd = werkmap / "rapport.ipynb"
    try:
        try:
            for poging in (1, 2):  # a kernel that dies while starting gets one fresh successor
                km = _kernel(Path(taak.uitvoer) / ".logboek")
                try:
                    _reset(km, Path(taak.notebook).parent)
                    papermill.execute_notebook(
                        taak.notebook, str(uitgevoerd), parameters={**taak.parameters, UITVOERMAP: str(werkmap)},
                        kernel_name="python3", km=km,
                        progress_bar=False, log_output=False, start_timeout=120,
                    )
                    break
                except RuntimeError as fout:
                    if poging == 2 or not _start_mislukt(fout):
                        raise
                    _stop_kernel()
            html = exporteer_html(nbformat.read(uitgevoerd, as_version=4), taak.parameters)
            (werkmap / "rapport.html").write_text(html, encoding="utf-8")
            maak_pdf(werkmap / "rapport.html", werkmap / "rapport.pdf")  # the same HTML, printed
            ontbreekt = [b for b in BESTANDEN if not (werkmap / b).is_file()]
            if ontbreekt:
                raise _Onvolledig(f"Het notebook schreef {', '.join(ontbreekt)} niet (ontbreekt de cel rapport.bewaar(uitvoermap)?).")
            samenvatting = json.loads((werkmap / "samenvatting.json").read_text(encoding="utf-8"))
            bladen = _factsheets(samenvatting, werkmap)
            for blad in list(bladen):
                pdf = Path(blad).with_suffix(".pdf").name
                maak_pdf(werkmap / blad, werkmap / pdf)
                bladen.append(pdf)
            bladen += vhp_bestanden(samenvatting, werkmap, maak_pdf)  # VHP chapters (.docx, .html, .pdf), annex
        except Exception as fout:  # noqa: BLE001 - every failure of one run is reported, the batch goes on
            return _mislukt(taak, doel, uitgevoerd, fout, time.perf_counter() - begin, tijdstip)
        for bestand in (*BESTANDEN, *bladen):
            os.replace(werkmap / bestand, doel / bestand)
        for oud in [*doel.glob(f"{FACTSHEET}*"), *(o for v in VOORVOEGSELS for o in doel.glob(f"{v}*"))]:
            if oud.name not in bladen:  # a gemeente that left the area leaves no stale factsheet or chapter
                oud.unlink()
        resultaat = Resultaat(taak.naam, taak.sjabloon, "geslaagd", time.perf_counter() - begin,
                              samenvatting=samenvatting, tijdstip=tijdstip)
        _schrijf_json(doel / MANIFEST, {"vingerafdruk": taak.vingerafdruk, "parameterbestand": taak.parameterbestand,
                                        "regio": taak.regio,
                                        "data_editie": taak.parameters.get("data_editie"), **asdict(resultaat)})
        for oud in (MISLUKT, "mislukt.ipynb"):
            (doel / oud).unlink(missing_ok=True)
        gelukt = True
        return resultaat
    finally:
        if verse_kernel or not gelukt:  # after a failure the kernel's state is unknown: start afresh next time
            _stop_kernel()
        shutil.rmtree(werkmap, ignore_errors=True)
        if not gelukt and not any(doel.iterdir()):  # a first run that was stopped leaves no empty folder
            doel.rmdir()
