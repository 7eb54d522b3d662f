from woonzorg_lib.data.basis import HERKOMSTEN
from woonzorg_lib.model.doelgroepen import (
    DOELGROEPEN,
    ONDERWERPEN,
    VRAAGPOSTEN,
    standaard_kengetallen,
)


def test_the_twelve_groups_of_the_design():
    assert list(DOELGROEPEN) == [
        "statushouders", "uitstroom_bw", "uitstroom_mo", "dak_thuislozen", "uitstroom_jeugdzorg",
        "ex_gedetineerden", "uitstroom_ggz", "uitstroom_vrouwenopvang", "urgenten", "woonwagenbewoners",
        "arbeidsmigranten", "ouderen",
    ]
    for groep in DOELGROEPEN.values():
        assert groep.naam and groep.definitie and groep.bron and groep.eenheid and groep.methode
    assert [k for k, d in DOELGROEPEN.items() if not d.aandachtsgroep] == ["ouderen"]


def test_every_group_has_a_demand_rule_and_every_rule_known_inputs():
    kengetallen = standaard_kengetallen(1_500_000)
    assert {v.doelgroep for v in VRAAGPOSTEN.values()} == set(DOELGROEPEN)
    for post in VRAAGPOSTEN.values():
        assert post.onderwerp in ONDERWERPEN
        assert ONDERWERPEN[post.onderwerp].soort == "vraag"
        for sleutel, bewerking in post.personen + post.woningen:
            assert sleutel in kengetallen.index
            assert bewerking in ("maal", "gedeeld")


def test_every_kengetal_has_a_source_or_is_an_assumption_with_a_reason():
    kengetallen = standaard_kengetallen(1_500_000)
    assert set(kengetallen["herkomst"]) <= set(HERKOMSTEN)
    assert kengetallen["bron"].str.len().gt(20).all()
    assert (kengetallen[["laag", "midden", "hoog"]] > 0).all().all()
    assert kengetallen.loc["aandeel_uitstroomklaar_bw", "midden"] == 1 / 3  # Dannenberg
    assert "Dannenberg" in kengetallen.loc["aandeel_uitstroomklaar_bw", "bron"]
    for sleutel in kengetallen.index[kengetallen["herkomst"] == "aanname"]:
        assert any(w in kengetallen.loc[sleutel, "bron"] for w in ("Geen", "aangenomen", "gelijk verdeeld", "beleidsdoel")), sleutel


def test_household_size_range_follows_from_two_thirds_single_person_households():
    rij = standaard_kengetallen(1).loc["huishoudgrootte_statushouders"]
    for overig, verwacht in ((4.5, rij["laag"]), (3.5, rij["midden"]), (2.5, rij["hoog"])):
        assert round(2 / 3 + overig / 3, 2) == verwacht


def test_the_scenarios_and_the_aandachtsgroepen_are_defined_once():
    """The parameter contract accepts exactly the model's scenarios; the group count is the register's."""
    from typing import get_args

    from woonzorg_lib.analyse.parameters import Basisparameters
    from woonzorg_lib.model.doelgroepen import AANDACHTSGROEPEN, SCENARIOS

    assert get_args(Basisparameters.model_fields["scenario"].annotation) == SCENARIOS
    assert AANDACHTSGROEPEN == tuple(k for k, d in DOELGROEPEN.items() if d.aandachtsgroep)
    assert len(AANDACHTSGROEPEN) == 11
