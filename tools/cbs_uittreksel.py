"""Cut the raw CBS rows the bundle needs out of the public table dumps, in their CBS shape.

Run from the project root with the two dumps of GitHub ``dertje/cbs_datasets``::

    git -C MIRROR show d06c9ccb6af130e0d7b341a001554c49f76b8f5a:output_files/all_datasets/82900NED.csv > 82900NED.csv
    git -C MIRROR show fda6426717585e4e84673ce6b2bb2a4fe1b4fef5:output_files/all_datasets/85755NED.csv > 85755NED.csv
    python tools/cbs_uittreksel.py 82900NED.csv 85755NED.csv

It writes ``tools/ruw/82900NED_totaal_2024.csv`` (the rows of 82900NED for StatusVanBewoning
Totaal and Perioden 2024 of every current gemeente, province and Nederland, as the dump has
them, with the original column names) and ``tools/ruw/85755NED_gemeenten_2024.csv`` (the
columns ID, RegioS, Code_1 and Naam_2 of 85755NED: CBS's own region title and gemeentecode of
every gemeente of 2024, the key that turns a 82900NED region title into a gemeentecode).
``tools/bundel_bouwen.py`` builds the bundled table from these extracts. Nothing is computed here.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

RUW = Path(__file__).resolve().parent / "ruw"
PERIODE = "2024"


def lees(pad: Path) -> tuple[list[str], list[list[str]]]:
    """The header and rows of a ';'-separated CBS dump (the dumps start with a byte order mark)."""
    with pad.open(encoding="utf-8-sig", newline="") as f:
        rijen = list(csv.reader(f, delimiter=";"))
    return rijen[0], rijen[1:]


def schrijf(pad: Path, kop: list[str], rijen: list[list[str]]) -> None:
    with pad.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=";", lineterminator="\n").writerows([kop, *rijen])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("voorraad", type=Path, help="de dump van CBS 82900NED (dertje/cbs_datasets)")
    parser.add_argument("gebieden", type=Path, help="de dump van CBS 85755NED 'Gebieden in Nederland 2024'")
    args = parser.parse_args()
    gebieden_kop, gebieden = lees(args.gebieden)
    kolommen = [gebieden_kop.index(k) for k in ("ID", "RegioS", "Code_1", "Naam_2")]
    gemeenten = [[r[i] for i in kolommen] for r in gebieden]
    if len({r[1] for r in gemeenten}) != len(gemeenten) or not all(r[2].startswith("GM") for r in gemeenten):
        raise SystemExit(f"{args.gebieden}: verwacht één rij per gemeente met een GM-code in Code_1")
    titels = {r[1] for r in gemeenten}
    kop, rijen = lees(args.voorraad)
    regio, periode, status = kop.index("RegioS"), kop.index("Perioden"), kop.index("StatusVanBewoning")
    gekozen = [r for r in rijen if r[status] == "Totaal" and r[periode] == PERIODE
               and (r[regio] in titels or r[regio] == "Nederland" or r[regio].endswith(" (PV)"))]
    gevonden = {r[regio] for r in gekozen}
    if titels - gevonden:
        raise SystemExit(f"{args.voorraad}: geen rij Totaal {PERIODE} voor {sorted(titels - gevonden)[:10]}")
    RUW.mkdir(exist_ok=True)
    schrijf(RUW / f"82900NED_totaal_{PERIODE}.csv", kop, gekozen)
    schrijf(RUW / f"85755NED_gemeenten_{PERIODE}.csv", [gebieden_kop[i] for i in kolommen], gemeenten)
    print(f"{len(gekozen)} rijen van 82900NED en {len(gemeenten)} gemeenten van 85755NED geschreven naar {RUW}")


if __name__ == "__main__":
    main()
