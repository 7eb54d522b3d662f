"""The statutory urgency categories of the Wvrv mapped to the doelgroepen the model computes.

The register itself (article, source, confirmation) is the bundled facts file; this module
checks that every mapped group exists and says per category what the analysis covers.
"""

from __future__ import annotations

from woonzorg_lib.algemeen.errors import Melding, WoonzorgFout
from woonzorg_lib.data.wvrv import Urgentiecategorie, Wvrv, lees_wvrv
from woonzorg_lib.model.doelgroepen import AANDACHTSGROEPEN


def register(wvrv: Wvrv | None = None) -> tuple[Urgentiecategorie, ...]:
    """The urgency categories, each mapped only to aandachtsgroepen the model knows."""
    wvrv = wvrv or lees_wvrv()
    fout = [Melding(wvrv.bestand, f"urgentiecategorieen[{n}].doelgroepen",
                    f"doelgroep '{g}' bestaat niet; kies uit: {', '.join(AANDACHTSGROEPEN)}")
            for n, c in enumerate(wvrv.urgentiecategorieen, start=1) for g in c.doelgroepen if g not in AANDACHTSGROEPEN]
    if fout:
        raise WoonzorgFout(fout)
    return wvrv.urgentiecategorieen


def zonder_categorie(wvrv: Wvrv | None = None) -> list[str]:
    """The aandachtsgroepen of the model that no statutory category covers (statushouders among them)."""
    gedekt = {g for c in register(wvrv) for g in c.doelgroepen}
    return [g for g in AANDACHTSGROEPEN if g not in gedekt]
