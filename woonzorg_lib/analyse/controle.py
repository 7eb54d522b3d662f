"""Check, before any kernel starts, what a run of a parameter file needs beyond its own keys."""

from __future__ import annotations

from woonzorg_lib.algemeen.errors import Melding, WoonzorgFout
from woonzorg_lib.algemeen.opmaak import aantal_gemeenten
from woonzorg_lib.analyse.doorrekenen import aanbod_voor, analyseer
from woonzorg_lib.analyse.parameters import Parameterbestand
from woonzorg_lib.analyse.uitgangspunten import editie_voor, invoer_voor
from woonzorg_lib.analyse.verdelen import ontbrekende_sleutels
from woonzorg_lib.data.catalogus import laad_regio


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
    aanbod_voor(p, regio, invoer, kengetallen)  # every gemeente needs its stock or its lettings
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
