"""The national overview on landelijk.html: a map of every gemeente's claim on the social lettings, beside a table of
the same figures (each with its tier) and every gemeente's factsheet and VHP chapter, linked once.

The figure is the claim of the aandachtsgroepen on the social lettings (demand ÷ lettings, scenario midden, peiljaar):
a share, so a small and a large gemeente compare on one scale (a count in homes would colour the big cities), with
no choice of a verdeelsleutel in it (fair share minus own demand differs per key and per distributing region: the
centrumregio or the province). It is read from the kerncijfers.csv of each gemeente's centrumregio run — the run
that makes its factsheet — so map, table and factsheet show the same published value; hidden stays hidden.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from woonzorg_lib.algemeen.opmaak import procent
from woonzorg_lib.data.catalogus import Regio, centrumregios, provincies
from woonzorg_lib.model.onthulling import ONBEKEND, VERBORGEN
from woonzorg_lib.rapport.kaartcijfers import gepubliceerd_getal, per_gemeente
from woonzorg_lib.rapport.kaarten import choropleet, klassen, legendateksten, svg_base64
from woonzorg_lib.rapport.stijl import TEKENS
from woonzorg_lib.runner.index import rij
from woonzorg_lib.runner.uitvoeren import MANIFEST

INDICATOR, SCENARIO = "claim", "midden"
GEEN_GEGEVENS = "geen gegevens"


@dataclass
class Gemeente:
    """One row of the national table: the gemeente, its published claim and tier, and its products' links."""

    code: str
    naam: str
    centrumregio: str
    waarde: str = ONBEKEND  # as published: a share ('0.23'), '.' hidden or 'n.b.'
    herkomst: str = GEEN_GEGEVENS
    bron: str = ""
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (text, link, aria-label)

    @property
    def tekst(self) -> str:
        """The value as the table shows it: a percentage with one decimal, '.' or 'n.b.'."""
        getal = gepubliceerd_getal(self.waarde)
        return procent(getal) if getal is not None else VERBORGEN if self.waarde == VERBORGEN else ONBEKEND

    @property
    def teken(self) -> str:
        return TEKENS.get(self.herkomst, "")


def _claims(map_: Path) -> tuple[pd.DataFrame, int | None]:
    """The run's claim per gemeente (gemeente, waarde, herkomst, bron; index gemeentecode) and its peiljaar."""
    try:
        samenvatting = json.loads((map_ / MANIFEST).read_text(encoding="utf-8")).get("samenvatting") or {}
        kern = pd.read_csv(map_ / "kerncijfers.csv", dtype=str, keep_default_na=False, encoding="utf-8")
        jaar = int(samenvatting["peiljaar"])
        kern["jaar"] = pd.to_numeric(kern["jaar"], errors="coerce")
        return per_gemeente(kern, INDICATOR, SCENARIO, jaar), jaar
    except (OSError, ValueError, KeyError, TypeError, json.JSONDecodeError):
        return pd.DataFrame(columns=["gemeente", "waarde", "herkomst", "bron"]), None  # no run: every cell 'n.b.'


def _links(run: dict) -> dict[str, list[tuple[str, str, str]]]:
    """Per gemeentecode the links of its factsheet (web, PDF) and VHP chapter as the run's record lists them."""
    uit = {}
    for blad in run.get("factsheets", []):
        naam = blad["gemeente"]
        links = [("factsheet", blad["link"], f"{naam}: factsheet")]
        links += [(KORT.get(tekst, tekst), link, f"{naam}: {LANG.get(tekst, tekst)}") for tekst, link in blad["extra"]]
        uit[blad["gemeentecode"]] = links
    return uit


# The index's link texts, short in the table (the aria-label says what each is, with the gemeente's name).
KORT = {"PDF": "PDF", "VHP web": "VHP-hoofdstuk", "VHP PDF": "PDF", "VHP-hoofdstuk Word": "Word"}
LANG = {"PDF": "factsheet als PDF", "VHP web": "VHP-hoofdstuk", "VHP PDF": "VHP-hoofdstuk als PDF",
        "VHP-hoofdstuk Word": "VHP-hoofdstuk in Word"}
VOLGORDE = ("factsheet", "factsheet als PDF", "VHP-hoofdstuk", "VHP-hoofdstuk als PDF", "VHP-hoofdstuk in Word")


def _volgorde(link: tuple[str, str, str]) -> int:
    """Factsheet first, then its PDF, then the VHP chapter and its forms (by the link's full name)."""
    soort = link[2].rsplit(": ", 1)[-1]
    return VOLGORDE.index(soort) if soort in VOLGORDE else len(VOLGORDE)


def bronnen(per_provincie: dict[str, list[Gemeente]]) -> list[str]:
    """The sources of the figures in the table, each once (the same formula for every gemeente, as a rule)."""
    return list(dict.fromkeys(g.bron for rijen in per_provincie.values() for g in rijen if g.bron))


def gemeenten(uitvoer: Path) -> tuple[dict[str, list[Gemeente]], list[int]]:
    """Every gemeente of the country, per province (catalogue order), with the claim and links of its centrumregio's
    run in ``uitvoer`` (without that run: 'n.b.', 'geen gegevens', no links); and the peiljaren of the runs."""
    per_code: dict[str, Gemeente] = {}
    jaren: set[int] = set()
    for sleutel, regio in centrumregios().items():
        map_ = uitvoer / sleutel
        claims, jaar = _claims(map_) if (map_ / MANIFEST).is_file() else (None, None)
        links = _links(rij(map_)) if jaar is not None else {}
        jaren |= {jaar} if jaar is not None else set()
        namen = regio.indeling().set_index("gemeentecode")["gemeentenaam"]
        for code in regio.gemeentecodes:
            g = Gemeente(code, str(namen[code]), regio.naam, links=sorted(links.get(code, []), key=_volgorde))
            if claims is not None and code in claims.index:
                g.waarde, g.herkomst, g.bron = (str(claims.loc[code, k]) for k in ("waarde", "herkomst", "bron"))
                if gepubliceerd_getal(g.waarde) is None and g.waarde != VERBORGEN:  # an empty cell is no figure: 'n.b.'
                    g.waarde, g.herkomst = ONBEKEND, GEEN_GEGEVENS
            per_code[code] = g
    per_provincie = {p.naam: [per_code[c] for c in p.gemeentecodes] for p in provincies().values()}
    return per_provincie, sorted(jaren)


def _groepen(regios: dict[str, Regio]) -> list[tuple[str, ...]]:
    return [r.gemeentecodes for r in regios.values()]


def kaart(per_provincie: dict[str, list[Gemeente]], jaren: Sequence[int]) -> tuple[str, str]:
    """The map as an inline SVG (base64) and its alt text, in Dutch."""
    alle = [g for rij_ in per_provincie.values() for g in rij_]
    waarden = pd.Series({g.code: g.waarde for g in alle})
    jaar = "/".join(map(str, jaren)) or "peiljaar"
    titel = f"Claim op de sociale verhuringen, {jaar} (midden)"
    fig = choropleet(waarden, titel, "claim op de verhuringen", procenten=True, overzicht=True,
                     omtrek=("provinciegrens", _groepen(provincies())), maat=(6.3, 7.2))
    getallen = {g.naam: gepubliceerd_getal(g.waarde) for g in alle if gepubliceerd_getal(g.waarde) is not None}
    verborgen = sum(g.waarde == VERBORGEN for g in alle)
    onbekend = len(alle) - len(getallen) - verborgen
    alt = (f"Kaart van Nederland met de {len(alle)} gemeenten en de provinciegrenzen, gekleurd naar de claim van de "
           f"aandachtsgroepen op de sociale verhuringen ({jaar}, scenario midden). ")
    if getallen:
        laag, hoog = min(getallen, key=getallen.get), max(getallen, key=getallen.get)
        klassen_ = legendateksten(klassen(pd.Series(getallen).to_numpy(), procenten=True), procenten=True)
        alt += (f"Klassen: {', '.join(klassen_)}. Laagste claim {laag} ({procent(getallen[laag])}), hoogste "
                f"{hoog} ({procent(getallen[hoog])}). ")
    alt += (f"{verborgen} afgeschermd, {onbekend} zonder gegevens. "
            "Alle cijfers staan in de tabel naast de kaart.")
    return svg_base64(fig), alt


__all__: Sequence[str] = ("Gemeente", "bronnen", "gemeenten", "kaart")
