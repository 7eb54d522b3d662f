import pytest

from woonzorg_lib.data.yaml_io import lees_yaml
from woonzorg_lib.errors import WoonzorgFout


def test_reads_a_mapping(schrijf):
    assert lees_yaml(schrijf("a.yaml", "regio: mra\npeiljaar: 2024\n")) == {"regio": "mra", "peiljaar": 2024}


def test_a_key_given_twice_is_an_error_with_its_line(schrijf):
    pad = schrijf("a.yaml", "regio: mra\npeiljaar: 2024\nregio: haaglanden\n")
    with pytest.raises(WoonzorgFout) as fout:
        lees_yaml(pad)
    assert str(fout.value) == f"{pad}: regel 3: sleutel 'regio' staat er twee keer in"


def test_broken_yaml_names_the_line(schrijf):
    pad = schrijf("a.yaml", "regio: mra\npeiljaar: [2024\n")
    with pytest.raises(WoonzorgFout, match=r"regel \d+: geen geldige YAML"):
        lees_yaml(pad)


@pytest.mark.parametrize("tekst", ["- mra\n- 2024\n", "", "alleen tekst\n"])
def test_a_file_without_keys_is_refused(schrijf, tekst):
    with pytest.raises(WoonzorgFout, match="verwacht sleutels met waarden"):
        lees_yaml(schrijf("a.yaml", tekst))


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(WoonzorgFout, match="bestand bestaat niet"):
        lees_yaml(tmp_path / "weg.yaml")
