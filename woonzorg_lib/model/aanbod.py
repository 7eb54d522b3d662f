"""Supply and confrontation: lettings, the agreed share, new supply, the gap and the claim rate."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from woonzorg_lib.model.doelgroepen import DOELGROEPEN


def bereken_aanbod(
    invoer: pd.DataFrame,
    gemeenten: pd.Index,
    mutatiegraad: float,
    aandeel_aandachtsgroepen: float,
) -> pd.DataFrame:
    """Supply per gemeente (index: gemeentecode).

    verhuringen = the actual lettings where given, else corporatiewoningen × mutatiegraad;
    beschikbaar = verhuringen × the agreed share for aandachtsgroepen. New supply that
    nobody entered counts as 0 and is flagged in ``nieuw_aanbod_ingevuld``.
    """
    onderwerpen = ["corporatiewoningen", "verhuringen", "nieuw_aanbod", "ouderen_aanbod"]
    rijen = invoer[invoer["onderwerp"].isin(onderwerpen)]
    breed = rijen.pivot(index="gemeentecode", columns="onderwerp", values="waarde")
    breed = breed.reindex(index=gemeenten, columns=onderwerpen)
    voorraad, werkelijk, nieuw, ouderen = (breed[k] for k in onderwerpen)
    verhuringen = werkelijk.fillna(voorraad * mutatiegraad)
    return pd.DataFrame(
        {
            "corporatiewoningen": voorraad,
            "verhuringen": verhuringen,
            "verhuringen_bron": np.where(werkelijk.notna(), "werkelijke verhuringen", "voorraad × mutatiegraad"),
            "beschikbaar": verhuringen * aandeel_aandachtsgroepen,
            "nieuw_aanbod": nieuw.fillna(0.0),
            "nieuw_aanbod_ingevuld": nieuw.notna(),
            "ouderen_aanbod": ouderen.fillna(0.0),
        },
        index=gemeenten,
    )


def confrontatie(vraag: pd.DataFrame, aanbod: pd.DataFrame) -> pd.DataFrame:
    """Gap per gemeente × scenario × year.

    aandachtsgroepen: tekort = vraag − verhuringen × afgesproken aandeel − nieuw aanbod;
    claim = vraag ÷ verhuringen (the share of vacated social homes the groups would need).
    Older people separately: tekort_ouderen = vraag − planned homes for older people.
    """
    ouderen = ~vraag["doelgroep"].isin([k for k, d in DOELGROEPEN.items() if d.aandachtsgroep]).to_numpy()
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


def aanbod_parameters(kengetallen: pd.DataFrame, aandeel: float, vervang: Mapping[str, float] | None = None) -> tuple[float, float]:
    """The mutatiegraad (central value, or overridden) and the agreed share (or overridden)."""
    vervang = vervang or {}
    return (
        float(vervang.get("mutatiegraad", kengetallen.loc["mutatiegraad", "midden"])),
        float(vervang.get("aandeel_verhuringen_aandachtsgroepen", aandeel)),
    )
