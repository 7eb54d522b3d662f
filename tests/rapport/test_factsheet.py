"""A factsheet per gemeente: the rows of kerncijfers.csv, hidden cells hidden, current load only when supplied."""

import re

import pytest

from tests.conftest import vul_invoer_in
from woonzorg_lib.algemeen.opmaak import getal, procent
from woonzorg_lib.analyse.invoerformat import schrijf_invoersjabloon
from woonzorg_lib.analyse.parameters import valideer_parameters
from woonzorg_lib.data.catalogus import laad_regio
from woonzorg_lib.model.doelgroepen import DOELGROEPEN
from woonzorg_lib.rapport.factsheet import factsheet, factsheets
from woonzorg_lib.rapport.hoofdstukken import Rapport


@pytest.fixture(scope="module")
def ijmond(tmp_path_factory):
    """IJmond with small local counts of urgenten (hidden by the pattern) and the current load entered."""
    pad = schrijf_invoersjabloon(valideer_parameters("woonzorganalyse", {"regio": "mra"}),
                                 tmp_path_factory.mktemp("fs") / "mra.xlsx")
    waarden = {("GM0375", "urgenten"): 6, ("GM0396", "urgenten"): 25, ("GM0450", "urgenten"): 3,
               ("GM0453", "urgenten"): 40}
    waarden |= {(c, "huidige_belasting"): 60 for c in laad_regio("mra").gemeentecodes}
    vul_invoer_in(pad, waarden, "Urgentiecommissie IJmond 2025")
    return Rapport.uit_notebook("woonzorganalyse", {"regio": "mra", "deelregio": "IJmond", "invoer": str(pad)})


def _rij(html: str, kop: str) -> list[str]:
    rij = re.search(rf"<th scope=\"row\">{re.escape(kop)}<sup>[\d,]+</sup></th>(.*?)</tr>", html, flags=re.S)
    assert rij, kop
    return re.findall(r"<td[^>]*>(.*?)</td>", rij.group(1))


def _tekst(waarde, procenten=False) -> str:
    if str(waarde) in (".", "n.b."):
        return str(waarde)
    return procent(float(waarde)) if procenten else getal(float(waarde))


@pytest.mark.parametrize("code", ["GM0375", "GM0453"])
def test_every_figure_is_the_row_of_kerncijfers(ijmond, code):
    kern, p = ijmond.kern, ijmond.p
    html = factsheet(ijmond.analyse, kern, code).html
    eigen = kern[(kern["gemeentecode"] == code) & (kern["scenario"] == p.scenario)]
    woningen = eigen[(eigen["indicator"] == "vraag_woningen")]
    for doelgroep in ("statushouders", "ex_gedetineerden"):
        cellen = _rij(html, DOELGROEPEN[doelgroep].naam)
        verwacht = [_tekst(w) for w in woningen[woningen["doelgroep"] == doelgroep].sort_values("jaar")["waarde"]]
        assert cellen[:len(verwacht)] == verwacht and len(verwacht) == p.doeljaar - p.peiljaar + 1
    claim = eigen[(eigen["indicator"] == "claim") & (eigen["jaar"] == p.peiljaar)]["waarde"].iloc[0]
    assert _rij(html, "Claim: vraag als deel van de verhuringen")[0] == _tekst(claim, procenten=True)
    taak = eigen[(eigen["indicator"] == "taakstelling_H1") & (eigen["jaar"] == p.peiljaar)]["waarde"].iloc[0]
    assert f"{p.peiljaar}-H1 <strong>{getal(float(taak))} personen</strong>" in html  # exact, not rounded
    share = eigen[eigen["indicator"] == "fair_share_regio: Naar inwoners"]["waarde"].iloc[0]
    assert _rij(html, "Fair share: Naar inwoners")[0] == _tekst(share)
    tekort = eigen[(eigen["indicator"] == "tekort") & (eigen["jaar"] == p.peiljaar)]["waarde"].iloc[0]
    assert _rij(html, "Tekort per jaar (negatief: overschot)")[0] == _tekst(tekort)


def test_hidden_cells_stay_hidden_and_the_current_load_is_the_protected_one(ijmond):
    kern = ijmond.kern
    uitgeest = factsheet(ijmond.analyse, kern, "GM0450").html
    urgenten = _rij(uitgeest, DOELGROEPEN["urgenten"].naam)
    verborgen = kern[(kern["gemeentecode"] == "GM0450") & (kern["doelgroep"] == "urgenten")
                     & (kern["indicator"] == "vraag_woningen") & (kern["scenario"] == ijmond.p.scenario)]
    assert set(verborgen["waarde"]) == {"."} and set(urgenten[:-2]) == {"."}
    assert "3" not in urgenten  # the entered count never shows
    belasting = kern[(kern["gemeentecode"] == "GM0450") & (kern["indicator"] == "huidige_belasting")]["waarde"].iloc[0]
    assert _rij(uitgeest, "Huidige belasting (invoerformat)")[0] == getal(float(belasting))
    assert "Huidige belasting: onbekend" not in uitgeest


def test_without_current_load_the_factsheet_says_it_is_unknown():
    rapport = Rapport.uit_notebook("woonzorganalyse", {"regio": "mra", "deelregio": "IJmond"})
    bladen = factsheets(rapport.analyse, rapport.kern)
    assert [b.gemeente for b in bladen] == ["Beverwijk", "Heemskerk", "Uitgeest", "Velsen"]
    for blad in bladen:
        assert "Huidige belasting: onbekend" in blad.html and "Huidige belasting (invoerformat)" not in blad.html
        assert re.fullmatch(r"factsheet-gm\d{4}-[a-z0-9-]+\.html", blad.bestand)
        assert '<html lang="nl">' in blad.html and f"<title>Factsheet woonzorganalyse — {blad.gemeente}</title>" in blad.html
        assert "Kaart: ligging van" in blad.html and "data:image/svg+xml;base64," in blad.html  # the locator map, inline


def test_names_on_a_factsheet_are_text(tmp_path):
    regio = tmp_path / "vijandig.yaml"
    regio.write_text("naam: '<script>alert(1)</script>'\ndeelregios:\n  - naam: '<img src=x onerror=alert(2)>'\n"
                     "    gemeenten: [GM0375, GM0396]\n", encoding="utf-8")
    rapport = Rapport.uit_notebook("woonzorganalyse", {"regio": str(regio)})
    html = factsheets(rapport.analyse, rapport.kern)[0].html
    assert "<script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.fixture(scope="module")
def zuid_kennemerland():
    return Rapport.uit_notebook("woonzorganalyse", {"regio": "mra", "deelregio": "Zuid-Kennemerland"})


def test_a_factsheet_that_shows_less_than_2_5_says_what_it_means(zuid_kennemerland):
    """Zandvoort's jeugdzorg row reads '< 2,5' in every year; the page explained '.' and 'n.b.' but not that."""
    from woonzorg_lib.model.onthulling import KLEIN

    zandvoort = factsheet(zuid_kennemerland.analyse, zuid_kennemerland.kern, "GM0473").html
    assert KLEIN.replace("<", "&lt;") in _rij(zandvoort, DOELGROEPEN["uitstroom_jeugdzorg"].naam)
    assert "afgerond op vijftallen; &#39;&lt; 2,5&#39; = meer dan 0, minder dan 2,5</caption>" in zandvoort
    haarlem = factsheet(zuid_kennemerland.analyse, zuid_kennemerland.kern, "GM0392").html
    assert "&lt; 2,5" not in haarlem and "meer dan 0, minder dan 2,5" not in haarlem


@pytest.mark.parametrize(("deelregio", "code"), [("Zuid-Kennemerland", "GM0473"), ("Amstelland-Meerlanden", "GM0394")])
def test_a_factsheet_prints_on_one_page(deelregio, code, tmp_path):
    """A separate line explaining '< 2,5' pushed Zandvoort's last source onto a second page; the three-line
    jeugdzorg source did that to Haarlemmermeer, Ouder-Amstel, Gooise Meren and Edam-Volendam."""
    from woonzorg_lib.rapport.pdf import maak_pdf

    rapport = Rapport.uit_notebook("woonzorganalyse", {"regio": "mra", "deelregio": deelregio})
    blad = factsheet(rapport.analyse, rapport.kern, code)
    pad = tmp_path / blad.bestand
    pad.write_text(blad.html, encoding="utf-8")
    assert maak_pdf(pad, pad.with_suffix(".pdf")) == 1


def test_a_gemeente_of_a_region_without_deelregios_names_its_region_once(ijmond):
    """A centrumregio has no deelregio's: its factsheet read 'deelregio Centrumregio Leiden · Centrumregio Leiden'
    and pointed to 'het rapport van de deelregio'; its VHP chapter 'de woonzorganalyse van Centrumregio Leiden, in
    Centrumregio Leiden'."""
    from woonzorg_lib.rapport.vhp.inhoud import hoofdstuk

    leiden = Rapport.uit_notebook("woonzorganalyse", {"regio": "centrumregio-leiden"})
    blad = " ".join(factsheet(leiden.analyse, leiden.kern, "GM0546").html.split())
    assert "Factsheet woonzorganalyse · Centrumregio Leiden · peiljaar" in blad
    assert "deelregio" not in blad and blad.count("apport van de regio") == 3  # link, introduction, footer
    hfd = hoofdstuk(leiden.analyse, leiden.kern, "GM0546").tekst()
    assert "De cijfers komen uit de woonzorganalyse van Centrumregio Leiden, dezelfde als in de factsheet en het " \
           "rapport van die regio." in hfd
    ij = " ".join(factsheet(ijmond.analyse, ijmond.kern, "GM0375").html.split())  # the MRA: a deelregio of a region
    assert "Factsheet woonzorganalyse · deelregio IJmond · Metropoolregio Amsterdam (MRA) · peiljaar" in ij
    assert ij.count("apport van de deelregio") == 3
    assert "woonzorganalyse van IJmond, in Metropoolregio Amsterdam (MRA)," in hoofdstuk(ijmond.analyse, ijmond.kern, "GM0375").tekst()
