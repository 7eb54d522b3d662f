"""Charts in the house style. Each takes a prepared (already protected) table and returns a Figure."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from woonzorg_lib.algemeen.opmaak import procent
from woonzorg_lib.model.doelgroepen import SCENARIOS
from woonzorg_lib.rapport.stijl import LIJNEN, PALET, RAND, SCENARIOKLEUREN, as_getallen, as_procenten, figuur, reeks


def _hoogte(rijen: int) -> float:
    return max(2.4, min(9.0, 1.2 + 0.32 * rijen))


def _legenda(ax: plt.Axes, omkeren: bool = False) -> None:
    """The legend below the chart, never over the bars."""
    handles, labels = ax.get_legend_handles_labels()
    if omkeren:
        handles, labels = handles[::-1], labels[::-1]
    ax.figure.legend(handles, labels, loc="outside lower center", ncol=min(3, len(labels)), fontsize="small")


def _etiketten(etiketten: pd.Index, breedte: int = 38) -> list[str]:
    return [textwrap.fill(str(e), breedte) for e in etiketten]


def bandbreedte(tabel: pd.DataFrame, titel: str, eenheid: str) -> plt.Figure:
    """Horizontal bars at the central value with whiskers from low to high; rows are labels."""
    tabel = tabel.iloc[::-1]
    fig, ax = figuur(_hoogte(len(tabel)))
    y = np.arange(len(tabel))
    midden = tabel["midden"].to_numpy(dtype="float64")
    ax.barh(y, midden, color=PALET[0], label="midden", **RAND)
    laag, hoog = tabel["laag"].to_numpy(dtype="float64"), tabel["hoog"].to_numpy(dtype="float64")
    ax.errorbar(np.nan_to_num(midden), y, xerr=[np.clip(midden - laag, 0, None), np.clip(hoog - midden, 0, None)],
                fmt="none", ecolor="black", capsize=4, lw=1.2, label="laag – hoog")
    ax.set_yticks(y, _etiketten(tabel.index))
    ax.set_xlabel(eenheid)
    ax.set_title(titel)
    as_getallen(ax)
    _legenda(ax)
    return fig


def groepen(tabel: pd.DataFrame, titel: str, eenheid: str, lijn: float | None = None, procenten: bool = False) -> plt.Figure:
    """Grouped horizontal bars: rows are labels (gemeenten), columns the series side by side."""
    tabel = tabel.iloc[::-1]
    fig, ax = figuur(_hoogte(len(tabel) * max(1, len(tabel.columns) / 2)))
    y = np.arange(len(tabel))
    breedte = 0.8 / len(tabel.columns)
    for i, kolom in enumerate(tabel.columns):
        ax.barh(y + (i - (len(tabel.columns) - 1) / 2) * breedte, tabel[kolom].to_numpy(dtype="float64"),
                height=breedte, label=str(kolom), **reeks(i))
    if lijn is not None:
        ax.axvline(lijn, color="black", ls="--", lw=1.2, label=f"afgesproken aandeel {procent(lijn)}" if procenten else None)
    ax.set_yticks(y, _etiketten(tabel.index))
    ax.set_xlabel(eenheid)
    ax.set_title(titel)
    (as_procenten if procenten else as_getallen)(ax)
    _legenda(ax, omkeren=True)
    return fig


def gestapeld(tabel: pd.DataFrame, titel: str, eenheid: str) -> plt.Figure:
    """Stacked horizontal bars: rows are labels, columns the parts."""
    tabel = tabel.iloc[::-1]
    fig, ax = figuur(_hoogte(len(tabel)))
    links = np.zeros(len(tabel))
    for i, kolom in enumerate(tabel.columns):
        waarden = np.nan_to_num(tabel[kolom].to_numpy(dtype="float64"))
        ax.barh(tabel.index, waarden, left=links, label=str(kolom), **reeks(i))
        links += waarden
    ax.set_xlabel(eenheid)
    ax.set_title(titel)
    as_getallen(ax)
    _legenda(ax)
    return fig


def over_jaren(tabel: pd.DataFrame, titel: str, eenheid: str) -> plt.Figure:
    """Lines per scenario (columns laag / midden / hoog) over the years (index)."""
    fig, ax = figuur()
    for scenario in SCENARIOS:
        if scenario in tabel:
            stijl, teken = LIJNEN[scenario]
            ax.plot(tabel.index, tabel[scenario], ls=stijl, marker=teken, lw=2, color=SCENARIOKLEUREN[scenario],
                    label=scenario)
    if "laag" in tabel and "hoog" in tabel:
        ax.fill_between(tabel.index, tabel["laag"], tabel["hoog"], color=SCENARIOKLEUREN["midden"], alpha=0.12)
    ax.axhline(0, color="black", lw=0.8)
    ax.set_xticks(tabel.index)
    ax.set_ylabel(eenheid)
    ax.set_title(titel)
    as_getallen(ax, "y")
    _legenda(ax)
    return fig


def tornado(tabel: pd.DataFrame, titel: str, eenheid: str) -> plt.Figure:
    """Sensitivity: per assumption a bar from the result at its low value to the result at its high value."""
    tabel = tabel.iloc[::-1]
    fig, ax = figuur(_hoogte(len(tabel) * 1.5))
    y = np.arange(len(tabel))
    basis = float(tabel["basis"].iloc[0]) if len(tabel) else 0.0
    laag, hoog = tabel["uitkomst_laag"].to_numpy(), tabel["uitkomst_hoog"].to_numpy()
    ax.barh(y, laag - basis, left=basis, label="aanname op lage waarde", **reeks(2))
    ax.barh(y, hoog - basis, left=basis, label="aanname op hoge waarde", **reeks(1))
    ax.axvline(basis, color="black", lw=1)
    ax.set_yticks(y, _etiketten(pd.Index(tabel["omschrijving"]), 34))
    ax.set_xlabel(eenheid)
    ax.set_title(titel)
    as_getallen(ax)
    _legenda(ax)
    return fig
