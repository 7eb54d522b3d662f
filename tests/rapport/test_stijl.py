"""Charts meet WCAG 2.1 criterion 1.4.11 and never rely on colour alone."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from woonzorg_lib.rapport import grafieken
from woonzorg_lib.rapport.stijl import PALET, SCENARIOKLEUREN, contrast


def test_contrast_is_the_wcag_formula():
    assert contrast("white") == pytest.approx(1.0)
    assert contrast("black") == pytest.approx(21.0)
    assert contrast("#777777") == pytest.approx(4.48, abs=0.01)  # the textbook example just under 4.5:1
    assert contrast("#E69F00") < 3  # Okabe-Ito orange, as in seaborn's 'colorblind': too light on white


@pytest.mark.parametrize("kleur", PALET)
def test_every_palette_colour_has_3_to_1_against_white(kleur):
    assert contrast(kleur) >= 3.0, f"{kleur}: {contrast(kleur):.2f}"


def _balken(fig: plt.Figure) -> list[Rectangle]:
    return [p for ax in fig.axes for p in ax.patches if isinstance(p, Rectangle) and p.get_width() != 0]


def test_grouped_and_stacked_bars_differ_by_more_than_colour():
    tabel = pd.DataFrame({f"reeks {i}": [10.0 + i, 20.0, 5.0] for i in range(len(PALET))}, index=["A", "B", "C"])
    for fig in (grafieken.groepen(tabel, "t", "woningen"), grafieken.gestapeld(tabel, "t", "woningen")):
        balken = _balken(fig)
        kleuren = {to_hex(b.get_facecolor()) for b in balken}
        assert len(kleuren) == len(PALET)
        assert all(contrast(k) >= 3.0 for k in kleuren)
        per_kleur = {to_hex(b.get_facecolor()): (b.get_hatch() or "") for b in balken}
        assert len(set(per_kleur.values())) == len(PALET), "each series has its own hatching"
        assert all(to_hex(b.get_edgecolor()) == "#ffffff" for b in balken), "white edges between neighbouring bars"
        plt.close(fig)


def test_scenario_lines_differ_in_style_and_marker():
    tabel = pd.DataFrame({"laag": [1.0, 2.0], "midden": [2.0, 3.0], "hoog": [3.0, 5.0]}, index=[2025, 2026])
    fig = grafieken.over_jaren(tabel, "t", "woningen")
    lijnen = [l for l in fig.axes[0].get_lines() if l.get_label() in SCENARIOKLEUREN]
    assert len(lijnen) == 3
    assert len({l.get_linestyle() for l in lijnen}) == 3 and len({l.get_marker() for l in lijnen}) == 3
    assert all(contrast(to_hex(l.get_color())) >= 3.0 for l in lijnen)
    assert all(isinstance(l, Line2D) for l in lijnen)
    plt.close(fig)
