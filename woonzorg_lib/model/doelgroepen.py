"""The doelgroepen register: who needs a home, how demand is computed, from which kengetallen.

Three small registries:

- ``DOELGROEPEN``: the 12 groups, with definition, source, unit and method;
- ``ONDERWERPEN``: the figures an analyst enters per gemeente in the invoerformat;
- ``VRAAGPOSTEN``: how each group's yearly demand follows from an onderwerp and kengetallen.

Every default kengetal carries its source and year, or is marked ``aanname`` with the
reason. Where no published ratio exists (older people per 1,000 75+), the national 2030
targets scaled by the share of 75+ are the labelled reference scenario.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported where a table is made: the parameter contract reads this register light
    import pandas as pd

SCENARIOS: tuple[str, ...] = ("laag", "midden", "hoog")


@dataclass(frozen=True)
class Doelgroep:
    """One of the groups of the woonzorganalyse."""

    sleutel: str
    naam: str
    definitie: str
    bron: str
    eenheid: str
    methode: str
    aandachtsgroep: bool = True  # False for older people: their task is met by new build, not by lettings


@dataclass(frozen=True)
class Onderwerp:
    """A figure per gemeente in the invoerformat."""

    sleutel: str
    omschrijving: str
    eenheid: str
    soort: str  # "vraag", "aanbod" or "sleutel" (a fair-share key)


@dataclass(frozen=True)
class Kengetal:
    """A ratio with the value used in each scenario and where it comes from."""

    sleutel: str
    omschrijving: str
    eenheid: str
    laag: float
    midden: float
    hoog: float
    herkomst: str
    bron: str


@dataclass(frozen=True)
class Vraagpost:
    """Yearly demand of a group from one onderwerp: personen = basis × factors, woningen = personen × factors.

    ``personen`` and ``woningen`` list (kengetal, "maal" | "gedeeld"); ``vast`` is a fixed
    multiplier (2 half-years per year); ``spreiden`` divides a stock over the years of the
    analysis; ``met_personen`` is False where only homes are meaningful.
    """

    sleutel: str
    doelgroep: str
    onderwerp: str
    personen: tuple[tuple[str, str], ...] = ()
    woningen: tuple[tuple[str, str], ...] = ()
    vast: float = 1.0
    spreiden: bool = False
    met_personen: bool = True


_LANDELIJKE_DOELEN = "https://nieuws.nl/algemeen/20221123/een-op-drie-nieuwe-woningen-moet-voor-ouderen-worden-gebouwd/"

DOELGROEPEN: dict[str, Doelgroep] = {
    d.sleutel: d
    for d in (
        Doelgroep(
            "statushouders", "Statushouders (vergunninghouders)",
            "Houders van een verblijfsvergunning asiel die de gemeente moet huisvesten (Huisvestingswet 2014, art. 28).",
            "Tweede Kamer, Kamerbrief 2023D04025; Huisvestingswet 2014 art. 28-29", "personen",
            "De wettelijke taakstelling van beide halfjaren (art. 29: landelijk aantal × inwoners op 1 januari van "
            "het jaar ervoor ÷ inwoners van Nederland, naar boven afgerond), plus de achterstand gespreid tot het "
            "doeljaar; woningen = personen ÷ huishoudgrootte.",
        ),
        Doelgroep(
            "uitstroom_bw", "Uitstroom beschermd wonen",
            "Volwassenen met psychische problematiek die (nog) niet zelfstandig kunnen wonen maar niet in een "
            "GGZ-kliniek horen; 44 centrumgemeenten zijn verantwoordelijk.",
            "Binnenlands Bestuur, 'Meer dan 40 centrumgemeenten hebben wachtlijsten beschermd wonen' (2024)", "personen",
            "Cliënten × aandeel uitstroomklaar ÷ gemiddelde verblijfsduur in jaren; één woning per persoon. Zonder "
            "eigen cliëntenaantal: de landelijke ongeveer 23.000 bewoners naar rato van de inwoners (schatting).",
        ),
        Doelgroep(
            "uitstroom_mo", "Uitstroom maatschappelijke opvang",
            "Personen die de maatschappelijke opvang verlaten en een eigen woonplek nodig hebben.",
            "Platform31/HHM, 'Zicht op uitstroom' (2017)", "personen",
            "Uitstroom per jaar × aandeel dat een zelfstandige woning nodig heeft.",
        ),
        Doelgroep(
            "dak_thuislozen", "Dak- en thuislozen",
            "ETHOS-definitie zoals CBS die volgt: op straat, in nachtopvang, tijdelijk bij familie of vrienden, of "
            "op een niet-conventionele plek; 18-65 jaar.",
            "CBS, '26,6 duizend dakloze mensen begin 2022' (2023)", "personen",
            "Regionale telling (CBS Monitor Dakloosheid of ETHOS-telling) gespreid tot het doeljaar. Zonder "
            "telling: landelijke CBS-schatting naar rato inwoners, een noodoplossing die het CBS afraadt.",
        ),
        Doelgroep(
            "uitstroom_jeugdzorg", "Uitstroom jeugdzorg (18+)",
            "Jongeren die op hun 18e uit de jeugdzorg (met verblijf) gaan.",
            "Zembla/BNNVARA, 'Roep om leeftijdsgrens van 18 jaar bij jeugdzorg los te laten' (landelijk), verdeeld "
            "naar de trajecten jeugdhulp met verblijf per gemeente (CBS 85094NED)", "personen",
            "Uitstroom per jaar × aandeel met woningbehoefte.",
        ),
        Doelgroep(
            "ex_gedetineerden", "Ex-gedetineerden",
            "Uitstromers uit detentie (nazorgkandidaten) die naar de gemeente terugkeren.",
            "Monitor huisvesting aandachtsgroepen / WODC Monitor nazorg ex-gedetineerden", "personen",
            "Uitstroom per jaar × aandeel zonder woning.",
        ),
        Doelgroep(
            "uitstroom_ggz", "Uitstroom GGZ",
            "Personen die een klinische GGZ-opname verlaten zonder eigen woonplek.",
            "Wet versterking regie volkshuisvesting: urgentiecategorieën (nul20.nl)", "personen",
            "Lokale telling van de uitstroom per jaar; één woning per persoon.",
        ),
        Doelgroep(
            "uitstroom_vrouwenopvang", "Uitstroom vrouwenopvang / huiselijk geweld",
            "Slachtoffers van huiselijk geweld die de vrouwenopvang verlaten.",
            "Wet versterking regie volkshuisvesting: urgentiecategorieën (nul20.nl)", "huishoudens",
            "Lokale telling van de uitstromende huishoudens per jaar; één woning per huishouden.",
        ),
        Doelgroep(
            "urgenten", "Medische en sociale urgenten",
            "Huishoudens met een urgentieverklaring op medische of sociale grond.",
            "Programma Een thuis voor iedereen, veelgestelde vragen (volkshuisvestingnederland.nl)", "huishoudens",
            "Toegekende urgentieverklaringen per jaar; één woning per huishouden.",
        ),
        Doelgroep(
            "woonwagenbewoners", "Woonwagenbewoners (standplaatsen)",
            "Sinti, Roma en reizigers die in een woonwagen op een standplaats (willen) wonen.",
            "Officiële bekendmakingen gmb-2023-564038; Platform31 woonwagenbeleid", "standplaatsen",
            "Wachtlijst of behoeftepeiling (Beleidskader 2018) gespreid tot het doeljaar.",
        ),
        Doelgroep(
            "arbeidsmigranten", "Arbeidsmigranten",
            "Arbeidsmigranten uit Midden-, Oost- en Zuid-Europa die in de regio werken en wonen.",
            "flexwonen.nl, 'Nieuwe CBS-cijfers over EU-arbeidsmigranten beschikbaar'", "woonplekken",
            "Lokale opgave in woonplekken per jaar (kort, middellang en lang verblijf).",
        ),
        Doelgroep(
            "ouderen", "Ouderen met een zorgvraag",
            "Nultredenwoningen, geclusterde woonvormen (CBS-definitie 2025) en verpleegzorgplaatsen.",
            "Programma Wonen en zorg voor ouderen; CBS 'Monitoring woningtypes ouderenhuisvesting' (2025)", "woningen",
            "Referentiescenario: de landelijke doelen 2022-2030 (170.000 nultreden, 80.000 geclusterd, 40.000 "
            "verpleegzorg) naar rato van het aandeel 75-plussers, gelijk verdeeld over 9 jaar.",
            aandachtsgroep=False,
        ),
    )
}
# The aandachtsgroepen: every group but the older people (whose homes are modelled from national targets).
AANDACHTSGROEPEN: tuple[str, ...] = tuple(k for k, d in DOELGROEPEN.items() if d.aandachtsgroep)

ONDERWERPEN: dict[str, Onderwerp] = {
    o.sleutel: o
    for o in (
        Onderwerp("statushouders_taakstelling", "Taakstelling vergunninghouders per halfjaar", "personen", "vraag"),
        Onderwerp("statushouders_achterstand", "Achterstand taakstelling (nog te huisvesten)", "personen", "vraag"),
        Onderwerp("bw_clienten", "Cliënten beschermd wonen", "personen", "vraag"),
        Onderwerp("mo_uitstroom", "Uitstroom maatschappelijke opvang per jaar", "personen", "vraag"),
        Onderwerp("dakloze_personen", "Dak- en thuisloze personen (telling)", "personen", "vraag"),
        Onderwerp("jeugdzorg_uitstroom", "Uitstroom jeugdzorg op 18 jaar per jaar", "personen", "vraag"),
        Onderwerp("detentie_uitstroom", "Uitstromers uit detentie per jaar", "personen", "vraag"),
        Onderwerp("ggz_uitstroom", "Uitstroom klinische GGZ zonder woning per jaar", "personen", "vraag"),
        Onderwerp("vrouwenopvang_uitstroom", "Uitstroom vrouwenopvang per jaar", "huishoudens", "vraag"),
        Onderwerp("urgenten", "Urgentieverklaringen per jaar", "huishoudens", "vraag"),
        Onderwerp("woonwagen_wachtlijst", "Wachtlijst standplaatsen", "huishoudens", "vraag"),
        Onderwerp("arbeidsmigranten_woonplekken", "Benodigde woonplekken arbeidsmigranten per jaar", "woonplekken", "vraag"),
        Onderwerp("inwoners_75plus", "Inwoners van 75 jaar en ouder", "personen", "vraag"),
        Onderwerp("corporatiewoningen", "Sociale huurwoningen (corporatiebezit)", "woningen", "aanbod"),
        Onderwerp("verhuringen", "Werkelijke verhuringen sociale huur per jaar (leeg = voorraad × mutatiegraad)",
                  "woningen", "aanbod"),
        Onderwerp("nieuw_aanbod", "Nieuwbouw, flexwonen en transformatie voor aandachtsgroepen per jaar", "woningen",
                  "aanbod"),
        Onderwerp("ouderen_aanbod", "Geplande nultreden-, geclusterde en verpleegzorgwoningen per jaar", "woningen",
                  "aanbod"),
        Onderwerp("huidige_belasting", "Aandachtsgroepen die de gemeente nu per jaar huisvest", "huishoudens",
                  "sleutel"),
        Onderwerp("huishoudens", "Particuliere huishoudens", "huishoudens", "sleutel"),
        Onderwerp("draagkracht", "Draagkrachtindex (hoger = kan meer dragen)", "index", "sleutel"),
    )
}

VRAAGPOSTEN: dict[str, Vraagpost] = {
    v.sleutel: v
    for v in (
        Vraagpost("statushouders_taakstelling", "statushouders", "statushouders_taakstelling",
                  woningen=(("huishoudgrootte_statushouders", "gedeeld"),), vast=2.0),
        Vraagpost("statushouders_achterstand", "statushouders", "statushouders_achterstand",
                  woningen=(("huishoudgrootte_statushouders", "gedeeld"),), spreiden=True),
        Vraagpost("uitstroom_bw", "uitstroom_bw", "bw_clienten",
                  personen=(("aandeel_uitstroomklaar_bw", "maal"), ("verblijfsduur_bw", "gedeeld"))),
        Vraagpost("uitstroom_mo", "uitstroom_mo", "mo_uitstroom", woningen=(("aandeel_zelfstandig_mo", "maal"),)),
        Vraagpost("dak_thuislozen", "dak_thuislozen", "dakloze_personen",
                  personen=(("aandeel_te_huisvesten_dakloos", "maal"),), spreiden=True),
        Vraagpost("uitstroom_jeugdzorg", "uitstroom_jeugdzorg", "jeugdzorg_uitstroom",
                  woningen=(("aandeel_woningbehoefte_jeugd", "maal"),)),
        Vraagpost("ex_gedetineerden", "ex_gedetineerden", "detentie_uitstroom",
                  woningen=(("aandeel_zonder_woning_detentie", "maal"),)),
        Vraagpost("uitstroom_ggz", "uitstroom_ggz", "ggz_uitstroom"),
        Vraagpost("uitstroom_vrouwenopvang", "uitstroom_vrouwenopvang", "vrouwenopvang_uitstroom"),
        Vraagpost("urgenten", "urgenten", "urgenten"),
        Vraagpost("woonwagenbewoners", "woonwagenbewoners", "woonwagen_wachtlijst", spreiden=True),
        Vraagpost("arbeidsmigranten", "arbeidsmigranten", "arbeidsmigranten_woonplekken"),
        *(
            Vraagpost(f"ouderen_{vorm}", "ouderen", "inwoners_75plus", met_personen=False,
                      woningen=((f"doel_2030_{vorm}", "maal"), ("jaren_programma_ouderen", "gedeeld"),
                                ("landelijk_75plus", "gedeeld")))
            for vorm in ("nultreden", "geclusterd", "verpleegzorg")
        ),
    )
}

_DANNENBERG = "Commissie Dannenberg (2015), via DSP-groep 'Uitstroom uit beschermd wonen en maatschappelijke opvang'"


def _vast(sleutel: str, omschrijving: str, eenheid: str, waarde: float, herkomst: str, bron: str) -> Kengetal:
    return Kengetal(sleutel, omschrijving, eenheid, waarde, waarde, waarde, herkomst, bron)


def standaard_kengetallen(landelijk_75plus: float) -> pd.DataFrame:
    """The default kengetallen, one row each: the value per scenario, herkomst and bron.

    ``landelijk_75plus`` is the number of people of 75+ in the Netherlands on the same
    basis as the gemeente figures, so that the gemeenten of the whole country add up
    exactly to the national targets.
    """
    kengetallen = [
        Kengetal(
            "huishoudgrootte_statushouders", "Personen per huishouden (statushouders)", "personen", 2.17, 1.83, 1.5,
            "aanname",
            "Geen gepubliceerd kengetal. Afgeleid: 2/3 van de statushouderhuishoudens die een corporatiewoning "
            "betrekken is eenpersoons (CBS 2023, via gemeente.nu); voor de overige huishoudens aangenomen 4,5 / 3,5 "
            "/ 2,5 personen (laag / midden / hoog). Vervang door CBS 85980NED voor de eigen regio.",
        ),
        _vast("aandeel_uitstroomklaar_bw", "Aandeel cliënten beschermd wonen dat kan uitstromen", "aandeel",
              1 / 3, "schatting", _DANNENBERG),
        Kengetal(
            "verblijfsduur_bw", "Gemiddelde verblijfsduur beschermd wonen", "jaren", 3.0, 2.0, 1.5, "aanname",
            "Geen landelijk kengetal gevonden; vervang door de gemiddelde verblijfsduur uit de eigen "
            "cliëntregistratie.",
        ),
        _vast("aandeel_zelfstandig_mo", "Aandeel uitstroom MO dat een zelfstandige woning nodig heeft", "aandeel",
              1.0, "aanname", "Geen kengetal gevonden: iedereen die uitstroomt telt mee; verlaag met lokale gegevens."),
        Kengetal(
            "aandeel_te_huisvesten_dakloos", "Aandeel dakloze personen dat een woning nodig heeft", "aandeel",
            round(9_600 / 33_000, 4), 1.0, 1.0, "schatting",
            "Laag: alleen dakloze personen in registraties (9.600 van 33.000, CBS 1-1-2024); midden en hoog: alle "
            "dakloze personen volgens de CBS-schatting. ETHOS-tellingen komen hoger uit.",
        ),
        Kengetal(
            "aandeel_woningbehoefte_jeugd", "Aandeel uitstroom jeugdzorg met woningbehoefte", "aandeel",
            0.2, 0.2, 1.0, "schatting",
            "Ongeveer een vijfde van de jongeren die op 18 jaar de intensieve jeugdzorg verlaten raakt dak- of "
            "thuisloos (2023, via Tubantia); hoog: iedereen (aanname).",
        ),
        _vast("aandeel_zonder_woning_detentie", "Aandeel ex-gedetineerden zonder woning", "aandeel", 1 / 3,
              "schatting", "Een op de drie ex-gedetineerden krijgt te maken met dakloosheid (Prison Project, "
              "Universiteit Leiden, 2020)."),
        _vast("doel_2030_nultreden", "Landelijk doel nultredenwoningen 2022-2030", "woningen", 170_000, "aanname",
              f"beleidsdoel, geen gemeten vraag: Programma Wonen en zorg voor ouderen (2022), {_LANDELIJKE_DOELEN}"),
        _vast("doel_2030_geclusterd", "Landelijk doel geclusterde woonvormen 2022-2030", "woningen", 80_000,
              "aanname", f"beleidsdoel, geen gemeten vraag: Programma Wonen en zorg voor ouderen (2022), {_LANDELIJKE_DOELEN}"),
        _vast("doel_2030_verpleegzorg", "Landelijk doel geclusterde verpleegzorgplaatsen 2022-2030", "plaatsen",
              40_000, "aanname", f"beleidsdoel, geen gemeten vraag: Programma Wonen en zorg voor ouderen (2022), {_LANDELIJKE_DOELEN}"),
        _vast("jaren_programma_ouderen", "Looptijd van de landelijke doelen ouderenhuisvesting", "jaren", 9,
              "aanname", "2022 tot en met 2030, gelijk verdeeld over de jaren."),
        _vast("landelijk_75plus", "Inwoners van 75 jaar en ouder in Nederland", "personen", float(landelijk_75plus),
              "schatting", "Som van de gemeentelijke cijfers 75+ in de gebruikte gegevens, zodat alle gemeenten "
              "samen precies het landelijke doel krijgen."),
        Kengetal(
            "mutatiegraad", "Verhuringen als aandeel van de sociale voorraad", "aandeel", 0.046, 0.0696, 0.0696,
            "schatting",
            "Midden: 161.000 vrijgekomen en opnieuw verhuurde corporatiewoningen in 2023 (CBS, via blikopnieuws.nl) "
            "÷ 2.312.981 corporatiewoningen op 1-1-2023 (CBS 82900NED) = 6,96%; laag: Amsterdam 4,6% (AFWC: 7.615 "
            "verhuringen in 2020 ÷ 165.676 zelfstandige sociale huurwoningen, via Nul20). Het aanbod gebruikt in alle "
            "scenario's de middenwaarde; de gevoeligheidsanalyse het bereik.",
        ),
    ]
    import pandas as pd

    return pd.DataFrame([k.__dict__ for k in kengetallen]).set_index("sleutel")


__all__ = [
    "AANDACHTSGROEPEN", "DOELGROEPEN", "ONDERWERPEN", "SCENARIOS", "VRAAGPOSTEN", "Doelgroep", "Kengetal", "Onderwerp",
    "Vraagpost", "standaard_kengetallen",
]
