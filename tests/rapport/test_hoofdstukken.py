"""Chapters built directly from an analysis, without a kernel."""

import pytest
from IPython.display import HTML, Image, Markdown

from woonzorg_lib.rapport.hoofdstukken import Rapport

HOOFDSTUKKEN = ["samenvatting", "afbakening", "bevolking", "vraag", "aanbod", "confrontatie", "verdeling",
                "gevoeligheid", "verantwoording"]


@pytest.fixture(scope="module")
def rapport():
    return Rapport.uit_notebook("woonzorganalyse", {"regio": "mra", "deelregio": "IJmond"})


@pytest.mark.parametrize("hoofdstuk", HOOFDSTUKKEN)
def test_every_chapter_has_text_and_tables_or_charts(rapport, hoofdstuk):
    delen = getattr(rapport, hoofdstuk)()
    assert isinstance(delen[0], Markdown)
    assert any(isinstance(d, HTML | Image) for d in delen)


def test_summary_states_the_numbers_of_the_model(rapport):
    tekst = rapport.samenvatting()[0].data
    conf = rapport.analyse.confrontatie
    regio = conf[(conf["niveau"] == "regio") & (conf["jaar"] == rapport.p.peiljaar) & (conf["scenario"] == "midden")]
    midden = f"{int(5 * round(regio['vraag_aandachtsgroepen'].iloc[0] / 5)):,}".replace(",", ".")
    assert f"middenscenario {midden})" in tekst
    assert "**5 van de 11 aandachtsgroepen**" in tekst
    assert "**Geen gegevens** voor Uitstroom maatschappelijke opvang" in tekst


def test_counts_of_people_are_protected_in_the_tables(rapport):
    tabel = rapport.vraag()[2].data
    assert "= minder dan 10 of afgeschermd" in tabel
    assert ">.</td>" in tabel  # IJmond has small cells


def test_overview_compares_deelregios():
    overzicht = Rapport.uit_notebook("regio-overzicht", {"regio": "mra"})
    tabel = next(d.data for d in overzicht.verdeling() if isinstance(d, HTML))
    for deelregio in ("Zuid-Kennemerland", "IJmond", "Almere-Lelystad"):
        assert deelregio in tabel


def test_excel_hides_exactly_what_the_report_hides(rapport, tmp_path):
    """Protected once, the same way everywhere: no output shows a cell another output hides."""
    import re

    import pandas as pd

    from woonzorg_lib.rapport.uitvoer import kerncijfers, schrijf_tabellen

    schrijf_tabellen(rapport.analyse, kerncijfers(rapport.analyse), tmp_path / "tabellen.xlsx")
    for blad, deel in (("vraag (woningen per jaar)", 2), ("vraag (personen per jaar)", 3)):
        excel = pd.read_excel(tmp_path / "tabellen.xlsx", sheet_name=blad, index_col=0)
        rijen = re.findall(r"<tr[^>]*>(.*?)</tr>", rapport.vraag()[deel].data, flags=re.S)[1:]
        html = [[c == "." for c in re.findall(r"<td[^>]*>(.*?)</td>", r)] for r in rijen]
        assert (excel == ".").to_numpy().tolist() == html, blad


def test_summary_table_total_is_the_task_the_text_states(rapport):
    import re

    tekst, tabel = rapport.samenvatting()[0].data, rapport.samenvatting()[1].data
    assert "Ouderen" not in tabel
    totaal = re.search(r'<tr class="wz-totaal">.*?</tr>', tabel, flags=re.S).group(0)
    laag, midden, hoog = re.findall(r'<td class="wz-getal">([\d.]+)</td>', totaal)
    assert f"**{laag} tot {hoog} woningen** nodig (middenscenario {midden})" in tekst
