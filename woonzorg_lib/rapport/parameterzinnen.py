"""The parameters of a run as a council member reads them: one Dutch sentence each, Dutch numbers, no JSON."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from woonzorg_lib.algemeen.opmaak import aandeel, getal, kengetal
from woonzorg_lib.model.doelgroepen import DOELGROEPEN
from woonzorg_lib.rapport.tekst import opsomming

SLEUTELNAMEN = {
    "inwoners": "inwoners", "huishoudens": "huishoudens", "sociale_huurvoorraad": "sociale huurvoorraad",
    "verhuringen": "verhuringen", "huidige_belasting": "huidige belasting", "herkomstgemeente": "gemeente van herkomst",
    "draagkracht": "draagkracht",
}


def _bestand(waarde: str) -> str:
    """A file's name only: a report never shows the analyst's local paths."""
    return Path(waarde).name if ("/" in waarde or "\\" in waarde) else waarde


def gewichtenzin(gewichten: Mapping[str, float]) -> str:
    """One key mix's weights in words, as shares of the whole.

    >>> gewichtenzin({"inwoners": 1, "verhuringen": 1}), gewichtenzin({"sociale_huurvoorraad": 1.0})
    ('inwoners 50%, verhuringen 50%', 'sociale huurvoorraad 100%')
    """
    totaal = sum(gewichten.values()) or 1.0
    return ", ".join(f"{SLEUTELNAMEN.get(k, k)} {aandeel(w / totaal)}" for k, w in gewichten.items())


def sleutelzin(varianten: Mapping[str, Mapping[str, float]]) -> str:
    """The fair-share key variants in words, each with its weights as shares."""
    return opsomming([f"‘{naam}’ ({gewichtenzin(gewichten)})" for naam, gewichten in varianten.items()])


def _mutatiegraad(waarde: float | Mapping[str, float] | None) -> str:
    if waarde is None:
        return "Mutatiegraad: het landelijke kengetal (zie Kengetallen)."
    if isinstance(waarde, Mapping):
        return "Mutatiegraad per gemeente: " + opsomming([f"{g} {aandeel(w)}" for g, w in waarde.items()]) + "."
    return f"Mutatiegraad voor het hele gebied: {aandeel(waarde)} van de sociale voorraad per jaar."


ZINNEN: dict[str, Callable[[Any], str]] = {
    "regio": lambda w: f"Regio: {_bestand(w)}.",
    "deelregio": lambda w: f"Deelregio: {w}." if w else "Gebied: de hele regio.",
    "peiljaar": lambda w: f"Peiljaar (eerste jaar en jaar van de kerncijfers): {w}.",
    "doeljaar": lambda w: f"Doeljaar (laatste jaar van de analyse): {w}.",
    "scenario": lambda w: f"Scenario in de tabellen: {w}.",
    "invoer": lambda w: f"Lokale cijfers uit het invoerformat {_bestand(w)}." if w else
    "Geen invoerformat: de analyse rekent met gelabelde schattingen.",
    "aandeel_verhuringen_aandachtsgroepen": lambda w: f"Afgesproken aandeel van de sociale verhuringen voor "
                                                      f"aandachtsgroepen: {aandeel(w)}.",
    "verdeelsleutels": lambda w: f"Varianten voor de fair share: {sleutelzin(w)}.",
    "plafond_aandeel_verhuringen": lambda w: f"Plafond per gemeente: hoogstens {aandeel(w)} van haar eigen "
                                             "verhuringen." if w else "Geen plafond per gemeente.",
    "plafond_doelgroepen": lambda w: "Het plafond geldt voor " + opsomming(
        [DOELGROEPEN[d].naam if d in DOELGROEPEN else d for d in w]) + "." if w else
    "Een plafond geldt voor de hele opgave.",
    "correctie_jaren": lambda w: f"De huidige belasting wordt rechtgetrokken over {getal(w)} jaar." if w else
    "Geen correctie voor de huidige belasting.",
    "taakstelling_onbekend": lambda w: (
        "Landelijke taakstelling vergunninghouders voor halfjaren zonder landelijk aantal in de gegevens: "
        f"laag {getal(w['laag'])}, midden {getal(w['midden'])}, hoog {getal(w['hoog'])} personen.") if w else
    "Halfjaren zonder landelijk aantal in de gegevens: het bereik van de laatste drie gepubliceerde halfjaren.",
    "mutatiegraad": _mutatiegraad,
    "drempel_onthulling": lambda w: f"Kleinste aantal personen dat een tabel toont: {getal(w)}.",
    "data_editie": lambda w: ("Gegevens: de meegeleverde gegevens." if w == "bundel" else f"Data-editie: {w}.") if w
    else "Gegevens: de nieuwste data-editie die de regio dekt.",
    "status": lambda w: f"Status: {w}.",
    "vastgesteld_op": lambda w: f"Vastgesteld op {w}." if w else "Nog niet vastgesteld.",
    "opgesteld_door": lambda w: f"Opgesteld door: {w}." if w else "Opgesteld door: niet ingevuld.",
    "contact": lambda w: f"Contact: {w}." if w else "Contact: niet ingevuld.",
    "verdeling_binnen_deelregio": lambda w: "De eigen opgave wordt ook binnen de deelregio verdeeld." if w else
    "Alleen de verdeling over de hele regio.",
}


def parameterzin(naam: str, waarde: Any) -> str:
    """One parameter as a Dutch sentence.

    >>> parameterzin("aandeel_verhuringen_aandachtsgroepen", 0.1)
    'Afgesproken aandeel van de sociale verhuringen voor aandachtsgroepen: 10%.'
    >>> parameterzin("invoer", None), parameterzin("regio", "/home/analist/mijn-regio.yaml")
    ('Geen invoerformat: de analyse rekent met gelabelde schattingen.', 'Regio: mijn-regio.yaml.')
    >>> parameterzin("verdeelsleutels", {"Mix": {"inwoners": 0.5, "verhuringen": 0.5}})
    'Varianten voor de fair share: ‘Mix’ (inwoners 50%, verhuringen 50%).'
    """
    if naam in ZINNEN:
        return ZINNEN[naam](waarde)
    if isinstance(waarde, bool):
        return f"{naam.replace('_', ' ')}: {'ja' if waarde else 'nee'}."
    if isinstance(waarde, int | float):
        return f"{naam.replace('_', ' ')}: {kengetal(waarde)}."
    return f"{naam.replace('_', ' ')}: {'niet gezet' if waarde is None else waarde}."


def parameterzinnen(parameters: Mapping[str, Any]) -> list[str]:
    """Every parameter of a run as a sentence, in the order of the parameter file."""
    return [parameterzin(naam, waarde) for naam, waarde in parameters.items()]
