"""The report of one analysis: one method per chapter, each returning that chapter's parts as data.

    rapport = Rapport.uit_notebook("woonzorganalyse", globals())
    rapport.samenvatting()            # shows itself in a notebook
    rapport.vraag().tabel()           # the chapter's first table, as a DataFrame
    rapport.bewaar(uitvoermap)        # the run's files, where the batch asks for them

Every count of people in a table or chart passes through disclosure control first (``selectie``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from woonzorg_lib.algemeen.errors import Melding, WoonzorgFout, keuze
from woonzorg_lib.analyse.doorrekenen import analyseer
from woonzorg_lib.analyse.parameters import SJABLONEN, valideer_parameters
from woonzorg_lib.analyse.resultaat import Analyse
from woonzorg_lib.data.catalogus import provincies
from woonzorg_lib.rapport.hoofdstukken import (
    aanbod,
    afbakening,
    begrippen,
    bevolking,
    confrontatie,
    gevoeligheid,
    monitor,
    samenvatting,
    verantwoording,
    verdeling,
    vraag,
)
from woonzorg_lib.rapport.hoofdstukken.onderdelen import Hoofdstuk
from woonzorg_lib.rapport.hoofdstukken.selectie import Selectie
from woonzorg_lib.rapport.uitvoer import schrijf_uitvoer


class Rapport:
    """The report of one analysis; the unit of comparison is the gemeente, or the deelregio in the overview."""

    def __init__(self, analyse: Analyse, eenheid: str = "gemeente") -> None:
        self.selectie = Selectie(analyse, eenheid)
        self.analyse = analyse
        self.p = analyse.parameters
        self.eenheid = eenheid

    @classmethod
    def uit_notebook(cls, sjabloon: str, naamruimte: Mapping[str, Any]) -> Rapport:
        """Validate the parameters a notebook holds (defaults or injected by papermill) and run the model."""
        gevraagd = naamruimte.get("notebook", sjabloon)  # the template the parameter file names (papermill -f)
        if gevraagd != sjabloon:
            raise WoonzorgFout([Melding("parameters", "notebook", (
                f"het parameterbestand is voor het sjabloon '{gevraagd}', dit is notebooks/{sjabloon}.ipynb; draai "
                f"notebooks/{gevraagd}.ipynb (of woonzorg run)") if gevraagd in SJABLONEN else (
                f"onbekend sjabloon {gevraagd!r}; {keuze(str(gevraagd), SJABLONEN)}"))])
        velden = SJABLONEN[sjabloon].model_fields
        parameters = valideer_parameters(sjabloon, {k: naamruimte[k] for k in velden if k in naamruimte})
        return cls.voor(sjabloon, analyseer(parameters))

    @classmethod
    def voor(cls, sjabloon: str, analyse: Analyse) -> Rapport:
        """The report a template makes of an analysis: an overview compares deelregio's, or gemeenten if one."""
        overzicht = sjabloon == "regio-overzicht" and len(analyse.geheel.deelregios) > 1
        return cls(analyse, "deelregio" if overzicht else "gemeente")

    @property
    def kern(self) -> pd.DataFrame:
        """kerncijfers.csv of this analysis, made once: maps, factsheets and files all read these rows."""
        return self.selectie.kern

    def hoofdstuk(self, sleutel: str) -> Hoofdstuk:
        """A chapter by its key in the table of contents (``inhoud.INHOUD``)."""
        return getattr(self, sleutel)()

    def samenvatting(self) -> Hoofdstuk:
        """1. Bestuurlijke samenvatting."""
        return samenvatting.hoofdstuk(self.selectie)

    def afbakening(self) -> Hoofdstuk:
        """2. Afbakening."""
        return afbakening.hoofdstuk(self.selectie)

    def bevolking(self) -> Hoofdstuk:
        """3. Bevolking en vergrijzing."""
        return bevolking.hoofdstuk(self.selectie)

    def vraag(self) -> Hoofdstuk:
        """4. Vraag per doelgroep."""
        return vraag.hoofdstuk(self.selectie)

    def aanbod(self) -> Hoofdstuk:
        """5. Aanbod."""
        return aanbod.hoofdstuk(self.selectie)

    def confrontatie(self) -> Hoofdstuk:
        """6. Confrontatie."""
        return confrontatie.hoofdstuk(self.selectie)

    def verdeling(self) -> Hoofdstuk:
        """7. Verdeling."""
        return verdeling.hoofdstuk(self.selectie)

    def gevoeligheid(self) -> Hoofdstuk:
        """8. Gevoeligheid."""
        return gevoeligheid.hoofdstuk(self.selectie)

    def monitor(self) -> Hoofdstuk:
        """9. Monitor: verschil met de vorige data-editie."""
        return monitor.hoofdstuk(self.selectie)

    def begrippen(self) -> Hoofdstuk:
        """10. Begrippen."""
        return begrippen.hoofdstuk(self.selectie)

    def verantwoording(self) -> Hoofdstuk:
        """11. Verantwoording."""
        return verantwoording.hoofdstuk(self.selectie)

    def bewaar(self, uitvoermap: str | None) -> list[str]:
        """Write tabellen.xlsx, kerncijfers.csv, samenvatting.json and (a gemeente report's, not a province's)
        factsheets into the folder.

        The batch passes the folder as the notebook parameter ``uitvoermap`` (``UITVOERMAP``);
        run interactively it is empty and nothing is written. Returns the paths written.
        """
        if not uitvoermap:
            return []
        # A factsheet and VHP chapter per gemeente from each deelregio's run; a province's gemeenten have theirs from
        # their centrumregio's run (one per gemeente in a national run, whatever the province's parts).
        met_factsheets = self.eenheid == "gemeente" and self.analyse.geheel.sleutel not in provincies()
        return [str(p) for p in schrijf_uitvoer(self.analyse, Path(uitvoermap), self.kern, met_factsheets)]

    def confrontatietabel(self) -> tuple[pd.DataFrame, pd.Series]:
        """The confrontation per unit as the report shows it, and the claim (the explorer charts it)."""
        return confrontatie.confrontatietabel(self.selectie)
