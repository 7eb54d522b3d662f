"""The Wvrv facts file: every fact with article, source and confirmation; a bad row is named; categories mapped."""

import pytest

from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.data.wvrv import BESTAND, BEVESTIGINGEN, lees_wvrv
from woonzorg_lib.model.urgentie import register, zonder_categorie


def test_every_fact_has_source_and_confirmation_and_no_stronger_wording_than_its_row():
    wvrv = lees_wvrv()
    assert all(f.bron and f.bevestiging in BEVESTIGINGEN for f in wvrv.feiten.values())
    assert "Staatsblad 2026, 156, zoals gemeld" in wvrv.feiten["wet"].tekst and "157" in wvrv.feiten["wet"].tekst
    for sleutel in ("termijn_vhp_gemeente", "termijn_vhp_provincie", "termijn_verordening"):
        assert "naar verwachting" in wvrv.feiten[sleutel].tekst and "koninklijk besluit" in wvrv.feiten[sleutel].tekst
    assert "woningbouwregio" in wvrv.feiten["norm_sociale_huur"].tekst


def test_a_wrong_confirmation_is_named_with_its_key(tmp_path):
    tekst = BESTAND.read_text(encoding="utf-8")
    pad = tmp_path / "wvrv.yaml"
    pad.write_text(tekst.replace("bevestiging: primair", "bevestiging: zeker", 1), encoding="utf-8")
    with pytest.raises(WoonzorgFout, match=r"feiten\.vhp_inhoud\.bevestiging.*'zeker' bestaat niet"):
        lees_wvrv(pad)


def test_the_categories_map_to_model_groups_and_statushouders_are_not_on_the_list():
    categorieen = register()
    assert any("uitstroom_bw" in c.doelgroepen for c in categorieen)
    assert any(not c.doelgroepen for c in categorieen)  # what the analysis does not know is said, not hidden
    assert "statushouders" in zonder_categorie()


def test_an_unknown_group_in_the_mapping_is_refused(tmp_path):
    tekst = BESTAND.read_text(encoding="utf-8").replace("[ex_gedetineerden]", "[gevangenen]")
    pad = tmp_path / "wvrv.yaml"
    pad.write_text(tekst, encoding="utf-8")
    with pytest.raises(WoonzorgFout, match="doelgroep 'gevangenen' bestaat niet"):
        register(lees_wvrv(pad))
