"""The CBS StatLine tables a refresh downloads, and how their columns map onto the model.

This is the one place that knows CBS names, as the real tables have them
(``../shared/research/cbs-tabellen.md``). Tables are found in CBS's catalogue by words in
their title, with a list of known variants (so a successor table is picked up), and
columns by their title in the table's own metadata (``DataProperties``), again with the
known variants: CBS renumbers column keys per table version (``EigendomWoningcorporatie_4``,
``EigendomWoningcorporaties_5``), the titles mostly stay. Each topic's ``Unit`` is read and
applied (the prognosis counts in thousands, KWB gives percentages). A dimension that is
not split out is fixed at its total category ("Totaal", "Totaal mannen en vrouwen"), or
at a named category where the dimension has no total.

>>> [t.onderwerp for t in CBS_TABELLEN]
['bevolking', 'woningvoorraad', 'kwb', 'aandachtsgroepen', 'prognose']
>>> TABEL["woningvoorraad"].meetwaarden[1].titels
('Eigendom woningcorporaties', 'Eigendom woningcorporatie')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Meetwaarde:
    """A CBS topic (known by any of its titles) and the model column it fills.

    ``eenheid`` is what the model needs: ``aantal`` (counts; a unit such as "x 1 000" is
    multiplied out) or ``procent``.
    """

    kolom: str
    titels: tuple[str, ...]
    eenheid: Literal["aantal", "procent"] = "aantal"


@dataclass(frozen=True)
class Uitsplitsing:
    """A dimension kept apart instead of fixed at its total.

    ``banden`` sums the dimension's categories into age bands ``[van, tot)`` (``tot`` None:
    and older; ``(0, None)`` is everyone). Without ``banden`` each group is kept once: a
    category "Groep: totaal" stands for its group and the sub-categories "Groep: …" are left
    out, so no group is counted with its own parts.
    """

    dimensie: str
    banden: dict[str, tuple[int, int | None]] = field(default_factory=dict)


@dataclass(frozen=True)
class CbsTabel:
    """One kind of CBS table the model needs.

    ``titels``: each variant is a set of words that must all be in the title.
    ``bekende_ids``: the tables known when this was written, the current method first.
    ``peildata``: the reference date (month-day) by the end of the period code ("JJ00": a
    year, "MM12": December). A table without a period dimension (KWB) takes its year from
    its title. ``vast``: the category to fix a dimension at that has no total, by words
    in the dimension's title. ``alle_gemeenten``: ask for every gemeente and keep the
    ones needed (KWB's region keys are padded and hold every wijk and buurt too).
    """

    onderwerp: str
    omschrijving: str
    bekende_ids: tuple[str, ...]
    titels: tuple[tuple[str, ...], ...]
    meetwaarden: tuple[Meetwaarde, ...]
    uitsplitsing: Uitsplitsing | None = None
    perioden: Literal["nieuwste", "alle"] = "nieuwste"
    peildata: dict[str, str] = field(default_factory=lambda: {"JJ00": "01-01"})
    vast: dict[str, str] = field(default_factory=dict)
    alle_gemeenten: bool = False
    verplicht: bool = True


CBS_TABELLEN: tuple[CbsTabel, ...] = (
    CbsTabel(
        "bevolking",
        "Inwoners op 1 januari, totaal en naar leeftijdsgroep",
        ("03759ned",),
        (("Bevolking op 1 januari", "leeftijd en regio"),),
        (Meetwaarde("aantal", ("Bevolking op 1 januari",)),),
        Uitsplitsing("Leeftijd", {
            "inwoners": (0, None), "inwoners_65_74": (65, 75), "inwoners_75_84": (75, 85), "inwoners_85plus": (85, None),
        }),
    ),
    CbsTabel(
        "woningvoorraad",
        "Woningvoorraad op 1 januari, totaal en in eigendom van woningcorporaties",
        ("86286NED", "82900NED"),
        (("Voorraad woningen", "eigendom", "regio"),),
        (Meetwaarde("woningvoorraad", ("Totale woningvoorraad",)),
         Meetwaarde("corporatiewoningen", ("Eigendom woningcorporaties", "Eigendom woningcorporatie"))),
    ),
    CbsTabel(
        "kwb",
        "Kerncijfers wijken en buurten: woningvoorraad en aandeel in bezit van woningcorporaties",
        ("86165NED", "85984NED"),
        (("Kerncijfers wijken en buurten",),),
        (Meetwaarde("woningvoorraad", ("Woningvoorraad",)),
         Meetwaarde("corporatie_procent", ("In bezit woningcorporatie", "Eigendom woningcorporatie",
                                          "Percentage in bezit woningcorporatie"), "procent")),
        alle_gemeenten=True,
        verplicht=False,
    ),
    CbsTabel(
        "aandachtsgroepen",
        "Monitor aandachtsgroepen: personen en huishoudens per groep",
        ("85980NED",),
        (("Aandachtsgroepen volkshuisvesting",),),
        (Meetwaarde("personen", ("Totaal personen",)), Meetwaarde("huishoudens", ("Totaal huishoudens",))),
        Uitsplitsing("Aandachtsgroep"),
        peildata={"MM01": "01-01", "MM12": "12-31"},
        verplicht=False,
    ),
    CbsTabel(
        "prognose",
        "Regionale bevolkingsprognose (PBL/CBS)",
        ("85171NED", "85173NED"),
        (("Regionale prognose", "bevolking"),),
        (Meetwaarde("inwoners", ("Totale bevolking",)),),
        perioden="alle",
        vast={"interval": "Prognose"},
        verplicht=False,
    ),
)
TABEL: dict[str, CbsTabel] = {t.onderwerp: t for t in CBS_TABELLEN}

#: The units CBS writes on a count topic, and what they multiply by.
EENHEDEN_AANTAL: dict[str, int] = {"aantal": 1, "x 1 000": 1_000, "x 1 000 000": 1_000_000}
#: The units CBS writes on a percentage topic.
EENHEDEN_PROCENT: frozenset[str] = frozenset({"%", "procent"})

#: Onderwerpen whose rows are base figures (``basisgegevens``).
BASIS_ONDERWERPEN: tuple[str, ...] = ("bevolking", "woningvoorraad", "kwb")
#: The group in the aandachtsgroepen monitor whose household size replaces the kengetal.
STATUSHOUDERS_TITEL = "statushouder"
