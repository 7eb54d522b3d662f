"""Maps per gemeente from the bundled boundaries: choropleths for the reports and a locator for the factsheets.

A map never carries a figure alone: the caller puts a table of the same (protected) figures
beside it. Hidden cells stay hidden here too: a gemeente whose figure is '.' is drawn as
'afgeschermd', one without a figure as 'geen gegevens', never with a colour for a number.
"""

from __future__ import annotations

import base64
import html
from functools import cache

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.path import Path
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from woonzorg_lib.algemeen.opmaak import getal, procent
from woonzorg_lib.data.kaart import gemeentegrenzen
from woonzorg_lib.model.onthulling import ONBEKEND, VERBORGEN
from woonzorg_lib.rapport.stijl import figuur, png

# Sequential blues and a diverging orange-purple (both readable for colour-blind readers); dark borders
# separate every gemeente from its neighbours, so no fill has to contrast with another fill.
OPLOPEND = ["#deebf7", "#9ecae1", "#4292c6", "#2171b5", "#08306b"]
TWEEZIJDIG = ["#b35806", "#f1a340", "#fee0b6", "#d8daeb", "#998ec3", "#542788"]
GRENS = {"edgecolor": "#333333", "linewidth": 0.6}
AFGESCHERMD = {"facecolor": "#bdbdbd", "hatch": "///", "edgecolor": "#333333", "linewidth": 0.6}
GEEN_GEGEVENS = {"facecolor": "white", "hatch": "...", "edgecolor": "#333333", "linewidth": 0.6}


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


def _klassen(waarden: np.ndarray, aantal: int, tweezijdig: bool) -> np.ndarray:
    """Class bounds that read well: quantiles at two significant digits (equal steps when those collapse);
    symmetric around 0 for a diverging map."""
    if tweezijdig:
        stap = _mooi(float(np.nanmax(np.abs(waarden))) / (aantal // 2) or 1.0)
        helft = np.arange(1, aantal // 2 + 1) * stap
        return np.round(np.concatenate([-helft[::-1], [0.0], helft]), 10)
    laag, hoog = float(np.nanmin(waarden)), float(np.nanmax(waarden))
    grenzen = np.unique([_significant(q) for q in np.quantile(waarden, np.linspace(0, 1, aantal + 1))])
    if len(grenzen) < 4:  # fewer than three classes: equal nice steps from just below the lowest value
        stap = _mooi((hoog - laag) / (aantal - 1)) if hoog > laag else (_mooi(abs(laag)) or 1.0)
        begin = np.floor(round(laag / stap, 9)) * stap
        grenzen = begin + stap * np.arange(0, int(np.ceil(round((hoog - begin) / stap, 9))) + 1)
    grenzen = np.asarray(grenzen, dtype="float64")
    grenzen[0] = min(grenzen[0], laag)
    if grenzen[-1] < hoog:  # the highest value in the top class (a bound at two digits can fall just below it)
        grenzen = np.append(grenzen, _significant(hoog + (grenzen[-1] - grenzen[-2]) / 2))
    return np.round(grenzen, 10)


def _significant(waarde: float, cijfers: int = 2) -> float:
    """``waarde`` at two significant digits: 0.17432 → 0.17, 1634 → 1600."""
    if waarde == 0:
        return 0.0
    return float(round(waarde, cijfers - 1 - int(np.floor(np.log10(abs(waarde))))))


def _mooi(waarde: float) -> float:
    """The smallest 'nice' number (1, 2, 2.5 or 5 times a power of ten) at least ``waarde``."""
    if waarde <= 0:
        return 0.0
    macht = 10 ** np.floor(np.log10(waarde))
    return float(next(f * macht for f in (1, 2, 2.5, 5, 10) if f * macht >= waarde * (1 - 1e-9)))


def _tekst(waarde: float, procenten: bool) -> str:
    return procent(waarde, 0 if abs(waarde * 100 - round(waarde * 100)) < 1e-9 else 1) if procenten else getal(waarde)


def choropleet(waarden: pd.Series, titel: str, legenda: str, procenten: bool = False,
               tweezijdig: bool = False) -> Figure:
    """A map of the gemeenten in ``waarden`` (index gemeentecode; a number, '.' for hidden or 'n.b.' for none).

    Classes with a Dutch legend; hidden and unknown gemeenten get their own hatched sign.
    """
    op_kaart, zonder = _grenzen(list(waarden.index))
    waarden = waarden.reindex(op_kaart)
    verborgen = waarden.astype(str) == VERBORGEN
    onbekend = waarden.astype(str) == ONBEKEND
    getallen = pd.to_numeric(waarden.where(~verborgen & ~onbekend), errors="coerce").astype("float64")
    onbekend |= getallen.isna() & ~verborgen
    fig, ax = figuur(hoogte=5.2, breedte=6.4)
    handvatten = []
    if getallen.notna().any():
        klassen = _klassen(getallen.dropna().to_numpy(), 6 if tweezijdig else 5, tweezijdig)
        kleuren = TWEEZIJDIG if tweezijdig else OPLOPEND
        kleuren = [kleuren[round(i * (len(kleuren) - 1) / max(1, len(klassen) - 2))] for i in range(len(klassen) - 1)]
        schaal = ListedColormap(kleuren)
        norm = BoundaryNorm(klassen, schaal.N, clip=True)
        met = getallen.dropna()
        _teken(ax, list(met.index), facecolor=schaal(norm(met.to_numpy())), **GRENS)
        for i, kleur in enumerate(kleuren):
            van, tot = klassen[i], klassen[i + 1]
            handvatten.append(Patch(facecolor=kleur, **GRENS,
                                    label=f"{_tekst(van, procenten)} tot {_tekst(tot, procenten)}"))
    if verborgen.any():
        _teken(ax, list(verborgen[verborgen].index), **AFGESCHERMD)
        handvatten.append(Patch(**AFGESCHERMD, label="afgeschermd (kleine aantallen)"))
    if onbekend.any():
        _teken(ax, list(onbekend[onbekend].index), **GEEN_GEGEVENS)
        handvatten.append(Patch(**GEEN_GEGEVENS, label="geen gegevens"))
    if zonder:
        handvatten.append(Patch(facecolor="none", edgecolor="none", label=f"niet op de kaart (geen grens 2024): "
                                                                          f"{', '.join(zonder)}"))
    _kaartvlak(ax)
    ax.set_title(titel)
    ax.legend(handles=handvatten[::-1] if not tweezijdig else handvatten, title=legenda, loc="upper left",
              bbox_to_anchor=(1.0, 1.0), fontsize="small", title_fontsize="small", frameon=False)
    return fig


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


def naast_elkaar(kaart_png: bytes, alt: str, tabel_html: str) -> str:
    """A map (PNG) and the table of its figures side by side (stacked on a narrow screen), one offline HTML block."""
    beeld = base64.b64encode(kaart_png).decode("ascii")
    return (f'<div class="wz-naast"><figure class="wz-kaart"><img src="data:image/png;base64,{beeld}" '
            f'alt="{html.escape(alt)}"></figure><div class="wz-kaarttabel">{tabel_html}</div></div>')
