"""The whole woonzorganalyse for one parameter set: load the inputs, run the model.

This is the one call the notebooks (run interactively or by the batch runner) and the CLI make::

    analyse = analyseer(lees_parameterbestand(Path("parameters/ijmond.yaml")).parameters)

It takes the inputs (``uitgangspunten``: defaults, invoerformat, statutory taakstelling)
and runs the pure model, with its sensitivity (``gevoeligheid``); it draws nothing and
writes nothing.
"""

from __future__ import annotations

import pandas as pd

from woonzorg_lib.algemeen.errors import Melding, WoonzorgFout
from woonzorg_lib.analyse.gevoeligheid import gevoeligheid
from woonzorg_lib.analyse.parameters import Basisparameters, analysegebied
from woonzorg_lib.analyse.plannen import plannen_voor
from woonzorg_lib.analyse.resultaat import Analyse
from woonzorg_lib.analyse.tussenstand import Tussenstand, stapsleutel
from woonzorg_lib.analyse.uitgangspunten import editie_voor, invoer_voor, mutatiegraad_voor, taakstelling_voor
from woonzorg_lib.analyse.verdelen import fair_share
from woonzorg_lib.data.catalogus import Regio, laad_regio
from woonzorg_lib.data.edities import Editie
from woonzorg_lib.data.invoer_vhp import Plannen
from woonzorg_lib.model.aanbod import bereken_aanbod, confrontatie, voeg_saldo_toe
from woonzorg_lib.model.doelgroepen import AANDACHTSGROEPEN, DOELGROEPEN
from woonzorg_lib.model.niveaus import op_niveaus
from woonzorg_lib.model.onthulling import beveiligingspatroon
from woonzorg_lib.model.vraag import bereken_vraag

SOM_KOLOMMEN = [
    "vraag_aandachtsgroepen", "vraag_ouderen", "verhuringen", "beschikbaar", "nieuw_aanbod", "ouderen_aanbod",
]


# The parameters each stage of ``analyseer`` depends on: a stage is reused while these are unchanged.
INVOERVELDEN = ("regio", "peiljaar", "doeljaar", "invoer", "data_editie", "taakstelling_onbekend")
AANBODVELDEN = (*INVOERVELDEN, "mutatiegraad", "aandeel_verhuringen_aandachtsgroepen")
VERDEELVELDEN = (*INVOERVELDEN, "mutatiegraad", "scenario", "verdeelsleutels", "plafond_aandeel_verhuringen",
                 "plafond_doelgroepen", "correctie_jaren")


def _invoer(
    parameters: Basisparameters,
) -> tuple[Regio, Editie | None, list[int], pd.DataFrame, pd.DataFrame, pd.DataFrame, Plannen]:
    geheel = laad_regio(parameters.regio)
    editie = editie_voor(parameters, geheel)
    jaren = list(range(parameters.peiljaar, parameters.doeljaar + 1))
    taakstelling = taakstelling_voor(parameters, geheel, jaren, editie)
    invoer, kengetallen = invoer_voor(parameters, geheel, editie, taakstelling)
    plannen = plannen_voor(parameters, geheel, jaren)  # the VHP sheets: planned new build, statushouders housed
    return geheel, editie, jaren, taakstelling, invoer, kengetallen, plannen


def aanbod_voor(
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
    geheel, editie, jaren, taakstelling, invoer, kengetallen, plannen = t.stap(
        "invoer", stapsleutel(parameters, INVOERVELDEN), lambda: _invoer(parameters))
    vraag = t.stap("vraag", stapsleutel(parameters, INVOERVELDEN), lambda: bereken_vraag(invoer, kengetallen, jaren))
    aanbod = t.stap("aanbod", stapsleutel(parameters, AANBODVELDEN),
                    lambda: aanbod_voor(parameters, geheel, invoer, kengetallen))
    verdeling, niet_geplaatst = t.stap("verdeling", stapsleutel(parameters, VERDEELVELDEN),
                                       lambda: fair_share(parameters, geheel, editie, invoer, aanbod, vraag))
    beveiliging = t.stap("beveiliging", stapsleutel(parameters, (*INVOERVELDEN, "drempel_onthulling")),
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
        return t.stap("gevoeligheid", {**stapsleutel(parameters, AANBODVELDEN), "deelregio": regio.sleutel},
                      lambda: gevoeligheid(parameters, regio, editie, invoer, kengetallen, taakstelling, jaren))

    gedekt = t.stap("dekking", {**stapsleutel(parameters, INVOERVELDEN), "deelregio": regio.sleutel},
                    lambda: dekking(vraag, regio))
    return Analyse(
        parameters=parameters, regio=regio, geheel=geheel, editie=editie, jaren=jaren, taakstelling=taakstelling,
        invoer=invoer, kengetallen=kengetallen, vraag=vraag, aanbod=aanbod, confrontatie=conf, verdeling=verdeling,
        niet_geplaatst=niet_geplaatst, beveiliging=beveiliging, dekking=gedekt, bereken_gevoeligheid=onzeker,
        plannen=plannen,
    )


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


def dekking(vraag: pd.DataFrame, regio: Regio) -> pd.DataFrame:
    """Per doelgroep how many gemeenten of the area have a figure: a group without one is unknown, not zero."""
    met = vraag.groupby("doelgroep", observed=True)["gemeentecode"].agg(lambda c: set(c.astype(str)))
    rijen = []
    for sleutel, doelgroep in DOELGROEPEN.items():
        aantal = sum(c in met.get(sleutel, set()) for c in regio.gemeentecodes)
        rijen.append({"doelgroep": sleutel, "naam": doelgroep.naam, "aandachtsgroep": doelgroep.aandachtsgroep,
                      "gemeenten_met_gegevens": aantal, "gemeenten": len(regio.gemeentecodes)})
    return pd.DataFrame(rijen)
