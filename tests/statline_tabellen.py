"""The CBS tables of a refresh as StatLine really builds them: catalogue rows, metadata and the cube.

Keys, titles, units, dimensions and period codes follow the evidence in
``../shared/research/cbs-tabellen.md`` (public code calling these tables, stored CBS pages).
Where that note marks a detail as inferred (85980NED's sub-category titles and topic keys,
the interval titles of 85173NED, the code of KWB 2026) it is inferred here too. One builder
per table version, so the reader is tested against each version CBS published. The
*values* are hand-made test values derived from ``data/cbs/waarden_mra.csv``, not CBS figures.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

Rij = dict[str, Any]
MET_OUDE_GEMEENTEN = {"GM0457": ("GM0363", 0.027), "GM0370": ("GM0439", 0.12)}  # Weesp, Beemster in 2021 borders


def dimensie(key: str, titel: str, soort: str = "Dimension") -> Rij:
    return {"odata.type": "Cbs.OData.Dimension", "Type": soort, "Key": key, "Title": titel}


def onderwerp(key: str, titel: str, eenheid: str = "aantal", decimalen: int = 0) -> Rij:
    return {"odata.type": "Cbs.OData.Topic", "Type": "Topic", "Key": key, "Title": titel, "Unit": eenheid,
            "Decimals": decimalen, "Datatype": "Long" if decimalen == 0 else "Double"}


def groep(titel: str) -> Rij:
    return {"odata.type": "Cbs.OData.TopicGroup", "Type": "TopicGroup", "Key": "", "Title": titel}


def catalogusrij(tabel_id: str, titel: str, periode: str, gewijzigd: str, status: str = "Regulier") -> Rij:
    return {"Identifier": tabel_id, "Title": titel, "ShortTitle": titel[:40], "Modified": f"{gewijzigd}T02:00:00",
            "Period": periode, "Language": "nl", "Catalog": "CBS", "OutputStatus": status, "Frequency": "Perjaar"}


def jaren(*jaartallen: int, voorlopig: int | None = None) -> list[Rij]:
    return [{"Key": f"{j}JJ00", "Title": str(j), "Status": "Voorlopig" if j == voorlopig else "Definitief"}
            for j in jaartallen]


# --- 03759ned: single years of age, no five-year groups, no "65 jaar of ouder" ---------------------------

def _leeftijden() -> list[Rij]:
    codes = [{"Key": "10000", "Title": "Totaal"}, {"Key": "10010", "Title": "0 jaar"}]
    codes += [{"Key": str(10000 + 100 * a), "Title": f"{a} jaar"} for a in range(1, 100)]
    codes += [{"Key": str(19900 + a - 99), "Title": f"{a} jaar"} for a in range(100, 105)]
    return codes + [{"Key": "22000", "Title": "95 jaar of ouder"}, {"Key": "22300", "Title": "105 jaar of ouder"}]


def per_leeftijd(w: pd.Series) -> dict[str, float]:
    """One gemeente's inhabitants per age category of 03759ned, from its five-year groups."""
    banden = {65: "65 tot 70 jaar", 70: "70 tot 75 jaar", 75: "75 tot 80 jaar", 80: "80 tot 85 jaar",
              85: "85 tot 90 jaar", 90: "90 tot 95 jaar"}
    jong = w["inwoners"] - sum(w[b] for b in banden.values()) - w["95 jaar of ouder"]
    uit = {"Totaal": float(w["inwoners"]), "95 jaar of ouder": float(w["95 jaar of ouder"]),
           "105 jaar of ouder": 0.0}
    for a in range(65):
        uit[f"{a} jaar"] = jong / 65
    for begin, band in banden.items():
        for a in range(begin, begin + 5):
            uit[f"{a} jaar"] = w[band] / 5
    for a in range(95, 105):
        uit[f"{a} jaar"] = w["95 jaar of ouder"] / 10
    return uit


def bevolking_03759ned() -> dict[str, Any]:
    return {
        "TableInfos": [{"Identifier": "03759ned", "Title": "Bevolking op 1 januari en gemiddeld; geslacht, leeftijd en regio",
                        "Modified": "2025-06-30T02:00:00", "Period": "1988-2025"}],
        "DataProperties": [
            dimensie("Geslacht", "Geslacht"), dimensie("Leeftijd", "Leeftijd"),
            dimensie("BurgerlijkeStaat", "Burgerlijke staat"), dimensie("RegioS", "Regio's", "GeoDimension"),
            dimensie("Perioden", "Perioden", "TimeDimension"),
            onderwerp("BevolkingOp1Januari_1", "Bevolking op 1 januari"), onderwerp("GemiddeldeBevolking_2", "Gemiddelde bevolking"),
        ],
        "Geslacht": [{"Key": "T001038", "Title": "Totaal mannen en vrouwen"}, {"Key": "3000", "Title": "Mannen"},
                     {"Key": "4000", "Title": "Vrouwen"}],
        "BurgerlijkeStaat": [{"Key": "T001019", "Title": "Totaal burgerlijke staat"}, {"Key": "1010", "Title": "Ongehuwd"},
                             {"Key": "1020", "Title": "Gehuwd"}],
        "Leeftijd": _leeftijden(),
        "Perioden": jaren(2023, 2024, 2025, voorlopig=2025),
    }


def kubus_03759ned(meta: dict[str, Any], waarden: pd.DataFrame) -> list[Rij]:
    titels = {c["Title"]: c["Key"] for c in meta["Leeftijd"]}
    rijen = []
    for _, w in waarden.iterrows():
        for titel, aantal in per_leeftijd(w).items():
            for periode, factor in (("2023JJ00", 0.98), ("2024JJ00", 0.99), ("2025JJ00", 1.0)):
                for geslacht, deel in (("T001038", 1.0), ("3000", 0.49)):  # a wrong filter would double the counts
                    rijen.append({"ID": len(rijen), "Geslacht": geslacht, "Leeftijd": titels[titel],
                                  "BurgerlijkeStaat": "T001019", "RegioS": w["gemeentecode"], "Perioden": periode,
                                  "BevolkingOp1Januari_1": round(aantal * factor * deel), "GemiddeldeBevolking_2": None})
    return rijen


# --- 82900NED (discontinued) and its successor 86286NED -----------------------------------------------

#: The share of the stock in each occupancy category of the fixtures (not part of what StatLine serves).
_DEEL = {"T001235": 1.0, "A028725": 0.96, "A028726": 0.04, "T001742": 1.0, "A059383": 0.04}


def _voorraad(tabel_id: str, titel: str, gewijzigd: str, eigendom: list[tuple[str, str]],
              statussen: list[tuple[str, str]]) -> dict[str, Any]:
    """A stock table: the totals, the owner topics of its version, and its occupancy categories (key, title)."""
    return {
        "TableInfos": [{"Identifier": tabel_id, "Title": titel, "Modified": f"{gewijzigd}T02:00:00", "Period": "2012-2025"}],
        "DataProperties": [
            dimensie("StatusVanBewoning", "Status van bewoning"), dimensie("RegioS", "Regio's", "GeoDimension"),
            dimensie("Perioden", "Perioden", "TimeDimension"),
            onderwerp("TotaleWoningvoorraad_1", "Totale woningvoorraad"), onderwerp("Koopwoningen_2", "Koopwoningen"),
            onderwerp("TotaalHuurwoningen_3", "Totaal huurwoningen"), *(onderwerp(k, t) for k, t in eigendom),
        ],
        "StatusVanBewoning": [{"Key": k, "Title": t} for k, t in statussen],
        "Perioden": jaren(2024, 2025, voorlopig=2025),
    }


def _voorraadkubus(corporatie_key: str, methode: float) -> Callable[[dict[str, Any], pd.DataFrame], list[Rij]]:
    """The cube of a stock table: total and corporation stock per gemeente, period and occupancy; other topics '.'."""
    def kubus(meta: dict[str, Any], waarden: pd.DataFrame) -> list[Rij]:
        leeg = {e["Key"]: None for e in meta["DataProperties"] if e["Type"] == "Topic"}
        return [{**leeg, "ID": i, "StatusVanBewoning": status["Key"], "RegioS": w["gemeentecode"], "Perioden": periode,
                 "TotaleWoningvoorraad_1": round(w["woningvoorraad"] * _DEEL[status["Key"]]),
                 corporatie_key: round(w["corporatiewoningen"] * methode * _DEEL[status["Key"]])}
                for i, (_, w) in enumerate(waarden.iterrows())
                for periode in ("2024JJ00", "2025JJ00") for status in meta["StatusVanBewoning"]]
    return kubus


def woningen_82900ned() -> dict[str, Any]:
    return _voorraad(
        "82900NED", "Voorraad woningen; eigendom, type verhuurder, bewoning, regio", "2025-09-15",
        [("EigendomWoningcorporatie_4", "Eigendom woningcorporatie"),
         ("EigendomOverigeVerhuurders_5", "Eigendom overige verhuurders"), ("EigendomOnbekend_6", "Eigendom onbekend")],
        [("T001235", "Totaal"), ("A028725", "Bewoonde woningen"), ("A028726", "Niet bewoonde woningen")])


#: 86286NED counts by its own method: its corporation stock differs from 82900NED's (here by 2%).
METHODE_86286 = 0.98


def woningen_86286ned() -> dict[str, Any]:
    return _voorraad(
        "86286NED", "Voorraad woningen; eigendom, type eigenaar, status van bewoning, regio", "2026-06-30",
        [("EigendomNatuurlijkePersonen_4", "Eigendom natuurlijke personen"),
         ("EigendomWoningcorporaties_5", "Eigendom woningcorporaties"), ("EigendomBVSEnNVS_6", "Eigendom bv's en nv's"),
         ("EigendomOverigeRechtspersonen_7", "Eigendom overige rechtspersonen"), ("EigendomOnbekend_8", "Eigendom onbekend")],
        [("T001742", "Totaal"), ("A059383", "Leegstand")])


kubus_82900ned = _voorraadkubus("EigendomWoningcorporatie_4", 1.0)
kubus_86286ned = _voorraadkubus("EigendomWoningcorporaties_5", METHODE_86286)


# --- Kerncijfers wijken en buurten: one table per year, no period dimension, keys renumbered -------------

def kwb(tabel_id: str, jaar: int, corporatie_key: str, voorraad_key: str) -> dict[str, Any]:
    return {
        "TableInfos": [{"Identifier": tabel_id, "Title": f"Kerncijfers wijken en buurten {jaar}",
                        "Modified": f"{jaar + 1}-03-27T02:00:00", "Period": str(jaar)}],
        "DataProperties": [
            dimensie("WijkenEnBuurten", "Wijken en buurten", "GeoDimension"),
            onderwerp("Gemeentenaam_1", "Gemeentenaam", ""), onderwerp("SoortRegio_2", "Soort regio", ""),
            onderwerp("Codering_3", "Codering", ""), onderwerp("AantalInwoners_5", "Aantal inwoners"),
            onderwerp(voorraad_key, "Woningvoorraad"),
            groep("Eigendom"), onderwerp(corporatie_key, "In bezit woningcorporatie", "%"),
        ],
    }


def kubus_kwb(meta: dict[str, Any], waarden: pd.DataFrame, groei: float = 1.0) -> list[Rij]:
    voorraad = next(e["Key"] for e in meta["DataProperties"] if e["Title"] == "Woningvoorraad")
    corporatie = next(e["Key"] for e in meta["DataProperties"] if e["Title"] == "In bezit woningcorporatie")
    rijen = []
    for _, w in waarden.iterrows():
        code = w["gemeentecode"]
        for sleutel, soort in ((f"{code:<10}", "Gemeente  "), (f"WK{code[2:]}00  ", "Wijk      "),
                               (f"BU{code[2:]}0000", "Buurt     ")):
            rijen.append({"ID": len(rijen), "WijkenEnBuurten": sleutel, "Gemeentenaam_1": "", "SoortRegio_2": soort,
                          "Codering_3": sleutel, "AantalInwoners_5": int(w["inwoners"]),
                          voorraad: round(w["woningvoorraad"] * groei),
                          corporatie: round(100 * w["corporatiewoningen"] / w["woningvoorraad"])})
    return rijen


# --- 85980NED: topics "Totaal personen" (under the heading "Personen"), "Kenmerken", two periods a year ---

AANDACHTSGROEPEN_85980 = [("T001", "Totaal"), ("A050000", "Voltijdsstudent: totaal"), ("A050001", "Voltijdsstudent: uitwonend"),
                          ("A050010", "Statushouder: totaal"), ("A050011", "Statushouder: in eerste twee jaar na vergunning"),
                          ("A050020", "Uitstromer detentie: totaal"), ("A050021", "Uitstromer detentie: met woning")]


def aandachtsgroepen_85980ned() -> dict[str, Any]:
    return {
        "TableInfos": [{"Identifier": "85980NED", "Title": "Aandachtsgroepen volkshuisvesting; regio, 1 januari en 31 december",
                        "Modified": "2025-07-01T02:00:00", "Period": "2023-2024"}],
        "DataProperties": [
            dimensie("AandachtsgroepVolkshuisvesting", "Aandachtsgroep volkshuisvesting"), dimensie("Kenmerken", "Kenmerken"),
            dimensie("RegioS", "Regio's", "GeoDimension"), dimensie("Perioden", "Perioden", "TimeDimension"),
            groep("Personen"), onderwerp("TotaalPersonen_1", "Totaal personen"),
            groep("Huishoudens"), onderwerp("TotaalHuishoudens_2", "Totaal huishoudens"),
            groep("Woonruimten"), onderwerp("TotaalWoonruimten_3", "Totaal woonruimten"),
        ],
        "AandachtsgroepVolkshuisvesting": [{"Key": k, "Title": t} for k, t in AANDACHTSGROEPEN_85980],
        "Kenmerken": [{"Key": "T009002", "Title": "Totaal"}, {"Key": "3000", "Title": "Geslacht: man"},
                      {"Key": "4000", "Title": "Geslacht: vrouw"}, {"Key": "53105", "Title": "Leeftijd: 18 tot 25 jaar"}],
        "Perioden": [{"Key": "2023MM01", "Title": "2023 januari", "Status": "Definitief"},
                     {"Key": "2023MM12", "Title": "2023 december", "Status": "Definitief"},
                     {"Key": "2024MM01", "Title": "2024 januari", "Status": "Definitief"},
                     {"Key": "2024MM12", "Title": "2024 december", "Status": "Voorlopig"}],
    }


def kubus_85980ned(meta: dict[str, Any], waarden: pd.DataFrame) -> list[Rij]:
    rijen = []
    for _, w in waarden.iterrows():
        for periode in ("2024MM01", "2024MM12"):
            for kenmerk, deel in (("T009002", 1.0), ("3000", 0.5)):
                for groep_key, personen, huishoudens in (
                    ("A050010", w["statushouders_personen"], w["statushouders_huishoudens"]),
                    ("A050011", w["statushouders_personen"] // 3, w["statushouders_huishoudens"] // 2),
                    ("A050020", None, None),  # '.' in StatLine: a suppressed cell
                ):
                    rijen.append({"ID": len(rijen), "AandachtsgroepVolkshuisvesting": groep_key, "Kenmerken": kenmerk,
                                  "RegioS": w["gemeentecode"], "Perioden": periode,
                                  "TotaalPersonen_1": None if personen is None else round(personen * deel),
                                  "TotaalHuishoudens_2": None if huishoudens is None else round(huishoudens * deel),
                                  "TotaalWoonruimten_3": None})
    return rijen


# --- 85171NED / 85173NED: thousands, regional division of 2021, 85173NED with an interval and no total -------

PROGNOSEJAREN = range(2024, 2051)


def prognose(tabel_id: str, met_interval: bool) -> dict[str, Any]:
    titel = ("Regionale prognose 2023-2050; bevolking, intervallen, regio-indeling 2021" if met_interval
             else "Regionale prognose 2023-2050; bevolking, regio-indeling 2021")
    meta: dict[str, Any] = {
        "TableInfos": [{"Identifier": tabel_id, "Title": titel, "Modified": "2024-07-05T02:00:00", "Period": "2024-2050"}],
        "DataProperties": [
            *([dimensie("PrognoseInterval", "Prognose-interval")] if met_interval else []),
            dimensie("RegioIndeling2021", "Regio-indeling 2021", "GeoDimension"), dimensie("Perioden", "Perioden", "TimeDimension"),
            onderwerp("TotaleBevolking_1", "Totale bevolking", "x 1 000", 1),
        ],
        "Perioden": jaren(*PROGNOSEJAREN),
    }
    if met_interval:
        meta["PrognoseInterval"] = [{"Key": "MW00000", "Title": "Prognose"},
                                    {"Key": "MOG0067", "Title": "Ondergrens 67%-prognose-interval"},
                                    {"Key": "MBG0067", "Title": "Bovengrens 67%-prognose-interval"}]
    return meta


def inwoners_2021_indeling(waarden: pd.DataFrame) -> dict[str, float]:
    """Inhabitants per gemeente of the 2021 division: Weesp and Beemster apart from Amsterdam and Purmerend."""
    uit = {w["gemeentecode"]: float(w["inwoners"]) for _, w in waarden.iterrows()}
    for oud, (nieuw, deel) in MET_OUDE_GEMEENTEN.items():
        if nieuw in uit:
            uit[oud] = round(uit[nieuw] * deel)
            uit[nieuw] -= uit[oud]
    return uit


def prognosewaarde(inwoners: float, jaar: int) -> float:
    """A prognosis in thousands with one decimal, as the table publishes it."""
    return round(inwoners * (1 + 0.005 * (jaar - 2024)) / 1000, 1)


def kubus_prognose(meta: dict[str, Any], waarden: pd.DataFrame) -> list[Rij]:
    intervallen = [("MW00000", 1.0), ("MOG0067", 0.97), ("MBG0067", 1.03)] if "PrognoseInterval" in meta else [(None, 1.0)]
    rijen = []
    for code, inwoners in inwoners_2021_indeling(waarden).items():
        for jaar in PROGNOSEJAREN:
            for interval, factor in intervallen:
                rij = {"ID": len(rijen), "RegioIndeling2021": code, "Perioden": f"{jaar}JJ00",
                       "TotaleBevolking_1": prognosewaarde(inwoners * factor, jaar)}
                if interval:
                    rij["PrognoseInterval"] = interval
                rijen.append(rij)
    return rijen


#: Every table the fake serves: its metadata and how its cube is built.
TABELLEN: dict[str, tuple[Callable[[], dict[str, Any]], Callable[[dict[str, Any], pd.DataFrame], list[Rij]]]] = {
    "03759ned": (bevolking_03759ned, kubus_03759ned),
    "82900NED": (woningen_82900ned, kubus_82900ned),
    "86286NED": (woningen_86286ned, kubus_86286ned),
    "85984NED": (lambda: kwb("85984NED", 2024, "InBezitWoningcorporatie_49", "Woningvoorraad_35"), kubus_kwb),
    "85980NED": (aandachtsgroepen_85980ned, kubus_85980ned),
    "85171NED": (lambda: prognose("85171NED", False), kubus_prognose),
    "85173NED": (lambda: prognose("85173NED", True), kubus_prognose),
}
#: KWB 2026 (renumbered keys), served only where a test adds it: newer than the stock table.
KWB_2026 = ("86358NED", lambda: kwb("86358NED", 2026, "InBezitWoningcorporatie_51", "Woningvoorraad_37"),
            lambda meta, waarden: kubus_kwb(meta, waarden, groei=1.02))


def catalogus() -> list[Rij]:
    return [
        catalogusrij("03759ned", "Bevolking op 1 januari en gemiddeld; geslacht, leeftijd en regio", "1988-2025", "2025-06-30"),
        catalogusrij("82900NED", "Voorraad woningen; eigendom, type verhuurder, bewoning, regio", "2012-2025", "2025-09-15",
                     "Gediscontinueerd"),
        catalogusrij("86286NED", "Voorraad woningen; eigendom, type eigenaar, status van bewoning, regio", "2012-2025",
                     "2026-06-30"),
        catalogusrij("85984NED", "Kerncijfers wijken en buurten 2024", "2024", "2025-03-27"),
        catalogusrij("85980NED", "Aandachtsgroepen volkshuisvesting; regio, 1 januari en 31 december", "2023-2024",
                     "2025-07-01"),
        catalogusrij("85171NED", "Regionale prognose 2023-2050; bevolking, regio-indeling 2021", "2024-2050", "2024-07-05"),
        catalogusrij("85173NED", "Regionale prognose 2023-2050; bevolking, intervallen, regio-indeling 2021", "2024-2050",
                     "2024-07-05"),
        catalogusrij("37296ned", "Bevolking; kerncijfers", "1950-2025", "2025-06-30"),
    ]
