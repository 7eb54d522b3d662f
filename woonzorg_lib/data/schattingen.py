"""Labelled estimates for figures the bundled data lacks per gemeente.

Each estimate comes from the nearest real figure above the gemeente, carries
``herkomst == "schatting"`` and names the figure it came from. A refresh from CBS
open data replaces them with registered figures.
"""

from __future__ import annotations

import pandas as pd

from woonzorg_lib.opmaak import procent

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


def leeftijdsgroepen(gemeenten: pd.DataFrame, leeftijd_nl: pd.DataFrame, aandeel_65plus: float) -> pd.DataFrame:
    """Inhabitants per age cohort: the gemeente's inhabitants × the national share of that cohort.

    The national share of a cohort is its part of all 65+ (counts on 1-1-2020) times the
    share of 65+ in the population (same source). Returns one row per gemeente × cohort.
    """
    nl = leeftijd_nl.set_index("leeftijdsgroep")
    totaal_65 = nl.loc["65+", "personen"]
    rijen = []
    for cohort in COHORTEN:
        aandeel = nl.loc[cohort, "personen"] / totaal_65 * aandeel_65plus
        bron = (
            f"schatting: inwoners × landelijk aandeel {cohort} {procent(aandeel, 2)} "
            f"(CBS, bevolking op {nl.loc[cohort, 'peildatum']}, secundaire bron)"
        )
        rijen.append(
            pd.DataFrame(
                {
                    "gemeentecode": gemeenten["gemeentecode"],
                    "leeftijdsgroep": cohort,
                    "waarde": (gemeenten["inwoners"] * aandeel).round().astype("int64"),
                    "peildatum": gemeenten["peildatum"],
                    "herkomst": "schatting",
                    "bron": bron,
                }
            )
        )
    return pd.concat(rijen, ignore_index=True)
