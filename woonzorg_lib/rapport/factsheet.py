"""A factsheet per gemeente: one A4 page a wethouder takes to the council, cut from the rows of kerncijfers.csv.

Every figure on it is a row of kerncijfers.csv of the same run (so it never disagrees with the
deelregio report or the files beside it, and hidden cells stay hidden), with its tier and a
numbered source. The current load appears only when the invoerformat supplied it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from jinja2 import Environment, FileSystemLoader

from woonzorg_lib import __version__
from woonzorg_lib.algemeen.opmaak import datum, getal, procent
from woonzorg_lib.analyse.resultaat import Analyse
from woonzorg_lib.data.basis import basisgegevens
from woonzorg_lib.model.doelgroepen import DOELGROEPEN
from woonzorg_lib.model.onthulling import KLEIN, ONBEKEND, VERBORGEN
from woonzorg_lib.rapport import kaartcijfers, kaarten
from woonzorg_lib.rapport.stijl import TEKENS, UITLEG_TEKENS

SJABLOON = Path(__file__).resolve().parent / "sjabloon"
_SJABLONEN = Environment(loader=FileSystemLoader(SJABLOON), autoescape=True)  # compiled once, reused per gemeente
TOTAAL = kaartcijfers.TOTAAL_VRAAG


@dataclass(frozen=True)
class Factsheet:
    """One gemeente's page: its code and name, a safe file name and the HTML."""

    gemeentecode: str
    gemeente: str
    bestand: str
    html: str


def bestandsnaam(gemeentecode: str, naam: str) -> str:
    """A file name safe on every system: the CBS code (unique) and the name in plain letters and digits.

    >>> bestandsnaam("GM0363", "Amsterdam"), bestandsnaam("GM1916", "Súdwest-Fryslân")
    ('factsheet-gm0363-amsterdam.html', 'factsheet-gm1916-sudwest-fryslan.html')
    >>> bestandsnaam("GM0001", "../../etc/passwd <script>"), bestandsnaam("GM0002", "...")
    ('factsheet-gm0001-etc-passwd-script.html', 'factsheet-gm0002.html')
    """
    code = re.sub(r"[^a-z0-9]", "", gemeentecode.lower())
    ascii_ = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode("ascii").lower()
    deel = re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-")[:50].strip("-")
    return f"factsheet-{code}{'-' + deel if deel else ''}.html"


def getoond_getal(waarde: object, procenten: bool = False) -> str:
    """A published value as text: '.' and 'n.b.' stay, numbers in Dutch notation."""
    if isinstance(waarde, str):
        if waarde in (VERBORGEN, ONBEKEND):
            return waarde
        try:
            waarde = float(waarde)
        except ValueError:
            return waarde
    if waarde is None or (isinstance(waarde, float) and pd.isna(waarde)):
        return ONBEKEND
    return procent(float(waarde)) if procenten else getal(float(waarde))


# A factsheet names its sources in a few words (who published or how it was made); the full source of every
# figure is the row's 'bron' in kerncijfers.csv and the Verantwoording of the deelregio's report.
KORTE_BRONNEN = (
    ("art. 29", "Rijksoverheid: taakstelling vergunninghouders (artikel 29 Huisvestingswet), naar inwoners (CBS)"),
    ("Trimbos", "Trimbos-instituut: bewoners beschermd wonen in Nederland, naar inwoners"),
    ("jeugdhulp met verblijf in de gemeente",
     "CBS: trajecten jeugdhulp met verblijf in de gemeente; uitstroom op 18 jaar: Zembla/BNNVARA"),  # two lines
    ("het deel van jeugdregio",
     ("CBS: trajecten jeugdhulp met verblijf in de jeugdregio (eigen cijfer afgeschermd), naar inwoners; uitstroom "
      "op 18 jaar: Zembla/BNNVARA")),
    ("geen lokaal cijfer: CBS-cel afgeschermd",
     "Zembla/BNNVARA: jongeren die op 18 jaar de jeugdzorg verlaten, naar inwoners (geen eigen cijfer van de gemeente)"),
    ("Zembla", "Zembla/BNNVARA: jongeren die op 18 jaar de jeugdzorg verlaten, naar inwoners"),
    ("detentie", "Dienst Justitiële Inrichtingen: uitstroom uit detentie, naar inwoners"),
    ("monitor Dakloosheid",
     "CBS monitor Dakloosheid: geregistreerde dakloze personen in de opvang van de centrumregio, naar inwoners"),
    ("dakloze", "CBS: schatting dakloze personen in Nederland, naar inwoners (noodoplossing)"),
    ("AFWC", "Amsterdamse Federatie van Woningcorporaties (AFWC): werkelijke verhuringen"),
    ("nul20.nl", "Amsterdamse Federatie van Woningcorporaties (AFWC): werkelijke verhuringen"),  # AFWC via Nul20
    ("Holland Rijnland Wonen", "Holland Rijnland Wonen: huurcontracten via het verhuursysteem (werkelijke verhuringen)"),
    ("eigen CBS-telling van de gemeente", "CBS: corporatiewoningen van de gemeente (telling), met een landelijke mutatiegraad"),
    ("mutatiegraad", "CBS: woningvoorraad en corporatiebezit, met een landelijke mutatiegraad"),
    ("verdeelsleutel", "Verdeling van de regionale opgave (fair share)"),
    ("invoerformat", "Invoerformat van de regio"),
    ("beleidskeuze", "Afspraak in de regio over het aandeel van de verhuringen"),
    ("referentiescenario", "Landelijke doelen wonen en zorg voor ouderen, naar het aandeel 75-plussers"),
    ("CBS", "CBS (StatLine)"),
)
BEREKEND = "Berekend uit de cijfers hierboven"
UITLEG_KLEIN = f"'{KLEIN}' = meer dan 0, minder dan 2,5"  # after the caption of the demand table: one line


def korte_bron(bron: str) -> str:
    """A source in a few plain words for a factsheet's numbered list: no web address, formula or code name.

    >>> korte_bron("art. 29 Huisvestingswet: 2025-H1 landelijk 15.000 (https://www.gemeente.nu/x) × inwoners")
    'Rijksoverheid: taakstelling vergunninghouders (artikel 29 Huisvestingswet), naar inwoners (CBS)'
    >>> korte_bron("vraag aandachtsgroepen ÷ verhuringen")
    'Berekend uit de cijfers hierboven'
    """
    return next((kort for sleutel, kort in KORTE_BRONNEN if sleutel.lower() in bron.lower()), BEREKEND)


class Bronnenlijst:
    """Numbered sources: every distinct (short) source once, in order of first use."""

    def __init__(self) -> None:
        self.lijst: list[str] = []

    def nummer(self, bron: str) -> str:
        """The number(s) of a source; a combined source ('a | b') cites each part once."""
        nummers = []
        for deel in dict.fromkeys(korte_bron(d.strip()) for d in str(bron).split(" | ")):
            if deel not in self.lijst:
                self.lijst.append(deel)
            nummers.append(str(self.lijst.index(deel) + 1))
        return ",".join(nummers)


def herkomstteken(herkomst: str) -> str:
    return f"{TEKENS.get(herkomst, '')} {herkomst}".strip()


def opgavecijfers(kern: pd.DataFrame, code: str, p: Any, bronnen: Bronnenlijst) -> dict[str, Any]:
    """Demand in homes per doelgroep and year (the analysis' scenario) and the low–high range of the peiljaar."""
    rijen = kern[(kern["gemeentecode"] == code) & (kern["indicator"] == "vraag_woningen")]
    jaren = list(range(p.peiljaar, p.doeljaar + 1))
    vraag = kern[kern["indicator"] == "vraag_woningen"]
    met_cijfers = set(vraag.loc[vraag["waarde"].astype(str) != ONBEKEND, "doelgroep"])  # the rest: named in the text
    groepen = sorted((g for g in rijen["doelgroep"].unique() if g != TOTAAL and g in met_cijfers),
                     key=lambda g: DOELGROEPEN[g].naam)
    uit = []
    for groep in [*groepen, TOTAAL]:
        deel = rijen[rijen["doelgroep"] == groep].set_index(["scenario", "jaar"])
        kop = deel.loc[(p.scenario, p.peiljaar)]
        uit.append({
            "naam": "Totaal aandachtsgroepen" if groep == TOTAAL else DOELGROEPEN[groep].naam,
            "totaal": groep == TOTAAL,
            "jaren": [getoond_getal(deel.loc[(p.scenario, j), "waarde"]) for j in jaren],
            "bereik": f"{getoond_getal(deel.loc[('laag', p.peiljaar), 'waarde'])} – {getoond_getal(deel.loc[('hoog', p.peiljaar), 'waarde'])}",
            "herkomst": herkomstteken(kop["herkomst"]),
            "bron": bronnen.nummer(kop["bron"]),
        })
    taak = kern[(kern["gemeentecode"] == code) & kern["indicator"].str.startswith("taakstelling_")
                & (kern["scenario"] == p.scenario) & (kern["jaar"] == p.peiljaar)]
    taakstelling = [{"halfjaar": f"{p.peiljaar}-{r.indicator[-2:]}", "personen": getal(float(r.waarde)),
                     "herkomst": herkomstteken(r.herkomst), "bron": bronnen.nummer(r.bron)} for r in taak.itertuples()]
    klein = any(KLEIN in str(w) for g in uit for w in (*g["jaren"], g["bereik"]))
    return {"jaren": jaren, "groepen": uit, "taakstelling": taakstelling, "klein": klein}


def cijferrij(kern: pd.DataFrame, code: str, indicator: str, p: Any) -> pd.Series | None:
    rij = kern[(kern["gemeentecode"] == code) & (kern["indicator"] == indicator) & (kern["scenario"] == p.scenario)
               & (kern["jaar"] == p.peiljaar)]
    if indicator == "vraag_woningen":
        rij = rij[rij["doelgroep"] == TOTAAL]
    return rij.iloc[0] if len(rij) else None


def aanbodcijfers(kern: pd.DataFrame, code: str, p: Any, bronnen: Bronnenlijst) -> dict[str, Any]:
    """Lettings, the agreed share, new supply, gap and claim: the claim against the agreed share."""
    namen = {"verhuringen": "Sociale verhuringen per jaar", "beschikbaar": "Daarvan voor aandachtsgroepen (afspraak)",
             "nieuw_aanbod": "Nieuw aanbod per jaar", "tekort": "Tekort per jaar (negatief: overschot)",
             "claim": "Claim: vraag als deel van de verhuringen"}
    regels = []
    for indicator, naam in namen.items():
        rij = cijferrij(kern, code, indicator, p)
        if rij is not None:
            regels.append({"naam": naam, "waarde": getoond_getal(rij["waarde"], indicator == "claim"),
                           "herkomst": herkomstteken(rij["herkomst"]), "bron": bronnen.nummer(rij["bron"])})
    claim = cijferrij(kern, code, "claim", p)
    aandeel = p.aandeel_verhuringen_aandachtsgroepen
    waarde = None if claim is None else claim["waarde"]
    if waarde is None or str(waarde) in (VERBORGEN, ONBEKEND):
        oordeel = ("De claim is afgeschermd, omdat de vraag op kleine aantallen berust." if str(waarde) == VERBORGEN
                   else "Zonder verhuringen is de claim niet te berekenen.")
    else:
        oordeel = (f"De vraag is {procent(float(waarde))} van de verhuringen; afgesproken is {procent(aandeel)}: de "
                   f"claim ligt {'daarboven' if float(waarde) > aandeel else 'daaronder'}.")
    return {"regels": regels, "oordeel": oordeel}


def verdelingcijfers(kern: pd.DataFrame, code: str, p: Any, bronnen: Bronnenlijst) -> dict[str, Any]:
    """Fair share per variant against the own demand and, only if supplied, the current load."""
    eigen = cijferrij(kern, code, "vraag_woningen", p)
    varianten = []
    for variant in p.verdeelsleutels:
        rij = cijferrij(kern, code, f"fair_share_regio: {variant}", p)
        if rij is None:
            continue
        verschil = kaartcijfers.fair_share_min_vraag(kern[kern["gemeentecode"] == code], variant, p.scenario,
                                                     p.peiljaar).iloc[0]["verschil"]
        varianten.append({"naam": variant, "waarde": getoond_getal(rij["waarde"]), "verschil": getoond_getal(verschil),
                          "herkomst": herkomstteken(rij["herkomst"]), "bron": bronnen.nummer(rij["bron"])})
    belasting = cijferrij(kern, code, "huidige_belasting", p)
    return {
        "eigen": None if eigen is None else {"waarde": getoond_getal(eigen["waarde"]), "herkomst": herkomstteken(eigen["herkomst"]),
                                             "bron": bronnen.nummer(eigen["bron"])},
        "varianten": varianten,
        "belasting": None if belasting is None else {
            "waarde": getoond_getal(belasting["waarde"]), "herkomst": herkomstteken(belasting["herkomst"]),
            "bron": bronnen.nummer(belasting["bron"])},
    }


def _peildata(analyse: Analyse, code: str) -> str:
    """The dates of the data this page rests on, in words."""
    basis = basisgegevens(analyse.editie)
    eigen = basis[(basis["gemeentecode"] == code) & basis["indicator"].isin(["inwoners", "corporatiewoningen"])]
    delen = [f"{'inwoners' if i == 'inwoners' else 'sociale huurvoorraad'} op {_iso_datum(d)}"
             for i, d in eigen.groupby("indicator")["peildatum"].first().items()]
    editie = f"data-editie {analyse.editie.naam}" if analyse.editie else "de meegeleverde gegevens (CBS)"
    return f"{editie}; {' en '.join(delen)}"


def _iso_datum(tekst: str) -> str:
    """'2024-01-01' → '1 januari 2024'; anything else stays as it is."""
    try:
        return datum(dt.date.fromisoformat(str(tekst)))
    except ValueError:
        return str(tekst)


def deelregio_van(analyse: Analyse, gemeentecode: str) -> str | None:
    """The gemeente's deelregio, or None in a region without deelregio's (its one deelregio is named like the region:
    a centrumregio's factsheet then says 'Centrumregio Leiden', not 'deelregio Centrumregio Leiden · Centrumregio
    Leiden')."""
    if len(analyse.geheel.deelregios) == 1:
        return None
    return str(analyse.regio.indeling().set_index("gemeentecode").loc[gemeentecode, "deelregio"])


def factsheet(analyse: Analyse, kern: pd.DataFrame, gemeentecode: str, vandaag: dt.date | None = None) -> Factsheet:
    """The factsheet of one gemeente of the analysed area, from ``kern`` (kerncijfers of the same run)."""
    p = analyse.parameters
    kern = kern[kern["gemeentecode"] == gemeentecode]  # every figure on the page is one of this gemeente's rows
    indeling = analyse.regio.indeling().set_index("gemeentecode")
    naam, deelregio = indeling.loc[gemeentecode, "gemeentenaam"], deelregio_van(analyse, gemeentecode)
    bronnen = Bronnenlijst()
    opgave = opgavecijfers(kern, gemeentecode, p, bronnen)
    aanbod = aanbodcijfers(kern, gemeentecode, p, bronnen)
    verdeling = verdelingcijfers(kern, gemeentecode, p, bronnen)
    kaart = kaarten.svg_base64(kaarten.ligging(list(analyse.geheel.gemeentecodes), gemeentecode, ""))
    gedekt = analyse.aandachtsgroepen_gedekt()
    html = _SJABLONEN.get_template("factsheet.html.j2").render(
        gemeente=naam, deelregio=deelregio, regio=analyse.geheel.naam, p=p, opgave=opgave, aanbod=aanbod,
        verdeling=verdeling, kaart=kaart, bronnen=bronnen.lijst, peildata=_peildata(analyse, gemeentecode),
        datum=datum(vandaag or dt.date.today()), versie=__version__, uitleg=UITLEG_TEKENS,
        zonder=gedekt["geen"], aandeel=procent(p.aandeel_verhuringen_aandachtsgroepen),
        verborgen=VERBORGEN, onbekend=ONBEKEND, uitleg_klein=UITLEG_KLEIN)
    return Factsheet(gemeentecode, naam, bestandsnaam(gemeentecode, naam), html)


def factsheets(analyse: Analyse, kern: pd.DataFrame) -> list[Factsheet]:
    """A factsheet for every gemeente of the analysed area, in the order of the region file."""
    return [factsheet(analyse, kern, code) for code in analyse.regio.gemeentecodes]
