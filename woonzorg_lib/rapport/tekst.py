"""Narrative generated from the numbers, so a sentence that states a figure is never stale."""

from __future__ import annotations

import html
from collections.abc import Sequence

from woonzorg_lib.opmaak import getal, procent


def veilig(tekst: str) -> str:
    """Text from input files (region, deelregio or variant names) made safe inside Markdown.

    >>> veilig("<script>x</script> & co")
    '&lt;script&gt;x&lt;/script&gt; &amp; co'
    """
    return html.escape(str(tekst), quote=False)


def rond(waarde: float, veelvoud: int = 5) -> str:
    """A count as a report states it: rounded to a multiple of 5, Dutch notation.

    >>> rond(1234.4), rond(2.4)
    ('1.235', '0')
    """
    return getal(int(veelvoud * round(float(waarde) / veelvoud)))


def opsomming(delen: Sequence[str]) -> str:
    """'a', 'a en b', 'a, b en c'.

    >>> opsomming(["BW", "MO", "GGZ"])
    'BW, MO en GGZ'
    """
    delen = list(delen)
    return "" if not delen else delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1]


def samenvatting(
    gebied: str, peiljaar: int, doeljaar: int, vraag: dict[str, float], verhuringen: float, aandeel: float,
    tekort: dict[str, float], ouderen: float, zonder_gegevens: Sequence[str], grootste_aanname: str | None,
) -> str:
    """The opening paragraphs of the bestuurlijke samenvatting (Markdown)."""
    claim = vraag["midden"] / verhuringen if verhuringen else float("nan")
    regels = [
        f"**{veilig(gebied)}** heeft voor de aandachtsgroepen naar verwachting **{rond(vraag['laag'])} tot "
        f"{rond(vraag['hoog'])} woningen per jaar** nodig (middenscenario {rond(vraag['midden'])}), gerekend vanaf "
        f"peiljaar {peiljaar} tot en met {doeljaar}.",
        "",
        f"Dat is **{procent(claim)} van de naar schatting {rond(verhuringen)} sociale huurwoningen** die jaarlijks "
        f"vrijkomen (de claim). Afgesproken is dat {procent(aandeel)} van de verhuringen naar aandachtsgroepen gaat: "
        + (
            f"de claim ligt daar **{'boven' if claim > aandeel else 'onder'}**."
            if claim == claim else "zonder verhuringen is de claim niet te berekenen."
        ),
        "",
        f"Na het afgesproken aandeel en het ingevoerde nieuwe aanbod blijft in het middenscenario een tekort van "
        f"**{rond(tekort['midden'])} woningen per jaar** (laag {rond(tekort['laag'])}, hoog {rond(tekort['hoog'])}); "
        "een negatief getal is een overschot.",
        "",
        f"Voor ouderen met een zorgvraag vraagt het referentiescenario (landelijke doelen 2030 naar rato van het "
        f"aandeel 75-plussers) jaarlijks ongeveer {rond(ouderen)} nultreden-, geclusterde en verpleegzorgwoningen.",
    ]
    if zonder_gegevens:
        regels += ["", f"Nog **geen gegevens** voor: {opsomming(list(zonder_gegevens))}. Deze groepen tellen niet "
                   "mee (niet als 0); vul ze in het invoerformat in."]
    if grootste_aanname:
        regels += ["", f"De uitkomst is het gevoeligst voor: *{grootste_aanname}* (zie Gevoeligheid)."]
    return "\n".join(regels)


def besluiten(varianten: Sequence[str], claim: float, aandeel: float, zonder_gegevens: Sequence[str]) -> str:
    """The decisions asked of bestuurders, as a Markdown list."""
    punten = [
        f"Kies een verdeelsleutel voor de fair share: {opsomming([f'*{veilig(v)}*' for v in varianten])} (zie Verdeling).",
        f"Stel het afgesproken aandeel van de verhuringen voor aandachtsgroepen vast: nu {procent(aandeel)}, "
        f"de vraag zou {procent(claim)} vragen.",
        "Spreek af hoe het resterende tekort wordt opgevangen: nieuwbouw, flexwonen of transformatie per gemeente.",
    ]
    if zonder_gegevens:
        punten.append(f"Laat lokale cijfers aanleveren voor {opsomming(list(zonder_gegevens))}.")
    return "\n".join(f"{i}. {p}" for i, p in enumerate(punten, start=1))
