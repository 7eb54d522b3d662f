"""The accessibility statement beside the index: what was checked, how, and what is known not to meet the norm.

Dutch public bodies publish an accessibility statement per website or document set
(Besluit digitale toegankelijkheid overheid; WCAG 2.1 AA through EN 301 549). The statement
claims only what the batch checks itself; a full manual audit is the publisher's to commission.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment

from woonzorg_lib import __version__
from woonzorg_lib.runner.uitvoeren import schrijf_atomisch

VERKLARING = "toegankelijkheid.html"

SJABLOON = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Toegankelijkheidsverklaring — woonzorganalyses</title>
<style>{{ stijl | safe }} main { max-width: 48rem; } li { margin-bottom: .3rem; }</style></head><body>
<header><h1>Toegankelijkheidsverklaring</h1>
<p><a href="./index.html">Terug naar het overzicht van de rapporten</a></p></header>
<main>
<p>Deze verklaring geldt voor de rapporten, de factsheets per gemeente en het overzicht in deze map: de
HTML-pagina's en de PDF-versies van rapporten en factsheets, gemaakt met woonzorg {{ versie }}. De norm is WCAG 2.1 op niveau AA (EN 301 549), zoals het Besluit
digitale toegankelijkheid overheid die voor overheidsorganisaties voorschrijft.</p>

<h2>Wat is gecontroleerd</h2>
<ul>
<li>Elke pagina die een batch maakt, wordt in de testomgeving automatisch gecontroleerd met axe-core in een
browser zonder scherm, op alle regels voor WCAG 2.0 en 2.1 niveau A en AA. Er mogen geen overtredingen zijn.</li>
<li>Elke pagina heeft de taal Nederlands en een eigen titel; koppen en tabelkoppen zijn als zodanig gemarkeerd
(kolom- en rijkoppen).</li>
<li>De kleuren van de grafieken en de klassekleuren van de kaarten hebben minstens 3:1 contrast met de witte
achtergrond (criterium 1.4.11); reeksen verschillen ook in arcering of lijnstijl, en op een kaart heeft elke gemeente
een donkere rand en staat haar naam erin, zodat kleur nooit de enige drager is. Afgeschermde gemeenten en gemeenten
zonder gegevens hebben geen klassekleur maar een eigen arcering.</li>
<li>Elke grafiek heeft een kort tekstalternatief (haar titel) en staat naast een tabel met dezelfde cijfers, zodat
een grafiek nooit de enige drager van een cijfer is.</li>
<li>De pagina's laden niets van internet: geen scripts, lettertypen of stylesheets van buiten.</li>
<li>De PDF's zijn uit dezelfde HTML gemaakt (WeasyPrint) als getagde PDF volgens PDF/UA-1: met structuur (koppen,
tabellen met kopcellen, figuren met tekstalternatief), taal Nederlands, documenttitel en bladwijzers. De test leest
de structuur, de taal en de titel van elke PDF en controleert dat geen tabel of woord buiten de pagina valt.</li>
<li>Kaarten tonen nooit als enige een cijfer: naast elke kaart staat een tabel met dezelfde cijfers, en
afgeschermde gemeenten zijn gearceerd, niet gekleurd.</li>
</ul>

<h2>Wat (nog) niet voldoet of niet is onderzocht</h2>
<ul>
<li>Een automatische controle vindt niet alle problemen. Een volledig onderzoek door een deskundige
(handmatige toetsing aan alle succescriteria) is niet gedaan. Daarom is de status hieronder
‘eerste maatregelen genomen’.</li>
<li>Grafieken zijn afbeeldingen (kaarten als vectorafbeelding): de tekst erin is niet als tekst te selecteren.
De tabel naast elke grafiek en kaart bevat dezelfde cijfers als tekst.</li>
<li>Brede tabellen zijn op een klein scherm horizontaal te verschuiven (met het toetsenbord bereikbaar); in de PDF
staat een brede tabel op een liggende pagina.</li>
<li>De PDF's zijn niet met een PDF/UA-validator (zoals PAC) gecontroleerd.</li>
</ul>

<h2>Status</h2>
<p>Eerste maatregelen genomen: een deel van de toegankelijkheidseisen is automatisch gecontroleerd; een
volledig onderzoek moet de publicerende organisatie nog laten doen.</p>

<h2>Een probleem melden</h2>
<p>Kunt u een onderdeel niet lezen of gebruiken? Neem dan contact op met de organisatie die deze rapporten
publiceert (de regio of gemeente die ze u toestuurde). Zij kan u de cijfers in een andere vorm geven; de
cijfers staan ook in <code>tabellen.xlsx</code> en <code>kerncijfers-excel.csv</code> (opent goed in een Nederlandse
Excel; <code>kerncijfers.csv</code> is dezelfde tabel voor programma's) bij elk rapport.</p>
</main>
</body></html>
"""


def verklaring(stijl: str) -> str:
    """The statement as one offline HTML page, in the index's house style."""
    return Environment(autoescape=True).from_string(SJABLOON).render(stijl=stijl, versie=__version__)


def schrijf_verklaring(uitvoer: Path, stijl: str) -> Path:
    """Write the statement beside the index; an unchanged statement is left alone (a no-op batch touches nothing)."""
    pad = uitvoer / VERKLARING
    tekst = verklaring(stijl)
    if not pad.is_file() or pad.read_text(encoding="utf-8") != tekst:
        schrijf_atomisch(pad, tekst)
    return pad
