"""The fair share of one analysis: the region's yearly task for aandachtsgroepen under each key mix.

The figures behind each key come from the model (inwoners, stock, lettings, own demand) or
only from the invoerformat (huishoudens, current load, draagkracht); a key without a figure
for every gemeente is refused with a message naming the gemeenten.
"""

from __future__ import annotations

import pandas as pd

from woonzorg_lib.algemeen.errors import Melding, WoonzorgFout
from woonzorg_lib.analyse.parameters import Basisparameters
from woonzorg_lib.analyse.resultaat import Analyse
from woonzorg_lib.data.basis import basisgegevens, per_gemeente
from woonzorg_lib.data.catalogus import Regio
from woonzorg_lib.data.edities import Editie
from woonzorg_lib.model.doelgroepen import AANDACHTSGROEPEN, ONDERWERPEN
from woonzorg_lib.model.onthulling import afgerond
from woonzorg_lib.model.verdeling import varianten

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


def verdeling_per_deelregio(analyse: Analyse) -> pd.DataFrame:
    """The one regional distribution added up per deelregio: each deelregio's share of the regional task."""
    kolommen = [k for k in analyse.verdeling.columns if k not in ("gemeentecode", "gemeentenaam", "deelregio")]
    per = analyse.verdeling.groupby("deelregio", sort=False)[kolommen].sum(min_count=1)
    return per.reindex(list(dict.fromkeys(analyse.geheel.indeling()["deelregio"]))).reset_index()
