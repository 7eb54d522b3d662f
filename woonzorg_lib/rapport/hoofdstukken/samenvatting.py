"""1. Bestuurlijke samenvatting: the task per group and what it covers, the claim, load against fair share, decisions."""

from __future__ import annotations

import pandas as pd

from woonzorg_lib.algemeen.opmaak import getal
from woonzorg_lib.data.basis import basisgegevens
from woonzorg_lib.model.doelgroepen import SCENARIOS
from woonzorg_lib.model.herkomst import zwakste
from woonzorg_lib.model.onthulling import ONBEKEND, TOTAAL
from woonzorg_lib.rapport import grafieken, publicatie, tekst
from woonzorg_lib.rapport.hoofdstukken.onderdelen import Figuur, Hoofdstuk, Tabel, Tekst
from woonzorg_lib.rapport.hoofdstukken.selectie import Selectie, varianten
from woonzorg_lib.rapport.stijl import TEKENS, UITLEG_TEKENS


def taak_per_groep(selectie: Selectie) -> pd.DataFrame:
    """The area's yearly homes per aandachtsgroep and scenario (protected), groups without data as 'n.b.', a total."""
    per_groep = selectie.per_doelgroep()
    # Only the aandachtsgroepen, so the total is the task the text states; older people have their own sentence.
    beschermd = pd.DataFrame({s: selectie.beschermd(s).loc[TOTAAL] for s in SCENARIOS}).rename_axis("doelgroep")
    beschermd = pd.concat([beschermd.drop(index=TOTAAL), beschermd.loc[[TOTAAL]]])
    beschermd["herkomst"] = per_groep["herkomst"].reindex(beschermd.index).fillna("")
    beschermd.loc[TOTAAL, "herkomst"] = TEKENS[zwakste(selectie.vraag()["herkomst"])]
    zonder = selectie.analyse.aandachtsgroepen_gedekt()["geen"]
    leeg = pd.DataFrame([[ONBEKEND] * len(SCENARIOS) + ["geen gegevens"]], columns=beschermd.columns, index=zonder)
    return pd.concat([beschermd.drop(index=TOTAAL), leeg, beschermd.loc[[TOTAAL]]]).rename_axis("doelgroep")


def statushouders_zin(selectie: Selectie) -> str:
    """The statutory taakstelling of the peiljaar, per half-year, exactly as art. 29 gives it."""
    p = selectie.p
    taak = selectie.analyse.taakstelling
    jaar = taak[taak["jaar"] == p.peiljaar]
    delen = []
    for halfjaar, rijen in jaar.groupby("halfjaar", sort=True):
        per = rijen.groupby("scenario")[["personen", "landelijk"]].agg({"personen": "sum", "landelijk": "first"})
        if rijen["herkomst"].iloc[0] == "aanname":
            delen.append(
                f"{halfjaar}: nog geen landelijk aantal gepubliceerd, aanname {getal(per.loc['laag', 'landelijk'])} "
                f"tot {getal(per.loc['hoog', 'landelijk'])} (midden {getal(per.loc['midden', 'landelijk'])}) geeft "
                f"{getal(per.loc['laag', 'personen'])} tot {getal(per.loc['hoog', 'personen'])} personen")
        else:
            delen.append(f"{halfjaar}: landelijk {getal(per.loc['midden', 'landelijk'])} geeft "
                         f"**{getal(per.loc['midden', 'personen'])} personen**")
    peildata = tekst.opsomming(sorted(set(jaar["peildatum_inwoners"])))
    return (f"**Statushouders.** De wettelijke taakstelling (art. 29 Huisvestingswet: landelijk aantal × "
            f"inwoners op 1 januari van het jaar ervoor ÷ inwoners van Nederland, naar boven afgerond; inwoners op "
            f"{peildata}) voor dit gebied in {p.peiljaar}: {'; '.join(delen)}. Zie Vraag per doelgroep.")


def ouderen_basis(selectie: Selectie) -> str:
    """What the older people's demand is scaled by: the share of 75-plussers on its reference dates, with the source."""
    basis = basisgegevens(selectie.analyse.editie)
    rijen = basis[basis["gemeentecode"].isin(selectie.codes) & (basis["indicator"] == "inwoners_75_84")]
    return (f"het aandeel 75-plussers op {tekst.opsomming(sorted(set(rijen['peildatum'])))} "
            f"({tekst.veilig(rijen['bron'].iloc[0])})")


def hoofdstuk(selectie: Selectie) -> Hoofdstuk:
    """The one-page summary: task per group, claim on lettings, current load against fair share, decisions asked."""
    analyse, p = selectie.analyse, selectie.p
    regio = analyse.regio_per_scenario()
    gevoelig = analyse.gevoeligheid
    invoer = gevoelig[gevoelig["soort"] == "invoer"]
    verdeling = selectie.verdeling()
    mixen = varianten(verdeling)
    claim = regio.loc["midden", "vraag_aandachtsgroepen"] / regio.loc["midden", "verhuringen"]
    onderdelen = Hoofdstuk([
        Tekst(tekst.samenvatting(
            analyse.regio.naam, p.peiljaar, p.doeljaar,
            regio["vraag_aandachtsgroepen"].to_dict(), regio.loc["midden", "verhuringen"],
            publicatie.verhuringen_gepubliceerd(analyse.aanbod), selectie.verhuringen_herkomst(),
            p.aandeel_verhuringen_aandachtsgroepen, regio["tekort"].to_dict(),
            regio.loc["midden", "vraag_ouderen"], ouderen_basis(selectie), analyse.aandachtsgroepen_gedekt(),
            statushouders_zin(selectie), invoer["omschrijving"].iloc[0] if len(invoer) else None,
        )),
        Tabel(taak_per_groep(selectie),
              bijschrift=f"Woningen per jaar voor de aandachtsgroepen in {p.peiljaar} (laag – midden – hoog)",
              opmerking=f"{publicatie.OPMERKING_PATROON} '{ONBEKEND}' = geen gegevens: de groep telt niet mee in het "
                        "totaal, niet als 0."),
        Tekst(UITLEG_TEKENS),
    ])
    if "huidige_belasting" in verdeling:
        belasting = pd.DataFrame({
            "huidige belasting (invoer)": publicatie.cijfers(publicatie.personen(
                verdeling[["huidige_belasting"]], selectie.drempel, rijtotaal=False, kolomtotaal=False))["huidige_belasting"],
            f"fair share ({mixen[0]})": verdeling[mixen[0]],
        })
        onderdelen.append(Figuur.van(grafieken.groepen(
            belasting, f"Huidige belasting tegen fair share per {selectie.eenheid}", "woningen per jaar")))
    else:
        onderdelen.append(Tekst(tekst.belasting_onbekend(selectie.eenheid)))
    onderdelen.append(Tekst("**Gevraagde besluiten**\n\n" + tekst.besluiten(
        mixen, claim, p.aandeel_verhuringen_aandachtsgroepen, selectie.zonder_gegevens())))
    return onderdelen
