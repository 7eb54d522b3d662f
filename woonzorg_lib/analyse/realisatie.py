"""The taakstelling monitor: statushouders housed per half-year against the task, and the achterstand.

The achterstand (task minus housed, over the half-years with a realisation) becomes the
onderwerp 'statushouders_achterstand' of a gemeente that did not enter one itself, so it
is carried into the demand; a gemeente ahead of its task has no achterstand (not a negative one).
"""

from __future__ import annotations

import pandas as pd

from woonzorg_lib.algemeen.opmaak import getal
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


def achterstand_rijen(monitor_: pd.DataFrame, invoer: pd.DataFrame) -> pd.DataFrame:
    """Invoer rows 'statushouders_achterstand' for every gemeente with a realisation and no achterstand of its own."""
    eigen = set(invoer.loc[invoer["onderwerp"] == "statushouders_achterstand", "gemeentecode"])
    rijen = []
    for code, deel in monitor_.groupby("gemeentecode", sort=False):
        if code in eigen:
            continue
        eind = float(deel["achterstand"].iloc[-1])
        rijen.append({"gemeentecode": code, "onderwerp": "statushouders_achterstand", "waarde": max(eind, 0.0),
                      "herkomst": zwakste(deel["herkomst"]),
                      "bron": (f"taakstelling min gehuisvest over {len(deel)} halfjaren (invoerformat, blad "
                               f"realisatie): {getal(deel['taakstelling'].sum())} min {getal(deel['gehuisvest'].sum())}"),
                      "peildatum": str(deel["halfjaar"].iloc[-1]), "lokaal": False})
    return pd.DataFrame(rijen, columns=["gemeentecode", "onderwerp", "waarde", "herkomst", "bron", "peildatum", "lokaal"])


def met_achterstand(invoer: pd.DataFrame, taakstelling: pd.DataFrame, plannen: Plannen, scenario: str) -> pd.DataFrame:
    """The inputs with the achterstand from the realisation added (unchanged when nothing was realised)."""
    if plannen.realisatie.empty:
        return invoer
    rijen = achterstand_rijen(monitor(taakstelling, plannen, scenario), invoer)
    return pd.concat([invoer, rijen], ignore_index=True) if len(rijen) else invoer
