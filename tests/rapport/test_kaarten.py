"""Maps from the bundled boundaries: every gemeente present, hidden figures hidden, the table beside it the same rows."""

import re

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from IPython.display import HTML
from matplotlib.colors import to_hex

from woonzorg_lib.data.basis import gemeenten
from woonzorg_lib.data.catalogus import laad_regio
from woonzorg_lib.data.kaart import gemeentegrenzen
from woonzorg_lib.rapport import kaarten
from woonzorg_lib.rapport.hoofdstukken import Rapport


def test_the_bundled_boundaries_cover_every_gemeente_in_rd_new():
    grenzen = gemeentegrenzen()
    assert sorted(grenzen.index) == sorted(gemeenten()["gemeentecode"])
    assert grenzen.crs.to_epsg() == 28992
    assert grenzen.geometry.is_valid.all()
    links, onder, rechts, boven = grenzen.total_bounds  # the Netherlands in RD New (m)
    assert 0 < links < 20_000 and 300_000 < onder < 310_000 and 275_000 < rechts < 285_000 and 615_000 < boven < 625_000


def test_a_hidden_or_unknown_gemeente_gets_no_colour_of_a_number():
    codes = list(laad_regio("mra").gemeentecodes)[:6]
    waarden = pd.Series([0.12, 0.18, ".", "n.b.", 0.25, 0.15], index=codes, dtype=object)
    fig = kaarten.choropleet(waarden, "Claim", "claim", procenten=True)
    legenda = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert "afgeschermd (kleine aantallen)" in legenda and "geen gegevens" in legenda
    assert all("%" in t for t in legenda if "tot" in t), legenda  # Dutch percentages in the legend
    kleuren = [to_hex(c) for coll in fig.axes[0].collections for c in coll.get_facecolor()]
    assert kleuren.count(kaarten.AFGESCHERMD["facecolor"]) == 1 and kleuren.count("#ffffff") == 1
    plt.close(fig)


@pytest.fixture(scope="module")
def ijmond():
    return Rapport.uit_notebook("woonzorganalyse", {"regio": "mra", "deelregio": "IJmond"})


def test_the_table_beside_the_claim_map_is_the_kerncijfers_rows(ijmond):
    blokken = [d.data for d in ijmond.confrontatie().weergaven() if isinstance(d, HTML) and 'class="wz-naast"' in d.data]
    assert len(blokken) == 2  # claim and shortfall
    kern = ijmond.kern
    claim = kern[(kern["indicator"] == "claim") & (kern["scenario"] == "midden") & (kern["jaar"] == 2025)
                 & (kern["gemeentecode"] != "")].set_index("gemeente")["waarde"]
    for gemeente, cel in re.findall(r'<th scope="row">([^<]+)</th><td class="wz-getal">([^<]+)</td>', blokken[0]):
        assert cel == f"{float(claim[gemeente]) * 100:.1f}%".replace(".", ",")
    assert 'alt="Kaart: Claim op de verhuringen per gemeente. De cijfers staan in de tabel ernaast."' in blokken[0]
    verdeling = [d.data for d in ijmond.verdeling().weergaven() if isinstance(d, HTML) and 'class="wz-naast"' in d.data]
    assert len(verdeling) == 1 and "Fair share (Naar inwoners) min eigen vraag per gemeente" in verdeling[0]


def test_a_gemeente_newer_than_the_map_is_named_not_dropped_silently():
    codes = list(laad_regio("mra").gemeentecodes)[:3]
    fig = kaarten.choropleet(pd.Series([10.0, 20.0, 30.0, 40.0], index=[*codes, "GM9999"]), "Tekort", "woningen")
    legenda = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert "niet op de kaart (geen grens 2024): GM9999" in legenda
    plt.close(fig)


def test_every_boundary_is_drawn_whole_with_its_holes_left_open():
    import numpy as np
    from shapely.geometry import Polygon

    grenzen = gemeentegrenzen()
    paden = kaarten._paden()
    assert set(paden) == set(grenzen.index)
    assert (grenzen.geometry.geom_type == "GeometryCollection").any()  # repaired boundaries are drawn too
    for code, vorm in grenzen.geometry.items():
        assert paden[code].contains_point(vorm.representative_point().coords[0]), code
    # The largest hole that is no part of its own gemeente (an enclave of a neighbour) stays white when drawn.
    gaten = [(Polygon(ring).area, code, Polygon(ring).representative_point()) for code, vorm in grenzen.geometry.items()
             for vlak in kaarten._vlakken(vorm) for ring in vlak.interiors]
    _, code, punt = max(g for g in gaten if not grenzen.loc[g[1]].geometry.intersects(g[2]))
    fig, ax = plt.subplots(figsize=(4, 4), dpi=100)
    kaarten._teken(ax, [code], facecolor="black", edgecolor="none", linewidth=0)
    kaarten._kaartvlak(ax)
    fig.canvas.draw()
    beeld = np.asarray(fig.canvas.buffer_rgba())
    x, y = ax.transData.transform(punt.coords[0])
    binnen = ax.transData.transform(grenzen.loc[code].geometry.representative_point().coords[0])
    assert beeld[beeld.shape[0] - int(y), int(x), :3].tolist() == [255, 255, 255], code
    assert beeld[beeld.shape[0] - int(binnen[1]), int(binnen[0]), :3].tolist() == [0, 0, 0], code
    plt.close(fig)
