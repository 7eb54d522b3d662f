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
from woonzorg_lib.rapport.stijl import svg


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


# --- issue 21: maps a bestuurder can read ----------------------------------------------------------------------------

def _legenda(fig):
    return [t.get_text() for t in fig.axes[0].get_legend().get_texts()]


def test_every_class_colour_has_3_to_1_contrast_against_white_as_the_statement_claims():
    from woonzorg_lib.rapport.stijl import contrast
    from woonzorg_lib.runner.toegankelijkheid import verklaring

    assert all(contrast(k) >= 3 for k in [*kaarten.OPLOPEND, *kaarten.TWEEZIJDIG]), [
        (k, round(contrast(k), 2)) for k in [*kaarten.OPLOPEND, *kaarten.TWEEZIJDIG] if contrast(k) < 3]
    codes = list(laad_regio("mra").gemeentecodes)
    fig = kaarten.choropleet(pd.Series(range(len(codes)), index=codes, dtype=float) * 10, "Tekort", "woningen")
    gevuld = [to_hex(c) for c in fig.axes[0].collections[0].get_facecolor()]
    assert len(set(gevuld)) >= 4 and all(contrast(k) >= 3 for k in gevuld)
    plt.close(fig)
    assert "kaarten" in verklaring("").split("3:1")[0].rsplit("<li>", 1)[-1]  # the claim names the maps too


def test_the_gemeenten_are_named_on_the_map_without_overlapping_names():
    regio = laad_regio("mra")
    codes = list(regio.gemeentecodes)
    fig = kaarten.choropleet(pd.Series(10.0, index=codes), "Tekort", "woningen")
    fig.canvas.draw()
    namen = set(regio.indeling()["gemeentenaam"])
    teksten = [t for t in fig.axes[0].texts if t.get_text() in namen]
    assert len(teksten) >= 0.8 * len(codes)  # a name that does not fit is left to the table beside the map
    assert min(t.get_fontsize() for t in teksten) >= 7
    vakken = [t.get_window_extent() for t in teksten]
    assert not any(a.overlaps(b) for i, a in enumerate(vakken) for b in vakken[i + 1:])
    assert min(t.get_fontsize() for t in fig.axes[0].get_legend().get_texts()) >= 9
    plt.close(fig)


def test_class_breaks_are_round_wide_enough_and_open_at_the_ends():
    import numpy as np

    # One outlier (Amsterdam) no longer makes a class "77 tot 780", nor small differences wide apart.
    tekort = np.array([10, 10, 10, 15, 20, 20, 25, 30, 30, 45, 55, 70, 75, 85, 125, 130, 140, 235, 785.0])
    grenzen = kaarten.klassen(tekort)
    assert np.all(np.diff(grenzen) >= 10) and np.all(grenzen % 5 == 0)
    legenda = kaarten.legendateksten(grenzen)
    assert legenda[0].startswith("minder dan") and legenda[-1].endswith("of meer")
    assert not any("785" in t or "780" in t for t in legenda)
    # Claims between 17% and 20% are not cut into classes of one percentage point, nor start at "0%".
    claim = np.array([0.145, 0.169, 0.171, 0.174, 0.175, 0.178, 0.183, 0.187, 0.191, 0.196, 0.2, 0.234, 0.244])
    grenzen = kaarten.klassen(claim, procenten=True)
    assert np.all(np.diff(grenzen) >= 0.02 - 1e-12) and grenzen.min() > claim.min()
    assert "0%" not in " ".join(kaarten.legendateksten(grenzen, procenten=True)).replace("10%", "").replace("20%", "")


def test_the_reports_of_one_region_share_one_scale():
    from woonzorg_lib.rapport import kaartcijfers

    legendas = []
    for deelregio in ("IJmond", "Zuid-Kennemerland"):
        rapport = Rapport.uit_notebook("woonzorganalyse", {"regio": "mra", "deelregio": deelregio})
        eigen = kaartcijfers.per_gemeente(rapport.kern, "tekort", "midden", 2025)["waarde"]
        schaal = kaartcijfers.regiowaarden(rapport.analyse, "tekort")
        assert len(schaal) == 30 and set(eigen.index) <= set(schaal.index)
        assert (schaal.reindex(eigen.index).astype(str) == eigen.astype(str)).all()  # the same protected rows
        fig = kaarten.choropleet(eigen, "Tekort", "woningen", schaal=schaal)
        legendas.append(_legenda(fig))
        plt.close(fig)
    assert legendas[0] == legendas[1]


def test_one_gemeente_gets_a_table_and_a_sentence_not_a_map():
    assert kaarten.choropleet(pd.Series([0.18], index=["GM0363"]), "Claim", "claim", procenten=True) is None
    blok = kaarten.naast_elkaar(None, "Kaart: claim", "<table></table>")
    assert "<img" not in blok and "één gemeente" in blok and "<table></table>" in blok


def test_a_map_is_embedded_as_vector_graphics():
    codes = list(laad_regio("mra").gemeentecodes)[:5]
    blok = kaarten.naast_elkaar(svg(kaarten.choropleet(pd.Series([1.0, 2, 3, 4, 5], index=codes) * 10, "T", "w")), "Kaart",
                                "<table></table>")
    assert 'src="data:image/svg+xml;base64,' in blok and "image/png" not in blok


def test_a_small_positive_count_is_coloured_as_a_number_not_as_no_data():
    from woonzorg_lib.model.onthulling import KLEIN

    codes = list(laad_regio("mra").gemeentecodes)[:5]
    fig = kaarten.choropleet(pd.Series([KLEIN, 40, 120, 75, 10], index=codes, dtype=object), "Tekort", "tekort")
    legenda = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert "geen gegevens" not in legenda, legenda
    kleuren = [to_hex(c) for coll in fig.axes[0].collections for c in coll.get_facecolor()]
    assert "#ffffff" not in kleuren
    plt.close(fig)


def test_the_national_overview_draws_province_borders_and_no_names():
    """342 gemeenten with the 12 provinces' outer borders thick over them; no names (the table names them)."""
    from woonzorg_lib.data.catalogus import provincies

    groepen = [r.gemeentecodes for r in provincies().values()]
    waarden = pd.Series(0.2, index=list(gemeentegrenzen().index), dtype=object)
    waarden.iloc[0], waarden.iloc[1] = ".", "n.b."
    fig = kaarten.choropleet(waarden, "Claim", "claim", procenten=True, overzicht=True,
                             omtrek=("provinciegrens", groepen), maat=(6.3, 7.2))
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.texts] == []
    legenda = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legenda[-1] == "provinciegrens" and "afgeschermd (kleine aantallen)" in legenda
    omtrek = ax.collections[-1]
    assert len(omtrek.get_paths()) == 12 and to_hex(omtrek.get_edgecolor()[0]) == "#000000"
    assert omtrek.get_linewidth()[0] > 2 * ax.collections[0].get_linewidth()[0]
    plt.close(fig)


def test_a_province_border_is_its_outer_border_only():
    """Utrecht's 26 gemeenten merge into one outline: no inner line left by the slivers between the simplified
    boundaries (their plain union has 89 holes); Zeeland keeps its water outside every gemeente as holes."""
    from matplotlib.path import Path

    from woonzorg_lib.data.catalogus import provincies

    def ringen(provincie: str) -> int:
        codes = kaarten._omtrek(provincies()[provincie].gemeentecodes).codes
        return int((codes == Path.MOVETO).sum())

    assert ringen("provincie-utrecht") == 1
    assert ringen("provincie-zeeland") > ringen("provincie-utrecht")
