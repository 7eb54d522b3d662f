"""The Bestuurlijke samenvatting reads as a raadsstuk: plain Dutch, no code names, paths, formulas or versions,
every term explained in the Begrippen, and a total that misses groups says it is a lower bound."""

import re

import pytest

from tests.conftest import PARAMETERS
from woonzorg_lib.analyse.doorrekenen import analyseer
from woonzorg_lib.analyse.parameters import lees_parameterbestand
from woonzorg_lib.rapport.hoofdstukken import Rapport
from woonzorg_lib.rapport.hoofdstukken.begrippen import BEGRIPPEN
from woonzorg_lib.rapport.hoofdstukken.onderdelen import Tabel, Tekst

VERBODEN = {
    "code name": r"\b[a-z]+_[a-z_]+\b",
    "code": r"`",
    "command": r"\bwoonzorg (data|batch|run|invoer)",
    "data edition": r"\beditie\b",
    "file": r"\.(ya?ml|xlsx|csv|json|ipynb|html?)\b|/[a-z0-9_-]+/",
    "software version": r"\b\d+\.\d+\.\d+\b",
    "formula": r"[×÷=]| − ",
    "ISO date": r"\b\d{4}-\d{2}-\d{2}\b",
    "half-year code": r"\b\d{4}-H[12]\b",
    "nested parentheses": r"\([^()]*\([^()]*\)[^()]*\)",
}
JARGON = ("fair share", "claim", "taakstelling", "ondergrens", "verdeelsleutel", "aandachtsgroepen")


def _samenvatting(pad) -> tuple[str, Rapport]:
    bestand = lees_parameterbestand(pad)
    rapport = Rapport.voor(bestand.notebook, analyseer(bestand.parameters))
    delen = []
    for deel in rapport.samenvatting():
        if isinstance(deel, Tekst):
            delen.append(re.sub(r"\\(.)", r"\1", deel.markdown))  # Markdown escapes are no text the reader sees
        elif isinstance(deel, Tabel):
            delen += [deel.bijschrift or "", deel.opmerking or "", deel.data.to_string()]
    return "\n".join(delen), rapport


@pytest.fixture(scope="module", params=sorted(p.name for p in PARAMETERS.glob("*.yaml")))
def samenvatting(request):
    return _samenvatting(PARAMETERS / request.param)


def test_the_summary_has_no_code_names_paths_formulas_or_versions(samenvatting):
    tekst, _ = samenvatting
    gevonden = {wat: re.findall(patroon, tekst) for wat, patroon in VERBODEN.items() if re.search(patroon, tekst)}
    assert not gevonden


def test_every_term_of_the_summary_is_explained_in_the_begrippen(samenvatting):
    tekst, _ = samenvatting
    gebruikt = [t for t in JARGON if t in tekst.lower()]
    assert gebruikt and all(any(t in b for b in BEGRIPPEN) for t in gebruikt)


def test_a_task_that_misses_groups_is_called_a_lower_bound(samenvatting):
    tekst, rapport = samenvatting
    gedekt = rapport.analyse.aandachtsgroepen_gedekt()
    assert ("**ondergrens**" in tekst) == bool(gedekt["geen"] or gedekt["gedeeltelijk"])
    assert "Volledig meegeteld" not in tekst


def test_the_forbidden_patterns_catch_what_the_summary_used_to_say():
    """The test can fail: each sentence the old summary printed is caught by a pattern."""
    oud = [
        "met `correctie_jaren` de correctie",  # code name in backticks
        "Vul in het invoerformat per gemeente het onderwerp huidige_belasting in",
        "(art. 29 Huisvestingswet: landelijk aantal × inwoners op 1 januari ÷ inwoners van Nederland)",
        "inwoners op 2024-01-01", "2025-H1: landelijk 15.000", "woonzorg 0.1.0; Python 3.11.7",
        "naar rato van het aandeel 75-plussers (schatting: inwoners van 65+ (CBS 03759ned, register))",
    ]
    for zin in oud:
        assert any(re.search(p, zin) for p in VERBODEN.values()), zin
