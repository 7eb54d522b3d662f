"""Build the bundled package data from the researched reference tables.

Run from the project root with the shared reference folder beside the project::

    python tools/bundel_bouwen.py ../shared/reference [--uit MAP]

It rewrites ``woonzorg_lib/data/bundel/`` (except ``bronnen.yaml``, which is kept by
hand) from the reference CSVs, keeping only the columns the library needs. Nothing is
estimated here: estimates are derived at load time, labelled ``schatting``.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

BUNDEL = Path(__file__).resolve().parents[1] / "woonzorg_lib" / "data" / "bundel"
# Raw CBS rows kept in the repository in their CBS shape (tools/cbs_uittreksel.py, tools/ruw/README.md).
RUW = Path(__file__).resolve().parent / "ruw"

# Regions of the reference table -> catalogue key (file name) in the bundle.
REGIO_SLEUTELS = {
    "Metropoolregio Amsterdam (MRA)": "mra",
    "Regio Enschede": "regio-enschede",
    "Regio Groningen": "regio-groningen",
    "Haaglanden": "haaglanden-koplopers",
    "Parkstad Limburg": "parkstad-limburg",
    "Groene Metropoolregio Arnhem-Nijmegen": "groene-metropoolregio-arnhem-nijmegen",
    "Hart van Brabant": "hart-van-brabant",
}

# The province each COROP area of woningvoorraad_eigendom_regio.csv lies in (CBS COROP division).
COROP_PROVINCIE = {
    "Oost-Groningen": "Groningen",
    "Delfzijl en omgeving": "Groningen",
    "Overig Groningen": "Groningen",
    "Noord-Friesland": "Fryslân",
}


def lees(pad: Path) -> list[dict[str, str]]:
    with pad.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def lees_cbs(pad: Path) -> list[dict[str, str]]:
    """A raw CBS StatLine extract as committed: ';'-separated, UTF-8 (with or without BOM), CBS column names; every
    value stripped of CBS's padding."""
    with pad.open(encoding="utf-8-sig", newline="") as f:
        return [{k: v.strip() for k, v in r.items()} for r in csv.DictReader(f, delimiter=";")]


def schrijf(doel: Path, naam: str, kolommen: list[str], rijen: list[dict[str, object]]) -> None:
    with (doel / naam).open("w", encoding="utf-8", newline="") as f:
        schrijver = csv.DictWriter(f, fieldnames=kolommen, lineterminator="\n")
        schrijver.writeheader()
        schrijver.writerows(rijen)


def gemeenten(ref: Path, doel: Path) -> None:
    rijen = sorted(lees(ref / "gemeenten.csv"), key=lambda r: r["gemeentecode"])
    schrijf(
        doel,
        "gemeenten.csv",
        ["gemeentecode", "gemeentenaam", "provincie", "inwoners", "peildatum"],
        [
            {
                "gemeentecode": r["gemeentecode"],
                "gemeentenaam": r["gemeentenaam"],
                "provincie": r["provincie"],
                "inwoners": r["inwoners"],
                "peildatum": r["peildatum_inwoners"],
            }
            for r in rijen
        ],
    )


def woningvoorraad(ref: Path, doel: Path) -> None:
    rijen = sorted(lees(ref / "woningvoorraad.csv"), key=lambda r: r["gemeentecode"])
    schrijf(
        doel,
        "woningvoorraad.csv",
        ["gemeentecode", "woningvoorraad", "peildatum"],
        [{k: r[k] for k in ("gemeentecode", "woningvoorraad", "peildatum")} for r in rijen],
    )


def woningvoorraad_eigendom(ref: Path, doel: Path) -> None:
    """Stock by owner: the provinces and the country (2023), and Amsterdam's own row."""
    uit = []
    for r in lees(ref / "woningvoorraad_eigendom_regio.csv"):
        code = re.search(r"\((GM\d{4})\)", r["gebied"])
        is_gemeente = r["gebiedstype"] == "gemeente" and code is not None
        if r["gebiedstype"] not in ("land", "provincie", "COROP") and not is_gemeente:
            continue
        if r["gebiedstype"] == "land" and r["peildatum"] != "2023-01-01":
            continue
        uit.append(
            {
                "gebied": r["gebied"].split(" (")[0],
                "gebiedstype": r["gebiedstype"],
                "gemeentecode": code.group(1) if is_gemeente else "",
                "provincie": COROP_PROVINCIE.get(r["gebied"], ""),
                "peildatum": r["peildatum"],
                "woningvoorraad_totaal": r["woningvoorraad_totaal"],
                "corporatiewoningen": r["huur_eigendom_woningcorporatie"],
            }
        )
    # Per gemeente only the newest row is kept: the estimate uses the nearest real share.
    nieuwste: dict[tuple[str, str], dict[str, object]] = {}
    for r in uit:
        sleutel = (str(r["gebiedstype"]), str(r["gebied"]))
        if sleutel not in nieuwste or str(r["peildatum"]) > str(nieuwste[sleutel]["peildatum"]):
            nieuwste[sleutel] = r
    schrijf(
        doel,
        "woningvoorraad_eigendom.csv",
        ["gebied", "gebiedstype", "gemeentecode", "provincie", "peildatum", "woningvoorraad_totaal", "corporatiewoningen"],
        sorted(nieuwste.values(), key=lambda r: (str(r["gebiedstype"]), str(r["gebied"]))),
    )


def leeftijd_nederland(ref: Path, doel: Path) -> None:
    """National age bands on 1-1-2020, regrouped to the model's cohorts."""
    nl = {
        r["leeftijdsgroep"]: int(r["waarde"])
        for r in lees(ref / "bevolking_leeftijd.csv")
        if r["gemeentecode"] == "NL01" and r["jaar"] == "2020" and r["eenheid"] == "personen"
    }
    cohorten = {
        "65-74": nl["65-69"] + nl["70-74"],
        "75-84": nl["75-79"] + nl["80-84"],
        "85+": nl["80+"] - nl["80-84"],
    }
    assert sum(cohorten.values()) == nl["65+"], "cohorts must add up to 65+"
    rijen: list[dict[str, object]] = [
        {"leeftijdsgroep": k, "personen": v, "peildatum": "2020-01-01"} for k, v in cohorten.items()
    ]
    rijen.append({"leeftijdsgroep": "65+", "personen": nl["65+"], "peildatum": "2020-01-01"})
    schrijf(doel, "leeftijd_nederland.csv", ["leeftijdsgroep", "personen", "peildatum"], rijen)


def bevolking(ref: Path, doel: Path) -> None:
    """Inhabitants and inhabitants of 65+ per gemeente on every 1 January the reference has (CBS, register).

    1-1-2024 comes from gemeenten.csv (no 65+ count), 1-1-2023 and 1-1-2025 from bevolking_65plus.csv.
    """
    rijen: list[dict[str, object]] = [
        {"gemeentecode": r["gemeentecode"], "peildatum": r["peildatum_inwoners"], "inwoners": r["inwoners"],
         "inwoners_65plus": ""}
        for r in lees(ref / "gemeenten.csv")
    ]
    rijen += [
        {k: r[k] for k in ("gemeentecode", "peildatum", "inwoners", "inwoners_65plus")}
        for r in lees(ref / "bevolking_65plus.csv")
    ]
    schrijf(doel, "bevolking.csv", ["gemeentecode", "peildatum", "inwoners", "inwoners_65plus"],
            sorted(rijen, key=lambda r: (str(r["peildatum"]), str(r["gemeentecode"]))))


def taakstelling_landelijk(ref: Path, doel: Path) -> None:
    """The national half-year totals of the taakstelling vergunninghouders, one row per half-year.

    Only rows the reference marks as the fixed national total (``landelijk_totaal``); where a
    half-year has two such rows, the one naming the Rijksoverheid (or the first) is kept. A total
    that was lowered later keeps the original in ``oorspronkelijk``.
    """
    rijen = lees(ref / "taakstelling_statushouders.csv")
    oorspronkelijk = {r["periode"]: r["taakstelling_personen"] for r in rijen if r["soort"] == "landelijk_totaal_oorspronkelijk"}
    per_halfjaar: dict[str, dict[str, str]] = {}
    for r in rijen:
        if r["soort"] != "landelijk_totaal" or not re.fullmatch(r"\d{4}-H[12]", r["periode"]):
            continue
        if r["periode"] not in per_halfjaar or "rijksoverheid.nl" in r["source"]:
            per_halfjaar.setdefault(r["periode"], r)
            if "rijksoverheid.nl" in r["source"]:
                per_halfjaar[r["periode"]] = r
    schrijf(
        doel, "taakstelling_landelijk.csv", ["halfjaar", "personen", "oorspronkelijk", "bron", "notitie"],
        [
            {"halfjaar": h, "personen": r["taakstelling_personen"], "oorspronkelijk": oorspronkelijk.get(h, ""),
             "bron": r["source"], "notitie": r["notitie"]}
            for h, r in sorted(per_halfjaar.items())
        ],
    )


def _in_het_citaat(rij: dict[str, str]) -> None:
    """Stop unless the quoted sentence holds the figure as the source writes it (1.063, not 1063)."""
    getal = f"{int(rij['waarde']):,}".replace(",", ".")
    if not re.search(rf"(?<![\d.]){re.escape(getal)}(?![\d]|\.\d)", rij["citaat"]):
        raise SystemExit(f"verhuringen {rij['gebied']} {rij['peildatum']}: {getal} staat niet in het citaat")


def _regiosommen(rijen: list[dict[str, str]]) -> None:
    """Stop unless every regional total ('verhuringen regio', its notitie 'som van A, B en C; …') is exactly the sum
    of the rows of those gemeenten in the same source and year."""
    for regio in (r for r in rijen if r["eenheid"] == "verhuringen regio"):
        namen = re.split(r", | en ", regio["notitie"].split(";")[0].removeprefix("som van "))
        delen = {r["gebied"]: int(r["waarde"]) for r in rijen if r["eenheid"] == "verhuringen"
                 and r["grootheid"] == regio["grootheid"] and r["peildatum"] == regio["peildatum"]}
        if sorted(delen) != sorted(namen) or sum(delen.values()) != int(regio["waarde"]):
            raise SystemExit(f"verhuringen {regio['gebied']} {regio['peildatum']}: {regio['waarde']} is niet de som "
                             f"van {', '.join(namen)} ({delen})")


def verhuringen(ref: Path, doel: Path) -> None:
    """Real social-rent lettings per gemeente and year, where a source has them for a whole gemeente: the shared
    reference and ``tools/ruw/verhuringen_gemeenten.csv`` (published counts per gemeente of a woonruimteverdeling
    region, each quoted, with the regional total they add up to)."""
    codes = {r["gemeentenaam"]: r["gemeentecode"] for r in lees(ref / "gemeenten.csv")}
    rijen = [r for r in lees(ref / "verhuringen_sociale_huur.csv") + lees(RUW / "verhuringen_gemeenten.csv")
             if r["eenheid"] in ("verhuringen", "verhuringen regio")]
    for rij in rijen:
        _in_het_citaat(rij)
    _regiosommen(rijen)
    uit = [
        {"gemeentecode": codes[r["gebied"]], "jaar": r["peildatum"], "verhuringen": r["waarde"],
         "bron": f"{r['grootheid']} {r['peildatum']} ({r['bron']})"}
        for r in rijen
        if r["eenheid"] == "verhuringen" and r["gebied"] in codes
    ]
    schrijf(doel, "verhuringen.csv", ["gemeentecode", "jaar", "verhuringen", "bron"],
            sorted(uit, key=lambda r: (str(r["gemeentecode"]), str(r["jaar"]))))


def woningmarktregio_haaglanden(rijen: list[dict[str, str]], namen: dict[str, str]) -> list[dict[str, str]]:
    """Haaglanden as the woningmarktregio, from the reference's own notes on its koploper list.

    The notes name the gemeenten the woningmarktregio adds ("Rijswijk (GM0603) en Westland (GM1783)
    ontbreken") and the one it lacks ("Voorschoten hoort niet bij de 9"); source plaatsengids.nl/haaglanden.
    """
    toe = sorted({c for r in rijen for c in re.findall(r"\((GM\d{4})\) en \w+ \((GM\d{4})\) ontbreken", r["notitie"])
                  for c in c})
    weg = {r["gemeentecode"] for r in rijen if "hoort niet bij de 9" in r["notitie"]}
    bron = "https://www.plaatsengids.nl/haaglanden (woningmarktregio Haaglanden, 9 gemeenten)"
    notitie = ("Woningmarktregio. De koploperlijst van Platform31 (11-1-2023) noemt Voorschoten in plaats van Rijswijk "
               "en Westland: zie de variant haaglanden-koplopers.")
    uit = [dict(r, regio="Haaglanden (woningmarktregio)", source=bron, notitie=notitie)
           for r in rijen if r["gemeentecode"] not in weg]
    uit += [{"regio": "Haaglanden (woningmarktregio)", "deelregio": "", "gemeentecode": c, "gemeentenaam": namen[c],
             "source": bron, "notitie": notitie} for c in toe]
    assert len(uit) == 9, f"de woningmarktregio Haaglanden telt 9 gemeenten, niet {len(uit)}"
    return uit


def deelregios_gmr(rijen: list[dict[str, str]], ref: Path) -> list[dict[str, str]]:
    """The Groene Metropoolregio with its deelregio's from turn3/deelregio_gmr_2024.csv (Rijk van Nijmegen sourced)."""
    deel = {r["gemeentecode"]: r for r in lees(ref / "turn3" / "deelregio_gmr_2024.csv")}
    if set(deel) != {r["gemeentecode"] for r in rijen}:
        raise SystemExit("turn3/deelregio_gmr_2024.csv heeft andere gemeenten dan de GMR in regio_indeling.csv")
    uit = []
    for r in rijen:
        d = deel[r["gemeentecode"]]
        notitie = r["notitie"]
        if d["status"].startswith("proxy"):
            notitie = ("Deelregio 'Arnhem e.o. (rest GMR)': geen gepubliceerde lijst gevonden; benadering = de overige "
                       "GMR-gemeenten (CBS-zorgkantoorregio Arnhem, 85755NED). Rijk van Nijmegen is wel gepubliceerd.")
        uit.append(dict(r, deelregio=d["deelregio"], source=f"{r['source']}; {d['bron'].replace('; ', ', ')}", notitie=notitie))
    return uit


def regio_indeling_landelijk(ref: Path, doel: Path) -> None:
    """Every gemeente with its province and its centrumregio beschermd wonen / maatschappelijke opvang (CBS 2024)."""
    provincie = {r["gemeentecode"]: r["provincie"] for r in lees(ref / "gemeenten.csv")}
    rijen = lees(ref / "turn3" / "centrumregio_bw_mo_2024.csv")
    if sorted(r["gemeentecode"] for r in rijen) != sorted(provincie):
        raise SystemExit("turn3/centrumregio_bw_mo_2024.csv heeft andere gemeenten dan gemeenten.csv")
    schrijf(doel, "regio_indeling_landelijk.csv",
            ["gemeentecode", "gemeentenaam", "provincie", "centrumregio_code", "centrumgemeente_code", "centrumgemeente"],
            [{"gemeentecode": r["gemeentecode"], "gemeentenaam": r["gemeentenaam"],
              "provincie": provincie[r["gemeentecode"]], "centrumregio_code": r["centrumregio_code"],
              "centrumgemeente_code": r["centrumgemeente_code"], "centrumgemeente": r["centrumgemeente_naam"]}
             for r in sorted(rijen, key=lambda r: r["gemeentecode"])])


def leeftijd_gemeenten(ref: Path, doel: Path) -> None:
    """65-74 and 75+ per gemeente on 1-1-2023 and 1-1-2024 (CBS 85383NED; 65-74 berekend from published counts)."""
    rijen = lees(ref / "turn3" / "bevolking_65_74_75plus_2023_2024.csv")
    schrijf(doel, "leeftijd_gemeenten.csv", ["gemeentecode", "peildatum", "inwoners_65_74", "inwoners_75plus"],
            [{k: r[k] for k in ("gemeentecode", "peildatum", "inwoners_65_74", "inwoners_75plus")}
             for r in sorted(rijen, key=lambda r: (r["peildatum"], r["gemeentecode"]))])


def corporatiewoningen_gemeenten(ref: Path, doel: Path) -> None:
    """The gemeente's own share of corporation dwellings on 1-1-2024 (CBS 85984NED, whole percent), where read."""
    rijen = [r for r in lees(ref / "turn3" / "corporatiewoningen_kwb2024_deel.csv") if r["gemeentecode"].startswith("GM")]
    schrijf(doel, "corporatiewoningen_gemeenten.csv", ["gemeentecode", "peildatum", "pct_in_bezit_woningcorporatie"],
            [{k: r[k] for k in ("gemeentecode", "peildatum", "pct_in_bezit_woningcorporatie")}
             for r in sorted(rijen, key=lambda r: r["gemeentecode"])])


def _cbs_naam(naam: str) -> str:
    """A CBS region name without its disambiguation suffix: "Utrecht (gemeente)" and "Hengelo (O.)" → the plain name."""
    return re.sub(r" \((gemeente|[A-Z]+\.)\)$", "", naam)


def jeugdhulp_verblijf(ref: Path, doel: Path) -> None:
    """Trajectories of jeugdhulp met verblijf on one reference date per gemeente, jeugdregio and the country.

    Read from the raw CBS 85094NED extract in ``tools/ruw/`` (rows of one Perioden, unchanged). A
    suppressed CBS cell stays empty. Gemeente names are matched to the 342 codes (exact, or without the
    CBS suffix); jeugdregio membership is CBS 85755NED 2024 (regio_indelingen_cbs_2024.csv).
    """
    rijen = lees_cbs(RUW / "85094NED_peildatum_2024-06-30.csv")
    perioden = {r["Perioden"] for r in rijen}
    if perioden != {"30 juni 2024"}:
        raise SystemExit(f"85094NED: één peildatum verwacht, niet {sorted(perioden)}")
    waarde = {r["RegioS"]: r["TotaalJeugdhulpMetVerblijf_9"] for r in rijen}
    gemeenten_ref = lees(ref / "gemeenten.csv")
    per_naam: dict[str, list[str]] = {}
    for naam in waarde:
        per_naam.setdefault(_cbs_naam(naam), []).append(naam)
    jeugdregio = {r["gemeentecode"]: r for r in lees(ref / "regio_indelingen_cbs_2024.csv") if r["indeling"] == "jeugdregio"}

    def getal(cel: str) -> str:
        return "" if cel == "" else str(int(float(cel)))

    uit: list[dict[str, object]] = [{"gebiedstype": "land", "code": "NL01", "naam": "Nederland", "jeugdregio_code": "",
                                     "peildatum": "2024-06-30", "trajecten_met_verblijf": getal(waarde["Nederland"])}]
    regios_gezien: dict[str, str] = {}
    for r in sorted(gemeenten_ref, key=lambda r: r["gemeentecode"]):
        naam = r["gemeentenaam"]
        kandidaten = [naam] if naam in waarde else per_naam.get(naam, [])
        if len(kandidaten) != 1:
            raise SystemExit(f"85094NED: gemeente {naam} ({r['gemeentecode']}) niet eenduidig gevonden: {kandidaten}")
        regio = jeugdregio[r["gemeentecode"]]
        regios_gezien[regio["regiocode"]] = regio["regionaam"]
        uit.append({"gebiedstype": "gemeente", "code": r["gemeentecode"], "naam": naam,
                    "jeugdregio_code": regio["regiocode"], "peildatum": "2024-06-30",
                    "trajecten_met_verblijf": getal(waarde[kandidaten[0]])})
    for code, naam in sorted(regios_gezien.items()):
        cel = waarde.get(f"{naam} (JZ)")
        if cel is None:
            raise SystemExit(f"85094NED: jeugdregio {naam} ({code}) ontbreekt")
        uit.append({"gebiedstype": "jeugdregio", "code": code, "naam": naam, "jeugdregio_code": code,
                    "peildatum": "2024-06-30", "trajecten_met_verblijf": getal(cel)})
    schrijf(doel, "jeugdhulp_verblijf.csv",
            ["gebiedstype", "code", "naam", "jeugdregio_code", "peildatum", "trajecten_met_verblijf"], uit)


def _telling(waarde: str, waar: str) -> int:
    getal = float(waarde)
    if not getal.is_integer() or getal < 0:
        raise SystemExit(f"{waar}: verwacht een aantal woningen, niet {waarde!r}")
    return int(getal)


def woningvoorraad_eigendom_gemeenten(ref: Path, doel: Path) -> None:
    """Every gemeente's dwellings and corporation-owned dwellings on 1-1-2024, as CBS 82900NED counts them.

    The extract names regions by their CBS title; 85755NED gives each title its gemeentecode.
    Perioden 2024 is the stock on 1 January 2024. The build stops unless every gemeente of the
    reference has its row and every province (and the country) is the exact sum of its gemeenten.
    """
    bestand = RUW / "82900NED_totaal_2024.csv"
    code = {r["RegioS"]: r["Code_1"] for r in lees_cbs(RUW / "85755NED_gemeenten_2024.csv")}
    provincie = {r["gemeentecode"]: r["provincie"] for r in lees(ref / "gemeenten.csv")}
    gemeente: dict[str, tuple[int, int]] = {}
    gebied: dict[str, tuple[int, int]] = {}
    for r in lees_cbs(bestand):
        waar = f"{bestand}, {r['RegioS']}"
        if (r["StatusVanBewoning"], r["Perioden"]) != ("Totaal", "2024"):
            raise SystemExit(f"{waar}: verwacht alleen rijen Totaal 2024")
        telling = (_telling(r["TotaleWoningvoorraad_1"], waar), _telling(r["EigendomWoningcorporatie_4"], waar))
        if telling[1] > telling[0]:
            raise SystemExit(f"{waar}: meer corporatiewoningen ({telling[1]}) dan woningen ({telling[0]})")
        if r["RegioS"] in code:
            gemeente[code[r["RegioS"]]] = telling
        else:
            gebied[r["RegioS"].removesuffix(" (PV)")] = telling
    if sorted(gemeente) != sorted(provincie):
        raise SystemExit(f"{bestand}: andere gemeenten dan gemeenten.csv: {sorted(set(gemeente) ^ set(provincie))[:10]}")
    for naam, telling in sorted(gebied.items(), key=lambda g: g[0] == "Nederland"):  # provinces first
        delen = [t for c, t in gemeente.items() if naam == "Nederland" or provincie[c] == naam]
        som = (sum(t[0] for t in delen), sum(t[1] for t in delen))
        if not delen or som != telling:
            raise SystemExit(f"{bestand}: de gemeenten van {naam} tellen op tot {som}, de rij {naam} zegt {telling}")
    schrijf(doel, "woningvoorraad_eigendom_gemeenten.csv",
            ["gemeentecode", "peildatum", "woningvoorraad_totaal", "corporatiewoningen"],
            [{"gemeentecode": c, "peildatum": "2024-01-01", "woningvoorraad_totaal": t[0], "corporatiewoningen": t[1]}
             for c, t in sorted(gemeente.items())])


def regios(ref: Path, doel: Path) -> None:
    namen = {r["gemeentecode"]: r["gemeentenaam"] for r in lees(ref / "gemeenten.csv")}
    per_regio: dict[str, list[dict[str, str]]] = {}
    for r in lees(ref / "regio_indeling.csv"):
        per_regio.setdefault(r["regio"], []).append(r)
    gmr = "Groene Metropoolregio Arnhem-Nijmegen"
    per_regio[gmr] = deelregios_gmr(per_regio[gmr], ref)
    per_regio["Haaglanden (woningmarktregio)"] = woningmarktregio_haaglanden(per_regio["Haaglanden"], namen)
    for regio, rijen in per_regio.items():
        bronnen = sorted({deel.strip() for r in rijen for deel in r["source"].split("; ")})
        notities = sorted({r["notitie"].strip() for r in rijen if r["notitie"].strip()})
        naam = "Haaglanden (koploperlijst Platform31)" if regio == "Haaglanden" else regio
        regels = ["# Regio-indeling, gebouwd uit de referentietabel regio_indeling.csv.", f"naam: {naam}"]
        regels.append("bronnen:")
        regels += [f"  - {json.dumps(b, ensure_ascii=False)}" for b in bronnen]
        if notities:
            regels.append("notities:")
            regels += [f"  - {json.dumps(n, ensure_ascii=False)}" for n in notities]
        deelregios: dict[str, list[str]] = {}
        for r in rijen:
            deelregios.setdefault(r["deelregio"], []).append(r["gemeentecode"])
        if list(deelregios) == [""]:
            regels.append("gemeenten:")
            regels += [f"  - {c}  # {namen[c]}" for c in sorted(deelregios[""], key=namen.get)]
        else:
            regels.append("deelregios:")
            for deelregio, codes in deelregios.items():
                regels.append(f"  - naam: {deelregio}")
                regels.append("    gemeenten:")
                regels += [f"      - {c}  # {namen[c]}" for c in sorted(codes, key=namen.get)]
        sleutel = REGIO_SLEUTELS.get(regio, "haaglanden")
        (doel / "regios" / f"{sleutel}.yaml").write_text("\n".join(regels) + "\n", encoding="utf-8")


def kaart(ref: Path, doel: Path) -> None:
    """The gemeente boundaries (2024, simplified, WGS84) as they are: every feature with gemeentecode and name.

    Checked against the bundled gemeenten: exactly the same codes, so a map has every gemeente.
    """
    grenzen = json.loads((ref / "kaart" / "gemeenten_2024.geojson").read_text(encoding="utf-8"))
    codes = sorted(f["properties"]["gemeentecode"] for f in grenzen["features"])
    verwacht = sorted(r["gemeentecode"] for r in lees(ref / "gemeenten.csv"))
    if codes != verwacht:
        raise SystemExit(f"kaart/gemeenten_2024.geojson heeft andere gemeenten dan gemeenten.csv: "
                         f"{sorted(set(codes) ^ set(verwacht))[:10]}")
    (doel / "gemeenten_2024.geojson").write_bytes((ref / "kaart" / "gemeenten_2024.geojson").read_bytes())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("referentie", type=Path, help="map met de referentietabellen (../shared/reference)")
    parser.add_argument("--uit", type=Path, default=BUNDEL, help="doelmap (standaard de bundel van het pakket)")
    args = parser.parse_args()
    (args.uit / "regios").mkdir(parents=True, exist_ok=True)
    for bouw in (gemeenten, woningvoorraad, woningvoorraad_eigendom, leeftijd_nederland, bevolking,
                 taakstelling_landelijk, verhuringen, regios, kaart, regio_indeling_landelijk, leeftijd_gemeenten,
                 corporatiewoningen_gemeenten, jeugdhulp_verblijf, woningvoorraad_eigendom_gemeenten):
        bouw(args.referentie, args.uit)
    print(f"bundel geschreven naar {args.uit}")


if __name__ == "__main__":
    main()
