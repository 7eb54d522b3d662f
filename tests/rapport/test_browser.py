"""What the stakeholder sees: the report in headless Chromium, offline, with every chart shown."""

import pytest

from tests.axe import CHROMIUM, browser
from woonzorg_lib.rapport.export import exporteer_html
from woonzorg_lib.rapport.hoofdstukken.inhoud import INHOUD

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")


def test_report_renders_with_its_charts_and_contents(uitgevoerd, tmp_path):
    nb, parameters = uitgevoerd["woonzorganalyse"]
    pagina = tmp_path / "rapport.html"
    pagina.write_text(exporteer_html(nb, parameters), encoding="utf-8")
    verzoeken: list[str] = []
    with browser() as chromium:
        tab = chromium.new_page(viewport={"width": 1100, "height": 900})
        tab.on("request", lambda r: verzoeken.append(r.url))
        tab.goto(pagina.as_uri(), wait_until="load")
        getoond = tab.evaluate(
            "Array.from(document.images).filter(i => i.complete && i.naturalWidth > 0 && i.offsetHeight > 0).length"
        )
        inhoud = tab.locator("nav.wz-inhoud a").all_inner_texts()
        titel = tab.locator("header.wz-titel h1").inner_text()
        tab.screenshot(path=str(tmp_path / "rapport.png"), full_page=True)
    assert getoond >= 7, "every chart is decoded and laid out"  # no current-load chart without a current load
    assert inhoud[0] == "1. Bestuurlijke samenvatting" and len(inhoud) == len(INHOUD["woonzorganalyse"])
    assert titel == "Woonzorganalyse"
    assert [u for u in verzoeken if not u.startswith(("file:", "data:"))] == [], "the page loads nothing from the network"
    assert (tmp_path / "rapport.png").stat().st_size > 100_000
