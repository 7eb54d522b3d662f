from pathlib import Path

import pytest

from tests.conftest import PARAMETERS
from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.analyse.parameters import (
    SJABLONEN,
    RegioOverzichtParameters,
    WoonzorganalyseParameters,
    lees_parameterbestand,
    valideer_parameters,
)

GOED = """notebook: woonzorganalyse
regio: mra
deelregio: IJmond
peiljaar: 2024
doeljaar: 2030
scenario: midden
aandeel_verhuringen_aandachtsgroepen: 0.10
"""


def fouten(pad: Path) -> list[str]:
    with pytest.raises(WoonzorgFout) as fout:
        lees_parameterbestand(pad)
    assert all(m.bestand == str(pad) for m in fout.value.meldingen)
    return [f"{m.plek}: {m.tekst}" for m in fout.value.meldingen]


def test_the_bundled_mra_set_is_valid():
    bestanden = {p.stem: lees_parameterbestand(p) for p in PARAMETERS.glob("*.yaml")}
    assert bestanden["mra"].notebook == "regio-overzicht"
    deelregios = {b.parameters.deelregio for n, b in bestanden.items() if n != "mra"}
    assert deelregios == {
        "Zuid-Kennemerland", "IJmond", "Zaanstreek-Waterland", "Gooi en Vechtstreek",
        "Amsterdam", "Amstelland-Meerlanden", "Almere-Lelystad",
    }


def test_the_example_with_an_own_region_resolves_its_region_file():
    bestand = lees_parameterbestand(PARAMETERS / "voorbeelden" / "utrecht.yaml")
    assert Path(bestand.parameters.regio) == (PARAMETERS / "voorbeelden" / "gemeente-utrecht.yaml").resolve()


def test_a_good_file(schrijf):
    bestand = lees_parameterbestand(schrijf("p.yaml", GOED))
    assert isinstance(bestand.parameters, WoonzorganalyseParameters)
    assert bestand.parameters.model_dump() == {
        "regio": "mra", "deelregio": "IJmond", "peiljaar": 2024, "doeljaar": 2030, "scenario": "midden",
        "invoer": None, "aandeel_verhuringen_aandachtsgroepen": 0.10, "plafond_aandeel_verhuringen": None,
        "correctie_jaren": None, "drempel_onthulling": 10, "data_editie": None, "taakstelling_onbekend": None,
        "mutatiegraad": None, "plafond_doelgroepen": None, "verdeling_binnen_deelregio": False,
        "status": "concept", "vastgesteld_op": None, "opgesteld_door": None, "contact": None,
        "verdeelsleutels": {
            "Naar inwoners": {"inwoners": 1.0},
            "Naar sociale huurvoorraad": {"sociale_huurvoorraad": 1.0},
            "Inwoners en verhuringen": {"inwoners": 0.5, "verhuringen": 0.5},
        },
    }


def test_a_typo_in_a_key_suggests_the_right_one(schrijf):
    assert fouten(schrijf("p.yaml", GOED.replace("peiljaar", "peijlaar"))) == [
        "peijlaar: onbekende sleutel; bedoelde u 'peiljaar'?"
    ]


def test_all_errors_of_a_file_at_once(schrijf):
    tekst = (
        GOED.replace("peiljaar: 2024", "peiljaar: '2024'")
        .replace("doeljaar: 2030", "doeljaar: 2099")
        .replace("scenario: midden", "scenario: gemiddeld")
        .replace("0.10", "10")
        .replace("deelregio: IJmond", "deelregio: Texel")
        + "onzin: 1\n"
    )
    assert fouten(schrijf("p.yaml", tekst)) == [
        "peiljaar: verwacht een geheel getal (bijvoorbeeld 2024), kreeg '2024'",
        "doeljaar: mag hoogstens 2050 zijn, kreeg 2099",
        "scenario: verwacht een van 'laag', 'midden' of 'hoog', kreeg 'gemiddeld'",
        "aandeel_verhuringen_aandachtsgroepen: mag hoogstens 1 zijn, kreeg 10",
        "onzin: onbekende sleutel; kies uit: regio, peiljaar, doeljaar, scenario, invoer, "
        "aandeel_verhuringen_aandachtsgroepen, verdeelsleutels, plafond_aandeel_verhuringen, plafond_doelgroepen, "
        "correctie_jaren, taakstelling_onbekend, mutatiegraad, "
        "drempel_onthulling, data_editie, status, vastgesteld_op, opgesteld_door, contact, deelregio, "
        "verdeling_binnen_deelregio",
        "deelregio: 'Texel' is geen deelregio van Metropoolregio Amsterdam (MRA); kies uit: Zuid-Kennemerland, "
        "IJmond, Zaanstreek-Waterland, Gooi en Vechtstreek, Amsterdam, Amstelland-Meerlanden, Almere-Lelystad",
    ]


def test_unknown_region(schrijf):
    assert fouten(schrijf("p.yaml", GOED.replace("regio: mra", "regio: metropool"))) == [
        "regio: onbekende regio 'metropool'; kies uit: groene-metropoolregio-arnhem-nijmegen, haaglanden, haaglanden-koplopers, "
        "hart-van-brabant, mra, parkstad-limburg, regio-enschede, regio-groningen, een centrumregio (centrumregio-…), "
        "een provincie (provincie-…) of een woningmarktregio (woningmarktregio-…), zie 'woonzorg data' (of geef het pad "
        "van een eigen regiobestand, .yaml)"
    ]


def test_unknown_gemeente_in_an_own_region_file(schrijf):
    regio = schrijf("regio.yaml", "naam: Eigen\ngemeenten: [GM0344, GM0001]\n")
    pad = schrijf("p.yaml", GOED.replace("regio: mra", "regio: regio.yaml").replace("deelregio: IJmond\n", ""))
    with pytest.raises(WoonzorgFout) as fout:
        lees_parameterbestand(pad)
    assert [str(m) for m in fout.value.meldingen] == [
        f"{regio}: gemeenten: gemeente GM0001 bestaat niet in de huidige gemeentelijke indeling"
    ]


def test_a_misspelt_deelregio_or_template_gets_a_suggestion(schrijf):
    tekst = GOED.replace("deelregio: IJmond", "deelregio: Ijmond").replace("woonzorganalyse", "woonzorganalyze")
    assert fouten(schrijf("p.yaml", tekst)) == [
        "notebook: onbekend sjabloon 'woonzorganalyze'; bedoelde u 'woonzorganalyse'?",
        "deelregio: 'Ijmond' is geen deelregio van Metropoolregio Amsterdam (MRA); bedoelde u 'IJmond'?",
    ]


def test_year_range_and_order(schrijf):
    assert fouten(schrijf("p.yaml", GOED.replace("peiljaar: 2024", "peiljaar: 1999"))) == [
        "peiljaar: moet minstens 2015 zijn, kreeg 1999"
    ]
    assert fouten(schrijf("p.yaml", GOED.replace("doeljaar: 2030", "doeljaar: 2024"))) == [
        "(hele bestand): doeljaar (2024) moet na het peiljaar (2024) liggen"
    ]


def test_missing_and_unknown_template(schrijf):
    assert fouten(schrijf("p.yaml", GOED.replace("notebook: woonzorganalyse\n", ""))) == [
        "notebook: verplichte sleutel ontbreekt; kies uit: woonzorganalyse, regio-overzicht"
    ]
    assert fouten(schrijf("p.yaml", GOED.replace("notebook: woonzorganalyse", "notebook: [a]"))) == [
        "notebook: onbekend sjabloon ['a']; kies uit: woonzorganalyse, regio-overzicht"
    ]


def test_missing_required_key(schrijf):
    assert fouten(schrijf("p.yaml", GOED.replace("regio: mra\n", "").replace("deelregio: IJmond\n", ""))) == [
        "regio: verplichte sleutel ontbreekt"
    ]


def test_fair_share_variants_are_checked(schrijf):
    tekst = GOED + "verdeelsleutels:\n  Eigen mix:\n    inwoners: 1\n    voorraad: 1\n  Leeg:\n    inwoners: 0\n"
    assert fouten(schrijf("p.yaml", tekst)) == [
        "verdeelsleutels: variant 'Eigen mix': onbekende sleutel voorraad; kies uit: inwoners, huishoudens, "
        "sociale_huurvoorraad, verhuringen, huidige_belasting, herkomstgemeente, draagkracht"
    ]
    tekst = GOED + "verdeelsleutels:\n  Leeg:\n    inwoners: 0\n"
    assert fouten(schrijf("p.yaml", tekst)) == [
        "verdeelsleutels: variant 'Leeg': gewichten moeten 0 of meer zijn en samen meer dan 0"
    ]
    tekst = GOED + "plafond_aandeel_verhuringen: 0\ncorrectie_jaren: 0\n"
    assert fouten(schrijf("p.yaml", tekst)) == [
        "plafond_aandeel_verhuringen: moet groter dan 0 zijn, kreeg 0",
        "correctie_jaren: moet minstens 1 zijn, kreeg 0",
    ]


def test_invoer_must_exist_and_becomes_absolute(schrijf, tmp_path):
    assert fouten(schrijf("p.yaml", GOED + "invoer: weg.xlsx\n")) == [
        f"invoer: invoerbestand {tmp_path / 'weg.xlsx'} bestaat niet"
    ]
    schrijf("invoer/mra.xlsx", "")
    bestand = lees_parameterbestand(schrijf("p.yaml", GOED + "invoer: invoer/mra.xlsx\n"))
    assert bestand.parameters.invoer == str(tmp_path / "invoer" / "mra.xlsx")


def test_region_overview_has_no_deelregio(schrijf):
    tekst = GOED.replace("woonzorganalyse", "regio-overzicht")
    assert fouten(schrijf("p.yaml", tekst)) == [
        "deelregio: onbekende sleutel; kies uit: regio, peiljaar, doeljaar, scenario, invoer, "
        "aandeel_verhuringen_aandachtsgroepen, verdeelsleutels, plafond_aandeel_verhuringen, plafond_doelgroepen, "
        "correctie_jaren, taakstelling_onbekend, mutatiegraad, "
        "drempel_onthulling, data_editie, status, vastgesteld_op, opgesteld_door, contact"
    ]
    bestand = lees_parameterbestand(schrijf("p.yaml", tekst.replace("deelregio: IJmond\n", "")))
    assert isinstance(bestand.parameters, RegioOverzichtParameters)


def test_validation_for_injected_notebook_parameters():
    """The same check runs in a notebook's first cell, on the values papermill injected."""
    assert valideer_parameters("woonzorganalyse", {"regio": "mra"}).scenario == "midden"
    with pytest.raises(WoonzorgFout, match="peiljaar: verwacht een geheel getal"):
        valideer_parameters("woonzorganalyse", {"regio": "mra", "peiljaar": "2024"})


def test_every_template_model_is_strict_and_closed():
    for model in SJABLONEN.values():
        assert model.model_config["extra"] == "forbid"
        assert model.model_config["strict"] is True
        for naam, veld in model.model_fields.items():
            assert veld.description, f"{model.__name__}.{naam} needs a Dutch help text"


def test_a_range_for_unknown_half_years_and_a_mutatiegraad_per_gemeente(schrijf):
    bestand = lees_parameterbestand(schrijf("p.yaml", GOED + (
        "taakstelling_onbekend: {laag: 10000, midden: 12000, hoog: 16000}\n"
        "mutatiegraad: {Velsen: 0.05, GM0375: 0.06}\n")))
    assert bestand.parameters.taakstelling_onbekend.midden == 12000
    assert bestand.parameters.mutatiegraad == {"Velsen": 0.05, "GM0375": 0.06}


def test_a_wrong_range_or_mutatiegraad_is_named(schrijf):
    gevonden = fouten(schrijf("p.yaml", GOED + (
        "taakstelling_onbekend: {laag: 16000, midden: 12000, hoog: 10000}\n"
        "mutatiegraad: {Velsn: 0.05, Heemskerk: 1.5}\n")))
    assert any(f.startswith("taakstelling_onbekend") and "laag (16000.0) ≤ midden" in f for f in gevonden)
    assert any(f.startswith("mutatiegraad") and "1.5 is geen aandeel" in f for f in gevonden)
    assert any(f.startswith("mutatiegraad.Velsn") and "Velsen" in f for f in gevonden)


def test_dutch_decimals_are_read_as_numbers(schrijf):
    pad = schrijf("p.yaml", (
        "notebook: woonzorganalyse\nregio: mra\ndeelregio: IJmond\naandeel_verhuringen_aandachtsgroepen: 0,15\n"
        "plafond_aandeel_verhuringen: '0,2'\nmutatiegraad:\n  Velsen: 0,052\nverdeelsleutels:\n  Mix:\n"
        "    inwoners: 0,5\n    verhuringen: 0,5\ntaakstelling_onbekend:\n  laag: 20000\n  midden: '25.000,5'\n"
        "  hoog: 30000\n"))
    p = lees_parameterbestand(pad).parameters
    assert p.aandeel_verhuringen_aandachtsgroepen == 0.15 and p.plafond_aandeel_verhuringen == 0.2
    assert p.mutatiegraad == {"Velsen": 0.052} and p.verdeelsleutels == {"Mix": {"inwoners": 0.5, "verhuringen": 0.5}}
    assert p.taakstelling_onbekend.midden == 25000.5


def test_a_comma_that_is_no_number_is_named_with_what_is_expected(schrijf):
    pad = schrijf("p.yaml", "notebook: woonzorganalyse\nregio: mra\naandeel_verhuringen_aandachtsgroepen: 0,1,5\n")
    assert fouten(pad) == ["aandeel_verhuringen_aandachtsgroepen: verwacht een getal (bijvoorbeeld 0.10 of 0,10), "
                           "kreeg '0,1,5'"]


def test_tests_read_the_committed_parameter_files_not_what_an_analyst_changed():
    """tests/conftest.py pins the bundled parameter files: an analyst's own or edited files there change no test."""
    from tests.conftest import BUNDELDE_PARAMETERS, PROJECT

    assert PARAMETERS != PROJECT / "parameters"
    assert sorted(str(p.relative_to(PARAMETERS)) for p in PARAMETERS.rglob("*.yaml")) == sorted(BUNDELDE_PARAMETERS)


@pytest.mark.parametrize("waarde", [".nan", ".inf", "-.inf"])
def test_a_weight_or_range_that_is_no_finite_number_is_refused(schrijf, waarde):
    tekst = GOED + f"verdeelsleutels:\n  v:\n    inwoners: {waarde}\n    verhuringen: 1.0\n"
    assert fouten(schrijf("p.yaml", tekst)) == [
        f"verdeelsleutels.v.inwoners: verwacht een eindig getal, kreeg {waarde} (geen getal om mee te rekenen)"]
    tekst = GOED + f"taakstelling_onbekend: {{laag: 1000.0, midden: {waarde}, hoog: {waarde}}}\n"
    assert all("verwacht een eindig getal" in f for f in fouten(schrijf("p.yaml", tekst)))


def test_a_key_yaml_reads_as_a_number_is_named_with_the_mapping_it_is_in(schrijf):
    pad = schrijf("p.yaml", GOED + "1: x\nverdeelsleutels:\n  Mix:\n    inwoners: 0.5\n    2: 0.5\n")
    assert sorted(fouten(pad)) == [
        "(hele bestand): sleutel 1 moet tekst zijn; zet hem tussen aanhalingstekens ('1')",
        "verdeelsleutels.Mix: sleutel 2 moet tekst zijn; zet hem tussen aanhalingstekens ('2')"]


def test_the_status_on_the_title_page_is_concept_or_adopted_on_a_real_past_date(schrijf):
    """A YAML date is read as the same date; adopted needs its date; a date needs adoption, a real day, not ahead."""
    assert lees_parameterbestand(schrijf("p.yaml", GOED + "status: vastgesteld\nvastgesteld_op: 2026-11-30\n")
                                 ).parameters.vastgesteld_op == "2026-11-30"
    for regels, melding in (
        ("status: vastgesteld\n", "status vastgesteld vraagt de datum van vaststelling"),
        ("vastgesteld_op: 2026-11-30\n", "vastgesteld_op is gezet bij status concept"),
        ("status: vastgesteld\nvastgesteld_op: '2026-02-30'\n", "vastgesteld_op 2026-02-30 is geen bestaande datum"),
        ("status: vastgesteld\nvastgesteld_op: 2999-01-01\n", "vastgesteld_op 2999-01-01 ligt in de toekomst"),
        ("status: definitief\n", "status"),
    ):
        assert any(melding in f for f in fouten(schrijf("p.yaml", GOED + regels))), regels
