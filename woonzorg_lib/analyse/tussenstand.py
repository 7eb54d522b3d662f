"""Results of the stages of ``analyseer``, kept by the parameters they depend on, for the next call."""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from woonzorg_lib.analyse.parameters import Basisparameters

T = TypeVar("T")


class Tussenstand:
    """Results of the stages of ``analyseer``, kept by the parameters they depend on, for the next call.

    The explorer passes one to every call: a slider then recomputes only the stages whose
    parameters it moved. Files the inputs come from (region file, invoerformat) count by
    their modification time, so an edited workbook is read again.
    """

    def __init__(self, bewaren: int = 12) -> None:
        self._bewaren = bewaren
        self._stappen: dict[str, OrderedDict[str, Any]] = {}

    def stap(self, naam: str, sleutel: Mapping[str, Any], bereken: Callable[[], T]) -> T:
        """The stage's result for this key: reused if known, else computed and kept (the latest few per stage)."""
        tekst = json.dumps(sleutel, sort_keys=True, default=str)
        bewaard = self._stappen.setdefault(naam, OrderedDict())
        if tekst in bewaard:
            bewaard.move_to_end(tekst)
            return bewaard[tekst]
        waarde = bereken()
        bewaard[tekst] = waarde
        while len(bewaard) > self._bewaren:
            bewaard.popitem(last=False)
        return waarde


def stapsleutel(parameters: Basisparameters, velden: tuple[str, ...]) -> dict[str, Any]:
    """The parameters a stage depends on, with the modification time of the files among them."""
    waarden = parameters.model_dump(mode="json", include=set(velden))
    for veld in ("regio", "invoer"):  # a file's content counts, by its modification time
        pad = Path(str(waarden.get(veld) or ""))
        if veld in waarden and pad.suffix in (".yaml", ".yml", ".xlsx", ".xlsm", ".csv") and pad.is_file():
            waarden[f"{veld}_gewijzigd"] = pad.stat().st_mtime_ns
    return waarden
