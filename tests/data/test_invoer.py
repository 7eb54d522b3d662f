"""Reading a filled-in invoerformat: strict validation, every problem located, nothing partial."""

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import PARAMETERS
from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.analyse.invoerformat import schrijf_invoersjabloon
from woonzorg_lib.analyse.parameters import lees_parameterbestand
from woonzorg_lib.analyse.uitgangspunten import standaard_invoer_voor
from woonzorg_lib.data.catalogus import laad_regio
from woonzorg_lib.data.getallen import OngeldigGetal, lees_getal
from woonzorg_lib.data.invoer import KOLOMMEN_INVOER, lees_invoer
from woonzorg_lib.model.doelgroepen import ONDERWERPEN

IJMOND = laad_regio("mra").deelregio("IJmond")


@pytest.fixture(scope="module")
def sjabloon(tmp_path_factory) -> Path:
    """The real template for IJmond, written once per module."""
    parameters = lees_parameterbestand(PARAMETERS / "ijmond.yaml").parameters.model_copy(update={"regio": _ijmond_regio(tmp_path_factory)})
    return schrijf_invoersjabloon(parameters, tmp_path_factory.mktemp("sjabloon") / "ijmond.xlsx")


def _ijmond_regio(tmp_path_factory) -> str:
    pad = tmp_path_factory.mktemp("regio") / "ijmond.yaml"
    pad.write_text("naam: IJmond\ngemeenten: [GM0375, GM0396, GM0450, GM0453]\n", encoding="utf-8")
    return str(pad)


def _lees(pad: Path):
    kengetallen = standaard_invoer_voor(IJMOND)[1]["eenheid"].to_dict()
    return lees_invoer(pad, IJMOND.gemeentecodes, {k: o.eenheid for k, o in ONDERWERPEN.items()}, kengetallen)


def _bewerk(sjabloon: Path, tmp_path: Path, wijzig) -> Path:
    werkmap = load_workbook(sjabloon)
    wijzig(werkmap)
    pad = tmp_path / "bewerkt.xlsx"
    werkmap.save(pad)
    return pad


def _meldingen(pad: Path) -> list[str]:
    with pytest.raises(WoonzorgFout) as fout:
        _lees(pad)
    return [f"{m.plek}: {m.tekst}" for m in fout.value.meldingen]


def _kolom(blad, naam: str) -> str:
    return next(c.column_letter for c in blad[1] if c.value == naam)


def _rij(blad, code: str, onderwerp: str) -> int:
    return next(r[0].row for r in blad.iter_rows(min_row=2) if r[0].value == code and r[2].value == onderwerp)


def test_the_template_reads_back_as_the_defaults(sjabloon):
    gelezen = _lees(sjabloon)
    standaard, kengetallen = standaard_invoer_voor(IJMOND)
    a = gelezen.waarden.sort_values(["gemeentecode", "onderwerp"], ignore_index=True)
    b = standaard.sort_values(["gemeentecode", "onderwerp"], ignore_index=True)
    kolommen = ["gemeentecode", "onderwerp", "herkomst", "bron"]
    assert a[kolommen].astype(str).values.tolist() == b[kolommen].astype(str).values.tolist()
    assert (a["waarde"] - b["waarde"]).abs().max() < 1e-9
    assert list(gelezen.kengetallen.index) == list(kengetallen.index)


def test_a_local_figure_replaces_the_default_with_its_own_provenance(sjabloon, tmp_path):
    def wijzig(werkmap):
        blad = werkmap["invoer"]
        rij = _rij(blad, "GM0453", "bw_clienten")
        blad[f"{_kolom(blad, 'lokaal')}{rij}"] = "1.234"
        blad[f"{_kolom(blad, 'herkomst')}{rij}"] = "register"
        blad[f"{_kolom(blad, 'bron')}{rij}"] = "Cliëntregistratie centrumgemeente Velsen, 2024"

    waarden = _lees(_bewerk(sjabloon, tmp_path, wijzig)).waarden.set_index(["gemeentecode", "onderwerp"])
    rij = waarden.loc[("GM0453", "bw_clienten")]
    assert rij["waarde"] == 1234 and rij["herkomst"] == "register" and "Velsen" in rij["bron"]


@pytest.mark.parametrize("ingevuld", [{"herkomst": "register", "bron": "Cliëntregistratie Velsen, 2024"},
                                      {"bron": "Cliëntregistratie Velsen, 2024"}, {"herkomst": "register"}])
def test_herkomst_or_bron_without_the_local_figure_is_refused_not_read_as_the_default(ingevuld, sjabloon, tmp_path):
    """The analyst meant to enter a local figure and forgot the number: the default must not count silently."""
    def wijzig(werkmap):
        blad = werkmap["invoer"]
        rij = _rij(blad, "GM0453", "bw_clienten")
        for kolom, waarde in ingevuld.items():
            blad[f"{_kolom(blad, kolom)}{rij}"] = waarde

    pad = _bewerk(sjabloon, tmp_path, wijzig)
    rij = _rij(load_workbook(pad)["invoer"], "GM0453", "bw_clienten")
    with pytest.raises(WoonzorgFout) as fout:
        _lees(pad)
    (melding,) = fout.value.meldingen
    assert melding.bestand == str(pad) and melding.plek == f"blad 'invoer', rij {rij}, kolom 'lokaal'"
    ingevuld_tekst = " en ".join(k for k in ("herkomst", "bron") if k in ingevuld)
    assert melding.tekst == (
        f"Velsen (GM0453), bw_clienten: {ingevuld_tekst} {'zijn' if len(ingevuld) == 2 else 'is'} ingevuld maar het "
        "lokale cijfer ontbreekt; vul het cijfer in, of maak herkomst en bron leeg om de standaard te gebruiken")


def test_every_problem_with_sheet_row_and_column_at_once(sjabloon, tmp_path):
    def wijzig(werkmap):
        blad = werkmap["invoer"]
        code, lokaal, herkomst = _kolom(blad, "gemeentecode"), _kolom(blad, "lokaal"), _kolom(blad, "herkomst")
        blad[f"{code}2"] = "GM0363"  # Amsterdam is not in IJmond
        blad[f"{lokaal}3"] = "veel"
        blad[f"{herkomst}3"] = "register"
        blad[f"{lokaal}4"] = -5
        blad[f"{herkomst}4"] = "register"
        blad[f"{lokaal}5"] = 12
        blad[f"{herkomst}5"] = "geschat"
        blad[f"{lokaal}6"] = 7  # no herkomst, no bron
        blad.append([c.value for c in blad[8]])  # a duplicate of row 8

    meldingen = _meldingen(_bewerk(sjabloon, tmp_path, wijzig))
    laatste = 2 + 4 * len(ONDERWERPEN)
    assert meldingen == [
        "blad 'invoer', rij 2, kolom 'gemeentecode': gemeente 'GM0363' hoort niet bij deze regio",
        "blad 'invoer', rij 3, kolom 'lokaal': verwacht een getal (bijvoorbeeld 1.234,5), kreeg 'veel'",
        "blad 'invoer', rij 3, kolom 'bron': bij een lokaal cijfer hoort een bron (registratie, telling of document)",
        "blad 'invoer', rij 4, kolom 'lokaal': mag niet negatief zijn, kreeg -5",
        "blad 'invoer', rij 4, kolom 'bron': bij een lokaal cijfer hoort een bron (registratie, telling of document)",
        "blad 'invoer', rij 5, kolom 'herkomst': herkomst 'geschat' bestaat niet; kies uit: register, schatting, aanname",
        "blad 'invoer', rij 5, kolom 'bron': bij een lokaal cijfer hoort een bron (registratie, telling of document)",
        "blad 'invoer', rij 6, kolom 'herkomst': bij een lokaal cijfer hoort een herkomst: register, schatting, aanname",
        "blad 'invoer', rij 6, kolom 'bron': bij een lokaal cijfer hoort een bron (registratie, telling of document)",
        f"blad 'invoer', rij {laatste}: dubbele rij: GM0375 / detentie_uitstroom staat ook in rij 8",
    ]


def test_a_missing_or_renamed_column_is_named(sjabloon, tmp_path):
    def wijzig(werkmap):
        blad = werkmap["invoer"]
        blad[f"{_kolom(blad, 'lokaal')}1"] = "lokaal cijfer"
        blad.delete_cols(blad[f"{_kolom(blad, 'peildatum')}1"].column)

    assert _meldingen(_bewerk(sjabloon, tmp_path, wijzig)) == [
        "blad 'invoer', rij 1: kolom 'lokaal' ontbreekt",
        "blad 'invoer', rij 1: kolom 'peildatum' ontbreekt",
        "blad 'invoer', rij 1: onbekende kolom 'lokaal cijfer'; kies uit: gemeentecode, gemeente, onderwerp, "
        "omschrijving, eenheid, standaard, herkomst_standaard, bron_standaard, lokaal, herkomst, bron, peildatum",
    ]


def test_a_missing_gemeente_and_an_unknown_onderwerp(sjabloon, tmp_path):
    def wijzig(werkmap):
        blad = werkmap["invoer"]
        for rij in sorted((r[0].row for r in blad.iter_rows(min_row=2) if r[0].value == "GM0450"), reverse=True):
            blad.delete_rows(rij)
        blad[f"{_kolom(blad, 'onderwerp')}2"] = "statushouder_taakstelling"

    assert _meldingen(_bewerk(sjabloon, tmp_path, wijzig)) == [
        "blad 'invoer', rij 2, kolom 'onderwerp': onbekend onderwerp 'statushouder_taakstelling'; "
        "bedoelde u 'statushouders_taakstelling'?",
        "blad 'invoer': gemeente GM0450 van de regio ontbreekt",
    ]


def test_kengetallen_sheet_is_validated_too(sjabloon, tmp_path):
    def wijzig(werkmap):
        blad = werkmap["kengetallen"]
        blad[f"{_kolom(blad, 'midden')}2"] = "twee"
        blad[f"{_kolom(blad, 'herkomst')}3"] = "gok"
        blad.delete_rows(4)

    meldingen = _meldingen(_bewerk(sjabloon, tmp_path, wijzig))
    assert meldingen == [
        "blad 'kengetallen', rij 2, kolom 'midden': verwacht een getal (bijvoorbeeld 1.234,5), kreeg 'twee'",
        "blad 'kengetallen', rij 3, kolom 'herkomst': herkomst 'gok' bestaat niet; kies uit: register, schatting, aanname",
        "blad 'kengetallen': kengetal verblijfsduur_bw ontbreekt",
    ]


def test_an_edited_kengetal_is_used(sjabloon, tmp_path):
    def wijzig(werkmap):
        blad = werkmap["kengetallen"]
        rij = next(r[0].row for r in blad.iter_rows(min_row=2) if r[0].value == "mutatiegraad")
        blad[f"{_kolom(blad, 'midden')}{rij}"] = "5,2%"
        blad[f"{_kolom(blad, 'bron')}{rij}"] = "Jaarverslag corporaties IJmond 2024"
        blad[f"{_kolom(blad, 'herkomst')}{rij}"] = "register"

    kengetallen = _lees(_bewerk(sjabloon, tmp_path, wijzig)).kengetallen
    assert kengetallen.loc["mutatiegraad", "midden"] == 0.052
    assert kengetallen.loc["mutatiegraad", "herkomst"] == "register"


def test_csv_with_semicolons_and_dutch_decimals_as_excel_writes_it(tmp_path):
    regels = [
        "gemeentecode;gemeente;onderwerp;omschrijving;eenheid;standaard;herkomst_standaard;bron_standaard;lokaal;herkomst;bron;peildatum"
    ]
    for code in IJMOND.gemeentecodes:
        regels.append(f"{code};;corporatiewoningen;;woningen;1.234,5;schatting;CBS;;;;2024-01-01")
    regels.append("GM0453;Velsen;urgenten;Urgentieverklaringen;huishoudens;;;;12;register;Urgentiecommissie IJmond;2024")
    pad = tmp_path / "ijmond.csv"
    pad.write_bytes("\r\n".join(regels).encode("cp1252"))  # Excel on Windows: ANSI, CRLF
    waarden = _lees(pad).waarden.set_index(["gemeentecode", "onderwerp"])
    assert waarden.loc[("GM0375", "corporatiewoningen"), "waarde"] == 1234.5
    assert waarden.loc[("GM0453", "urgenten"), "herkomst"] == "register"
    assert _lees(pad).kengetallen is None


def test_not_an_invoer_file(tmp_path):
    pad = tmp_path / "kapot.xlsx"
    pad.write_text("dit is geen werkmap", encoding="utf-8")
    (melding,) = _meldingen(pad)
    assert melding.startswith(": geen leesbare Excel-werkmap (BadZipFile)") and "wachtwoord" in melding
    ods = tmp_path / "invoer.ods"
    ods.write_text("x", encoding="utf-8")
    assert _meldingen(ods) == [": verwacht een Excel-werkmap (.xlsx) of een CSV-bestand (.csv)"]


BESTANDEN = Path(__file__).parent / "bestanden"


@pytest.mark.parametrize("naam", ["versleuteld-office.xlsx", "versleuteld-zip.xlsx"])
def test_a_workbook_protected_with_a_password_is_told_as_such(naam, tmp_path):
    """Excel's 'Beveiligen met wachtwoord' and a zip with a password: both made with real tools (bestanden/README.md)."""
    pad = tmp_path / "mijn invoer.xlsx"
    pad.write_bytes((BESTANDEN / naam).read_bytes())
    with pytest.raises(WoonzorgFout) as fout:
        _lees(pad)
    (melding,) = fout.value.meldingen
    assert melding.bestand == str(pad)
    assert melding.tekst == ("de werkmap is versleuteld (beveiligd met een wachtwoord) en kan niet worden gelezen; "
                             "open hem in Excel en sla hem op zonder wachtwoord (Bestand > Info > Werkmap beveiligen > "
                             "Versleutelen met wachtwoord: maak het wachtwoord leeg)")


@pytest.mark.parametrize(
    ("tekst", "getal"),
    [("1.234,5", 1234.5), ("1.234", 1234.0), ("12", 12.0), ("0,10", 0.1), ("0.10", 0.1), ("5,8%", 0.058),
     ("1 234", 1234.0), (7, 7.0), (None, None), ("", None)],
)
def test_dutch_number_notation(tekst, getal):
    assert lees_getal(tekst) == getal


@pytest.mark.parametrize("tekst", ["veel", "1,2,3", True, "nan", "1,234.5", "=F86*2", "inf"])
def test_not_a_number(tekst):
    with pytest.raises(OngeldigGetal):
        lees_getal(tekst)


def test_nothing_is_misread_every_doubt_is_located(sjabloon, tmp_path):
    """The misreadings of the hostile-input sweep: each is now an error with sheet, row and column."""
    def wijzig(werkmap):
        blad = werkmap["invoer"]
        for code, onderwerp, waarde in (("GM0453", "bw_clienten", "=F86*2"), ("GM0375", "urgenten", "1,234.5"),
                                        ("GM0396", "urgenten", "5%"), ("GM0450", "dakloze_personen", 10**12),
                                        ("GM0375", "ggz_uitstroom", 2.5)):
            rij = _rij(blad, code, onderwerp)
            blad[f"{_kolom(blad, 'lokaal')}{rij}"] = waarde
            blad[f"{_kolom(blad, 'herkomst')}{rij}"] = "register"
            blad[f"{_kolom(blad, 'bron')}{rij}"] = "registratie"
        kengetallen = werkmap["kengetallen"]
        for rij in range(2, kengetallen.max_row + 1):
            if kengetallen[f"A{rij}"].value == "verblijfsduur_bw":
                kengetallen[f"E{rij}"] = 0
            if kengetallen[f"A{rij}"].value == "mutatiegraad":
                kengetallen[f"E{rij}"] = 1.5

    with pytest.raises(WoonzorgFout) as fout:
        _lees(_bewerk(sjabloon, tmp_path, wijzig))
    tekst = str(fout.value)
    for verwacht in ("'=F86*2' is een formule zonder uitkomst", "'1,234.5' mengt punt en komma",
                     "'5%' is een percentage; hier hoort een aantal", "is meer dan de gemeente inwoners heeft",
                     "personen tel je in hele getallen, kreeg 2.5", "verblijfsduur_bw (jaren) moet boven 0",
                     "mutatiegraad (aandeel) moet boven 0 en hoogstens 0.3 zijn, kreeg 1.5"):
        assert verwacht in tekst, verwacht
    assert tekst.count("kolom 'lokaal'") == 5 and tekst.count("blad 'kengetallen'") == 2


def test_a_comma_separated_csv_reads_the_point_as_decimal_and_refuses_what_is_ambiguous(tmp_path):
    kop = "gemeentecode,gemeente,onderwerp,omschrijving,eenheid,standaard,herkomst_standaard,bron_standaard,lokaal,herkomst,bron,peildatum"
    regels = [kop]
    for code in IJMOND.gemeentecodes:
        regels.append(f"{code},,corporatiewoningen,,woningen,4372.5,schatting,CBS,,,,2024-01-01")
    regels.append('GM0375,,urgenten,,huishoudens,,,,"1,234",register,commissie,2025')
    pad = tmp_path / "ijmond.csv"
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    with pytest.raises(WoonzorgFout, match="'1,234' is dubbelzinnig in dit bestand met komma's"):
        _lees(pad)
    pad.write_text("\n".join(regels[:-1]) + "\n", encoding="utf-8")
    waarden = _lees(pad).waarden.set_index(["gemeentecode", "onderwerp"])
    assert waarden.loc[("GM0375", "corporatiewoningen"), "waarde"] == 4372.5  # not 43.725 thousand


KOP_CSV = "gemeentecode;gemeente;onderwerp;omschrijving;eenheid;standaard;herkomst_standaard;bron_standaard;lokaal;herkomst;bron;peildatum"


def _csv(regels: list[str]) -> list[str]:
    return [KOP_CSV, *regels, *(f"{c};;corporatiewoningen;;woningen;1.234;schatting;CBS;;;;2024-01-01"
                                for c in IJMOND.gemeentecodes)]


def test_a_stray_cell_far_below_the_table_is_refused_at_once(sjabloon, tmp_path):
    pad = _bewerk(sjabloon, tmp_path, lambda wb: wb["invoer"].cell(row=1_048_576, column=16_384, value="x"))
    (melding,) = _meldingen(pad)  # read row by row only as wide as the header: seconds, not hours
    assert "blad 'invoer': heeft meer dan 50.000 rijen; staat er iets ver onder de tabel?" in melding


def test_a_stray_cell_far_right_of_the_header_is_one_message_not_sixteen_thousand(sjabloon, tmp_path):
    pad = _bewerk(sjabloon, tmp_path, lambda wb: wb["invoer"].cell(row=1, column=16_384, value="x"))
    assert _meldingen(pad) == [
        "blad 'invoer', rij 1: onbekende kolom 'x'; kies uit: " + ", ".join(KOLOMMEN_INVOER),
        ("blad 'invoer', rij 1: 16.371 kolommen (van M tot en met XFC) hebben geen kop, maar rechts ervan staat nog "
         "iets in rij 1: geef elke kolom een kop of verwijder wat niet bij de tabel hoort")]


def test_a_csv_with_a_stray_line_far_below_or_of_many_megabytes_is_refused_at_once(tmp_path):
    kop = ";".join(KOLOMMEN_INVOER)
    pad = tmp_path / "ver.csv"
    pad.write_text(kop + "\n" + "\n" * 60_000 + "x\n", encoding="utf-8")
    assert _meldingen(pad) == [(": heeft meer dan 50.000 rijen; staat er iets ver onder de tabel? Verwijder wat niet "
                                "bij het invoerformat hoort")]
    pad.write_text(kop + "\n" + ";" * 21_000_000, encoding="utf-8")
    assert _meldingen(pad) == [(": invoerbestand is 21 MB; het invoerformat van alle gemeenten van Nederland is "
                                "ongeveer 1 MB (hoogstens 20 MB): is dit wel het goede bestand?")]


def test_a_second_column_with_the_same_header_is_refused_not_silently_used(sjabloon, tmp_path):
    def dubbel(wb):
        blad = wb["invoer"]
        blad.cell(row=1, column=blad.max_column + 1, value="lokaal")
        blad[f"{_kolom(blad, 'lokaal')}{_rij(blad, 'GM0453', 'urgenten')}"] = 4000

    assert _meldingen(_bewerk(sjabloon, tmp_path, dubbel)) == ["blad 'invoer', rij 1: kolom 'lokaal' staat 2 keer in de kop; laat er één staan"]


def test_a_csv_quote_that_is_never_closed_is_refused_with_its_line(tmp_path):
    pad = tmp_path / "ijmond.csv"
    pad.write_text("\n".join(_csv(['GM0453;;urgenten;;huishoudens;;;;12;register;"Commissie IJmond;2024'])) + "\n",
                   encoding="utf-8")
    meldingen = _meldingen(pad)
    assert any("aanhalingsteken" in m and "niet is gesloten" in m for m in meldingen), meldingen
    pad.write_text("\n".join(_csv(['GM0453;;urgenten;;huishoudens;;;;12;register;"Commissie', 'IJmond";2024'])) + "\n",
                   encoding="utf-8")  # closed a line later: the cell swallowed a line break
    assert any("rij 2 (regel 3): een cel loopt over meerdere regels" in m for m in _meldingen(pad))


def test_a_csv_row_with_more_cells_than_the_header_is_refused(tmp_path):
    pad = tmp_path / "ijmond.csv"
    pad.write_text("\n".join(_csv(["GM0453;;urgenten;;huishoudens;;;;12;register;commissie; IJmond;2024"])), encoding="utf-8")
    assert "rij 2: heeft 13 cellen, de kop 12: staat er een ';' in een tekst zonder aanhalingstekens?" in _meldingen(pad)


def test_csv_line_endings_and_encodings_excel_writes(tmp_path):
    pad = tmp_path / "ijmond.csv"
    pad.write_bytes("\r".join(_csv(["GM0453;;urgenten;;huishoudens;;;;12;register;Commissie Zuid-Kennemerland;2024"]))
                    .encode("cp1252"))  # Excel for Mac "CSV (Macintosh)": CR only
    assert _lees(pad).waarden.set_index(["gemeentecode", "onderwerp"]).loc[("GM0453", "urgenten"), "waarde"] == 12
    pad.write_bytes("\n".join(_csv(["GM0453;;urgenten;;huishoudens;;;;12;register;M\x81nchen;2024"]))
                    .encode("latin-1"))  # byte 0x81 is in neither UTF-8 nor Windows-1252
    (melding,) = _meldingen(pad)
    assert "geen UTF-8 en geen Windows-1252; sla het in Excel op als 'CSV UTF-8'" in melding


def test_thousands_of_errors_give_the_first_ones_and_a_count(tmp_path):
    pad = tmp_path / "ijmond.csv"
    pad.write_text("\n".join(_csv([f"GM9{i:03d};;urgenten;;huishoudens;;;;1;register;x;2024" for i in range(500)])),
                   encoding="utf-8")
    meldingen = _meldingen(pad)
    assert len(meldingen) == 201 and meldingen[-1] == ": en nog 300 meldingen; herstel eerst de eerste"


def test_an_invoer_that_is_a_folder_says_so(tmp_path):
    assert _meldingen(tmp_path) == [": invoerbestand is een map, geen bestand"]


@pytest.mark.parametrize(("waarde", "melding"), [(10**400, "een getal van 401 cijfers is te groot"),
                                                 ("1" * 400, "is te groot voor een getal"),
                                                 ("٤٠", "verwacht een getal")])
def test_numbers_no_spreadsheet_user_typed(waarde, melding):
    with pytest.raises(OngeldigGetal, match=melding):
        lees_getal(waarde)


def test_a_kengetal_whose_middle_lies_outside_its_range_is_refused(sjabloon, tmp_path):
    def buiten(wb):
        blad = wb["kengetallen"]
        rij = next(r[0].row for r in blad.iter_rows(min_row=2) if r[0].value == "verblijfsduur_bw")
        blad[f"{_kolom(blad, 'midden')}{rij}"] = 4  # laag 3, hoog 1,5: an inverse kengetal, but 4 is outside both

    assert any("kolom 'midden': midden (4) ligt niet tussen laag en hoog (3 en 1.5)" in m
               for m in _meldingen(_bewerk(sjabloon, tmp_path, buiten)))
