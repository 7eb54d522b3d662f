import pandas as pd

from woonzorg_lib.data.basis import HERKOMSTEN, INDICATOREN, basisgegevens, gemeenten, per_gemeente
from woonzorg_lib.data.bronnen import bronnen


def test_every_gemeente_of_the_current_division_with_its_inwoners():
    gem = gemeenten()
    assert len(gem) == 342
    assert gem["gemeentecode"].is_unique
    assert gem["gemeentecode"].str.fullmatch(r"GM\d{4}").all()
    # SOURCES.md: the 342 gemeenten sum to 17,942,942 inhabitants on 1-1-2024.
    assert gem["inwoners"].sum() == 17_942_942
    assert (gem["peildatum"] == "2024-01-01").all()
    assert gem.set_index("gemeentenaam").loc["Amsterdam", "inwoners"] == 931_298
    assert gem["provincie"].nunique() == 12


def test_base_figures_have_one_row_per_gemeente_and_indicator_with_provenance():
    basis = basisgegevens()
    assert len(basis) == 342 * len(INDICATOREN)
    assert not basis.duplicated(["gemeentecode", "indicator"]).any()
    assert set(basis["herkomst"]) <= set(HERKOMSTEN)
    assert basis[["peildatum", "bron", "eenheid"]].ne("").all().all()
    assert (basis["waarde"] >= 0).all()


def test_registered_figures_are_register_and_estimates_are_labelled():
    basis = basisgegevens().set_index("indicator")
    assert (basis.loc["inwoners", "herkomst"] == "register").all()
    assert (basis.loc["woningvoorraad", "herkomst"] == "register").all()
    assert (basis.loc["inwoners_65_74", "herkomst"] == "register").all()  # CBS 85383NED per gemeente
    assert (basis.loc["corporatiewoningen", "herkomst"] == "register").all()  # CBS 82900NED per gemeente
    for indicator in ("inwoners_75_84", "inwoners_85plus"):
        rijen = basis.loc[indicator]
        assert (rijen["herkomst"] == "schatting").all(), indicator
        assert rijen["bron"].str.startswith("schatting:").all(), indicator


def test_woningvoorraad_sums_to_the_reference_total():
    assert per_gemeente(basisgegevens())["woningvoorraad"].sum() == 8_204_049


def test_per_gemeente_is_wide_and_indexed_by_code():
    breed = per_gemeente(basisgegevens())
    assert breed.index.name == "gemeentecode"
    assert list(breed.columns) == sorted(INDICATOREN)
    assert breed.loc["GM0363", "inwoners"] == 931_298


def test_loaders_return_copies_so_callers_cannot_corrupt_the_cache():
    eerste = basisgegevens()
    eerste["waarde"] = 0
    assert basisgegevens()["waarde"].sum() > 0
    assert isinstance(gemeenten(), pd.DataFrame)


def test_every_bundled_table_names_source_reference_date_and_licence():
    for bron in bronnen().values():
        assert bron.bron and bron.peildatum and bron.licentie
        if "CBS" in bron.bron.split()[0:2]:
            assert "CBS" in bron.licentie
