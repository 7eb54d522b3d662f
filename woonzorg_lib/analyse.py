"""The whole woonzorganalyse for one parameter set: load the inputs, run the model.

This is the one call the notebooks (run interactively or by the batch runner) and the CLI make::

    analyse = analyseer(lees_parameterbestand(Path("parameters/ijmond.yaml")).parameters)

It takes the inputs (``uitgangspunten``: defaults, invoerformat, statutory taakstelling)
and runs the pure model, with its sensitivity (``onzekerheid``); it draws nothing and
writes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from woonzorg_lib.data.basis import basisgegevens, per_gemeente
from woonzorg_lib.data.catalogus import Regio
from woonzorg_lib.data.edities import Editie
from woonzorg_lib.errors import WoonzorgFout
from woonzorg_lib.model.aanbod import bereken_aanbod, confrontatie, voeg_saldo_toe
from woonzorg_lib.model.doelgroepen import DOELGROEPEN
from woonzorg_lib.model.niveaus import op_niveaus
from woonzorg_lib.model.verdeling import varianten
from woonzorg_lib.model.vraag import bereken_vraag
from woonzorg_lib.onzekerheid import gevoeligheid
from woonzorg_lib.parameters import Basisparameters, Parameterbestand, analysegebied
from woonzorg_lib.uitgangspunten import (
    editie_voor,
    invoer_voor,
    mutatiegraad_voor,
    standaard_invoer_voor,
    taakstelling_voor,
)

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
    onzeker = gevoeligheid(parameters, regio, editie, invoer, kengetallen, taakstelling, jaren)
    return Analyse(parameters, regio, editie, jaren, taakstelling, invoer, kengetallen, vraag, aanbod, conf, verdeling,
                   onzeker, dekking(vraag, regio))


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
    "invoer_voor", "mutatiegraad_voor", "standaard_invoer_voor", "taakstelling_voor",
    "verdeling_over_deelregios",
]
