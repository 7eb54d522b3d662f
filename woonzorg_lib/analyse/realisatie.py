"""The taakstelling monitor: statushouders housed per half-year against the task, and the achterstand.

The half-years with a realisation lie within the analysis years, whose demand already holds their full task: the
part not yet housed is in that demand, so the monitor shows it and never adds it a second time. A backlog from
before the peiljaar is the onderwerp 'statushouders_achterstand' of the invoer sheet (spread over the years).
"""

from __future__ import annotations

import pandas as pd

from woonzorg_lib.data.invoer_vhp import Plannen
from woonzorg_lib.model.herkomst import zwakste

KOLOMMEN = ["gemeentecode", "halfjaar", "taakstelling", "gehuisvest", "verschil", "achterstand", "herkomst", "bron"]


def monitor(taakstelling: pd.DataFrame, plannen: Plannen, scenario: str) -> pd.DataFrame:
    """Per gemeente × half-year with a realisation: task, housed, difference and the running achterstand."""
    taak = taakstelling[taakstelling["scenario"] == scenario].set_index(["gemeentecode", "halfjaar"])
    rijen = []
    for r in plannen.realisatie.sort_values(["gemeentecode", "halfjaar"]).itertuples(index=False):
        if (r.gemeentecode, r.halfjaar) not in taak.index:
            continue
        t = taak.loc[(r.gemeentecode, r.halfjaar)]
        rijen.append({"gemeentecode": r.gemeentecode, "halfjaar": r.halfjaar, "taakstelling": float(t["personen"]),
                      "gehuisvest": float(r.gehuisvest), "verschil": float(t["personen"]) - float(r.gehuisvest),
                      "herkomst": zwakste([t["herkomst"], r.herkomst]), "bron": f"{r.bron} | {t['bron']}"})
    tabel = pd.DataFrame(rijen, columns=KOLOMMEN).astype({k: "float64" for k in KOLOMMEN[2:6]})
    tabel["achterstand"] = tabel.groupby("gemeentecode")["verschil"].cumsum()
    return tabel
