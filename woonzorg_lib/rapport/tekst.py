"""Narrative generated from the numbers, so a sentence that states a figure is never stale."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from woonzorg_lib.algemeen.opmaak import getal, procent
from woonzorg_lib.model.doelgroepen import AANDACHTSGROEPEN
from woonzorg_lib.model.onthulling import afgerond

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>:@])")


def veilig(tekst: str) -> str:
    r"""Text from input files (region, deelregio or variant names, sources) made plain text inside Markdown.

    HTML is escaped, and every character Markdown gives a meaning (links, images, emphasis,
    lists, headings, autolinks) is escaped too: a name stays a name, never an image or a link.

    >>> veilig("<script>x</script> & co")
    '&lt;script&gt;x&lt;/script&gt; &amp; co'
    >>> print(veilig("![p](https://x.nl/t.png)"))
    \!\[p\]\(https\://x\.nl/t\.png\)
    """
    return _MARKDOWN.sub(r"\\\1", html.escape(str(tekst), quote=False))


def rond(waarde: float, exact: bool = False) -> str:
    """A count as a report states it, in Dutch notation: a model figure rounded to a multiple of 5 as in the
    tables, a published count (``exact``: tier register, such as real lettings) as it was published. A positive
    figure that rounds to 0 reads "minder dan 2,5" (the tables' '< 2,5'), never a 0 that reads as "no need".

    >>> rond(1234.4), rond(2.4), rond(0), rond(1232.5), rond(9578, exact=True)
    ('1.235', 'minder dan 2,5', '0', '1.235', '9.578')
    """
    if exact:
        return getal(round(float(waarde)))
    afgerond_ = afgerond(waarde)
    return "minder dan 2,5" if afgerond_ == 0 and float(waarde) > 0 else getal(afgerond_)


def zonder_voorvoegsel(bron: str, *woorden: str) -> str:
    """A source without a leading tier word the sentence around it already says ('schatting: …' → '…').

    >>> zonder_voorvoegsel("trendschatting: de groei van 65+", "trendschatting")
    'de groei van 65+'
    """
    for woord in woorden:
        if bron.casefold().startswith(f"{woord.casefold()}: "):
            return bron[len(woord) + 2:]
    return bron


def opsomming(delen: Sequence[str]) -> str:
    """'a', 'a en b', 'a, b en c'.

    >>> opsomming(["BW", "MO", "GGZ"])
    'BW, MO en GGZ'
    """
    delen = list(delen)
    return "" if not delen else delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1]


def dekking_tekst(gedekt: dict[str, list[str]], totaal: int | None = len(AANDACHTSGROEPEN)) -> str:
    """What a headline covers: the aandachtsgroepen with a figure, partly, and without one (Markdown).

    >>> print(dekking_tekst({"volledig": ["A", "B"], "gedeeltelijk": ["C (1 van 4 gemeenten)"], "geen": ["D"]}, 4))
    De opgave telt **2 van de 4 aandachtsgroepen** helemaal mee: A en B. Gedeeltelijk (alleen de gemeenten met een cijfer tellen mee): C (1 van 4 gemeenten). **Geen gegevens** voor D: die groep telt niet mee, niet als 0; het totaal is daardoor een ondergrens.
    >>> print(dekking_tekst({"volledig": ["A"], "gedeeltelijk": [], "geen": []}, None))
    Helemaal meegeteld: A.
    """
    volledig = opsomming(gedekt["volledig"]) or "geen"
    delen = [f"De opgave telt **{len(gedekt['volledig'])} van de {totaal} aandachtsgroepen** helemaal mee: {volledig}."
             if totaal else f"Helemaal meegeteld: {volledig}."]
    if gedekt["gedeeltelijk"]:
        delen.append(f"Gedeeltelijk (alleen de gemeenten met een cijfer tellen mee): {opsomming(gedekt['gedeeltelijk'])}.")
    if gedekt["geen"]:
        delen.append(f"**Geen gegevens** voor {opsomming(gedekt['geen'])}: "
                     f"{'die groep telt' if len(gedekt['geen']) == 1 else 'die groepen tellen'} niet mee, niet als 0; "
                     "het totaal is daardoor een ondergrens.")
    return " ".join(delen)


def dekking_kort(gedekt: dict[str, list[str]], totaal: int = len(AANDACHTSGROEPEN)) -> str:
    """What a total covers in one sentence, where the total is shown (the full list is in the Confrontatie).

    >>> dekking_kort({"volledig": ["A", "B"], "gedeeltelijk": ["C (1 van 4 gemeenten)"], "geen": ["D"]}, 4)
    'Dit totaal telt 2 van de 4 aandachtsgroepen helemaal en 1 gedeeltelijk mee; de groepen zonder gegevens tellen niet mee, dus het totaal is een ondergrens.'
    """
    deels = f" en {len(gedekt['gedeeltelijk'])} gedeeltelijk" if gedekt["gedeeltelijk"] else ""
    rest = ("; de groepen zonder gegevens tellen niet mee, dus het totaal is een ondergrens."
            if gedekt["geen"] or gedekt["gedeeltelijk"] else ".")
    return f"Dit totaal telt {len(gedekt['volledig'])} van de {totaal} aandachtsgroepen helemaal{deels} mee{rest}"


def samenvatting(
    gebied: str, jaar: int, doeljaar: int, vraag: dict[str, float], verhuringen: float, verhuringen_exact: bool,
    verhuringen_herkomst: str, aandeel: float, tekort: dict[str, float], ouderen: float, ouderen_basis: str, gedekt: dict[str, list[str]],
    statushouders: str, grootste_onzekerheid: str | None,
) -> str:
    """The opening paragraphs of the bestuurlijke samenvatting (Markdown).

    ``vraag`` and ``tekort`` are per scenario for the year ``jaar``; ``statushouders`` is
    the sentence on the statutory taakstelling; ``gedekt`` which groups the figures cover;
    ``verhuringen_exact`` whether the lettings are published counts (then stated exactly).
    """
    claim = vraag["midden"] / verhuringen if verhuringen else float("nan")
    aantal = len(gedekt["volledig"]) + len(gedekt["gedeeltelijk"])
    regels = [
        f"**{veilig(gebied)}** heeft in {jaar} voor **{aantal} van de {len(AANDACHTSGROEPEN)} aandachtsgroepen** naar verwachting "
        f"**{rond(vraag['laag'])} tot {rond(vraag['hoog'])} woningen** nodig (middenscenario {rond(vraag['midden'])}); "
        f"de analyse loopt tot en met {doeljaar}. {dekking_tekst(gedekt, None)}",
        "",
        statushouders,
        "",
        f"Dat is **{procent(claim)} van de {rond(verhuringen, verhuringen_exact)} sociale huurwoningen** die jaarlijks vrijkomen (de "
        f"claim; verhuringen: {verhuringen_herkomst}). Afgesproken is dat {procent(aandeel)} van de verhuringen naar "
        "aandachtsgroepen gaat: "
        + (
            f"de claim ligt **{'daarboven' if claim > aandeel else 'daaronder'}**."
            if claim == claim else "zonder verhuringen is de claim niet te berekenen."
        ),
        "",
        f"Na het afgesproken aandeel en het ingevoerde nieuwe aanbod blijft in het middenscenario een tekort van "
        f"**{rond(tekort['midden'])} woningen per jaar** (laag {rond(tekort['laag'])}, hoog {rond(tekort['hoog'])}); "
        "een negatief getal is een overschot. Groepen zonder gegevens maken het werkelijke tekort groter.",
        "",
        f"Voor ouderen met een zorgvraag vraagt het referentiescenario jaarlijks ongeveer {rond(ouderen)} nultreden-, "
        f"geclusterde en verpleegzorgwoningen: de landelijke beleidsdoelen 2022-2030 (een aanname, geen gemeten vraag) "
        f"naar rato van {ouderen_basis}.",
    ]
    if grootste_onzekerheid:
        regels += ["", f"Het onzekerste invoercijfer voor het tekort: *{grootste_onzekerheid}* (zie Gevoeligheid)."]
    return "\n".join(regels)


def belasting_onbekend(eenheid: str) -> str:
    """What the report says when no current load was entered (Markdown, for the reader; the analyst's how-to is in
    the Verantwoording)."""
    return (
        f"**De huidige belasting per {eenheid} is onbekend.** Het rapport toont daarom geen vergelijking van wat "
        f"elke {eenheid} nu draagt met haar fair share. Zodra de gemeenten opgeven hoeveel huishoudens uit de "
        "aandachtsgroepen zij de laatste jaren gemiddeld per jaar een woning gaven, staat dat hier naast de fair share."
    )


def halfjaar(code: str, met_jaar: bool = True) -> str:
    """A half-year in words.

    >>> halfjaar("2025-H1"), halfjaar("2025-H2", met_jaar=False)
    ('eerste halfjaar 2025', 'tweede halfjaar')
    """
    woord = f"{'eerste' if code.endswith('1') else 'tweede'} halfjaar"
    return f"{woord} {code[:4]}" if met_jaar else woord
