"""Maps per gemeente from the bundled boundaries: choropleths for the reports and a locator for the factsheets.

A map never carries a figure alone: the caller puts a table of the same (protected) figures
beside it. Hidden cells stay hidden here too: a gemeente whose figure is '.' is drawn as
'afgeschermd', one without a figure as 'geen gegevens', never with a colour for a number.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from functools import cache

import numpy as np
import pandas as pd
from matplotlib import patheffects
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.path import Path
from matplotlib.transforms import Bbox
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient
from shapely.ops import unary_union

from woonzorg_lib.algemeen.opmaak import getal, procent
from woonzorg_lib.data.kaart import gemeentegrenzen
from woonzorg_lib.model.onthulling import KLEIN, ONBEKEND, VERBORGEN
from woonzorg_lib.rapport.stijl import figuur, png, svg

# Sequential blues and a diverging orange-purple (both readable for colour-blind readers). Every class colour has
# at least 3:1 contrast against white (WCAG 1.4.11, as the accessibility statement claims; a test computes it),
# so the lightest class is a mid blue, not a near-white; dark borders separate every gemeente from its neighbours.
OPLOPEND = ["#5b8fc9", "#3570b2", "#1f5497", "#143d75", "#0a2447"]
TWEEZIJDIG = ["#7a3703", "#b35806", "#c86a1a", "#8a7cc0", "#6a58a8", "#4a2f8a"]
GRENS = {"edgecolor": "#333333", "linewidth": 0.6}
AFGESCHERMD = {"facecolor": "#bdbdbd", "hatch": "///", "edgecolor": "#333333", "linewidth": 0.6}
GEEN_GEGEVENS = {"facecolor": "white", "hatch": "...", "edgecolor": "#333333", "linewidth": 0.6}
OMTREK = {"edgecolor": "#000000", "linewidth": 1.6}  # a province border: thicker and darker than a gemeente's
NAAM = {"fontsize": 7, "color": "#1b1b1b", "ha": "center", "va": "center"}
MINIMUM_GEMEENTEN = 2  # one gemeente is no map: the table and a sentence say it all
ZONDER_KAART = ("Dit gebied is één gemeente: een kaart voegt niets toe. De cijfers staan in de tabel.")


def _vlakken(vorm: BaseGeometry) -> list[Polygon]:
    """The polygons of a boundary: itself, or those inside a multi-polygon or a collection (a repaired boundary)."""
    if isinstance(vorm, Polygon):
        return [vorm]
    return [vlak for deel in getattr(vorm, "geoms", []) for vlak in _vlakken(deel)]


@cache
def _paden() -> dict[str, Path]:
    """Every gemeente's boundary as one matplotlib path (holes included), made once: a map only colours them."""
    paden = {}
    for code, vorm in gemeentegrenzen().geometry.items():
        delen = [orient(vlak) for vlak in _vlakken(vorm)]  # exterior anticlockwise, holes clockwise: a hole stays empty
        ringen = [ring for deel in delen for ring in (deel.exterior, *deel.interiors)]
        paden[code] = Path.make_compound_path(*(Path(np.asarray(ring.coords), closed=True) for ring in ringen))
    return paden


def _grenzen(codes: list[str]) -> tuple[list[str], list[str]]:
    """The codes of ``codes`` the bundled map has, and those it lacks (a gemeente newer than 2024)."""
    paden = _paden()
    return [c for c in codes if c in paden], [c for c in codes if c not in paden]


def _teken(ax: Axes, codes: list[str], **stijl: object) -> None:
    """Draw the gemeenten ``codes`` as one collection (``facecolor`` one colour or one per gemeente)."""
    if codes:
        paden = _paden()
        ax.add_collection(PathCollection([paden[c] for c in codes], **stijl), autolim=True)


def _kaartvlak(ax: Axes) -> None:
    ax.autoscale_view()
    ax.set_axis_off()
    ax.set_aspect("equal")


def klassen(waarden: np.ndarray, procenten: bool = False, tweezijdig: bool = False, aantal: int = 5) -> np.ndarray:
    """The inner class bounds of a map, from the spread of ``waarden`` (the whole region's, so every report of a
    region draws on one scale), at nice round numbers with a minimum width: never classes narrower than
    two percentage points or ten homes (the figures are rounded to fives), nor than a tenth of the spread of the
    middle 80% of the gemeenten. The outer classes are open ("minder dan", "of meer"): one outlier never makes a
    class like "77 tot 780". A diverging map is symmetric around 0.

    >>> klassen(np.array([5, 10, 15, 20, 30, 40, 60, 80, 780.0])).tolist()
    [25.0, 50.0, 75.0]
    >>> klassen(np.array([0.004, 0.05, 0.12, 0.18, 0.22, 0.25]), procenten=True).tolist()
    [0.05, 0.1, 0.2]
    >>> klassen(np.array([-60, -20, -5, 0, 10, 35, 90.0]), tweezijdig=True).tolist()
    [-50.0, -25.0, 0.0, 25.0, 50.0]
    """
    waarden = np.asarray(waarden, dtype="float64")
    waarden = waarden[np.isfinite(waarden)]
    if len(waarden) == 0:
        return np.array([])
    ondergrens = 0.02 if procenten else 10.0
    if tweezijdig:
        stap = max(ondergrens, _mooi(float(np.quantile(np.abs(waarden), 0.9)) / 3))
        return np.round(np.arange(-2, 3) * stap, 10)
    laag, hoog = float(waarden.min()), float(waarden.max())
    spreiding = float(np.quantile(waarden, 0.9) - np.quantile(waarden, 0.1))
    stap = max(ondergrens, _mooi(spreiding / (2 * aantal), (1, 2, 5, 10) if procenten else (1, 2, 2.5, 5, 10)))
    kandidaten = np.round(np.quantile(waarden, np.linspace(0, 1, aantal + 1)[1:-1]) / stap) * stap
    grenzen = [g for g in dict.fromkeys(np.round(kandidaten, 10)) if laag < g <= hoog]
    return np.asarray(grenzen, dtype="float64")


def _mooi(waarde: float, factoren: tuple[float, ...] = (1, 2, 2.5, 5, 10)) -> float:
    """The smallest 'nice' number (1, 2, 2.5 or 5 times a power of ten) at least ``waarde``; shares take no 2.5
    (whole percentages read better)."""
    if waarde <= 0:
        return 0.0
    macht = 10 ** np.floor(np.log10(waarde))
    return float(next(f * macht for f in factoren if f * macht >= waarde * (1 - 1e-9)))


def _tekst(waarde: float, procenten: bool) -> str:
    return procent(waarde, 0 if abs(waarde * 100 - round(waarde * 100)) < 1e-9 else 1) if procenten else getal(waarde)


def legendateksten(grenzen: np.ndarray, procenten: bool = False) -> list[str]:
    """A legend in words from the inner bounds: open classes at both ends.

    >>> legendateksten(np.array([20.0, 40.0]))
    ['minder dan 20', '20 tot 40', '40 of meer']
    """
    teksten = [_tekst(g, procenten) for g in grenzen]
    if not teksten:
        return ["alle gemeenten"]
    return [f"minder dan {teksten[0]}", *(f"{a} tot {b}" for a, b in zip(teksten, teksten[1:], strict=False)),
            f"{teksten[-1]} of meer"]


def _kleuren(aantal: int, tweezijdig: bool) -> list[str]:
    """``aantal`` class colours spread over the palette (all at least 3:1 against white)."""
    palet = TWEEZIJDIG if tweezijdig else OPLOPEND
    if aantal == 1:
        return [palet[len(palet) // 2]]
    return [palet[round(i * (len(palet) - 1) / (aantal - 1))] for i in range(aantal)]


def _namen(ax: Axes, codes: list[str]) -> int:
    """Write each gemeente's name inside it, largest first; a name that would overlap one already written is
    tried a little above and below, then left out (the table beside the map names every gemeente).
    Return the number left out."""
    grenzen = gemeentegrenzen()
    ax.figure.canvas.draw()  # the layout is settled: the names (kept out of the layout) are placed in it
    renderer = ax.figure.canvas.get_renderer()
    geplaatst: list[Bbox] = []
    weggelaten = 0
    volgorde = sorted(codes, key=lambda c: -grenzen.geometry[c].area)
    for code in volgorde:
        vorm = grenzen.geometry[code]
        punt = vorm.representative_point()
        hoogte = (vorm.bounds[3] - vorm.bounds[1]) / 4
        for dy in (0.0, hoogte, -hoogte):
            tekst = ax.text(punt.x, punt.y + dy, str(grenzen.loc[code, "gemeentenaam"]), **NAAM,
                            path_effects=[patheffects.withStroke(linewidth=2.2, foreground="white")])
            tekst.set_in_layout(False)
            vak = tekst.get_window_extent(renderer).expanded(1.05, 1.1)
            if not any(vak.overlaps(ander) for ander in geplaatst) and ax.bbox.contains(*vak.p0) \
                    and ax.bbox.contains(*vak.p1):
                geplaatst.append(vak)
                break
            tekst.remove()
        else:
            weggelaten += 1
    return weggelaten


def choropleet(waarden: pd.Series, titel: str, legenda: str, procenten: bool = False,
               tweezijdig: bool = False, schaal: pd.Series | None = None, overzicht: bool = False,
               omtrek: tuple[str, Sequence[Sequence[str]]] | None = None,
               maat: tuple[float, float] = (6.2, 4.6)) -> Figure | None:
    """A map of the gemeenten in ``waarden`` (index gemeentecode; a number, '.' for hidden or 'n.b.' for none),
    with every gemeente's name where it fits.

    Classes from ``schaal`` (the same figure for every gemeente of the whole region, so the reports of one
    region share one scale; without it the area's own figures), with a Dutch legend; hidden and unknown
    gemeenten get their own hatched sign. ``omtrek`` (a legend label and groups of gemeentecodes, such as the
    provinces) draws each group's outer border thick. ``maat`` is (width, height) in inches, as printed. An
    ``overzicht`` (the whole country) has no names (the table beside it names every gemeente), thin gemeente
    borders and the legend in the top left corner (the North Sea).
    An area of one gemeente gets no map: None (see ``naast_elkaar``).
    """
    op_kaart, zonder = _grenzen(list(waarden.index))
    if len(op_kaart) < MINIMUM_GEMEENTEN:
        return None
    waarden = waarden.reindex(op_kaart)
    getallen, verborgen, onbekend = _soorten(waarden)
    fig, ax = figuur(hoogte=maat[1], breedte=maat[0])  # printed at this size: names 7 pt, legend 9 pt
    handvatten: list[Artist] = []
    grens = {**GRENS, "linewidth": 0.25} if overzicht else GRENS
    if getallen.notna().any():
        basis = getallen.dropna() if schaal is None else _soorten(schaal)[0].dropna()
        grenzen = klassen(basis.to_numpy(), procenten, tweezijdig, 6 if tweezijdig else 5)
        kleuren = _kleuren(len(grenzen) + 1, tweezijdig)
        klasse = np.searchsorted(grenzen, getallen.dropna().to_numpy(), side="right")
        met = getallen.dropna()
        _teken(ax, list(met.index), facecolor=[kleuren[k] for k in klasse], **grens)
        for kleur, tekst in zip(kleuren, legendateksten(grenzen, procenten), strict=True):
            handvatten.append(Patch(facecolor=kleur, **GRENS, label=tekst))
        if not tweezijdig:
            handvatten = handvatten[::-1]  # the highest class on top
    if verborgen.any():
        _teken(ax, list(verborgen[verborgen].index), **AFGESCHERMD)
        handvatten.append(Patch(**AFGESCHERMD, label="afgeschermd (kleine aantallen)"))
    if onbekend.any():
        _teken(ax, list(onbekend[onbekend].index), **GEEN_GEGEVENS)
        handvatten.append(Patch(**GEEN_GEGEVENS, label="geen gegevens"))
    if zonder:
        handvatten.append(Patch(facecolor="none", edgecolor="none", label=f"niet op de kaart (geen grens 2024): "
                                                                          f"{', '.join(zonder)}"))
    if omtrek is not None:
        _teken_omtrek(ax, [tuple(c for c in groep if c in op_kaart) for groep in omtrek[1]])
        handvatten.append(Line2D([], [], color=OMTREK["edgecolor"], linewidth=OMTREK["linewidth"], label=omtrek[0]))
    _kaartvlak(ax)
    ax.set_title(titel)
    ax.legend(handles=handvatten, title=legenda, loc="upper left", bbox_to_anchor=(0.0 if overzicht else 1.0, 1.0),
              fontsize=9, title_fontsize=9, frameon=False, handlelength=2.2, handleheight=1.4, alignment="left")
    if not overzicht:
        _namen(ax, op_kaart)
    return fig


@cache
def _omtrek(codes: tuple[str, ...]) -> Path:
    """The outer border of a group of gemeenten as one path: the boundaries merged, after closing the gaps of a few
    metres the simplified boundaries leave between neighbours; a sliver still enclosed (under 1 km²: smaller than any
    gemeente) or a crumb (under 0,1 km²) draws no line. Water outside every gemeente (Zeeland's) stays a hole."""
    grenzen = gemeentegrenzen(list(codes)).geometry
    geheel = unary_union([vorm.buffer(25) for vorm in grenzen]).buffer(-25)
    ringen = [ring for vlak in _vlakken(geheel) if vlak.area >= 1e5
              for ring in (vlak.exterior, *(gat for gat in vlak.interiors if Polygon(gat).area >= 1e6))]
    return Path.make_compound_path(*(Path(np.asarray(ring.coords)) for ring in ringen))


def _teken_omtrek(ax: Axes, groepen: list[tuple[str, ...]]) -> None:
    """Draw the outer border of each group (such as a province) over the gemeenten."""
    paden = [_omtrek(groep) for groep in groepen if groep]
    ax.add_collection(PathCollection(paden, facecolor="none", **OMTREK), autolim=True)


def _soorten(waarden: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """The numbers of ``waarden`` (NaN elsewhere), and which are hidden ('.') and which unknown. A positive count
    under 2,5 ('< 2,5') is a number: it gets the colour of 0 to 2,5, never that of 'geen gegevens'."""
    verborgen = waarden.astype(str) == VERBORGEN
    onbekend = waarden.astype(str) == ONBEKEND
    klein = waarden.astype(str) == KLEIN
    getallen = pd.to_numeric(waarden.where(~verborgen & ~onbekend & ~klein), errors="coerce").astype("float64")
    getallen = getallen.mask(klein, 0.0)  # the rounded value, which the table beside the map shows as '< 2,5'
    return getallen, verborgen, onbekend | (getallen.isna() & ~verborgen)


def ligging(codes: list[str], gemeentecode: str, titel: str) -> Figure:
    """A small locator: the area's gemeenten in grey, the one gemeente dark, north up, no numbers."""
    op_kaart, _ = _grenzen(codes)
    fig, ax = figuur(hoogte=2.2, breedte=2.6)
    _teken(ax, op_kaart, facecolor="#e0e0e0", edgecolor="white", linewidth=0.6)
    _teken(ax, [c for c in op_kaart if c == gemeentecode], facecolor="#1F4E79", edgecolor="#1F4E79", linewidth=0.8)
    _kaartvlak(ax)
    if titel:
        ax.set_title(titel, fontsize="small")
    return fig


def png_base64(fig: Figure) -> str:
    """The figure as a PNG in base64, for an inline (offline) image; the figure is closed."""
    return base64.b64encode(png(fig)).decode("ascii")


def svg_base64(fig: Figure) -> str:
    """The figure as SVG (vector: sharp in print at any size) in base64, for an inline image; the figure is closed."""
    return base64.b64encode(svg(fig)).decode("ascii")


def naast_elkaar(kaart_svg: bytes | None, alt: str, tabel_html: str) -> str:
    """A map (SVG) and the table of its figures side by side (stacked on a narrow screen), one offline HTML
    block; without a map (an area of one gemeente) the table alone, with a sentence that says why."""
    if kaart_svg is None:
        return (f'<div class="wz-naast"><p class="wz-zonder-kaart">{html.escape(ZONDER_KAART)}</p>'
                f'<div class="wz-kaarttabel">{tabel_html}</div></div>')
    beeld = base64.b64encode(kaart_svg).decode("ascii")
    return (f'<div class="wz-naast"><figure class="wz-kaart"><img src="data:image/svg+xml;base64,{beeld}" '
            f'alt="{html.escape(alt)}"></figure><div class="wz-kaarttabel">{tabel_html}</div></div>')
