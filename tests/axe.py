"""axe-core in Debian's headless Chromium: the automated WCAG 2.1 AA check of a page the batch wrote.

axe-core comes vendored in the PyPI package axe-playwright-python (a test dependency); the
browser is the system's chromium, never a downloaded one, and it loads nothing from the network.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WACHTTIJD_MS = 60_000  # every wait on the browser has a bound


@contextmanager
def browser() -> Iterator[Any]:
    """Headless Debian chromium through playwright, closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, timeout=WACHTTIJD_MS)
        try:
            yield chromium
        finally:
            chromium.close()


def overtredingen(chromium: Any, pagina: Path, breedte: int = 1100) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.0/2.1 A and AA violations of one page: rule, impact, help and the offending elements."""
    from axe_playwright_python.base import AXE_SCRIPT

    tab = chromium.new_page(viewport={"width": breedte, "height": 900})
    try:
        tab.set_default_timeout(WACHTTIJD_MS)
        tab.goto(pagina.resolve().as_uri(), wait_until="load")
        tab.evaluate(AXE_SCRIPT)
        uitslag = tab.evaluate("opties => axe.run(document, opties)",
                               {"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]})
    finally:
        tab.close()
    return [{"regel": v["id"], "ernst": v["impact"], "uitleg": v["help"],
             "elementen": [n["target"] for n in v["nodes"]][:5]} for v in uitslag["violations"]]
