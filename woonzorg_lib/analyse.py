"""The whole woonzorganalyse for one parameter set: load the inputs, run the model.

This is the one call the notebooks (run interactively or by the batch runner) and the CLI make::

    analyse = analyseer(lees_parameterbestand(Path("parameters/ijmond.yaml")).parameters)

It takes the inputs (``uitgangspunten``: defaults, invoerformat, statutory taakstelling)
and runs the pure model, with its sensitivity (``onzekerheid``); it draws nothing and
writes nothing.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from woonzorg_lib.data.basis import basisgegevens, per_gemeente
from woonzorg_lib.data.catalogus import Regio, laad_regio
from woonzorg_lib.data.edities import Editie
from woonzorg_lib.errors import Melding, WoonzorgFout
from woonzorg_lib.model.aanbod import bereken_aanbod, confrontatie, voeg_saldo_toe
from woonzorg_lib.model.doelgroepen import DOELGROEPEN
from woonzorg_lib.model.niveaus import op_niveaus
from woonzorg_lib.model.onthulling import TOTAAL, afgerond, beveiligingspatroon
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

T = TypeVar("T")
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
    dekking: pd.DataFrame
    bereken_gevoeligheid: Callable[[], pd.DataFrame] = field(repr=False, compare=False)

    @cached_property
    def gevoeligheid(self) -> pd.DataFrame:
        """The tornado table, computed when first asked for (the explorer shows it only on request)."""
        return self.bereken_gevoeligheid()

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
        return afgerond(self.verdeling["eigen_vraag"].sum())

    def totaalrij(self) -> str:
        """The row of the region's disclosure pattern that is this area's total: its deelregio, or the region."""
        if len(self.regio.gemeentecodes) < len(self.geheel.gemeentecodes) and len(self.geheel.deelregios) > 1:
            return next(iter(self.regio.deelregios))
        return TOTAAL

    def regio_per_scenario(self) -> pd.DataFrame:
        """The region's confrontation in the peiljaar, one row per scenario."""
        conf = self.confrontatie
        return conf[(conf["niveau"] == "regio") & (conf["jaar"] == self.parameters.peiljaar)].set_index("scenario")


# Keys of the fair share whose figures come only from the invoerformat.
SLEUTELS_UIT_INVOER = ("huishoudens", "huidige_belasting", "draagkracht")


def gemeenten_zonder(sleutel: str, regio: Regio, invoer: pd.DataFrame) -> list[str]:
    """The gemeenten of the region without a figure for a key of the fair share (none for the model's own keys)."""
    if sleutel not in SLEUTELS_UIT_INVOER:
        return []
    met = set(invoer.loc[(invoer["onderwerp"] == sleutel) & invoer["waarde"].notna(), "gemeentecode"])
    return [c for c in regio.gemeentecodes if c not in met]


def ontbrekende_sleutels(
    parameters: Basisparameters, regio: Regio, invoer: pd.DataFrame, bestand: str = ""
) -> list[Melding]:
    """A message per key mix and key whose figures the region lacks: the fair share needs them for every gemeente."""
    from woonzorg_lib.model.doelgroepen import ONDERWERPEN

    namen = regio.indeling().set_index("gemeentecode")["gemeentenaam"]
    meldingen = []
    for variant, gewichten in parameters.verdeelsleutels.items():
        for sleutel in (k for k, g in gewichten.items() if k in SLEUTELS_UIT_INVOER and g > 0):
            zonder = [str(namen[c]) for c in gemeenten_zonder(sleutel, regio, invoer)]
            if not zonder:
                continue
            waarom = ("er is geen invoerformat (invoer is leeg)" if not parameters.invoer else
                      f"het invoerformat heeft het niet voor {len(zonder)} van de {len(regio.gemeentecodes)} gemeenten "
                      f"({', '.join(zonder[:5])}{' …' if len(zonder) > 5 else ''})")
            meldingen.append(Melding(bestand, f"verdeelsleutels.{variant}.{sleutel}", (
                f"deze sleutel vraagt '{ONDERWERPEN[sleutel].omschrijving}' voor elke gemeente van {regio.naam} "
                f"uit het invoerformat, maar {waarom}; vul het in, of kies een sleutel met gegevens voor deze regio: "
                f"inwoners, sociale_huurvoorraad, verhuringen")))
    return meldingen


def controleer_invoer(bestand: Parameterbestand) -> None:
    """Check what a run of this parameter file needs beyond its own keys (WoonzorgFout with every problem).

    The data edition, the invoerformat, the stock or lettings of every gemeente, the figures behind
    each key of the fair share and the current load for ``correctie_jaren``; with the key
    ``herkomstgemeente`` the model runs, so the run cannot fail later on the disclosure pattern.
    """
    p = bestand.parameters
    regio = laad_regio(p.regio)  # the fair share is over the whole region
    editie = editie_voor(p, regio)
    invoer, kengetallen = invoer_voor(p, regio, editie)
    _aanbod(p, regio, invoer, kengetallen)  # every gemeente needs its stock or its lettings
    meldingen = ontbrekende_sleutels(p, regio, invoer, str(bestand.pad))
    if p.invoer and p.correctie_jaren:
        met = set(invoer.loc[invoer["onderwerp"] == "huidige_belasting", "gemeentecode"])
        zonder = [c for c in regio.gemeentecodes if c not in met]
        if zonder:
            meldingen.append(Melding(p.invoer, "onderwerp huidige_belasting", (
                f"correctie_jaren is gezet, maar de huidige belasting ontbreekt voor {aantal_gemeenten(len(zonder))} "
                f"({', '.join(zonder[:5])}{' …' if len(zonder) > 5 else ''})")))
    if meldingen:
        raise WoonzorgFout(meldingen)
    if any(g.get("herkomstgemeente", 0) > 0 for g in p.verdeelsleutels.values()):
        analyseer(p)


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
    for onderwerp in SLEUTELS_UIT_INVOER:
        waarden = invoer[invoer["onderwerp"] == onderwerp].set_index("gemeentecode")["waarde"].reindex(codes)
        if waarden.notna().all():
            sleutels[onderwerp] = waarden
    return sleutels


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
    totaal = afgerond(eigen.sum())
    ontbrekend = ontbrekende_sleutels(parameters, regio, invoer)
    if ontbrekend:
        raise WoonzorgFout(ontbrekend)
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


# The parameters each stage of ``analyseer`` depends on: a stage is reused while these are unchanged.
INVOERVELDEN = ("regio", "peiljaar", "doeljaar", "invoer", "data_editie", "taakstelling_onbekend")
AANBODVELDEN = (*INVOERVELDEN, "mutatiegraad", "aandeel_verhuringen_aandachtsgroepen")
VERDEELVELDEN = (*INVOERVELDEN, "mutatiegraad", "scenario", "verdeelsleutels", "plafond_aandeel_verhuringen",
                 "plafond_doelgroepen", "correctie_jaren")


class Tussenstand:
    """Results of the stages of ``analyseer``, kept by the parameters they depend on, for the next call.

    The explorer passes one to every call: a slider then recomputes only the stages whose
    parameters it moved. Files the inputs come from (region file, invoerformat) count by
    their modification time, so an edited workbook is read again.
    """

    def __init__(self, bewaren: int = 12) -> None:
        self._bewaren = bewaren
        self._stappen: dict[str, OrderedDict[str, Any]] = {}

    def stap(self, naam: str, sleutel: Mapping[str, Any], bereken: Callable[[], T]) -> T:
        """The stage's result for this key: reused if known, else computed and kept (the latest few per stage)."""
        tekst = json.dumps(sleutel, sort_keys=True, default=str)
        bewaard = self._stappen.setdefault(naam, OrderedDict())
        if tekst in bewaard:
            bewaard.move_to_end(tekst)
            return bewaard[tekst]
        waarde = bereken()
        bewaard[tekst] = waarde
        while len(bewaard) > self._bewaren:
            bewaard.popitem(last=False)
        return waarde


def _sleutel(parameters: Basisparameters, velden: tuple[str, ...]) -> dict[str, Any]:
    waarden = parameters.model_dump(mode="json", include=set(velden))
    for veld in ("regio", "invoer"):  # a file's content counts, by its modification time
        pad = Path(str(waarden.get(veld) or ""))
        if veld in waarden and pad.suffix in (".yaml", ".yml", ".xlsx", ".xlsm", ".csv") and pad.is_file():
            waarden[f"{veld}_gewijzigd"] = pad.stat().st_mtime_ns
    return waarden


def _invoer(
    parameters: Basisparameters,
) -> tuple[Regio, Editie | None, list[int], pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    geheel = laad_regio(parameters.regio)
    editie = editie_voor(parameters, geheel)
    jaren = list(range(parameters.peiljaar, parameters.doeljaar + 1))
    taakstelling = taakstelling_voor(parameters, geheel, jaren, editie)
    invoer, kengetallen = invoer_voor(parameters, geheel, editie, taakstelling)
    return geheel, editie, jaren, taakstelling, invoer, kengetallen


def _aanbod(
    parameters: Basisparameters, geheel: Regio, invoer: pd.DataFrame, kengetallen: pd.DataFrame
) -> pd.DataFrame:
    graad, herkomst = mutatiegraad_voor(parameters, geheel, kengetallen)
    aandeel = parameters.aandeel_verhuringen_aandachtsgroepen
    aanbod = bereken_aanbod(invoer, pd.Index(geheel.gemeentecodes, name="gemeentecode"), graad, aandeel, herkomst)
    if aanbod["corporatiewoningen"].isna().any() and aanbod["verhuringen"].isna().any():
        zonder = ", ".join(aanbod.index[aanbod["verhuringen"].isna()])
        raise WoonzorgFout(f"geen corporatiewoningen en geen verhuringen voor {zonder}: vul ze in het invoerformat in")
    return aanbod


def analyseer(parameters: Basisparameters, tussenstand: Tussenstand | None = None) -> Analyse:
    """Run the whole model for one validated parameter set.

    The model runs for the whole region, so that the fair-share distribution (and every
    figure a deelregio shares with the regional overview) is one and the same; the tables
    of the result are those of the analysed area (a deelregio, or the whole region).
    With a ``tussenstand`` (the explorer), stages whose parameters did not change since an
    earlier call are reused: the result is the same as without it.
    """
    t = tussenstand or Tussenstand()
    geheel, editie, jaren, taakstelling, invoer, kengetallen = t.stap(
        "invoer", _sleutel(parameters, INVOERVELDEN), lambda: _invoer(parameters))
    vraag = t.stap("vraag", _sleutel(parameters, INVOERVELDEN), lambda: bereken_vraag(invoer, kengetallen, jaren))
    aanbod = t.stap("aanbod", _sleutel(parameters, AANBODVELDEN),
                    lambda: _aanbod(parameters, geheel, invoer, kengetallen))
    verdeling, niet_geplaatst = t.stap("verdeling", _sleutel(parameters, VERDEELVELDEN),
                                       lambda: fair_share(parameters, geheel, editie, invoer, aanbod, vraag))
    beveiliging = t.stap("beveiliging", _sleutel(parameters, (*INVOERVELDEN, "drempel_onthulling")),
                         lambda: beveiligingspatroon_voor(vraag, geheel, parameters.drempel_onthulling))
    weiger_onthullende_sleutel(parameters, geheel, beveiliging)
    # The tables of the analysed area: its own gemeenten, added up to its own levels.
    regio = analysegebied(parameters)
    codes = list(regio.gemeentecodes)
    taakstelling = taakstelling[taakstelling["gemeentecode"].isin(codes)].reset_index(drop=True)
    invoer = invoer[invoer["gemeentecode"].isin(codes)].reset_index(drop=True)
    vraag = vraag[vraag["gemeentecode"].astype(str).isin(codes)].reset_index(drop=True)
    aanbod = aanbod.loc[codes]
    conf = voeg_saldo_toe(op_niveaus(confrontatie(vraag, aanbod), regio, ["scenario", "jaar"], SOM_KOLOMMEN))
    if getattr(parameters, "verdeling_binnen_deelregio", False) and len(codes) < len(geheel.gemeentecodes):
        binnen, _ = fair_share(parameters, regio, editie, invoer, aanbod, vraag)
        verdeling = verdeling.copy()  # the regional distribution may be kept for the next call: never changed
        for variant in parameters.verdeelsleutels:
            verdeling[f"{variant} (binnen deelregio)"] = verdeling["gemeentecode"].map(
                binnen.set_index("gemeentecode")[variant]).astype("Int64")
    def onzeker() -> pd.DataFrame:
        return t.stap("gevoeligheid", {**_sleutel(parameters, AANBODVELDEN), "deelregio": regio.sleutel},
                      lambda: gevoeligheid(parameters, regio, editie, invoer, kengetallen, taakstelling, jaren))

    gedekt = t.stap("dekking", {**_sleutel(parameters, INVOERVELDEN), "deelregio": regio.sleutel},
                    lambda: dekking(vraag, regio))
    return Analyse(parameters, regio, geheel, editie, jaren, taakstelling, invoer, kengetallen, vraag, aanbod, conf,
                   verdeling, niet_geplaatst, beveiliging, gedekt, onzeker)


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
    "Analyse", "Tussenstand", "analyseer", "analysegebied", "controleer_invoer", "dekking", "editie_voor", "fair_share",
    "gemeenten_zonder", "invoer_voor", "mutatiegraad_voor", "ontbrekende_sleutels", "standaard_invoer_voor",
    "taakstelling_voor", "verdeling_per_deelregio", "weiger_onthullende_sleutel",
]
