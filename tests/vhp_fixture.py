"""TEST FIXTURE (no real data): a filled invoerformat for IJmond with the VHP sheets.

The realised housing is a fixed share of each gemeente's bundled statutory taakstelling (so
the numbers are of a realistic size), the planned new build a plausible split; every row's
source says it is a test fixture, so no product can pass it off as real data.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from woonzorg_lib.analyse.invoerformat import schrijf_invoersjabloon
from woonzorg_lib.analyse.parameters import valideer_parameters

BRON = "TESTFIXTURE, geen echte gegevens"
# Share of the task housed per gemeente (Beverwijk behind, Velsen ahead) and the planned new build 2025-2030.
GEHUISVEST = {"GM0375": 0.7, "GM0396": 0.9, "GM0450": 0.5, "GM0453": 1.1}
NIEUWBOUW = {  # sociale huur, middenhuur, betaalbare koop, overig
    "GM0375": (540, 450, 300, 510), "GM0396": (300, 250, 200, 450), "GM0453": (900, 600, 500, 700),
}  # Uitgeest (GM0450) left empty: 'niet ingevuld'


def ijmond_parameters(invoer: Path | None = None):
    waarden = {"regio": "mra", "deelregio": "IJmond"} | ({"invoer": str(invoer)} if invoer else {})
    return valideer_parameters("woonzorganalyse", waarden)


def vul_ijmond_in(map_: Path, aanpassen=None) -> Path:
    """Write the IJmond invoerformat into ``map_`` and fill in the VHP sheets; ``aanpassen(werkmap)`` may spoil it."""
    pad = schrijf_invoersjabloon(ijmond_parameters(), map_ / "ijmond.xlsx", overschrijven=True)
    werkmap = load_workbook(pad)
    blad = werkmap["realisatie"]
    kop = [c.value for c in blad[1]]
    for rij in blad.iter_rows(min_row=2):
        cel = dict(zip(kop, rij, strict=True))
        code = cel["gemeentecode"].value
        cel["gehuisvest"].value = round(GEHUISVEST[code] * float(cel["taakstelling"].value))
        cel["herkomst"].value, cel["bron"].value = "register", BRON
    blad = werkmap["nieuwbouw"]
    kop = [c.value for c in blad[1]]
    for rij in blad.iter_rows(min_row=2):
        cel = dict(zip(kop, rij, strict=True))
        code = cel["gemeentecode"].value
        if code in NIEUWBOUW:
            for kolom, aantal in zip(("sociale_huur", "middenhuur", "betaalbare_koop", "overig"), NIEUWBOUW[code],
                                     strict=True):
                cel[kolom].value = aantal
            cel["totaal"].value = sum(NIEUWBOUW[code])
            cel["herkomst"].value, cel["bron"].value = "schatting", BRON
    if aanpassen:
        aanpassen(werkmap)
    werkmap.save(pad)
    return pad
