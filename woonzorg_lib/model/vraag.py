"""Yearly demand per doelgroep × gemeente × year × scenario, in persons and in homes.

Vectorised: one pass over all gemeenten, vraagposten, scenarios and years. Every row
carries the provenance of its basis figure and the weakest tier of all its inputs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from woonzorg_lib.model.doelgroepen import SCENARIOS, VRAAGPOSTEN, Vraagpost
from woonzorg_lib.model.herkomst import RANG, zwakste

BASIS = ["gemeentecode", "onderwerp", "waarde", "herkomst", "bron", "peildatum", "lokaal"]
KOLOMMEN = [
    "gemeentecode", "doelgroep", "vraagpost", "scenario", "jaar", "personen", "woningen",
    "herkomst", "herkomst_personen", "bron", "peildatum", "kengetallen", "lokaal",
]


def kengetal_waarden(kengetallen: pd.DataFrame, vervang: Mapping[str, float] | None = None) -> pd.DataFrame:
    """The value of every kengetal per scenario (columns laag/midden/hoog); ``vervang`` fixes some in all scenarios."""
    waarden = kengetallen[list(SCENARIOS)].astype("float64").copy()
    for sleutel, waarde in (vervang or {}).items():
        if sleutel in waarden.index:
            waarden.loc[sleutel] = waarde
    return waarden


def _factoren(post: Vraagpost, waarden: pd.DataFrame, jaren: int) -> tuple[np.ndarray, np.ndarray]:
    personen = np.full(len(SCENARIOS), post.vast / (jaren if post.spreiden else 1))
    for sleutel, bewerking in post.personen:
        personen = personen * waarden.loc[sleutel].to_numpy() ** (1 if bewerking == "maal" else -1)
    woningen = personen.copy()
    for sleutel, bewerking in post.woningen:
        woningen = woningen * waarden.loc[sleutel].to_numpy() ** (1 if bewerking == "maal" else -1)
    return personen, woningen


def _posten(kengetallen: pd.DataFrame, waarden: pd.DataFrame, jaren: int, posten: Mapping[str, Vraagpost]) -> pd.DataFrame:
    rijen = []
    for post in posten.values():
        personen, woningen = _factoren(post, waarden, jaren)
        gebruikt = [s for s, _ in post.personen + post.woningen]
        zwakst = max((RANG[kengetallen.loc[s, "herkomst"]] for s in gebruikt), default=0)
        zwakst_personen = max((RANG[kengetallen.loc[s, "herkomst"]] for s, _ in post.personen), default=0)
        for i, scenario in enumerate(SCENARIOS):
            rijen.append(
                {
                    "vraagpost": post.sleutel,
                    "doelgroep": post.doelgroep,
                    "onderwerp": post.onderwerp,
                    "scenario": scenario,
                    "f_personen": personen[i] if post.met_personen else np.nan,
                    "f_woningen": woningen[i],
                    "rang_kengetallen": zwakst,
                    "rang_kengetallen_personen": zwakst_personen,
                    "kengetallen": ", ".join(gebruikt),
                }
            )
    return pd.DataFrame(rijen)


def bereken_vraag(
    invoer: pd.DataFrame,
    kengetallen: pd.DataFrame,
    jaren: Sequence[int],
    vervang: Mapping[str, float] | None = None,
    posten: Mapping[str, Vraagpost] = VRAAGPOSTEN,
    spreidjaren: int | None = None,
) -> pd.DataFrame:
    """Demand rows for every gemeente × vraagpost with an input value, × scenario × year.

    ``invoer`` has one row per gemeente × onderwerp (``waarde``, ``herkomst``, ``bron``,
    ``peildatum``; optionally ``lokaal``: entered by the analyst). A group without an input value for a gemeente has no row: missing
    data is never a zero. Rows with a ``jaar`` (and ``scenario``) hold a value for that
    year and scenario only (the taakstelling per half-year); the others hold for every year.

    Statushouders: taakstelling per halfjaar × 2 ÷ huishoudgrootte; a stock (achterstand,
    dakloze personen, wachtlijst) is spread evenly over the years of the analysis
    (``spreidjaren``, by default the number of ``jaren``; give it to compute single years).
    """
    jaren = list(jaren)
    waarden = kengetal_waarden(kengetallen, vervang)
    factoren = _posten(kengetallen, waarden, spreidjaren or len(jaren), posten)
    # Text repeats per scenario and year: categories (made on the small tables) keep that cheap.
    factoren = factoren.astype({k: "category" for k in ("vraagpost", "doelgroep", "scenario", "kengetallen")})
    tekst = {k: "category" for k in ("gemeentecode", "bron", "peildatum")}
    if "lokaal" not in invoer:  # a figure the analyst entered: the counts disclosure control protects
        invoer = invoer.assign(lokaal=False)
    per_jaar = invoer["jaar"].notna() if "jaar" in invoer else pd.Series(False, index=invoer.index)
    vast = _bereken(invoer.loc[~per_jaar, BASIS].astype(tekst).merge(factoren, on="onderwerp", how="inner"))
    n = len(vast)
    vast = vast.take(np.repeat(np.arange(n), len(jaren))).reset_index(drop=True)
    vast["jaar"] = np.tile(np.asarray(jaren, dtype="int64"), n)
    if per_jaar.any():
        jaarlijks = invoer.loc[per_jaar & invoer["jaar"].isin(jaren), [*BASIS, "jaar", "scenario"]]
        jaarlijks = _bereken(jaarlijks.astype({"jaar": "int64"}).merge(
            factoren.astype({"scenario": str}), on=["onderwerp", "scenario"], how="inner"))
        vast = pd.concat([vast, jaarlijks], ignore_index=True)
    return vast[KOLOMMEN]


def _bereken(basis: pd.DataFrame) -> pd.DataFrame:
    """Persons and homes from input × factors, and the weakest tier of the input and its kengetallen.

    ``herkomst`` is the tier of the homes; ``herkomst_personen`` that of the persons, which do
    not rest on the kengetallen that turn persons into homes (the household size).
    """
    basis["personen"] = basis["waarde"] * basis["f_personen"]
    basis["woningen"] = basis["waarde"] * basis["f_woningen"]
    invoer = basis["herkomst"].map(RANG).fillna(2).to_numpy(dtype="int64")
    for kolom, kengetallen in (("herkomst_personen", "rang_kengetallen_personen"), ("herkomst", "rang_kengetallen")):
        rang = np.maximum(invoer, basis[kengetallen].to_numpy())
        basis[kolom] = pd.Categorical.from_codes(rang, categories=list(RANG))
    return basis


# Demand in persons that a public source gives exactly per gemeente: the statutory taakstelling (art. 29).
OPENBARE_POSTEN = ("statushouders_taakstelling",)


def exact_personen(vraag: pd.DataFrame) -> pd.Series:
    """Which rows' persons are a public count, shown exactly (no rounding to fives): the statutory taakstelling of
    half-years with a published national number (not an assumed one), not a figure the analyst entered."""
    lokaal = vraag["lokaal"].fillna(False).astype(bool) if "lokaal" in vraag else False
    return (vraag["vraagpost"].astype(str).isin(OPENBARE_POSTEN) & ~lokaal
            & (vraag["herkomst_personen"].astype(str) != "aanname"))


def per_doelgroep(vraag: pd.DataFrame) -> pd.DataFrame:
    """Homes per doelgroep: low, central and high side by side, with the weakest tier of the inputs."""
    tabel = bandbreedte(vraag, "woningen", ["doelgroep"]).set_index("doelgroep")
    zwakst = vraag.groupby("doelgroep", observed=True)["herkomst"].agg(zwakste)
    tabel["herkomst"] = zwakst.astype(str)
    return tabel


def bandbreedte(tabel: pd.DataFrame, waarde: str, sleutels: Sequence[str]) -> pd.DataFrame:
    """One row per ``sleutels`` with the low, central and high value of ``waarde`` side by side."""
    breed = tabel.pivot_table(index=list(sleutels), columns="scenario", values=waarde, aggfunc="sum", observed=True)
    return breed.reindex(columns=list(SCENARIOS)).rename_axis(columns=None).reset_index()
