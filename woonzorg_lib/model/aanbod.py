"""Supply and confrontation: lettings, the agreed share, new supply, the gap and the claim rate."""

from __future__ import annotations

import numpy as np
import pandas as pd

from woonzorg_lib.model.doelgroepen import AANDACHTSGROEPEN
from woonzorg_lib.model.herkomst import RANG

# The agreed share of lettings is a policy choice, not a registered or estimated figure: what is computed with it is
# no stronger than an assumption.
AANDEEL_HERKOMST = "aanname"


def bereken_aanbod(
    invoer: pd.DataFrame,
    gemeenten: pd.Index,
    mutatiegraad: float | pd.Series,
    aandeel_aandachtsgroepen: float,
    mutatiegraad_herkomst: str | pd.Series = "schatting",
    aandeel_herkomst: str = AANDEEL_HERKOMST,
) -> pd.DataFrame:
    """Supply per gemeente (index: gemeentecode).

    verhuringen = the actual lettings where given, else corporatiewoningen × mutatiegraad
    (one value, or one per gemeente); beschikbaar = verhuringen × the agreed share for
    aandachtsgroepen. ``verhuringen_herkomst`` is the tier of the lettings figure: that of
    the actual lettings, else the weaker of the stock and the mutatiegraad;
    ``beschikbaar_herkomst`` the weaker of the lettings and the agreed share;
    ``corporatiewoningen_herkomst`` that of the stock (NaN without a figure). New supply
    that nobody entered counts as 0, is flagged in ``nieuw_aanbod_ingevuld`` and tiered
    ``aanname`` (``nieuw_aanbod_herkomst``, ``ouderen_aanbod_herkomst``).
    """
    onderwerpen = ["corporatiewoningen", "verhuringen", "nieuw_aanbod", "ouderen_aanbod"]
    rijen = invoer[invoer["onderwerp"].isin(onderwerpen)]
    breed = rijen.pivot(index="gemeentecode", columns="onderwerp", values="waarde")
    breed = breed.reindex(index=gemeenten, columns=onderwerpen)
    voorraad, werkelijk, nieuw, ouderen = (breed[k] for k in onderwerpen)
    graad = pd.Series(mutatiegraad, index=gemeenten, dtype="float64") if np.isscalar(mutatiegraad) else \
        mutatiegraad.reindex(gemeenten).astype("float64")
    verhuringen = werkelijk.fillna(voorraad * graad)
    if "herkomst" in rijen:
        herkomst = rijen.pivot(index="gemeentecode", columns="onderwerp", values="herkomst").reindex(
            index=gemeenten, columns=onderwerpen)
    else:
        herkomst = pd.DataFrame("register", index=gemeenten, columns=onderwerpen)
    graad_herkomst = pd.Series(mutatiegraad_herkomst, index=gemeenten) if isinstance(mutatiegraad_herkomst, str) \
        else mutatiegraad_herkomst.reindex(gemeenten)
    geschat = np.maximum(herkomst["corporatiewoningen"].map(RANG).fillna(2), graad_herkomst.map(RANG).fillna(2))
    verhuringen_herkomst = herkomst["verhuringen"].where(werkelijk.notna(), geschat.map(dict(enumerate(RANG))))
    zwakker = np.maximum(verhuringen_herkomst.map(RANG).fillna(2), RANG[aandeel_herkomst])
    return pd.DataFrame(
        {
            "corporatiewoningen": voorraad,
            "corporatiewoningen_herkomst": herkomst["corporatiewoningen"].where(voorraad.notna()),
            "verhuringen": verhuringen,
            "verhuringen_bron": np.where(werkelijk.notna(), "werkelijke verhuringen", "voorraad × mutatiegraad"),
            "verhuringen_herkomst": verhuringen_herkomst,
            "mutatiegraad": graad.where(werkelijk.isna()),
            "beschikbaar": verhuringen * aandeel_aandachtsgroepen,
            "beschikbaar_herkomst": zwakker.map(dict(enumerate(RANG))),
            "nieuw_aanbod": nieuw.fillna(0.0),
            "nieuw_aanbod_ingevuld": nieuw.notna(),
            "nieuw_aanbod_herkomst": herkomst["nieuw_aanbod"].where(nieuw.notna(), "aanname"),
            "ouderen_aanbod": ouderen.fillna(0.0),
            "ouderen_aanbod_herkomst": herkomst["ouderen_aanbod"].where(ouderen.notna(), "aanname"),
        },
        index=gemeenten,
    )


def confrontatie(vraag: pd.DataFrame, aanbod: pd.DataFrame) -> pd.DataFrame:
    """Gap per gemeente × scenario × year.

    aandachtsgroepen: tekort = vraag − verhuringen × afgesproken aandeel − nieuw aanbod;
    claim = vraag ÷ verhuringen (the share of vacated social homes the groups would need).
    Older people separately: tekort_ouderen = vraag − planned homes for older people.
    """
    ouderen = ~vraag["doelgroep"].isin(AANDACHTSGROEPEN).to_numpy()
    woningen = vraag["woningen"].to_numpy()
    som = (
        vraag[["gemeentecode", "scenario", "jaar"]]
        .assign(vraag_aandachtsgroepen=np.where(ouderen, 0.0, woningen), vraag_ouderen=np.where(ouderen, woningen, 0.0))
        .groupby(["gemeentecode", "scenario", "jaar"], observed=True, sort=False)[["vraag_aandachtsgroepen", "vraag_ouderen"]]
        .sum()
        .reset_index()
    )
    for kolom in ("gemeentecode", "scenario"):
        som[kolom] = som[kolom].astype(str)
    uit = som.join(aanbod[["verhuringen", "beschikbaar", "nieuw_aanbod", "ouderen_aanbod"]], on="gemeentecode")
    return voeg_saldo_toe(uit)


def voeg_saldo_toe(tabel: pd.DataFrame) -> pd.DataFrame:
    """Add tekort, claim and tekort_ouderen from summed columns (also after adding up to deelregio or regio)."""
    tabel = tabel.copy()
    tabel["tekort"] = tabel["vraag_aandachtsgroepen"] - tabel["beschikbaar"] - tabel["nieuw_aanbod"]
    tabel["claim"] = tabel["vraag_aandachtsgroepen"] / tabel["verhuringen"].where(tabel["verhuringen"] > 0)
    tabel["tekort_ouderen"] = tabel["vraag_ouderen"] - tabel["ouderen_aanbod"]
    return tabel


def verhuringen_bereik(reeks: pd.DataFrame, aanbod: pd.DataFrame) -> pd.DataFrame:
    """Per gemeente whose lettings are the newest year of a counted series (``reeks``: gemeentecode, jaar,
    verhuringen), the series' lowest and highest year: the range the counted years give, since the analysis carries
    one year unchanged to the doeljaar. Index gemeentecode; columns laagste, hoogste, jaar_laagste, jaar_hoogste,
    van, tot, gebruikt (the lettings of the analysis) and andere_laagste/andere_hoogste (the other years).
    Gemeenten with one counted year or other lettings: no row.
    """
    rijen = []
    for code, groep in reeks.groupby("gemeentecode", sort=False):
        if code not in aanbod.index or len(groep) < 2:
            continue
        nieuwste = groep.sort_values("jaar").iloc[-1]
        if aanbod.loc[code, "verhuringen_bron"] != "werkelijke verhuringen" or \
                float(aanbod.loc[code, "verhuringen"]) != float(nieuwste["verhuringen"]):
            continue
        laag, hoog = groep.loc[groep["verhuringen"].idxmin()], groep.loc[groep["verhuringen"].idxmax()]
        rijen.append({"gemeentecode": code, "laagste": float(laag["verhuringen"]), "jaar_laagste": int(laag["jaar"]),
                      "hoogste": float(hoog["verhuringen"]), "jaar_hoogste": int(hoog["jaar"]),
                      "van": int(groep["jaar"].min()), "tot": int(groep["jaar"].max()),
                      "gebruikt": float(nieuwste["verhuringen"]),
                      "andere_laagste": float(groep.sort_values("jaar")["verhuringen"].iloc[:-1].min()),
                      "andere_hoogste": float(groep.sort_values("jaar")["verhuringen"].iloc[:-1].max())})
    return pd.DataFrame(rijen, columns=["gemeentecode", "laagste", "jaar_laagste", "hoogste", "jaar_hoogste", "van", "tot",
                                        "gebruikt", "andere_laagste", "andere_hoogste"]).set_index("gemeentecode")
