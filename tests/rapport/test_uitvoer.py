"""The machine-readable outputs of the bundled MRA default: every figure with its tier and source, one number per thing."""

import math

import pandas as pd
import pytest

from tests.conftest import PARAMETERS
from woonzorg_lib.analyse.doorrekenen import analyseer
from woonzorg_lib.analyse.parameters import lees_parameterbestand
from woonzorg_lib.data.basis import bevolking
from woonzorg_lib.rapport.kerncijfers import kerncijfers
from woonzorg_lib.rapport.uitvoer import samenvatting, schrijf_uitvoer


@pytest.fixture(scope="module")
def mra():
    return analyseer(lees_parameterbestand(PARAMETERS / "mra.yaml").parameters)


@pytest.fixture(scope="module")
def kern(mra):
    return kerncijfers(mra)


def test_every_row_has_a_tier_and_a_source(kern):
    assert kern["herkomst"].isin(["register", "schatting", "aanname", "geen gegevens"]).all()
    assert kern["bron"].map(lambda b: isinstance(b, str) and len(b) > 10).all()
    # A policy target is no register figure: older people's demand rests on an assumption.
    assert set(kern.loc[kern["indicator"] == "vraag_ouderen", "herkomst"]) == {"aanname"}


def test_the_2025_taakstelling_is_art29_for_every_gemeente(kern):
    inwoners = bevolking().query("peildatum == '2024-01-01'").set_index("gemeentecode")["inwoners"].astype(int)
    nederland = int(inwoners.sum())
    for deel, landelijk in (("H1", 15_000), ("H2", 13_000)):
        rijen = kern[(kern["indicator"] == f"taakstelling_{deel}") & (kern["jaar"] == 2025) & (kern["gemeentecode"] != "")]
        assert rijen["scenario"].nunique() == 3 and len(rijen) == 30 * 3
        for rij in rijen.itertuples():
            assert rij.waarde == math.ceil(landelijk * inwoners[rij.gemeentecode] / nederland)
        assert rijen["bron"].str.contains(f"landelijk {landelijk:,}".replace(",", ".")).all()


def test_persons_carry_their_own_tier_not_that_of_the_household_size(kern):
    # 2025: persons are the published taakstelling (schatting); homes also rest on the household size (aanname).
    rijen = kern[(kern["doelgroep"] == "statushouders") & (kern["jaar"] == 2025) & (kern["gemeentecode"] != "")]
    herkomst = rijen.groupby("indicator")["herkomst"].agg(set)
    assert herkomst["vraag_personen"] == herkomst["taakstelling_H1"] == {"schatting"}
    assert herkomst["vraag_woningen"] == {"aanname"}


def test_amsterdam_lettings_are_the_registered_afwc_figure_exactly_and_a_mixed_total_is_rounded(kern):
    verhuringen = kern[kern["indicator"] == "verhuringen"]
    rij = verhuringen[verhuringen["gemeentecode"] == "GM0363"].iloc[0]
    assert rij["waarde"] == 9578 and rij["herkomst"] == "register"  # public: as published, not 9.580
    assert "nul20.nl" in rij["bron"]
    deelregio = verhuringen[(verhuringen["gemeentecode"] == "") & (verhuringen["deelregio"] == "Amsterdam")]
    assert set(deelregio["waarde"]) == {9578}  # a sum of published counts only is exact too
    regio = verhuringen[(verhuringen["gemeentecode"] == "") & (verhuringen["deelregio"] == "")]
    assert set(regio["herkomst"]) == {"schatting"} and all(w % 5 == 0 for w in regio["waarde"])  # with estimates


def test_a_published_count_is_the_same_exact_figure_in_every_output_and_a_model_figure_rounded(tmp_path):
    """Amsterdam's registered lettings (9.578) in the report, workbook, kerncijfers, factsheet and explorer; the
    agreed part of them (9.578 × 10% = 957,8) is a model figure, rounded to fives everywhere (960)."""
    from openpyxl import load_workbook

    from woonzorg_lib.rapport.hoofdstukken import Rapport
    from woonzorg_lib.rapport.verkenner import kerncijfers as verkenner_cijfers

    amsterdam = analyseer(lees_parameterbestand(PARAMETERS / "amsterdam.yaml").parameters)
    assert amsterdam.aanbod.loc["GM0363", "verhuringen"] == 9578 and amsterdam.parameters.aandeel_verhuringen_aandachtsgroepen == 0.1
    schrijf_uitvoer(amsterdam, tmp_path, met_factsheets=True)
    csv = pd.read_csv(tmp_path / "kerncijfers.csv", dtype={"gemeentecode": str}, keep_default_na=False)
    eigen = csv[csv["gemeentecode"] == "GM0363"]
    assert set(eigen.loc[eigen["indicator"] == "verhuringen", "waarde"].astype(float)) == {9578.0}
    assert set(eigen.loc[eigen["indicator"] == "beschikbaar", "waarde"].astype(float)) == {960.0}
    werkmap = load_workbook(tmp_path / "tabellen.xlsx")
    aanbod = {r[0].value: [c.value for c in r[1:]] for r in werkmap["aanbod"].iter_rows(min_row=2)}
    assert aanbod["Amsterdam"][:3] == aanbod["Totaal"][:3] == [190319, 9578, 960]  # stock: CBS 82900NED's count, exact
    assert aanbod["Amsterdam"][4:] == ["register", "register", eigen.loc[eigen["indicator"] == "verhuringen", "bron"].iloc[0]]
    kop = [c.value for c in werkmap["confrontatie"][1]]
    assert {r[kop.index("verhuringen per jaar")].value for r in werkmap["confrontatie"].iter_rows(min_row=2)} == {9578}
    rapport = Rapport(amsterdam)
    teksten = {
        "samenvatting": rapport.samenvatting().weergaven()[0].data,
        "aanbod": rapport.aanbod().weergaven()[2].data,
        "factsheet": (tmp_path / "factsheet-gm0363-amsterdam.html").read_text(encoding="utf-8"),
    }
    assert "van de 9.578 sociale huurwoningen" in teksten["samenvatting"]
    assert '<td class="wz-getal">9.578</td><td class="wz-getal">960</td>' in teksten["aanbod"]
    assert ">9.578<" in teksten["factsheet"] and ">960<" in teksten["factsheet"]
    assert not [naam for naam, t in teksten.items() if "9.580" in t]
    assert verkenner_cijfers(amsterdam)["verhuringen"] == "9.578"


def test_the_summary_names_what_it_covers_and_no_current_load_without_data(mra):
    kern = samenvatting(mra)
    assert kern["dekking"]["met_gegevens"] == 5 and kern["dekking"]["aandachtsgroepen"] == 11
    assert "Uitstroom maatschappelijke opvang" in kern["dekking"]["geen_gegevens"]
    assert kern["taakstelling_statushouders"]["2025-H2"]["landelijk"] == 13_000
    assert kern["huidige_belasting_bekend"] is False
    assert kern["herkomst"] == {"vraag": "aanname", "verhuringen": "schatting", "tekort": "aanname", "claim": "aanname"}
    assert "huidige_belasting" not in mra.verdeling


def test_excel_and_csv_give_the_same_numbers(mra, tmp_path):
    schrijf_uitvoer(mra, tmp_path)
    csv = pd.read_csv(tmp_path / "kerncijfers.csv", dtype={"gemeentecode": str}, keep_default_na=False)
    excel = pd.read_excel(tmp_path / "tabellen.xlsx", sheet_name="confrontatie", index_col=0)
    p = mra.parameters
    tekort = csv[(csv["indicator"] == "tekort") & (csv["scenario"] == p.scenario) & (csv["jaar"] == p.peiljaar)]
    per_gemeente = tekort[tekort["gemeente"] != ""].set_index("gemeente")["waarde"].astype(float)
    assert (excel.loc[per_gemeente.index, "tekort"].astype(float) == per_gemeente).all()


def test_the_overview_and_the_deelregio_files_give_identical_figures(mra):
    """One distribution, one protection, one rounding: every row two files share has one value, tier and source."""
    sleutel = ["gemeentecode", "gemeente", "deelregio", "doelgroep", "scenario", "jaar", "indicator"]
    overzicht = kerncijfers(mra)
    for bestand in ("ijmond.yaml", "amsterdam.yaml", "almere-lelystad.yaml"):
        deel = kerncijfers(analyseer(lees_parameterbestand(PARAMETERS / bestand).parameters))
        samen = deel.merge(overzicht, on=sleutel, suffixes=("", "_overzicht"))
        assert (deel["gemeentecode"] != "").sum() == (samen["gemeentecode"] != "").sum(), bestand  # every gemeente row
        assert (samen["gemeentecode"] == "").any(), bestand  # and the deelregio's totals of the overview
        for kolom in ("waarde", "herkomst", "bron"):
            verschil = samen[samen[kolom].astype(str) != samen[f"{kolom}_overzicht"].astype(str)]
            assert verschil.empty, (bestand, kolom, verschil.head())


def test_excel_has_dutch_headers_formats_and_the_reports_rounding(mra, tmp_path):
    import re

    from openpyxl import load_workbook

    from woonzorg_lib.rapport.hoofdstukken import Rapport

    schrijf_uitvoer(mra, tmp_path)
    werkmap = load_workbook(tmp_path / "tabellen.xlsx")
    koppen = [str(c.value) for blad in werkmap.worksheets for c in blad[1]]
    assert not [k for k in koppen if re.fullmatch(r"[a-z]+(_[a-z]+)+", k)], "no snake_case header"
    getallen = [c for blad in werkmap.worksheets for rij in blad.iter_rows(min_row=2) for c in rij
                if isinstance(c.value, int | float) and not isinstance(c.value, bool)]
    assert getallen and all(c.number_format != "General" for c in getallen), "every number has a Dutch format"
    assert all(round(c.value, 4) == c.value for c in getallen), "no unrounded float"
    confrontatie = werkmap["confrontatie"]
    kop = [c.value for c in confrontatie[1]]
    assert kop[:7] == ["gebied", "vraag", "verhuringen per jaar", "uit verhuringen", "nieuw aanbod", "tekort", "claim"]
    claim = {r[0].value: r[kop.index("claim")] for r in confrontatie.iter_rows(min_row=2)}
    assert all(c.number_format == "0.0%" for c in claim.values())
    # The same claim the report prints, to the tenth of a percent.
    html = Rapport(mra, "deelregio").confrontatie().weergaven()[2].data
    rij = re.search(r'<th scope="row">IJmond</th>(.*?)</tr>', html, flags=re.S).group(1)
    getoond = re.findall(r"<td[^>]*>(.*?)</td>", rij)[4]
    assert f"{claim['IJmond (deelregio)'].value * 100:.1f}%".replace(".", ",") == getoond
    # The toelichting's promise: gaps are rounded to fives, also at each end of an assumption's range.
    gevoeligheid = werkmap["gevoeligheid"]
    kop = [c.value for c in gevoeligheid[1]]
    einden = [r[kop.index(k)].value for r in gevoeligheid.iter_rows(min_row=2) for k in ("tekort bij laag", "tekort bij hoog")]
    assert einden and all(w % 5 == 0 for w in einden), einden


def test_the_current_load_in_excel_is_protected_as_in_the_report(tmp_path):
    from tests.conftest import vul_invoer_in
    from woonzorg_lib.analyse.invoerformat import schrijf_invoersjabloon
    from woonzorg_lib.analyse.parameters import valideer_parameters

    pad = schrijf_invoersjabloon(valideer_parameters("woonzorganalyse", {"regio": "mra"}), tmp_path / "mra.xlsx")
    from woonzorg_lib.data.catalogus import laad_regio

    ijmond = {"GM0375": 41, "GM0396": 4, "GM0450": 12, "GM0453": 7}
    belasting = {(c, "huidige_belasting"): ijmond.get(c, 50) for c in laad_regio("mra").gemeentecodes}
    vul_invoer_in(pad, belasting, "Registratie IJmond")
    analyse = analyseer(valideer_parameters("woonzorganalyse", {"regio": "mra", "deelregio": "IJmond", "invoer": str(pad)}))
    schrijf_uitvoer(analyse, tmp_path)
    excel = pd.read_excel(tmp_path / "tabellen.xlsx", sheet_name="verdeling", index_col=0)
    csv = pd.read_csv(tmp_path / "kerncijfers.csv", dtype=str, keep_default_na=False)
    rijen = csv[csv["indicator"] == "huidige_belasting"].set_index("gemeente")["waarde"]
    assert excel.loc["Beverwijk", "huidige belasting (invoer)"] == 40 == int(rijen["Beverwijk"])
    assert excel.loc["Heemskerk", "huidige belasting (invoer)"] == "." == rijen["Heemskerk"]
    assert excel.loc["IJmond (deelregio)", "huidige belasting (invoer)"] == 65 == int(rijen[""])
    assert csv.loc[csv["indicator"] == "huidige_belasting", "herkomst"].eq("register").all()


def test_a_positive_count_that_rounds_to_0_does_not_read_as_0(mra, kern):
    from woonzorg_lib.model.onthulling import KLEIN

    vraag = kern[kern["indicator"].str.startswith("vraag_") & (kern["gemeentecode"] != "")]
    assert (vraag["waarde"] == KLEIN).sum() > 0
    nul = vraag[vraag["waarde"].astype(str) == "0"]
    echt = mra.vraag.groupby([mra.vraag["gemeentecode"].astype(str), mra.vraag["doelgroep"].astype(str),
                              mra.vraag["scenario"].astype(str), "jaar"])[["personen", "woningen"]].sum()
    for rij in nul.itertuples():  # a 0 that stays is a true 0
        if rij.doelgroep != "totaal aandachtsgroepen":
            assert echt.loc[(rij.gemeentecode, rij.doelgroep, rij.scenario, rij.jaar), rij.indicator[6:]] == 0


def test_the_excel_csv_opens_right_in_dutch_excel_and_holds_the_same_cells(mra, tmp_path):
    """kerncijfers-excel.csv (';', decimal comma, BOM) beside the machine-readable kerncijfers.csv: the same cells."""
    paden = schrijf_uitvoer(mra, tmp_path)
    excel_pad = tmp_path / "kerncijfers-excel.csv"
    assert excel_pad in paden
    assert excel_pad.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM makes Excel read UTF-8
    assert not (tmp_path / "kerncijfers.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    machine = pd.read_csv(tmp_path / "kerncijfers.csv", dtype=str, keep_default_na=False)
    excel = pd.read_csv(excel_pad, sep=";", decimal=",", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(excel.columns) == list(machine.columns) and excel.shape == machine.shape
    for kolom in machine.columns:
        links, rechts = machine[kolom], excel[kolom]
        getal = pd.to_numeric(links, errors="coerce")
        tekst = getal.isna()
        assert (links[tekst] == rechts[tekst]).all(), kolom  # text cell by cell, as written
        rechts_getal = pd.to_numeric(rechts[~tekst].str.replace(",", ".", regex=False), errors="coerce")
        assert (rechts_getal == getal[~tekst]).all(), kolom  # every number the same number
        assert not rechts[~tekst].str.contains(".", regex=False).any(), kolom  # no dot: Dutch Excel reads it right
    claim = excel[excel["indicator"] == "claim"]["waarde"]
    assert claim.str.match(r"^0,\d+$").any()  # decimal comma
    gelezen = pd.read_csv(excel_pad, sep=";", decimal=",", encoding="utf-8-sig", keep_default_na=False)
    assert pd.api.types.is_float_dtype(gelezen["jaar"]) or pd.api.types.is_integer_dtype(gelezen["jaar"])


def test_the_workbook_stores_numbers_as_numbers_and_has_every_table_of_the_report(mra, tmp_path):
    from openpyxl import load_workbook

    schrijf_uitvoer(mra, tmp_path)
    werkmap = load_workbook(tmp_path / "tabellen.xlsx")
    assert {"bevolking", "ouderen", "tekort opgeteld (cumulatief)"} <= set(werkmap.sheetnames)

    def kolom(blad, kop):
        koppen = [c.value for c in blad[1]]
        return [r[koppen.index(kop)] for r in blad.iter_rows(min_row=2)]

    gevoeligheid = werkmap["gevoeligheid"]
    for kop in ("lage waarde", "hoge waarde"):
        cellen = kolom(gevoeligheid, kop)
        getallen = [c for c in cellen if c.data_type == "n"]
        assert len(getallen) >= len(cellen) - 1, [c.value for c in cellen]  # only a named choice stays text
        assert all(c.number_format != "General" for c in getallen)
    aandeel = {r[0].value: r for r in gevoeligheid.iter_rows(min_row=2)}["Afgesproken aandeel verhuringen voor aandachtsgroepen"]
    assert aandeel[1].value == 0.05 and aandeel[1].number_format == "0%"  # as the report shows it: 5%
    invoer = werkmap["invoercijfers"]
    waarden = kolom(invoer, "waarde")
    assert waarden and all(c.data_type == "n" and c.number_format != "General" for c in waarden), [c.value for c in waarden]
    rijen = {r[0].value: r for r in invoer.iter_rows(min_row=2)}
    assert rijen["Landelijke taakstelling vergunninghouders 2025-H1"][1].value == 15_000
    assert rijen["Aandeel dakloze personen ingeschreven in de G4"][1].number_format.endswith("%")
    # A published regional count, shown exactly: the MRA has gemeenten in the centrumregio's Amsterdam and Almere.
    assert rijen["Geregistreerde dakloze personen in de opvang, centrumregio Amsterdam"][1].value == 2_700
    assert rijen["Geregistreerde dakloze personen in de opvang, centrumregio Almere"][1].value == 1_200
    assert not any("centrumregio Rotterdam" in str(naam) for naam in rijen)
    # Ouderen and bevolking: numbers, each row with its tier; the cumulative gap says so and adds up.
    for naam in ("ouderen", "bevolking"):
        blad = werkmap[naam]
        assert "herkomst" in [c.value for c in blad[1]]
        assert any(c.data_type == "n" for r in blad.iter_rows(min_row=2) for c in r), naam
    cumulatief = werkmap["tekort opgeteld (cumulatief)"]
    koppen = [c.value for c in cumulatief[1]]
    assert all("opgeteld" in k for k in koppen if k and k.startswith("tekort"))
    regio = mra.confrontatie[mra.confrontatie["niveau"] == "regio"].pivot_table(index="jaar", columns="scenario",
                                                                                 values="tekort").cumsum()
    laatste = next(cumulatief.iter_rows(min_row=cumulatief.max_row))
    assert laatste[0].value == regio.index.max() and laatste[0].number_format == "0"  # a year: 2030, not 2.030
    assert laatste[koppen.index("tekort opgeteld, scenario midden")].value == round(regio["midden"].iloc[-1] / 5) * 5


def test_the_taakstelling_sheet_gives_each_half_year_its_tier_and_says_which_are_published(mra, tmp_path):
    from openpyxl import load_workbook

    schrijf_uitvoer(mra, tmp_path)
    werkmap = load_workbook(tmp_path / "tabellen.xlsx")
    blad = werkmap["taakstelling statushouders"]
    koppen = [c.value for c in blad[1]]
    assert koppen[0] == "halfjaar" and "herkomst" in koppen and "landelijk aantal" in koppen
    rijen = {r[0].value: {k: c.value for k, c in zip(koppen, r, strict=True)} for r in blad.iter_rows(min_row=2)}
    taak = mra.taakstelling[mra.taakstelling["scenario"] == mra.parameters.scenario]
    for halfjaar, deel in taak.groupby("halfjaar"):
        assert rijen[halfjaar]["herkomst"] == deel["herkomst"].iloc[0]
        assert rijen[halfjaar]["Totaal"] == deel["personen"].sum()
    assert rijen["2025-H1"]["landelijk aantal"] == 15_000
    assert rijen["2026-H1"]["herkomst"] != "register"
    toelichting = " ".join(str(c.value) for c in werkmap["toelichting"]["A"])
    assert "openbare cijfers en de wettelijke rekenregel" not in toelichting
    assert "2026-H1 t/m 2030-H2" in toelichting and "aangenomen landelijk aantal" in toelichting


def test_every_aandachtsgroep_has_rows_and_one_without_figures_is_nb_never_0_nor_in_a_total(mra, kern):
    from woonzorg_lib.model.doelgroepen import AANDACHTSGROEPEN
    from woonzorg_lib.model.onthulling import ONBEKEND

    vraag = kern[kern["indicator"].isin(["vraag_personen", "vraag_woningen"])]
    zonder = set(AANDACHTSGROEPEN) - set(mra.vraag["doelgroep"].astype(str))
    assert len(zonder) == 6 and {"uitstroom_mo", "arbeidsmigranten"} <= zonder
    per_groep = vraag.groupby("doelgroep").size()
    assert (per_groep.reindex(AANDACHTSGROEPEN) == per_groep["statushouders"]).all(), per_groep  # every group, every cell
    leeg = vraag[vraag["doelgroep"].isin(zonder)]
    assert set(leeg["waarde"]) == {ONBEKEND}  # totals of the area too: n.b., never 0
    assert set(leeg["herkomst"]) == {"geen gegevens"} and leeg["bron"].str.contains("geen cijfers").all()
    # The totals are those of the groups with figures: nothing is added for a group without them.
    totaal = vraag[(vraag["doelgroep"] == "totaal aandachtsgroepen") & (vraag["gemeentecode"] == "")
                   & (vraag["deelregio"] == "") & (vraag["indicator"] == "vraag_woningen")]
    p = mra.parameters
    regio = totaal[(totaal["scenario"] == p.scenario) & (totaal["jaar"] == p.peiljaar)]["waarde"].iloc[0]
    assert regio == samenvatting(mra)["vraag_midden"]


def test_no_positive_count_reads_as_0_in_kerncijfers(mra, kern):
    from woonzorg_lib.model.onthulling import KLEIN

    conf = mra.confrontatie
    for indicator in ("tekort", "beschikbaar", "nieuw_aanbod", "vraag_ouderen", "tekort_ouderen"):
        rijen = kern[(kern["indicator"] == indicator) & (kern["gemeentecode"] != "")].merge(
            conf.loc[conf["niveau"] == "gemeente", ["gemeentecode", "scenario", "jaar", indicator]]
            .astype({"scenario": str}).rename(columns={indicator: "echt"}), on=["gemeentecode", "scenario", "jaar"])
        nul = rijen[rijen["waarde"].astype(str).isin(["0", "0.0"])]
        assert not (nul["echt"] > 0).any(), (indicator, nul[nul["echt"] > 0].head())
        klein = rijen[rijen["waarde"].astype(str) == KLEIN]
        assert ((klein["echt"] > 0) & (klein["echt"] < 2.5)).all(), indicator
    # With the counted stock (CBS 82900NED) MRA's smallest positive gap is 2,6 (Zandvoort, laag): its small cells
    # are in the demand per group, so the protection is at work in this file.
    assert (kern.loc[kern["indicator"] == "vraag_woningen", "waarde"].astype(str) == KLEIN).any()

def test_a_computed_figure_is_as_weak_as_its_weakest_input_in_every_file(tmp_path):
    """Amsterdam's lettings are registered (AFWC), but the part for the groups is lettings × the agreed share, a
    policy choice: 960 is no registered figure, nor is the gap built on it, in kerncijfers, workbook, factsheet or
    report."""
    from openpyxl import load_workbook

    from woonzorg_lib.rapport.hoofdstukken import Rapport
    from woonzorg_lib.rapport.stijl import TEKENS

    amsterdam = analyseer(lees_parameterbestand(PARAMETERS / "amsterdam.yaml").parameters)
    assert set(amsterdam.aanbod["verhuringen_herkomst"]) == {"register"}
    schrijf_uitvoer(amsterdam, tmp_path, met_factsheets=True)
    csv = pd.read_csv(tmp_path / "kerncijfers.csv", dtype={"gemeentecode": str}, keep_default_na=False)
    herkomst = csv.groupby("indicator")["herkomst"].agg(set)
    assert herkomst["verhuringen"] == {"register"}
    assert herkomst["beschikbaar"] == herkomst["tekort"] == {"aanname"}
    werkmap = load_workbook(tmp_path / "tabellen.xlsx")
    kop = [c.value for c in werkmap["confrontatie"][1]]
    assert {r[kop.index("herkomst")].value for r in werkmap["confrontatie"].iter_rows(min_row=2)} == {"aanname"}
    factsheet = (tmp_path / "factsheet-gm0363-amsterdam.html").read_text(encoding="utf-8")
    regel = factsheet[factsheet.index("Daarvan voor aandachtsgroepen"):][:400]
    assert "aanname" in regel and "register" not in regel
    tabel = Rapport(amsterdam).confrontatie().tabellen
    rijen = next(t for naam, t in tabel.items() if naam.startswith("Woningen per jaar"))
    assert set(rijen["herkomst"]) == {TEKENS["aanname"]}


def test_the_statushouder_demand_in_persons_is_the_statutory_task_exactly(kern, mra):
    """A statutory half-year task is public: the year's demand is H1 + H2 exactly (Amsterdam 779 + 675 = 1.454, not
    1.455; Heemskerk 62, not 60), for every gemeente and the totals; assumed half-years (2026 on) stay rounded."""
    from woonzorg_lib.rapport.hoofdstukken import Rapport

    rijen = kern[(kern["jaar"] == 2025) & (kern["scenario"] == "midden")]
    taak = rijen[rijen["indicator"].str.startswith("taakstelling_")].groupby(["gemeentecode", "deelregio"])["waarde"].sum()
    vraag = rijen[(rijen["indicator"] == "vraag_personen") & (rijen["doelgroep"] == "statushouders")]
    vraag = vraag.set_index(["gemeentecode", "deelregio"])["waarde"].astype(int)
    assert (vraag.reindex(taak.index) == taak).all() and vraag[("", "")] == taak.xs("", level=0).sum()
    assert vraag[("GM0363", "Amsterdam")] == 1454
    later = kern[(kern["jaar"] == 2027) & (kern["indicator"] == "vraag_personen") & (kern["doelgroep"] == "statushouders")]
    assert all(int(w) % 5 == 0 for w in later["waarde"])  # an assumed national number: a model figure
    amsterdam = analyseer(lees_parameterbestand(PARAMETERS / "amsterdam.yaml").parameters)
    tabel = next(t for naam, t in Rapport(amsterdam).vraag().tabellen.items() if naam.startswith("Personen"))
    assert tabel.loc["Amsterdam", "Statushouders (vergunninghouders)"] == 1454


def test_a_claim_on_no_lettings_has_no_value_and_says_why():
    """Ameland: CBS counts 0 corporation dwellings on 1-1-2024, so 0 lettings a year; the claim (demand ÷ lettings)
    has no value, and its row says so instead of carrying a tier as if it were a figure."""
    from woonzorg_lib.analyse.parameters import valideer_parameters
    from woonzorg_lib.rapport.kerncijfers import CLAIM_ZONDER_VERHURINGEN

    kern = kerncijfers(analyseer(valideer_parameters("woonzorganalyse", {"regio": "centrumregio-leeuwarden"})))
    ameland = kern[(kern["gemeentecode"] == "GM0060") & (kern["scenario"] == "midden") & (kern["jaar"] == 2025)]
    rij = ameland.set_index("indicator")
    assert rij.loc["verhuringen", "waarde"] == 0
    assert pd.isna(rij.loc["claim", "waarde"]) and rij.loc["claim", "herkomst"] == "geen gegevens"
    assert rij.loc["claim", "bron"] == CLAIM_ZONDER_VERHURINGEN
    andere = kern[(kern["indicator"] == "claim") & (kern["gemeentecode"] == "GM0080")]  # Leeuwarden has lettings
    assert andere["waarde"].notna().all() and not andere["herkomst"].eq("geen gegevens").any()
