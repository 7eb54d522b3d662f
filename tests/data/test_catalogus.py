import pytest

from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.data.basis import gemeenten
from woonzorg_lib.data.catalogus import catalogus, laad_regio

MRA_DEELREGIOS = {
    "Zuid-Kennemerland": 4,
    "IJmond": 4,
    "Zaanstreek-Waterland": 7,
    "Gooi en Vechtstreek": 6,
    "Amsterdam": 1,
    "Amstelland-Meerlanden": 6,
    "Almere-Lelystad": 2,
}


def test_mra_has_30_gemeenten_in_7_deelregios():
    mra = laad_regio("mra")
    assert {naam: len(codes) for naam, codes in mra.deelregios.items()} == MRA_DEELREGIOS
    assert len(set(mra.gemeentecodes)) == 30
    assert mra.bronnen, "the catalogue keeps the sources of the membership"


def test_catalogue_holds_the_koploper_regions_and_hart_van_brabant():
    regios = {k: r for k, r in catalogus().items() if not k.startswith(("centrumregio-", "provincie-", "woningmarktregio-"))}
    assert {r.naam: len(r.gemeentecodes) for r in regios.values()} == {
        "Metropoolregio Amsterdam (MRA)": 30,
        "Regio Enschede": 8,
        "Regio Groningen": 10,
        "Haaglanden (woningmarktregio)": 9,
        "Haaglanden (koploperlijst Platform31)": 8,
        "Parkstad Limburg": 7,
        "Groene Metropoolregio Arnhem-Nijmegen": 18,
        "Hart van Brabant": 11,
    }


def test_every_catalogue_gemeente_is_a_known_gemeente():
    bekend = set(gemeenten()["gemeentecode"])
    for regio in catalogus().values():
        assert set(regio.gemeentecodes) <= bekend


def test_indeling_lists_names_and_deelregio():
    indeling = laad_regio("mra").indeling().set_index("gemeentecode")
    assert indeling.loc["GM0450", "gemeentenaam"] == "Uitgeest"
    assert indeling.loc["GM0450", "deelregio"] == "IJmond"


def test_a_deelregio_is_a_region_of_its_own():
    ijmond = laad_regio("mra").deelregio("IJmond")
    assert ijmond.naam == "IJmond"
    assert set(ijmond.gemeentecodes) == {"GM0375", "GM0396", "GM0450", "GM0453"}
    with pytest.raises(WoonzorgFout, match="'Texel' is geen deelregio"):
        laad_regio("mra").deelregio("Texel")


def test_an_own_region_file_without_deelregios(schrijf):
    pad = schrijf("eigen.yaml", "naam: Eigen regio\ngemeenten: [GM0344, GM0363]\n")
    regio = laad_regio(str(pad))
    assert regio.deelregios == {"Eigen regio": ("GM0344", "GM0363")}


def test_an_own_region_file_relative_to_a_folder(schrijf, tmp_path):
    schrijf("regios/twee.yaml", "naam: Twee\ndeelregios:\n  - naam: A\n    gemeenten: [GM0344]\n  - naam: B\n    gemeenten: [GM0363]\n")
    regio = laad_regio("regios/twee.yaml", tmp_path)
    assert list(regio.deelregios) == ["A", "B"]


def test_all_problems_of_a_region_file_at_once(schrijf):
    pad = schrijf(
        "fout.yaml",
        "naam: Fout\ndeelregios:\n"
        "  - naam: A\n    gemeenten: [GM0344, GM9999, 344]\n"
        "  - naam: B\n    gemeenten: [GM0344, GMXXXX]\n",
    )
    with pytest.raises(WoonzorgFout) as fout:
        laad_regio(str(pad))
    teksten = [m.tekst for m in fout.value.meldingen]
    # 344 is a number, not text: the schema check reports it before the codes are looked at.
    assert teksten == ["verwacht tekst, kreeg 344"]
    pad = schrijf(
        "fout2.yaml",
        "naam: Fout\ndeelregios:\n"
        "  - naam: A\n    gemeenten: [GM0344, GM9999]\n"
        "  - naam: B\n    gemeenten: [GM0344, GMXXXX]\n",
    )
    with pytest.raises(WoonzorgFout) as fout:
        laad_regio(str(pad))
    assert [str(m) for m in fout.value.meldingen] == [
        f"{pad}: deelregio 'A': gemeente GM9999 bestaat niet in de huidige gemeentelijke indeling",
        f"{pad}: deelregio 'B': gemeente GM0344 staat er meer dan één keer in (ook in deelregio 'A')",
        f"{pad}: deelregio 'B': 'GMXXXX' is geen CBS-gemeentecode; verwacht GM gevolgd door 4 cijfers",
    ]


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("naam: X\n", "geef óf 'gemeenten'"),
        ("naam: X\ngemeenten: [GM0344]\ndeelregios: []\n", "geef óf 'gemeenten'"),
        ("naam: X\ngemeenten: []\n", "geen gemeenten"),
        ("naam: X\ngemeente: [GM0344]\n", "gemeente: onbekende sleutel; bedoelde u 'gemeenten'?"),
        ("naam: X\ndeelregios:\n  - naam: A\n    gemeenten: [GM0344]\n  - naam: A\n    gemeenten: [GM0363]\n",
         "deelregio 'A' staat er twee keer in"),
    ],
)
def test_region_file_errors(schrijf, tekst, verwacht):
    with pytest.raises(WoonzorgFout, match=verwacht.replace("?", r"\?")):
        laad_regio(str(schrijf("r.yaml", tekst)))


def test_unknown_region_lists_the_catalogue():
    with pytest.raises(WoonzorgFout, match="onbekende regio 'mrx'; kies uit: .*mra"):
        laad_regio("mrx")


def test_a_misspelt_region_key_gets_a_suggestion():
    with pytest.raises(WoonzorgFout, match="onbekende regio 'haaglandn'; bedoelde u 'haaglanden'?"):
        laad_regio("haaglandn")


def test_missing_region_file_is_named(tmp_path):
    with pytest.raises(WoonzorgFout, match="regiobestand .*weg.yaml bestaat niet"):
        laad_regio("weg.yaml", tmp_path)


def test_an_empty_or_endless_region_name_is_refused(schrijf):
    with pytest.raises(WoonzorgFout, match="naam: mag niet leeg zijn"):
        laad_regio(str(schrijf("leeg.yaml", "naam: '  '\ngemeenten: [GM0363]\n")))
    with pytest.raises(WoonzorgFout, match=r"deelregios\[1\]\.naam: is te lang \(hoogstens 100 tekens\), kreeg 'xxx.*…' \(300 tekens\)"):
        laad_regio(str(schrijf("lang.yaml", f"naam: R\ndeelregios:\n  - naam: {'x' * 300}\n    gemeenten: [GM0363]\n")))
