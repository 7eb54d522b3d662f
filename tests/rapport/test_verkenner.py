"""The explorer and the report: one model, the same figures, for the MRA, an own region of 16 Utrecht gemeenten and
Hart van Brabant; sliders carry exact values; any parameter file opens."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pandas as pd
import pytest
from IPython.core.formatters import format_display_data

from tests.conftest import PARAMETERS
from woonzorg_lib.analyse.doorrekenen import analyseer
from woonzorg_lib.analyse.parameters import lees_parameterbestand
from woonzorg_lib.analyse.resultaat import Analyse
from woonzorg_lib.rapport.hoofdstukken import Rapport
from woonzorg_lib.rapport.hoofdstukken.selectie import varianten
from woonzorg_lib.rapport.verkenner import EIGEN_MIX, Verkenner, kerncijfers, parameterbestanden, schuif_instellen

U16 = """naam: U16
deelregios:
  - naam: Utrecht stad
    gemeenten: [GM0344]
  - naam: Utrecht West
    gemeenten: [GM0331, GM0335, GM0353, GM0356, GM0589, GM0632, GM0736, GM1904]
  - naam: Utrecht Oost
    gemeenten: [GM0310, GM0312, GM0321, GM0352, GM0355, GM1581, GM1961]
"""


@pytest.fixture(scope="module")
def u16(tmp_path_factory) -> Path:
    """An own region as the README describes it: a region file and a parameter file beside it."""
    map_ = tmp_path_factory.mktemp("u16")
    (map_ / "u16-regio.yaml").write_text(U16, encoding="utf-8")
    (map_ / "u16-west.yaml").write_text(
        "notebook: woonzorganalyse\nregio: u16-regio.yaml\ndeelregio: Utrecht West\n"
        "aandeel_verhuringen_aandachtsgroepen: 0,12\n", encoding="utf-8")
    return map_ / "u16-west.yaml"


def _bestand(naam: str, u16: Path) -> Path:
    if naam == "u16":
        return u16
    if naam == "hart-van-brabant":
        pad = u16.parent / "hart-van-brabant.yaml"
        pad.write_text("notebook: regio-overzicht\nregio: hart-van-brabant\n", encoding="utf-8")
        return pad
    return PARAMETERS / f"{naam}.yaml"


def _zelfde_analyse(verkenner: Analyse, rapport: Analyse) -> None:
    """Every table and figure of the two analyses is identical."""
    for veld in dataclasses.fields(Analyse):
        a, b = getattr(verkenner, veld.name), getattr(rapport, veld.name)
        if isinstance(a, pd.DataFrame):
            pd.testing.assert_frame_equal(a, b, check_exact=True, obj=veld.name)
        elif veld.compare:
            assert a == b, veld.name


def _zelfde_cijfers(verkenner: Verkenner, rapport: Rapport) -> None:
    """What the explorer shows is what the report shows: key figures, chart tables."""
    _zelfde_analyse(verkenner.laatste, rapport.analyse)
    cijfers = kerncijfers(verkenner.laatste)
    samenvatting = rapport.samenvatting().weergaven()[0].data
    assert (f"**{cijfers['vraag_laag']} tot {cijfers['vraag_hoog']} woningen per jaar** nodig" in samenvatting
            and f"middenschatting is **{cijfers['vraag_midden']}**" in samenvatting)
    assert f"**{cijfers['claim']} nodig van de {cijfers['verhuringen']} sociale huurwoningen**" in samenvatting
    assert (f"**{cijfers['tekort_midden']} woningen per jaar te weinig** (tussen {cijfers['tekort_laag']} en "
            f"{cijfers['tekort_hoog']})") in samenvatting
    _, claim = rapport.confrontatietabel()
    pd.testing.assert_frame_equal(verkenner._claim._tabel, claim.to_frame("claim"))
    verdeling = rapport.selectie.verdeling()
    pd.testing.assert_frame_equal(verkenner._verdeling._tabel, verdeling[varianten(verdeling)].astype("float64"))


def _stap(schuif, stappen: int) -> None:
    """Move a slider as a browser does: whole steps on its grid."""
    schuif.value = schuif.value + stappen * schuif.step


@pytest.mark.parametrize("naam", ["mra", "u16", "hart-van-brabant"])
def test_explorer_and_report_agree_on_every_figure_after_each_slider_move(naam, u16):
    bestand = lees_parameterbestand(_bestand(naam, u16))
    verkenner = Verkenner(bestand.parameters, bestand.notebook)
    assert verkenner.parameters() == bestand.parameters, "untouched, the explorer holds the parameter file itself"
    bewegingen = [
        lambda: _stap(verkenner.aandeel, 3),
        lambda: _stap(verkenner.mutatiegraad, -7),
        lambda: setattr(verkenner.scenario, "value", "hoog"),
        lambda: setattr(verkenner.gewichten["inwoners"], "value", 0.35),
        lambda: setattr(verkenner.gewichten["verhuringen"], "value", 0.65),
        lambda: setattr(verkenner.plafond, "value", 0.2),
        lambda: _stap(verkenner.aandeel, -5),
    ]
    if bestand.notebook == "woonzorganalyse":
        bewegingen.append(lambda: setattr(verkenner.deelregio, "value", ""))
    for beweeg in bewegingen:
        beweeg()
        assert not verkenner.melding.value, verkenner.melding.value
        parameters = verkenner.parameters()
        _zelfde_cijfers(verkenner, Rapport.voor(bestand.notebook, analyseer(parameters)))
    assert parameters.verdeelsleutels[EIGEN_MIX] == {"inwoners": 0.35, "verhuringen": 0.65}
    assert parameters.plafond_aandeel_verhuringen == 0.2 and parameters.scenario == "hoog"
    rapport = Rapport.voor(bestand.notebook, analyseer(parameters))
    pd.testing.assert_frame_equal(verkenner.laatste.gevoeligheid, rapport.analyse.gevoeligheid)
    # The chapters the explorer shows on request are the report's, to the byte (text, tables and charts).
    verkenner.hoofdstukken.value = ("samenvatting", "confrontatie", "verdeling")
    getoond = [{k: v for k, v in o["data"].items()} for o in verkenner.uitvoer.outputs]
    verwacht = [deel for h in ("samenvatting", "confrontatie", "verdeling") for deel in rapport.hoofdstuk(h).weergaven()]
    assert len(getoond) == len(verwacht)
    for uit, deel in zip(getoond, verwacht, strict=True):
        data, _ = format_display_data(deel)
        soort = next(s for s in ("image/png", "text/html", "text/markdown") if s in data)
        assert uit[soort] == data[soort]


def test_the_parameter_file_a_moved_explorer_shows_gives_the_same_report(u16, tmp_path):
    """'Deze instellingen als parameterbestand': saved as a file, a run gives the explorer's figures."""
    bestand = lees_parameterbestand(u16)
    verkenner = Verkenner(bestand.parameters, bestand.notebook)
    _stap(verkenner.mutatiegraad, 4)
    verkenner.gewichten["sociale_huurvoorraad"].value = 0.5
    pad = tmp_path / "uit-verkenner.yaml"
    pad.write_text(verkenner.als_bestand.value, encoding="utf-8")
    opnieuw = lees_parameterbestand(pad).parameters
    assert opnieuw == verkenner.parameters()
    _zelfde_analyse(verkenner.laatste, analyseer(opnieuw))


def test_sliders_carry_the_exact_value_of_the_parameter_file():
    bestand = lees_parameterbestand(PARAMETERS / "ijmond.yaml")
    verkenner = Verkenner(bestand.parameters)
    kengetal = float(verkenner.laatste.kengetallen.loc["mutatiegraad", "midden"])
    schuif = verkenner.mutatiegraad
    assert schuif.value == kengetal
    stappen = (schuif.value - schuif.min) / schuif.step
    assert abs(stappen - round(stappen)) < 1e-9, "the grid runs through the value: a browser cannot snap it"
    getoond = format(schuif.value, schuif.readout_format)
    assert abs(float(getoond.rstrip("%")) / 100 - kengetal) < 1e-12, f"the readout {getoond} shows the exact value"
    assert verkenner.parameters().mutatiegraad is None, "untouched: the kengetal, with its own herkomst"
    schuif_instellen(schuif, 0.0696, 0.02, 0.15, 0.001)
    assert schuif.value == 0.0696 and schuif.readout_format == ".2%"
    schuif.value = schuif.min + 26 * schuif.step  # what the browser sends back: a grid point with float noise
    assert verkenner.parameters().mutatiegraad == 0.0466
    schuif_instellen(schuif, 0.01, 0.02, 0.15, 0.001)  # a parameter file below the usual range keeps its value
    assert schuif.value == 0.01 and schuif.min <= 0.01


def test_any_parameter_file_opens_and_an_own_region_stays_itself(u16):
    verkenner = Verkenner(lees_parameterbestand(PARAMETERS / "ijmond.yaml").parameters)
    verkenner.open(str(u16))
    assert not verkenner.melding.value
    assert verkenner.laatste.geheel.naam == "U16" and verkenner.laatste.regio.naam == "Utrecht West"
    assert verkenner.parameters().aandeel_verhuringen_aandachtsgroepen == 0.12
    assert verkenner.deelregio.options[1:] == (("Utrecht stad", "Utrecht stad"), ("Utrecht West", "Utrecht West"),
                                               ("Utrecht Oost", "Utrecht Oost"))
    verkenner.open(str(u16.parent / "u16-regio.yaml"))
    assert "is een regiobestand" in verkenner.melding.value
    assert verkenner.laatste.geheel.naam == "U16", "a file that cannot be opened changes nothing"
    verkenner.open(str(PARAMETERS / "mra.yaml"))
    assert verkenner.sjabloon == "regio-overzicht" and verkenner.eenheid == "deelregio"
    assert verkenner.deelregio.disabled


def test_the_file_list_offers_parameter_files_and_no_region_files():
    gevonden = parameterbestanden(PARAMETERS)
    assert any(p.endswith("voorbeelden/utrecht.yaml") for p in gevonden)
    assert not any(p.endswith("gemeente-utrecht.yaml") for p in gevonden)


def test_the_own_mix_offers_a_key_only_where_the_region_has_its_figures(tmp_path):
    from tests.conftest import vul_invoer_in
    from woonzorg_lib.analyse.invoerformat import schrijf_invoersjabloon
    from woonzorg_lib.analyse.parameters import valideer_parameters
    from woonzorg_lib.data.catalogus import laad_regio

    parameters = valideer_parameters("woonzorganalyse", {"regio": "hart-van-brabant"})
    verkenner = Verkenner(parameters)
    assert "huishoudens" not in verkenner.gewichten and "inwoners" in verkenner.gewichten
    pad = schrijf_invoersjabloon(parameters, tmp_path / "hvb.xlsx")
    codes = laad_regio("hart-van-brabant").gemeentecodes
    vul_invoer_in(pad, {(c, "huishoudens"): 1000.0 + i for i, c in enumerate(codes)}, "CBS huishoudens 2024")
    bestand = tmp_path / "hvb.yaml"
    bestand.write_text(f"notebook: woonzorganalyse\nregio: hart-van-brabant\ninvoer: {pad.name}\n", encoding="utf-8")
    verkenner.open(str(bestand))
    assert not verkenner.melding.value and "huishoudens" in verkenner.gewichten
    verkenner.gewichten["huishoudens"].value = 1.0
    assert not verkenner.melding.value
    assert verkenner.parameters().verdeelsleutels[EIGEN_MIX] == {"huishoudens": 1.0}
    _zelfde_analyse(verkenner.laatste, analyseer(verkenner.parameters()))


def test_a_file_whose_run_would_fail_is_refused_and_changes_nothing(tmp_path):
    verkenner = Verkenner(lees_parameterbestand(PARAMETERS / "ijmond.yaml").parameters)
    kapot = tmp_path / "kapot.yaml"
    kapot.write_text("notebook: woonzorganalyse\nregio: mra\nverdeelsleutels:\n  Draagkracht:\n    draagkracht: 1\n",
                     encoding="utf-8")
    verkenner.open(str(kapot))
    assert "kan niet worden geopend" in verkenner.melding.value and "draagkracht" in verkenner.melding.value
    assert verkenner.laatste.regio.naam == "IJmond" and verkenner.basis.deelregio == "IJmond"


@pytest.mark.parametrize(("bestand", "verhuringen", "herkomst"), [("amsterdam", "9.578", "register"),
                                                                  ("ijmond", "1.785", "schatting")])
def test_the_key_figures_carry_the_tier_and_source_kerncijfers_gives_them(bestand, verhuringen, herkomst):
    from woonzorg_lib.rapport.kerncijfers import kerncijfers as kern_van
    from woonzorg_lib.rapport.verkenner import kerncijfers_html

    analyse = analyseer(lees_parameterbestand(PARAMETERS / f"{bestand}.yaml").parameters)
    html = kerncijfers_html(analyse)
    kern = kern_van(analyse)
    totaal = kern[(kern["gemeentecode"] == "") & (kern["jaar"] == analyse.parameters.peiljaar)]
    rij = totaal[totaal["indicator"] == "verhuringen"].iloc[0]
    bron = kern[(kern["gemeentecode"] != "") & (kern["indicator"] == "verhuringen")]["bron"].iloc[0]
    assert rij["herkomst"] == herkomst and f"{rij['waarde']:.0f}" == verhuringen.replace(".", "")
    # IJmond: every stock is the gemeente's CBS count (register), the lettings an estimate by the mutatiegraad
    assert (f'<span class="wz-verhuringen">{verhuringen}</span> verhuringen (<span class="wz-bron">'
            f"{'●●●' if herkomst == 'register' else '●●○'} {herkomst}: {bron}") in html
    for indicator, kop in (("vraag_woningen", "vraag aandachtsgroepen"), ("tekort", "tekort na afgesproken")):
        (tier,) = set(totaal.loc[(totaal["indicator"] == indicator)
                                 & totaal["doelgroep"].isin(["", "totaal aandachtsgroepen"]), "herkomst"])
        assert re.search(rf'<th scope="row">{kop}[^<]*</th>.*?<td>[●○]+ {tier}</td></tr>', html), (kop, tier)
