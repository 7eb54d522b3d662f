"""Read YAML files strictly: duplicate keys, syntax errors and invisible characters become Dutch messages.

Text is normalised to NFC, so "Café" typed in two ways is one name; control characters and
the invisible bidirectional or zero-width marks (which make a name look like another) are
refused.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from woonzorg_lib.algemeen.errors import Melding, WoonzorgFout


class _StrengeLader(yaml.SafeLoader):
    """A SafeLoader that refuses a key given twice in one mapping."""


_SAMENVOEGEN = "tag:yaml.org,2002:merge"
_ONZICHTBAAR = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_AANHALING = "zet de tekst tussen aanhalingstekens"
_VERTALING: tuple[tuple[str, str], ...] = (  # PyYAML's problem (and context) → Dutch; {0} is the sign it names
    (r"found character '\\t' that cannot start any token", "een tab is in YAML niet toegestaan; spring in met spaties"),
    (r"but found another document", "het bestand bevat meer dan één YAML-document (een tweede '---')"),
    (r"could not determine a constructor for the tag", "deze YAML-tag is niet toegestaan"),
    (r"mapping values are not allowed here", "hier mag geen ':' staan (tekst met ':' tussen aanhalingstekens zetten)"),
    (r"found undefined alias", "een verwijzing (*naam) naar een anker dat niet bestaat"),
    (r"found unexpected end of stream", ("het bestand houdt op midden in een tekst: staat er een aanhalingsteken (' of "
                                         "\") dat niet is gesloten?")),
    (r"expected ',' or '\]'", "een lijst tussen [ en ] is niet gesloten of mist een komma"),
    (r"expected ',' or '\}'", "een opsomming tussen {{ en }} is niet gesloten of mist een komma"),
    (r"found character '(.)' that cannot start any token", f"een waarde mag niet met '{{0}}' beginnen; {_AANHALING}"),
    (r"expected alphabetic or numeric character", f"na '&' of '*' hoort de naam van een anker; {_AANHALING}"),
    (r"found unknown escape character '(.)'", ("tussen dubbele aanhalingstekens betekent '\\{0}' niets; gebruik "
                                               "enkele aanhalingstekens")),
    (r"found duplicate anchor", "hetzelfde anker (&naam) staat er twee keer in"),
    (r"found incompatible YAML document", "een YAML-versie die niet wordt ondersteund (laat de regel %YAML weg)"),
    (r"expected a comment or a line break", f"na de waarde staat nog iets op de regel; {_AANHALING}"),
    (r"could not find expected ':'", "na een sleutel hoort een ':'"),
    (r"expected <block end>|did not find expected|expected the node content|while parsing a block",
     "de inspringing klopt niet: zet sleutels van hetzelfde niveau precies onder elkaar, met spaties"),
)
_ONBEKEND = "de opbouw klopt niet (inspringing met spaties, een ':' na elke sleutel, aanhalingstekens rond tekst)"


def _vertaal(probleem: str, context: str) -> str:
    """PyYAML's English problem in Dutch: a known one in its own words, any other as a general hint, never English.

    >>> _vertaal("found character '@' that cannot start any token", "while scanning for the next token")
    "een waarde mag niet met '@' beginnen; zet de tekst tussen aanhalingstekens"
    """
    for patroon, nl in _VERTALING:
        gevonden = re.search(patroon, f"{probleem} | {context}")
        if gevonden:
            return nl.format(*gevonden.groups())
    return _ONBEKEND


def _mapping_zonder_dubbele(lader: _StrengeLader, knoop: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    gezien: set[Any] = set()
    for sleutel_knoop, _ in knoop.value:
        if sleutel_knoop.tag == _SAMENVOEGEN:  # '<<: *anker' merges; construct_mapping resolves it
            continue
        sleutel = lader.construct_object(sleutel_knoop, deep=deep)
        if not isinstance(sleutel, str | int | float | bool) and sleutel is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "een sleutel moet tekst of een getal zijn, geen lijst of blok", sleutel_knoop.start_mark)
        if sleutel in gezien:
            raise yaml.constructor.ConstructorError(
                None, None, f"sleutel '{sleutel}' staat er twee keer in", sleutel_knoop.start_mark
            )
        gezien.add(sleutel)
    return lader.construct_mapping(knoop, deep=deep)


_StrengeLader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_zonder_dubbele)


MAX_BYTES = 1_000_000  # the largest bundled YAML file is under 5 kB
MAX_WAARDEN = 100_000  # a region file of all 342 gemeenten holds a few thousand values


class _TeVeelWaarden(Exception):
    """More values than any parameter or region file has: aliases (*naam) that multiply each other."""


def lees_yaml(pad: Path) -> dict[str, Any]:
    """Return the mapping at the top of a YAML file, or raise WoonzorgFout in Dutch.

    A file of more than 1 MB, or one whose aliases (``*naam``) unfold into more than 100.000
    values (a few hundred bytes can hold a billion), is refused at once instead of read for hours.
    """
    naam = str(pad)
    if not pad.is_file():
        raise WoonzorgFout([Melding(naam, "", "bestand bestaat niet")])
    if (grootte := pad.stat().st_size) > MAX_BYTES:
        raise WoonzorgFout([Melding(naam, "", (
            f"is {grootte / 1_000_000:.1f} MB; een parameter- of regiobestand is hoogstens 1 MB (enkele kB is "
            "gewoon): is dit wel het goede bestand?").replace(".", ",", 1))])
    try:
        inhoud = yaml.load(pad.read_text(encoding="utf-8"), Loader=_StrengeLader)  # noqa: S506 - SafeLoader subclass
    except UnicodeDecodeError:
        raise WoonzorgFout([Melding(naam, "", "bestand is geen UTF-8-tekst")]) from None
    except RecursionError:
        raise WoonzorgFout([Melding(naam, "", "te diep genest: dit is geen parameter- of regiobestand")]) from None
    except yaml.MarkedYAMLError as fout:
        # An unclosed quote is found at the end of the file; the line where it opens is the one to look at.
        merk = fout.context_mark if "end of stream" in (fout.problem or "") and fout.context_mark else fout.problem_mark
        regel = f"regel {merk.line + 1}" if merk else ""
        probleem = fout.problem or ""
        if not probleem.startswith(("sleutel", "een sleutel")):  # our own Dutch messages pass unchanged
            probleem = f"geen geldige YAML: {_vertaal(probleem, fout.context or '')}"
        raise WoonzorgFout([Melding(naam, regel, probleem)]) from None
    except yaml.YAMLError as fout:  # reader errors (a character YAML does not allow) carry no problem text
        raise WoonzorgFout([Melding(naam, "", f"geen geldige YAML ({fout.__class__.__name__})")]) from None
    if not isinstance(inhoud, dict):
        raise WoonzorgFout([Melding(naam, "", "verwacht sleutels met waarden (sleutel: waarde), kreeg iets anders")])
    meldingen: list[Melding] = []
    try:
        inhoud = _tekst_nfc(inhoud, naam, "", meldingen, [0])
    except _TeVeelWaarden:
        raise WoonzorgFout([Melding(naam, "", (
            f"bevat meer dan {MAX_WAARDEN:,} waarden".replace(",", ".") + " (verwijzingen *naam die elkaar "
            "vermenigvuldigen?); een parameter- of regiobestand heeft er hoogstens enkele duizenden"))]) from None
    if meldingen:
        raise WoonzorgFout(meldingen[:20])
    return inhoud


def _tekst_nfc(waarde: Any, naam: str, plek: str, meldingen: list[Melding], geteld: list[int]) -> Any:
    """Every text NFC-normalised; a text with a control or invisible character is refused (with its key).

    ``geteld`` counts the values walked (an alias is walked each time it is used), up to MAX_WAARDEN.
    """
    geteld[0] += 1
    if geteld[0] > MAX_WAARDEN:
        raise _TeVeelWaarden
    if isinstance(waarde, str):
        gevonden = _ONZICHTBAAR.search(waarde) or re.search("[\ud800-\udfff]", waarde)
        if gevonden:
            teken = f"U+{ord(gevonden.group()):04X}"
            meldingen.append(Melding(naam, plek.lstrip("."), f"tekst bevat een onzichtbaar teken of stuurteken ({teken}); "
                                                            "typ de tekst opnieuw"))
            return waarde
        return unicodedata.normalize("NFC", waarde)
    if isinstance(waarde, dict):
        return {_tekst_nfc(k, naam, plek, meldingen, geteld): _tekst_nfc(v, naam, f"{plek}.{k}", meldingen, geteld)
                for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_tekst_nfc(v, naam, f"{plek}[{i + 1}]", meldingen, geteld) for i, v in enumerate(waarde)]
    return waarde
