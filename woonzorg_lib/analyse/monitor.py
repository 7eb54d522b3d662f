"""The monitor: what changed between the analysis on an earlier data edition and the current one.

Two analyses with the same parameters, one per edition, are compared per gemeente and per
doelgroep; the base figures of the two editions are compared per indicator, so a reader
sees whether a change comes from new reference dates, corrected figures or from an
estimate that became a registered figure.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from woonzorg_lib.algemeen.opmaak import aantal_gemeenten
from woonzorg_lib.analyse.doorrekenen import analyseer
from woonzorg_lib.analyse.resultaat import Analyse
from woonzorg_lib.data.basis import basisgegevens
from woonzorg_lib.data.edities import BUNDEL, Editie, vorige
from woonzorg_lib.model.doelgroepen import DOELGROEPEN
from woonzorg_lib.model.vraag import per_doelgroep

INDICATOR_NAMEN = {
    "inwoners": "inwoners", "inwoners_65_74": "inwoners 65-74 jaar", "inwoners_75_84": "inwoners 75-84 jaar",
    "inwoners_85plus": "inwoners 85 jaar en ouder", "woningvoorraad": "woningvoorraad",
    "corporatiewoningen": "corporatiewoningen",
}
GEMEENTE_KOLOMMEN = {
    "vraag_aandachtsgroepen": "vraag aandachtsgroepen",
    "vraag_ouderen": "vraag ouderen",
    "beschikbaar": "aanbod voor aandachtsgroepen",
    "tekort": "tekort",
}


@dataclass(frozen=True)
class Vergelijking:
    """The comparison of two editions for one analysis."""

    vorige: str
    huidige: str
    per_gemeente: pd.DataFrame
    per_doelgroep: pd.DataFrame
    gegevens: pd.DataFrame
    kengetallen: pd.DataFrame


def naam(editie: Editie | None) -> str:
    """An edition's name; the bundled data is 'bundel'."""
    return editie.naam if editie else BUNDEL


def _per_gemeente(analyse: Analyse) -> pd.DataFrame:
    p = analyse.parameters
    conf = analyse.confrontatie
    gemeenten = conf[(conf["niveau"] == "gemeente") & (conf["scenario"] == p.scenario) & (conf["jaar"] == p.peiljaar)]
    tabel = gemeenten.set_index("gemeentecode")[list(GEMEENTE_KOLOMMEN)].rename(columns=GEMEENTE_KOLOMMEN)
    verdeling = analyse.verdeling.set_index("gemeentecode")
    variant = next(iter(p.verdeelsleutels))
    tabel[f"fair share ({variant})"] = verdeling[variant]
    return tabel.reindex(list(analyse.regio.gemeentecodes))


def _gegevens(vorig: pd.DataFrame, nu: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """Per base indicator: the sums, reference dates and tiers before and now, and what kind of change it is."""
    sleutel = ["gemeentecode", "indicator"]
    beide = vorig[vorig["gemeentecode"].isin(codes)].merge(
        nu[nu["gemeentecode"].isin(codes)], on=sleutel, suffixes=("_vorig", "_nu"))
    rijen = []
    for indicator, groep in beide.groupby("indicator", sort=True):
        anders = groep["waarde_vorig"] != groep["waarde_nu"]
        nieuwe_datum = groep["peildatum_vorig"] != groep["peildatum_nu"]
        soorten = []
        if (groep["herkomst_vorig"] != groep["herkomst_nu"]).any():
            soorten.append("herkomst " + ", ".join(sorted(set(groep["herkomst_vorig"]))) + " → "
                           + ", ".join(sorted(set(groep["herkomst_nu"]))))
        if nieuwe_datum.any():
            soorten.append("nieuwe peildatum")
        if (anders & ~nieuwe_datum).any():
            soorten.append(f"gecorrigeerd bij {aantal_gemeenten(int((anders & ~nieuwe_datum).sum()))}")
        rijen.append({
            "indicator": INDICATOR_NAMEN.get(str(indicator), str(indicator)),
            "vorige editie": int(groep["waarde_vorig"].sum()),
            "peildatum vorige": ", ".join(sorted(set(groep["peildatum_vorig"]))),
            "deze editie": int(groep["waarde_nu"].sum()),
            "peildatum nu": ", ".join(sorted(set(groep["peildatum_nu"]))),
            "gemeenten gewijzigd": int(anders.sum()),
            "soort wijziging": "; ".join(soorten) or "ongewijzigd",
        })
    return pd.DataFrame(rijen).set_index("indicator")


def _kengetallen(vorig: Analyse, nu: Analyse) -> pd.DataFrame:
    beide = vorig.kengetallen[["omschrijving", "midden", "herkomst"]].join(
        nu.kengetallen[["midden", "herkomst", "bron"]], lsuffix=" vorige", rsuffix=" nu")
    return beide[beide["midden vorige"] != beide["midden nu"]].set_index("omschrijving")


def vergelijk(nu: Analyse) -> Vergelijking | None:
    """Compare an analysis with the same analysis on the edition before its own; None on the bundled data."""
    if nu.editie is None:
        return None
    eerder = vorige(nu.editie, nu.regio.gemeentecodes)
    vorig = analyseer(nu.parameters.model_copy(update={"data_editie": naam(eerder)}))
    voor, na = _per_gemeente(vorig), _per_gemeente(nu)
    per_gemeente = pd.concat({"vorige editie": voor, "deze editie": na, "verschil": na - voor}, axis=1)
    groep_voor = per_doelgroep(vorig.vraag[vorig.vraag["jaar"] == vorig.parameters.peiljaar])
    groep_na = per_doelgroep(nu.vraag[nu.vraag["jaar"] == nu.parameters.peiljaar])
    scenario = nu.parameters.scenario
    per_groep = pd.DataFrame({"vorige editie": groep_voor[scenario], "deze editie": groep_na[scenario]})
    per_groep["verschil"] = per_groep["deze editie"] - per_groep["vorige editie"]
    per_groep = per_groep.rename(index=lambda s: DOELGROEPEN[s].naam if s in DOELGROEPEN else s)
    codes = list(nu.regio.gemeentecodes)
    gegevens = _gegevens(basisgegevens(eerder), basisgegevens(nu.editie), codes)
    return Vergelijking(naam(eerder), nu.editie.naam, per_gemeente, per_groep, gegevens, _kengetallen(vorig, nu))


__all__ = ["Vergelijking", "naam", "vergelijk"]
