"""Labelled estimates for figures the bundled data lacks per gemeente.

Each estimate comes from the nearest real figure above the gemeente, carries
``herkomst == "schatting"`` and names the figure it came from. A refresh from CBS
open data replaces them with registered figures.
"""

from __future__ import annotations

import pandas as pd

from woonzorg_lib.algemeen.opmaak import procent

COHORTEN: tuple[str, ...] = ("65-74", "75-84", "85+")


def spreiding_corporatieaandeel(eigendom: pd.DataFrame) -> tuple[float, float, str]:
    """How far the corporation share of an area within a province lies from the province's share (lowest, highest ratio).

    The evidence is the COROP areas CBS 82900NED gives beside their province: the range
    within which an estimate from a province share plausibly lies for a group of gemeenten.
    """
    provincies = eigendom[eigendom["gebiedstype"] == "provincie"].set_index("gebied")
    aandeel = eigendom["corporatiewoningen"] / eigendom["woningvoorraad_totaal"]
    delen = eigendom[eigendom["gebiedstype"] == "COROP"]
    verhouding = aandeel[delen.index] / delen["provincie"].map(
        provincies["corporatiewoningen"] / provincies["woningvoorraad_totaal"])
    laag, hoog = float(verhouding.min()), float(verhouding.max())
    bron = (f"het corporatieaandeel van {len(delen)} COROP-gebieden ({', '.join(delen['gebied'])}) ligt tussen "
            f"{procent(laag - 1, 0)} en +{procent(hoog - 1, 0)} van dat van hun provincie (CBS 82900NED, "
            f"{delen['peildatum'].iloc[0]})")
    return laag, hoog, bron


def _nieuwste_65plus(bevolking: pd.DataFrame) -> tuple[pd.Series, str]:
    geteld = bevolking.dropna(subset=["inwoners_65plus"])
    peildatum = str(geteld["peildatum"].max())
    return geteld[geteld["peildatum"] == peildatum].set_index("gemeentecode")["inwoners_65plus"].astype("int64"), peildatum


def leeftijdsgroepen(
    bevolking: pd.DataFrame, leeftijd_nl: pd.DataFrame, eigen: pd.DataFrame | None = None, eigen_bron: str = ""
) -> pd.DataFrame:
    """Inhabitants per age cohort: the gemeente's own counts where CBS has them, else its 65+ by the national structure.

    With ``eigen`` (65-74 and 75+ per gemeente and 1 January, CBS register), a gemeente at
    its newest date gets 65-74 as counted (register) and its counted 75+ split into 85+ by the
    national share of 85+ within 75+ and 75-84 as the rest (so the two add up to the counted
    75+). A gemeente without: the newest 65+ in ``bevolking``, with 65-74 and 85+ at their
    national share of all 65+ (1-1-2020) and 75-84 the rest. One row per gemeente × cohort.
    """
    oud = _leeftijdsgroepen_landelijk(bevolking, leeftijd_nl)
    if eigen is None or eigen.empty:
        return oud
    peildatum = str(eigen["peildatum"].max())
    nieuw = eigen[eigen["peildatum"] == peildatum].set_index("gemeentecode")
    nl = leeftijd_nl.set_index("leeftijdsgroep")["personen"]
    a85 = nl["85+"] / (nl["75-84"] + nl["85+"])
    plus75 = nieuw["inwoners_75plus"].astype("int64")
    waarden = {"65-74": nieuw["inwoners_65_74"].astype("int64"), "85+": (plus75 * a85).round().astype("int64")}
    waarden["75-84"] = plus75 - waarden["85+"]
    bron_75 = (f"schatting: inwoners van 75+ op {peildatum} ({eigen_bron}, register) verdeeld naar de landelijke "
               f"opbouw binnen 75+ (75-84 {procent(1 - a85, 1)}, 85+ {procent(a85, 1)}; CBS, bevolking op "
               f"{leeftijd_nl.set_index('leeftijdsgroep').loc['65+', 'peildatum']}, secundaire bron)")
    lokaal = pd.concat(
        [pd.DataFrame({"gemeentecode": nieuw.index, "leeftijdsgroep": cohort, "waarde": waarden[cohort].to_numpy(),
                       "peildatum": peildatum, "herkomst": "register" if cohort == "65-74" else "schatting",
                       "bron": f"inwoners van 65-74 jaar op {peildatum} ({eigen_bron})" if cohort == "65-74"
                       else bron_75})
         for cohort in COHORTEN],
        ignore_index=True,
    )
    return pd.concat([oud[~oud["gemeentecode"].isin(nieuw.index)], lokaal], ignore_index=True)


def _leeftijdsgroepen_landelijk(bevolking: pd.DataFrame, leeftijd_nl: pd.DataFrame) -> pd.DataFrame:
    """The newest registered 65+ of each gemeente split by the national structure within 65+ (all schatting)."""
    plus65, peildatum = _nieuwste_65plus(bevolking)
    nl = leeftijd_nl.set_index("leeftijdsgroep")
    aandeel = {c: nl.loc[c, "personen"] / nl.loc["65+", "personen"] for c in COHORTEN}
    waarden = {c: (plus65 * aandeel[c]).round().astype("int64") for c in ("65-74", "85+")}
    waarden["75-84"] = plus65 - waarden["65-74"] - waarden["85+"]
    opbouw = ", ".join(f"{c} {procent(aandeel[c], 1)}" for c in COHORTEN)
    bron = (f"schatting: inwoners van 65+ op {peildatum} (CBS 03759ned, register) verdeeld naar de landelijke "
            f"leeftijdsopbouw binnen 65+ ({opbouw}; CBS, bevolking op {nl.loc['65+', 'peildatum']}, secundaire bron)")
    return pd.concat(
        [
            pd.DataFrame({"gemeentecode": plus65.index, "leeftijdsgroep": cohort, "waarde": waarden[cohort].to_numpy(),
                          "peildatum": peildatum, "herkomst": "schatting", "bron": bron})
            for cohort in COHORTEN
        ],
        ignore_index=True,
    )


def groei_65plus(bevolking: pd.DataFrame, jaar: int) -> pd.DataFrame:
    """Trend estimate of each gemeente's 65+ on 1 January of ``jaar``, relative to its newest count.

    The yearly growth of the gemeente's own 65+ between its two newest CBS counts, continued
    (or interpolated) to ``jaar``. Not a prognosis: a labelled trend, until a CBS/PBL
    prognosis by age per gemeente is loaded. Returns gemeentecode, factor, peildatum, bron.
    """
    geteld = bevolking.dropna(subset=["inwoners_65plus"])
    data = sorted(geteld["peildatum"].unique())[-2:]
    breed = geteld.pivot(index="gemeentecode", columns="peildatum", values="inwoners_65plus").astype("float64")
    eerste, laatste = int(data[0][:4]), int(data[1][:4])
    per_jaar = (breed[data[1]] / breed[data[0]]) ** (1 / (laatste - eerste))
    factor = per_jaar ** (jaar - laatste)
    bron = (f"trendschatting: de groei van 65+ van de gemeente tussen {data[0]} en {data[1]} (CBS 03759ned) "
            f"doorgetrokken tot 1-1-{jaar}; geen prognose")
    return pd.DataFrame({"gemeentecode": factor.index, "factor": factor.to_numpy(), "peildatum": f"{jaar}-01-01",
                         "bron": bron})
