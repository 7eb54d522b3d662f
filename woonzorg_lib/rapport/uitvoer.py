"""Machine-readable outputs of one analysis: tabellen.xlsx, kerncijfers.csv and samenvatting.json.

Every count of people is disclosure-controlled here too: these files leave the analyst's machine.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from woonzorg_lib import __version__
from woonzorg_lib.analyse import Analyse
from woonzorg_lib.data.bronnen import bronnen
from woonzorg_lib.model.doelgroepen import DOELGROEPEN
from woonzorg_lib.model.onthulling import OPMERKING, TOTAAL, VERBORGEN
from woonzorg_lib.rapport import publicatie

KERNCIJFERS = ["gemeentecode", "gemeente", "deelregio", "doelgroep", "scenario", "jaar", "indicator", "waarde"]


def _beschermde_vraag(analyse: Analyse) -> pd.DataFrame:
    """Demand per gemeente × doelgroep in persons and homes, every scenario and year, protected together, long form."""
    vraag = analyse.vraag
    indeling = analyse.regio.indeling().set_index("gemeentecode")
    codes = list(analyse.regio.gemeentecodes)
    drempel = analyse.parameters.drempel_onthulling
    delen = []
    gezien: dict[bytes, list[pd.DataFrame]] = {}  # years with the same figures are protected once
    for (scenario, jaar), groep in vraag.groupby(["scenario", "jaar"], observed=True):
        tabellen = [
            groep[groep[waarde].notna()]
            .pivot_table(index="gemeentecode", columns="doelgroep", values=waarde, aggfunc="sum", observed=True)
            .reindex(codes).rename_axis(columns=None)
            for waarde in ("personen", "woningen")
        ]
        sleutel = b"".join(t.to_numpy().tobytes() + repr(list(t.columns)).encode() for t in tabellen)
        if sleutel not in gezien:
            gezien[sleutel] = publicatie.personen_en_woningen(*tabellen, drempel)
        for waarde, beschermd in zip(("personen", "woningen"), gezien[sleutel], strict=True):
            lang = beschermd.rename(columns={TOTAAL: "totaal"}).rename_axis("gemeentecode").reset_index().melt(
                id_vars="gemeentecode", var_name="doelgroep", value_name="waarde")
            lang["scenario"], lang["jaar"], lang["indicator"] = str(scenario), int(jaar), f"vraag_{waarde}"
            delen.append(lang)
    uit = pd.concat(delen, ignore_index=True)
    totaal = uit["gemeentecode"] == TOTAAL
    uit["gemeente"] = uit["gemeentecode"].map(indeling["gemeentenaam"]).where(~totaal, "")
    uit["deelregio"] = uit["gemeentecode"].map(indeling["deelregio"]).where(~totaal, "")
    uit.loc[totaal, "gemeentecode"] = ""
    return uit


def kerncijfers(analyse: Analyse) -> pd.DataFrame:
    """The result in long form: one row per gemeente (or total: empty gemeentecode) × doelgroep × scenario × jaar × indicator."""
    p = analyse.parameters
    delen = [_beschermde_vraag(analyse)]
    conf = analyse.confrontatie
    gemeenten = conf[conf["niveau"] != "deelregio"].copy() if len(analyse.regio.deelregios) == 1 else conf.copy()
    gemeenten["gemeente"] = gemeenten["naam"].where(gemeenten["niveau"] == "gemeente", "")
    gemeenten["deelregio"] = gemeenten["deelregio"].where(gemeenten["niveau"] != "regio", "")
    woningen = ["verhuringen", "beschikbaar", "nieuw_aanbod", "tekort", "vraag_ouderen", "tekort_ouderen"]
    conf_lang = gemeenten.melt(id_vars=["gemeentecode", "gemeente", "deelregio", "scenario", "jaar"],
                               value_vars=woningen + ["claim"], var_name="indicator", value_name="waarde")
    conf_lang["doelgroep"] = ""
    afgerond = conf_lang["indicator"] != "claim"
    conf_lang.loc[afgerond, "waarde"] = (conf_lang.loc[afgerond, "waarde"] / 5).round() * 5
    conf_lang.loc[~afgerond, "waarde"] = conf_lang.loc[~afgerond, "waarde"].round(4)
    delen.append(conf_lang)
    verdeling = analyse.verdeling.rename(columns={"gemeentenaam": "gemeente"})
    for variant in p.verdeelsleutels:
        deel = verdeling[["gemeentecode", "gemeente", "deelregio"]].assign(
            doelgroep="aandachtsgroepen", scenario=p.scenario, jaar=p.peiljaar, indicator=f"fair_share: {variant}",
            waarde=verdeling[variant])
        delen.append(deel)
    uit = pd.concat([d[KERNCIJFERS] for d in delen], ignore_index=True)
    return uit.sort_values(["indicator", "scenario", "jaar", "gemeentecode", "doelgroep"], kind="stable", ignore_index=True)


def samenvatting(analyse: Analyse) -> dict[str, Any]:
    """The key figures for the index of a batch (rounded as in the report)."""
    p = analyse.parameters
    regio = analyse.regio_per_scenario()
    rond = lambda w: int(5 * round(float(w) / 5))  # noqa: E731
    return {
        "gebied": analyse.regio.naam,
        "gemeenten": len(analyse.regio.gemeentecodes),
        "peiljaar": p.peiljaar,
        "doeljaar": p.doeljaar,
        "vraag_laag": rond(regio.loc["laag", "vraag_aandachtsgroepen"]),
        "vraag_midden": rond(regio.loc["midden", "vraag_aandachtsgroepen"]),
        "vraag_hoog": rond(regio.loc["hoog", "vraag_aandachtsgroepen"]),
        "tekort_midden": rond(regio.loc["midden", "tekort"]),
        "claim_midden": round(float(regio.loc["midden", "claim"]), 4),
        "aandeel_afgesproken": p.aandeel_verhuringen_aandachtsgroepen,
        "woonzorg": __version__,
    }


def schrijf_tabellen(analyse: Analyse, pad: Path) -> None:
    """tabellen.xlsx: the report's tables, protected, one sheet each, with a sheet of explanations."""
    drempel = analyse.parameters.drempel_onthulling
    p = analyse.parameters
    vraag = analyse.vraag[(analyse.vraag["scenario"] == p.scenario) & (analyse.vraag["jaar"] == p.peiljaar)]
    namen = analyse.regio.indeling().set_index("gemeentecode")["gemeentenaam"]
    per_gemeente = [
        vraag[vraag[waarde].notna()]
        .pivot_table(index="gemeentecode", columns="doelgroep", values=waarde, aggfunc="sum", observed=True)
        .reindex(list(analyse.regio.gemeentecodes))
        .rename(index=namen, columns=lambda d: DOELGROEPEN[d].naam)
        .rename_axis(index="gemeente", columns=None)
        for waarde in ("personen", "woningen")
    ]
    # The same joint protection as the report and kerncijfers.csv: no file shows what another hides.
    personen, woningen = publicatie.personen_en_woningen(*per_gemeente, drempel)
    conf = analyse.confrontatie
    conf = conf[(conf["scenario"] == p.scenario) & (conf["jaar"] == p.peiljaar)]
    bladen = {
        "vraag (woningen per jaar)": woningen,
        "vraag (personen per jaar)": personen,
        "aanbod": publicatie.woningen(analyse.aanbod[["corporatiewoningen", "verhuringen", "beschikbaar", "nieuw_aanbod"]]
                                      .rename(index=namen)),
        "confrontatie": conf.set_index("naam")[["niveau", "vraag_aandachtsgroepen", "beschikbaar", "nieuw_aanbod",
                                                "tekort", "claim"]].round({"vraag_aandachtsgroepen": -1, "beschikbaar": 0,
                                                                           "nieuw_aanbod": 0, "tekort": -1, "claim": 4}),
        "verdeling": analyse.verdeling.set_index("gemeentenaam").drop(columns=["gemeentecode", "eigen_vraag"]),
        "gevoeligheid": analyse.gevoeligheid.set_index("aanname"),
        "kengetallen": analyse.kengetallen,
        "bronnen": pd.DataFrame([b.__dict__ for b in bronnen().values()]).set_index("tabel_id"),
    }
    toelichting = pd.DataFrame({"toelichting": [
        f"Woonzorganalyse {analyse.regio.naam}, peiljaar {p.peiljaar}, doeljaar {p.doeljaar}, scenario {p.scenario}.",
        OPMERKING.format(veelvoud=5, drempel=drempel),
        f"'{VERBORGEN}' = afgeschermd. Woningen en tekorten zijn afgerond; fair-share doelen zijn hele woningen.",
        f"Gemaakt met woonzorg {__version__}.",
    ]})
    with pd.ExcelWriter(pad, engine="openpyxl") as schrijver:
        toelichting.to_excel(schrijver, sheet_name="toelichting", index=False)
        for naam, tabel in bladen.items():
            tabel.to_excel(schrijver, sheet_name=naam[:31])


def schrijf_uitvoer(analyse: Analyse, map_: Path) -> list[Path]:
    """Write the three machine-readable outputs into ``map_``; return their paths."""
    map_.mkdir(parents=True, exist_ok=True)
    tabellen, cijfers, kern = map_ / "tabellen.xlsx", map_ / "kerncijfers.csv", map_ / "samenvatting.json"
    schrijf_tabellen(analyse, tabellen)
    kerncijfers(analyse).to_csv(cijfers, index=False, encoding="utf-8")
    kern.write_text(json.dumps(samenvatting(analyse), ensure_ascii=False, indent=2), encoding="utf-8")
    return [tabellen, cijfers, kern]
