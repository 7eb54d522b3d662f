"""The sheets of tabellen.xlsx: the report's tables, cut from the rows of kerncijfers.csv, with Dutch headers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from woonzorg_lib import __version__
from woonzorg_lib.algemeen.opmaak import aandeel, getal, kengetal_afgerond
from woonzorg_lib.analyse.gevoeligheid import nationaal_deel
from woonzorg_lib.analyse.invoercijfers import invoercijfers
from woonzorg_lib.analyse.resultaat import Analyse
from woonzorg_lib.data.bronnen import bronnen
from woonzorg_lib.model import statushouders
from woonzorg_lib.model.doelgroepen import DOELGROEPEN, SCENARIOS
from woonzorg_lib.model.herkomst import RANG
from woonzorg_lib.model.onthulling import ONBEKEND, OPMERKING, VERBORGEN
from woonzorg_lib.rapport import publicatie
from woonzorg_lib.rapport.excel import Blad, schrijf_werkmap
from woonzorg_lib.rapport.kerncijfers import bron_verhuringen, herkomst_opgeteld_tekort
from woonzorg_lib.rapport.stijl import TEKENS


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


JAARTAL = "0"  # a year without a thousands separator
GETAL_TEKST = re.compile(r"(?P<factor>× )?(?P<heel>-?\d{1,3}(?:\.\d{3})*|-?\d+)(?:,(?P<decimalen>\d+))?(?P<procent>%)?")


def getal_uit_tekst(tekst: str) -> tuple[float, str] | None:
    """A number as the report writes it ('13.000', '29,1%', '× 0,9') and the Excel format that shows it so; None for
    text that is no number.

    >>> getal_uit_tekst("17.942.942"), getal_uit_tekst("29,1%"), getal_uit_tekst("× 0,9"), getal_uit_tekst("naar rato")
    ((17942942.0, '#,##0'), (0.291, '0.0%'), (0.9, '"× "#,##0.0'), None)
    """
    deel = GETAL_TEKST.fullmatch(str(tekst).strip())
    if deel is None:
        return None
    decimalen = deel["decimalen"] or ""
    waarde = float(deel["heel"].replace(".", "") + (f".{decimalen}" if decimalen else ""))
    staart = f".{'0' * len(decimalen)}" if decimalen else ""
    if deel["procent"]:
        waarde, opmaak = round(waarde / 100, len(decimalen) + 2), f"0{staart}%"
    else:
        opmaak = f"#,##0{staart}"
    return waarde, (f'"× "{opmaak}' if deel["factor"] else opmaak)


def _gevoeligheid(analyse: Analyse) -> Blad:
    """Per assumption its range as numbers (the value the model used, shown as the report shows it), the gap at each
    end and the source; an end that is a named choice ('naar rato van de inwoners') stays text."""
    tornado = analyse.gevoeligheid
    tabel = publicatie.gevoeligheid(tornado).assign(soort=tornado["soort"].to_numpy())
    opmaak: dict[tuple[int, str], str] = {}
    for kop, einde in (("lage waarde", "laag"), ("hoge waarde", "hoog")):
        waarden = []
        for positie, (weergave, waarde) in enumerate(zip(tornado[f"weergave_{einde}"], tornado[f"waarde_{einde}"],
                                                         strict=True)):
            getoond = getal_uit_tekst(weergave)
            if getoond is None:
                waarden.append(weergave)
                continue
            waarden.append(round(float(waarde), 4))
            opmaak[(positie, kop)] = getoond[1]
        tabel[kop] = pd.Series(waarden, index=tabel.index, dtype=object)
    return Blad(tabel, celopmaak=opmaak)


def _invoercijfers(analyse: Analyse) -> Blad:
    """The input figures as numbers; an assumed range (laag – midden – hoog) gives its midden and both ends."""
    tabel = invoercijfers(analyse)
    opmaak: dict[tuple[int, str], str] = {}
    kolommen: dict[str, list[object]] = {"waarde": [], "laag (bij een bereik)": [], "hoog (bij een bereik)": []}
    for positie, tekst in enumerate(tabel["waarde"]):
        delen = [getal_uit_tekst(d) for d in str(tekst).split(" – ")]
        if any(d is None for d in delen) or len(delen) not in (1, 3):
            waarden: list[object] = [tekst, None, None]
        else:
            midden = delen[len(delen) // 2]
            waarden = [midden[0], *((delen[0][0], delen[2][0]) if len(delen) == 3 else (None, None))]
            opmaak.update({(positie, k): midden[1] for k in kolommen})
        for kolom, waarde in zip(kolommen, waarden, strict=True):
            kolommen[kolom].append(waarde)
    uit = tabel.drop(columns="waarde").set_index("cijfer")
    for positie, (kolom, waarden) in enumerate(kolommen.items()):
        uit.insert(positie, kolom, pd.Series(waarden, index=uit.index, dtype=object))
    return Blad(uit, celopmaak=opmaak)


def _taakstelling(analyse: Analyse, kern: pd.DataFrame) -> tuple[Blad, str]:
    """The statutory taakstelling per half-year (rows) and gemeente, with the national number, its tier and source,
    from the rows of kerncijfers.csv; and the toelichting's sentence on which half-years are published."""
    p = analyse.parameters
    namen = analyse.regio.indeling()["gemeentenaam"]
    taak = kern[kern["indicator"].str.startswith("taakstelling_") & (kern["scenario"] == p.scenario)]
    taak = taak.assign(halfjaar=taak["jaar"].astype(str) + "-" + taak["indicator"].str[-2:],
                       rij=taak["gemeente"].replace("", "Totaal"))
    tabel = taak.pivot(index="halfjaar", columns="rij", values="waarde").reindex(columns=[*namen, "Totaal"])
    landelijk = analyse.taakstelling[analyse.taakstelling["scenario"] == p.scenario].groupby("halfjaar")[
        ["landelijk", "bron"]].first()
    herkomst = taak.groupby("halfjaar")["herkomst"].agg(lambda h: max(h, key=lambda x: RANG.get(x, -1)))
    tabel.insert(0, "landelijk aantal", landelijk["landelijk"].reindex(tabel.index))
    tabel.insert(1, "herkomst", herkomst.reindex(tabel.index))
    tabel["bron van het landelijke aantal"] = [nationaal_deel(landelijk.loc[h, "bron"], h) for h in tabel.index]
    aangenomen = [h for h in tabel.index if herkomst[h] == "aanname"]
    gepubliceerd = [h for h in tabel.index if h not in aangenomen]
    zin = ("De taakstelling vergunninghouders volgt de wettelijke rekenregel (art. 29 Huisvestingswet: het landelijke "
           "aantal × het aandeel van de gemeente in de inwoners van Nederland, naar boven afgerond op hele personen).")
    if gepubliceerd:
        zin += (f" Voor {', '.join(statushouders.reeksen(gepubliceerd))} is het landelijke aantal gepubliceerd "
                f"(herkomst {'/'.join(sorted(set(herkomst[gepubliceerd])))}): alleen die halfjaren zijn openbare cijfers.")
    if aangenomen:
        aantallen = " / ".join(getal(a) for a in dict.fromkeys(landelijk["landelijk"].reindex(aangenomen)))
        zin += (f" Voor {', '.join(statushouders.reeksen(aangenomen))} is nog geen landelijk aantal bekend: daar rust de "
                f"taakstelling op een aangenomen landelijk aantal ({aantallen} per halfjaar in scenario {p.scenario}; "
                "herkomst aanname) en is zij geen openbaar cijfer.")
    zin += " Het tabblad 'taakstelling statushouders' geeft per halfjaar de herkomst en de bron."
    return Blad(tabel.rename_axis(index="halfjaar", columns=None)), zin


def _opgeteld_tekort(analyse: Analyse) -> Blad:
    """The area's gap added up from the peiljaar to each year (cumulative, as the report's table), per scenario,
    beside that year's own gap, with the tier."""
    p = analyse.parameters
    conf = analyse.confrontatie
    regio = conf[conf["niveau"] == "regio"].pivot_table(index="jaar", columns="scenario", values="tekort")
    regio = regio[[s for s in SCENARIOS if s in regio]]
    tabel = publicatie.woningen(regio.cumsum()).rename(columns=lambda s: f"tekort opgeteld, scenario {s}")
    tabel[f"alleen dat jaar, scenario {p.scenario} (niet opgeteld)"] = publicatie.woningen(regio[[p.scenario]])[p.scenario]
    tabel["herkomst"] = herkomst_opgeteld_tekort(analyse).reindex(tabel.index)
    jaar = f"van {p.peiljaar} tot en met"
    return Blad(tabel.rename_axis(index=jaar, columns=None),
                celopmaak={(i, jaar): JAARTAL for i in range(len(tabel))})  # 2025, not 2.025


def _bevolking(analyse: Analyse) -> Blad:
    """The report's table of inhabitants by age per gemeente (the same cells), its tier marks as words."""
    from woonzorg_lib.rapport.hoofdstukken import bevolking  # the chapters write this workbook: import when used
    from woonzorg_lib.rapport.hoofdstukken.selectie import Selectie

    tabel = bevolking.hoofdstuk(Selectie(analyse)).tabel(0).copy()
    woorden = {teken: woord for woord, teken in TEKENS.items()}
    tabel["herkomst"] = tabel["herkomst"].map(lambda t: woorden.get(t, t))
    return Blad(tabel.rename_axis(index="gemeente"))


OUDEREN_KOPPEN = {"vraag_ouderen": "vraag ouderen (woningen per jaar)", "tekort_ouderen": "tekort ouderen (woningen per jaar)"}


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
    taakstelling, taak_zin = _taakstelling(analyse, kern)
    ouderen = _breed(kern, list(OUDEREN_KOPPEN), "indicator", analyse).rename(columns=OUDEREN_KOPPEN)
    aanbod = analyse.aanbod.rename(index=namen)
    aanbod_tabel = publicatie.aanbod(analyse.aanbod, namen.rename("gemeente")).assign(**{
        "herkomst voorraad": aanbod["corporatiewoningen_herkomst"],
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
    # A share shows as the report shows it: 0,0696 as 6,96%.
    als_procent = {(positie, s): getal_uit_tekst(aandeel(waarde))[1]
                   for s in ("laag", "midden", "hoog")
                   for positie, (waarde, eenheid) in enumerate(zip(analyse.kengetallen[s], analyse.kengetallen["eenheid"],
                                                                   strict=True)) if eenheid == "aandeel"}
    bronnen_tabel = pd.DataFrame([b.__dict__ for b in bronnen().values()]).rename(columns=BRONNEN_KOPPEN).set_index(
        "gegevens")
    toelichting = [
        f"Woonzorganalyse {analyse.regio.naam}, peiljaar {p.peiljaar}, doeljaar {p.doeljaar}, scenario {p.scenario}.",
        OPMERKING.format(veelvoud=5, drempel=drempel),
        f"'{VERBORGEN}' = afgeschermd; '{ONBEKEND}' = geen gegevens (telt niet mee, is geen 0). Woningen en tekorten "
        "zijn afgerond op vijftallen, behalve gepubliceerde tellingen (herkomst register, zoals werkelijke verhuringen): "
        "die staan exact; fair-share doelen zijn hele woningen; de claim is afgerond op een tiende procent.",
        taak_zin,
        f"Het tabblad 'tekort opgeteld (cumulatief)' telt het tekort op van {p.peiljaar} tot en met elk jaar: het is "
        "geen tekort per jaar (dat staat in de kolom 'alleen dat jaar' en in 'confrontatie').",
        "Het tabblad 'ouderen' is het referentiescenario voor ouderen (landelijke beleidsdoelen naar rato van 75+): "
        "het telt niet mee in de vraag van de aandachtsgroepen. 'bevolking' is de tabel van inwoners naar leeftijd "
        "uit het rapport.",
        "Elke tabel is genomen uit dezelfde rijen als kerncijfers.csv, met de herkomst per rij (register, schatting "
        "of aanname); kerncijfers.csv geeft ook de bron van elk cijfer.",
        f"Gemaakt met woonzorg {__version__}.",
    ]
    return {
        "toelichting": Blad(pd.DataFrame(index=pd.Index(toelichting, name="toelichting")), breedte={"toelichting": 110}),
        "vraag (woningen per jaar)": Blad(vraag["woningen"]),
        "vraag (personen per jaar)": Blad(vraag["personen"]),
        "taakstelling statushouders": taakstelling,
        "ouderen": Blad(ouderen[[*OUDEREN_KOPPEN.values(), "herkomst"]]),
        "bevolking": _bevolking(analyse),
        "aanbod": Blad(aanbod_tabel),
        "confrontatie": Blad(confrontatie, procenten=["claim"]),
        "tekort opgeteld (cumulatief)": _opgeteld_tekort(analyse),
        "verdeling": Blad(verdeling),
        "gevoeligheid": _gevoeligheid(analyse),
        "kengetallen": Blad(kengetallen, kengetallen=["laag", "midden", "hoog"], celopmaak=als_procent),
        "invoercijfers": _invoercijfers(analyse),
        "bronnen": Blad(bronnen_tabel),
    }


def _verdeling_kolom_of(kolom: str) -> str:
    return "huidige belasting (invoer)" if kolom == "huidige_belasting" else (
        _verdeling_kolom(kolom) if kolom != "herkomst" else kolom)


def schrijf_tabellen(analyse: Analyse, kern: pd.DataFrame, pad: Path) -> None:
    """tabellen.xlsx: the report's tables cut from kerncijfers.csv (protected, with tier), one sheet each."""
    schrijf_werkmap(tabellen(analyse, kern), pad)
