"""One house style for every chart: seaborn, an accessible palette, Dutch number notation.

The palette meets WCAG 2.1 criterion 1.4.11 (non-text contrast): every colour has at least
3:1 contrast against the white background. Colour is never the only carrier: series differ
in hatching (bars) or in line style and marker (lines) too, and bars have white edges so
neighbouring parts are each set against white.
"""

from __future__ import annotations

import base64
import io
import struct

import matplotlib.pyplot as plt
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.ticker import FuncFormatter

from woonzorg_lib.algemeen.opmaak import getal, procent

# Okabe-Ito hues, darkened until each has at least 3:1 contrast on white (tests/rapport/test_stijl.py computes it).
PALET = ["#0072B2", "#C04F00", "#00795B", "#A1467C", "#7A6500", "#5B4A9E", "#6B6B6B", "#005F73"]
ARCERINGEN = ["", "///", "...", "xxx", "\\\\\\", "+++", "ooo", "---"]
RAND = {"edgecolor": "white", "linewidth": 0.8}  # bars: white edges, and white hatching inside the colour
LIJNEN = {"laag": (":", "v"), "midden": ("-", "o"), "hoog": ("--", "^")}  # line style and marker per scenario
BREEDTE, HOOGTE, DPI = 8.0, 4.2, 100
AFDRUK_DPI = 220  # a PNG's pixels per inch of the figure: printed at its size or smaller, at least 200 ppi
TEKENS = {"register": "●●●", "schatting": "●●○", "aanname": "●○○"}
UITLEG_TEKENS = (
    "Herkomst: ●●● geregistreerd cijfer · ●●○ schatting uit een gepubliceerd kengetal · "
    "●○○ berust (mede) op een aanname."
)
SCENARIOKLEUREN = {"laag": PALET[2], "midden": PALET[0], "hoog": PALET[1]}


def _luminantie(kleur: str) -> float:
    kanalen = [k / 12.92 if k <= 0.03928 else ((k + 0.055) / 1.055) ** 2.4 for k in to_rgb(kleur)]
    return 0.2126 * kanalen[0] + 0.7152 * kanalen[1] + 0.0722 * kanalen[2]


def contrast(kleur: str, achtergrond: str = "white") -> float:
    """The WCAG 2.1 contrast ratio of two colours (1 to 21).

    >>> round(contrast("black"), 1), round(contrast("#767676"), 2)
    (21.0, 4.54)
    """
    licht, donker = sorted((_luminantie(kleur), _luminantie(achtergrond)), reverse=True)
    return (licht + 0.05) / (donker + 0.05)


def reeks(i: int) -> dict[str, object]:
    """Colour, hatching and white edges of the i-th series of a bar chart."""
    return {"color": PALET[i % len(PALET)], "hatch": ARCERINGEN[i % len(ARCERINGEN)], **RAND}


_TOEGEPAST: dict[str, object] = {}  # matplotlib's settings right after the house style was last set


def toepassen() -> None:
    """Set the house style; PNG figures at a fixed resolution keep reports small and offline.

    Setting it is slow (seaborn resets every setting), so it is skipped while every setting
    still is what the last call left (a batch kernel restores matplotlib's defaults between runs).
    """
    if _TOEGEPAST and all(plt.rcParams[k] == v for k, v in _TOEGEPAST.items()):
        return
    sns.set_theme(style="whitegrid", palette=PALET, font_scale=0.95)
    plt.rcParams.update(
        {
            "figure.figsize": (BREEDTE, HOOGTE),
            "figure.dpi": DPI,
            "savefig.dpi": DPI,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "legend.frameon": False,
            "text.parse_math": False,  # a name with '$' is text, never mathtext (the charts have no formulas)
            "hatch.color": "white",
        }
    )
    try:
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        set_matplotlib_formats("png")
    except ImportError:  # pragma: no cover - matplotlib-inline comes with ipykernel
        pass
    _TOEGEPAST.clear()
    _TOEGEPAST.update(plt.rcParams)


def as_getallen(ax: Axes, as_: str = "x") -> None:
    """Dutch thousands separators on an axis."""
    (ax.xaxis if as_ == "x" else ax.yaxis).set_major_formatter(FuncFormatter(lambda w, _: getal(w)))


def as_procenten(ax: Axes, as_: str = "x") -> None:
    """Dutch percentages on an axis of shares (0.125 → 12,5%)."""
    def tekst(waarde: float, _: int) -> str:
        return procent(waarde, 0 if abs(waarde * 100 - round(waarde * 100)) < 1e-9 else 1)

    (ax.xaxis if as_ == "x" else ax.yaxis).set_major_formatter(FuncFormatter(tekst))


def png(fig: plt.Figure) -> bytes:
    """The figure as PNG bytes at print resolution (220 pixels per inch of the figure, so sharp on paper; the
    report shows it at the figure's size, see ``breedte_png``); the figure is closed (a batch makes hundreds)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=AFDRUK_DPI)
    plt.close(fig)
    return buffer.getvalue()


def svg(fig: plt.Figure) -> bytes:
    """The figure as SVG bytes (vector; text as paths, so it looks the same without the font); the figure is closed."""
    buffer = io.BytesIO()
    with plt.rc_context({"svg.fonttype": "path", "svg.hashsalt": "woonzorg"}):  # the same figure gives the same bytes
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(fig)
    return buffer.getvalue()


def breedte_png(data: bytes | str) -> int | None:
    """The width in CSS pixels (100 per inch of the figure, as charts were always shown) of a PNG, from its size and
    the resolution it records (pHYs); None without one. ``data`` may be base64 text (a notebook output).

    >>> import matplotlib.pyplot as plt
    >>> breedte_png(png(plt.figure(figsize=(8, 4))))
    800
    """
    if isinstance(data, str):
        data = base64.b64decode(data)
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    pixels = struct.unpack(">I", data[16:20])[0]
    plek = data.find(b"pHYs")
    if plek < 0:
        return None
    per_meter, _, eenheid = struct.unpack(">IIB", data[plek + 4:plek + 13])
    if eenheid != 1 or per_meter == 0:
        return None
    return round(pixels / (per_meter * 0.0254) * 100)


def figuur(hoogte: float = HOOGTE, breedte: float = BREEDTE) -> tuple[plt.Figure, Axes]:
    """A new figure in the house style; constrained layout keeps labels and the legend inside in one draw."""
    toepassen()
    return plt.subplots(figsize=(breedte, hoogte), layout="constrained")
