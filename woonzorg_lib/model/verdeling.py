"""Fair share: distributing a whole-number task over gemeenten.

Three building blocks, each usable on its own:

- ``naar_rato``: a pure key, largest-remainder rounding, summing exactly to the total;
- ``taakstelling_art29``: the statutory half-yearly taakstelling vergunninghouders
  (Huisvestingswet 2014 art. 29), which rounds *up* and so may exceed the total;
- ``verdeel``: weighted keys, a current-load correction spread over N years, and caps
  with the overflow redistributed — the choices bestuurders negotiate. ``varianten``
  puts several key mixes side by side.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

from woonzorg_lib.algemeen.errors import WoonzorgFout


def _gehele_totaal(totaal: float) -> int:
    if totaal < 0 or float(totaal) != int(totaal):
        raise WoonzorgFout(f"het te verdelen totaal moet een geheel getal van 0 of meer zijn, kreeg {totaal}")
    return int(totaal)


def _controleer_sleutel(sleutel: pd.Series, naam: str = "verdeelsleutel") -> pd.Series:
    waarden = pd.to_numeric(sleutel, errors="coerce").astype("float64")
    if waarden.isna().any():
        raise WoonzorgFout(f"{naam} heeft geen getal voor {', '.join(map(str, waarden.index[waarden.isna()]))}")
    if (waarden < 0).any():
        raise WoonzorgFout(f"{naam} is negatief voor {', '.join(map(str, waarden.index[waarden < 0]))}")
    return waarden


def naar_rato(totaal: int, sleutel: pd.Series) -> pd.Series:
    """Split a whole-number total over the index of ``sleutel`` in proportion to its values.

    Largest-remainder rounding: everyone gets the floor of their exact quota, the units
    left go to the largest remainders (ties to the first in index order). The result
    sums exactly to ``totaal``.

    >>> naar_rato(10, pd.Series({"A": 1, "B": 1, "C": 1})).to_dict()
    {'A': 4, 'B': 3, 'C': 3}
    """
    totaal = _gehele_totaal(totaal)
    waarden = _controleer_sleutel(sleutel)
    if totaal == 0:
        return pd.Series(0, index=sleutel.index, dtype="int64")
    som = waarden.sum()
    if som <= 0:
        raise WoonzorgFout("de verdeelsleutel is overal 0: er valt niets naar rato te verdelen")
    quota = waarden.to_numpy() * totaal / som
    return pd.Series(_grootste_rest(quota, totaal), index=sleutel.index, dtype="int64")


def _grootste_rest(quota: np.ndarray, totaal: int, plafond: np.ndarray | None = None) -> np.ndarray:
    """Round real quotas to integers summing to ``totaal`` (largest remainder, within integer caps)."""
    basis = np.floor(quota + 1e-9).astype("int64")
    if plafond is not None:
        basis = np.minimum(basis, plafond)
    over = totaal - int(basis.sum())
    rest = quota - basis
    if plafond is not None:
        rest = np.where(basis >= plafond, -np.inf, rest)
    volgorde = np.argsort(-rest, kind="stable")[:over]
    basis[volgorde] += 1
    return basis


def taakstelling_art29(landelijk: int, inwoners: pd.Series, inwoners_nederland: int) -> pd.Series:
    """The half-yearly taakstelling vergunninghouders per gemeente, exactly as the law prescribes.

    Huisvestingswet 2014 art. 29: national number × inhabitants of the gemeente ÷
    inhabitants of the Netherlands, rounded up to a whole number. ``inwoners`` must be the
    CBS figures on 1 January of the calendar year *before* the half-year (see
    ``peildatum_art29``). Because every gemeente rounds up, the sum may exceed the
    national number. Integer arithmetic: no floating-point error decides a rounding.

    >>> taakstelling_art29(100, pd.Series({"A": 1, "B": 2, "C": 0}), 3).to_dict()
    {'A': 34, 'B': 67, 'C': 0}
    """
    if inwoners_nederland <= 0:
        raise WoonzorgFout("het aantal inwoners van Nederland moet groter dan 0 zijn")
    landelijk = _gehele_totaal(landelijk)
    waarden = _controleer_sleutel(inwoners, "inwoners").astype("int64")
    # ceil(a / b) for non-negative integers: -(-a // b)
    return -(-(waarden * landelijk) // int(inwoners_nederland))


def peildatum_art29(halfjaar: str) -> str:
    """The reference date of the inhabitants for a half-year's taakstelling ("2025-H1" → "2024-01-01").

    >>> peildatum_art29("2025-H2")
    '2024-01-01'
    """
    jaar, _, deel = halfjaar.partition("-")
    if not (jaar.isdigit() and deel in ("H1", "H2")):
        raise WoonzorgFout(f"halfjaar '{halfjaar}' heeft niet de vorm JJJJ-H1 of JJJJ-H2")
    return f"{int(jaar) - 1}-01-01"


def aandelen(sleutels: pd.DataFrame, gewichten: Mapping[str, float]) -> pd.Series:
    """Each gemeente's share under a weighted mix of keys: Σ_k w_k · key_k,i / Σ_j key_k,j.

    Weights are normalised to sum to 1; a key that is 0 everywhere is an error.
    """
    if not gewichten:
        raise WoonzorgFout("geen verdeelsleutels gekozen")
    ontbreekt = [k for k in gewichten if k not in sleutels.columns]
    if ontbreekt:
        raise WoonzorgFout(
            f"verdeelsleutel {', '.join(ontbreekt)} heeft geen gegevens; beschikbaar: {', '.join(sleutels.columns)}"
        )
    if any(not math.isfinite(w) or w < 0 for w in gewichten.values()) or max(gewichten.values()) <= 0:
        raise WoonzorgFout("gewichten van de verdeelsleutels moeten eindige getallen van 0 of meer zijn, samen meer dan 0")
    grootste = max(gewichten.values())  # scale first: two weights of 1e308 must not add up to infinity
    som_gewichten = sum(w / grootste for w in gewichten.values())
    aandeel = pd.Series(0.0, index=sleutels.index)
    for naam, gewicht in gewichten.items():
        waarden = _controleer_sleutel(sleutels[naam], f"verdeelsleutel {naam}")
        if gewicht and waarden.sum() <= 0:
            raise WoonzorgFout(f"verdeelsleutel {naam} is overal 0")
        if gewicht:  # normalise the key first: tiny keys must not underflow to 0
            aandeel += (waarden / waarden.sum()) * (gewicht / grootste / som_gewichten)
    return aandeel


def _verdeel_onder_plafond(doel: np.ndarray, plafond: np.ndarray, totaal: float) -> np.ndarray:
    """Cap real-valued targets; give the overflow to those below their cap, in proportion, until none is left."""
    toewijzing = doel.astype("float64").copy()
    vast = np.zeros(len(doel), dtype=bool)
    for _ in range(len(doel) + 1):
        boven = ~vast & (toewijzing > plafond + 1e-9)
        if not boven.any():
            return toewijzing
        vast |= boven
        toewijzing[vast] = plafond[vast]
        rest = totaal - toewijzing[vast].sum()
        vrij = ~vast
        gewicht = doel[vrij] if doel[vrij].sum() > 0 else np.ones(vrij.sum())
        toewijzing[vrij] = rest * gewicht / gewicht.sum()
    return toewijzing  # pragma: no cover - every round fixes at least one gemeente


def verdeel(
    totaal: int,
    sleutels: pd.DataFrame,
    gewichten: Mapping[str, float],
    huidige_belasting: pd.Series | None = None,
    correctie_jaren: int = 1,
    plafond: pd.Series | None = None,
) -> pd.Series:
    """Distribute a whole-number yearly task over gemeenten (the index of ``sleutels``).

    - ``gewichten``: which keys (columns of ``sleutels``) with which weight;
    - ``huidige_belasting``: what each gemeente already carries; the difference with its
      fair share of (load + task) is made up over ``correctie_jaren`` years. A gemeente
      that already carries more than its share gets 0, never a negative target;
    - ``plafond``: the most a gemeente can take (e.g. x% of its lettings); the overflow
      goes to gemeenten below their cap in proportion to their targets. When the caps
      together cannot carry the total, every gemeente gets its (whole) cap and the rest is
      not placed: the result then sums to less than ``totaal``, and the caller says so.

    Without caps, or with caps that can carry it, the result is whole numbers summing
    exactly to ``totaal``.

    >>> sleutels = pd.DataFrame({"inwoners": [100, 300]}, index=["A", "B"])
    >>> verdeel(8, sleutels, {"inwoners": 1}).to_dict()
    {'A': 2, 'B': 6}
    >>> verdeel(8, sleutels, {"inwoners": 1}, plafond=pd.Series({"A": 10, "B": 5})).to_dict()
    {'A': 3, 'B': 5}
    >>> verdeel(8, sleutels, {"inwoners": 1}, plafond=pd.Series({"A": 2, "B": 5})).to_dict()  # 1 not placed
    {'A': 2, 'B': 5}
    """
    totaal = _gehele_totaal(totaal)
    aandeel = aandelen(sleutels, gewichten).to_numpy()
    doel = aandeel * totaal
    if huidige_belasting is not None:
        if correctie_jaren < 1:
            raise WoonzorgFout("correctie_jaren moet 1 of meer zijn")
        belasting = _controleer_sleutel(huidige_belasting.reindex(sleutels.index), "huidige belasting").to_numpy()
        doel = doel + (aandeel * belasting.sum() - belasting) / correctie_jaren
        doel = np.clip(doel, 0, None)
        doel = doel * totaal / doel.sum() if doel.sum() > 0 else aandeel * totaal
    if plafond is None:
        return pd.Series(_grootste_rest(doel, totaal), index=sleutels.index, dtype="int64")
    grens = _controleer_sleutel(plafond.reindex(sleutels.index), "plafond").to_numpy()
    heel = np.floor(grens + 1e-9).astype("int64")
    if heel.sum() <= totaal:
        return pd.Series(heel, index=sleutels.index, dtype="int64")
    toewijzing = _verdeel_onder_plafond(doel, heel.astype("float64"), float(totaal))
    return pd.Series(_grootste_rest(toewijzing, totaal, heel), index=sleutels.index, dtype="int64")


def varianten(
    totaal: int,
    sleutels: pd.DataFrame,
    mixen: Mapping[str, Mapping[str, float]],
    huidige_belasting: pd.Series | None = None,
    correctie_jaren: int = 1,
    plafond: pd.Series | None = None,
) -> pd.DataFrame:
    """Several key mixes side by side: one column per variant, one row per gemeente."""
    return pd.DataFrame(
        {
            naam: verdeel(totaal, sleutels, gewichten, huidige_belasting, correctie_jaren, plafond)
            for naam, gewichten in mixen.items()
        }
    )


__all__ = ["aandelen", "naar_rato", "peildatum_art29", "taakstelling_art29", "varianten", "verdeel"]
