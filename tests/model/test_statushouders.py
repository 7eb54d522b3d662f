import math

import pandas as pd
import pytest

from woonzorg_lib.data.basis import bevolking, taakstelling_landelijk
from woonzorg_lib.model import statushouders


@pytest.fixture(scope="module")
def gepubliceerd() -> pd.DataFrame:
    return taakstelling_landelijk()


@pytest.fixture(scope="module")
def nederland() -> pd.DataFrame:
    """The taakstelling of every gemeente of the Netherlands, 2024 to 2027."""
    bundel = taakstelling_landelijk()
    landelijk = statushouders.landelijke_aantallen(
        bundel, statushouders.halfjaren(range(2024, 2028)), statushouders.standaard_bereik(bundel))
    codes = bevolking().query("peildatum == '2024-01-01'")["gemeentecode"]
    return statushouders.taakstelling(landelijk, bevolking(), codes)


def test_every_2025_half_year_is_art29_on_the_published_number_and_last_years_inhabitants(nederland):
    inwoners = bevolking().query("peildatum == '2024-01-01'").set_index("gemeentecode")["inwoners"].astype(int)
    totaal = int(inwoners.sum())
    for halfjaar, landelijk in (("2025-H1", 15_000), ("2025-H2", 13_000)):
        rijen = nederland[(nederland["halfjaar"] == halfjaar) & (nederland["scenario"] == "midden")]
        rijen = rijen.set_index("gemeentecode")
        assert len(rijen) == 342
        for code, rij in rijen.iterrows():
            assert rij["personen"] == math.ceil(landelijk * inwoners[code] / totaal) == -(-landelijk * inwoners[code] // totaal)
        assert set(rijen["peildatum_inwoners"]) == {"2024-01-01"}
        assert (rijen["herkomst"] == "schatting").all()
    # The same in every scenario: a published number is not a range.
    h2 = nederland[nederland["halfjaar"] == "2025-H2"].pivot(index="gemeentecode", columns="scenario", values="personen")
    assert (h2["laag"] == h2["hoog"]).all()


def test_2024_uses_inhabitants_of_1_january_2023(nederland):
    rijen = nederland[(nederland["halfjaar"] == "2024-H1") & (nederland["scenario"] == "midden")]
    assert set(rijen["peildatum_inwoners"]) == {"2023-01-01"}
    enschede = rijen.set_index("gemeentecode").loc["GM0153", "personen"]
    assert enschede == 170  # 18,750 × 161,235 ÷ 17,811,291 = 169,7, rounded up (Enschede published 169; see SOURCES.md)


def test_unknown_half_years_take_the_labelled_range_of_the_latest_published_numbers(nederland, gepubliceerd):
    bereik = statushouders.standaard_bereik(gepubliceerd)
    assert (bereik["laag"], bereik["midden"], bereik["hoog"]) == (13_000, 15_000, 18_750)
    assert "2024-H1 18.750" in bereik["bron"] and "mediaan" in bereik["bron"]
    onbekend = nederland[nederland["halfjaar"].isin(["2024-H2", "2026-H1", "2027-H2"])]
    assert (onbekend["herkomst"] == "aanname").all()
    assert set(onbekend.groupby("scenario")["landelijk"].unique().map(tuple)) == {(13_000,), (15_000,), (18_750,)}


def test_years_after_the_newest_inhabitants_say_which_date_they_use_instead(nederland):
    rijen = nederland[nederland["halfjaar"] == "2027-H1"]
    assert set(rijen["peildatum_inwoners"]) == {"2025-01-01"}
    assert rijen["bron"].str.contains("de wet vraagt inwoners op 2026-01-01").all()


def test_the_yearly_demand_row_doubles_to_exactly_h1_plus_h2(nederland):
    jaarlijks = statushouders.per_jaar(nederland).set_index(["gemeentecode", "jaar", "scenario"])
    halfjaren = nederland.groupby(["gemeentecode", "jaar", "scenario"])["personen"].sum()
    assert (jaarlijks["waarde"] * 2 == halfjaren.reindex(jaarlijks.index)).all()
    # 2024: H1 published (schatting), H2 unknown (aanname): the year is as weak as its weakest half.
    assert jaarlijks.loc[("GM0363", 2024, "midden"), "herkomst"] == "aanname"
    assert jaarlijks.loc[("GM0363", 2025, "midden"), "herkomst"] == "schatting"
    assert jaarlijks.loc[("GM0363", 2025, "midden"), "peildatum"] == "2025-H1 en 2025-H2"


def test_a_half_year_without_a_bundled_number_says_it_is_not_in_the_data_not_that_it_was_never_published():
    """2023-H2 and 2024-H2 were published, only not bundled: the label says what is true."""
    bundel = taakstelling_landelijk()
    landelijk = statushouders.landelijke_aantallen(bundel, statushouders.halfjaren([2023, 2024]),
                                                   statushouders.standaard_bereik(bundel))
    for halfjaar in ("2023-H2", "2024-H2"):
        assert landelijk.loc[halfjaar, "herkomst"] == "aanname"
        assert "geen landelijk aantal in de gegevens" in landelijk.loc[halfjaar, "bron"]
        assert "gepubliceerd landelijk" not in landelijk.loc[halfjaar, "bron"]
    assert landelijk.loc["2023-H1", "herkomst"] == "schatting" and landelijk.loc["2023-H1", "midden"] == 21_200
