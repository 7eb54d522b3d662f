"""The explorer as a web page (Voilà): started as 'make verkenner' starts it, opened in headless Chromium, offline,
in Dutch and without code; a slider moved in the browser gives the figure the report computes. A burst of page
requests that never open their websocket leaves no kernels behind."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from tests.conftest import PARAMETERS
from woonzorg_lib.analyse.doorrekenen import analyseer
from woonzorg_lib.analyse.parameters import lees_parameterbestand
from woonzorg_lib.rapport.verkenner import kerncijfers
from woonzorg_lib.runner.webapp import SJABLOONMAP

CHROMIUM = "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else shutil.which("chromium")
ARGUMENTEN = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--no-first-run"]
OPSTARTEN_S = 90  # Voilà answering on its port
GELADEN_MS = 180_000  # kernel started and the explorer drawn (two cores shared with other work)

met_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def verkenner_server(tmp_path: Path) -> Iterator[tuple[str, Path, subprocess.Popen]]:
    """'woonzorg verkenner PARAMETERS.yaml --poort N' (what make verkenner runs); always stopped, bounded waits."""
    poort = _vrije_poort()
    bestand = PARAMETERS / "ijmond.yaml"
    log = (tmp_path / "voila.log").open("w")
    proces = subprocess.Popen([str(Path(sys.executable).parent / "woonzorg"), "verkenner", str(bestand),
                               "--poort", str(poort)], stdout=log, stderr=subprocess.STDOUT,
                              start_new_session=True)
    try:
        einde = time.monotonic() + OPSTARTEN_S
        while True:
            if proces.poll() is not None:
                pytest.fail(f"Voilà stopped: {(tmp_path / 'voila.log').read_text()[-3000:]}")
            try:
                socket.create_connection(("127.0.0.1", poort), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > einde:
                    pytest.fail(f"Voilà did not answer within {OPSTARTEN_S} s")
                time.sleep(0.5)
        yield f"http://127.0.0.1:{poort}/", bestand, proces
    finally:
        try:
            os.killpg(proces.pid, signal.SIGTERM)  # Voilà and the kernel it started
            proces.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proces.pid, signal.SIGKILL)
            proces.wait(timeout=10)
        log.close()


@met_chromium
def test_the_web_explorer_follows_a_slider_offline_in_dutch_without_code(verkenner_server, tmp_path):
    from playwright.sync_api import sync_playwright

    adres, bestand, _ = verkenner_server
    parameters = lees_parameterbestand(bestand).parameters
    verwacht_start = kerncijfers(analyseer(parameters))["tekort_midden"]
    stappen = 4  # the agreed share is on a grid of 0,5 percentage point
    nieuw = parameters.model_copy(update={"aandeel_verhuringen_aandachtsgroepen": 0.10 + stappen * 0.005})
    verwacht_nieuw = kerncijfers(analyseer(nieuw))["tekort_midden"]
    assert verwacht_nieuw != verwacht_start
    buiten: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGUMENTEN)
        try:
            tab = browser.new_page(viewport={"width": 1200, "height": 1000})
            tab.route("**/*", lambda route: route.continue_() if route.request.url.startswith(adres)
                      else (buiten.append(route.request.url), route.abort()))
            tab.goto(adres, wait_until="domcontentloaded", timeout=GELADEN_MS)
            tekort = tab.locator(".wz-tekort")
            tekort.wait_for(timeout=GELADEN_MS)
            assert tekort.inner_text() == verwacht_start
            claim_voor = tab.locator("img").first.get_attribute("src")
            schuif = tab.locator(".widget-slider", has_text="Aandeel verhuringen").locator(".noUi-handle")
            schuif.focus()
            for _ in range(stappen):
                schuif.press("ArrowRight")
            tab.wait_for_function(
                "verwacht => document.querySelector('.wz-tekort').innerText === verwacht", arg=verwacht_nieuw,
                timeout=60_000)
            claim_na = tab.locator("img").first.get_attribute("src")
            placeholder = tab.evaluate("""() => new Promise(klaar => {
                const knoop = document.body.appendChild(document.createElement('div'));
                knoop.textContent = 'Loading widget...';  // what Voila's widget manager writes while it loads
                requestAnimationFrame(() => klaar(knoop.textContent));
            })""")
            tekst = tab.locator("body").inner_text()
            taal = tab.locator("html").get_attribute("lang")
            titel = tab.title()
            tab.screenshot(path=str(tmp_path / "verkenner.png"), full_page=True)
        finally:
            browser.close()
    assert claim_na != claim_voor, "the chart was redrawn"
    assert placeholder == "Onderdeel wordt geladen…", "Voilà's English placeholder is shown in Dutch"
    assert buiten == [], "the page loads nothing from outside the explorer's own server"
    assert taal == "nl" and titel == "Verkenner woonzorganalyse"
    assert "Verkenner.uit_notebook" not in tekst and "import" not in tekst, "no code on the page"
    assert "IJmond" in tekst and "Aandeel verhuringen" in tekst
    assert "12,0%" in tekst and "6,96%" in tekst, "the sliders read out in Dutch notation, with the exact value"


def _kernels(proces: subprocess.Popen) -> int:
    """The kernel processes the explorer's server started (its descendants running ipykernel)."""
    aantal = 0
    for kind in psutil.Process(proces.pid).children(recursive=True):
        try:
            aantal += any("ipykernel" in deel for deel in kind.cmdline())
        except psutil.Error:  # a kernel that stopped while we counted
            pass
    return aantal


def _laat_vallen(adres: str, wacht_s: float) -> None:
    """A page request that gives up after ``wacht_s`` seconds (or reads the whole page) and never opens a websocket."""
    try:
        with urllib.request.urlopen(adres, timeout=wacht_s) as antwoord:
            antwoord.read()
    except OSError:  # timed out, refused (503) or cut off: what a polling client shrugs at
        pass


BURST = 50
POLLEN_S = 2  # the polling client of the issue: a 2-second timeout, a new request every 0,1 s
MAX_KERNELS = 3  # woonzorg_lib.runner.verkennerserver.MAX_KERNELS, counted from outside
ANTWOORD_S = 10


def test_a_burst_of_page_requests_without_websocket_leaves_at_most_a_few_kernels(verkenner_server, tmp_path):
    adres, _, proces = verkenner_server
    verzoeken = [threading.Thread(target=_laat_vallen, args=(adres, POLLEN_S)) for _ in range(BURST)]
    for verzoek in verzoeken:
        verzoek.start()
        time.sleep(0.1)
    for verzoek in verzoeken:
        verzoek.join(timeout=60)
    assert not any(v.is_alive() for v in verzoeken)
    time.sleep(3)  # a kernel whose request closed is stopped at once; give the server a moment
    na_burst = _kernels(proces)
    begin = time.monotonic()
    with urllib.request.urlopen(adres, timeout=ANTWOORD_S) as antwoord:
        pagina = antwoord.read().decode("utf-8")
    duur = time.monotonic() - begin
    assert na_burst <= MAX_KERNELS, f"{na_burst} kernels alive after a burst of {BURST} requests"
    assert duur < ANTWOORD_S, f"the page after the burst took {duur:.1f} s"
    assert '<html lang="nl">' in pagina and "application/vnd.jupyter.widget-view+json" in pagina
    assert _kernels(proces) <= MAX_KERNELS
    log = (tmp_path / "voila.log").read_text(encoding="utf-8")
    assert log.strip().splitlines() == [f"De verkenner staat op {adres} (alleen lezen, zonder code). Stop met Ctrl-C."], \
        "the terminal shows only the Dutch line: no Voilà, kernel or asyncio warning"


def test_the_template_translates_the_placeholder_voilas_widget_manager_writes():
    """The template's Dutch table is keyed on the exact English strings of the installed Voilà's widget manager."""
    sjabloon = (SJABLOONMAP / "voila" / "templates" / "woonzorg" / "index.html.j2").read_text(encoding="utf-8")
    bundels = Path(sys.prefix, "share", "jupyter", "voila", "labextensions", "@voila-dashboards").glob(
        "widgets-manager*/static/*.js")
    voila_js = "".join(b.read_text(encoding="utf-8", errors="replace") for b in bundels)
    for engels in ("Loading widget...", "Error displaying widget: model not found"):
        assert engels in voila_js, f"Voilà no longer writes {engels!r}: update the template's table"
        assert f'"{engels}":' in sjabloon
