"""kerncijfers.csv: the result of one analysis in long form, every row with its tier and source.

Every count of people is disclosure-controlled here too: these rows leave the analyst's machine,
and the workbook, factsheets and maps are cut from them.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from woonzorg_lib.algemeen.opmaak import aandeel, getal, kengetal, procent
from woonzorg_lib.analyse.resultaat import Analyse
from woonzorg_lib.model.doelgroepen import AANDACHTSGROEPEN
from woonzorg_lib.model.herkomst import RANG, zwakste
from woonzorg_lib.model.onthulling import KLEIN, ONBEKEND, TOTAAL, VERBORGEN, afronden
from woonzorg_lib.model.vraag import exact_personen
from woonzorg_lib.rapport import publicatie
from woonzorg_lib.rapport.parameterzinnen import gewichtenzin

KERNCIJFERS = [
    "gemeentecode", "gemeente", "deelregio", "doelgroep", "scenario", "jaar", "indicator", "waarde", "herkomst", "bron",
]
GEEN_GEGEVENS = ("geen gegevens", "geen cijfer voor deze gemeente: vul het in het invoerformat in")
CLAIM_ZONDER_VERHURINGEN = "niet te berekenen: 0 verhuringen per jaar"
# A group without any figure in the area: its rows are there, as n.b., never a 0 and never in a total.
GEEN_DOELGROEP = ("geen cijfers voor deze doelgroep in dit gebied: telt niet mee in de totalen (is geen 0); "
                  "vul ze in het invoerformat in")


def _herkomst_vraag(vraag: pd.DataFrame) -> pd.DataFrame:
    """Per gemeente × doelgroep × scenario × jaar × indicator the weakest tier and the sources of the demand."""
    sleutel = ["gemeentecode", "doelgroep", "scenario", "jaar"]
    delen = []
    for waarde, kolom in (("personen", "herkomst_personen"), ("woningen", "herkomst")):
        rang = vraag.assign(rang=vraag[kolom].astype(str).map(RANG), bron=vraag["bron"].astype(str))
        uit = rang.groupby([rang[k].astype(str) if k != "jaar" else rang[k] for k in sleutel]).agg(
            rang=("rang", "max"), bron=("bron", lambda b: " | ".join(dict.fromkeys(b))))
        delen.append(uit.rename_axis(sleutel).reset_index().assign(indicator=f"vraag_{waarde}"))
    return pd.concat(delen, ignore_index=True)


def _beschermde_vraag(analyse: Analyse) -> pd.DataFrame:
    """Demand per gemeente × doelgroep in persons and homes, every scenario and year, protected together, long form.

    One table per scenario × year × unit, each protected as ``publicatie.volgens_patroon`` does
    (the same totals, rounding, hidden and unknown cells), computed on arrays in one pass.
    """
    vraag = analyse.vraag[analyse.vraag["doelgroep"].isin(AANDACHTSGROEPEN)]  # older people are no count of persons
    indeling = analyse.regio.indeling().set_index("gemeentecode")
    codes = list(analyse.regio.gemeentecodes)
    lang = vraag.melt(id_vars=["gemeentecode", "doelgroep", "scenario", "jaar"], value_vars=["personen", "woningen"],
                      var_name="eenheid", value_name="aantal").dropna(subset=["aantal"])
    lang = lang.assign(gemeentecode=lang["gemeentecode"].astype(str), doelgroep=lang["doelgroep"].astype(str))
    breed = lang.pivot_table(index="gemeentecode", columns=["scenario", "jaar", "eenheid", "doelgroep"], values="aantal",
                             aggfunc="sum", observed=True).reindex(codes)
    # The statutory taakstelling in persons is a public count: shown exactly, as are totals of only such cells.
    openbaar = vraag.assign(exact=exact_personen(vraag), gemeentecode=vraag["gemeentecode"].astype(str),
                            doelgroep=vraag["doelgroep"].astype(str)).pivot_table(
        index="gemeentecode", columns=["scenario", "jaar", "doelgroep"], values="exact", aggfunc="all",
        observed=True).reindex(codes)
    blokken = set(breed.columns.droplevel("doelgroep"))
    rijen = [*codes, TOTAAL]
    maskers: dict[tuple[str, ...], np.ndarray] = {}
    delen = []
    for scenario, jaar in vraag.groupby(["scenario", "jaar"], observed=True).groups:
        for waarde in ("personen", "woningen"):
            blok = (scenario, jaar, waarde)
            tabel = breed.loc[:, blok] if blok in blokken else pd.DataFrame(index=codes)
            tabel = tabel.reindex(columns=[*tabel.columns, *(g for g in AANDACHTSGROEPEN if g not in tabel.columns)])
            groepen = tuple(map(str, tabel.columns))
            if groepen not in maskers:
                maskers[groepen] = analyse.beveiliging.reindex(index=[*codes, analyse.totaalrij()], columns=[*groepen, TOTAAL],
                                                               fill_value=False).to_numpy(dtype=bool)
            cellen = tabel.to_numpy(dtype="float64")
            volledig = np.nan_to_num(cellen, nan=0.0)
            volledig = np.vstack([volledig, volledig.sum(axis=0)])  # totals before rounding, as volgens_patroon
            volledig = np.hstack([volledig, volledig.sum(axis=1)[:, None]])
            onbekend = np.pad(np.isnan(cellen), ((0, 1), (0, 1)))
            onbekend[-1, :-1] = np.isnan(cellen).all(axis=0)  # a group without any figure has no total either
            verborgen = maskers[groepen]
            afgerond = afronden(volledig)
            if waarde == "personen":
                precies = openbaar.reindex(columns=pd.MultiIndex.from_tuples(
                    [(scenario, jaar, g) for g in groepen])).astype("boolean").fillna(False).to_numpy(dtype=bool) | np.isnan(cellen)
                precies = np.vstack([precies, precies.all(axis=0)])
                precies = np.hstack([precies, precies.all(axis=1)[:, None]])
                afgerond = np.where(precies, np.round(volledig), afgerond).astype("int64")
            getoond = np.where((volledig > 0) & (afgerond == 0), KLEIN, afgerond.astype(object))  # positive, not "0"
            waarden = np.where(verborgen, VERBORGEN, np.where(onbekend, ONBEKEND, getoond))
            delen.append(pd.DataFrame({
                "gemeentecode": np.tile(rijen, len(groepen) + 1),
                "doelgroep": np.repeat([*groepen, "totaal"], len(rijen)),
                "waarde": waarden.ravel(order="F"),  # column by column, as a melt of the table
                "scenario": str(scenario), "jaar": int(jaar), "indicator": f"vraag_{waarde}",
            }))
    uit = pd.concat(delen, ignore_index=True)
    # The tier and source of each row: the cell's own, or for a total the weakest of what it adds up (by merges).
    herkomst = _herkomst_vraag(vraag)
    totalen = [
        herkomst.assign(bron="som van de doelgroepen")
        .groupby(["gemeentecode", "scenario", "jaar", "indicator"], as_index=False)
        .agg(rang=("rang", "max"), bron=("bron", "first")).assign(doelgroep="totaal"),
        herkomst.assign(bron="som van de gemeenten").groupby(["doelgroep", "scenario", "jaar", "indicator"], as_index=False)
        .agg(rang=("rang", "max"), bron=("bron", "first")).assign(gemeentecode=TOTAAL),
        herkomst.assign(bron="som van de gemeenten en doelgroepen").groupby(["scenario", "jaar", "indicator"], as_index=False)
        .agg(rang=("rang", "max"), bron=("bron", "first")).assign(gemeentecode=TOTAAL, doelgroep="totaal"),
    ]
    sleutel = ["gemeentecode", "doelgroep", "scenario", "jaar", "indicator"]
    uit = uit.merge(pd.concat([herkomst, *totalen], ignore_index=True)[[*sleutel, "rang", "bron"]], on=sleutel,
                    how="left")
    uit["herkomst"] = uit["rang"].map(dict(enumerate(RANG))).fillna(GEEN_GEGEVENS[0])
    uit["bron"] = uit["bron"].fillna(GEEN_GEGEVENS[1])
    zonder = ~uit["doelgroep"].isin(list(herkomst["doelgroep"].unique()) + ["totaal"])
    uit.loc[zonder, "bron"] = GEEN_DOELGROEP
    uit = uit.drop(columns="rang")
    totaal = uit["gemeentecode"] == TOTAAL
    uit["gemeente"] = uit["gemeentecode"].map(indeling["gemeentenaam"]).where(~totaal, "")
    uit["deelregio"] = uit["gemeentecode"].map(indeling["deelregio"]).where(~totaal, _gebied_deelregio(analyse))
    uit.loc[totaal, "gemeentecode"] = ""
    uit.loc[uit["doelgroep"] == "totaal", "doelgroep"] = "totaal aandachtsgroepen"
    return uit


def _gebied_deelregio(analyse: Analyse) -> str:
    """The deelregio column of this area's total rows: its deelregio's name, so they match the regional overview."""
    totaal = analyse.totaalrij()
    return "" if totaal == TOTAAL else totaal


def _herkomst_confrontatie(analyse: Analyse, conf: pd.DataFrame) -> pd.DataFrame:
    """Per confrontation row (gemeente, deelregio or regio × scenario × jaar) the tier rank of its parts."""
    vraag = analyse.vraag
    rang = vraag.assign(rang=vraag["herkomst"].astype(str).map(RANG),
                        deel=np.where(vraag["doelgroep"].isin(AANDACHTSGROEPEN), "vraag", "ouderen"))
    rang = rang.assign(gemeentecode=rang["gemeentecode"].astype(str), scenario=rang["scenario"].astype(str))
    per_gemeente = rang.pivot_table(index=["gemeentecode", "scenario", "jaar"], columns="deel", values="rang",
                                    aggfunc="max", observed=True).reset_index()
    aanbod = analyse.aanbod
    for deel, kolom in (("verhuringen", "verhuringen_herkomst"), ("beschikbaar", "beschikbaar_herkomst"),
                        ("nieuw", "nieuw_aanbod_herkomst"), ("ouderen_aanbod", "ouderen_aanbod_herkomst")):
        per_gemeente[deel] = per_gemeente["gemeentecode"].map(aanbod[kolom].map(RANG)).fillna(RANG["aanname"])
    indeling = analyse.regio.indeling().set_index("gemeentecode")["deelregio"]
    per_gemeente["deelregio"] = per_gemeente["gemeentecode"].map(indeling)
    delen = ["vraag", "ouderen", "verhuringen", "beschikbaar", "nieuw", "ouderen_aanbod"]
    for deel in delen:
        if deel not in per_gemeente:
            per_gemeente[deel] = RANG["aanname"]
    gemeente = conf[["gemeentecode", "scenario", "jaar"]].merge(per_gemeente, how="left")[delen]
    deelregio = conf[["deelregio", "scenario", "jaar"]].merge(
        per_gemeente.groupby(["deelregio", "scenario", "jaar"])[delen].max().reset_index(), how="left")[delen]
    regio = conf[["scenario", "jaar"]].merge(
        per_gemeente.groupby(["scenario", "jaar"])[delen].max().reset_index(), how="left")[delen]
    niveau = conf["niveau"].to_numpy()[:, None]
    waarden = np.where(niveau == "gemeente", gemeente.to_numpy(),
                       np.where(niveau == "deelregio", deelregio.to_numpy(), regio.to_numpy()))
    return pd.DataFrame(waarden, columns=delen, index=conf.index).fillna(RANG["aanname"])


# A gap is as weak as the weakest of demand, the lettings for the groups (lettings × the agreed share) and new supply.
TEKORT_DELEN = ["vraag", "verhuringen", "beschikbaar", "nieuw"]


def herkomst_totaal(analyse: Analyse) -> dict[str, str]:
    """The tier of the area's demand, lettings and gap in the peiljaar (the weakest over the scenarios), as
    kerncijfers.csv gives it for the area's total."""
    conf = analyse.confrontatie
    rang = _herkomst_confrontatie(analyse, conf[(conf["niveau"] == "regio") & (conf["jaar"] == analyse.parameters.peiljaar)])
    delen = {"vraag": ["vraag"], "verhuringen": ["verhuringen"], "tekort": TEKORT_DELEN}
    return {naam: list(RANG)[int(rang[kolommen].to_numpy().max())] for naam, kolommen in delen.items()}


def herkomst_opgeteld_tekort(analyse: Analyse) -> pd.Series:
    """Per year the tier of the area's gap added up from the peiljaar to that year: the weakest of its years and
    scenarios, as kerncijfers.csv tiers each year's gap."""
    conf = analyse.confrontatie
    regio = conf[conf["niveau"] == "regio"]
    rang = _herkomst_confrontatie(analyse, regio)[TEKORT_DELEN].max(axis=1)
    per_jaar = rang.groupby(regio["jaar"].to_numpy()).max().sort_index().cummax()
    return per_jaar.map(lambda r: list(RANG)[int(r)]).rename_axis("jaar")


def kerncijfers(analyse: Analyse) -> pd.DataFrame:
    """The result in long form: one row per gemeente (or total: empty gemeentecode) × doelgroep × scenario × jaar × indicator.

    Every row carries its tier (``herkomst``: the weakest of everything in it) and its source.
    """
    p = analyse.parameters
    delen = [_beschermde_vraag(analyse)]
    conf = analyse.confrontatie
    gemeenten = conf[conf["niveau"] != "deelregio"].copy() if len(analyse.regio.deelregios) == 1 else conf.copy()
    rang = _herkomst_confrontatie(analyse, gemeenten)
    gemeenten["gemeente"] = gemeenten["naam"].where(gemeenten["niveau"] == "gemeente", "")
    gemeenten["deelregio"] = gemeenten["deelregio"].where(gemeenten["niveau"] != "regio", _gebied_deelregio(analyse))
    # A gemeente's demand total hidden by the region's pattern hides what follows from it: gap and claim.
    masker = analyse.beveiliging[TOTAAL]
    sleutel = gemeenten["gemeentecode"].where(gemeenten["niveau"] == "gemeente",
                                              gemeenten["deelregio"].where(gemeenten["niveau"] == "deelregio",
                                                                           analyse.totaalrij()))
    verborgen = sleutel.map(masker).fillna(False).astype(bool).to_numpy()
    aandeel = procent(p.aandeel_verhuringen_aandachtsgroepen)
    som = np.where(gemeenten["niveau"] == "gemeente", "", "som van de gemeenten: ")
    lettings = bron_verhuringen(analyse).reindex(gemeenten["gemeentecode"]).to_numpy()
    indicatoren = {
        "verhuringen": (rang["verhuringen"], "werkelijke verhuringen of corporatiewoningen × mutatiegraad"),
        "beschikbaar": (rang["beschikbaar"], f"verhuringen × afgesproken aandeel {aandeel} (beleidskeuze)"),
        "nieuw_aanbod": (rang["nieuw"], "nieuw aanbod uit het invoerformat; niet ingevuld telt als 0"),
        "tekort": (rang[TEKORT_DELEN].max(axis=1),
                   f"vraag aandachtsgroepen − verhuringen × {aandeel} − nieuw aanbod"),
        "claim": (rang[["vraag", "verhuringen"]].max(axis=1), "vraag aandachtsgroepen ÷ verhuringen"),
        "vraag_ouderen": (rang["ouderen"], "referentiescenario: landelijke beleidsdoelen 2022-2030 naar rato van 75+"),
        "tekort_ouderen": (rang[["ouderen", "ouderen_aanbod"]].max(axis=1), "vraag ouderen − gepland aanbod voor ouderen"),
    }
    for indicator, (rangen, bron) in indicatoren.items():
        waarde = gemeenten[indicator].astype("float64")
        herkomst = pd.Series([list(RANG)[int(r)] for r in rangen], index=waarde.index)
        if indicator == "claim":
            waarde = waarde.round(3)
        else:  # counts rounded to fives as in every table; published lettings as published; positive, not "0"
            exact = publicatie.gepubliceerd(herkomst) & (indicator == "verhuringen")
            afgerond = afronden(waarde.fillna(0.0)).where(waarde.notna())
            klein = ~exact & (waarde > 0) & (afgerond == 0)
            waarde = waarde.round().where(exact, afgerond).astype(object).mask(klein, KLEIN)
        waarde = waarde.astype(object)
        if indicator in ("tekort", "claim"):
            waarde = waarde.mask(verborgen, VERBORGEN)
        bronnen = [f"{s}{bron}" if indicator != "verhuringen" or s else f"{v}" for s, v in zip(som, lettings, strict=True)]
        if indicator == "claim":  # no lettings: a claim on them has no value, and no tier either
            zonder = waarde.isna().to_numpy() & (gemeenten["verhuringen"] == 0).to_numpy()
            herkomst = herkomst.mask(zonder, GEEN_GEGEVENS[0])
            bronnen = [CLAIM_ZONDER_VERHURINGEN if z else b for z, b in zip(zonder, bronnen, strict=True)]
        delen.append(gemeenten[["gemeentecode", "gemeente", "deelregio", "scenario", "jaar"]].assign(
            doelgroep="", indicator=indicator, waarde=waarde.to_numpy(),
            herkomst=herkomst.to_numpy(), bron=bronnen))
    delen += _taakstelling_rijen(analyse)
    delen += _verdeling_rijen(analyse)
    uit = pd.concat([d[KERNCIJFERS] for d in delen], ignore_index=True)
    return uit.sort_values(["indicator", "scenario", "jaar", "gemeentecode", "doelgroep"], kind="stable", ignore_index=True)


def _verdeling_rijen(analyse: Analyse) -> list[pd.DataFrame]:
    """The one regional distribution: this area's gemeenten, its deelregio total(s) and, for the region, the region total.

    Indicators say over which area the share was taken: ``fair_share_regio`` (the whole
    region) or ``fair_share_binnen_deelregio`` (only the deelregio's own task).
    """
    p = analyse.parameters
    codes = list(analyse.regio.gemeentecodes)
    verdeling = analyse.verdeling.rename(columns={"gemeentenaam": "gemeente"})
    gebied = verdeling[verdeling["gemeentecode"].isin(codes)]
    taak = analyse.vraag[(analyse.vraag["scenario"] == p.scenario) & (analyse.vraag["jaar"] == p.peiljaar)
                         & analyse.vraag["doelgroep"].isin(AANDACHTSGROEPEN)]
    herkomst = zwakste(taak["herkomst"])
    delen = []
    for kolom in [k for k in verdeling.columns if k not in ("gemeentecode", "gemeente", "deelregio", "eigen_vraag",
                                                              "huidige_belasting")]:
        binnen = kolom.endswith(" (binnen deelregio)")
        begrensd = kolom.endswith(" (onder plafond)")
        variant = kolom.removesuffix(" (binnen deelregio)").removesuffix(" (onder plafond)")
        sleutel = gewichtenzin(p.verdeelsleutels[variant])
        over = f"de eigen opgave van {analyse.regio.naam}" if binnen else (
            f"de opgave van {analyse.geheel.naam} ({getal(analyse.taak())} woningen), verdeeld over al haar gemeenten")
        indicator = (f"fair_share_{'binnen_deelregio' if binnen else 'regio'}{'_onder_plafond' if begrensd else ''}: "
                     f"{variant}")
        kop = dict(doelgroep="aandachtsgroepen", scenario=p.scenario, jaar=p.peiljaar, indicator=indicator,
                   herkomst=herkomst, bron=f"{over}, met verdeelsleutel {sleutel}")
        delen.append(gebied[["gemeentecode", "gemeente", "deelregio"]].assign(waarde=gebied[kolom], **kop))
        per_deelregio = gebied.groupby("deelregio", sort=False)[kolom].sum()
        if len(analyse.geheel.deelregios) > 1:
            delen.append(pd.DataFrame({"gemeentecode": "", "gemeente": "", "deelregio": per_deelregio.index,
                                       "waarde": per_deelregio.to_numpy(), **kop}))
        if len(codes) == len(analyse.geheel.gemeentecodes):
            delen.append(pd.DataFrame({"gemeentecode": [""], "gemeente": [""], "deelregio": [""],
                                       "waarde": [gebied[kolom].sum()], **kop}))
    if "huidige_belasting" in verdeling:
        delen.append(_belasting_rijen(analyse, gebied))
    return delen


def _belasting_rijen(analyse: Analyse, gebied: pd.DataFrame) -> pd.DataFrame:
    """The current load per gemeente from the invoerformat, protected exactly as the report's Verdeling shows it."""
    p = analyse.parameters
    tabel = gebied.set_index("gemeente")[["huidige_belasting"]]
    beschermd = publicatie.personen(tabel, p.drempel_onthulling, rijtotaal=False)["huidige_belasting"]
    invoer = analyse.invoer[analyse.invoer["onderwerp"] == "huidige_belasting"].set_index("gemeentecode")
    rijen = gebied[["gemeentecode", "gemeente", "deelregio"]].assign(
        waarde=beschermd.reindex(gebied["gemeente"]).to_numpy(),
        herkomst=gebied["gemeentecode"].map(invoer["herkomst"]).fillna(GEEN_GEGEVENS[0]).to_numpy(),
        bron=gebied["gemeentecode"].map(invoer["bron"]).fillna(GEEN_GEGEVENS[1]).to_numpy())
    totaal = pd.DataFrame({"gemeentecode": [""], "gemeente": [""], "deelregio": [_gebied_deelregio(analyse)],
                           "waarde": [beschermd["Totaal"]], "herkomst": [zwakste(rijen["herkomst"][rijen["herkomst"].isin(list(RANG))])
                                                                        if rijen["herkomst"].isin(list(RANG)).any()
                                                                        else GEEN_GEGEVENS[0]],
                           "bron": ["som van de gemeenten (huidige belasting uit het invoerformat)"]})
    return pd.concat([rijen, totaal], ignore_index=True).assign(
        doelgroep="aandachtsgroepen", scenario=p.scenario, jaar=p.peiljaar, indicator="huidige_belasting")


FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r")


def als_tekst(kern: pd.DataFrame) -> pd.DataFrame:
    """kerncijfers for a CSV file: a text cell that a spreadsheet would read as a formula gets a leading quote.

    Only the text columns: the figures (``waarde``) stay numbers, negative ones included.

    >>> als_tekst(pd.DataFrame({"bron": ["=1+1", "CBS"], "waarde": [-5, 3]}))["bron"].tolist()
    ["'=1+1", 'CBS']
    """
    uit = kern.copy()
    for kolom in uit.columns.drop("waarde", errors="ignore"):
        if uit[kolom].dtype == object or pd.api.types.is_string_dtype(uit[kolom]):
            tekst = uit[kolom].astype(str)
            uit[kolom] = tekst.where(~tekst.str.startswith(FORMULETEKENS), "'" + tekst)
    return uit


KERNCIJFERS_CSV = "kerncijfers.csv"  # machine-readable: comma separator, decimal point, UTF-8
KERNCIJFERS_EXCEL = "kerncijfers-excel.csv"  # for a Dutch Excel: ';' separator, decimal comma, UTF-8 with BOM


def _komma(waarde: object) -> object:
    """A number with a decimal comma (a whole number without decimals); text stays text.

    >>> [_komma(w) for w in (0.182, 5.0, -15, "< 2,5")]
    ['0,182', '5', -15, '< 2,5']
    """
    if isinstance(waarde, bool) or not isinstance(waarde, float | np.floating):
        return waarde
    if not np.isfinite(waarde):
        return ""
    return str(int(waarde)) if float(waarde).is_integer() else repr(float(waarde)).replace(".", ",")


def schrijf_kerncijfers(kern: pd.DataFrame, map_: Path) -> list[Path]:
    """Write ``kern`` twice from the same rows: kerncijfers.csv for programs and kerncijfers-excel.csv that a
    Dutch Excel opens right on a double click. Return both paths."""
    tekst = als_tekst(kern)
    machine, excel = map_ / KERNCIJFERS_CSV, map_ / KERNCIJFERS_EXCEL
    tekst.to_csv(machine, index=False, encoding="utf-8")
    tekst.assign(waarde=tekst["waarde"].map(_komma)).to_csv(excel, index=False, sep=";", encoding="utf-8-sig")
    return [machine, excel]


def bron_verhuringen(analyse: Analyse) -> pd.Series:
    """Per gemeente where its lettings figure comes from: the real lettings' source, or stock × mutatiegraad."""
    invoer = analyse.invoer.set_index("gemeentecode")
    werkelijk = invoer.loc[invoer["onderwerp"] == "verhuringen", "bron"]
    voorraad = invoer.loc[invoer["onderwerp"] == "corporatiewoningen", "bron"]
    aanbod = analyse.aanbod
    geschat = "corporatiewoningen (" + voorraad.reindex(aanbod.index).fillna("") + ") × mutatiegraad " + \
        aanbod["mutatiegraad"].map(lambda g: aandeel(g) if g == g else "")
    return ("werkelijke verhuringen: " + werkelijk.reindex(aanbod.index).fillna("")).where(
        aanbod["verhuringen_bron"] == "werkelijke verhuringen", geschat)


def _taakstelling_rijen(analyse: Analyse) -> list[pd.DataFrame]:
    """The statutory taakstelling per gemeente and half-year (public figures: exact, unprotected) and its total."""
    taak = analyse.taakstelling
    indeling = analyse.regio.indeling().set_index("gemeentecode")
    rijen = taak.assign(gemeente=taak["gemeentecode"].map(indeling["gemeentenaam"]),
                        deelregio=taak["gemeentecode"].map(indeling["deelregio"]),
                        indicator="taakstelling_" + taak["halfjaar"].str[-2:], doelgroep="statushouders",
                        waarde=taak["personen"])
    totaal = (rijen.groupby(["scenario", "jaar", "indicator"], as_index=False)
              .agg(waarde=("waarde", "sum"), herkomst=("herkomst", "first"))
              .assign(gemeentecode="", gemeente="", deelregio=_gebied_deelregio(analyse), doelgroep="statushouders",
                      bron="som van de gemeenten (door het naar boven afronden meer dan het landelijke aantal × aandeel)"))
    return [rijen, totaal]
