"""The whole woonzorganalyse for one parameter set: load the inputs, run the model.

This is the one call the notebooks (run interactively or by the batch runner) and the CLI make::

    analyse = analyseer(lees_parameterbestand(Path("parameters/ijmond.yaml")).parameters)

It reads data and the invoerformat (data layer) and runs the pure model; it draws
nothing and writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from woonzorg_lib.data import schattingen
from woonzorg_lib.data.basis import (
    basisgegevens,
    bevolking,
    landelijke_kengetallen,
    per_gemeente,
    taakstelling_landelijk,
    verhuringen,
    woningvoorraad_eigendom,
)
from woonzorg_lib.data.catalogus import Regio, laad_regio
from woonzorg_lib.data.cbs_tabellen import STATUSHOUDERS_TITEL
from woonzorg_lib.data.edities import AANDACHTSGROEPEN, Editie, kies
from woonzorg_lib.data.invoer import lees_invoer
from woonzorg_lib.errors import WoonzorgFout
from woonzorg_lib.model import statushouders
from woonzorg_lib.model.aanbod import bereken_aanbod, confrontatie, voeg_saldo_toe
from woonzorg_lib.model.doelgroepen import DOELGROEPEN, ONDERWERPEN, standaard_kengetallen
from woonzorg_lib.model.gevoeligheid import Bereik, tornado
from woonzorg_lib.model.niveaus import op_niveaus
from woonzorg_lib.model.standaardinvoer import standaard_invoer
from woonzorg_lib.model.verdeling import varianten
from woonzorg_lib.model.vraag import bereken_vraag
from woonzorg_lib.opmaak import getal, kengetal, procent
from woonzorg_lib.parameters import Basisparameters, LaagMiddenHoog, Parameterbestand, analysegebied

SOM_KOLOMMEN = [
    "vraag_aandachtsgroepen", "vraag_ouderen", "verhuringen", "beschikbaar", "nieuw_aanbod", "ouderen_aanbod",
]


@dataclass(frozen=True)
class Analyse:
    """Every table of one woonzorganalyse."""

    parameters: Basisparameters
    regio: Regio
    editie: Editie | None
    jaren: list[int]
    taakstelling: pd.DataFrame
    invoer: pd.DataFrame
    kengetallen: pd.DataFrame
    vraag: pd.DataFrame
    aanbod: pd.DataFrame
    confrontatie: pd.DataFrame
    verdeling: pd.DataFrame
    gevoeligheid: pd.DataFrame
    dekking: pd.DataFrame

    def aandachtsgroepen_gedekt(self) -> dict[str, list[str]]:
        """The names of the aandachtsgroepen with a figure for every gemeente, for some, and for none."""
        groepen = self.dekking[self.dekking["aandachtsgroep"]]
        met, alle = groepen["gemeenten_met_gegevens"], groepen["gemeenten"]
        return {
            "volledig": list(groepen.loc[met == alle, "naam"]),
            "gedeeltelijk": [f"{r.naam} ({r.gemeenten_met_gegevens} van {r.gemeenten} gemeenten)"
                             for r in groepen[(met > 0) & (met < alle)].itertuples()],
            "geen": list(groepen.loc[met == 0, "naam"]),
        }

    def regio_per_scenario(self) -> pd.DataFrame:
        """The region's confrontation in the peiljaar, one row per scenario."""
        conf = self.confrontatie
        return conf[(conf["niveau"] == "regio") & (conf["jaar"] == self.parameters.peiljaar)].set_index("scenario")


@cache
def _standaard_nederland(editie: Editie | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    basis = basisgegevens(editie)
    breed = per_gemeente(basis)
    invoer = standaard_invoer(breed, basis, landelijke_kengetallen(), verhuringen())
    kengetallen = standaard_kengetallen(float(breed[["inwoners_75_84", "inwoners_85plus"]].sum(axis=1).sum()))
    return invoer, kengetallen


def huishoudgrootte_statushouders(editie: Editie | None, regio: Regio) -> tuple[float, str] | None:
    """Persons per household of statushouders in the region, from the CBS monitor in the edition.

    None when the edition has no monitor, or no gemeente of the region has both figures.
    """
    monitor = editie.lees(AANDACHTSGROEPEN) if editie else None
    if monitor is None:
        return None
    groep = monitor[monitor["groep"].str.casefold().str.contains(STATUSHOUDERS_TITEL)
                    & monitor["gemeentecode"].isin(regio.gemeentecodes)].dropna(subset=["personen", "huishoudens"])
    if groep.empty or groep["huishoudens"].sum() <= 0:
        return None
    waarde = round(float(groep["personen"].sum() / groep["huishoudens"].sum()), 2)
    bron = (f"{groep['bron'].iloc[0]}: personen ÷ huishoudens van de groep '{groep['groep'].iloc[0]}' in "
            f"{len(groep)} van de {len(regio.gemeentecodes)} gemeenten van {regio.naam}")
    return waarde, bron


def standaard_invoer_voor(regio: Regio, editie: Editie | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The pre-filled default inputs for the gemeenten of a region, and the default kengetallen."""
    invoer, kengetallen = _standaard_nederland(editie)
    kengetallen = kengetallen.copy()
    gemeten = huishoudgrootte_statushouders(editie, regio)
    if gemeten:
        kengetallen.loc["huishoudgrootte_statushouders", ["laag", "midden", "hoog"]] = gemeten[0]
        kengetallen.loc["huishoudgrootte_statushouders", ["herkomst", "bron"]] = ["register", gemeten[1]]
    return invoer[invoer["gemeentecode"].isin(regio.gemeentecodes)].reset_index(drop=True), kengetallen


def editie_voor(parameters: Basisparameters, regio: Regio) -> Editie | None:
    """The data edition the parameters ask for (None: the bundled data); WoonzorgFout if it does not exist."""
    return kies(parameters.data_editie, regio.gemeentecodes)


def taakstelling_voor(parameters: Basisparameters, regio: Regio, jaren: list[int]) -> pd.DataFrame:
    """The taakstelling vergunninghouders per gemeente of the region × half-year × scenario (art. 29)."""
    gepubliceerd = taakstelling_landelijk()
    onbekend: dict[str, float | str]
    if parameters.taakstelling_onbekend:
        onbekend = {**parameters.taakstelling_onbekend.model_dump(),
                    "bron": "aanname uit het parameterbestand (taakstelling_onbekend): geen gepubliceerd landelijk aantal"}
    else:
        onbekend = statushouders.standaard_bereik(gepubliceerd)
    landelijk = statushouders.landelijke_aantallen(gepubliceerd, statushouders.halfjaren(jaren), onbekend)
    return statushouders.taakstelling(landelijk, bevolking(), regio.gemeentecodes)


def invoer_voor(
    parameters: Basisparameters, regio: Regio, editie: Editie | None = None, taakstelling: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The inputs to use: the filled-in invoerformat if the parameters name one, else the defaults.

    With ``taakstelling`` (per half-year), every gemeente without its own entered
    taakstelling gets the statutory one, per year and scenario.
    """
    standaard, kengetallen = standaard_invoer_voor(regio, editie)
    if parameters.invoer:
        # The invoerformat covers the whole region; the analysed area may be one of its deelregio's.
        geheel = laad_regio(parameters.regio)
        gelezen = lees_invoer(Path(parameters.invoer), geheel.gemeentecodes, ONDERWERPEN, kengetallen.index)
        waarden = gelezen.waarden[gelezen.waarden["gemeentecode"].isin(regio.gemeentecodes)]
        # A taakstelling only counts when the analyst entered it: a default in an older file is stale.
        oud = (waarden["onderwerp"] == "statushouders_taakstelling") & ~waarden["lokaal"]
        standaard = waarden[~oud].drop(columns="lokaal").reset_index(drop=True)
        if gelezen.kengetallen is not None:
            kengetallen = gelezen.kengetallen
    if taakstelling is None:
        return standaard, kengetallen
    eigen = standaard.loc[standaard["onderwerp"] == "statushouders_taakstelling", "gemeentecode"]
    wettelijk = statushouders.per_jaar(taakstelling[~taakstelling["gemeentecode"].isin(eigen)])
    return pd.concat([standaard, wettelijk], ignore_index=True), kengetallen


def controleer_invoer(bestand: Parameterbestand) -> None:
    """Check the data edition and the invoerformat a parameter file names (WoonzorgFout with every problem)."""
    regio = analysegebied(bestand.parameters)
    editie = editie_voor(bestand.parameters, regio)
    if bestand.parameters.invoer:
        invoer_voor(bestand.parameters, regio, editie)


def _sleutels(
    regio: Regio, editie: Editie | None, invoer: pd.DataFrame, aanbod: pd.DataFrame, eigen_vraag: pd.Series
) -> pd.DataFrame:
    codes = pd.Index(regio.gemeentecodes, name="gemeentecode")
    basis = per_gemeente(basisgegevens(editie)).reindex(codes)
    sleutels = pd.DataFrame(
        {
            "inwoners": basis["inwoners"],
            "sociale_huurvoorraad": aanbod["corporatiewoningen"],
            "verhuringen": aanbod["verhuringen"],
            "herkomstgemeente": eigen_vraag,
        },
        index=codes,
    )
    for onderwerp in ("huishoudens", "huidige_belasting", "draagkracht"):
        waarden = invoer[invoer["onderwerp"] == onderwerp].set_index("gemeentecode")["waarde"].reindex(codes)
        if waarden.notna().all():
            sleutels[onderwerp] = waarden
    return sleutels


def fair_share(
    parameters: Basisparameters, regio: Regio, editie: Editie | None, invoer: pd.DataFrame, aanbod: pd.DataFrame,
    conf: pd.DataFrame,
) -> pd.DataFrame:
    """The yearly task for aandachtsgroepen (scenario of the parameters, peiljaar) under each key mix."""
    jaar = conf[(conf["scenario"] == parameters.scenario) & (conf["jaar"] == parameters.peiljaar)]
    eigen = jaar.set_index("gemeentecode")["vraag_aandachtsgroepen"].reindex(list(regio.gemeentecodes)).fillna(0.0)
    totaal = int(round(eigen.sum()))
    sleutels = _sleutels(regio, editie, invoer, aanbod, eigen)
    belasting = None
    if parameters.correctie_jaren:
        if "huidige_belasting" not in sleutels:
            raise WoonzorgFout("correctie_jaren is gezet, maar het invoerformat heeft geen huidige_belasting voor elke gemeente")
        belasting = sleutels["huidige_belasting"]
    plafond = None
    if parameters.plafond_aandeel_verhuringen:
        plafond = aanbod["verhuringen"] * parameters.plafond_aandeel_verhuringen
    uit = varianten(totaal, sleutels, parameters.verdeelsleutels, belasting, parameters.correctie_jaren or 1, plafond)
    uit.insert(0, "eigen_vraag", eigen)
    if "huidige_belasting" in sleutels:  # only from the invoerformat: never the model's own demand
        uit.insert(1, "huidige_belasting", sleutels["huidige_belasting"])
    return regio.indeling().set_index("gemeentecode").join(uit).reset_index()


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


def _bereiken(kengetallen: pd.DataFrame, parameters: Basisparameters, taakstelling: pd.DataFrame) -> dict[str, Bereik]:
    """Every assumption with its range and where the range comes from: uncertain inputs and policy levers apart."""
    def als_procent(laag: float, hoog: float) -> tuple[str, str]:
        return procent(laag), procent(hoog)

    bereiken = {
        sleutel: Bereik(rij["omschrijving"], float(rij["laag"]), float(rij["hoog"]), f"{rij['herkomst']}: {rij['bron']}",
                        weergave=als_procent(rij["laag"], rij["hoog"]) if rij["eenheid"] == "aandeel" else None)
        for sleutel, rij in kengetallen.iterrows()
    }
    onbekend = taakstelling[taakstelling["herkomst"] == "aanname"]
    if len(onbekend):
        landelijk = onbekend.groupby("scenario")["landelijk"].first()
        bereiken["taakstelling_onbekend"] = Bereik(
            "Landelijke taakstelling vergunninghouders per halfjaar zonder gepubliceerd aantal",
            float(landelijk["laag"]), float(landelijk["hoog"]),
            _nationaal_deel(onbekend["bron"].iloc[0], onbekend["halfjaar"].iloc[0]))
    laag, hoog, bron = schattingen.spreiding_corporatieaandeel(woningvoorraad_eigendom())
    bereiken["corporatieaandeel"] = Bereik(
        "Corporatiewoningen waar die geschat zijn (aandeel van de provincie)", laag, hoog, bron,
        weergave=(f"× {kengetal(round(laag, 2))}", f"× {kengetal(round(hoog, 2))}"))
    g4 = landelijke_kengetallen()["dakloze_aandeel_g4"]
    bereiken["spreiding_dakloosheid"] = Bereik(
        "Spreiding van de landelijke schatting van dakloosheid over de gemeenten", 0.0, 1.0, g4["bron"],
        weergave=("naar rato van de inwoners", f"{procent(g4['waarde'], 0)} in de G4"))
    aandeel = parameters.aandeel_verhuringen_aandachtsgroepen
    bereiken["aandeel_verhuringen_aandachtsgroepen"] = Bereik(
        "Afgesproken aandeel verhuringen voor aandachtsgroepen", aandeel * 0.5, min(aandeel * 1.5, 1.0),
        "beleidskeuze: de gekozen waarde in het parameterbestand, ±50%", "beleidskeuze",
        als_procent(aandeel * 0.5, min(aandeel * 1.5, 1.0)))
    return bereiken


def _dakloosheid_geconcentreerd(invoer: pd.DataFrame, standaard: pd.DataFrame, regio: Regio) -> pd.DataFrame:
    """The homelessness defaults spread with the G4 holding their registered share instead of pro rata inhabitants."""
    g4 = landelijke_kengetallen()["dakloze_aandeel_g4"]
    inwoners = per_gemeente(basisgegevens())["inwoners"]
    in_g4 = inwoners.index.isin(g4["gemeenten"])
    factor = pd.Series(np.where(in_g4, g4["waarde"] / inwoners[in_g4].sum(), (1 - g4["waarde"]) / inwoners[~in_g4].sum()),
                       index=inwoners.index) * inwoners.sum()
    standaard = standaard[standaard["onderwerp"] == "dakloze_personen"].set_index("gemeentecode")
    rijen = invoer[(invoer["onderwerp"] == "dakloze_personen")]
    is_standaard = rijen["waarde"].to_numpy() == standaard["waarde"].reindex(rijen["gemeentecode"]).to_numpy()
    invoer = invoer.copy()
    invoer.loc[rijen.index[is_standaard], "waarde"] = (
        rijen.loc[is_standaard, "waarde"] * rijen.loc[is_standaard, "gemeentecode"].map(factor)).to_numpy()
    return invoer


def _regionaal_tekort(
    invoer: pd.DataFrame, kengetallen: pd.DataFrame, parameters: Basisparameters, regio: Regio, jaren: list[int],
    editie: Editie | None,
) -> Callable[[Mapping[str, float]], float]:
    """The regional gap in the doeljaar (scenario midden) as a function of fixed assumptions.

    Besides kengetallen, ``vervang`` may fix: ``taakstelling_onbekend`` (the national number of
    every unpublished half-year), ``corporatieaandeel`` (a factor on estimated corporation
    stock), ``spreiding_dakloosheid`` (1: the homelessness estimate concentrated as in the G4)
    and ``aandeel_verhuringen_aandachtsgroepen``.
    """
    codes = pd.Index(regio.gemeentecodes)
    jaar = parameters.doeljaar
    standaard = standaard_invoer_voor(regio, editie)[0]

    def uitkomst(vervang: Mapping[str, float]) -> float:
        gebruikt = invoer
        if "taakstelling_onbekend" in vervang:
            waarde = float(vervang["taakstelling_onbekend"])
            anders = parameters.model_copy(update={"taakstelling_onbekend": LaagMiddenHoog(
                laag=waarde, midden=waarde, hoog=waarde)})
            wettelijk = gebruikt["jaar"].notna() if "jaar" in gebruikt else pd.Series(False, index=gebruikt.index)
            nieuw = statushouders.per_jaar(taakstelling_voor(anders, regio, [jaar]))
            nieuw = nieuw[nieuw["gemeentecode"].isin(gebruikt.loc[wettelijk, "gemeentecode"])]
            gebruikt = pd.concat([gebruikt[~wettelijk], nieuw], ignore_index=True)
        if vervang.get("spreiding_dakloosheid"):
            gebruikt = _dakloosheid_geconcentreerd(gebruikt, standaard, regio)
        if "corporatieaandeel" in vervang:
            geschat = (gebruikt["onderwerp"] == "corporatiewoningen") & (gebruikt["herkomst"] != "register")
            gebruikt = gebruikt.copy()
            gebruikt.loc[geschat, "waarde"] = gebruikt.loc[geschat, "waarde"] * float(vervang["corporatieaandeel"])
        vast = {k: v for k, v in vervang.items() if k in kengetallen.index}
        vraag = bereken_vraag(gebruikt, kengetallen, [jaar], vast, spreidjaren=len(jaren))
        vraag = vraag[vraag["scenario"] == "midden"]
        graad, herkomst = mutatiegraad_voor(parameters, regio, kengetallen, vervang)
        aandeel = float(vervang.get("aandeel_verhuringen_aandachtsgroepen", parameters.aandeel_verhuringen_aandachtsgroepen))
        aanbod = bereken_aanbod(gebruikt, codes, graad, aandeel, herkomst)
        conf = confrontatie(vraag, aanbod)
        return float(conf["tekort"].sum())

    return uitkomst


def analyseer(parameters: Basisparameters, kengetallen_vervangen: Mapping[str, float] | None = None) -> Analyse:
    """Run the whole model for one validated parameter set.

    ``kengetallen_vervangen`` fixes kengetallen at a value in every scenario (the
    explorer's sliders); the kengetallen table of the result shows the values used.
    """
    regio = analysegebied(parameters)
    editie = editie_voor(parameters, regio)
    jaren = list(range(parameters.peiljaar, parameters.doeljaar + 1))
    taakstelling = taakstelling_voor(parameters, regio, jaren)
    invoer, kengetallen = invoer_voor(parameters, regio, editie, taakstelling)
    if kengetallen_vervangen:
        onbekend = sorted(set(kengetallen_vervangen) - set(kengetallen.index))
        if onbekend:
            raise WoonzorgFout(f"onbekend kengetal {', '.join(onbekend)}")
        kengetallen = kengetallen.copy()
        for sleutel, waarde in kengetallen_vervangen.items():
            kengetallen.loc[sleutel, ["laag", "midden", "hoog"]] = float(waarde)
            kengetallen.loc[sleutel, ["herkomst", "bron"]] = ["aanname", f"gekozen in de verkenner: {waarde}"]
    vraag = bereken_vraag(invoer, kengetallen, jaren)
    graad, herkomst = mutatiegraad_voor(parameters, regio, kengetallen, kengetallen_vervangen)
    aandeel = parameters.aandeel_verhuringen_aandachtsgroepen
    aanbod = bereken_aanbod(invoer, pd.Index(regio.gemeentecodes, name="gemeentecode"), graad, aandeel, herkomst)
    if aanbod["corporatiewoningen"].isna().any() and aanbod["verhuringen"].isna().any():
        zonder = ", ".join(aanbod.index[aanbod["verhuringen"].isna()])
        raise WoonzorgFout(f"geen corporatiewoningen en geen verhuringen voor {zonder}: vul ze in het invoerformat in")
    conf_gemeenten = confrontatie(vraag, aanbod)
    conf = voeg_saldo_toe(op_niveaus(conf_gemeenten, regio, ["scenario", "jaar"], SOM_KOLOMMEN))
    verdeling = fair_share(parameters, regio, editie, invoer, aanbod, conf_gemeenten)
    gevoeligheid = tornado(
        _regionaal_tekort(invoer, kengetallen, parameters, regio, jaren, editie),
        _bereiken(kengetallen, parameters, taakstelling),
    )
    return Analyse(parameters, regio, editie, jaren, taakstelling, invoer, kengetallen, vraag, aanbod, conf, verdeling, gevoeligheid,
                   dekking(vraag, regio))


def verdeling_over_deelregios(analyse: Analyse) -> pd.DataFrame:
    """The regional task for aandachtsgroepen distributed over the deelregio's, per key mix.

    Keys are the sums of the gemeente keys per deelregio; ``eigen_vraag`` is the demand that arises in
    the deelregio, ``huidige_belasting`` (only with an invoerformat that has it) what it houses now.
    """
    p = analyse.parameters
    eigen = analyse.verdeling.set_index("gemeentecode")["eigen_vraag"]  # as fair_share computed it
    sleutels = _sleutels(analyse.regio, analyse.editie, analyse.invoer, analyse.aanbod, eigen)
    indeling = analyse.regio.indeling().set_index("gemeentecode")["deelregio"]
    per_deelregio = sleutels.groupby(indeling, sort=False).sum()
    totaal = int(round(per_deelregio["herkomstgemeente"].sum()))
    uit = varianten(totaal, per_deelregio, p.verdeelsleutels)
    uit.insert(0, "eigen_vraag", per_deelregio["herkomstgemeente"])
    if "huidige_belasting" in per_deelregio:
        uit.insert(1, "huidige_belasting", per_deelregio["huidige_belasting"])
    return uit.rename_axis("deelregio").reset_index()


def _nationaal_deel(bron: str, halfjaar: str) -> str:
    """The national part of a per-gemeente taakstelling source: where the national number comes from."""
    return bron.split(" × inwoners")[0].removeprefix(f"art. 29 Huisvestingswet: {halfjaar} ")


def invoercijfers(analyse: Analyse) -> pd.DataFrame:
    """Every national or published figure the analysis rests on: value, reference date, tier and source.

    Per-gemeente figures (inhabitants, stock, local entries) are summarised elsewhere; this is
    the list a reader needs to check where the defaults come from.
    """
    rijen: list[dict[str, str]] = []
    taak = analyse.taakstelling
    landelijk_per_halfjaar = taak.groupby(["halfjaar", "scenario"])["landelijk"].first().unstack()
    eerste = taak.groupby("halfjaar")[["herkomst", "bron"]].first()
    onbekend = list(eerste.index[eerste["herkomst"] == "aanname"])
    for halfjaar, rij in eerste.drop(index=onbekend).iterrows():
        rijen.append({"cijfer": f"Landelijke taakstelling vergunninghouders {halfjaar}",
                      "waarde": getal(landelijk_per_halfjaar.loc[halfjaar, "midden"]), "peildatum": str(halfjaar),
                      "herkomst": rij["herkomst"], "bron": _nationaal_deel(rij["bron"], str(halfjaar))})
    if onbekend:
        per = landelijk_per_halfjaar.loc[onbekend[0]]
        rijen.append({"cijfer": "Landelijke taakstelling vergunninghouders, halfjaren zonder gepubliceerd aantal",
                      "waarde": f"{getal(per['laag'])} – {getal(per['midden'])} – {getal(per['hoog'])}",
                      "peildatum": ", ".join(statushouders.reeksen(onbekend)), "herkomst": "aanname",
                      "bron": _nationaal_deel(eerste.loc[onbekend[0], "bron"], onbekend[0])})
    inwoners = bevolking()
    for peildatum in sorted(set(taak["peildatum_inwoners"])):
        totaal = int(inwoners.loc[inwoners["peildatum"] == peildatum, "inwoners"].sum())
        rijen.append({"cijfer": "Inwoners van Nederland (noemer van art. 29)", "waarde": getal(totaal),
                      "peildatum": peildatum, "herkomst": "register", "bron": "CBS (som van de gemeenten)"})
    namen = {"dakloze_personen": "Dakloze personen 18-65 jaar in Nederland",
             "dakloze_aandeel_g4": "Aandeel dakloze personen ingeschreven in de G4",
             "jeugdzorg_uitstroom": "Jongeren die op 18 jaar de jeugdzorg verlaten, per jaar",
             "detentie_uitstroom": "Uitstromers uit detentie in Nederland, per jaar",
             "beschermd_wonen_clienten": "Bewoners beschermd wonen in Nederland"}
    landelijk = landelijke_kengetallen()
    for sleutel, naam in namen.items():
        k = landelijk[sleutel]
        waarde = procent(k["waarde"], 0) if k["waarde"] < 1 else getal(k["waarde"])
        rijen.append({"cijfer": naam, "waarde": waarde, "peildatum": str(k["peildatum"]), "herkomst": k["herkomst"],
                      "bron": k["bron"]})
    steden = landelijk["detentie_uitstroom_gemeenten"]
    namen_gemeenten = analyse.regio.indeling().set_index("gemeentecode")["gemeentenaam"]
    for code, aantal in steden["waarden"].items():
        if code in namen_gemeenten.index:
            rijen.append({"cijfer": f"Uitstromers uit detentie naar {namen_gemeenten[code]}", "waarde": getal(aantal),
                          "peildatum": str(steden["peildatum"]), "herkomst": steden["herkomst"], "bron": steden["bron"]})
    werkelijk = analyse.invoer[analyse.invoer["onderwerp"] == "verhuringen"]
    for rij in werkelijk.itertuples():
        rijen.append({"cijfer": f"Verhuringen sociale huur {namen_gemeenten.get(rij.gemeentecode, rij.gemeentecode)}",
                      "waarde": getal(rij.waarde), "peildatum": str(rij.peildatum), "herkomst": str(rij.herkomst),
                      "bron": str(rij.bron)})
    return pd.DataFrame(rijen, columns=["cijfer", "waarde", "peildatum", "herkomst", "bron"])


def dekking(vraag: pd.DataFrame, regio: Regio) -> pd.DataFrame:
    """Per doelgroep how many gemeenten of the area have a figure: a group without one is unknown, not zero."""
    met = vraag.groupby("doelgroep", observed=True)["gemeentecode"].agg(lambda c: set(c.astype(str)))
    rijen = []
    for sleutel, doelgroep in DOELGROEPEN.items():
        aantal = sum(c in met.get(sleutel, set()) for c in regio.gemeentecodes)
        rijen.append({"doelgroep": sleutel, "naam": doelgroep.naam, "aandachtsgroep": doelgroep.aandachtsgroep,
                      "gemeenten_met_gegevens": aantal, "gemeenten": len(regio.gemeentecodes)})
    return pd.DataFrame(rijen)


__all__ = [
    "Analyse", "analyseer", "analysegebied", "controleer_invoer", "dekking", "editie_voor", "fair_share",
    "invoercijfers",
    "invoer_voor", "mutatiegraad_voor", "standaard_invoer_voor", "taakstelling_voor",
    "verdeling_over_deelregios",
]
