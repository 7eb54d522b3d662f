"""1. Bestuurlijke samenvatting: the task per group and what it covers, the claim, load against fair share, decisions."""

from __future__ import annotations

import pandas as pd

from woonzorg_lib.algemeen.opmaak import getal, procent
from woonzorg_lib.model.doelgroepen import AANDACHTSGROEPEN, SCENARIOS
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


def dekking(selectie: Selectie) -> str:
    """Which aandachtsgroepen the task counts, and that it is a lower bound when groups are missing."""
    gedekt = selectie.analyse.aandachtsgroepen_gedekt()
    aantal = len(gedekt["volledig"]) + len(gedekt["gedeeltelijk"])
    if not gedekt["gedeeltelijk"] and not gedekt["geen"]:
        return f"Alle {len(AANDACHTSGROEPEN)} aandachtsgroepen zijn meegeteld."
    zinnen = [f"Dit is een **ondergrens**: **{aantal} van de {len(AANDACHTSGROEPEN)} aandachtsgroepen** zijn meegeteld: "
              f"{tekst.opsomming([*gedekt['volledig'], *gedekt['gedeeltelijk']])}."]
    if gedekt["gedeeltelijk"]:
        zinnen.append("Van een groep met 'van de … gemeenten' tellen alleen de gemeenten met een cijfer mee.")
    if gedekt["geen"]:
        zinnen.append(f"Voor {tekst.opsomming(gedekt['geen'])} zijn nog geen cijfers; met die groepen "
                      "wordt de opgave groter.")
    return " ".join(zinnen)


def statushouders(selectie: Selectie) -> str:
    """The statutory taakstelling of the peiljaar in plain words: exact where the Rijk's number is in the data."""
    p = selectie.p
    taak = selectie.analyse.taakstelling
    jaar = taak[taak["jaar"] == p.peiljaar]
    per = jaar.groupby(["halfjaar", "scenario"])["personen"].sum().unstack()
    aanname = jaar.groupby("halfjaar")["herkomst"].first() == "aanname"
    delen = [f"{getal(per.loc[h, 'midden'])} in het {tekst.halfjaar(h, met_jaar=False)}" for h in per.index if not aanname[h]]
    onbekend = [f"het {tekst.halfjaar(h, met_jaar=False)}" for h in per.index if aanname[h]]
    if len(onbekend) == 2:
        onbekend = ["beide halfjaren"]
    zin = ("**Statushouders.** Het Rijk bepaalt per halfjaar hoeveel statushouders elke gemeente moet huisvesten "
           "(de taakstelling). ")
    herkomst = zwakste(jaar.loc[jaar["herkomst"] != "aanname", "herkomst"]) if delen else "aanname"
    if not onbekend:
        return zin + (f"Voor {tekst.veilig(selectie.analyse.regio.naam)} is dat in {p.peiljaar} samen "
                      f"**{getal(per['midden'].sum())} personen** ({TEKENS[herkomst]} {herkomst}): "
                      f"{tekst.opsomming(delen)}.")
    laag, hoog = per.loc[aanname[aanname].index, "laag"].sum(), per.loc[aanname[aanname].index, "hoog"].sum()
    bekend = f" Vastgesteld: {tekst.opsomming(delen)}." if delen else ""
    return zin + (f"Voor {tekst.opsomming(onbekend)} van {p.peiljaar} staat geen landelijk aantal in de gegevens; "
                  f"de analyse rekent daarvoor met **{getal(laag)} tot {getal(hoog)} personen** (een aanname).{bekend}")


def verhuringen_herkomst(selectie: Selectie) -> str:
    """Whether the lettings were counted by the corporations or estimated from the social stock, in plain words."""
    aanbod = selectie.analyse.aanbod
    werkelijk = aanbod["verhuringen_bron"] == "werkelijke verhuringen"
    if werkelijk.all():
        return "Het aantal vrijkomende woningen is geteld door de corporaties."
    if not werkelijk.any():
        return "Het aantal vrijkomende woningen is geschat uit de omvang van de sociale huurvoorraad."
    namen = selectie.analyse.regio.indeling().set_index("gemeentecode")["gemeentenaam"]
    geteld = tekst.opsomming([tekst.veilig(namen[c]) for c in aanbod.index[werkelijk]])
    return (f"Het aantal vrijkomende woningen is geteld voor {geteld} en voor de andere gemeenten geschat uit de "
            "omvang van de sociale huurvoorraad.")


def saldo(tekort: float) -> str:
    """A gap in words: '120 te weinig', '35 over'.

    >>> saldo(-35.0), saldo(121.0)
    ('35 over', '120 te weinig')
    """
    return f"{tekst.rond(-tekort)} over" if tekort < 0 else f"{tekst.rond(tekort)} te weinig"


def claim_midden(regio: pd.DataFrame) -> float:
    """The area's demand as a share of its lettings in the middle scenario; NaN without lettings."""
    verhuringen = regio.loc["midden", "verhuringen"]
    return regio.loc["midden", "vraag_aandachtsgroepen"] / verhuringen if verhuringen else float("nan")


def opening(selectie: Selectie, regio: pd.DataFrame, claim: float) -> str:
    """The opening paragraphs: the task, what it counts, the claim, the gap, older people, how sure (Markdown, B1)."""
    analyse, p = selectie.analyse, selectie.p
    vraag, tekort = regio["vraag_aandachtsgroepen"], regio["tekort"]
    verhuringen = regio.loc["midden", "verhuringen"]
    exact = publicatie.verhuringen_gepubliceerd(analyse.aanbod)
    gevoelig = analyse.gevoeligheid
    invoer = gevoelig[gevoelig["soort"] == "invoer"]
    grootste_onzekerheid = invoer["omschrijving"].iloc[0] if len(invoer) else None
    aandeel = p.aandeel_verhuringen_aandachtsgroepen
    gebied = tekst.veilig(analyse.regio.naam)
    regels = [
        f"**{gebied}** heeft in {p.peiljaar} naar schatting **{tekst.rond(vraag['laag'])} tot "
        f"{tekst.rond(vraag['hoog'])} woningen per jaar** nodig voor mensen uit de aandachtsgroepen; de "
        f"middenschatting is **{tekst.rond(vraag['midden'])}**. {dekking(selectie)}",
        statushouders(selectie),
    ]
    if claim == claim:
        verhouding = "groter dan" if claim > aandeel else "kleiner dan" if claim < aandeel else "gelijk aan"
        regels.append(
            f"Daarvoor is **{procent(claim)} nodig van de {tekst.rond(verhuringen, exact)} sociale huurwoningen** die "
            f"elk jaar vrijkomen (de claim). Afgesproken is dat {procent(aandeel)} naar aandachtsgroepen gaat. De vraag "
            f"is dus **{verhouding} de afspraak**. {verhuringen_herkomst(selectie)}")
    else:
        regels.append("Er zijn geen cijfers over vrijkomende sociale huurwoningen; daarom is niet te zeggen welk deel "
                      "van die woningen de aandachtsgroepen nodig hebben.")
    if tekort["midden"] >= 0:
        regels.append(
            f"Na het afgesproken deel van de vrijkomende woningen en de geplande nieuwe woningen komen er naar schatting "
            f"**{tekst.rond(tekort['midden'])} woningen per jaar te weinig** (tussen {tekst.rond(tekort['laag'])} en "
            f"{tekst.rond(tekort['hoog'])}). Omdat niet alle groepen zijn meegeteld, kan het echte tekort groter zijn.")
    else:
        regels.append(
            f"Na het afgesproken deel van de vrijkomende woningen en de geplande nieuwe woningen blijven er in de "
            f"middenschatting **{tekst.rond(-tekort['midden'])} woningen per jaar over**; laag en hoog geven "
            f"{saldo(tekort['laag'])} en {saldo(tekort['hoog'])}. Groepen zonder cijfers kunnen dat overschot kleiner "
            "maken.")
    regels.append(
        f"**Ouderen met een zorgvraag** hebben daarnaast naar schatting ongeveer "
        f"**{tekst.rond(regio.loc['midden', 'vraag_ouderen'])} woningen per jaar** nodig die gelijkvloers, geclusterd "
        "of met verpleegzorg zijn. Dat is geen gemeten vraag: het is het landelijke doel voor 2022-2030, verdeeld naar "
        "het aantal 75-plussers (zie Bevolking en vergrijzing).")
    zeker = ("**Hoe zeker zijn de cijfers?** Bij elk cijfer staat hoe het tot stand kwam: ●●● geteld, ●●○ geschat "
             "uit een gepubliceerd kengetal, ●○○ (mede) een aanname. De opgave als geheel berust "
             + {"register": "op getelde cijfers.", "schatting": "op schattingen.",
                "aanname": "mede op aannames."}[zwakste(selectie.vraag()["herkomst"])])
    if grootste_onzekerheid:
        zeker += (f" Het onzekerste cijfer is *{tekst.veilig(grootste_onzekerheid)}*; een lokaal cijfer "
                  "daarvoor maakt de uitkomst het meest betrouwbaar (zie Gevoeligheid).")
    regels.append(zeker)
    return "\n\n".join(regels)


def besluiten(selectie: Selectie, mixen: list[str], claim: float) -> str:
    """The decisions asked of the bestuur, as a numbered Markdown list in plain words."""
    p = selectie.p
    punten = [
        f"Kies hoe de opgave eerlijk over de gemeenten wordt verdeeld (fair share): "
        f"{tekst.opsomming([f'*{tekst.veilig(m)}*' for m in mixen])} (zie Verdeling).",
        f"Stel vast welk deel van de vrijkomende sociale huurwoningen naar aandachtsgroepen gaat: nu "
        f"{procent(p.aandeel_verhuringen_aandachtsgroepen)}" + (f"; voor de hele vraag is {procent(claim)} nodig."
                                                                  if claim == claim else "."),
        "Spreek per gemeente af hoe het tekort wordt opgevangen: met nieuwbouw, flexwonen of het ombouwen van "
        "bestaande gebouwen.",
    ]
    zonder = selectie.zonder_gegevens()
    if zonder:
        punten.append(f"Vraag gemeenten, corporaties en zorgpartijen om cijfers voor {tekst.opsomming(zonder)}.")
    return "\n".join(f"{i}. {punt}" for i, punt in enumerate(punten, 1))


def hoofdstuk(selectie: Selectie) -> Hoofdstuk:
    """The one-page summary: task per group, claim on lettings, current load against fair share, decisions asked."""
    analyse, p = selectie.analyse, selectie.p
    regio = analyse.regio_per_scenario()
    claim = claim_midden(regio)
    verdeling = selectie.verdeling()
    mixen = varianten(verdeling)
    onderdelen = Hoofdstuk([
        Tekst(opening(selectie, regio, claim)),
        Tabel(taak_per_groep(selectie),
              bijschrift=f"Woningen per jaar voor de aandachtsgroepen in {p.peiljaar} (laag – midden – hoog)",
              opmerking=f"{publicatie.OPMERKING_PATROON} '{ONBEKEND}' betekent: geen gegevens; de groep telt niet mee "
                        "in het totaal, niet als 0."),
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
        onderdelen.append(Tekst(
            f"Hoeveel woningen elke {selectie.eenheid} nu al aan aandachtsgroepen geeft, is nog niet bekend. Daarom "
            "staat hier geen vergelijking met de eerlijke verdeling (zie Verdeling en de aanwijzingen voor de analist "
            "in de Verantwoording)."))
    onderdelen.append(Tekst("**Gevraagde besluiten**\n\n" + besluiten(selectie, mixen, claim)))
    return onderdelen
