"""The corporation stock of every gemeente is CBS's count (82900NED, 1-1-2024), checked against the other CBS figures."""

import csv
import shutil

import pandas as pd
import pytest

from tests.conftest import PROJECT, bundelbouwer
from woonzorg_lib.data.basis import (
    corporatie_aandeel_gemeenten,
    gemeenten,
    woningvoorraad,
    woningvoorraad_eigendom_gemeenten,
)

RUW = PROJECT / "tools" / "ruw"
REFERENTIE = PROJECT.parent / "shared" / "reference"


def _cbs(naam: str) -> pd.DataFrame:
    tabel = pd.read_csv(RUW / naam, sep=";", dtype=str, keep_default_na=False)
    return tabel.apply(lambda k: k.str.strip())


@pytest.fixture(scope="module")
def telling() -> pd.DataFrame:
    return woningvoorraad_eigendom_gemeenten().set_index("gemeentecode")


def test_every_gemeente_has_its_own_cbs_count(telling):
    assert sorted(telling.index) == sorted(gemeenten()["gemeentecode"])
    assert (telling["peildatum"] == "2024-01-01").all()
    assert (telling["corporatiewoningen"] <= telling["woningvoorraad_totaal"]).all()
    # Amsterdam 82900NED 2024: 190,319 of 480,852 dwellings; Ameland: no corporation dwelling (KWB 0%).
    assert telling.loc["GM0363", ["woningvoorraad_totaal", "corporatiewoningen"]].tolist() == [480_852, 190_319]
    assert telling.loc["GM0060", "corporatiewoningen"] == 0


def test_the_nine_disambiguated_cbs_titles_are_their_gemeenten():
    titels = _cbs("85755NED_gemeenten_2024.csv").set_index("RegioS")["Code_1"]
    namen = gemeenten().set_index("gemeentecode")["gemeentenaam"]
    verwacht = {"'s-Gravenhage (gemeente)": "GM0518", "Groningen (gemeente)": "GM0014", "Utrecht (gemeente)": "GM0344",
                "Beek (L.)": "GM0888", "Hengelo (O.)": "GM0164", "Laren (NH.)": "GM0417", "Middelburg (Z.)": "GM0687",
                "Rijswijk (ZH.)": "GM0603", "Stein (L.)": "GM0971"}
    anders = {t: c for t, c in titels.items() if t != namen[c]}
    assert anders == verwacht
    assert all(t.split(" (")[0] == namen[c] for t, c in anders.items())
    assert sorted(titels.index) == sorted(_cbs("82900NED_totaal_2024.csv").query("not RegioS.str.endswith('(PV)') "
                                                                             "and RegioS != 'Nederland'")["RegioS"])


def test_the_total_stock_is_the_bundled_woningvoorraad_of_the_same_date(telling):
    # 82900NED Perioden 2024 is the stock on 1 January 2024: every gemeente equals KWB 2024 (85984NED) exactly.
    kwb = woningvoorraad().set_index("gemeentecode")
    assert (kwb["peildatum"] == "2024-01-01").all()
    verschil = telling["woningvoorraad_totaal"] - kwb["woningvoorraad"].reindex(telling.index)
    assert (verschil == 0).all(), verschil[verschil != 0].to_dict()


def test_the_count_lies_within_the_rounding_band_of_the_kwb_whole_percent(telling):
    kwb = corporatie_aandeel_gemeenten().set_index("gemeentecode")
    aandeel = 100 * telling["corporatiewoningen"] / telling["woningvoorraad_totaal"]
    afwijking = (aandeel.reindex(kwb.index) - kwb["pct_in_bezit_woningcorporatie"].astype(float)).abs()
    assert len(kwb) == 172
    assert (afwijking <= 0.5).all(), afwijking[afwijking > 0.5].round(2).to_dict()


def test_the_gemeenten_add_up_to_every_province_and_the_country(telling):
    ruw = _cbs("82900NED_totaal_2024.csv").set_index("RegioS")
    kolommen = {"woningvoorraad_totaal": "TotaleWoningvoorraad_1", "corporatiewoningen": "EigendomWoningcorporatie_4"}
    per_provincie = telling.join(gemeenten().set_index("gemeentecode")["provincie"]).groupby("provincie")[list(kolommen)].sum()
    assert len(per_provincie) == 12
    for provincie, som in per_provincie.iterrows():
        rij = ruw.loc[f"{provincie} (PV)"]
        assert [som[k] for k in kolommen] == [float(rij[v]) for v in kolommen.values()], provincie
    assert per_provincie.sum().tolist() == [float(ruw.loc["Nederland", v]) for v in kolommen.values()]


@pytest.mark.skipif(not REFERENTIE.is_dir(), reason="the shared reference folder is not beside the project")
def test_the_build_stops_when_a_province_is_not_the_sum_of_its_gemeenten(tmp_path, monkeypatch):
    bouwer = bundelbouwer()
    ruw = tmp_path / "ruw"
    shutil.copytree(RUW, ruw)
    pad = ruw / "82900NED_totaal_2024.csv"
    with pad.open(encoding="utf-8", newline="") as f:
        rijen = list(csv.reader(f, delimiter=";"))
    rij = next(r for r in rijen if r[2] == "Aalsmeer")
    rij[7] = str(float(rij[7]) + 1)
    with pad.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=";", lineterminator="\n").writerows(rijen)
    monkeypatch.setattr(bouwer, "RUW", ruw)
    with pytest.raises(SystemExit, match="gemeenten van Noord-Holland tellen op tot"):
        bouwer.woningvoorraad_eigendom_gemeenten(REFERENTIE, tmp_path)
    assert not (tmp_path / "woningvoorraad_eigendom_gemeenten.csv").exists()


def test_no_bundled_source_names_another_by_its_file_name():
    """The Verantwoording printed '... die is de eigen CBS-telling (woningvoorraad_eigendom_gemeenten)': a reader
    sees the title of a data set, never its file name."""
    import re

    from woonzorg_lib.data.bronnen import bronnen

    alle = bronnen()
    namen = [n for n in alle if "_" in n]
    for bron in alle.values():
        tekst = f"{bron.titel} {bron.bron}"
        assert not [n for n in namen if re.search(rf"(?<![\w/]){n}(?![\w.])", tekst)], bron.titel
