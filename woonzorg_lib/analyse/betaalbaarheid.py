"""The affordability norm of the Wvrv against planned new build: per gemeente and for the region, as data.

The norm (two thirds affordable, 30 % social rent) applies per woningbouwregio; a gemeente's
shares are shown beside it, never judged where nothing was filled in ('niet ingevuld').
"""

from __future__ import annotations

import pandas as pd

from woonzorg_lib.data.catalogus import Regio
from woonzorg_lib.data.invoer_vhp import SEGMENTEN, Plannen
from woonzorg_lib.data.wvrv import Wvrv
from woonzorg_lib.model.herkomst import zwakste

BETAALBAAR = ("sociale_huur", "middenhuur", "betaalbare_koop")
KOLOMMEN = ["gemeentecode", "gemeente", *SEGMENTEN, "totaal", "aandeel_betaalbaar", "aandeel_sociale_huur",
            "aandeel_middensegment", "herkomst", "bron", "ingevuld"]


def _aandelen(rij: pd.Series) -> dict[str, float | None]:
    totaal = float(rij["totaal"])
    if totaal <= 0:
        return {"aandeel_betaalbaar": None, "aandeel_sociale_huur": None, "aandeel_middensegment": None}
    return {"aandeel_betaalbaar": sum(float(rij[k]) for k in BETAALBAAR) / totaal,
            "aandeel_sociale_huur": float(rij["sociale_huur"]) / totaal,
            "aandeel_middensegment": (float(rij["middenhuur"]) + float(rij["betaalbare_koop"])) / totaal}


def toets(plannen: Plannen, regio: Regio) -> pd.DataFrame:
    """Per gemeente of ``regio`` (in its order) the planned segments and shares, and a last row for the region.

    A gemeente without input has ``ingevuld`` False and no figures; the region row adds up
    only the gemeenten that filled in (its ``bron`` says how many of how many).
    """
    namen = regio.indeling().set_index("gemeentecode")["gemeentenaam"]
    plan = plannen.nieuwbouw.set_index("gemeentecode")
    rijen = []
    for code in regio.gemeentecodes:
        if code in plan.index:
            rij = plan.loc[code]
            rijen.append({"gemeentecode": code, "gemeente": namen[code], **{k: float(rij[k]) for k in SEGMENTEN},
                          "totaal": float(rij["totaal"]), **_aandelen(rij), "herkomst": rij["herkomst"],
                          "bron": rij["bron"], "ingevuld": True})
        else:
            rijen.append({"gemeentecode": code, "gemeente": namen[code], "ingevuld": False,
                          "herkomst": "niet ingevuld", "bron": "niet ingevuld in het invoerformat (blad nieuwbouw)"})
    tabel = pd.DataFrame(rijen, columns=KOLOMMEN)
    met = tabel[tabel["ingevuld"]]
    som = met[[*SEGMENTEN, "totaal"]].sum()
    regio_rij = {"gemeentecode": "", "gemeente": regio.naam, **som.to_dict(), "ingevuld": len(met) > 0,
                 "herkomst": zwakste(met["herkomst"]) if len(met) else "niet ingevuld",
                 "bron": f"som van de {len(met)} van {len(tabel)} gemeenten die de nieuwbouw invulden"}
    if len(met):
        regio_rij |= _aandelen(pd.Series(regio_rij))
    else:
        regio_rij |= dict.fromkeys([*SEGMENTEN, "totaal"])
    return pd.concat([tabel, pd.DataFrame([regio_rij], columns=KOLOMMEN)], ignore_index=True)


def normen(wvrv: Wvrv) -> dict[str, float]:
    """The norm values from the facts file: share affordable and share social rent (regional), middensegment."""
    f = wvrv.feiten
    return {"betaalbaar": float(f["norm_betaalbaar"].waarde or 2 / 3),
            "sociale_huur": float(f["norm_sociale_huur"].waarde or 0.3),
            "middensegment": float(f["norm_gemeente"].waarde or 0.4)}
