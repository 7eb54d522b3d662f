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


def _parameterbestand_uit(argumenten: list[str]) -> str | None:
    """The file of papermill's ``-f``/``--parameters_file`` in a command line, or None.

    >>> _parameterbestand_uit(["python", "/v/bin/papermill", "nb.ipynb", "uit.ipynb", "-f", "p/u.yaml"])
    'p/u.yaml'
    >>> _parameterbestand_uit(["papermill", "nb.ipynb", "uit.ipynb", "--parameters_file=p/u.yaml"])
    'p/u.yaml'
    >>> _parameterbestand_uit(["python", "-m", "ipykernel_launcher", "-f", "kernel.json"]) is None
    True
    """
    namen = [Path(a).stem.lower() for a in argumenten[:3]]
    if "papermill" not in namen:
        return None
    for nummer, argument in enumerate(argumenten):
        if argument in ("-f", "--parameters_file", "--parameters-file") and nummer + 1 < len(argumenten):
            return argumenten[nummer + 1]
        for voor in ("--parameters_file=", "--parameters-file="):
            if argument.startswith(voor):
                return argument[len(voor):]
        if argument.startswith("-f") and len(argument) > 2 and not argument.startswith("--"):
            return argument[2:]
    return None


def papermill_parametermap() -> Path | None:
    """The folder of the parameter file when the plain papermill CLI started this kernel with ``-f``, else None.

    papermill passes a parameter file's values, not where the file is; the kernel's parent is the
    papermill command, whose command line and working folder say it. Then a relative path in the
    file (``regio``, ``invoer``) counts from the file's own folder, as in ``woonzorg run``.
    """
    try:
        import psutil

        ouder = psutil.Process().parent()
        if ouder is None:
            return None
        bestand = _parameterbestand_uit(ouder.cmdline())
        if bestand is None:
            return None
        pad = Path(bestand) if Path(bestand).is_absolute() else Path(ouder.cwd()) / bestand
    except Exception:  # noqa: BLE001 - no papermill parent, or its details are not readable: the working folder
        return None
    return pad.resolve().parent if pad.is_file() else None
