"""The VHP chapter 'Aandachtsgroepen en wonen met zorg' of one gemeente, as blocks, from the run's kerncijfers.

Every figure is a row of kerncijfers.csv of the same run, read by the same functions as the
factsheet (so the two never disagree); the planned new build and the realised housing come
from the analysis' own reading of the invoerformat. Legal facts come from the Wvrv facts file,
worded no more firmly than its confirmation allows.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from woonzorg_lib.algemeen.opmaak import getal, procent
from woonzorg_lib.analyse.betaalbaarheid import normen, toets
from woonzorg_lib.analyse.realisatie import monitor
from woonzorg_lib.analyse.resultaat import Analyse
from woonzorg_lib.data.invoer_vhp import SEGMENTEN
from woonzorg_lib.data.wvrv import BEVESTIGINGEN, Wvrv, lees_wvrv
from woonzorg_lib.model.doelgroepen import DOELGROEPEN
from woonzorg_lib.model.onthulling import KLEIN, ONBEKEND, VERBORGEN
from woonzorg_lib.model.urgentie import register
from woonzorg_lib.rapport import stijl
from woonzorg_lib.rapport.factsheet import (
    Bronnenlijst,
    aanbodcijfers,
    cijferrij,
    deelregio_van,
    getoond_getal,
    herkomstteken,
    opgavecijfers,
    verdelingcijfers,
)
from woonzorg_lib.rapport.factsheet import bestandsnaam as factsheetnaam
from woonzorg_lib.rapport.parameterzinnen import sleutelzin
from woonzorg_lib.rapport.tekst import halfjaar, opsomming
from woonzorg_lib.rapport.vhp.blokken import Alinea, Blok, Figuur, Hoofdstuk, Kop, Lijst, Tabel

TITEL = "Aandachtsgroepen en wonen met zorg"
NIET_INGEVULD = "niet ingevuld"


def bestandsnaam(gemeentecode: str, naam: str) -> str:
    """The file stem of the chapter: vhp-<code>-<naam>, as safe as a factsheet's name."""
    return "vhp-" + factsheetnaam(gemeentecode, naam).removeprefix("factsheet-").removesuffix(".html")


def _feit(wvrv: Wvrv, sleutel: str) -> str:
    return wvrv.feiten[sleutel].tekst


def _opgave_blokken(opgave: dict[str, Any], naam: str, p: Any, zonder: list[str]) -> list[Blok]:
    jaren = [str(j) for j in opgave["jaren"]]
    rijen = tuple((g["naam"], *g["jaren"], g["bereik"], g["herkomst"], g["bron"]) for g in opgave["groepen"])
    uit: list[Blok] = [
        Kop("De opgave per groep"),
        Alinea(f"Hoeveel woningen per jaar {naam} nodig heeft voor elke aandachtsgroep, van {p.peiljaar} tot en met "
               f"het doeljaar {p.doeljaar} (scenario {p.scenario}). De marge is die van {p.peiljaar}, van laag tot hoog. "
               "De stippen zeggen hoe zeker een cijfer is: ●●● uit een registratie, ●●○ een schatting, ●○○ een "
               "aanname. Een punt betekent: afgeschermd omdat het om kleine aantallen gaat."
               + (f" '{KLEIN}' betekent: meer dan 0 maar minder dan 2,5 woningen per jaar." if opgave["klein"] else "")),
        Tabel(f"Woningen per jaar voor aandachtsgroepen in {naam}", ("groep", *jaren, f"marge {p.peiljaar}",
                                                                       "zekerheid", "bron"),
              rijen, getallen=tuple(range(1, len(jaren) + 2)), totaal=(len(rijen) - 1,)),
    ]
    if zonder:
        uit.append(Alinea(f"Zonder cijfers, en dus niet in het totaal: {opsomming(zonder)}. Het totaal is daarom "
                          "een ondergrens.", nadruk=True))
    return uit


def _verdeling_blokken(verdeling: dict[str, Any], naam: str, analyse: Analyse, wvrv: Wvrv) -> list[Blok]:
    p = analyse.parameters
    rijen = tuple((v["naam"], v["waarde"], v["verschil"], v["herkomst"], v["bron"]) for v in verdeling["varianten"])
    eigen = verdeling["eigen"]
    uit: list[Blok] = [
        Kop(f"Het aandeel van {naam} in de regionale opgave"),
        Alinea(f"De gemeenten van {analyse.geheel.naam} delen de opgave voor aandachtsgroepen. Elke manier van "
               f"verdelen geeft {naam} een eigen deel. De verdelingen in deze analyse: {sleutelzin(p.verdeelsleutels)}. "
               + (f"De eigen vraag van {naam} is {eigen['waarde']} woningen per jaar." if eigen else "")),
        Tabel(f"Deel van {naam} in de regionale opgave, in woningen per jaar ({p.peiljaar})",
              ("verdeling", "deel van de gemeente", "verschil met eigen vraag", "zekerheid", "bron"), rijen,
              getallen=(1, 2)),
        Alinea(_feit(wvrv, "regionale_verdeling") + " " + _feit(wvrv, "termijn_vhp_provincie")),
    ]
    if verdeling["belasting"] is None:
        uit.append(Alinea("Hoeveel huishoudens uit aandachtsgroepen de gemeente nu al per jaar huisvest, is niet "
                          "ingevuld. Vul het in om het deel te vergelijken met wat de gemeente nu al doet."))
    else:
        uit.append(Alinea(f"Nu huisvest {naam} per jaar {verdeling['belasting']['waarde']} huishoudens uit "
                          "aandachtsgroepen."))
    return uit


def _aanbod_blokken(aanbod: dict[str, Any], naam: str, p: Any) -> list[Blok]:
    rijen = tuple((r["naam"], r["waarde"], r["herkomst"], r["bron"]) for r in aanbod["regels"])
    return [
        Kop("Beslag op de sociale huurwoningen die vrijkomen"),
        Alinea(f"Welk deel van de vrijkomende sociale huurwoningen in {naam} de aandachtsgroepen nodig hebben, "
               f"naast het deel dat in de regio is afgesproken ({procent(p.aandeel_verhuringen_aandachtsgroepen)})."),
        Tabel(f"Sociale verhuur en aandachtsgroepen in {naam} ({p.peiljaar})", ("", "aantal", "zekerheid", "bron"),
              rijen, getallen=(1,)),
        Alinea(aanbod["oordeel"], nadruk=True),
    ]


def _ouderen_blokken(kern: pd.DataFrame, code: str, naam: str, p: Any, bronnen: Bronnenlijst, wvrv: Wvrv) -> list[Blok]:
    rijen = []
    for indicator, label in (("vraag_ouderen", "Vraag: geschikte woningen voor ouderen per jaar"),
                             ("tekort_ouderen", "Tekort na het geplande aanbod voor ouderen")):
        deel = kern[(kern["gemeentecode"] == code) & (kern["indicator"] == indicator)].set_index(["scenario", "jaar"])
        if deel.empty:
            continue
        kop = deel.loc[(p.scenario, p.peiljaar)]
        rijen.append((label, *(getoond_getal(deel.loc[(p.scenario, j), "waarde"]) for j in range(p.peiljaar, p.doeljaar + 1)),
                      f"{getoond_getal(deel.loc[('laag', p.peiljaar), 'waarde'])} – {getoond_getal(deel.loc[('hoog', p.peiljaar), 'waarde'])}",
                      herkomstteken(kop["herkomst"]), bronnen.nummer(kop["bron"])))
    jaren = tuple(str(j) for j in range(p.peiljaar, p.doeljaar + 1))
    return [
        Kop("Wonen met zorg voor ouderen"),
        Alinea(f"Hoeveel nultredenwoningen, geclusterde woonvormen en verpleegzorgplaatsen {naam} per jaar nodig "
               "heeft. Er is geen landelijk kengetal per gemeente: de analyse rekent met de landelijke doelen naar het "
               "aandeel 75-plussers. " + _feit(wvrv, "ouderen_doel")),
        Tabel(f"Woningen voor ouderen in {naam}", ("", *jaren, f"marge {p.peiljaar}", "zekerheid", "bron"),
              tuple(rijen), getallen=tuple(range(1, len(jaren) + 2))),
    ]


def _grafiek(tabel: pd.DataFrame, naam: str) -> Figuur:
    fig, ax = stijl.figuur(3.2)
    x = np.arange(len(tabel))
    ax.bar(x - 0.2, tabel["taakstelling"], 0.4, label="taakstelling", **stijl.reeks(0))
    ax.bar(x + 0.2, tabel["gehuisvest"], 0.4, label="gehuisvest", **stijl.reeks(1))
    ax.set_xticks(x, [halfjaar(h).replace(" halfjaar ", "\nhalfjaar ") for h in tabel["halfjaar"]])
    ax.set_ylabel("personen")
    ax.set_title(f"Statushouders in {naam}: taakstelling en gehuisvest")
    stijl.as_getallen(ax, "y")
    ax.legend(frameon=False)
    alt = (f"Staafdiagram: taakstelling en gehuisveste statushouders in {naam} per halfjaar. "
           + "; ".join(f"{halfjaar(r.halfjaar)}: taakstelling {getal(r.taakstelling)}, gehuisvest {getal(r.gehuisvest)}"
                       for r in tabel.itertuples()) + ".")
    return Figuur(stijl.png(fig), alt, f"Taakstelling en realisatie in {naam}")


def _statushouders_blokken(analyse: Analyse, opgave: dict[str, Any], code: str, naam: str,
                           wvrv: Wvrv) -> tuple[list[Blok], float | None]:
    p = analyse.parameters
    uit: list[Blok] = [Kop("Statushouders: taakstelling en realisatie"), Alinea(_feit(wvrv, "taakstelling") + " "
                                                                                + _feit(wvrv, "taakstelling_landelijk"))]
    uit.append(Tabel(f"Taakstelling van {naam} in {p.peiljaar}", ("halfjaar", "personen", "zekerheid", "bron"),
                     tuple((halfjaar(t["halfjaar"]), t["personen"], t["herkomst"], t["bron"])
                           for t in opgave["taakstelling"]), getallen=(1,)))
    tabel = monitor(analyse.taakstelling, analyse.plannen, p.scenario)
    tabel = tabel[tabel["gemeentecode"] == code]
    if tabel.empty:
        uit.append(Alinea(f"Hoeveel statushouders {naam} per halfjaar heeft gehuisvest, is niet ingevuld. Vul het in "
                          "op het blad 'realisatie' van het invoerformat: dan toont dit hoofdstuk de achterstand.",
                          nadruk=True))
        return uit, None
    achterstand = float(tabel["achterstand"].iloc[-1])
    uit.append(Tabel(f"Taakstelling en gehuisveste statushouders in {naam}",
                     ("halfjaar", "taakstelling", "gehuisvest", "verschil", "achterstand opgeteld", "zekerheid"),
                     tuple((halfjaar(r.halfjaar), getal(r.taakstelling), getal(r.gehuisvest), getal(r.verschil),
                            getal(r.achterstand), herkomstteken(r.herkomst)) for r in tabel.itertuples()),
                     getallen=(1, 2, 3, 4)))
    uit.append(_grafiek(tabel, naam))
    if achterstand > 0:
        uit.append(Alinea(f"{naam} heeft een achterstand van {getal(achterstand)} personen. Die zit al in de vraag "
                          f"van {p.peiljaar} tot en met {p.doeljaar}: de vraag telt de volledige taakstelling van elk "
                          "halfjaar, ook van de halfjaren die voorbij zijn. Wie de woningen voor de komende jaren "
                          "plant, telt de achterstand op bij de taakstelling van die jaren.", nadruk=True))
    else:
        uit.append(Alinea(f"{naam} heeft {getal(-achterstand)} personen meer gehuisvest dan de taakstelling vroeg: "
                          "er is geen achterstand.", nadruk=True))
    return uit, achterstand


def _urgentie_blokken(kern: pd.DataFrame, code: str, naam: str, p: Any, wvrv: Wvrv) -> list[Blok]:
    vraag = kern[(kern["gemeentecode"] == code) & (kern["indicator"] == "vraag_woningen")
                 & (kern["scenario"] == p.scenario) & (kern["jaar"] == p.peiljaar)].set_index("doelgroep")
    rijen = []
    for categorie in register(wvrv):
        weet = []
        for groep in categorie.doelgroepen:
            if groep in vraag.index:
                rij = vraag.loc[groep]
                getoond = getoond_getal(rij["waarde"])
                getoond = "minder dan 2,5" if getoond == KLEIN else getoond  # in a sentence, in words
                weet.append(f"{DOELGROEPEN[groep].naam}: {getoond} woningen per jaar, "
                            f"{herkomstteken(rij['herkomst'])}")
            else:
                weet.append(f"{DOELGROEPEN[groep].naam}: geen cijfer")
        rijen.append((categorie.naam, "; ".join(weet) or "geen cijfer", categorie.toelichting,
                      BEVESTIGINGEN[categorie.bevestiging]))
    return [
        Kop("Urgente groepen in de huisvestingsverordening"),
        Alinea(_feit(wvrv, "termijn_verordening") + " " + _feit(wvrv, "niet_in_werking")),
        Alinea("Per groep van de wettelijke lijst: wat deze analyse over de vraag in "
               f"{naam} weet ({p.peiljaar}), en wat niet. De lijst zelf is nog niet definitief bevestigd; de laatste "
               "kolom zegt hoe zeker de formulering is."),
        Tabel(f"Wettelijke urgente groepen en de cijfers van deze analyse voor {naam}",
              ("urgente groep", "wat de analyse weet", "dekt de analyse de groep?", "zekerheid van de lijst"),
              tuple(rijen)),
        Alinea(_feit(wvrv, "statushouders_geen_urgentie") + " " + _feit(wvrv, "eigen_categorieen")),
    ]


def _betaalbaarheid_blokken(analyse: Analyse, code: str, naam: str, wvrv: Wvrv) -> tuple[list[Blok], bool]:
    norm = normen(wvrv)
    tabel = toets(analyse.plannen, analyse.regio)
    eigen, gebied = tabel[tabel["gemeentecode"] == code].iloc[0], tabel.iloc[-1]
    uit: list[Blok] = [
        Kop("Betaalbaarheid van de nieuwbouw"),
        Alinea(f"{_feit(wvrv, 'norm_betaalbaar')} {_feit(wvrv, 'norm_sociale_huur')} {_feit(wvrv, 'norm_gemeente')} "
               f"Hieronder het plan van {naam} en van de gemeenten van {analyse.regio.naam} samen, naast de regionale "
               f"norm van {procent(norm['betaalbaar'], 0)} betaalbaar en {procent(norm['sociale_huur'], 0)} sociale "
               "huur. Welke gemeenten samen een woningbouwregio vormen, bepaalt de provincie."),
    ]

    def rij(r: pd.Series, label: str) -> tuple[str, ...]:
        if not r["ingevuld"]:
            return (label, *([ONBEKEND] * (len(SEGMENTEN) + 3)), NIET_INGEVULD)  # n.b., never 0
        aandeel = [procent(r[k]) if pd.notna(r[k]) else ONBEKEND for k in ("aandeel_betaalbaar", "aandeel_sociale_huur")]
        return (label, *(getal(r[k]) for k in SEGMENTEN), getal(r["totaal"]), *aandeel, herkomstteken(r["herkomst"]))

    uit.append(Tabel(f"Geplande nieuwbouw {analyse.parameters.peiljaar} tot en met {analyse.parameters.doeljaar}",
                     ("", *SEGMENTEN.values(), "totaal", "aandeel betaalbaar", "aandeel sociale huur", "zekerheid"),
                     (rij(eigen, naam), rij(gebied, f"{analyse.regio.naam}, {gebied['bron'].removeprefix('som van de ')}")),
                     getallen=tuple(range(1, len(SEGMENTEN) + 4)), totaal=(1,)))
    if not eigen["ingevuld"]:
        uit.append(Alinea(f"De geplande nieuwbouw van {naam} is niet ingevuld. Vul per segment het aantal woningen in "
                          "op het blad 'nieuwbouw' van het invoerformat; dan toont dit hoofdstuk de vergelijking met "
                          "de norm.", nadruk=True))
    return uit, bool(eigen["ingevuld"])


def _beslissingen(naam: str, analyse: Analyse, verdeling: dict[str, Any], aanbod_claim: pd.Series | None,
                  zonder: list[str], achterstand: float | None, nieuwbouw: bool) -> list[Blok]:
    p = analyse.parameters
    punten = []
    delen = [v["waarde"] for v in verdeling["varianten"]]
    if len(delen) > 1:
        punten.append(f"Kies met de regio welke verdeling de afspraak wordt: het deel van {naam} loopt uiteen van "
                      f"{opsomming(delen)} woningen per jaar, afhankelijk van de verdeling.")
    if aanbod_claim is not None and str(aanbod_claim["waarde"]) not in (VERBORGEN, ONBEKEND):
        claim = float(aanbod_claim["waarde"])
        if claim > p.aandeel_verhuringen_aandachtsgroepen:
            punten.append(f"De aandachtsgroepen vragen {procent(claim)} van de vrijkomende sociale huurwoningen; "
                          f"afgesproken is {procent(p.aandeel_verhuringen_aandachtsgroepen)}. Kies: een hoger aandeel, "
                          "meer nieuw aanbod, of andere afspraken in de regio.")
    if zonder:
        punten.append(f"Leg vast hoe de gemeente de vraag van {opsomming(zonder)} gaat meten: die ontbreekt nu.")
    punten.append("Bepaal welke eigen urgente groepen de gemeente toevoegt aan de wettelijke lijst, en of "
                  "statushouders voorrang krijgen.")
    if achterstand is None:
        punten.append("Vul de gehuisveste statushouders per halfjaar in, zodat de achterstand zichtbaar wordt.")
    elif achterstand > 0:
        punten.append(f"Maak een plan om de achterstand van {getal(achterstand)} statushouders in te lopen.")
    punten.append("Leg vast hoeveel woningen voor ouderen met een zorgvraag de gemeente plant, per woonvorm."
                  if nieuwbouw else "Vul de geplande nieuwbouw per segment in en vergelijk die met de regionale norm.")
    return [Kop("Open beslissingen voor de gemeente"), Lijst(tuple(punten))]


def _bronnen_blokken(bronnen: Bronnenlijst, wvrv: Wvrv) -> list[Blok]:
    feiten = tuple((f.tekst, f.artikel or "geen artikel", f.bron, BEVESTIGINGEN[f.bevestiging])
                   for f in wvrv.feiten.values())
    return [
        Kop("Bronnen"),
        Lijst(tuple(f"{i}. {b}" for i, b in enumerate(bronnen.lijst, start=1))),
        Alinea("De wettelijke feiten in dit hoofdstuk, met het artikel, de bron en hoe zeker ze zijn. De definitieve "
               "wettekst kon niet overal worden gecontroleerd; pas een feit aan zodra de officiële tekst iets anders zegt."),
        Tabel("Wettelijke feiten en hun zekerheid", ("feit", "artikel", "bron", "zekerheid"), feiten),
    ]


def hoofdstuk(analyse: Analyse, kern: pd.DataFrame, gemeentecode: str, wvrv: Wvrv | None = None) -> Hoofdstuk:
    """The VHP chapter of one gemeente of the analysed area, from ``kern`` (kerncijfers of the same run)."""
    wvrv = wvrv or lees_wvrv()
    p = analyse.parameters
    kern = kern[kern["gemeentecode"] == gemeentecode]
    indeling = analyse.regio.indeling().set_index("gemeentecode")
    naam, deelregio = str(indeling.loc[gemeentecode, "gemeentenaam"]), str(indeling.loc[gemeentecode, "deelregio"])
    bronnen = Bronnenlijst()
    opgave = opgavecijfers(kern, gemeentecode, p, bronnen)
    verdeling = verdelingcijfers(kern, gemeentecode, p, bronnen)
    aanbod = aanbodcijfers(kern, gemeentecode, p, bronnen)
    zonder = analyse.aandachtsgroepen_gedekt()["geen"]
    eigen_deelregio = deelregio_van(analyse, gemeentecode)  # None in a region without deelregio's
    blokken: list[Blok] = [
        Kop(f"{TITEL} — {naam}", 1),
        Alinea(f"Dit hoofdstuk is een bouwsteen voor het volkshuisvestingsprogramma van {naam}. De cijfers komen uit "
               + (f"de woonzorganalyse van {eigen_deelregio}, in {analyse.geheel.naam}, dezelfde als in de factsheet "
                  "en het rapport van die deelregio." if eigen_deelregio else
                  f"de woonzorganalyse van {analyse.geheel.naam}, dezelfde als in de factsheet en het rapport van die "
                  "regio.")
               + " Pas de tekst aan uw eigen programma aan; de cijfers staan met hun bron."),
        Kop("Wat de wet vraagt"),
        Alinea(_feit(wvrv, "wet")),
        Alinea(_feit(wvrv, "vhp_inhoud") + " " + _feit(wvrv, "termijn_vhp_gemeente")),
        *_opgave_blokken(opgave, naam, p, zonder),
        *_verdeling_blokken(verdeling, naam, analyse, wvrv),
        *_aanbod_blokken(aanbod, naam, p),
        *_ouderen_blokken(kern, gemeentecode, naam, p, bronnen, wvrv),
    ]
    status, achterstand = _statushouders_blokken(analyse, opgave, gemeentecode, naam, wvrv)
    betaalbaar, nieuwbouw = _betaalbaarheid_blokken(analyse, gemeentecode, naam, wvrv)
    blokken += [*status, *_urgentie_blokken(kern, gemeentecode, naam, p, wvrv), *betaalbaar,
                *_beslissingen(naam, analyse, verdeling, cijferrij(kern, gemeentecode, "claim", p), zonder,
                               achterstand, nieuwbouw),
                *_bronnen_blokken(bronnen, wvrv)]
    totaal = opgave["groepen"][-1]
    cijfers = {"vraag_totaal_peiljaar": totaal["jaren"][0], "claim": next(
        (r["waarde"] for r in aanbod["regels"] if r["naam"].startswith("Claim")), ""),
        **{f"fair_share: {v['naam']}": v["waarde"] for v in verdeling["varianten"]}}
    return Hoofdstuk(gemeentecode, naam, deelregio, f"{TITEL} — {naam}", tuple(blokken),
                     bestandsnaam(gemeentecode, naam), cijfers)
