"""Read YAML files strictly: duplicate keys and syntax errors become Dutch messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from woonzorg_lib.errors import Melding, WoonzorgFout


class _StrengeLader(yaml.SafeLoader):
    """A SafeLoader that refuses a key given twice in one mapping."""


def _mapping_zonder_dubbele(lader: _StrengeLader, knoop: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    gezien: set[Any] = set()
    for sleutel_knoop, _ in knoop.value:
        sleutel = lader.construct_object(sleutel_knoop, deep=deep)
        if sleutel in gezien:
            raise yaml.constructor.ConstructorError(
                None, None, f"sleutel '{sleutel}' staat er twee keer in", sleutel_knoop.start_mark
            )
        gezien.add(sleutel)
    return lader.construct_mapping(knoop, deep=deep)


_StrengeLader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_zonder_dubbele)


def lees_yaml(pad: Path) -> dict[str, Any]:
    """Return the mapping at the top of a YAML file, or raise WoonzorgFout in Dutch."""
    naam = str(pad)
    if not pad.is_file():
        raise WoonzorgFout([Melding(naam, "", "bestand bestaat niet")])
    try:
        inhoud = yaml.load(pad.read_text(encoding="utf-8"), Loader=_StrengeLader)  # noqa: S506 - SafeLoader subclass
    except UnicodeDecodeError:
        raise WoonzorgFout([Melding(naam, "", "bestand is geen UTF-8-tekst")]) from None
    except yaml.MarkedYAMLError as fout:
        regel = f"regel {fout.problem_mark.line + 1}" if fout.problem_mark else ""
        probleem = fout.problem or "onleesbare YAML"
        if not probleem.startswith("sleutel"):
            probleem = f"geen geldige YAML ({probleem})"
        raise WoonzorgFout([Melding(naam, regel, probleem)]) from None
    if not isinstance(inhoud, dict):
        raise WoonzorgFout([Melding(naam, "", "verwacht sleutels met waarden (sleutel: waarde), kreeg iets anders")])
    return inhoud
