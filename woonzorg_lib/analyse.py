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
from woonzorg_lib.data.catalogus import Regio, laad_regio
from woonzorg_lib.data.edities import Editie
from woonzorg_lib.errors import Melding, WoonzorgFout
from woonzorg_lib.model.aanbod import bereken_aanbod, confrontatie, voeg_saldo_toe
from woonzorg_lib.model.doelgroepen import DOELGROEPEN
from woonzorg_lib.model.niveaus import op_niveaus
from woonzorg_lib.model.onthulling import TOTAAL, beveiligingspatroon
from woonzorg_lib.model.verdeling import varianten
from woonzorg_lib.model.vraag import bereken_vraag
from woonzorg_lib.onzekerheid import gevoeligheid
from woonzorg_lib.opmaak import aantal_gemeenten
from woonzorg_lib.parameters import AANDACHTSGROEPEN, Basisparameters, Parameterbestand, analysegebied
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
    geheel: Regio  # the whole region: the fair-share distribution is over its gemeenten
    editie: Editie | None
    jaren: list[int]
    taakstelling: pd.DataFrame
    invoer: pd.DataFrame
    kengetallen: pd.DataFrame
    vraag: pd.DataFrame
    aanbod: pd.DataFrame
    confrontatie: pd.DataFrame
    verdeling: pd.DataFrame  # every gemeente of the whole region
    niet_geplaatst: dict[str, int]  # per key mix: homes a year the caps cannot carry
    beveiliging: pd.DataFrame  # which cells of the region's gemeente × doelgroep table are hidden, everywhere
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

    def taak(self) -> int:
        """The region's yearly task for aandachtsgroepen as every output states and distributes it (rounded to 5)."""
        return _rond_taak(self.verdeling["eigen_vraag"].sum())

    def totaalrij(self) -> str:
        """The row of the region's disclosure pattern that is this area's total: its deelregio, or the region."""
        if len(self.regio.gemeentecodes) < len(self.geheel.gemeentecodes) and len(self.geheel.deelregios) > 1:
            return next(iter(self.regio.deelregios))
        return TOTAAL

    def regio_per_scenario(self) -> pd.DataFrame:
        """The region's confrontation in the peiljaar, one row per scenario."""
        conf = self.confrontatie
        return conf[(conf["niveau"] == "regio") & (conf["jaar"] == self.parameters.peiljaar)].set_index("scenario")


def controleer_invoer(bestand: Parameterbestand) -> None:
    """Check the data edition and the invoerformat a parameter file names (WoonzorgFout with every problem)."""
    p = bestand.parameters
    regio = laad_regio(p.regio)  # the invoerformat covers the whole region
    editie = editie_voor(p, regio)
    if p.invoer:
        invoer, _ = invoer_voor(p, regio, editie)
        if p.correctie_jaren:
            met = set(invoer.loc[invoer["onderwerp"] == "huidige_belasting", "gemeentecode"])
            zonder = [c for c in regio.gemeentecodes if c not in met]
            if zonder:
                raise WoonzorgFout([Melding(p.invoer, "onderwerp huidige_belasting", (
                    f"correctie_jaren is gezet, maar de huidige belasting ontbreekt voor {aantal_gemeenten(len(zonder))} "
                    f"({', '.join(zonder[:5])}{' …' if len(zonder) > 5 else ''})"))])


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


def _rond_taak(aantal: float) -> int:
    """A task as every output states it: rounded to a multiple of 5 (the one rounding rule for counts)."""
    return int(5 * round(float(aantal) / 5))


def fair_share(
    parameters: Basisparameters, regio: Regio, editie: Editie | None, invoer: pd.DataFrame, aanbod: pd.DataFrame,
    vraag: pd.DataFrame,
) -> tuple[pd.DataFrame, dict[str, int]]:
    """The region's yearly task for aandachtsgroepen (scenario of the parameters, peiljaar) under each key mix.

    One distribution for the whole region, which every deelregio and gemeente reads its part
    of. The task is the regional demand rounded to 5, as every output states it. A cap
    (``plafond_aandeel_verhuringen``) holds for the groups of ``plafond_doelgroepen`` (or the
    whole task); what the caps cannot carry is returned per variant as not placed.
    """
    codes = list(regio.gemeentecodes)
    jaar = vraag[(vraag["scenario"] == parameters.scenario) & (vraag["jaar"] == parameters.peiljaar)
                 & vraag["doelgroep"].isin(AANDACHTSGROEPEN)]
    per_groep = jaar.groupby([jaar["gemeentecode"].astype(str), jaar["doelgroep"].astype(str)])["woningen"].sum()
    eigen = per_groep.groupby(level=0).sum().reindex(codes).fillna(0.0)
    totaal = _rond_taak(eigen.sum())
    sleutels = _sleutels(regio, editie, invoer, aanbod, eigen)
    belasting = None
    if parameters.correctie_jaren:
        if "huidige_belasting" not in sleutels:
            raise WoonzorgFout("correctie_jaren is gezet, maar het invoerformat heeft geen huidige_belasting voor elke gemeente")
        belasting = sleutels["huidige_belasting"]
    delen = [(totaal, None)]
    if parameters.plafond_aandeel_verhuringen:
        plafond = aanbod["verhuringen"].reindex(codes) * parameters.plafond_aandeel_verhuringen
        begrensd = totaal
        if parameters.plafond_doelgroepen:
            groepen = per_groep[per_groep.index.get_level_values(1).isin(parameters.plafond_doelgroepen)]
            begrensd = min(totaal, int(round(groepen.sum())))
        delen = [(begrensd, plafond), (totaal - begrensd, None)]
    verdeeld = [
        varianten(deel, sleutels, parameters.verdeelsleutels,
                  None if belasting is None else belasting * (deel / totaal if totaal else 0),
                  parameters.correctie_jaren or 1, grens)
        for deel, grens in delen
    ]
    uit = sum(verdeeld)
    niet_geplaatst = {variant: int(totaal - uit[variant].sum()) for variant in parameters.verdeelsleutels}
    if parameters.plafond_doelgroepen:  # the capped part apart: the cap holds for it, and a reader can see so
        for variant in parameters.verdeelsleutels:
            uit[f"{variant} (onder plafond)"] = verdeeld[0][variant]
    uit.insert(0, "eigen_vraag", eigen)
    if "huidige_belasting" in sleutels:  # only from the invoerformat: never the model's own demand
        uit.insert(1, "huidige_belasting", sleutels["huidige_belasting"])
    return regio.indeling().set_index("gemeentecode").join(uit).reset_index(), niet_geplaatst


def analyseer(parameters: Basisparameters, kengetallen_vervangen: Mapping[str, float] | None = None) -> Analyse:
    """Run the whole model for one validated parameter set.

    The model runs for the whole region, so that the fair-share distribution (and every
    figure a deelregio shares with the regional overview) is one and the same; the tables
    of the result are those of the analysed area (a deelregio, or the whole region).
    ``kengetallen_vervangen`` fixes kengetallen at a value in every scenario (the
    explorer's sliders); the kengetallen table of the result shows the values used.
    """
    geheel = laad_regio(parameters.regio)
    regio = analysegebied(parameters)
    editie = editie_voor(parameters, geheel)
    jaren = list(range(parameters.peiljaar, parameters.doeljaar + 1))
    taakstelling = taakstelling_voor(parameters, geheel, jaren, editie)
    invoer, kengetallen = invoer_voor(parameters, geheel, editie, taakstelling)
    if kengetallen_vervangen:
        onbekend = sorted(set(kengetallen_vervangen) - set(kengetallen.index))
        if onbekend:
            raise WoonzorgFout(f"onbekend kengetal {', '.join(onbekend)}")
        kengetallen = kengetallen.copy()
        for sleutel, waarde in kengetallen_vervangen.items():
            kengetallen.loc[sleutel, ["laag", "midden", "hoog"]] = float(waarde)
            kengetallen.loc[sleutel, ["herkomst", "bron"]] = ["aanname", f"gekozen in de verkenner: {waarde}"]
    vraag = bereken_vraag(invoer, kengetallen, jaren)
    graad, herkomst = mutatiegraad_voor(parameters, geheel, kengetallen, kengetallen_vervangen)
    aandeel = parameters.aandeel_verhuringen_aandachtsgroepen
    aanbod = bereken_aanbod(invoer, pd.Index(geheel.gemeentecodes, name="gemeentecode"), graad, aandeel, herkomst)
    if aanbod["corporatiewoningen"].isna().any() and aanbod["verhuringen"].isna().any():
        zonder = ", ".join(aanbod.index[aanbod["verhuringen"].isna()])
        raise WoonzorgFout(f"geen corporatiewoningen en geen verhuringen voor {zonder}: vul ze in het invoerformat in")
    verdeling, niet_geplaatst = fair_share(parameters, geheel, editie, invoer, aanbod, vraag)
    beveiliging = beveiligingspatroon_voor(vraag, geheel, parameters.drempel_onthulling)
    weiger_onthullende_sleutel(parameters, geheel, beveiliging)
    # The tables of the analysed area: its own gemeenten, added up to its own levels.
    codes = list(regio.gemeentecodes)
    taakstelling = taakstelling[taakstelling["gemeentecode"].isin(codes)].reset_index(drop=True)
    invoer = invoer[invoer["gemeentecode"].isin(codes)].reset_index(drop=True)
    vraag = vraag[vraag["gemeentecode"].astype(str).isin(codes)].reset_index(drop=True)
    aanbod = aanbod.loc[codes]
    conf = voeg_saldo_toe(op_niveaus(confrontatie(vraag, aanbod), regio, ["scenario", "jaar"], SOM_KOLOMMEN))
    if getattr(parameters, "verdeling_binnen_deelregio", False) and len(codes) < len(geheel.gemeentecodes):
        binnen, _ = fair_share(parameters, regio, editie, invoer, aanbod, vraag)
        for variant in parameters.verdeelsleutels:
            verdeling[f"{variant} (binnen deelregio)"] = verdeling["gemeentecode"].map(
                binnen.set_index("gemeentecode")[variant]).astype("Int64")
    onzeker = gevoeligheid(parameters, regio, editie, invoer, kengetallen, taakstelling, jaren)
    return Analyse(parameters, regio, geheel, editie, jaren, taakstelling, invoer, kengetallen, vraag, aanbod, conf,
                   verdeling, niet_geplaatst, beveiliging, onzeker, dekking(vraag, regio))


def beveiligingspatroon_voor(vraag: pd.DataFrame, regio: Regio, drempel: int) -> pd.DataFrame:
    """The region's disclosure pattern: from the smallest count of persons any output shows per gemeente and group.

    Only the aandachtsgroepen (older people's homes are no count of persons) and only cells
    with a figure the analyst entered are sensitive.
    """
    rijen = vraag[vraag["doelgroep"].isin(AANDACHTSGROEPEN) & vraag["personen"].notna()]
    sleutel = [rijen["gemeentecode"].astype(str), rijen["doelgroep"].astype(str)]
    per_cel = rijen.groupby(sleutel + [rijen["scenario"].astype(str), rijen["jaar"]])[["personen", "woningen"]].sum()
    kleinste = per_cel.min(axis=1).groupby(level=[0, 1]).min().unstack()
    gevoelig = rijen.groupby(sleutel)["lokaal"].any().unstack().fillna(False).astype(bool)
    codes = list(regio.gemeentecodes)
    return beveiligingspatroon(kleinste.reindex(codes), gevoelig.reindex(codes).fillna(False), dict(regio.deelregios),
                               drempel)


def weiger_onthullende_sleutel(parameters: Basisparameters, regio: Regio, beveiliging: pd.DataFrame) -> None:
    """Refuse the key ``herkomstgemeente`` when the pattern hides a gemeente's figures.

    That key is each gemeente's own demand, so its share of the published task would give
    away the total the pattern hides, and with the published cells the small count in it.
    """
    namen = regio.indeling().set_index("gemeentecode")["gemeentenaam"]
    afgeschermd = [str(namen[c]) for c in regio.gemeentecodes if beveiliging.loc[c].any()]
    varianten = [v for v, gewichten in parameters.verdeelsleutels.items() if gewichten.get("herkomstgemeente", 0) > 0]
    if afgeschermd and varianten:
        raise WoonzorgFout([Melding("", f"verdeelsleutels.{v}.herkomstgemeente", (
            f"deze sleutel verdeelt naar de eigen vraag van elke gemeente en zou zo de afgeschermde kleine aantallen "
            f"van {', '.join(afgeschermd[:5])}{' …' if len(afgeschermd) > 5 else ''} prijsgeven; kies voor deze "
            "variant een andere sleutel")) for v in varianten])


def verdeling_per_deelregio(analyse: Analyse) -> pd.DataFrame:
    """The one regional distribution added up per deelregio: each deelregio's share of the regional task."""
    kolommen = [k for k in analyse.verdeling.columns if k not in ("gemeentecode", "gemeentenaam", "deelregio")]
    per = analyse.verdeling.groupby("deelregio", sort=False)[kolommen].sum(min_count=1)
    return per.reindex(list(dict.fromkeys(analyse.geheel.indeling()["deelregio"]))).reset_index()


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
    "verdeling_per_deelregio", "weiger_onthullende_sleutel",
]
