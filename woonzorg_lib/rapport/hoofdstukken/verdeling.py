"""7. Verdeling: this area's part of the one regional distribution, against the current load where it was entered."""

from __future__ import annotations

import pandas as pd

from woonzorg_lib.algemeen.opmaak import aantal_gemeenten, getal, kengetal, procent
from woonzorg_lib.rapport import grafieken, kaartcijfers, publicatie, tekst
from woonzorg_lib.rapport.hoofdstukken.onderdelen import Figuur, Hoofdstuk, Onderdeel, Tabel, Tekst
from woonzorg_lib.rapport.hoofdstukken.selectie import Selectie, met_herkomst, naam, varianten


def opmerking(selectie: Selectie) -> str:
    """The note under a fair-share table: whole homes that add up to the regional task."""
    analyse = selectie.analyse
    totaal = ("Totaal is het deel van dit gebied" if len(analyse.regio.gemeentecodes) <
              len(analyse.geheel.gemeentecodes) else "Totaal is de regionale opgave")
    return (f"Fair-share doelen zijn hele woningen die over de hele regio precies optellen tot de regionale "
            f"opgave van {getal(analyse.taak())} woningen; {totaal}.")


def inleiding(selectie: Selectie, mixen: list[str], tabel: pd.DataFrame) -> str:
    """How the regional task was distributed: the key mixes, the cap, this area's part, the correction."""
    analyse, p = selectie.analyse, selectie.p
    geheel = analyse.geheel
    taak = analyse.taak()
    sleutels = "; ".join(
        f"*{tekst.veilig(mix)}*: " + ", ".join(f"{k.replace('_', ' ')} {kengetal(w)}" for k, w in gewichten.items())
        for mix, gewichten in p.verdeelsleutels.items()
    )
    plafond = ""
    if p.plafond_aandeel_verhuringen:
        groepen = (tekst.opsomming([naam(d) for d in p.plafond_doelgroepen]) if p.plafond_doelgroepen
                   else "de hele opgave")
        plafond = (f" Plafond: voor {groepen} hoogstens {procent(p.plafond_aandeel_verhuringen)} van de eigen "
                   "verhuringen van elke gemeente; wat erboven valt, gaat naar de gemeenten onder hun plafond.")
        over = {v: n for v, n in analyse.niet_geplaatst.items() if n > 0}
        if over:
            plafond += (" **Onder het plafond passen niet alle woningen**: " + "; ".join(
                f"*{tekst.veilig(v)}*: {getal(n)} woningen per jaar" for v, n in over.items())
                + ", omdat elke gemeente dan aan haar plafond zit. Die woningen zijn niet verdeeld.")
    deel = ""
    if selectie.eenheid == "gemeente" and len(analyse.regio.gemeentecodes) < len(geheel.gemeentecodes):
        som = tabel[mixen[0]].sum()
        deel = (f" Dit rapport toont het deel van {tekst.veilig(analyse.regio.naam)}: samen {getal(som)} "
                f"woningen per jaar volgens *{tekst.veilig(mixen[0])}*, {procent(som / taak)} van de regionale "
                "opgave. Het regio-overzicht en de rapporten van de andere deelregio's lezen hun deel uit dezelfde "
                "verdeling.")
    return (
        f"De jaarlijkse opgave voor aandachtsgroepen van **{tekst.veilig(geheel.naam)}** ({getal(taak)} woningen, "
        f"scenario {p.scenario}, {p.peiljaar}) is één keer verdeeld over "
        f"{'de' if len(geheel.gemeentecodes) == 1 else 'alle'} {aantal_gemeenten(len(geheel.gemeentecodes))} van de "
        f"regio, volgens de varianten — {sleutels}.{plafond} Fair-share doelen zijn hele woningen "
        f"en tellen precies op tot de regionale opgave.{deel}"
        + (" " + tekst.dekking_kort(analyse.aandachtsgroepen_gedekt()).replace("Dit totaal", "Deze opgave", 1)
           .replace("dus het totaal", "dus de opgave", 1)
           if len(analyse.regio.gemeentecodes) == len(geheel.gemeentecodes) else "")
        + (f" De doelen corrigeren de huidige belasting over {p.correctie_jaren} jaar." if p.correctie_jaren else "")
        + (" Kolommen '(binnen deelregio)' verdelen alleen de eigen opgave van de deelregio over haar gemeenten."
           if any("(binnen deelregio)" in v for v in mixen) else "")
    )


def met_belasting(selectie: Selectie, verdeling: pd.DataFrame, mixen: list[str], tabel: pd.DataFrame) -> list[Onderdeel]:
    """The current load (protected) beside the fair share, and each unit's share of both."""
    belasting = publicatie.personen(verdeling[["huidige_belasting"]], selectie.drempel, rijtotaal=False)
    getoond = pd.concat([belasting.rename(columns={"huidige_belasting": "huidige belasting (invoer)"}),
                         tabel.reindex(belasting.index)], axis=1)
    getoond.loc["Totaal", mixen] = tabel.sum()
    gepubliceerd = publicatie.cijfers(belasting)["huidige_belasting"]
    cijfers = gepubliceerd.drop(index="Totaal")
    aandelen = pd.DataFrame({  # from the published (rounded) figures: a share reveals nothing more
        "aandeel huidige belasting": cijfers / gepubliceerd["Totaal"],
        f"aandeel fair share ({mixen[0]})": tabel[mixen[0]] / tabel[mixen[0]].sum(),
    })
    invoer = selectie.analyse.invoer
    herkomst = invoer[invoer["onderwerp"] == "huidige_belasting"]
    return [
        Tekst(
            "De huidige belasting is wat elke " + selectie.eenheid + " volgens het invoerformat nu per jaar "
            "huisvest; daarnaast staat haar fair share. Het aandeel in de huidige belasting tegen het aandeel "
            "in de fair share laat zien wie nu meer en wie minder draagt dan de gekozen sleutel vraagt."
        ),
        Figuur.van(grafieken.groepen(pd.concat([cijfers.rename("huidige belasting"), tabel], axis=1),
                                     f"Huidige belasting en fair share per {selectie.eenheid}", "woningen per jaar")),
        Tabel(met_herkomst(getoond, selectie.herkomst_per_eenheid(pd.concat([herkomst, selectie.taak_herkomst()]))),
              bijschrift="Huidige belasting en fair share per jaar (uit de verdeling over de hele regio)",
              opmerking="Huidige belasting afgerond op vijftallen ('.' = afgeschermd). " + opmerking(selectie)),
        Tabel(aandelen, procenten=list(aandelen.columns), bijschrift="Aandeel in de huidige belasting en in de fair share"),
    ]


def zonder_belasting(selectie: Selectie, tabel: pd.DataFrame) -> list[Onderdeel]:
    """The fair share of every key mix side by side, with a note on what the current load would add."""
    getoond = tabel.copy()
    getoond.loc["Totaal"] = tabel.sum()
    return [
        Tekst(tekst.belasting_onbekend(selectie.eenheid)),
        Figuur.van(grafieken.groepen(tabel, f"Fair share per {selectie.eenheid}: varianten naast elkaar",
                                     "woningen per jaar")),
        Tabel(met_herkomst(getoond, selectie.herkomst_per_eenheid(selectie.taak_herkomst())),
              bijschrift="Fair share per jaar (uit de verdeling over de hele regio)", opmerking=opmerking(selectie)),
    ]


def hoofdstuk(selectie: Selectie) -> Hoofdstuk:
    """The key mixes side by side (and the current load, if entered), and a map of fair share minus own demand."""
    p = selectie.p
    verdeling = selectie.verdeling()
    mixen = varianten(verdeling)
    tabel = verdeling[mixen].copy()
    onderdelen = Hoofdstuk([Tekst(inleiding(selectie, mixen, tabel))])
    if "huidige_belasting" in verdeling:
        onderdelen += met_belasting(selectie, verdeling, mixen, tabel)
    else:
        onderdelen += zonder_belasting(selectie, tabel)
    mix = next(iter(p.verdeelsleutels))
    verschil = kaartcijfers.fair_share_min_vraag(selectie.kern, mix, p.scenario, p.peiljaar)
    onderdelen += [
        Tekst(f"**{'Op de kaart' if selectie.met_kaart else 'In de tabel'}.** Fair share volgens *{tekst.veilig(mix)}* min de eigen vraag van elke "
              "gemeente: positief betekent dat de gemeente meer woningen voor aandachtsgroepen levert dan haar "
              "eigen inwoners vragen, negatief minder. Waar de eigen vraag is afgeschermd, is het verschil dat ook."),
        selectie.kaart(verschil.reindex(selectie.codes), "verschil", f"Fair share ({mix}) min eigen vraag per gemeente",
                       "woningen per jaar", tweezijdig=True, variant=mix),
    ]
    return onderdelen
