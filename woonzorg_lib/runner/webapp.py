"""The explorer as a read-only web page for non-coders: Voilà on the explorer notebook.

Voilà runs the notebook in a kernel of its own and shows only its widgets and outputs:
no code, no kernel menu, no way to edit or save. The kernels are bounded (``verkennerserver``). The page is in Dutch and loads nothing
from the internet (the template ``woonzorg`` drops Voilà's CDN links).
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.algemeen.paden import NOTEBOOK_MAP, PAKKET_MAP, VERKENNER_PARAMETERS

SJABLOONMAP = PAKKET_MAP / "runner"  # holds voila/templates/woonzorg
STANDAARDPOORT = 8866


def voila_opdracht(poort: int = STANDAARDPOORT, adres: str = "127.0.0.1") -> list[str]:
    """The Voilà command line that serves the explorer."""
    return [
        sys.executable, "-m", "woonzorg_lib.runner.verkennerserver", str(NOTEBOOK_MAP / "verkenner.ipynb"),
        "--no-browser", f"--port={poort}", f"--Voila.ip={adres}", "--template=woonzorg", "--theme=light",
        "--strip_sources=True", "--show_tracebacks=False",
    ]


def omgeving(parameters: Path | None = None) -> dict[str, str]:
    """The environment Voilà runs in: our template on the Jupyter path, and the parameter file to open."""
    env = dict(os.environ)
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(SJABLOONMAP), env.get("JUPYTER_PATH", "")) if p)
    if parameters is not None:
        if not parameters.is_file():
            raise WoonzorgFout(f"parameterbestand {parameters} bestaat niet")
        env[VERKENNER_PARAMETERS] = str(parameters.resolve())
    return env


def serveer(parameters: Path | None = None, poort: int = STANDAARDPOORT) -> int:
    """Serve the explorer until Ctrl-C; returns Voilà's exit code."""
    import subprocess

    opdracht = voila_opdracht(poort)
    if importlib.util.find_spec("voila") is None:
        raise WoonzorgFout("Voilà is niet geïnstalleerd in deze omgeving; draai 'make verkenner' (installeert alles)")
    print(f"De verkenner staat op http://127.0.0.1:{poort}/ (alleen lezen, zonder code). Stop met Ctrl-C.", flush=True)
    try:
        return subprocess.run(opdracht, env=omgeving(parameters), check=False).returncode
    except KeyboardInterrupt:
        return 0
