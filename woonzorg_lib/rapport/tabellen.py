"""The sheets of tabellen.xlsx: the report's tables, cut from the rows of kerncijfers.csv, with Dutch headers."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from woonzorg_lib import __version__
from woonzorg_lib.algemeen.opmaak import kengetal_afgerond
from woonzorg_lib.analyse.invoercijfers import invoercijfers
from woonzorg_lib.analyse.resultaat import Analyse
from woonzorg_lib.data.bronnen import bronnen
from woonzorg_lib.model.doelgroepen import DOELGROEPEN
from woonzorg_lib.model.herkomst import RANG
from woonzorg_lib.model.onthulling import ONBEKEND, OPMERKING, VERBORGEN
from woonzorg_lib.rapport import publicatie
from woonzorg_lib.rapport.excel import Blad, schrijf_werkmap
from woonzorg_lib.rapport.kerncijfers import bron_verhuringen


def _breed(kern: pd.DataFrame, indicatoren: Sequence[str], kolom: str, analyse: Analyse) -> pd.DataFrame:
    """Indicators of kerncijfers.csv (scenario and peiljaar of the analysis) as a table per gemeente, with its tier.

    The Excel tables are cut from the same protected rows as kerncijfers.csv, so the two never disagree.
    """
    p = analyse.parameters
    deel = kern[kern["indicator"].isin(indicatoren) & (kern["scenario"] == p.scenario) & (kern["jaar"] == p.peiljaar)]
    deelregio = (deel["deelregio"] + " (deelregio)").where(deel["deelregio"] != "", "Totaal")
    deel = deel.assign(rij=deel["gemeente"].where(deel["gemeente"] != "", deelregio))
    tabel = deel.pivot(index="rij", columns=kolom, values="waarde")
    indeling = analyse.regio.indeling()
    volgorde = [*indeling["gemeentenaam"], *(f"{d} (deelregio)" for d in dict.fromkeys(indeling["deelregio"])), "Totaal"]
    tabel = tabel.reindex([r for r in volgorde if r in tabel.index]).rename_axis(index="gebied", columns=None)
    tabel["herkomst"] = deel.groupby("rij")["herkomst"].agg(lambda h: max(h, key=lambda x: RANG.get(x, -1)))
    return tabel


VERDELING_PREFIX = ("fair_share_regio", "fair_share_binnen_deelregio")


def _verdeling_kolom(indicator: str) -> str:
    """'fair_share_binnen_deelregio_onder_plafond: Mix' → 'Mix (binnen deelregio, onder plafond)'."""
    soort, variant = indicator.split(": ", 1)
    toevoeging = [t for t, deel in (("binnen deelregio", "binnen_deelregio"), ("onder plafond", "onder_plafond"))
                  if deel in soort]
    return variant + (f" ({', '.join(toevoeging)})" if toevoeging else "")


CONFRONTATIE_KOPPEN = {"vraag_woningen": "vraag", "verhuringen": "verhuringen per jaar", "beschikbaar": "uit verhuringen",
                       "nieuw_aanbod": "nieuw aanbod", "tekort": "tekort", "claim": "claim"}
BRONNEN_KOPPEN = {"tabel_id": "bestand", "titel": "gegevens", "bron": "bron", "tabel": "brontabel",
                  "peildatum": "peildatum", "licentie": "licentie"}


def tabellen(analyse: Analyse, kern: pd.DataFrame) -> dict[str, Blad]:
    """The sheets of tabellen.xlsx: the report's tables, cut from the rows of kerncijfers.csv, Dutch headers."""
    drempel = analyse.parameters.drempel_onthulling
    p = analyse.parameters
    namen = analyse.regio.indeling().set_index("gemeentecode")["gemeentenaam"]
    namen_groep = {k: d.naam for k, d in DOELGROEPEN.items()} | {"totaal aandachtsgroepen": "Totaal"}
    vraag = {}
    for soort in ("woningen", "personen"):  # columns in the report's order: groups by name, then the total
        tabel = _breed(kern, [f"vraag_{soort}"], "doelgroep", analyse).rename(columns=namen_groep)
        groepen = sorted(c for c in tabel.columns if c not in ("Totaal", "herkomst"))
        vraag[soort] = tabel[[*groepen, "Totaal", "herkomst"]]
    totaal_vraag = kern[(kern["indicator"] != "vraag_woningen") | (kern["doelgroep"] == "totaal aandachtsgroepen")]
    confrontatie = _breed(totaal_vraag, ["vraag_woningen", "verhuringen", "beschikbaar", "nieuw_aanbod", "tekort", "claim"],
                          "indicator", analyse).rename(columns=CONFRONTATIE_KOPPEN)
    confrontatie = confrontatie[[*CONFRONTATIE_KOPPEN.values(), "herkomst"]]
    taak = kern[kern["indicator"].str.startswith("taakstelling_") & (kern["scenario"] == p.scenario)]
    taak = taak.assign(halfjaar=taak["jaar"].astype(str) + "-" + taak["indicator"].str[-2:],
                       rij=taak["gemeente"].replace("", "Totaal"))
    taakstelling = taak.pivot(index="rij", columns="halfjaar", values="waarde").reindex([*namen.to_numpy(), "Totaal"])
    aanbod = analyse.aanbod.rename(index=namen)
    aanbod_tabel = publicatie.aanbod(analyse.aanbod, namen.rename("gemeente")).assign(**{
        "herkomst verhuringen": aanbod["verhuringen_herkomst"],
        "bron verhuringen": bron_verhuringen(analyse).rename(index=namen)})  # the source, as kerncijfers.csv gives it
    varianten = list(p.verdeelsleutels)
    indicatoren = sorted((str(i) for i in kern["indicator"].unique() if str(i).startswith(VERDELING_PREFIX)),
                         key=lambda i: (varianten.index(i.split(": ", 1)[1]), i.split(": ", 1)[0]))
    verdeling = _breed(kern, [*indicatoren, "huidige_belasting"], "indicator", analyse).rename(columns=_verdeling_kolom_of)
    kengetallen = analyse.kengetallen.reset_index().set_index("omschrijving").assign(**{
        s: analyse.kengetallen[s].map(kengetal_afgerond).to_numpy() for s in ("laag", "midden", "hoog")})
    kengetallen = kengetallen.rename_axis("kengetal").rename(
        columns={"sleutel": "sleutel in het invoerformat"})
    bronnen_tabel = pd.DataFrame([b.__dict__ for b in bronnen().values()]).rename(columns=BRONNEN_KOPPEN).set_index(
        "gegevens")
    toelichting = [
        f"Woonzorganalyse {analyse.regio.naam}, peiljaar {p.peiljaar}, doeljaar {p.doeljaar}, scenario {p.scenario}.",
        OPMERKING.format(veelvoud=5, drempel=drempel),
        f"'{VERBORGEN}' = afgeschermd; '{ONBEKEND}' = geen gegevens (telt niet mee, is geen 0). Woningen en tekorten "
        "zijn afgerond op vijftallen, behalve gepubliceerde tellingen (herkomst register, zoals werkelijke verhuringen): "
        "die staan exact; fair-share doelen zijn hele woningen; de taakstelling vergunninghouders is exact (openbare "
        "cijfers en de wettelijke rekenregel); de claim is afgerond op een tiende procent.",
        "Elke tabel is genomen uit dezelfde rijen als kerncijfers.csv, met de herkomst per rij (register, schatting "
        "of aanname); kerncijfers.csv geeft ook de bron van elk cijfer.",
        f"Gemaakt met woonzorg {__version__}.",
    ]
    return {
        "toelichting": Blad(pd.DataFrame(index=pd.Index(toelichting, name="toelichting")), breedte={"toelichting": 110}),
        "vraag (woningen per jaar)": Blad(vraag["woningen"]),
        "vraag (personen per jaar)": Blad(vraag["personen"]),
        "taakstelling statushouders": Blad(taakstelling.rename_axis(index="gemeente", columns=None)),
        "aanbod": Blad(aanbod_tabel),
        "confrontatie": Blad(confrontatie, procenten=["claim"]),
        "verdeling": Blad(verdeling),
        "gevoeligheid": Blad(publicatie.gevoeligheid(analyse.gevoeligheid).assign(
            soort=analyse.gevoeligheid["soort"].to_numpy())),
        "kengetallen": Blad(kengetallen, kengetallen=["laag", "midden", "hoog"]),
        "invoercijfers": Blad(invoercijfers(analyse).set_index("cijfer")),
        "bronnen": Blad(bronnen_tabel),
    }


def _verdeling_kolom_of(kolom: str) -> str:
    return "huidige belasting (invoer)" if kolom == "huidige_belasting" else (
        _verdeling_kolom(kolom) if kolom != "herkomst" else kolom)


def schrijf_tabellen(analyse: Analyse, kern: pd.DataFrame, pad: Path) -> None:
    """tabellen.xlsx: the report's tables cut from kerncijfers.csv (protected, with tier), one sheet each."""
    schrijf_werkmap(tabellen(analyse, kern), pad)
