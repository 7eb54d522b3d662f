"""A national or provincial batch: a report per centrumregio, a factsheet per gemeente, an overview per province.

``woonzorg batch --land`` runs every centrumregio beschermd wonen / maatschappelijke opvang (44)
and every province's regional overview (12); ``woonzorg batch --provincie Utrecht`` the
centrumregio's with a gemeente in that province (each whole: its fair share is over the whole
centrumregio) and the province's overview. The parameter files are written into
``<uitvoer>/.landelijk`` (the same every time, so an unchanged region is skipped as in any
batch); ``landelijk.html`` beside index.html lists the runs by province and region.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from jinja2 import Environment
from rich.console import Console

from woonzorg_lib import __version__
from woonzorg_lib.algemeen.errors import Melding, WoonzorgFout, keuze
from woonzorg_lib.algemeen.opmaak import aantal
from woonzorg_lib.data.catalogus import Regio, centrumregios, provincies, sleutel_van
from woonzorg_lib.rapport.stijl import UITLEG_TEKENS
from woonzorg_lib.runner import landkaart
from woonzorg_lib.runner.index import STIJL, rij
from woonzorg_lib.runner.uitvoeren import MANIFEST, MISLUKT, Resultaat, schrijf_atomisch

MAP = ".landelijk"
OVERZICHT = "landelijk.html"

# The same choices as the MRA set in parameters/ (peiljaar 2025: both half-years with a published taakstelling).
_SJABLOON = """# {pad} — gemaakt door 'woonzorg batch {optie}'; wordt bij elke batch opnieuw geschreven.
notebook: {notebook}
regio: {regio}
peiljaar: 2025
doeljaar: 2030
scenario: midden
invoer: null
# Aanname: 10% van de sociale verhuringen voor aandachtsgroepen (zoals de MRA-parameterbestanden); vervang door
# het percentage uit de regionale afspraken.
aandeel_verhuringen_aandachtsgroepen: 0.10
"""


def provincie_sleutel(naam: str) -> str:
    """The catalogue key of a province named as a user types it ('Utrecht', 'noord-holland', 'Fryslân').

    >>> provincie_sleutel("Noord-Holland"), provincie_sleutel("provincie-fryslan")
    ('provincie-noord-holland', 'provincie-fryslan')
    """
    sleutel = sleutel_van(naam)
    sleutel = sleutel if sleutel.startswith("provincie-") else f"provincie-{sleutel}"
    if sleutel not in provincies():
        namen = [r.naam.removeprefix("Provincie ") for r in provincies().values()]
        raise WoonzorgFout([Melding("", "--provincie", f"onbekende provincie '{naam}'; {keuze(naam, namen)}")])
    return sleutel


def selectie(provincie: str | None) -> list[tuple[str, str]]:
    """(notebook, region key) of every run: the centrumregio's (of a province, or all), then the provinces' overviews."""
    if provincie is None:
        gekozen = list(provincies())
        regios = list(centrumregios())
    else:
        gekozen = [provincie_sleutel(provincie)]
        leden = set(provincies()[gekozen[0]].gemeentecodes)
        regios = [k for k, r in centrumregios().items() if leden & set(r.gemeentecodes)]
    return [("woonzorganalyse", k) for k in regios] + [("regio-overzicht", k) for k in gekozen]


def parameterbestanden(uitvoer: Path, provincie: str | None) -> list[Path]:
    """Write the parameter file of every run of the selection into ``<uitvoer>/.landelijk``; return their paths."""
    optie = f"--provincie {provincie}" if provincie else "--land"
    runs = selectie(provincie)
    map_ = uitvoer / MAP
    try:
        map_.mkdir(parents=True, exist_ok=True)
        paden = []
        for notebook, regio in runs:
            pad = map_ / f"{regio}.yaml"
            tekst = _SJABLOON.format(pad=pad.name, optie=optie, notebook=notebook, regio=regio)
            if not pad.is_file() or pad.read_text(encoding="utf-8") != tekst:
                pad.write_text(tekst, encoding="utf-8")
            paden.append(pad)
    except OSError as fout:
        raise WoonzorgFout(f"de parameterbestanden van de landelijke batch konden niet in {map_} worden geschreven "
                           f"({fout.strerror}); kies met --uitvoer een andere map") from None
    return paden


OVERZICHT_SJABLOON = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Woonzorganalyses — per provincie en regio</title>
<style>{{ stijl | safe }}</style></head><body>
<header><h1>Woonzorganalyses per provincie en regio</h1>
<p>{{ aantal(regios, "centrumregio", "centrumregio's") }} (beschermd wonen en maatschappelijke opvang, CBS 2024) en
{{ aantal(provincies|length, "provincie", "provincies") }} · {{ aantal(bladen, "factsheet", "factsheets") }} ·
bijgewerkt {{ bijgewerkt }} · <a href="index.html">alle rapporten met kerncijfers</a></p>
<nav aria-label="Provincies"><p><a href="#nederland">Nederland: kaart en gemeenten</a> ·
{% for p in provincies %}<a href="#{{ p.anker }}">{{ p.naam }}</a>{% if not loop.last %} · {% endif %}{% endfor %}</p></nav>
</header>
<main>
<section aria-labelledby="nederland"><h2 id="nederland">Nederland: de claim op de sociale verhuringen per gemeente</h2>
<p class="uitleg">De claim is de jaarlijkse vraag van de aandachtsgroepen gedeeld door de sociale verhuringen in de
gemeente (scenario midden, {{ jaren }}): het deel van de vrijkomende sociale huurwoningen dat de groepen nodig zouden
hebben, naast het afgesproken aandeel. Een aandeel, dus grote en kleine gemeenten op één schaal en zonder keuze van
een verdeelsleutel. Elk cijfer komt uit kerncijfers.csv van de run van de centrumregio van de gemeente, dezelfde run
die haar factsheet en VHP-hoofdstuk maakt. Afgeschermd ('.') en zonder gegevens ('n.b.') blijven dat, ook op de kaart.</p>
<div class="land">
<figure class="land-kaart"><img src="data:image/svg+xml;base64,{{ kaart }}" alt="{{ alt }}">
<figcaption>{% if bronnen %}Bron van de cijfers: kerncijfers.csv van elke centrumregio ({{ bronnen|join("; ") }}).
{% endif %}Grenzen: CBS/Kadaster Wijk- en buurtkaart 2024 (CC BY 4.0). {{ uitleg }}</figcaption></figure>
<div class="land-tabel"><table>
<caption>Claim per gemeente (midden, {{ jaren }}) met herkomst, factsheet en VHP-hoofdstuk, per provincie</caption>
<thead><tr><th scope="col">gemeente</th><th scope="col">claim</th><th scope="col">factsheet en VHP-hoofdstuk</th></tr></thead>
{% for provincie, rijen in gemeenten.items() %}<tbody><tr><th scope="colgroup" colspan="3" class="groep">{{ provincie }}</th></tr>
{% for g in rijen %}<tr><th scope="row">{{ g.naam }}<span class="herkomst">{{ g.centrumregio }}</span></th>
<td class="getal">{{ g.tekst }}<span class="herkomst">{{ g.teken }} {{ g.herkomst }}</span></td>
<td>{% for tekst, link, label in g.links %}{% if tekst == "VHP-hoofdstuk" %}<br>{% elif not loop.first %} · {% endif %}<a href="{{ link }}" aria-label="{{ label }}">{{ tekst }}</a>{% else %}geen run in deze map{% endfor %}</td></tr>
{% endfor %}</tbody>{% endfor %}</table></div>
</div>
</section>
{% for p in provincies %}<section aria-labelledby="{{ p.anker }}">
<h2 id="{{ p.anker }}">{{ p.naam }}</h2>
<p>{% if p.overzicht %}Regio-overzicht van de provincie (de opgave verdeeld over al haar gemeenten):
{% for tekst, link in p.overzicht.links %}<a href="{{ link }}">{{ tekst }}</a>{% if not loop.last %} · {% endif %}{% endfor %}
{% if p.overzicht.status == "mislukt" %}<span class="mislukt">mislukt</span>{% endif %}{% else %}Geen regio-overzicht van de provincie in deze map.{% endif %}
De factsheets en VHP-hoofdstukken van haar gemeenten staan in <a href="#nederland">de tabel bij de kaart</a>; ze komen
uit de run van hun centrumregio.</p>
<table><caption class="verborgen">Centrumregio's met gemeenten in {{ p.naam }}</caption>
<thead><tr><th scope="col">centrumregio</th><th scope="col">status</th><th scope="col">tekort per jaar (midden)</th>
<th scope="col">claim (midden)</th><th scope="col">rapport</th></tr></thead>
<tbody>{% for r in p.regios %}<tr><th scope="row">{{ r.naam }}</th>
<td>{% if r.run %}<span class="{{ r.run.status }}">{{ r.run.status_tekst }}</span>{% else %}niet in deze map{% endif %}</td>
{% for cijfer in ((r.run.tekort, r.run.claim) if r.run else ({}, {})) %}<td class="getal">{{ cijfer.tekst }}{% if cijfer.herkomst %}
<span class="herkomst">{{ cijfer.teken }} {{ cijfer.herkomst }}</span>{% endif %}</td>{% endfor %}
<td>{% if r.run %}{% for tekst, link in r.run.links %}<a href="{{ link }}">{{ tekst }}</a>{% if not loop.last %} · {% endif %}{% endfor %}{% endif %}</td>
</tr>{% endfor %}</tbody></table>
</section>
{% endfor %}
</main>
<p class="voet">Gemaakt met woonzorg {{ versie }}. Een centrumregio die over een provinciegrens loopt staat bij elke
provincie waarin zij gemeenten heeft; haar rapport en verdeling gaan over de hele centrumregio.</p>
</body></html>
"""

# The national map beside its table: side by side from 60rem, the map staying in view while the table scrolls;
# stacked on a narrow screen; in print the map on its own page, then the table (its head repeated on every page).
LANDSTIJL = """
body { max-width: 80rem; }
.land { display: flex; gap: 1.5rem; align-items: flex-start; }
.land-kaart { flex: 1 1 55%; margin: 0; position: sticky; top: .5rem; }
.land-kaart img { width: 100%; height: auto; max-height: calc(100vh - 5rem); object-fit: contain; }
.land-kaart figcaption, p.uitleg { font-size: .85rem; color: #333; }
.land-tabel { flex: 1 1 45%; } .land-tabel td:last-child { white-space: nowrap; } .land-tabel caption { text-align: left; font-weight: bold; padding: .3rem 0; }
th.groep { background: #dde3ea; color: #1b1b1b; }
tbody th[scope="row"] { background: none; color: #1b1b1b; font-weight: normal; border-bottom: 1px solid #dde3ea;
  vertical-align: top; }
@media (max-width: 60rem) { .land { display: block; } .land-kaart { position: static; }
  .land-tabel td:last-child { white-space: normal; } }
@media print {
  @page { size: A4; margin: 1.5cm; }
  body { max-width: none; margin: 0; } .land { display: block; }
  .land-kaart { position: static; break-after: page; } .land-kaart img { max-height: 24cm; }
  thead { display: table-header-group; } tr { break-inside: avoid; } a { color: #1b1b1b; }
}
"""


def _run(uitvoer: Path, sleutel: str) -> dict | None:
    map_ = uitvoer / sleutel
    if not ((map_ / MANIFEST).is_file() or (map_ / MISLUKT).is_file()):
        return None
    return rij(map_, None, None)


def schrijf_overzicht(uitvoer: Path) -> Path:
    """Write ``landelijk.html``: the national map and table of every gemeente (its claim, factsheet and VHP chapter,
    each linked once), then every province with its overview and its centrumregio's."""
    per_provincie = []
    centra: dict[str, Regio] = centrumregios()
    for sleutel, provincie in provincies().items():
        leden = set(provincie.gemeentecodes)
        regios = [{"naam": regio.naam, "run": _run(uitvoer, k)} for k, regio in centra.items()
                  if leden & set(regio.gemeentecodes)]
        per_provincie.append({"naam": provincie.naam, "anker": sleutel, "overzicht": _run(uitvoer, sleutel),
                              "regios": regios})
    gemeenten, jaren = landkaart.gemeenten(uitvoer)
    kaart, alt = landkaart.kaart(gemeenten, jaren)
    bladen = sum(any(t == "factsheet" for t, _, _ in g.links) for rijen in gemeenten.values() for g in rijen)
    html = Environment(autoescape=True).from_string(OVERZICHT_SJABLOON).render(
        provincies=per_provincie, regios=len(centra), bladen=bladen, stijl=STIJL + LANDSTIJL, aantal=aantal,
        versie=__version__, bijgewerkt=datetime.now().strftime("%d-%m-%Y %H:%M"), gemeenten=gemeenten, kaart=kaart,
        alt=alt, jaren="/".join(map(str, jaren)) or "peiljaar", uitleg=UITLEG_TEKENS, bronnen=landkaart.bronnen(gemeenten))
    pad = uitvoer / OVERZICHT
    schrijf_atomisch(pad, html)
    return pad


def landelijke_batch(uitvoer: Path, provincie: str | None, parallel: int = 2, opnieuw: bool = False,
                     console: Console | None = None, verse_kernel: bool = False) -> tuple[list[Resultaat], Path, Path]:
    """Run the national (or provincial) batch; return the results, index.html and landelijk.html."""
    from woonzorg_lib.runner.batch import batch

    bestanden = parameterbestanden(uitvoer, provincie)
    resultaten, index = batch(bestanden, uitvoer, parallel, opnieuw, console, verse_kernel, een_regio=False)
    return resultaten, index, schrijf_overzicht(uitvoer)


__all__: Sequence[str] = ("landelijke_batch", "parameterbestanden", "schrijf_overzicht", "selectie")
