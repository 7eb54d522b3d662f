"""The inputs of one analysis: labelled defaults, the filled-in invoerformat, the statutory taakstelling, the mutatiegraad.

Data layer in, model inputs out: every function returns tables the pure model takes.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

import pandas as pd

from woonzorg_lib.algemeen.opmaak import aantal_gemeenten
from woonzorg_lib.analyse.parameters import Basisparameters
from woonzorg_lib.data.basis import (
    basisgegevens,
    bevolking,
    geteld_75plus,
    jeugdhulp_verblijf,
    landelijke_kengetallen,
    per_gemeente,
    taakstelling_landelijk,
    verhuringen,
)
from woonzorg_lib.data.catalogus import Regio, centrumregio_per_gemeente, laad_regio
from woonzorg_lib.data.cbs_tabellen import STATUSHOUDERS_TITEL
from woonzorg_lib.data.edities import AANDACHTSGROEPEN_BESTAND, Editie, kies
from woonzorg_lib.data.invoer import lees_invoer
from woonzorg_lib.model import statushouders
from woonzorg_lib.model.doelgroepen import ONDERWERPEN, SCENARIOS, standaard_kengetallen
from woonzorg_lib.model.standaardinvoer import standaard_invoer


@cache
def _standaard_nederland(editie: Editie | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    basis = basisgegevens(editie)
    breed = per_gemeente(basis)
    invoer = standaard_invoer(breed, basis, landelijke_kengetallen(), verhuringen(), geteld_75plus(),
                              jeugdhulp=jeugdhulp_verblijf(), centrumregios=centrumregio_per_gemeente())
    kengetallen = standaard_kengetallen(float(breed[["inwoners_75_84", "inwoners_85plus"]].sum(axis=1).sum()))
    return invoer, kengetallen


def huishoudgrootte_statushouders(editie: Editie | None, regio: Regio) -> tuple[float, str] | None:
    """Persons per household of statushouders in the region, from the CBS monitor in the edition.

    None when the edition has no monitor, or no gemeente of the region has both figures.
    """
    monitor = editie.lees(AANDACHTSGROEPEN_BESTAND) if editie else None
    if monitor is None:
        return None
    groep = monitor[monitor["groep"].str.casefold().str.contains(STATUSHOUDERS_TITEL)
                    & monitor["gemeentecode"].isin(regio.gemeentecodes)].dropna(subset=["personen", "huishoudens"])
    if groep.empty or groep["huishoudens"].sum() <= 0:
        return None
    waarde = round(float(groep["personen"].sum() / groep["huishoudens"].sum()), 2)
    bron = (f"{groep['bron'].iloc[0]}: personen ÷ huishoudens van de groep '{groep['groep'].iloc[0]}' in "
            f"{len(groep)} van de {aantal_gemeenten(len(regio.gemeentecodes))} van {regio.naam}")
    return waarde, bron


def standaard_invoer_voor(regio: Regio, editie: Editie | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The pre-filled default inputs for the gemeenten of a region, and the default kengetallen."""
    invoer, kengetallen = _standaard_nederland(editie)
    kengetallen = kengetallen.copy()
    gemeten = huishoudgrootte_statushouders(editie, regio)
    if gemeten:
        kengetallen.loc["huishoudgrootte_statushouders", list(SCENARIOS)] = gemeten[0]
        kengetallen.loc["huishoudgrootte_statushouders", ["herkomst", "bron"]] = ["register", gemeten[1]]
    return invoer[invoer["gemeentecode"].isin(regio.gemeentecodes)].reset_index(drop=True), kengetallen


def editie_voor(parameters: Basisparameters, regio: Regio) -> Editie | None:
    """The data edition the parameters ask for (None: the bundled data); WoonzorgFout if it does not exist."""
    return kies(parameters.data_editie, regio.gemeentecodes)


def taakstelling_voor(
    parameters: Basisparameters, regio: Regio, jaren: list[int], editie: Editie | None = None
) -> pd.DataFrame:
    """The taakstelling vergunninghouders per gemeente of the region × half-year × scenario (art. 29).

    The inhabitants are the bundle's, plus a newer 1 January from an edition that covers every gemeente.
    """
    gepubliceerd = taakstelling_landelijk()
    onbekend: dict[str, float | str]
    if parameters.taakstelling_onbekend:
        onbekend = {**parameters.taakstelling_onbekend.model_dump(),
                    "bron": "aanname uit het parameterbestand (taakstelling_onbekend): geen landelijk aantal in de gegevens"}
    else:
        onbekend = statushouders.standaard_bereik(gepubliceerd)
    landelijk = statushouders.landelijke_aantallen(gepubliceerd, statushouders.halfjaren(jaren), onbekend)
    return statushouders.taakstelling(landelijk, bevolking(editie), regio.gemeentecodes)


def invoer_voor(
    parameters: Basisparameters, regio: Regio, editie: Editie | None = None, taakstelling: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The inputs to use: the filled-in invoerformat if the parameters name one, else the defaults.

    With ``taakstelling`` (per half-year), every gemeente without its own entered
    taakstelling gets the statutory one, per year and scenario.
    """
    standaard, kengetallen = standaard_invoer_voor(regio, editie)
    standaard = standaard.assign(lokaal=False)
    if parameters.invoer:
        # The invoerformat holds the area of its parameter file (a deelregio, or the whole region) and may hold
        # more gemeenten of the region; a gemeente it does not hold keeps the labelled defaults.
        geheel = laad_regio(parameters.regio)
        deelregio = getattr(parameters, "deelregio", None)
        gebied = geheel.deelregio(deelregio) if deelregio else geheel
        gelezen = lees_invoer(Path(parameters.invoer), geheel.gemeentecodes,
                              {k: o.eenheid for k, o in ONDERWERPEN.items()}, kengetallen["eenheid"].to_dict(),
                              gebied.gemeentecodes)
        waarden = gelezen.waarden[gelezen.waarden["gemeentecode"].isin(regio.gemeentecodes)]
        # A taakstelling only counts when the analyst entered it: a default in an older file is stale.
        oud = (waarden["onderwerp"] == "statushouders_taakstelling") & ~waarden["lokaal"]
        elders = standaard[~standaard["gemeentecode"].isin(gelezen.gemeenten)]
        standaard = pd.concat([waarden[~oud], elders], ignore_index=True)
        if gelezen.kengetallen is not None:
            kengetallen = gelezen.kengetallen
    if taakstelling is None:
        return standaard, kengetallen
    eigen = standaard.loc[standaard["onderwerp"] == "statushouders_taakstelling", "gemeentecode"]
    wettelijk = statushouders.per_jaar(taakstelling[~taakstelling["gemeentecode"].isin(eigen)]).assign(lokaal=False)
    return pd.concat([standaard, wettelijk], ignore_index=True), kengetallen


def mutatiegraad_voor(
    parameters: Basisparameters, regio: Regio, kengetallen: pd.DataFrame, vervang: Mapping[str, float] | None = None
) -> tuple[pd.Series, pd.Series]:
    """The mutatiegraad per gemeente and its herkomst: the kengetal, or what the parameter file sets (aanname).

    ``vervang`` (a slider, or the sensitivity analysis) fixes one value for every gemeente.
    """
    codes = pd.Index(regio.gemeentecodes, name="gemeentecode")
    if vervang and "mutatiegraad" in vervang:
        return pd.Series(float(vervang["mutatiegraad"]), index=codes), pd.Series("aanname", index=codes)
    waarde = pd.Series(float(kengetallen.loc["mutatiegraad", "midden"]), index=codes)
    herkomst = pd.Series(str(kengetallen.loc["mutatiegraad", "herkomst"]), index=codes)
    gekozen = parameters.mutatiegraad
    if isinstance(gekozen, float | int):
        gekozen = dict.fromkeys(codes, float(gekozen))
    codes_bij_naam = regio.indeling().set_index("gemeentenaam")["gemeentecode"]
    for sleutel, graad in (gekozen or {}).items():
        code = codes_bij_naam.get(sleutel, sleutel)
        if code in codes:  # a gemeente of another deelregio of the region is not in this analysis
            waarde[code], herkomst[code] = graad, "aanname"
    return waarde, herkomst


__all__ = [
    "editie_voor", "huishoudgrootte_statushouders", "invoer_voor", "mutatiegraad_voor", "standaard_invoer_voor",
    "taakstelling_voor",
]
