"""The VHP chapter as a web page beside the factsheet (and, printed by the same engine, as PDF)."""

from __future__ import annotations

import base64
import datetime as dt

from jinja2 import Environment

from woonzorg_lib import __version__
from woonzorg_lib.algemeen.opmaak import datum
from woonzorg_lib.rapport.factsheet import bestandsnaam as factsheetnaam
from woonzorg_lib.rapport.vhp.blokken import Alinea, Figuur, Hoofdstuk, Kop, Lijst, Tabel

SJABLOON = """<!DOCTYPE html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ h.titel }}</title>
<style>
  @page { size: A4; margin: 14mm 13mm 16mm; @bottom-right { content: "pagina " counter(page) " van " counter(pages); font-size: 8pt; font-family: "DejaVu Sans", Arial, sans-serif; } }
  body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1b1b1b; max-width: 52rem; margin: 1rem auto; padding: 0 1rem; font-size: .9rem; line-height: 1.4; }
  h1 { color: #1F4E79; font-size: 1.5rem; border-bottom: 4px solid #1F4E79; padding-bottom: .3rem; }
  h2 { color: #1F4E79; font-size: 1.1rem; margin: 1.1rem 0 .3rem; border-bottom: 1px solid #c8d3e0; }
  table { border-collapse: collapse; width: 100%; font-size: .8rem; margin: .3rem 0 .6rem; }
  caption { text-align: left; font-weight: bold; padding-bottom: .2rem; }
  th, td { border-bottom: 1px solid #dde3ea; padding: .15rem .35rem; text-align: left; vertical-align: top; }
  tbody td:first-child { hyphens: auto; }  /* a long region name in a row label breaks, Dutch hyphenation */
  thead th { background: #1F4E79; color: #fff; }
  td.getal { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  tr.totaal { font-weight: bold; background: #f3f6fa; }
  p.nadruk { border-left: 4px solid #1F4E79; padding-left: .5rem; font-weight: bold; }
  figure { margin: .5rem 0; } figure img { max-width: 100%; height: auto; } figcaption { font-size: .8rem; color: #444; }
  .meta, footer { color: #444; font-size: .8rem; } a { color: #1F4E79; }
  @media print { body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; } nav { display: none; }
    table, .meta, footer, figcaption { font-size: 9pt; } tr { break-inside: avoid; } h2 { break-after: avoid; } }
</style></head>
<body>
<nav aria-label="Verder lezen"><p class="meta"><a href="./{{ factsheet }}">Factsheet van {{ h.gemeente }}</a> ·
<a href="./rapport.html">Het rapport van {{ h.deelregio }}</a> · <a href="../index.html">Alle rapporten</a></p></nav>
<main>
{% for b in blokken %}{% if b.soort == "kop" %}<h{{ b.blok.niveau }}>{{ b.blok.tekst }}</h{{ b.blok.niveau }}>
{% elif b.soort == "alinea" %}<p{% if b.blok.nadruk %} class="nadruk"{% endif %}>{{ b.blok.tekst }}</p>
{% elif b.soort == "lijst" %}<ul>{% for punt in b.blok.punten %}<li>{{ punt }}</li>{% endfor %}</ul>
{% elif b.soort == "tabel" %}<table><caption>{{ b.blok.bijschrift }}</caption>
<thead><tr>{% for k in b.blok.kolommen %}<th scope="col">{{ k }}</th>{% endfor %}</tr></thead>
<tbody>{% for rij in b.blok.rijen %}{% set r = loop.index0 %}<tr{% if r in b.blok.totaal %} class="totaal"{% endif %}>{% for cel in rij %}<td{% if loop.index0 in b.blok.getallen %} class="getal"{% endif %}>{{ cel }}</td>{% endfor %}</tr>{% endfor %}</tbody></table>
{% elif b.soort == "figuur" %}<figure><img src="data:image/png;base64,{{ b.png }}" alt="{{ b.blok.alt }}"><figcaption>{{ b.blok.bijschrift }}</figcaption></figure>
{% endif %}{% endfor %}
</main>
<footer><p>Gemaakt op {{ datum }} met woonzorg {{ versie }}.</p></footer>
</body></html>
"""
_SJABLOON = Environment(autoescape=True).from_string(SJABLOON)
_SOORT = {Kop: "kop", Alinea: "alinea", Lijst: "lijst", Tabel: "tabel", Figuur: "figuur"}


def html(hoofdstuk: Hoofdstuk, vandaag: dt.date | None = None) -> str:
    """The chapter as one self-contained HTML page."""
    blokken = [{"soort": _SOORT[type(b)], "blok": b,
                "png": base64.b64encode(b.png).decode("ascii") if isinstance(b, Figuur) else ""}
               for b in hoofdstuk.blokken]
    return _SJABLOON.render(h=hoofdstuk, blokken=blokken, datum=datum(vandaag or dt.date.today()), versie=__version__,
                            factsheet=factsheetnaam(hoofdstuk.gemeentecode, hoofdstuk.gemeente))
