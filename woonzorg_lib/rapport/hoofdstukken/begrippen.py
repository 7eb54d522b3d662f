"""Begrippen: the words of the report explained for a reader who is no analyst (B1), in alphabetical order."""

from __future__ import annotations

import pandas as pd

from woonzorg_lib.rapport.hoofdstukken.onderdelen import Hoofdstuk, Tabel, Tekst
from woonzorg_lib.rapport.hoofdstukken.selectie import Selectie

BEGRIPPEN: dict[str, str] = {
    "aandachtsgroepen": "Mensen die met voorrang of met begeleiding een woning nodig hebben, zoals statushouders, "
                        "mensen die uit beschermd wonen of de maatschappelijke opvang komen en dak- en thuislozen. "
                        "Dit rapport kent er 11.",
    "afgesproken aandeel": "Het deel van de vrijkomende sociale huurwoningen dat gemeenten en corporaties voor "
                           "aandachtsgroepen hebben afgesproken.",
    "afgeschermd ('.')": "Een klein aantal personen dat niet wordt getoond, zodat niemand herkenbaar is.",
    "bandbreedte (laag, midden, hoog)": "De uitkomst bij voorzichtige (laag), middelste (midden) en ruime (hoog) "
                                        "aannames. De middenschatting is de meest waarschijnlijke.",
    "claim": "Welk deel van alle sociale huurwoningen die in een jaar vrijkomen de aandachtsgroepen nodig hebben. "
             "Ligt de claim boven het afgesproken aandeel, dan past de vraag niet binnen de afspraak.",
    "deelregio": "Een groep samenwerkende gemeenten binnen de regio.",
    "doeljaar": "Het laatste jaar waarvoor dit rapport de opgave berekent.",
    "fair share": "Een eerlijke verdeling van de regionale opgave over de gemeenten, volgens een afgesproken "
                  "verdeelsleutel. Alle gemeenten samen leveren precies de hele opgave.",
    "herkomst": "Hoe een cijfer tot stand kwam: ●●● geteld (een registratie of telling), ●●○ geschat uit een "
                "gepubliceerd kengetal, ●○○ berust (mede) op een aanname. Een uitkomst is zo zeker als het minst "
                "zekere cijfer waarop zij rust.",
    "huidige belasting": "Hoeveel huishoudens uit de aandachtsgroepen een gemeente de laatste jaren per jaar een "
                         "woning gaf. Dit komt van de gemeente zelf; het rapport berekent het niet.",
    "kengetal": "Een gemiddelde uit onderzoek of statistiek, bijvoorbeeld hoeveel personen een huishouden telt.",
    "n.b.": "Niet bekend: voor dit cijfer zijn geen gegevens. Het telt niet mee in een totaal en is geen nul.",
    "ondergrens": "De opgave is minstens zo groot: groepen zonder cijfers zijn nog niet meegeteld.",
    "peiljaar": "Het eerste jaar van de analyse, en het jaar van de cijfers in de tabellen.",
    "statushouders": "Vluchtelingen met een verblijfsvergunning die een woning in een gemeente krijgen "
                     "(ook: vergunninghouders).",
    "taakstelling": "Het aantal statushouders dat het Rijk elke gemeente per halfjaar laat huisvesten, naar het "
                    "aantal inwoners (Huisvestingswet, artikel 29).",
    "tekort": "Hoeveel woningen er per jaar te weinig zijn, na het afgesproken deel van de vrijkomende woningen en de "
              "geplande nieuwe woningen. Een overschot betekent dat er woningen over zijn.",
    "verdeelsleutel": "De maatstaf waarmee de opgave over gemeenten wordt verdeeld, bijvoorbeeld het aantal inwoners "
                      "of het aantal sociale huurwoningen.",
    "verhuringen": "Sociale huurwoningen die in een jaar vrijkomen en opnieuw worden verhuurd.",
}


def hoofdstuk(selectie: Selectie) -> Hoofdstuk:
    """The glossary of the words the report uses, as a table."""
    tabel = pd.DataFrame({"uitleg": list(BEGRIPPEN.values())}, index=pd.Index(list(BEGRIPPEN), name="begrip"))
    return Hoofdstuk([
        Tekst("De woorden die dit rapport gebruikt, in gewone taal."),
        Tabel(tabel, bijschrift="Begrippen"),
    ])
