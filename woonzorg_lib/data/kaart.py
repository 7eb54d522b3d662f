"""The bundled gemeente boundaries (CBS/Kadaster Wijk- en buurtkaart 2024, CC BY 4.0), projected for maps."""

from __future__ import annotations

import json
from functools import cache

import geopandas as gpd

from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.algemeen.paden import BUNDEL_MAP

KAART = BUNDEL_MAP / "gemeenten_2024.geojson"
RD_NEW = "EPSG:28992"  # Amersfoort / RD New: the Dutch national grid, true shapes for a map of the Netherlands


@cache
def _grenzen() -> gpd.GeoDataFrame:
    inhoud = json.loads(KAART.read_text(encoding="utf-8"))
    kaart = gpd.GeoDataFrame.from_features(inhoud["features"], crs="EPSG:4326").to_crs(RD_NEW)
    # Simplifying and rounding the published boundaries left a few self-touching rings: repair them (shapely).
    ongeldig = ~kaart.geometry.is_valid
    kaart.loc[ongeldig, "geometry"] = kaart.geometry[ongeldig].make_valid()
    return kaart.set_index("gemeentecode").sort_index()


def gemeentegrenzen(codes: list[str] | None = None) -> gpd.GeoDataFrame:
    """The boundaries of the gemeenten ``codes`` (all 342 without), in RD New, indexed by gemeentecode.

    >>> grenzen = gemeentegrenzen(["GM0363", "GM0375"])
    >>> list(grenzen.index), grenzen.crs.to_epsg(), round(grenzen.loc["GM0363"].geometry.area / 1e6)
    (['GM0363', 'GM0375'], 28992, 221)
    """
    kaart = _grenzen()
    if codes is None:
        return kaart.copy()
    ontbreekt = [c for c in codes if c not in kaart.index]
    if ontbreekt:
        raise WoonzorgFout(f"De kaart heeft geen grenzen voor {', '.join(ontbreekt)} (indeling 2024).")
    return kaart.loc[list(codes)].copy()
