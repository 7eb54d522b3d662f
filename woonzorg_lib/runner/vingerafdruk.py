"""What a run depends on, as one hash: notebook, parameters, input data and library.

A run whose fingerprint equals the one in its manifest is skipped.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

from woonzorg_lib import __version__
from woonzorg_lib.algemeen.errors import Melding, WoonzorgFout
from woonzorg_lib.algemeen.paden import BUNDEL_MAP, PAKKET_MAP


def _bestanden(map_: Path, patronen: tuple[str, ...]) -> list[Path]:
    return sorted(p for patroon in patronen for p in map_.rglob(patroon) if p.is_file() and "__pycache__" not in p.parts)


@cache
def bibliotheek() -> str:
    """The library version, its code and its bundled data: any change gives another hash."""
    h = hashlib.sha256(__version__.encode())
    for pad in _bestanden(PAKKET_MAP, ("*.py", "*.j2", "*.json")) + _bestanden(BUNDEL_MAP, ("*.csv", "*.yaml", "*.txt")):
        h.update(str(pad.relative_to(PAKKET_MAP)).encode())
        h.update(pad.read_bytes())
    return h.hexdigest()


def notebook(pad: Path) -> str:
    """The cells of a notebook (sources and tags, not outputs or execution counts).

    A notebook that is missing or cannot be read (a merge conflict, a half-saved file) is a
    Dutch error naming it, before any run starts.
    """
    try:
        nb = json.loads(pad.read_text(encoding="utf-8"))
        cellen = [(c["cell_type"], "".join(c["source"]), c.get("metadata", {}).get("tags", [])) for c in nb["cells"]]
    except FileNotFoundError:
        raise WoonzorgFout([Melding(str(pad), "", "het notebook ontbreekt; zet het terug uit git "
                                                  f"(git checkout -- {pad.name})")]) from None
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as fout:
        waar = f", regel {fout.lineno}" if isinstance(fout, json.JSONDecodeError) else ""
        raise WoonzorgFout([Melding(str(pad), "", (
            f"het notebook is beschadigd en niet te lezen (geen geldig notebook{waar}; staat er een conflict van git "
            f"in?): zet het terug uit git (git checkout -- {pad.name}) of open het in JupyterLab en sla het opnieuw op")
        )]) from None
    return hashlib.sha256(json.dumps(cellen, ensure_ascii=False).encode()).hexdigest()


def invoer(parameters: dict[str, Any]) -> str:
    """The input files the parameters name (own region file, invoerformat)."""
    h = hashlib.sha256()
    for sleutel in ("regio", "invoer"):
        waarde = parameters.get(sleutel)
        if isinstance(waarde, str) and Path(waarde).is_file():
            h.update(Path(waarde).read_bytes())
    return h.hexdigest()


def vingerafdruk(notebook_pad: Path, parameters: dict[str, Any]) -> str:
    """The fingerprint of one run."""
    delen = [bibliotheek(), notebook(notebook_pad), json.dumps(parameters, sort_keys=True), invoer(parameters)]
    return hashlib.sha256("\n".join(delen).encode()).hexdigest()
