"""Files the program writes for the user: normal permissions, and no overwriting of work without asking."""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path


def normale_rechten(pad: Path) -> None:
    """Give a file the permissions the user's umask gives new files (a temporary file starts as 0600)."""
    masker = os.umask(0)
    os.umask(masker)
    os.chmod(pad, 0o666 & ~masker)


def bewaar_vorige(pad: Path) -> Path:
    """Copy an existing file aside before it is replaced; return the copy's path.

    >>> import tempfile
    >>> map_ = Path(tempfile.mkdtemp())
    >>> _ = (map_ / "mra.xlsx").write_text("ingevuld")
    >>> bewaar_vorige(map_ / "mra.xlsx").read_text()
    'ingevuld'
    """
    tijd = datetime.now().strftime("%Y%m%d-%H%M%S")
    kopie = pad.with_name(f"{pad.stem}.vorige-{tijd}{pad.suffix}")
    volgnummer = 1
    while kopie.exists():
        volgnummer += 1
        kopie = pad.with_name(f"{pad.stem}.vorige-{tijd}-{volgnummer}{pad.suffix}")
    shutil.copy2(pad, kopie)
    return kopie
