"""What a chapter is made of: text, tables (the DataFrame that is shown), figures and maps.

A chapter returns these as data; ``weergave`` renders them. In a notebook a chapter shows itself,
and its tables stay DataFrames an analyst can look at::

    hoofdstuk = rapport.vraag()
    hoofdstuk               # the chapter as the report shows it
    hoofdstuk.tabel()       # its first table, as a DataFrame
    hoofdstuk.tabellen      # every table, by caption
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import matplotlib.pyplot as plt
import pandas as pd

from woonzorg_lib.rapport.stijl import png


@dataclass(frozen=True)
class Tekst:
    """A paragraph of Markdown."""

    markdown: str


@dataclass(frozen=True)
class Tabel:
    """A table exactly as it is shown: rounded, protected, with its tier marks; its caption and note."""

    data: pd.DataFrame
    bijschrift: str | None = None
    opmerking: str | None = None
    procenten: Sequence[str] = ()


@dataclass(frozen=True)
class Figuur:
    """A chart as PNG; its title is the alternative text for readers who cannot see it."""

    png: bytes
    alt: str

    @classmethod
    def van(cls, fig: plt.Figure) -> Figuur:
        """The figure drawn to PNG (and closed), with the title of its first axes as alternative text."""
        titels = [ax.get_title(loc=plek) for ax in fig.axes[:1] for plek in ("left", "center", "right")]
        return cls(png(fig), next((t for t in titels if t), "Grafiek"))


@dataclass(frozen=True)
class Kaart:
    """A map per gemeente (SVG; none for an area of one gemeente) beside the table of its figures."""

    svg: bytes | None
    alt: str
    tabel: Tabel


Onderdeel = Tekst | Tabel | Figuur | Kaart


class Hoofdstuk(list[Onderdeel]):
    """The parts of one chapter, in order; in a notebook it shows itself as the report does."""

    @property
    def tabellen(self) -> dict[str, pd.DataFrame]:
        """Every table of the chapter (a map's table too), by caption."""
        return {t.bijschrift or f"tabel {i + 1}": t.data for i, t in enumerate(self._tabellen())}

    def tabel(self, nummer: int = 0) -> pd.DataFrame:
        """The chapter's table by position (the first by default), as the DataFrame that is shown."""
        return list(self._tabellen())[nummer].data

    def _tabellen(self) -> Iterator[Tabel]:
        for deel in self:
            if isinstance(deel, Tabel):
                yield deel
            elif isinstance(deel, Kaart):
                yield deel.tabel

    def weergaven(self) -> list[Any]:
        """Every part rendered for display (Markdown, HTML, Image), by the display step ``weergave``."""
        from woonzorg_lib.rapport.hoofdstukken.weergave import weergaven

        return weergaven(self)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        for deel in self.weergaven():
            display(deel)
