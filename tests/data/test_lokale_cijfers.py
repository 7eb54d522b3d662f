"""Local figures replace pro-rata defaults: 65-74 and 75+ per gemeente, the gemeente's own corporation share."""

import pandas as pd
import pytest

from woonzorg_lib.data import schattingen
from woonzorg_lib.data.basis import basisgegevens, bevolking, leeftijd_gemeenten, leeftijd_nederland


@pytest.fixture(scope="module")
def basis():
    return basisgegevens().set_index(["indicator", "gemeentecode"])


def test_the_65_74_count_is_the_registered_cbs_count(basis):
    rij = basis.loc[("inwoners_65_74", "GM0034")]  # Almere 1-1-2024: 65+ 30,913 − 75+ 10,636 (CBS 85383NED)
    eigen = leeftijd_gemeenten().set_index(["peildatum", "gemeentecode"]).loc[("2024-01-01", "GM0034")]
    assert rij["waarde"] == eigen["inwoners_65_74"] and rij["herkomst"] == "register"
    assert rij["peildatum"] == "2024-01-01" and "85383NED" in rij["bron"]


def test_75_84_and_85_plus_add_up_to_the_registered_75_plus(basis):
    eigen = leeftijd_gemeenten()
    eigen = eigen[eigen["peildatum"] == "2024-01-01"].set_index("gemeentecode")["inwoners_75plus"]
    som = basis.loc["inwoners_75_84", "waarde"] + basis.loc["inwoners_85plus", "waarde"]
    assert (som.reindex(eigen.index) == eigen).all() and len(eigen) == 342
    assert eigen.sum() == 1_708_311  # NL 1-1-2024 (README turn3)
    assert (basis.loc["inwoners_85plus", "herkomst"] == "schatting").all()
    assert basis.loc["inwoners_85plus", "bron"].str.contains("binnen 75+").all()


def test_without_local_counts_the_national_structure_stays():
    oud = schattingen.leeftijdsgroepen(bevolking(), leeftijd_nederland())
    assert (oud["herkomst"] == "schatting").all()


def test_corporation_stock_is_the_gemeentes_own_cbs_count(basis):
    aalsmeer = basis.loc[("corporatiewoningen", "GM0358")]  # 82900NED 1-1-2024: 3,325 of 13,698 (KWB: 24%)
    assert (aalsmeer["waarde"], aalsmeer["herkomst"], aalsmeer["peildatum"]) == (3_325, "register", "2024-01-01")
    assert aalsmeer["bron"] == ("CBS StatLine 82900NED, woningen in eigendom van een woningcorporatie op 2024-01-01: "
                                "de eigen CBS-telling van de gemeente")
    zaanstad = basis.loc[("corporatiewoningen", "GM0479")]  # 25,716 of 70,945; was 31,4% of the province pro rata
    assert zaanstad["waarde"] == 25_716 and zaanstad["herkomst"] == "register"
    voorraad = basis.loc["corporatiewoningen"]
    assert len(voorraad) == 342 and (voorraad["herkomst"] == "register").all()
    assert not voorraad["bron"].str.contains("naar rato|schatting|provincie").any()


def test_a_gemeente_without_a_count_is_an_error_naming_the_file():
    from woonzorg_lib.algemeen.errors import WoonzorgFout
    from woonzorg_lib.data.basis import corporatiewoningen

    with pytest.raises(WoonzorgFout, match=r"woningvoorraad_eigendom_gemeenten\.csv: geen telling .* GM9999"):
        corporatiewoningen(pd.DataFrame({"gemeentecode": ["GM0363", "GM9999"]}))


def test_the_65_plus_trend_from_the_cohorts_date_reaches_the_newest_count():
    from woonzorg_lib.data.schattingen import groei_65plus

    tellingen = bevolking()
    # Almere: counted 65+ on 1-1-2024 (65-74 + 75+) moved to 1-1-2025 is its 1-1-2025 count, within the trend's error.
    factor = (groei_65plus(tellingen, 2025).set_index("gemeentecode")["factor"]
              / groei_65plus(tellingen, 2024).set_index("gemeentecode")["factor"])["GM0034"]
    assert abs(30_913 * factor - 32_510) < 200
