"""Sensitivity of one analysis: the range and source of every uncertain input and policy lever, and their effect.

Which single assumption, moved over its range, changes the regional gap in the doeljaar most.
Uncertain inputs (kengetallen, the national taakstelling of unpublished half-years, the
estimated corporation stock, the spread of homelessness, the mutatiegraad) are kept apart
from the policy levers (the agreed share of lettings).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd

from woonzorg_lib.algemeen.opmaak import aandeel, kengetal, procent
from woonzorg_lib.analyse.parameters import Basisparameters, LaagMiddenHoog
from woonzorg_lib.analyse.uitgangspunten import mutatiegraad_voor, standaard_invoer_voor, taakstelling_voor
from woonzorg_lib.data import schattingen
from woonzorg_lib.data.basis import basisgegevens, landelijke_kengetallen, per_gemeente, woningvoorraad_eigendom
from woonzorg_lib.data.catalogus import Regio
from woonzorg_lib.data.edities import Editie
from woonzorg_lib.model import statushouders
from woonzorg_lib.model.aanbod import bereken_aanbod, confrontatie
from woonzorg_lib.model.doelgroepen import DOELGROEPEN, VRAAGPOSTEN, Vraagpost
from woonzorg_lib.model.standaardinvoer import LANDELIJKE_DAKLOOSHEID
from woonzorg_lib.model.tornado import Bereik, tornado
from woonzorg_lib.model.vraag import bereken_vraag


def nationaal_deel(bron: str, halfjaar: str) -> str:
    """The national part of a per-gemeente taakstelling source: where the national number comes from."""
    return bron.split(" × inwoners")[0].removeprefix(f"art. 29 Huisvestingswet: {halfjaar} ")


def bereiken(kengetallen: pd.DataFrame, parameters: Basisparameters, taakstelling: pd.DataFrame) -> dict[str, Bereik]:
    """Every assumption with its range and where the range comes from: uncertain inputs and policy levers apart."""
    def als_procent(laag: float, hoog: float) -> tuple[str, str]:
        return aandeel(laag), aandeel(hoog)  # as precise as the Kengetallen table: 6,96%, not 7,0%

    bereiken = {
        sleutel: Bereik(rij["omschrijving"], float(rij["laag"]), float(rij["hoog"]), f"{rij['herkomst']}: {rij['bron']}",
                        weergave=als_procent(rij["laag"], rij["hoog"]) if rij["eenheid"] == "aandeel" else None)
        for sleutel, rij in kengetallen.iterrows()
    }
    onbekend = taakstelling[taakstelling["herkomst"] == "aanname"]
    if len(onbekend):
        landelijk = onbekend.groupby("scenario")["landelijk"].first()
        bereiken["taakstelling_onbekend"] = Bereik(
            "Landelijke taakstelling vergunninghouders per halfjaar zonder landelijk aantal in de gegevens",
            float(landelijk["laag"]), float(landelijk["hoog"]),
            nationaal_deel(onbekend["bron"].iloc[0], onbekend["halfjaar"].iloc[0]))
    laag, hoog, bron = schattingen.spreiding_corporatieaandeel(woningvoorraad_eigendom())
    bereiken["corporatieaandeel"] = Bereik(
        "Corporatiewoningen waar die geschat zijn (aandeel van de provincie)", laag, hoog, bron,
        weergave=(f"× {kengetal(round(laag, 2))}", f"× {kengetal(round(hoog, 2))}"))
    g4 = landelijke_kengetallen()["dakloze_aandeel_g4"]
    bereiken["spreiding_dakloosheid"] = Bereik(
        "Spreiding van de landelijke schatting van dakloosheid over de gemeenten zonder regionale telling", 0.0, 1.0,
        g4["bron"],
        weergave=("naar rato van de inwoners", f"{procent(g4['waarde'], 0)} in de G4"))
    deel = parameters.aandeel_verhuringen_aandachtsgroepen
    bereiken["aandeel_verhuringen_aandachtsgroepen"] = Bereik(
        "Afgesproken aandeel verhuringen voor aandachtsgroepen", deel * 0.5, min(deel * 1.5, 1.0),
        "beleidskeuze: de gekozen waarde in het parameterbestand, ±50%", "beleidskeuze",
        als_procent(deel * 0.5, min(deel * 1.5, 1.0)))
    return bereiken


def _dakloosheid_geconcentreerd(invoer: pd.DataFrame, standaard: pd.DataFrame, regio: Regio) -> pd.DataFrame:
    """The national homelessness defaults spread with the G4 holding their registered share instead of pro rata
    inhabitants; a gemeente's share of its centrumregio's own count stays as it is."""
    g4 = landelijke_kengetallen()["dakloze_aandeel_g4"]
    inwoners = per_gemeente(basisgegevens())["inwoners"]
    in_g4 = inwoners.index.isin(g4["gemeenten"])
    factor = pd.Series(np.where(in_g4, g4["waarde"] / inwoners[in_g4].sum(), (1 - g4["waarde"]) / inwoners[~in_g4].sum()),
                       index=inwoners.index) * inwoners.sum()
    standaard = standaard[(standaard["onderwerp"] == "dakloze_personen")
                          & standaard["bron"].str.contains(LANDELIJKE_DAKLOOSHEID, regex=False)].set_index("gemeentecode")
    rijen = invoer[(invoer["onderwerp"] == "dakloze_personen")]
    is_standaard = rijen["waarde"].to_numpy() == standaard["waarde"].reindex(rijen["gemeentecode"]).to_numpy()
    invoer = invoer.copy()
    invoer.loc[rijen.index[is_standaard], "waarde"] = (
        rijen.loc[is_standaard, "waarde"] * rijen.loc[is_standaard, "gemeentecode"].map(factor)).to_numpy()
    return invoer


AANBODSLEUTELS = frozenset({"mutatiegraad", "corporatieaandeel", "aandeel_verhuringen_aandachtsgroepen"})


def geraakte_posten(vervang: Mapping[str, float]) -> dict[str, Vraagpost]:
    """The vraagposten whose demand changes when ``vervang`` is fixed: those that use one of its kengetallen,
    statushouders for ``taakstelling_onbekend`` and homelessness for ``spreiding_dakloosheid``.

    >>> sorted(geraakte_posten({"verblijfsduur_bw": 3.0})), geraakte_posten({"mutatiegraad": 0.05})
    (['uitstroom_bw'], {})
    """
    onderwerpen = {"statushouders_taakstelling"} if "taakstelling_onbekend" in vervang else set()
    if vervang.get("spreiding_dakloosheid"):
        onderwerpen.add("dakloze_personen")
    return {sleutel: post for sleutel, post in VRAAGPOSTEN.items()
            if post.onderwerp in onderwerpen or vervang.keys() & {s for s, _ in post.personen + post.woningen}}


def regionaal_tekort(
    invoer: pd.DataFrame, kengetallen: pd.DataFrame, parameters: Basisparameters, regio: Regio, jaren: list[int],
    editie: Editie | None,
) -> Callable[[Mapping[str, float]], float]:
    """The regional gap in the doeljaar (scenario midden) as a function of fixed assumptions.

    Besides kengetallen, ``vervang`` may fix: ``taakstelling_onbekend`` (the national number of
    every unpublished half-year), ``corporatieaandeel`` (a factor on estimated corporation
    stock), ``spreiding_dakloosheid`` (1: the homelessness estimate concentrated as in the G4)
    and ``aandeel_verhuringen_aandachtsgroepen``.

    The demand of the vraagposten an assumption does not touch, and the supply when it is no
    supply assumption, are those of the central run, computed once.
    """
    codes = pd.Index(regio.gemeentecodes)
    jaar = parameters.doeljaar
    standaard = standaard_invoer_voor(regio, editie)[0]
    centraal: dict[str, pd.DataFrame] = {}

    def vraag_van(gebruikt: pd.DataFrame, vast: Mapping[str, float], posten: Mapping[str, Vraagpost]) -> pd.DataFrame:
        vraag = bereken_vraag(gebruikt, kengetallen, [jaar], vast, posten=posten, spreidjaren=len(jaren))
        return vraag[vraag["scenario"] == "midden"]

    def aanbod_van(gebruikt: pd.DataFrame, vervang: Mapping[str, float]) -> pd.DataFrame:
        graad, herkomst = mutatiegraad_voor(parameters, regio, kengetallen, vervang)
        deel = float(vervang.get("aandeel_verhuringen_aandachtsgroepen", parameters.aandeel_verhuringen_aandachtsgroepen))
        return bereken_aanbod(gebruikt, codes, graad, deel, herkomst)

    def uitkomst(vervang: Mapping[str, float]) -> float:
        if not centraal:
            centraal["vraag"], centraal["aanbod"] = vraag_van(invoer, {}, VRAAGPOSTEN), aanbod_van(invoer, {})
        gebruikt = invoer
        if "taakstelling_onbekend" in vervang:
            waarde = float(vervang["taakstelling_onbekend"])
            anders = parameters.model_copy(update={"taakstelling_onbekend": LaagMiddenHoog(
                laag=waarde, midden=waarde, hoog=waarde)})
            wettelijk = gebruikt["jaar"].notna() if "jaar" in gebruikt else pd.Series(False, index=gebruikt.index)
            nieuw = statushouders.per_jaar(taakstelling_voor(anders, regio, [jaar], editie))
            nieuw = nieuw[nieuw["gemeentecode"].isin(gebruikt.loc[wettelijk, "gemeentecode"])]
            gebruikt = pd.concat([gebruikt[~wettelijk], nieuw], ignore_index=True)
        if vervang.get("spreiding_dakloosheid"):
            gebruikt = _dakloosheid_geconcentreerd(gebruikt, standaard, regio)
        if "corporatieaandeel" in vervang:
            geschat = (gebruikt["onderwerp"] == "corporatiewoningen") & (gebruikt["herkomst"] != "register")
            gebruikt = gebruikt.copy()
            gebruikt.loc[geschat, "waarde"] = gebruikt.loc[geschat, "waarde"] * float(vervang["corporatieaandeel"])
        vraag = centraal["vraag"]
        if geraakt := geraakte_posten(vervang):
            vast = {k: v for k, v in vervang.items() if k in kengetallen.index}
            vraag = pd.concat([vraag[~vraag["vraagpost"].isin(list(geraakt))], vraag_van(gebruikt, vast, geraakt)],
                              ignore_index=True)
        aanbod = aanbod_van(gebruikt, vervang) if vervang.keys() & AANBODSLEUTELS else centraal["aanbod"]
        return float(confrontatie(vraag, aanbod)["tekort"].sum())

    return uitkomst


def gevoeligheid(
    parameters: Basisparameters, regio: Regio, editie: Editie | None, invoer: pd.DataFrame, kengetallen: pd.DataFrame,
    taakstelling: pd.DataFrame, jaren: list[int],
) -> pd.DataFrame:
    """The tornado table of one analysis: every assumption with its range, source, kind and effect.

    Only kengetallen that can move the gap are tried: those of aandachtsgroepen with data, and the mutatiegraad.
    """
    met_gegevens = set(invoer["onderwerp"])
    werkzaam = {"mutatiegraad"} | {
        sleutel for post in VRAAGPOSTEN.values()
        if post.onderwerp in met_gegevens and DOELGROEPEN[post.doelgroep].aandachtsgroep
        for sleutel, _ in post.personen + post.woningen
    }
    return tornado(regionaal_tekort(invoer, kengetallen, parameters, regio, jaren, editie),
                   bereiken(kengetallen[kengetallen.index.isin(werkzaam)], parameters, taakstelling))


__all__ = ["bereiken", "geraakte_posten", "gevoeligheid", "nationaal_deel", "regionaal_tekort"]
