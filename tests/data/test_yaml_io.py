import pytest

from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.data.yaml_io import lees_yaml


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


def test_merge_keys_work_and_an_own_key_given_twice_is_still_refused(schrijf):
    tekst = "basis: &b\n  inwoners: 1.0\nv:\n  <<: *b\n  verhuringen: 0.5\n"
    assert lees_yaml(schrijf("p.yaml", tekst))["v"] == {"inwoners": 1.0, "verhuringen": 0.5}
    with pytest.raises(WoonzorgFout, match="sleutel 'x' staat er twee keer in"):
        lees_yaml(schrijf("p.yaml", "v:\n  <<: {a: 1}\n  x: 1\n  x: 2\n"))


@pytest.mark.parametrize(("tekst", "melding"), [
    ("? [a, b]\n: 1\n", "regel 1: een sleutel moet tekst of een getal zijn, geen lijst of blok"),
    ("a:\n\tb: 1\n", "regel 2: geen geldige YAML: een tab is in YAML niet toegestaan"),
    ("a: 1\n---\nb: 2\n", "geen geldige YAML: het bestand bevat meer dan één YAML-document"),
    ("a: !!python/object/apply:os.system ['true']\n", "geen geldige YAML: deze YAML-tag is niet toegestaan"),
    ('naam: "IJ\\u202emond"\n', "naam: tekst bevat een onzichtbaar teken of stuurteken (U+202E)"),
    ('naam: "a\\u200bb"\n', "naam: tekst bevat een onzichtbaar teken of stuurteken (U+200B)"),
    ('invoer: "a\\0b.xlsx"\n', "invoer: tekst bevat een onzichtbaar teken of stuurteken (U+0000)"),
    ('naam: "\\ud800"\n', "naam: tekst bevat een onzichtbaar teken of stuurteken (U+D800)"),
    ("a: " + "[" * 20000 + "]" * 20000 + "\n", "te diep genest"),
    # 400 bytes that unfold into 9^9 values: refused in a second, not walked for hours
    ("a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join([f'*{v}'] * 9)}]\n" for v, n in zip("abcdefgh", "bcdefghi", strict=True)),
     "bevat meer dan 100.000 waarden (verwijzingen *naam die elkaar vermenigvuldigen?)"),
    ("a: '" + "x" * 1_000_001 + "'\n", "is 1,0 MB; een parameter- of regiobestand is hoogstens 1 MB"),
])
def test_hostile_yaml_gets_a_dutch_message(schrijf, tekst, melding):
    with pytest.raises(WoonzorgFout) as fout:
        lees_yaml(schrijf("p.yaml", tekst))
    assert melding in str(fout.value)


def test_text_typed_in_two_unicode_forms_is_one_name(schrijf):
    inhoud = lees_yaml(schrijf("r.yaml", 'a: "Caf\\u00e9"\nb: "Cafe\\u0301"\n'))
    assert inhoud["a"] == inhoud["b"] == "Café"


@pytest.mark.parametrize("tekst", [
    "regio: 'mra\n", 'regio: "mra\n', "a: 1\n  b: 2\n", "a:\n  - 1\n b: 2\n", "a: [1, 2\n", "a: {b: 1\n",
    "a: @x\n", "a: `x`\n", "a: &\n", "a: *\n", "- 1\na: 2\n", 'a: "\\q"\n', "a: b: c\n", "a: 1 # x\n b\n",
    "a: &x 1\nb: &x 2\nc: *y\n", "[a\n", "%YAML 9.9\n---\na: 1\n", "a: !x 1\n",
    "a: 'b' c\n", "? a\n? a\n",
])
def test_broken_yaml_is_told_in_dutch_only(schrijf, tekst):
    """Whatever PyYAML says, the analyst reads Dutch: no fragment of its English message."""
    with pytest.raises(WoonzorgFout) as fout:
        lees_yaml(schrijf("p.yaml", tekst))
    melding = str(fout.value)
    engels = [w for w in ("found", "expected", "while", "scanning", "parsing", "character", "but ", "could not",
                          "stream", "token", "block", "mapping", "alias", "anchor", "escape", "allowed", "<")
              if w in melding.split(": ", 1)[1]]
    assert not engels, melding
    assert "geen geldige YAML" in melding or "sleutel" in melding, melding
