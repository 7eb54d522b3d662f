"""Chapters built directly from an analysis, without a kernel."""

import pandas as pd
import pytest
from IPython.display import HTML, Image, Markdown

from woonzorg_lib.rapport.hoofdstukken import Rapport
from woonzorg_lib.rapport.hoofdstukken.inhoud import INHOUD
from woonzorg_lib.rapport.hoofdstukken.onderdelen import Tabel

HOOFDSTUKKEN = [h for h in INHOUD["woonzorganalyse"] if h != "monitor"]  # the monitor: see test_batch_editie


@pytest.fixture(scope="module")
def rapport():
    return Rapport.uit_notebook("woonzorganalyse", {"regio": "mra", "deelregio": "IJmond"})


@pytest.mark.parametrize("hoofdstuk", HOOFDSTUKKEN)
def test_every_chapter_has_text_and_tables_or_charts(rapport, hoofdstuk):
    delen = rapport.hoofdstuk(hoofdstuk).weergaven()
    assert isinstance(delen[0], Markdown)
    assert any(isinstance(d, HTML | Image) for d in delen)


@pytest.mark.parametrize("hoofdstuk", HOOFDSTUKKEN)
def test_every_chapter_returns_the_tables_it_shows_as_dataframes(rapport, hoofdstuk):
    """The data is what the display step renders: every cell of the DataFrame is in the rendered table."""
    import pandas as pd

    from woonzorg_lib.rapport.hoofdstukken.weergave import tabel_html

    delen = rapport.hoofdstuk(hoofdstuk)
    assert delen.tabellen and all(isinstance(t, pd.DataFrame) and len(t) for t in delen.tabellen.values())
    eerste = next(d for d in delen if isinstance(d, Tabel))
    assert delen.tabel() is eerste.data
    assert f'aria-label="{eerste.bijschrift}"' in tabel_html(eerste)


def test_a_chapter_table_holds_the_protected_figures_the_report_prints(rapport):
    tabel = rapport.vraag().tabel()
    assert "Totaal" in tabel.index and "herkomst" in tabel.columns
    totaal = tabel.loc["Totaal", "Totaal"]
    assert totaal % 5 == 0  # rounded to fives, as printed
    assert f"{int(totaal):,}".replace(",", ".") in rapport.vraag().weergaven()[2].data


def test_summary_states_the_numbers_of_the_model(rapport):
    tekst = rapport.samenvatting().weergaven()[0].data
    conf = rapport.analyse.confrontatie
    regio = conf[(conf["niveau"] == "regio") & (conf["jaar"] == rapport.p.peiljaar) & (conf["scenario"] == "midden")]
    midden = f"{int(5 * round(regio['vraag_aandachtsgroepen'].iloc[0] / 5)):,}".replace(",", ".")
    assert f"middenschatting is **{midden}**" in tekst
    assert "**5 van de 11 aandachtsgroepen**" in tekst
    assert "Voor Uitstroom maatschappelijke opvang, Uitstroom GGZ" in tekst and "zijn nog geen cijfers" in tekst


def test_modelled_figures_reveal_no_one_and_are_shown(rapport):
    """The bundled defaults are national totals spread by a key: nothing to hide, and so nothing hidden."""
    tabel = rapport.vraag().weergaven()[2].data
    assert "onthullen niemand en staan er wel" in tabel
    assert ">.</td>" not in tabel and not rapport.analyse.beveiliging.to_numpy().any()


def test_overview_compares_deelregios():
    overzicht = Rapport.uit_notebook("regio-overzicht", {"regio": "mra"})
    tabel = next(d.data for d in overzicht.verdeling().weergaven() if isinstance(d, HTML))
    for deelregio in ("Zuid-Kennemerland", "IJmond", "Almere-Lelystad"):
        assert deelregio in tabel


def test_excel_hides_exactly_what_the_report_hides(tmp_path):
    """Protected once, the same way everywhere: no output shows a cell another output hides."""
    import re

    import pandas as pd

    from tests.conftest import vul_invoer_in
    from woonzorg_lib.analyse.invoerformat import schrijf_invoersjabloon
    from woonzorg_lib.analyse.parameters import valideer_parameters
    from woonzorg_lib.rapport.kerncijfers import kerncijfers
    from woonzorg_lib.rapport.tabellen import schrijf_tabellen

    pad = schrijf_invoersjabloon(valideer_parameters("woonzorganalyse", {"regio": "mra"}), tmp_path / "mra.xlsx")
    klein = {("GM0375", "urgenten"): 6, ("GM0396", "urgenten"): 25, ("GM0450", "urgenten"): 3, ("GM0453", "urgenten"): 40}
    vul_invoer_in(pad, klein, "Urgentiecommissie IJmond 2025")
    rapport = Rapport.uit_notebook("woonzorganalyse", {"regio": "mra", "deelregio": "IJmond", "invoer": str(pad)})
    schrijf_tabellen(rapport.analyse, kerncijfers(rapport.analyse), tmp_path / "tabellen.xlsx")
    for blad, deel in (("vraag (woningen per jaar)", 2), ("vraag (personen per jaar)", 3)):
        excel = pd.read_excel(tmp_path / "tabellen.xlsx", sheet_name=blad, index_col=0)
        html = rapport.vraag().weergaven()[deel].data
        kop = re.findall(r"<th[^>]*>(.*?)</th>", html.split("</thead>")[0])[1:]
        verborgen_html = {(re.search(r"<th[^>]*>(.*?)</th>", r).group(1), kolom)
                          for r in re.findall(r"<tr[^>]*>(.*?)</tr>", html, flags=re.S)[1:]
                          for kolom, cel in zip(kop, re.findall(r"<td[^>]*>(.*?)</td>", r), strict=False) if cel == "."}
        verborgen_excel = {(rij, kolom) for rij in excel.index for kolom in excel.columns if excel.loc[rij, kolom] == "."}
        assert verborgen_html and verborgen_html == verborgen_excel, blad
        assert ("Uitgeest", "Medische en sociale urgenten") in verborgen_html


def test_summary_table_total_is_the_task_the_text_states(rapport):
    import re

    tekst, tabel = rapport.samenvatting().weergaven()[0].data, rapport.samenvatting().weergaven()[1].data
    assert "Ouderen" not in tabel
    totaal = re.search(r'<tr class="wz-totaal">.*?</tr>', tabel, flags=re.S).group(0)
    laag, midden, hoog = re.findall(r'<td class="wz-getal">([\d.]+)</td>', totaal)
    assert f"**{laag} tot {hoog} woningen per jaar** nodig" in tekst and f"middenschatting is **{midden}**" in tekst


def test_the_registered_65plus_count_is_shown_exactly_beside_the_estimated_age_bands():
    """CBS counts IJmond's 65-74 and 75+ per gemeente (85383NED, 2024-01-01: Beverwijk 4.387 and 3.797); 75-84 and 85+
    are estimated from the 75+ count and rounded: the counted totals are shown exactly, in the table and the text."""
    from woonzorg_lib.rapport.hoofdstukken.bevolking import TOTAAL_65

    ijmond = Rapport.uit_notebook("woonzorganalyse", {"regio": "mra", "deelregio": "IJmond"})
    hoofdstuk = ijmond.bevolking()
    tabel = hoofdstuk.tabel()
    assert tabel.loc["Beverwijk", TOTAAL_65] == 8_184 and tabel.loc["Beverwijk", "65-74 jaar"] == 4_387
    assert tabel.loc["Beverwijk", ["75-84 jaar", "85 jaar en ouder"]].sum() == 3_800  # estimated, rounded to fives
    assert "**8.184**" not in hoofdstuk[0].markdown  # the text gives the area's totals
    assert "65-plussers is **35.152**" in hoofdstuk[0].markdown  # 8.184 + 9.349 + 2.681 + 14.938
    assert "75-plussers in het gebied is **16.699**" in hoofdstuk[0].markdown  # 3.797 + 4.590 + 1.192 + 7.120


def test_the_counted_years_of_the_lettings_give_the_range_of_the_claim():
    """Amsterdam's lettings are 2022's (9.578) to 2030; the AFWC years 2019-2021 give 7.485 to 8.037, and with them
    the claim 22,7 % to 24,4 % instead of 19,0 % (with the homeless count of centrumregio Amsterdam)."""
    amsterdam = Rapport.uit_notebook("woonzorganalyse", {"regio": "mra", "deelregio": "Amsterdam"})
    tekst = amsterdam.confrontatie()[0].markdown
    assert "in 2019–2021 waren het er 7.485 tot 8.037 per jaar" in tekst
    assert "de claim 22,7% tot 24,4% in plaats van 19,0%" in tekst


def test_the_region_s_own_published_figures_stand_beside_the_result_with_their_source():
    """Hart van Brabant publishes 283 homes a year for outflow from BW and MO (Tiwos 2021); the tool counts BW only,
    and the report says so, with the warning that the BW estimate ignores the concentration in the centrumgemeente."""
    brabant = Rapport.uit_notebook("woonzorganalyse", {"regio": "hart-van-brabant"}).vraag()
    tekst = " ".join(d.markdown for d in brabant if hasattr(d, "markdown"))
    assert "Hart van Brabant noemt zelf **283 woningen per jaar**" in tekst and "tiwos" in tekst
    assert "alleen voor uitstroom beschermd wonen; voor uitstroom maatschappelijke opvang zijn er geen gegevens" in tekst
    assert "centrumgemeenten" in tekst
    zaanstreek = Rapport.uit_notebook("woonzorganalyse", {"regio": "mra", "deelregio": "Zaanstreek-Waterland",
                                                          "peiljaar": 2023}).vraag()
    tekst = " ".join(d.markdown for d in zaanstreek if hasattr(d, "markdown"))
    assert "**752 personen (taakstelling)**" in tekst and "2023-H2 landelijk 15.000 (aanname)" in tekst


def test_a_bad_comparison_file_names_file_row_and_what_was_expected(tmp_path, monkeypatch):
    from woonzorg_lib.algemeen.errors import WoonzorgFout
    from woonzorg_lib.data import vergelijking

    (tmp_path / vergelijking.BESTAND).write_text(
        "regio,gebied,doelgroepen,waarde,eenheid,jaar,bron,toelichting\nmra,X,statushouders,1.5,personen,,b,t\n",
        encoding="utf-8")
    monkeypatch.setattr(vergelijking, "BUNDEL_MAP", tmp_path)
    vergelijking._lees.cache_clear()
    with pytest.raises(WoonzorgFout, match=r"rij 2, waarde.*heel getal.*'1.5'"):
        vergelijking.vergelijkingscijfers("mra", 2025)
    vergelijking._lees.cache_clear()


def test_a_report_of_one_gemeente_refers_to_no_map_and_a_legend_has_no_formula():
    amsterdam = Rapport.uit_notebook("woonzorganalyse", {"regio": "mra", "deelregio": "Amsterdam"})
    teksten = [d.markdown for h in (amsterdam.confrontatie(), amsterdam.verdeling()) for d in h if hasattr(d, "markdown")]
    assert not [t for t in teksten if "Op de kaart" in t]
    assert "**Per gemeente.** De claim en het tekort staan in de tabellen hieronder." in teksten


def test_map_legends_use_words_not_formulas(monkeypatch, rapport):
    from woonzorg_lib.rapport import kaarten

    legendas = []
    echt = kaarten.choropleet
    monkeypatch.setattr(kaarten, "choropleet",
                        lambda w, t, legenda, *a, **k: legendas.append(legenda) or echt(w, t, legenda, *a, **k))
    rapport.confrontatie()
    rapport.verdeling()
    assert legendas and not [lg for lg in legendas if any(teken in lg for teken in "÷×=−")]


@pytest.mark.parametrize("hoofdstuk", ["vraag", "confrontatie", "verdeling", "gevoeligheid"])
def test_a_chapter_with_a_total_states_how_many_of_the_11_groups_it_covers(hoofdstuk):
    regio = Rapport.uit_notebook("woonzorganalyse", {"regio": "mra"})
    tekst = regio.hoofdstuk(hoofdstuk)[0].markdown
    assert "5 van de 11 aandachtsgroepen" in tekst.replace("**", "") and "ondergrens" in tekst


def test_a_positive_figure_that_rounds_to_0_shows_as_less_than_2_5_in_every_chapter_table():
    """Zuid-Kennemerland, scenario midden: three gemeente cells of the demand table lie between 0 and 2,5 homes a
    year (kerncijfers and factsheet say '< 2,5'); the report printed them as 0, which reads as 'no need'."""
    from woonzorg_lib.model.onthulling import KLEIN

    zk = Rapport.uit_notebook("woonzorganalyse", {"regio": "mra", "deelregio": "Zuid-Kennemerland"})
    vraag = next(t for titel, t in zk.vraag().tabellen.items() if titel.startswith("Woningen per jaar per gemeente"))
    assert (vraag == KLEIN).sum().sum() == 3
    assert not (vraag == 0).any().any()


def test_a_table_of_homes_never_shows_a_missing_figure_as_0():
    from woonzorg_lib.rapport import publicatie

    tabel = publicatie.woningen(pd.DataFrame({"vorige editie": [12.0, None], "deze editie": [0.4, 0.0]}))
    assert tabel.to_dict("list") == {"vorige editie": [10, "n.b."], "deze editie": ["< 2,5", 0]}


def test_the_demand_chapter_names_the_gemeenten_whose_figure_stays_a_national_figure_pro_rata():
    """Jeugdzorg rests on each gemeente's own CBS count of jeugdhulp met verblijf, except where CBS suppressed it and
    the jeugdregio leaves nothing (Rozendaal); detention is the national figure pro rata everywhere outside the G3."""
    arnhem = Rapport.uit_notebook("woonzorganalyse", {"regio": "groene-metropoolregio-arnhem-nijmegen",
                                                      "deelregio": "Arnhem e.o. (rest GMR)"}).vraag()
    tekst = " ".join(d.markdown for d in arnhem if hasattr(d, "markdown"))
    assert "**Landelijke cijfers naar rato.**" in tekst
    assert "voor uitstroom jeugdzorg (18+) in Rozendaal" in tekst
    assert "ex-gedetineerden in alle 11 gemeenten" in tekst
    ijmond = Rapport.uit_notebook("woonzorganalyse", {"regio": "mra", "deelregio": "IJmond"}).vraag()
    tekst = " ".join(d.markdown for d in ijmond if hasattr(d, "markdown"))
    assert "uitstroom jeugdzorg" not in tekst.split("**Landelijke cijfers naar rato.**")[1].split("**")[0]


def test_a_gemeente_with_a_suppressed_count_is_named_with_its_jeugdregio_share():
    leeuwarden = Rapport.uit_notebook("woonzorganalyse", {"regio": "centrumregio-leeuwarden"}).vraag()
    tekst = " ".join(d.markdown for d in leeuwarden if hasattr(d, "markdown"))
    assert ("Het CBS schermt het aantal trajecten jeugdhulp met verblijf af bij Ameland, Schiermonnikoog, Terschelling "
            "en Vlieland. Die gemeenten krijgen voor uitstroom jeugdzorg (18+) het deel dat hun jeugdregio overlaat") in tekst


def test_the_pro_rata_paragraph_names_the_groups_once_per_set_of_gemeenten():
    """Zuid-Kennemerland read 'bij uitstroom beschermd wonen: alle 4 gemeenten; dak- en thuislozen: alle 4 gemeenten;
    ex-gedetineerden: alle 4 gemeenten': one clause per set of gemeenten, the groups named together."""
    from woonzorg_lib.rapport.hoofdstukken.selectie import Selectie
    from woonzorg_lib.rapport.hoofdstukken.vraag import naar_rato

    zk = Rapport.uit_notebook("woonzorganalyse", {"regio": "mra", "deelregio": "Zuid-Kennemerland"})
    assert naar_rato(Selectie(zk.analyse)) == (
        "**Landelijke cijfers naar rato.** Zonder eigen cijfer van de gemeente is de vraag een landelijk aantal naar "
        "rato van de inwoners: voor uitstroom beschermd wonen, dak- en thuislozen en ex-gedetineerden in alle 4 "
        "gemeenten. Bij uitstroom beschermd wonen wijkt dat het meest af: de bewoners wonen vooral in en rond de "
        "centrumgemeenten, daar is de echte opgave groter en elders kleiner. Een eigen telling in het invoerformat "
        "vervangt zo'n schatting.")
    mra = Rapport.uit_notebook("woonzorganalyse", {"regio": "mra"})
    assert ("voor uitstroom beschermd wonen in alle 30 gemeenten; voor dak- en thuislozen in alle gemeenten behalve "
            "Amsterdam, Aalsmeer, Amstelveen, Diemen, Ouder-Amstel, Uithoorn, Almere en Lelystad; voor "
            "ex-gedetineerden in alle gemeenten behalve Amsterdam.") in naar_rato(Selectie(mra.analyse))


def test_one_gemeente_with_a_suppressed_count_is_named_in_the_singular():
    leiden = Rapport.uit_notebook("woonzorganalyse", {"regio": "centrumregio-leiden"}).vraag()
    tekst = " ".join(d.markdown for d in leiden if hasattr(d, "markdown"))
    assert ("af bij Zoeterwoude. Die gemeente krijgt voor uitstroom jeugdzorg (18+) het deel dat haar jeugdregio "
            "overlaat") in tekst


def test_a_gemeente_without_lettings_shows_no_claim_and_the_chapter_still_renders():
    """Renswoude (centrumregio Ede): CBS counts no corporation dwellings, so 0 lettings; the claim was demand ÷ 0
    and the chapter's table could not be drawn (the national run failed on it)."""
    from woonzorg_lib.model.onthulling import ONBEKEND

    ede = Rapport.uit_notebook("woonzorganalyse", {"regio": "centrumregio-ede"})
    assert ede.confrontatie().weergaven()
    tabel = next(t for titel, t in ede.confrontatie().tabellen.items() if titel.startswith("Woningen per jaar"))
    assert tabel.loc["Renswoude", "claim"] == ONBEKEND
    assert tabel.drop(index="Renswoude")["claim"].map(lambda c: isinstance(c, float)).all()


@pytest.fixture(scope="module")
def leiden() -> Rapport:
    """Centrumregio Leiden: a region without deelregio's, with counted lettings for five of its gemeenten."""
    return Rapport.uit_notebook("woonzorganalyse", {"regio": "centrumregio-leiden"})


def test_the_lettings_range_names_one_other_year_as_a_figure_and_several_as_a_range(leiden):
    zinnen = leiden.selectie.verhuringen_bandbreedte()
    # Holland Rijnland Wonen counted 2021 and 2022: the other year is one figure, never '2021–2021' or 'x tot x'.
    assert "Voor Leiden rekent de analyse tot 2030 met de getelde verhuringen van 2022 (1.063); in 2021 waren het er " \
           "1.149. Met dat jaar is de claim " in zinnen
    assert "2021–2021" not in zinnen and "1.149 tot 1.149" not in zinnen
    amsterdam = Rapport.uit_notebook("woonzorganalyse", {"regio": "mra", "deelregio": "Amsterdam"})
    assert "in 2019–2021 waren het er 7.485 tot 8.037 per jaar. Met die jaren is de claim " in \
           amsterdam.selectie.verhuringen_bandbreedte()


def test_the_afbakening_of_a_region_without_deelregios_names_none(leiden):
    tekst, tabel, _ = leiden.afbakening()
    assert "Centrumregio Leiden**: 13 gemeenten, peiljaar" in tekst.markdown
    assert "deelregio" not in tekst.markdown and "deelregio" not in tabel.data.columns
    tekst, tabel, _ = Rapport.uit_notebook("woonzorganalyse", {"regio": "mra", "deelregio": "IJmond"}).afbakening()
    assert "4 gemeenten in 1 deelregio" in tekst.markdown and "deelregio" in tabel.data.columns
