"""The machine-readable outputs of one analysis written together: tabellen.xlsx, kerncijfers.csv (and the same
rows as kerncijfers-excel.csv for a Dutch Excel), samenvatting.json and, for a deelregio's run, a factsheet per gemeente.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from woonzorg_lib import __version__
from woonzorg_lib.analyse.resultaat import Analyse
from woonzorg_lib.model.doelgroepen import AANDACHTSGROEPEN
from woonzorg_lib.model.herkomst import zwakste
from woonzorg_lib.model.onthulling import afgerond
from woonzorg_lib.rapport.factsheet import factsheets
from woonzorg_lib.rapport.kerncijfers import herkomst_totaal, kerncijfers, schrijf_kerncijfers
from woonzorg_lib.rapport.tabellen import schrijf_tabellen
from woonzorg_lib.rapport.vhp import schrijf_vhp

# The notebook parameter through which the batch names the folder a run writes its files to (see Rapport.bewaar).
UITVOERMAP = "uitvoermap"


def samenvatting(analyse: Analyse) -> dict[str, Any]:
    """The key figures for the index of a batch (rounded as in the report)."""
    p = analyse.parameters
    regio = analyse.regio_per_scenario()
    gedekt = analyse.aandachtsgroepen_gedekt()
    taak = analyse.taakstelling
    taak = taak[(taak["jaar"] == p.peiljaar) & (taak["scenario"] == p.scenario)]
    herkomst = herkomst_totaal(analyse)  # as kerncijfers.csv tiers the area's total
    return {
        "gebied": analyse.regio.naam,
        "gemeenten": len(analyse.regio.gemeentecodes),
        "peiljaar": p.peiljaar,
        "doeljaar": p.doeljaar,
        "dekking": {
            "met_gegevens": len(gedekt["volledig"]) + len(gedekt["gedeeltelijk"]),
            "aandachtsgroepen": len(AANDACHTSGROEPEN),
            "volledig": gedekt["volledig"], "gedeeltelijk": gedekt["gedeeltelijk"], "geen_gegevens": gedekt["geen"],
        },
        "taakstelling_statushouders": {
            halfjaar: {"landelijk": int(rijen["landelijk"].iloc[0]), "personen": int(rijen["personen"].sum()),
                       "herkomst": rijen["herkomst"].iloc[0], "inwoners_op": rijen["peildatum_inwoners"].iloc[0]}
            for halfjaar, rijen in taak.groupby("halfjaar")
        },
        "huidige_belasting_bekend": "huidige_belasting" in analyse.verdeling,
        "vraag_laag": afgerond(regio.loc["laag", "vraag_aandachtsgroepen"]),
        "vraag_midden": afgerond(regio.loc["midden", "vraag_aandachtsgroepen"]),
        "vraag_hoog": afgerond(regio.loc["hoog", "vraag_aandachtsgroepen"]),
        "tekort_midden": afgerond(regio.loc["midden", "tekort"]),
        "claim_midden": round(float(regio.loc["midden", "claim"]), 3),
        "herkomst": herkomst | {"claim": zwakste([herkomst["vraag"], herkomst["verhuringen"]])},
        "aandeel_afgesproken": p.aandeel_verhuringen_aandachtsgroepen,
        "woonzorg": __version__,
    }


def schrijf_uitvoer(analyse: Analyse, map_: Path, kern: pd.DataFrame | None = None,
                    met_factsheets: bool = False) -> list[Path]:
    """Write the machine-readable outputs into ``map_`` (from ``kern`` if already made) and, if asked, a factsheet
    per gemeente from the same rows; samenvatting.json lists the factsheets. Return the paths written."""
    map_.mkdir(parents=True, exist_ok=True)
    tabellen, json_pad = map_ / "tabellen.xlsx", map_ / "samenvatting.json"
    kern = kerncijfers(analyse) if kern is None else kern
    schrijf_tabellen(analyse, kern, tabellen)
    cijfers = schrijf_kerncijfers(kern, map_)
    bladen = factsheets(analyse, kern) if met_factsheets else []
    for blad in bladen:
        (map_ / blad.bestand).write_text(blad.html, encoding="utf-8")
    indeling = analyse.regio.indeling().set_index("gemeentecode")["deelregio"]
    vhp = schrijf_vhp(analyse, kern, map_, met_factsheets)  # the Wvrv chapters (and annex) from the same rows
    kern_json = samenvatting(analyse) | {"factsheets": [
        {"gemeentecode": b.gemeentecode, "gemeente": b.gemeente, "deelregio": indeling[b.gemeentecode],
         "bestand": b.bestand} for b in bladen]} | vhp
    json_pad.write_text(json.dumps(kern_json, ensure_ascii=False, indent=2), encoding="utf-8")
    extra = [map_ / f[k] for f in vhp["vhp"] for k in ("bestand", "word")]
    extra += [map_ / b[k] for b in vhp["bijlagen"] for k in ("word", "csv")]
    return [tabellen, *cijfers, json_pad, *(map_ / b.bestand for b in bladen), *extra]
