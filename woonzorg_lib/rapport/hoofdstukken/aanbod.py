"""5. Aanbod: social stock, lettings (with their origin), the agreed share and new supply."""

from __future__ import annotations

import pandas as pd

from woonzorg_lib.algemeen.opmaak import aandeel, aantal_gemeenten, procent
from woonzorg_lib.rapport import grafieken, publicatie, tekst
from woonzorg_lib.rapport.hoofdstukken.onderdelen import Figuur, Hoofdstuk, Tabel, Tekst
from woonzorg_lib.rapport.hoofdstukken.selectie import Selectie, met_herkomst


def hoofdstuk(selectie: Selectie) -> Hoofdstuk:
    """Stock and lettings per unit, the part of the lettings agreed for aandachtsgroepen, and new supply."""
    analyse, p = selectie.analyse, selectie.p
    aanbod = analyse.aanbod.reset_index()
    tabel = publicatie.aanbod(analyse.aanbod, selectie.eenheid_per_code())
    invoer = analyse.invoer
    voorraad = invoer.loc[invoer["onderwerp"] == "corporatiewoningen", "herkomst"].value_counts()
    ingevuld = int(analyse.aanbod["nieuw_aanbod_ingevuld"].sum())
    graden = analyse.aanbod["mutatiegraad"].dropna()
    graad = (aandeel(graden.iloc[0]) if graden.nunique() == 1 else
             f"{aandeel(graden.min())} tot {aandeel(graden.max())} per gemeente") if len(graden) else "niet gebruikt"
    per = pd.concat([selectie.per_eenheid(aanbod, k) for k in ("verhuringen", "beschikbaar")], axis=1)
    delen = pd.DataFrame({"voor aandachtsgroepen": per["beschikbaar"],
                          "overige verhuringen": per["verhuringen"] - per["beschikbaar"]})
    herkomst = selectie.herkomst_per_eenheid(aanbod.rename(columns={"verhuringen_herkomst": "herkomst"}))
    return Hoofdstuk([
        Tekst(
            f"Verhuringen: {selectie.verhuringen_herkomst()}. "
            + (f"De mutatiegraad is {graad} ({tekst.veilig(analyse.kengetallen.loc['mutatiegraad', 'bron'])}"
               + ("; per gemeente gezet in het parameterbestand" if p.mutatiegraad is not None else "") + "). "
               if len(graden) else "Een mutatiegraad is niet nodig: de verhuringen zijn geteld. ")
            + f"Afgesproken aandeel voor aandachtsgroepen: {procent(p.aandeel_verhuringen_aandachtsgroepen)}. "
            "Herkomst van de voorraad: "
            + tekst.opsomming([f"{k} voor {aantal_gemeenten(int(n))}" for k, n in voorraad.items()])
            + f". Nieuw aanbod is voor {ingevuld} van de {aantal_gemeenten(len(analyse.aanbod))} ingevuld; "
            "niet ingevuld telt als 0 (een aanname). De kolom herkomst verhuringen geldt alleen daarvoor; het deel voor "
            "aandachtsgroepen is de verhuringen maal het afgesproken aandeel, een keuze, en is dus een aanname."
        ),
        Figuur.van(grafieken.gestapeld(delen, "Verhuringen per jaar", "woningen per jaar")),
        Tabel(met_herkomst(tabel, herkomst).rename(columns={"herkomst": "herkomst verhuringen"}),
              bijschrift="Aanbod per jaar"),
    ])
