"""One table of contents: the notebooks' chapter headings and calls, and the explorer's chapter list, follow INHOUD."""

import nbformat
import pytest

from tests.conftest import PROJECT
from woonzorg_lib.rapport.hoofdstukken import Rapport
from woonzorg_lib.rapport.hoofdstukken.inhoud import INHOUD, kop
from woonzorg_lib.rapport.verkenner import HOOFDSTUKKEN


@pytest.mark.parametrize("sjabloon", sorted(INHOUD))
def test_every_notebook_has_exactly_the_chapters_of_its_table_of_contents(sjabloon):
    cellen = nbformat.read(PROJECT / "notebooks" / f"{sjabloon}.ipynb", as_version=4).cells
    koppen = [(i, c.source.strip()) for i, c in enumerate(cellen) if c.cell_type == "markdown" and
              c.source.startswith("## ")]
    assert [k for _, k in koppen] == [f"## {kop(sjabloon, h)}" for h in INHOUD[sjabloon]]
    for (i, _), hoofdstuk in zip(koppen, INHOUD[sjabloon], strict=True):
        assert cellen[i + 1].source.strip() == f"rapport.{hoofdstuk}()"


def test_every_chapter_of_the_table_of_contents_is_a_method_of_the_report():
    for hoofdstukken in INHOUD.values():
        assert all(callable(getattr(Rapport, h, None)) for h in hoofdstukken)


def test_the_explorer_offers_the_chapters_of_the_report_in_its_order():
    assert list(HOOFDSTUKKEN) == [h for h in INHOUD["woonzorganalyse"] if h != "monitor"]
    assert all(HOOFDSTUKKEN[h] == INHOUD["woonzorganalyse"][h] for h in HOOFDSTUKKEN)
