"""The table of contents of each notebook template: which chapters, in which order, under which heading.

The notebooks' chapter headings, the explorer's chapter list and the tests read this one list
(a test checks that every notebook has exactly these headings, each above the cell that calls it).

>>> kop("woonzorganalyse", "afbakening")
'2. Afbakening'
"""

from __future__ import annotations

INHOUD: dict[str, dict[str, str]] = {
    "woonzorganalyse": {
        "samenvatting": "Bestuurlijke samenvatting",
        "afbakening": "Afbakening",
        "bevolking": "Bevolking en vergrijzing",
        "vraag": "Vraag per doelgroep",
        "aanbod": "Aanbod",
        "confrontatie": "Confrontatie",
        "verdeling": "Verdeling",
        "gevoeligheid": "Gevoeligheid",
        "monitor": "Monitor: verschil met de vorige data-editie",
        "begrippen": "Begrippen",
        "verantwoording": "Verantwoording",
    },
    "regio-overzicht": {
        "samenvatting": "Bestuurlijke samenvatting",
        "afbakening": "Afbakening",
        "vraag": "Vraag naast elkaar",
        "aanbod": "Aanbod naast elkaar",
        "confrontatie": "Confrontatie naast elkaar",
        "verdeling": "Verdeling",
        "gevoeligheid": "Gevoeligheid",
        "monitor": "Monitor: verschil met de vorige data-editie",
        "begrippen": "Begrippen",
        "verantwoording": "Verantwoording",
    },
}


def kop(sjabloon: str, hoofdstuk: str) -> str:
    """The numbered heading of a chapter in a template's report."""
    hoofdstukken = list(INHOUD[sjabloon])
    return f"{hoofdstukken.index(hoofdstuk) + 1}. {INHOUD[sjabloon][hoofdstuk]}"
