"""The Verantwoording lists the national count that turns a gemeente's jeugdhulp met verblijf into its outflow."""

from tests.conftest import PARAMETERS
from woonzorg_lib.analyse.doorrekenen import analyseer
from woonzorg_lib.analyse.invoercijfers import invoercijfers
from woonzorg_lib.analyse.parameters import lees_parameterbestand


def test_the_national_count_of_jeugdhulp_met_verblijf_is_listed_with_date_tier_and_source():
    cijfers = invoercijfers(analyseer(lees_parameterbestand(PARAMETERS / "ijmond.yaml").parameters)).set_index("cijfer")
    rij = cijfers.loc["Trajecten jeugdhulp met verblijf in Nederland (noemer van de uitstroom jeugdzorg per gemeente)"]
    assert rij["waarde"] == "33.025" and rij["peildatum"] == "2024-06-30" and rij["herkomst"] == "register"
    assert "85094NED" in rij["bron"] and "dertje/cbs_datasets" in rij["bron"]


def test_no_source_has_an_unbreakable_run_that_makes_the_pdf_table_wider_than_the_page():
    """The PDF breaks a source at spaces, slashes and hyphens; a 65-character commit-and-path run made the table of
    input figures 705 points wide on a 688-point page and the batch refused the PDF."""
    import re

    cijfers = invoercijfers(analyseer(lees_parameterbestand(PARAMETERS / "ijmond.yaml").parameters))
    langst = max((deel for bron in cijfers["bron"] for deel in re.split(r"[\s/-]+", bron)), key=len)
    assert len(langst) <= 45, langst
