"""One house style for every chart: seaborn, a colour-blind-safe palette, Dutch number notation."""

from __future__ import annotations

import matplotlib.pyplot as plt
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter

from woonzorg_lib.opmaak import getal, procent

PALET = sns.color_palette("colorblind")
BREEDTE, HOOGTE, DPI = 8.0, 4.2, 100
TEKENS = {"register": "●●●", "schatting": "●●○", "aanname": "●○○"}
UITLEG_TEKENS = (
    "Herkomst: ●●● geregistreerd cijfer · ●●○ schatting uit een gepubliceerd kengetal · "
    "●○○ berust (mede) op een aanname."
)
SCENARIOKLEUREN = {"laag": PALET[2], "midden": PALET[0], "hoog": PALET[3]}


def toepassen() -> None:
    """Set the house style; PNG figures at a fixed resolution keep reports small and offline."""
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
        }
    )
    try:
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        set_matplotlib_formats("png")
    except ImportError:  # pragma: no cover - matplotlib-inline comes with ipykernel
        pass


def as_getallen(ax: Axes, as_: str = "x") -> None:
    """Dutch thousands separators on an axis."""
    (ax.xaxis if as_ == "x" else ax.yaxis).set_major_formatter(FuncFormatter(lambda w, _: getal(w)))


def as_procenten(ax: Axes, as_: str = "x") -> None:
    """Dutch percentages on an axis of shares (0.125 → 12,5%)."""
    def tekst(waarde: float, _: int) -> str:
        return procent(waarde, 0 if abs(waarde * 100 - round(waarde * 100)) < 1e-9 else 1)

    (ax.xaxis if as_ == "x" else ax.yaxis).set_major_formatter(FuncFormatter(tekst))


def figuur(hoogte: float = HOOGTE, breedte: float = BREEDTE) -> tuple[plt.Figure, Axes]:
    """A new figure in the house style; constrained layout keeps labels and the legend inside in one draw."""
    toepassen()
    return plt.subplots(figsize=(breedte, hoogte), layout="constrained")
