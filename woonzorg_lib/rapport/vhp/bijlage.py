"""The regional annex for the province: the fair-share table of every gemeente of the region, one row each.

Cut from the kerncijfers of the region's own run (the same distribution every deelregio's
report and factsheet shows), as a Word table to attach to a regional agreement and as CSV.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from woonzorg_lib.analyse.resultaat import Analyse
from woonzorg_lib.data.wvrv import Wvrv, lees_wvrv
from woonzorg_lib.rapport.factsheet import getoond_getal
from woonzorg_lib.rapport.kaartcijfers import TOTAAL_VRAAG
from woonzorg_lib.rapport.parameterzinnen import sleutelzin
from woonzorg_lib.rapport.vhp.blokken import Alinea, Hoofdstuk, Kop, Tabel


def bestandsnaam(analyse: Analyse) -> str:
    """bijlage-verdeling-<regio>, in plain letters."""
    ascii_ = unicodedata.normalize("NFKD", analyse.geheel.sleutel).encode("ascii", "ignore").decode("ascii").lower()
    return "bijlage-verdeling-" + (re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-") or "regio")


def tabel(analyse: Analyse, kern: pd.DataFrame) -> pd.DataFrame:
    """One row per gemeente of the region: deelregio, own demand and its share under every variant (rows of kern)."""
    p = analyse.parameters
    kern = kern[(kern["scenario"] == p.scenario) & (kern["jaar"] == p.peiljaar) & (kern["gemeentecode"] != "")]
    indeling = analyse.geheel.indeling()
    eigen = kern[(kern["indicator"] == "vraag_woningen") & (kern["doelgroep"] == TOTAAL_VRAAG)].set_index("gemeentecode")
    uit = indeling[["gemeentecode", "gemeentenaam", "deelregio"]].rename(columns={"gemeentenaam": "gemeente"})
    uit["eigen vraag"] = uit["gemeentecode"].map(eigen["waarde"])
    for variant in p.verdeelsleutels:
        rijen = kern[kern["indicator"] == f"fair_share_regio: {variant}"].set_index("gemeentecode")
        uit[f"deel: {variant}"] = uit["gemeentecode"].map(rijen["waarde"])
    return uit.reset_index(drop=True)


def bijlage(analyse: Analyse, kern: pd.DataFrame, wvrv: Wvrv | None = None) -> tuple[Hoofdstuk, pd.DataFrame]:
    """The annex as blocks (for Word) and as a table (for CSV)."""
    wvrv = wvrv or lees_wvrv()
    p, regio = analyse.parameters, analyse.geheel.naam
    tab = tabel(analyse, kern)
    kolommen = [k for k in tab.columns if k != "gemeentecode"]
    rijen = tuple(tuple(getoond_getal(w) if k not in ("gemeente", "deelregio") else str(w) for k, w in zip(kolommen, r, strict=True))
                  for r in tab[kolommen].itertuples(index=False))
    totaal = ("Totaal", "", *(getoond_getal(tab[k].apply(pd.to_numeric, errors="coerce").sum()) for k in kolommen[2:]))
    blokken = (
        Kop(f"Bijlage: verdeling van de opgave voor aandachtsgroepen over de gemeenten van {regio}", 1),
        Alinea(f"Per gemeente van {regio} de eigen vraag van aandachtsgroepen en haar deel van de regionale opgave "
               f"bij elke verdeling, in woningen per jaar ({p.peiljaar}, scenario {p.scenario}). De verdelingen: "
               f"{sleutelzin(p.verdeelsleutels)}. Dezelfde cijfers als in de rapporten en factsheets van deze run."),
        Alinea(wvrv.feiten["regionale_verdeling"].tekst + " " + wvrv.feiten["termijn_vhp_provincie"].tekst),
        Tabel(f"Verdeling van de opgave over de gemeenten van {regio}", tuple(kolommen), (*rijen, totaal),
              getallen=tuple(range(2, len(kolommen))), totaal=(len(rijen),)),
    )
    return Hoofdstuk("", regio, "", blokken[0].tekst, blokken, bestandsnaam(analyse)), tab
