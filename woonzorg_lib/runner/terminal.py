"""Tables of an analysis in the terminal, for `woonzorg analyse` and `woonzorg data`: Dutch numbers, rich tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from woonzorg_lib.algemeen.opmaak import getal, procent

if TYPE_CHECKING:  # the heavy modules are imported by the command that needs them
    import pandas as pd

    from woonzorg_lib.analyse.resultaat import Analyse

CONTROLE_KOLOMMEN = ("inwoners", "woningvoorraad", "corporatiewoningen")


def tabel_in_terminal(console: Console, titel: str, data: pd.DataFrame, procenten: Sequence[str] = ()) -> None:
    """A DataFrame as a rich table: numbers in Dutch notation and right-aligned, shares as percentages."""
    import pandas as pd

    def getallen(kolom: str) -> bool:  # a column of numbers, also when rounding left it of dtype object
        waarden = data[kolom].dropna()
        return pd.api.types.is_numeric_dtype(data[kolom]) or (len(waarden) > 0 and all(
            isinstance(w, int | float) and not isinstance(w, bool) for w in waarden))

    tabel = Table(title=titel)
    for kolom in data.columns:
        tabel.add_column(str(kolom), justify="right" if getallen(kolom) else "left")
    for rij in data.itertuples(index=False):
        cellen = []
        for kolom, waarde in zip(data.columns, rij, strict=True):
            if isinstance(waarde, float | int) and not isinstance(waarde, bool):
                cellen.append(procent(waarde) if kolom in procenten else getal(waarde))
            else:
                cellen.append(str(waarde))
        tabel.add_row(*cellen)
    console.print(tabel)


def _confrontatie(analyse: Analyse) -> pd.DataFrame:
    """The confrontation of the area (and its deelregio's) as the report rounds it: homes to fives, published
    lettings exactly, the claim on the unrounded figures; Dutch headers."""
    import pandas as pd

    from woonzorg_lib.rapport import publicatie

    p = analyse.parameters
    conf = analyse.confrontatie
    conf = conf[(conf["niveau"] != "gemeente") & (conf["scenario"] == p.scenario) & (conf["jaar"] == p.peiljaar)]
    conf = conf.set_index("naam")
    indeling = analyse.regio.indeling().set_index("gemeentecode")
    register = publicatie.gepubliceerd(analyse.aanbod["verhuringen_herkomst"]).reindex(indeling.index, fill_value=False)
    exact = [bool(register.all()) if niveau == "regio" else bool(register[indeling["deelregio"] == naam].all())
             for naam, niveau in conf["niveau"].items()]
    koppen = {"vraag_aandachtsgroepen": "vraag", "verhuringen": "verhuringen", "beschikbaar": "uit verhuringen",
              "nieuw_aanbod": "nieuw aanbod", "tekort": "tekort"}
    getallen = conf[list(koppen)].astype(float)
    uit = publicatie.woningen(getallen, pd.DataFrame({"verhuringen": exact}, index=conf.index)).rename(columns=koppen)
    uit["claim"] = (getallen["vraag_aandachtsgroepen"] / getallen["verhuringen"]).where(getallen["verhuringen"] > 0)
    return uit.rename_axis("gebied").reset_index()


def toon_analyse(analyse: Analyse, console: Console) -> None:
    """The key results of an analysis, for the analyst: rounded as the report rounds them (homes to fives, published
    counts exactly, fair share in whole homes), with Dutch headers; not disclosure-controlled (no cell hidden)."""
    import pandas as pd

    from woonzorg_lib.model.doelgroepen import DOELGROEPEN
    from woonzorg_lib.model.onthulling import afronden
    from woonzorg_lib.model.vraag import per_doelgroep
    from woonzorg_lib.rapport import publicatie
    from woonzorg_lib.rapport.tekst import dekking_tekst

    p = analyse.parameters
    per_groep = per_doelgroep(analyse.vraag[analyse.vraag["jaar"] == p.peiljaar])
    per_groep.index = per_groep.index.map(lambda k: DOELGROEPEN[k].naam)
    scenarios = [k for k in per_groep.columns if k != "herkomst"]
    per_groep[scenarios] = publicatie.woningen(per_groep[scenarios].astype(float))
    per_groep = per_groep.rename(columns={"herkomst": "zwakste herkomst"}).rename_axis("doelgroep").reset_index()
    tabel_in_terminal(console, f"Vraag per jaar in woningen — {analyse.regio.naam} ({p.peiljaar}, afgerond op "
                               "vijftallen)", per_groep)
    console.print(dekking_tekst(analyse.aandachtsgroepen_gedekt()).replace("**", ""), markup=False, soft_wrap=True)
    tabel_in_terminal(console, f"Confrontatie aandachtsgroepen per jaar (scenario {p.scenario}, afgesproken aandeel "
           f"{procent(p.aandeel_verhuringen_aandachtsgroepen)})", _confrontatie(analyse), procenten=["claim"])
    verdeling = analyse.verdeling.drop(columns=["gemeentecode"]).rename(columns={"gemeentenaam": "gemeente"})
    verdeling["eigen_vraag"] = afronden(verdeling["eigen_vraag"].astype(float)).astype(object)
    koppen = {"eigen_vraag": "eigen vraag", "huidige_belasting": "huidige belasting"}
    tabel_in_terminal(console, f"Fair share: de jaarlijkse opgave aandachtsgroepen verdeeld in hele woningen (scenario "
                               f"{p.scenario})", verdeling.rename(columns=koppen))
    tornado = analyse.gevoeligheid
    for soort, titel in (("invoer", "onzekere invoer"), ("beleidskeuze", "beleidskeuzes")):
        deel = tornado[tornado["soort"] == soort]
        if len(deel):
            tabel = publicatie.gevoeligheid(deel).drop(columns="bron van het bereik").reset_index()
            tabel_in_terminal(console, f"Gevoeligheid: regionaal tekort in {p.doeljaar} (scenario midden), {titel}",
                              pd.DataFrame(tabel))


def _zonder_accenten(tekst: str) -> str:
    import unicodedata

    return "".join(t for t in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(t)).casefold()


def toon_gemeenten(zoek: str | None, console: Console) -> None:
    """The CBS codes of the gemeenten of the current division, for a region file; ``zoek`` filters on part of a
    code, name or provincie (without regard to case or accents)."""
    from woonzorg_lib.data.basis import gemeenten

    alle = gemeenten().sort_values("gemeentecode")
    if zoek:
        sleutel = _zonder_accenten(zoek)
        tekst = (alle["gemeentecode"] + " " + alle["gemeentenaam"] + " " + alle["provincie"]).map(_zonder_accenten)
        keuze = alle[tekst.str.contains(sleutel, regex=False)]
    else:
        keuze = alle
    tabel = Table(title="Gemeenten en hun CBS-code (voor een regiobestand: gemeenten: [GM0344, ...])")
    for kolom in ("code", "gemeente", "provincie"):
        tabel.add_column(kolom)
    tabel.add_column("inwoners", justify="right")
    for rij in keuze.itertuples():
        tabel.add_row(rij.gemeentecode, rij.gemeentenaam, rij.provincie, getal(rij.inwoners))
    console.print(tabel)
    waarop = f" met '{zoek}'" if zoek else ""
    console.print(f"{len(keuze)} van de {len(alle)} gemeenten in de huidige indeling{waarop}.", markup=False)
