"""The refresh against a local StatLine built like the real tables: every table, every way CBS can fail."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests import statline_tabellen as tabellen
from tests.statline_nep import NepStatline, geraden_vormen
from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.data.catalogus import bekende_codes, laad_regio
from woonzorg_lib.data.cbs_categorieen import _band, _leeftijden
from woonzorg_lib.data.cbs_client import MAX_URL, CbsOnbereikbaar
from woonzorg_lib.data.cbs_tabellen import TABEL
from woonzorg_lib.data.edities import edities
from woonzorg_lib.data.statline import kies_en_download
from woonzorg_lib.data.vernieuwen import vernieuw

MRA = sorted(laad_regio("mra").gemeentecodes)
STIL: Callable[[str], None] = lambda _: None


def _waarden(nep: NepStatline, code: str):
    return nep.waarden.set_index("gemeentecode").loc[code]


def test_bevolking_per_leeftijdsgroep_uit_losse_leeftijdsjaren(nep_cbs: NepStatline) -> None:
    gedownload = kies_en_download(TABEL["bevolking"], MRA)
    assert gedownload is not None and gedownload.tabel_id == "03759ned"
    assert gedownload.perioden == {"2025JJ00": "2025 (voorlopig)"}  # the newest period, its status named
    rij = gedownload.data.set_index(["gemeentecode", "categorie"])["aantal"]
    per_jaar = tabellen.per_leeftijd(_waarden(nep_cbs, "GM0363"))
    assert rij["GM0363", "inwoners"] == _waarden(nep_cbs, "GM0363")["inwoners"]
    assert rij["GM0363", "inwoners_65_74"] == sum(round(per_jaar[f"{a} jaar"]) for a in range(65, 75))
    # 85+ = 85 … 94 jaar plus "95 jaar of ouder"; the single years 95-104 and "105 jaar of ouder" lie inside it
    assert rij["GM0363", "inwoners_85plus"] == (
        sum(round(per_jaar[f"{a} jaar"]) for a in range(85, 95)) + round(per_jaar["95 jaar of ouder"]))
    assert set(gedownload.data["peildatum"]) == {"2025-01-01"}


def test_leeftijdsbanden_uit_titels_zonder_overlap() -> None:
    codes = [{"Key": "T", "Title": "Totaal"}, {"Key": "a", "Title": "65 tot 70 jaar"},
             {"Key": "b", "Title": "65 jaar of ouder"}, {"Key": "c", "Title": "70 tot 75 jaar"},
             {"Key": "d", "Title": "75 jaar"}, {"Key": "e", "Title": "85 jaar of ouder"}]
    leeftijden = _leeftijden(codes)
    assert _band("x", "65-74", (65, 75), leeftijden) == ["a", "c"]
    assert _band("x", "85+", (85, None), leeftijden) == ["e"]
    assert _band("x", "alle", (0, None), leeftijden) == ["T"]
    with pytest.raises(WoonzorgFout, match="75-84 zijn niet uit de categorieën samen te stellen"):
        _band("x", "75-84", (75, 85), leeftijden)


def test_de_opvolger_86286ned_met_meervoudige_kolomtitel_gaat_voor(nep_cbs: NepStatline) -> None:
    gedownload = kies_en_download(TABEL["woningvoorraad"], MRA)
    assert gedownload is not None and gedownload.tabel_id == "86286NED" and not gedownload.meldingen
    rij = gedownload.data.set_index("gemeentecode").loc["GM0363"]
    assert rij["corporatiewoningen"] == round(_waarden(nep_cbs, "GM0363")["corporatiewoningen"] * tabellen.METHODE_86286)
    assert rij["peildatum"] == "2025-01-01"


def test_een_stopgezette_tabel_alleen_met_een_zichtbare_melding(nep_cbs: NepStatline) -> None:
    nep_cbs.zonder_kolom("86286NED", "Eigendom woningcorporaties")
    gedownload = kies_en_download(TABEL["woningvoorraad"], MRA)
    assert gedownload is not None and gedownload.tabel_id == "82900NED"
    assert gedownload.meldingen[0].startswith("LET OP: CBS-tabel 82900NED is door CBS stopgezet")
    assert "86286NED: kolom 'Eigendom woningcorporaties' ontbreekt" in gedownload.meldingen[0]
    editie = vernieuw("mra", ["woningvoorraad"], meld=STIL)
    assert any("LET OP: CBS-tabel 82900NED" in m for m in editie.beschrijving["meldingen"])


def test_monitor_aandachtsgroepen_eind_van_het_jaar_en_alleen_het_groepstotaal(nep_cbs: NepStatline) -> None:
    gedownload = kies_en_download(TABEL["aandachtsgroepen"], MRA)
    assert gedownload is not None
    assert gedownload.perioden == {"2024MM12": "2024 december (voorlopig)"}
    data = gedownload.data
    assert set(data["peildatum"]) == {"2024-12-31"}  # "december" is 31 December, not 1 January
    assert set(data["categorie"]) == {"Statushouder", "Uitstromer detentie"}  # groups, not their sub-categories
    rij = data[(data["gemeentecode"] == "GM0363") & (data["categorie"] == "Statushouder")].iloc[0]
    waarden = _waarden(nep_cbs, "GM0363")
    # the group total only: never the total plus its own sub-category, never a Kenmerken breakdown
    assert (rij["personen"], rij["huishoudens"]) == (waarden["statushouders_personen"], waarden["statushouders_huishoudens"])


def test_prognose_in_duizendtallen_omgezet_naar_de_huidige_gemeenten(nep_cbs: NepStatline) -> None:
    gedownload = kies_en_download(TABEL["prognose"], MRA)
    assert gedownload is not None and len(gedownload.perioden) == len(tabellen.PROGNOSEJAREN)
    assert "regio-indeling 2021" in gedownload.meldingen[0] and "Weesp bij Amsterdam" in gedownload.meldingen[0]
    per = gedownload.data.set_index(["gemeentecode", "periode"])["inwoners"]
    oud = tabellen.inwoners_2021_indeling(nep_cbs.waarden)
    # thousands × 1,000, and Weesp added to Amsterdam, Beemster to Purmerend
    assert per["GM0363", "2030JJ00"] == pytest.approx(
        1000 * (tabellen.prognosewaarde(oud["GM0363"], 2030) + tabellen.prognosewaarde(oud["GM0457"], 2030)))
    assert per["GM0439", "2030JJ00"] == pytest.approx(
        1000 * (tabellen.prognosewaarde(oud["GM0439"], 2030) + tabellen.prognosewaarde(oud["GM0370"], 2030)))
    assert per["GM0363", "2030JJ00"] > 900_000  # not 1,000× too small


def test_prognose_met_interval_kiest_de_prognose_zelf(nep_cbs: NepStatline) -> None:
    nep_cbs.meta["catalogus"] = [t for t in nep_cbs.meta["catalogus"] if t["Identifier"] != "85171NED"]
    gedownload = kies_en_download(TABEL["prognose"], MRA)
    assert gedownload is not None and gedownload.tabel_id == "85173NED"
    assert any("PrognoseInterval eq 'MW00000'" in v.replace("%20", " ").replace("%27", "'").replace("+", " ")
               for v in nep_cbs.verzoeken)
    assert len(gedownload.data) == len(MRA) * len(tabellen.PROGNOSEJAREN)  # one row per gemeente and year


def test_prognose_op_een_onbekende_nieuwere_indeling_wordt_geweigerd(nep_cbs: NepStatline) -> None:
    nep_cbs.waarden = nep_cbs.waarden[nep_cbs.waarden["gemeentecode"] != "GM0363"]  # a code the table lacks
    with pytest.raises(WoonzorgFout, match=r"geen cijfers voor GM0363; de tabel volgt de regio-indeling 2021"):
        kies_en_download(TABEL["prognose"], MRA)


def test_kwb_percentage_zonder_periodedimensie(nep_cbs: NepStatline) -> None:
    gedownload = kies_en_download(TABEL["kwb"], MRA)
    assert gedownload is not None and gedownload.tabel_id == "85984NED"
    rij = gedownload.data.set_index("gemeentecode").loc["GM0363"]
    waarden = _waarden(nep_cbs, "GM0363")
    assert rij["corporatie_procent"] == round(100 * waarden["corporatiewoningen"] / waarden["woningvoorraad"])
    assert rij["peildatum"] == "2024-01-01" and len(gedownload.data) == len(MRA)  # gemeenten only, no wijken


def test_vernieuwen_maakt_een_editie_met_tabelversie_en_peildata(nep_cbs: NepStatline) -> None:
    editie = vernieuw("mra", meld=STIL)
    assert [e.naam for e in edities()] == [editie.naam]
    ids = {t["onderwerp"]: (t["tabel_id"], t["gewijzigd"][:10]) for t in editie.tabellen}
    assert ids == {"bevolking": ("03759ned", "2025-06-30"), "woningvoorraad": ("86286NED", "2026-06-30"),
                   "kwb": ("85984NED", "2025-03-27"), "aandachtsgroepen": ("85980NED", "2025-07-01"),
                   "prognose": ("85171NED", "2024-07-05")}
    # the stock table (1-1-2025) is newer than KWB 2024: its count is used, and the edition says so
    assert any("uit 86286NED (peildatum 2025-01-01), niet uit 85984NED" in m for m in editie.beschrijving["meldingen"])
    basis = editie.lees("basisgegevens.csv")
    assert basis is not None and set(basis["herkomst"]) == {"register"}
    assert set(basis["peildatum"]) == {"2025-01-01"}
    assert basis["bron"].str.contains("CBS StatLine (?:03759ned|86286NED)").all()
    assert len(basis) == 30 * 6
    prognose = editie.lees("prognose.csv")
    assert prognose is not None and set(prognose["herkomst"]) == {"schatting"}
    assert prognose["bron"].str.contains("Weesp bij Amsterdam").all()
    assert (editie.map / "cbs" / "86286NED" / "DataProperties.json").is_file()  # raw answers kept for audit


def test_een_nieuwere_kwb_levert_de_corporatievoorraad_als_percentage_maal_voorraad(nep_cbs: NepStatline) -> None:
    nep_cbs.voeg_toe(*tabellen.KWB_2026)
    editie = vernieuw("mra", meld=STIL)
    basis = editie.lees("basisgegevens.csv").set_index(["gemeentecode", "indicator"])
    waarden = _waarden(nep_cbs, "GM0363")
    voorraad = round(waarden["woningvoorraad"] * 1.02)
    procent = round(100 * waarden["corporatiewoningen"] / waarden["woningvoorraad"])
    assert basis.loc[("GM0363", "woningvoorraad"), "waarde"] == voorraad
    assert basis.loc[("GM0363", "corporatiewoningen"), "waarde"] == round(procent / 100 * voorraad)
    assert basis.loc[("GM0363", "corporatiewoningen"), "peildatum"] == "2026-01-01"
    assert "86358NED" in basis.loc[("GM0363", "corporatiewoningen"), "bron"]
    assert "hele procenten" in basis.loc[("GM0363", "corporatiewoningen"), "bron"]
    # a whole percent × the stock is an estimate (±0,5 point), not a count: it never passes as register
    assert basis.loc[("GM0363", "corporatiewoningen"), "herkomst"] == "schatting"
    assert basis.loc[("GM0363", "corporatiewoningen"), "bron"].startswith("schatting: ")
    assert basis.loc[("GM0363", "woningvoorraad"), "herkomst"] == "register"


def test_korte_urls_ook_voor_alle_gemeenten(nep_cbs: NepStatline) -> None:
    nep_cbs.waarden = _alle_gemeenten(nep_cbs)
    gedownload = kies_en_download(TABEL["bevolking"], sorted(bekende_codes()))
    assert gedownload is not None and gedownload.data["gemeentecode"].nunique() == 342
    datasets = [v for v in nep_cbs.verzoeken if "TypedDataSet" in v and "skip" not in v]
    assert len(datasets) > 1 and max(len(nep_cbs.adres) + len(v) for v in datasets) <= MAX_URL


def _alle_gemeenten(nep: NepStatline):
    import pandas as pd

    voorbeeld = nep.waarden.iloc[0]
    return pd.DataFrame([{**voorbeeld.to_dict(), "gemeentecode": code} for code in sorted(bekende_codes())])


def test_oude_geraden_vormen_geven_een_duidelijke_fout_en_geen_verkeerd_getal(nep_cbs: NepStatline) -> None:
    nep_cbs.meta = geraden_vormen()
    with pytest.raises(WoonzorgFout, match="85980NED: kolom 'Totaal personen' ontbreekt"):
        kies_en_download(TABEL["aandachtsgroepen"], MRA)
    nep_cbs.meta["tabellen"]["85173NED"] = {**tabellen.prognose("85173NED", True)}
    for e in nep_cbs.meta["tabellen"]["85173NED"]["DataProperties"]:
        e.pop("Unit", None)  # the guessed prognosis had no unit: reading it as persons would be 1,000× too small
    with pytest.raises(WoonzorgFout, match="kolom 'Totale bevolking' heeft eenheid 'geen'; verwacht een aantal"):
        kies_en_download(TABEL["prognose"], MRA)
    with pytest.raises(WoonzorgFout, match="85980NED: kolom 'Totaal personen' ontbreekt") as info:
        vernieuw("mra", ["aandachtsgroepen"], meld=STIL)
    assert "Er is geen nieuwe data-editie gemaakt" in str(info.value) and edities() == []


def _http_fout(nep: NepStatline) -> None:
    nep.fout["/86286NED/TypedDataSet"] = 500


def _afgebroken(nep: NepStatline) -> None:
    nep.afbreken = "/03759ned/TypedDataSet"


def _kolom_weg(nep: NepStatline) -> None:
    for tabel_id, titel in (("86286NED", "Eigendom woningcorporaties"), ("82900NED", "Eigendom woningcorporatie")):
        nep.zonder_kolom(tabel_id, titel)


def _tabel_weg(nep: NepStatline) -> None:
    nep.meta["catalogus"] = [t for t in nep.meta["catalogus"] if t["Identifier"] != "03759ned"]
    del nep.meta["tabellen"]["03759ned"]


def _verbroken(nep: NepStatline) -> None:
    nep.verbreek = "/85980NED/"


@pytest.mark.parametrize(
    ("storing", "melding"),
    [
        (_http_fout, "HTTP 500 bij TypedDataSet van tabel 86286NED \\(ook na 4 nieuwe pogingen\\)"),
        (_afgebroken, r"download van tabel 03759ned \(TypedDataSet\) brak af"),
        (_kolom_weg, "kolom 'Eigendom woningcorporaties' ontbreekt"),
        (_tabel_weg, "CBS-tabel 03759ned bestaat niet \\(meer\\) bij CBS"),
        (_verbroken, "CBS verbrak de verbinding bij TableInfos van tabel 85980NED"),
    ],
    ids=["http-fout", "afgebroken-download", "ontbrekende-kolom", "tabel-bestaat-niet", "verbinding-verbroken"],
)
def test_een_mislukte_vernieuwing_laat_de_edities_ongemoeid(
    nep_cbs: NepStatline, storing: Callable[[NepStatline], None], melding: str
) -> None:
    eerste = vernieuw("mra", meld=STIL)
    storing(nep_cbs)
    with pytest.raises(WoonzorgFout, match=melding) as info:
        vernieuw("mra", meld=STIL)
    assert f"gebruiken nog editie {eerste.naam}" in str(info.value)
    assert [e.naam for e in edities()] == [eerste.naam]
    assert [p.name for p in eerste.map.parent.iterdir()] == [eerste.naam]  # no half-written folder left


def test_een_tijdelijke_storing_wordt_opnieuw_geprobeerd(nep_cbs: NepStatline) -> None:
    nep_cbs.tijdelijk["/03759ned/TypedDataSet"] = 2  # CBS answers 503 twice, then the data
    editie = vernieuw("mra", ["bevolking"], meld=STIL)
    assert editie.lees("basisgegevens.csv") is not None
    assert sum("/03759ned/TypedDataSet" in v for v in nep_cbs.verzoeken) >= 3


def test_zonder_verbinding_een_nederlandse_melding(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WOONZORG_CBS_ADRES", "http://127.0.0.1:9")
    monkeypatch.setenv("WOONZORG_DATAMAP", str(tmp_path))
    with pytest.raises(CbsOnbereikbaar, match="geen verbinding met CBS StatLine"):
        kies_en_download(TABEL["bevolking"], MRA)
    with pytest.raises(WoonzorgFout, match="gebruiken nog de meegeleverde gegevens"):
        vernieuw("mra", meld=STIL)
    assert list(tmp_path.iterdir()) == []


def test_een_gevraagde_tabel_die_ontbreekt_is_een_fout(nep_cbs: NepStatline) -> None:
    nep_cbs.fout["/85171NED/"] = 404
    nep_cbs.fout["/85173NED/"] = 404
    with pytest.raises(WoonzorgFout, match="geen bruikbare CBS-tabel voor prognose"):
        vernieuw("mra", ["prognose"], meld=STIL)
    with pytest.raises(WoonzorgFout, match="onbekende tabel 'bevolkng'; bedoelde u 'bevolking'"):
        vernieuw("mra", ["bevolkng"], meld=STIL)


def test_een_optionele_tabel_die_ontbreekt_wordt_gemeld_en_overgeslagen(nep_cbs: NepStatline) -> None:
    nep_cbs.fout["/85171NED/"] = 404
    nep_cbs.fout["/85173NED/"] = 404
    editie = vernieuw("mra", meld=STIL)
    assert any("prognose" in m.lower() and "404" in m for m in editie.beschrijving["meldingen"])
    assert editie.lees("prognose.csv") is None


def test_een_te_lang_verzoek_wordt_niet_verstuurd() -> None:
    from woonzorg_lib.data import cbs_client

    te_lang = " or ".join(f"RegioS eq 'GM{i:04d}'" for i in range(200))
    with pytest.raises(WoonzorgFout, match=r"het verzoek om TypedDataSet van tabel 03759ned is te lang \(\d+ tekens"):
        cbs_client.lees("03759ned", "TypedDataSet", te_lang)


def test_herindelingen_kloppen_met_de_huidige_gemeenten() -> None:
    from woonzorg_lib.data.basis import gemeenten
    from woonzorg_lib.data.herindelingen import herindelingen

    namen = gemeenten().set_index("gemeentecode")["gemeentenaam"]
    h = herindelingen()
    assert not h["code_oud"].isin(namen.index).any()  # a former gemeente is no longer in the division
    assert (h["code_nieuw"].map(namen) == h["naam_nieuw"]).all()  # every successor exists, under its CBS name
    assert set(h.loc[h["opvolger_bestond"] == "ja", "naam_nieuw"]) == {"Amsterdam", "Purmerend"}


def test_een_landelijke_editie_levert_de_noemer_van_artikel_29_en_een_regionale_niet(nep_cbs: NepStatline) -> None:
    from woonzorg_lib.analyse.parameters import valideer_parameters
    from woonzorg_lib.analyse.uitgangspunten import taakstelling_voor
    from woonzorg_lib.data.basis import bevolking
    from woonzorg_lib.data.catalogus import laad_regio as regio_

    parameters = valideer_parameters("regio-overzicht", {"regio": "mra", "peiljaar": 2026, "doeljaar": 2027})
    mra = regio_("mra")
    bundel = taakstelling_voor(parameters, mra, [2026], None)

    regionaal = vernieuw("mra", ["bevolking"], meld=STIL)
    assert bevolking(regionaal).equals(bevolking())  # 30 gemeenten are no denominator for the whole country
    assert taakstelling_voor(parameters, mra, [2026], regionaal).equals(bundel)

    nep_cbs.waarden = _alle_gemeenten(nep_cbs)
    landelijk = vernieuw(None, ["bevolking"], meld=STIL)
    inwoners = bevolking(landelijk)
    nieuw = inwoners[inwoners["peildatum"] == "2025-01-01"]
    assert len(nieuw) == 342 and (nieuw["inwoners"] == nep_cbs.waarden["inwoners"].iloc[0]).all()
    taak = taakstelling_voor(parameters, mra, [2026], landelijk)
    assert set(taak["peildatum_inwoners"]) == {"2025-01-01"}
    nederland = f"{342 * int(nep_cbs.waarden['inwoners'].iloc[0]):,}".replace(",", ".")
    assert taak["bron"].str.contains(f"inwoners van Nederland \\({nederland}\\) op 2025-01-01").all()
