"""outputs/index.html: every run with its key figures (each with its tier) and files, for stakeholders; the batch's
status, messages and durations in a collapsed technical section (a failed run also in the main table). Offline, escaped."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment

from woonzorg_lib import __version__
from woonzorg_lib.algemeen.opmaak import aantal, getal, procent
from woonzorg_lib.rapport.stijl import TEKENS, UITLEG_TEKENS
from woonzorg_lib.runner.toegankelijkheid import VERKLARING, schrijf_verklaring
from woonzorg_lib.runner.uitvoeren import MANIFEST, MISLUKT, schrijf_atomisch
from woonzorg_lib.runner.vhp import bijlage_links, vhp_links

STIJL = """
body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 70rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
h1 { color: #1F4E79; border-bottom: 4px solid #1F4E79; padding-bottom: .4rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th { background: #1F4E79; color: #fff; text-align: left; padding: .35rem .6rem; }
td { border-bottom: 1px solid #dde3ea; padding: .35rem .6rem; vertical-align: top; }
td.getal { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.geslaagd { color: #0b6e2f; font-weight: bold; } .mislukt { color: #a40000; font-weight: bold; }
.overgeslagen { color: #555; font-weight: bold; } .melding { color: #a40000; font-size: .85rem; }
p.voet { font-size: .8rem; color: #555; margin-top: 2rem; }
a { color: #1F4E79; }
ul.factsheets { columns: 3 14rem; padding-left: 1.2rem; }
h2 { color: #1F4E79; margin-top: 2rem; } h3 { margin-bottom: .3rem; }
.herkomst { display: block; font-size: .8rem; color: #555; }
details.techniek { margin-top: 2rem; } details.techniek summary { cursor: pointer; color: #1F4E79; font-weight: bold; }
.verborgen { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
"""

SJABLOON = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Woonzorganalyses — overzicht</title>
<style>{{ stijl | safe }}</style></head><body>
<header><h1>Woonzorganalyses</h1>
<p>{{ aantal(runs|length, "rapport", "rapporten") }} · bijgewerkt {{ bijgewerkt }}</p>
{% if aantallen.mislukt %}<p class="mislukt">Let op: {{ aantal(aantallen.mislukt, "rapport kon", "rapporten konden") }}
niet worden bijgewerkt; de reden staat in de tabel en onder 'Technische gegevens van de batch'.</p>{% endif %}
</header>
<main>
<table>
<caption class="verborgen">Rapporten met hun kerncijfers (met herkomst) en bestanden</caption>
<thead><tr><th scope="col">rapport</th><th scope="col">gebied</th>
<th scope="col">vraag aandachtsgroepen per jaar (laag – midden – hoog)</th><th scope="col">omvat</th>
<th scope="col">tekort per jaar (midden)</th><th scope="col">claim (midden)</th>
<th scope="col">bestanden</th></tr></thead>
<tbody>
{% for run in runs %}<tr>
<th scope="row">{{ run.naam }}{% if run.melding %}<div class="melding">{{ run.melding }}</div>{% endif %}</th><td>{{ run.gebied }}</td>
{% for cijfer in (run.vraag, run.tekort, run.claim) %}<td class="getal">{{ cijfer.tekst }}{% if cijfer.herkomst %}
<span class="herkomst">{{ cijfer.teken }} {{ cijfer.herkomst }}</span>{% endif %}</td>{% if loop.first %}<td>{{ run.dekking }}</td>{% endif %}{% endfor %}
<td>{% for tekst, link in run.links %}<a href="{{ link }}">{{ tekst }}</a>{% if not loop.last %} · {% endif %}{% endfor %}</td>
</tr>{% endfor %}
</tbody></table>
{% if factsheets %}
<h2>Factsheets en VHP-hoofdstukken per gemeente</h2>
<p>{{ aantal(factsheets.values()|map("length")|sum, "factsheet", "factsheets") }}: één pagina per gemeente, uit dezelfde
run als het rapport van haar deelregio.</p>
{% for deelregio, bladen in factsheets.items() %}
<h3>{{ deelregio }}</h3>
<ul class="factsheets">{% for blad in bladen %}<li><a href="{{ blad.link }}">{{ blad.gemeente }}</a>{% for tekst, link in blad.extra %} (<a href="{{ link }}" aria-label="{{ blad.gemeente }}: {{ tekst }}">{{ tekst }}</a>){% endfor %}</li>{% endfor %}</ul>
{% endfor %}
{% endif %}
<details class="techniek"><summary>Technische gegevens van de batch</summary>
<p>{{ aantallen.geslaagd }} geslaagd · {{ aantallen.overgeslagen }} ongewijzigd overgeslagen · {{ aantallen.mislukt }}
mislukt.</p>
<table>
<caption class="verborgen">Status en duur van elke run van de batch</caption>
<thead><tr><th scope="col">rapport</th><th scope="col">status</th><th scope="col">melding</th><th scope="col">duur</th>
<th scope="col">logboek</th></tr></thead>
<tbody>
{% for run in runs %}<tr><th scope="row">{{ run.naam }}</th><td><span class="{{ run.status }}">{{ run.status_tekst }}</span></td>
<td>{{ run.melding }}</td><td class="getal">{{ run.duur }}</td>
<td>{% for tekst, link in run.logboek %}<a href="{{ link }}">{{ tekst }}</a>{% endfor %}</td></tr>{% endfor %}
</tbody></table>
</details>
<p class="voet">Aantallen afgerond op vijftallen, voor het peiljaar van elk rapport. Groepen zonder gegevens tellen
niet mee (niet als 0): de kolom 'omvat' zegt welk deel van de 11 aandachtsgroepen de vraag dekt. {{ uitleg }}
Gemaakt met woonzorg {{ versie }}.</p>
</main>
<footer><p class="voet"><a href="./{{ verklaring }}">Toegankelijkheidsverklaring</a></p></footer>
</body></html>
"""

STATUS = {"geslaagd": "geslaagd", "overgeslagen": "ongewijzigd", "mislukt": "mislukt"}


# What a stakeholder opens: the Excel CSV opens right in a Dutch Excel, the plain CSV is for programs.
LINKS = (("rapport", "rapport.html"), ("PDF", "rapport.pdf"), ("tabellen", "tabellen.xlsx"),
         ("kerncijfers voor Excel", "kerncijfers-excel.csv"), ("kerncijfers (machineleesbaar)", "kerncijfers.csv"))
SAMENVATTING = ("vraag_laag", "vraag_midden", "vraag_hoog", "tekort_midden", "claim_midden")


def _lees(pad: Path) -> dict | None:
    """A run record: {} when there is none, None when it is damaged (then the index says so and goes on)."""
    if not pad.is_file():
        return {}
    try:
        inhoud = json.loads(pad.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    return inhoud if isinstance(inhoud, dict) else None


def _getal(waarde: object) -> float:
    return float(waarde) if isinstance(waarde, int | float) and not isinstance(waarde, bool) else 0.0


def _link(map_: str, bestand: str) -> str:
    """A relative link to a file the batch wrote: percent-encoded and starting with './', so a folder name
    can never become another scheme (javascript:), a fragment (#) or a query.

    >>> _link("javascript:alert(1)", "rapport.html"), _link("a#b", "x.csv")
    ('./javascript%3Aalert%281%29/rapport.html', './a%23b/x.csv')
    """
    return f"./{quote(map_, safe='')}/{quote(bestand, safe='')}"


def _dekking(dekking: dict | None) -> str:
    """What a run's demand covers, in words: '5 van de 11 aandachtsgroepen'."""
    if not dekking:
        return ""
    tekst = f"{dekking['met_gegevens']} van de {dekking['aandachtsgroepen']} aandachtsgroepen"
    return tekst + (f" ({len(dekking['gedeeltelijk'])} gedeeltelijk)" if dekking["gedeeltelijk"] else "")


def _cijfer(tekst: str, kern: dict, deel: str) -> dict[str, str]:
    """A key figure with its tier as the run's samenvatting.json gives it; a record without one invents none."""
    herkomst = kern.get("herkomst")
    soort = herkomst.get(deel) if isinstance(herkomst, dict) else None
    soort = soort if soort in TEKENS else ""
    return {"tekst": tekst, "herkomst": soort, "teken": TEKENS.get(soort, "")}


def _factsheet_geldig(blad: object, map_: Path) -> bool:
    """A factsheet entry of a run record that names a file of the run (a damaged record lists nothing)."""
    return (isinstance(blad, dict) and all(isinstance(blad.get(k), str) for k in ("gemeente", "deelregio", "bestand"))
            and Path(blad["bestand"]).name == blad["bestand"] and (map_ / blad["bestand"]).is_file())


def rij(map_: Path, status: str | None = None, duur: float | None = None) -> dict:
    """One row of the index from a run's folder: its manifest and, if newer, its failure."""
    manifest, mislukt = _lees(map_ / MANIFEST), _lees(map_ / MISLUKT)
    beschadigd = [b for b, inhoud in ((MANIFEST, manifest), (MISLUKT, mislukt)) if inhoud is None]
    manifest, mislukt = manifest or {}, mislukt or {}
    kern = manifest.get("samenvatting")
    kern = kern if isinstance(kern, dict) and all(k in kern for k in SAMENVATTING) else {}
    status = status or ("mislukt" if mislukt or beschadigd else "geslaagd")
    links = [(t, _link(map_.name, b)) for t, b in LINKS if (map_ / b).is_file()]
    logboek = [("mislukt notebook", _link(map_.name, "mislukt.ipynb"))] if (map_ / "mislukt.ipynb").is_file() else []
    melding = str(mislukt.get("melding", "")) if status == "mislukt" else ""
    if beschadigd:
        melding = (f"{' en '.join(beschadigd)} in deze map is beschadigd; draai deze run opnieuw met --opnieuw. "
                   + melding).strip()
    if melding and (map_ / "rapport.html").is_file():
        melding += " Het rapport hiernaast is de vorige geslaagde versie."
    vhp = vhp_links(kern, map_)
    factsheets = [{"gemeente": str(f["gemeente"]), "gemeentecode": str(f.get("gemeentecode", "")),
                   "deelregio": str(f["deelregio"]), "link": _link(map_.name, f["bestand"]),
                   "extra": ([("PDF", _link(map_.name, Path(f["bestand"]).with_suffix(".pdf").name))]
                             if (map_ / Path(f["bestand"]).with_suffix(".pdf").name).is_file() else [])
                   + vhp.get(str(f.get("gemeentecode")), [])}
                  for f in (kern.get("factsheets") if isinstance(kern.get("factsheets"), list) else [])
                  if _factsheet_geldig(f, map_)]
    links += bijlage_links(kern, map_)
    return {
        "factsheets": factsheets,
        "naam": map_.name,
        "gebied": kern.get("gebied", ""),
        "status": status,
        "status_tekst": STATUS[status],
        "melding": melding,
        "vraag": _cijfer(f"{getal(kern['vraag_laag'])} – {getal(kern['vraag_midden'])} – {getal(kern['vraag_hoog'])}"
                         if kern else "", kern, "vraag"),
        "dekking": _dekking(kern.get("dekking")),
        "tekort": _cijfer(getal(kern["tekort_midden"]) if kern else "", kern, "tekort"),
        "claim": _cijfer(procent(kern["claim_midden"]) if kern else "", kern, "claim"),
        "duur": f"{getal(duur if duur is not None else _getal(manifest.get('duur')), 1)} s",
        "links": links,
        "logboek": logboek,
    }


def schrijf_index(uitvoer: Path, statussen: dict[str, tuple[str, float]]) -> Path:
    """Write index.html for every run folder in ``uitvoer``; ``statussen`` holds what this batch did."""
    mappen = sorted(p for p in uitvoer.iterdir() if p.is_dir() and not p.name.startswith("."))
    rijen = [rij(m, *statussen.get(m.name, (None, None))) for m in mappen if (m / MANIFEST).is_file() or (m / MISLUKT).is_file()]
    aantallen = {s: sum(r["status"] == s for r in rijen) for s in STATUS}
    factsheets: dict[str, list[dict]] = {}
    for r in rijen:
        for blad in r["factsheets"]:
            factsheets.setdefault(blad["deelregio"], []).append(blad)
    html = Environment(autoescape=True).from_string(SJABLOON).render(
        runs=rijen, aantallen=aantallen, bijgewerkt=datetime.now().strftime("%d-%m-%Y %H:%M"), versie=__version__,
        stijl=STIJL, aantal=aantal, verklaring=VERKLARING, factsheets=factsheets, uitleg=UITLEG_TEKENS)
    pad = uitvoer / "index.html"
    schrijf_atomisch(pad, html)
    schrijf_verklaring(uitvoer, STIJL)
    return pad
