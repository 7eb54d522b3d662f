"""Benchmark: from a slider move to the redrawn chart in the explorer, for a region of 30 gemeenten (the MRA).

A scripted sequence of slider moves (agreed share, mutatiegraad, scenario, the weights of
an own key mix, a cap) runs twice in one process, side by side:

- ``verkenner``: the explorer as it is, ``Verkenner`` with its reused model stages and its
  charts redrawn in place; a move is timed from setting the slider to the new PNG in the
  chart widget (the observer runs synchronously);
- ``zoals eerst``: the path the explorer took before, for the same parameters: the whole
  analysis anew (``analyseer`` without reuse, sensitivity included) and the four chapters it
  showed (samenvatting, vraag, confrontatie, verdeling) drawn as new images.

Prints the median and the worst move of each against the target of 0,3 s.

    .venv/bin/python bench/verkenner_schuiven.py
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import matplotlib

matplotlib.use("Agg")

from woonzorg_lib.analyse.doorrekenen import analyseer  # noqa: E402
from woonzorg_lib.analyse.parameters import WoonzorganalyseParameters  # noqa: E402
from woonzorg_lib.rapport.hoofdstukken import Rapport  # noqa: E402
from woonzorg_lib.rapport.verkenner import Verkenner  # noqa: E402

DOEL_SECONDEN = 0.3
HOOFDSTUKKEN_ZOALS_EERST = ("samenvatting", "vraag", "confrontatie", "verdeling")


def bewegingen(v: Verkenner) -> list[tuple[str, Callable[[], None]]]:
    """The scripted sequence: what an analyst does in a meeting, step by step on the sliders' grids."""
    def stap(schuif, n: int) -> Callable[[], None]:
        return lambda: setattr(schuif, "value", schuif.value + n * schuif.step)

    def zet(knop, waarde) -> Callable[[], None]:
        return lambda: setattr(knop, "value", waarde)

    reeks = [(f"aandeel +{i}", stap(v.aandeel, 1)) for i in range(1, 7)]
    reeks += [(f"mutatiegraad -{i}", stap(v.mutatiegraad, -1)) for i in range(1, 7)]
    reeks += [("scenario hoog", zet(v.scenario, "hoog")), ("scenario laag", zet(v.scenario, "laag")),
              ("scenario midden", zet(v.scenario, "midden"))]
    reeks += [(f"gewicht inwoners {g}", zet(v.gewichten["inwoners"], g)) for g in (0.2, 0.4, 0.6)]
    reeks += [(f"gewicht verhuringen {g}", zet(v.gewichten["verhuringen"], g)) for g in (0.3, 0.5)]
    reeks += [(f"plafond {p}", zet(v.plafond, p)) for p in (0.3, 0.25, 0.2)]
    reeks += [(f"aandeel -{i}", stap(v.aandeel, -1)) for i in range(1, 4)]
    return reeks


def zoals_eerst(v: Verkenner) -> None:
    """The earlier path for the explorer's current parameters: everything anew, four chapters as new images."""
    rapport = Rapport(analyseer(v.parameters()))
    for hoofdstuk in HOOFDSTUKKEN_ZOALS_EERST:
        getattr(rapport, hoofdstuk)()


def main() -> None:
    parameters = WoonzorganalyseParameters(regio="mra")  # the whole MRA: 30 gemeenten in the charts
    verkenner = Verkenner(parameters)
    assert len(verkenner.laatste.regio.gemeentecodes) == 30
    nu, eerst = [], []
    for naam, beweeg in bewegingen(verkenner):
        begin = time.perf_counter()
        beweeg()
        nu.append(time.perf_counter() - begin)
        assert not verkenner.melding.value, f"{naam}: {verkenner.melding.value}"
        begin = time.perf_counter()
        zoals_eerst(verkenner)
        eerst.append(time.perf_counter() - begin)
        print(f"  {naam:<24} verkenner {nu[-1]:6.3f} s   zoals eerst {eerst[-1]:6.3f} s", flush=True)
    herbouwd = verkenner._claim.opnieuw_gebouwd + verkenner._verdeling.opnieuw_gebouwd
    print(f"\nSchuif → nieuwe grafiek, {len(nu)} bewegingen, MRA (30 gemeenten); doel {DOEL_SECONDEN:.1f} s")
    print(f"{'':14}{'mediaan':>10}{'slechtste':>12}")
    print(f"{'verkenner':14}{statistics.median(nu):>9.3f}s{max(nu):>11.3f}s")
    print(f"{'zoals eerst':14}{statistics.median(eerst):>9.3f}s{max(eerst):>11.3f}s")
    print(f"Grafieken opnieuw opgebouwd (niet ter plekke bijgewerkt): {herbouwd}")
    print("Binnen het doel." if statistics.median(nu) <= DOEL_SECONDEN else "BOVEN HET DOEL.")


if __name__ == "__main__":
    main()
