"""Tables of an analysis in the terminal, for `woonzorg analyse` and `woonzorg data`: Dutch numbers, rich tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from woonzorg_lib.algemeen.opmaak import getal, kengetal, procent

if TYPE_CHECKING:  # the heavy modules are imported by the command that needs them
    import pandas as pd

    from woonzorg_lib.analyse.resultaat import Analyse

CONTROLE_KOLOMMEN = ("inwoners", "woningvoorraad", "corporatiewoningen")




def tabel_in_terminal(console: Console, titel: str, data: pd.DataFrame, procenten: Sequence[str] = ()) -> None:
    import pandas as pd

    tabel = Table(title=titel)
    for kolom in data.columns:
        tabel.add_column(str(kolom), justify="right" if pd.api.types.is_numeric_dtype(data[kolom]) else "left")
    for rij in data.itertuples(index=False):
        cellen = []
        for kolom, waarde in zip(data.columns, rij, strict=True):
            if isinstance(waarde, float | int) and not isinstance(waarde, bool):
                cellen.append(procent(waarde) if kolom in procenten else getal(waarde))
            else:
                cellen.append(str(waarde))
        tabel.add_row(*cellen)
    console.print(tabel)



def toon_analyse(analyse: Analyse, console: Console) -> None:
    """The key results of an analysis, for the analyst (whole numbers, not yet disclosure-controlled)."""
    from woonzorg_lib.model.doelgroepen import DOELGROEPEN
    from woonzorg_lib.model.vraag import per_doelgroep
    from woonzorg_lib.rapport.tekst import dekking_tekst

    p = analyse.parameters
    per_groep = per_doelgroep(analyse.vraag[analyse.vraag["jaar"] == p.peiljaar])
    per_groep.index = per_groep.index.map(lambda k: DOELGROEPEN[k].naam)
    per_groep = per_groep.rename(columns={"herkomst": "zwakste herkomst"}).rename_axis("doelgroep").reset_index()
    tabel_in_terminal(console, f"Vraag per jaar in woningen — {analyse.regio.naam} ({p.peiljaar})", per_groep)
    console.print(dekking_tekst(analyse.aandachtsgroepen_gedekt()).replace("**", ""), markup=False, soft_wrap=True)
    conf = analyse.confrontatie
    conf = conf[(conf["niveau"] != "gemeente") & (conf["scenario"] == p.scenario) & (conf["jaar"] == p.peiljaar)]
    kolommen = ["naam", "vraag_aandachtsgroepen", "verhuringen", "beschikbaar", "nieuw_aanbod", "tekort", "claim"]
    tabel_in_terminal(console, f"Confrontatie aandachtsgroepen per jaar (scenario {p.scenario}, afgesproken aandeel "
           f"{procent(p.aandeel_verhuringen_aandachtsgroepen)})", conf[kolommen], procenten=["claim"])
    tabel_in_terminal(console, f"Fair share: de jaarlijkse opgave aandachtsgroepen verdeeld (scenario {p.scenario})",
           analyse.verdeling.drop(columns=["gemeentecode"]).rename(columns={"gemeentenaam": "gemeente"}))
    gevoelig = analyse.gevoeligheid[["omschrijving", "waarde_laag", "waarde_hoog", "uitkomst_laag", "uitkomst_hoog"]]
    gevoelig = gevoelig.assign(waarde_laag=gevoelig["waarde_laag"].map(kengetal), waarde_hoog=gevoelig["waarde_hoog"].map(kengetal))
    tabel_in_terminal(console, f"Gevoeligheid: regionaal tekort in {p.doeljaar} (scenario midden) per aanname", gevoelig)


