"""Figures a region published itself (its own woonzorg task, a taakstelling it reports), to set beside the result.

One bundled file, ``vergelijkingscijfers.csv``: per catalogue region and area (the region, a deelregio or a
gemeente) a figure for one or more doelgroepen, with its unit, year (empty: every year) and source.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from woonzorg_lib.algemeen.errors import Melding, WoonzorgFout
from woonzorg_lib.algemeen.paden import BUNDEL_MAP

BESTAND = "vergelijkingscijfers.csv"
KOLOMMEN = ["regio", "gebied", "doelgroepen", "waarde", "eenheid", "jaar", "bron", "toelichting"]


@cache
def _lees() -> pd.DataFrame:
    tabel = pd.read_csv(BUNDEL_MAP / BESTAND, dtype=str, keep_default_na=False)
    ontbreekt = [k for k in KOLOMMEN if k not in tabel.columns]
    if ontbreekt:
        raise WoonzorgFout([Melding(BESTAND, "kolommen", f"ontbrekende kolom(men): {', '.join(ontbreekt)}")])
    fouten = []
    for i, rij in tabel.iterrows():
        if not rij["waarde"].isdigit():
            fouten.append(Melding(BESTAND, f"rij {i + 2}, waarde", f"verwacht een heel getal, kreeg '{rij['waarde']}'"))
        if rij["jaar"] and not rij["jaar"].isdigit():
            fouten.append(Melding(BESTAND, f"rij {i + 2}, jaar", f"verwacht een jaartal of leeg, kreeg '{rij['jaar']}'"))
        if not rij["bron"].strip():
            fouten.append(Melding(BESTAND, f"rij {i + 2}, bron", "elk vergelijkingscijfer heeft een bron nodig"))
    if fouten:
        raise WoonzorgFout(fouten)
    return tabel.assign(waarde=tabel["waarde"].astype("int64"),
                        jaar=pd.to_numeric(tabel["jaar"].replace("", None)).astype("Int64"))


def vergelijkingscijfers(regio: str, jaar: int) -> pd.DataFrame:
    """The published figures of one catalogue region that hold for ``jaar`` (or for every year)."""
    tabel = _lees()
    rijen = tabel[(tabel["regio"] == regio) & (tabel["jaar"].isna() | (tabel["jaar"] == jaar))]
    return rijen.reset_index(drop=True)
