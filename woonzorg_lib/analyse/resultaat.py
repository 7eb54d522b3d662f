"""The result of one woonzorganalyse: every table of the analysed area, and questions asked of them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from woonzorg_lib.analyse.parameters import Basisparameters
from woonzorg_lib.data.catalogus import Regio
from woonzorg_lib.data.edities import Editie
from woonzorg_lib.data.invoer_vhp import Plannen
from woonzorg_lib.model.onthulling import TOTAAL, afgerond


@dataclass(frozen=True)
class Analyse:
    """Every table of one woonzorganalyse."""

    parameters: Basisparameters
    regio: Regio
    geheel: Regio  # the whole region: the fair-share distribution is over its gemeenten
    editie: Editie | None
    jaren: list[int]
    taakstelling: pd.DataFrame
    invoer: pd.DataFrame
    kengetallen: pd.DataFrame
    vraag: pd.DataFrame
    aanbod: pd.DataFrame
    confrontatie: pd.DataFrame
    verdeling: pd.DataFrame  # every gemeente of the whole region
    niet_geplaatst: dict[str, int]  # per key mix: homes a year the caps cannot carry
    beveiliging: pd.DataFrame  # which cells of the region's gemeente × doelgroep table are hidden, everywhere
    dekking: pd.DataFrame
    bereken_gevoeligheid: Callable[[], pd.DataFrame] = field(repr=False, compare=False)
    plannen: Plannen = field(default_factory=Plannen.leeg, repr=False, compare=False)  # the VHP sheets of the invoer

    @cached_property
    def gevoeligheid(self) -> pd.DataFrame:
        """The tornado table, computed when first asked for (the explorer shows it only on request)."""
        return self.bereken_gevoeligheid()

    def aandachtsgroepen_gedekt(self) -> dict[str, list[str]]:
        """The names of the aandachtsgroepen with a figure for every gemeente, for some, and for none."""
        groepen = self.dekking[self.dekking["aandachtsgroep"]]
        met, alle = groepen["gemeenten_met_gegevens"], groepen["gemeenten"]
        return {
            "volledig": list(groepen.loc[met == alle, "naam"]),
            "gedeeltelijk": [f"{r.naam} ({r.gemeenten_met_gegevens} van {r.gemeenten} gemeenten)"
                             for r in groepen[(met > 0) & (met < alle)].itertuples()],
            "geen": list(groepen.loc[met == 0, "naam"]),
        }

    def taak(self) -> int:
        """The region's yearly task for aandachtsgroepen as every output states and distributes it (rounded to 5)."""
        return afgerond(self.verdeling["eigen_vraag"].sum())

    def totaalrij(self) -> str:
        """The row of the region's disclosure pattern that is this area's total: its deelregio, or the region."""
        if len(self.regio.gemeentecodes) < len(self.geheel.gemeentecodes) and len(self.geheel.deelregios) > 1:
            return next(iter(self.regio.deelregios))
        return TOTAAL

    def regio_per_scenario(self) -> pd.DataFrame:
        """The region's confrontation in the peiljaar, one row per scenario."""
        conf = self.confrontatie
        return conf[(conf["niveau"] == "regio") & (conf["jaar"] == self.parameters.peiljaar)].set_index("scenario")
