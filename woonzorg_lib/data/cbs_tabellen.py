"""The CBS StatLine tables a refresh downloads, and how their columns map onto the model.

This is the one place that knows CBS names. Tables are found in CBS's catalogue by words
in their title (so a successor table is picked up), and columns by their title in the
table's own metadata (``DataProperties``): CBS numbers its column keys per table version
(``EigendomWoningcorporatie_4``), the titles stay. A dimension that is not split out is
fixed at its total category (the one whose title starts with "Totaal").

>>> [t.onderwerp for t in CBS_TABELLEN]
['bevolking', 'woningvoorraad', 'aandachtsgroepen', 'prognose']
>>> TABEL["woningvoorraad"].meetwaarden[1]
Meetwaarde(kolom='corporatiewoningen', titel='Eigendom woningcorporatie')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Meetwaarde:
    """A CBS topic and the model column it fills."""

    kolom: str
    titel: str


@dataclass(frozen=True)
class Uitsplitsing:
    """A dimension kept apart instead of fixed at its total.

    ``banden`` sums the dimension's categories into age bands ``[van, tot)`` (``tot`` None:
    and older; ``(0, None)`` is everyone); without ``banden`` every category is kept.
    """

    dimensie: str
    banden: dict[str, tuple[int, int | None]] = field(default_factory=dict)


@dataclass(frozen=True)
class CbsTabel:
    """One CBS table the model needs."""

    onderwerp: str
    omschrijving: str
    bekend_id: str
    titel_bevat: tuple[str, ...]
    meetwaarden: tuple[Meetwaarde, ...]
    uitsplitsing: Uitsplitsing | None = None
    perioden: Literal["nieuwste", "alle"] = "nieuwste"
    verplicht: bool = True


CBS_TABELLEN: tuple[CbsTabel, ...] = (
    CbsTabel(
        "bevolking",
        "Inwoners op 1 januari, totaal en naar leeftijdsgroep",
        "03759ned",
        ("Bevolking op 1 januari", "leeftijd en regio"),
        (Meetwaarde("aantal", "Bevolking op 1 januari"),),
        Uitsplitsing("Leeftijd", {
            "inwoners": (0, None), "inwoners_65_74": (65, 75), "inwoners_75_84": (75, 85), "inwoners_85plus": (85, None),
        }),
    ),
    CbsTabel(
        "woningvoorraad",
        "Woningvoorraad op 1 januari, totaal en in eigendom van woningcorporaties",
        "82900NED",
        ("Voorraad woningen", "eigendom"),
        (Meetwaarde("woningvoorraad", "Totale woningvoorraad"), Meetwaarde("corporatiewoningen", "Eigendom woningcorporatie")),
    ),
    CbsTabel(
        "aandachtsgroepen",
        "Monitor aandachtsgroepen: personen en huishoudens per groep",
        "85980NED",
        ("Aandachtsgroepen volkshuisvesting",),
        (Meetwaarde("personen", "Personen"), Meetwaarde("huishoudens", "Huishoudens")),
        Uitsplitsing("Aandachtsgroep"),
    ),
    CbsTabel(
        "prognose",
        "Regionale bevolkingsprognose (PBL/CBS)",
        "",
        ("Regionale prognose", "bevolking"),
        (Meetwaarde("inwoners", "Totale bevolking"),),
        perioden="alle",
        verplicht=False,
    ),
)
TABEL: dict[str, CbsTabel] = {t.onderwerp: t for t in CBS_TABELLEN}

#: Indicators of the base figures that a refresh fills, by onderwerp.
BASIS_ONDERWERPEN: tuple[str, ...] = ("bevolking", "woningvoorraad")
#: The group in the aandachtsgroepen monitor whose household size replaces the kengetal.
STATUSHOUDERS_TITEL = "statushouder"
