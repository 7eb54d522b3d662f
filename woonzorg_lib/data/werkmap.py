"""Read the sheets of an invoerformat file: an Excel workbook or a CSV, as the user saved it.

Only reading: what a cell means is checked in ``invoer``. A file that cannot be read (damaged,
encrypted, a CSV with an unclosed quote) gives one Dutch message naming the file.
"""

from __future__ import annotations

import csv
import io
import math
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from woonzorg_lib.algemeen.errors import Melding, WoonzorgFout
from woonzorg_lib.data.getallen import Notatie

BLAD_INVOER = "invoer"
BLAD_KENGETALLEN = "kengetallen"
MAX_RIJEN = 50_000  # far more than every gemeente × onderwerp of the country; a sheet past it has stray cells
MAX_MELDINGEN = 200  # a file with thousands of errors needs the first ones and a count, not all of them


def celtekst(waarde: Any) -> str:
    if waarde is None or (isinstance(waarde, float) and math.isnan(waarde)):
        return ""
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde).strip()


@dataclass(frozen=True)
class Blad:
    naam: str
    kolommen: list[str]
    rijen: list[tuple[int, dict[str, Any]]]  # (row number as the user sees it, values)
    notatie: Notatie = "nl"  # how its text cells write numbers


VERSLEUTELD = ("de werkmap is versleuteld (beveiligd met een wachtwoord) en kan niet worden gelezen; open hem in Excel "
               "en sla hem op zonder wachtwoord (Bestand > Info > Werkmap beveiligen > Versleutelen met wachtwoord: "
               "maak het wachtwoord leeg)")
_OLE = bytes.fromhex("d0cf11e0a1b11ae1")  # an OLE compound file: how Excel stores a workbook encrypted with a password


def _versleuteld(pad: Path) -> bool:
    """Whether a workbook is encrypted: Excel's password protection, or a zip whose parts need a password."""
    with pad.open("rb") as bestand:
        begin = bestand.read(len(_OLE))
    if begin == _OLE:
        return "EncryptedPackage".encode("utf-16-le") in pad.read_bytes()  # the stream of an encrypted .xlsx
    try:
        with zipfile.ZipFile(pad) as archief:
            return any(deel.flag_bits & 0x1 for deel in archief.infolist())
    except (zipfile.BadZipFile, OSError):
        return False  # not a zip at all: openpyxl's own error says so


def lees_bladen(pad: Path, namen: tuple[str, ...] = (BLAD_INVOER, BLAD_KENGETALLEN)) -> list[Blad]:
    """The sheets ``namen`` of an Excel workbook that exist (a CSV file is one sheet), each as a :class:`Blad`."""
    if pad.suffix.lower() == ".csv":
        return [_lees_csv(pad)]
    if pad.suffix.lower() not in (".xlsx", ".xlsm"):
        raise WoonzorgFout([Melding(str(pad), "", "verwacht een Excel-werkmap (.xlsx) of een CSV-bestand (.csv)")])
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if _versleuteld(pad):
        raise WoonzorgFout([Melding(str(pad), "", VERSLEUTELD)])
    try:
        werkmap = load_workbook(pad, read_only=True, data_only=True)
        formules = load_workbook(pad, read_only=True, data_only=False)  # to tell an empty cell from an unsaved formula
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as fout:
        raise WoonzorgFout([Melding(str(pad), "", (
            f"geen leesbare Excel-werkmap ({fout.__class__.__name__}): het bestand is beschadigd, geen .xlsx, of met een "
            "wachtwoord beveiligd; sla het op als gewone Excel-werkmap zonder wachtwoord"))]) from None
    try:
        return [_lees_blad(pad, blad, formules[blad.title]) for blad in werkmap.worksheets
                if blad.title in namen]
    finally:
        werkmap.close()
        formules.close()


def _lees_blad(pad: Path, blad: Any, formules: Any) -> Blad:
    """One sheet, only as wide as its header and at most MAX_RIJEN rows (a stray cell far away is no table)."""
    kop = [celtekst(c) for c in next(blad.iter_rows(max_row=1, values_only=True), ())]
    while kop and not kop[-1]:
        kop.pop()
    breedte = max(len(kop), 1)
    regels = zip(blad.iter_rows(min_row=2, max_col=breedte, values_only=True),
                 formules.iter_rows(min_row=2, max_col=breedte, values_only=True), strict=False)
    rijen = []
    for nummer, (waarden, formule) in enumerate(regels, start=2):
        if nummer > MAX_RIJEN + 1:
            raise WoonzorgFout([Melding(str(pad), f"blad '{blad.title}'", (
                f"heeft meer dan {MAX_RIJEN:,} rijen".replace(",", ".") + "; staat er iets ver onder de tabel? Verwijder "
                "wat niet bij het invoerformat hoort"))])
        if any(celtekst(c) for c in formule):
            # A formula without a saved value reads as its formula text: the number parser refuses it.
            rijen.append((nummer, dict(zip(kop, (f if w is None and isinstance(f, str) and f.startswith("=") else w
                                                 for w, f in zip(waarden, formule, strict=False)), strict=False))))
    return Blad(blad.title, kop, rijen)


def _lees_csv(pad: Path) -> Blad:
    """The one sheet of a CSV: ';' (Dutch Excel) or ',' separated, UTF-8 or Windows-1252, any line ending.

    A cell with a line break (a quote that was never closed swallows the rows after it) and
    a row with more cells than the header (an unquoted separator in a text) are refused.
    """
    ruw = pad.read_bytes()
    try:
        tekst = ruw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            tekst = ruw.decode("cp1252")  # Excel "CSV (gescheiden door lijstscheidingsteken)" on Windows
        except UnicodeDecodeError as fout:
            raise WoonzorgFout([Melding(str(pad), f"byte {fout.start + 1}", (
                "het bestand is geen UTF-8 en geen Windows-1252; sla het in Excel op als 'CSV UTF-8'"))]) from None
    eerste = tekst.splitlines()[0] if tekst else ""
    scheiding = ";" if eerste.count(";") >= eerste.count(",") else ","
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding, strict=True)
    try:
        kop = [k.strip() for k in next(lezer, [])]
        regels = [(lezer.line_num, cellen) for cellen in lezer]
    except csv.Error as fout:
        raise WoonzorgFout([Melding(str(pad), f"regel {lezer.line_num}", (
            f"geen geldige CSV ({fout}); staat er een aanhalingsteken (\") dat niet is gesloten?"))]) from None
    meldingen = []
    rijen = []
    if len(regels) > MAX_RIJEN:
        raise WoonzorgFout([Melding(str(pad), "", f"heeft meer dan {MAX_RIJEN:,} rijen".replace(",", ".") + (
            "; staat er iets ver onder de tabel? Verwijder wat niet bij het invoerformat hoort"))])
    for nummer, (regel, cellen) in enumerate(regels, start=2):
        if not any(c.strip() for c in cellen):
            continue
        if any("\n" in c or "\r" in c for c in cellen):
            meldingen.append(Melding(str(pad), f"rij {nummer} (regel {regel})", (
                "een cel loopt over meerdere regels: waarschijnlijk een aanhalingsteken (\") dat niet is gesloten")))
        elif len(cellen) > len(kop) and any(c.strip() for c in cellen[len(kop):]):
            meldingen.append(Melding(str(pad), f"rij {nummer}", (
                f"heeft {len(cellen)} cellen, de kop {len(kop)}: staat er een '{scheiding}' in een tekst zonder "
                "aanhalingstekens?")))
        rijen.append((nummer, dict(zip(kop, cellen, strict=False))))
    if meldingen:
        raise WoonzorgFout(beperkt(str(pad), meldingen))
    return Blad(BLAD_INVOER, kop, rijen, "nl" if scheiding == ";" else "en")


def beperkt(bestand: str, meldingen: list[Melding]) -> list[Melding]:
    """At most MAX_MELDINGEN messages, and how many more there were."""
    if len(meldingen) <= MAX_MELDINGEN:
        return meldingen
    meer = len(meldingen) - MAX_MELDINGEN
    return [*meldingen[:MAX_MELDINGEN], Melding(bestand, "", f"en nog {meer} meldingen; herstel eerst de eerste")]
