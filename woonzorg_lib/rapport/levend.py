"""Charts redrawn in place: built once by the report's own chart function, then only their bars and line move.

A new figure costs its layout, ticks and labels again. Here the figure is drawn once
without its moving parts (bars, the reference line and the legend that names its value)
and kept as a background; an update restores that background and draws only the moving
parts (blitting). The axis keeps its range while the data fit in it, with headroom, so
the background stays valid; data outside it rebuild the chart. The explorer uses this
to follow a slider.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from PIL import Image

from woonzorg_lib.algemeen.opmaak import procent

LIJN = "afgesproken aandeel"  # the label grafieken.groepen gives its reference line
RUIMTE = 1.6  # headroom of the axis over the largest value when a chart is built


class LevendeGrafiek:
    """A grouped bar chart (``grafieken.groepen``) whose bars follow a new table with the same rows and columns."""

    def __init__(self, teken: Callable[[pd.DataFrame, float | None], plt.Figure]) -> None:
        self._teken = teken
        self._figuur: plt.Figure | None = None
        self._tabel: pd.DataFrame | None = None
        self._lijn: float | None = None
        self._achtergrond = None
        self._bewegend: list[Artist] = []
        self._series: list[tuple[PolyCollection, np.ndarray, np.ndarray]] = []
        self.opnieuw_gebouwd = 0  # how often the chart was built anew (the rest were updates in place)

    def sluit(self) -> None:
        """Release the figure."""
        self._figuur = None

    def png(self, tabel: pd.DataFrame, lijn: float | None = None) -> bytes | None:
        """The chart of this table as PNG, or None when nothing it shows changed."""
        if self._tabel is not None and self._tabel.equals(tabel) and self._lijn == lijn:
            return None
        if self._past(tabel, lijn):
            self._verplaats(tabel, lijn)
        else:
            self._bouw(tabel, lijn)
        self._tabel, self._lijn = tabel.copy(), lijn
        return self._afbeelding()

    def _grenzen(self, tabel: pd.DataFrame, lijn: float | None) -> tuple[float, float]:
        waarden = np.append(tabel.to_numpy(dtype="float64").ravel(), [0.0] if lijn is None else [0.0, lijn])
        return float(np.nanmin(waarden)), float(np.nanmax(waarden))

    def _past(self, tabel: pd.DataFrame, lijn: float | None) -> bool:
        if self._figuur is None or self._tabel is None:
            return False
        zelfde = (self._tabel.index.equals(tabel.index) and self._tabel.columns.equals(tabel.columns)
                  and (self._lijn is None) == (lijn is None))
        laag, hoog = self._grenzen(tabel, lijn)
        links, rechts = self._figuur.axes[0].get_xlim()
        return zelfde and links <= laag and hoog <= rechts

    def _bouw(self, tabel: pd.DataFrame, lijn: float | None) -> None:
        self.sluit()
        self.opnieuw_gebouwd += 1
        figuur = self._teken(tabel, lijn)
        plt.close(figuur)  # out of pyplot's care (a notebook would show it again) ...
        FigureCanvasAgg(figuur)  # ... and drawn here, on a canvas of its own
        ax = figuur.axes[0]
        laag, hoog = self._grenzen(tabel, lijn)
        bereik = (hoog - laag) or 1.0
        ax.set_xlim(laag - (0.05 * bereik if laag < 0 else 0.0), laag + RUIMTE * bereik)
        # Each series' bars move as one collection: one draw call per series, not one per bar.
        self._series = []
        for container in ax.containers:
            staven = list(container)
            onder = np.array([s.get_y() for s in staven])
            hoogte = np.array([s.get_height() for s in staven])
            reeks = PolyCollection([], facecolors=[staven[0].get_facecolor()], edgecolors="none", animated=True,
                                   zorder=staven[0].get_zorder(), transform=ax.transData)
            reeks.set_clip_path(ax.patch)
            ax.add_collection(reeks, autolim=False)
            for staaf in staven:
                staaf.set_visible(False)
            self._series.append((reeks, onder, hoogte))
        self._bewegend = [reeks for reeks, _, _ in self._series]
        self._bewegend += [s for s in ax.get_lines() if str(s.get_label()).startswith(LIJN)]
        if lijn is not None:
            self._bewegend += list(figuur.legends)
        for artiest in self._bewegend:
            artiest.set_animated(True)
        figuur.canvas.draw()  # lays the figure out and draws everything that does not move
        figuur.set_layout_engine("none")
        self._achtergrond = figuur.canvas.copy_from_bbox(figuur.bbox)
        self._figuur = figuur
        self._zet_staven(tabel)

    def _zet_staven(self, tabel: pd.DataFrame) -> None:
        omgekeerd = tabel.iloc[::-1]  # grafieken.groepen draws the first row at the top
        for (reeks, onder, hoogte), kolom in zip(self._series, tabel.columns, strict=True):
            breedte = np.nan_to_num(omgekeerd[kolom].to_numpy(dtype="float64"))
            reeks.set_verts([[(0, y), (b, y), (b, y + h), (0, y + h)]
                             for y, h, b in zip(onder, hoogte, breedte, strict=True)])

    def _verplaats(self, tabel: pd.DataFrame, lijn: float | None) -> None:
        ax = self._figuur.axes[0]
        self._zet_staven(tabel)
        if lijn is not None:
            for streep in ax.get_lines():
                if str(streep.get_label()).startswith(LIJN):
                    streep.set_xdata([lijn, lijn])
            for legenda in self._figuur.legends:
                for tekst in legenda.get_texts():
                    if tekst.get_text().startswith(LIJN):
                        tekst.set_text(f"{LIJN} {procent(lijn)}")

    def _afbeelding(self) -> bytes:
        canvas = self._figuur.canvas
        canvas.restore_region(self._achtergrond)
        for artiest in self._bewegend:
            self._figuur.draw_artist(artiest)
        buffer = io.BytesIO()
        Image.fromarray(np.asarray(canvas.buffer_rgba())).save(buffer, format="png", compress_level=1)
        return buffer.getvalue()
