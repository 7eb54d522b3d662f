"""Labelled estimates for figures the bundled data lacks per gemeente.

Each estimate comes from the nearest real figure above the gemeente, carries
``herkomst == "schatting"`` and names the figure it came from. A refresh from CBS
open data replaces them with registered figures.
"""

from __future__ import annotations

import pandas as pd

from woonzorg_lib.algemeen.opmaak import procent

COHORTEN: tuple[str, ...] = ("65-74", "75-84", "85+")


def corporatiewoningen(
    gemeenten: pd.DataFrame, woningvoorraad: pd.DataFrame, eigendom: pd.DataFrame
) -> pd.DataFrame:
    """Corporation-owned dwellings per gemeente: its dwellings × the nearest real corporation share.

    The nearest real share is the gemeente's own (an older year, where CBS 82900NED has it)
    or else its province's. Returns one row per gemeente with ``waarde``, ``peildatum``,
    ``herkomst`` and ``bron``.
    """
    eigen = eigendom[eigendom["gebiedstype"] == "gemeente"].set_index("gemeentecode")
    provincies = eigendom[eigendom["gebiedstype"] == "provincie"].set_index("gebied")
    voorraad = woningvoorraad.set_index("gemeentecode")
    rijen = []
    for code, gemeente in gemeenten.set_index("gemeentecode").iterrows():
        basis = eigen.loc[code] if code in eigen.index else provincies.loc[gemeente["provincie"]]
        aandeel = basis["corporatiewoningen"] / basis["woningvoorraad_totaal"]
        gebied = f"gemeente {basis['gebied']}" if code in eigen.index else f"provincie {gemeente['provincie']}"
        stock = voorraad.loc[code]
        rijen.append(
            {
                "gemeentecode": code,
                "waarde": round(stock["woningvoorraad"] * aandeel),
                "peildatum": stock["peildatum"],
                "herkomst": "schatting",
                "bron": (
                    f"schatting: woningvoorraad {stock['peildatum']} (CBS 85984NED) × aandeel "
                    f"corporatiewoningen {gebied} {procent(aandeel)} op {basis['peildatum']} (CBS 82900NED)"
                ),
            }
        )
    return pd.DataFrame(rijen)


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


def leeftijdsgroepen(bevolking: pd.DataFrame, leeftijd_nl: pd.DataFrame) -> pd.DataFrame:
    """Inhabitants per age cohort: the gemeente's own 65+ (CBS, register) split by the national structure.

    The 65+ count is the newest 1 January in ``bevolking``; within it, 65-74 and 85+ take
    their national share of all 65+ (1-1-2020) and 75-84 the rest, so the three cohorts add
    up exactly to the registered 65+. Returns one row per gemeente × cohort.
    """
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
