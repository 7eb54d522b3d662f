"""9. Monitor: what changed against the analysis on the previous data edition."""

from __future__ import annotations

import pandas as pd

from woonzorg_lib.algemeen.opmaak import kengetal
from woonzorg_lib.analyse.monitor import vergelijk
from woonzorg_lib.rapport import publicatie
from woonzorg_lib.rapport.hoofdstukken.onderdelen import Hoofdstuk, Tabel, Tekst
from woonzorg_lib.rapport.hoofdstukken.selectie import Selectie


def hoofdstuk(selectie: Selectie) -> Hoofdstuk:
    """Per unit and per doelgroep this edition against the previous one, and the data and kengetallen that changed."""
    p = selectie.p
    vergelijking = vergelijk(selectie.analyse)
    if vergelijking is None:
        return Hoofdstuk([Tekst(
            "Er is nog geen eerdere versie van de gegevens om deze analyse mee te vergelijken. Rekent een volgende "
            "analyse met nieuwere CBS-cijfers, dan laat dit hoofdstuk zien wat er daardoor veranderde."
        )])
    per_eenheid = {}
    for blok in ("vorige editie", "deze editie"):
        deel = vergelijking.per_gemeente[blok].reset_index()
        per_eenheid[blok] = publicatie.woningen(
            pd.concat([selectie.per_eenheid(deel, k) for k in deel.columns if k != "gemeentecode"], axis=1))
    per_eenheid["verschil"] = per_eenheid["deze editie"] - per_eenheid["vorige editie"]
    kolommen = list(per_eenheid["verschil"].columns)
    verschil = per_eenheid["verschil"].rename(columns=lambda k: f"{k}: verschil")
    tabel = pd.concat([per_eenheid["deze editie"], verschil], axis=1)[[c for k in kolommen for c in (k, f"{k}: verschil")]]
    tabel.loc["Totaal"] = tabel.sum()
    per_groep = publicatie.woningen(vergelijking.per_doelgroep[["vorige editie", "deze editie"]])
    per_groep["verschil"] = per_groep["deze editie"] - per_groep["vorige editie"]
    onderdelen = Hoofdstuk([
        Tekst(
            f"Deze analyse gebruikt data-editie **{vergelijking.huidige}**; de vorige editie voor dit gebied is "
            f"**{vergelijking.vorige}**. Beide zijn met dezelfde parameters doorgerekend (scenario "
            f"{p.scenario}, {p.peiljaar}); het verschil komt dus alleen uit de gegevens. "
            f"Woningen per jaar, afgerond op vijftallen."
        ),
        Tabel(tabel, bijschrift=f"Wat veranderde per {selectie.eenheid} (deze editie en het verschil)"),
        Tabel(per_groep, bijschrift="Vraag per doelgroep in het gebied (woningen per jaar, afgerond)"),
        Tabel(vergelijking.gegevens, bijschrift="Wat veranderde in de gegevens"),
    ])
    if len(vergelijking.kengetallen):
        kengetallen = vergelijking.kengetallen.copy()
        eenheden = selectie.analyse.kengetallen.set_index("omschrijving")["eenheid"].reindex(kengetallen.index)
        for kolom in ("midden vorige", "midden nu"):
            kengetallen[kolom] = [kengetal(w, e) for w, e in zip(kengetallen[kolom], eenheden.fillna(""), strict=True)]
        onderdelen.append(Tabel(kengetallen, bijschrift="Gewijzigde kengetallen"))
    return onderdelen
