"""Tables as a stakeholder sees them: disclosure-controlled, Dutch notation, escaped HTML."""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd

from woonzorg_lib.algemeen.opmaak import getal, procent
from woonzorg_lib.model.onthulling import KLEIN, ONBEKEND, TOTAAL, VERBORGEN, afronden, beveilig

OPMERKING_PATROON = (
    "Aantallen afgerond op vijftallen. Cijfers die berusten op lokale aantallen personen onder 10 staan als '.', "
    "met zo nodig een tweede cel, in elk scenario, jaar en bestand dezelfde; cijfers die alleen uit landelijke "
    "totalen en een verdeelsleutel volgen, onthullen niemand en staan er wel. Totalen zijn berekend vóór afronding."
)
OPMERKING_KLEIN = f"'{KLEIN}' = meer dan 0 maar minder dan 2,5 (geen 0)."
OPMERKING_EXACT = ("Afgerond op vijftallen, behalve gepubliceerde tellingen (herkomst register, zoals werkelijke "
                   "verhuringen): die staan exact, zoals ze zijn gepubliceerd.")
OPMERKING_OPENBAAR = ("De wettelijke taakstelling statushouders (personen) is een openbaar cijfer en staat exact, als "
                      "som van de halfjaren; een totaal van alleen zulke cijfers ook.")
AANBOD_KOPPEN = {"corporatiewoningen": "sociale huurvoorraad", "verhuringen": "verhuringen per jaar",
                 "beschikbaar": "voor aandachtsgroepen", "nieuw_aanbod": "nieuw aanbod per jaar"}


BREED_VANAF = 7  # columns: a table with more is printed on a landscape page


def personen(tabel: pd.DataFrame, drempel: int, rijtotaal: bool = True, kolomtotaal: bool = True) -> pd.DataFrame:
    """Counts of people of vulnerable groups, made safe: rounded to fives, small cells '.', no recomputation.

    An empty cell has no figure: it shows 'n.b.' and counts for nothing in a total.
    """
    return beveilig(tabel, drempel=drempel, rijtotaal=rijtotaal, kolomtotaal=kolomtotaal)


def exacte_totalen(exact: pd.DataFrame) -> pd.DataFrame:
    """Cells (and their totals) that are public counts, from a mask per row × column: a total is exact when all it
    adds up is; the rest is rounded to fives.

    >>> exacte_totalen(pd.DataFrame({"a": [True, True], "b": [True, False]}, index=["x", "y"])).to_dict("list")
    {'a': [True, True, True], 'b': [True, False, False], 'Totaal': [True, False, False]}
    """
    uit = exact.astype(bool).copy()
    uit.loc[TOTAAL] = uit.all()
    uit[TOTAAL] = uit.all(axis=1)
    return uit


def volgens_patroon(
    waarden: pd.DataFrame, masker: pd.DataFrame, totaalrij: str, per: pd.Series | None = None,
    exact: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """A table of the area (index gemeentecode, columns doelgroep; NaN: no figure), protected by the region's pattern.

    Rows are the area's gemeenten, or with ``per`` (gemeentecode → deelregio) its deelregio's;
    a ``Totaal`` row is the area's total (row ``totaalrij`` of the pattern) and a ``Totaal``
    column the total over the doelgroepen. Counts are rounded to fives; hidden cells show
    '.', cells without a figure 'n.b.' — the same cells in every scenario, year and file.
    The cells ``exact`` marks (public counts: the statutory taakstelling) and the totals of
    only such cells are shown exactly.
    """
    onbekend = waarden.isna()
    precies = (exact if exact is not None else pd.DataFrame(False, index=waarden.index, columns=waarden.columns))
    precies = precies.reindex(index=waarden.index, columns=waarden.columns, fill_value=False).astype(bool)
    openbaar = f" {OPMERKING_OPENBAAR}" if (precies & ~onbekend).to_numpy().any() else ""
    precies = precies | onbekend  # a cell without a figure adds nothing to a total
    if per is not None:
        waarden = waarden.groupby(per.reindex(waarden.index), sort=False).sum(min_count=1)
        precies = precies.groupby(per.reindex(precies.index), sort=False).all()
        onbekend = waarden.isna()
    volledig = waarden.fillna(0.0).astype("float64")
    volledig.loc[TOTAAL] = volledig.sum()
    volledig[TOTAAL] = volledig.sum(axis=1)
    verborgen = masker.reindex(index=[*waarden.index, totaalrij], columns=volledig.columns,
                               fill_value=False).set_axis(volledig.index).astype(bool)
    onbekend = onbekend.reindex(index=volledig.index, columns=volledig.columns, fill_value=False)
    precies = exacte_totalen(precies).reindex(index=volledig.index, columns=volledig.columns, fill_value=False)
    uit = afronden(volledig).mask(precies, volledig.round().astype("int64"))
    uit = uit.astype(object).mask((volledig > 0) & (uit == 0), KLEIN)
    uit = uit.mask(verborgen, VERBORGEN).mask(onbekend & ~verborgen, ONBEKEND)
    klein = f" {OPMERKING_KLEIN}" if (uit == KLEIN).to_numpy().any() else ""
    uit.attrs["opmerking"] = OPMERKING_PATROON + klein + openbaar + (
        f" '{ONBEKEND}' = geen gegevens (telt niet mee in het totaal, is geen 0)." if onbekend.any().any() else "")
    return uit


def woningen(tabel: pd.DataFrame, exact: pd.DataFrame | None = None) -> pd.DataFrame:
    """Counts (no people of vulnerable groups): whole numbers; model figures and estimates rounded to fives like
    every count in a report, the cells ``exact`` marks (published counts) as they were published. A positive count
    that rounds to 0 shows '< 2,5' (not a 0 that reads as "no need"), a cell without a figure 'n.b.'.

    >>> tabel = pd.DataFrame({"n": [9578.0, 957.8, 1.2, None]})
    >>> woningen(tabel, pd.DataFrame({"n": [True, False, False, False]}))["n"].tolist()
    [9578, 960, '< 2,5', 'n.b.']
    """
    waarden = tabel.fillna(0.0)
    uit = afronden(waarden)
    if exact is not None:
        precies = exact.reindex(index=tabel.index, columns=tabel.columns, fill_value=False).astype(bool)
        uit = uit.mask(precies, waarden.round().astype("int64"))
    return uit.astype(object).mask((waarden > 0) & (uit == 0), KLEIN).mask(tabel.isna(), ONBEKEND)


def gepubliceerd(herkomst: pd.Series) -> pd.Series:
    """Which figures are published counts, shown exactly in every output: those of the tier register.

    >>> gepubliceerd(pd.Series(["register", "schatting", None])).tolist()
    [True, False, False]
    """
    return herkomst == "register"


def verhuringen_gepubliceerd(aanbod: pd.DataFrame) -> bool:
    """Whether the area's lettings are all published counts: a sentence then states their sum exactly."""
    return bool(gepubliceerd(aanbod["verhuringen_herkomst"]).all())


def aanbod(aanbod: pd.DataFrame, eenheid: pd.Series) -> pd.DataFrame:
    """The supply table of the report and the workbook: per unit and in total, stock, lettings, the agreed part and
    new supply, Dutch headers.

    ``eenheid`` gives per gemeentecode its row (the gemeente's name or its deelregio), in the
    order of the rows. The stock and the lettings of a row are exact when each of its
    gemeenten has a published count (tier register); everything else is rounded to fives.
    """
    rij = eenheid.reindex(aanbod.index)
    volgorde = list(dict.fromkeys(eenheid))
    getallen = aanbod[list(AANBOD_KOPPEN)].groupby(rij, sort=False).sum().reindex(volgorde)
    register = pd.DataFrame({k: gepubliceerd(aanbod[f"{k}_herkomst"]) for k in ("corporatiewoningen", "verhuringen")})
    exact = register.groupby(rij, sort=False).all().reindex(volgorde)
    getallen.loc[TOTAAL] = getallen.sum()
    exact.loc[TOTAAL] = register.all()
    uit = woningen(getallen, exact).rename(columns=AANBOD_KOPPEN)
    uit.attrs["opmerking"] = OPMERKING_EXACT
    return uit


def cijfers(tabel: pd.DataFrame) -> pd.DataFrame:
    """A protected table back to numbers for a chart: hidden cells become NaN (not drawn)."""
    return tabel.replace([VERBORGEN, ONBEKEND], float("nan")).astype("float64")


def gevoeligheid(tornado: pd.DataFrame) -> pd.DataFrame:
    """The sensitivity as the report and the workbook show it: per assumption its range, the gap at each end (a model
    figure: rounded to fives like every gap), its source."""
    deel = tornado.set_index("omschrijving")
    return pd.DataFrame({"lage waarde": deel["weergave_laag"], "hoge waarde": deel["weergave_hoog"],
                         "tekort bij laag": afronden(deel["uitkomst_laag"]), "tekort bij hoog": afronden(deel["uitkomst_hoog"]),
                         "bron van het bereik": deel["bron"]}).rename_axis("aanname")


def _cel(waarde: object, als_procent: bool) -> str:
    if isinstance(waarde, str):
        return html.escape(waarde)
    if waarde is None or (isinstance(waarde, float) and pd.isna(waarde)):
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, int | float):
        return procent(float(waarde)) if als_procent else getal(float(waarde))
    return html.escape(str(waarde))


HEEL_TOT = 15  # rows: a table this short is never split over two pages
HEEL_TEKENS = 3000  # characters: a table of long texts (sources) may be split, or it leaves a near-empty page


def html_tabel(
    tabel: pd.DataFrame,
    procenten: Sequence[str] = (),
    opmerking: str | None = None,
    index: bool = True,
    bijschrift: str | None = None,
) -> str:
    """An HTML table with Dutch number notation; every text (names, sources from input files) is escaped."""
    kop = ([html.escape(str(tabel.index.name or ""))] if index else []) + [html.escape(str(k)) for k in tabel.columns]
    # A scrollable region a keyboard can reach on a narrow screen; in print a wide table gets a landscape page.
    breed = " wz-breed" if len(kop) > BREED_VANAF else ""
    kort = len(tabel) <= HEEL_TOT and int(tabel.map(lambda v: len(str(v))).to_numpy().sum()) <= HEEL_TEKENS
    breed += " wz-heel" if kort else ""  # in print a short table stays whole, with its caption
    naam = f' aria-label="{html.escape(bijschrift)}"' if bijschrift else ' aria-label="tabel"'
    regels = [f'<div class="wz-tabelvak{breed}" role="region" tabindex="0"{naam}>', '<table class="wz-tabel">']
    if bijschrift:
        regels.append(f"<caption>{html.escape(bijschrift)}</caption>")
    regels.append("<thead><tr>" + "".join(f'<th scope="col">{k}</th>' for k in kop) + "</tr></thead><tbody>")
    for label, rij in tabel.iterrows():
        klasse = ' class="wz-totaal"' if str(label) == "Totaal" else ""
        cellen = [f'<th scope="row">{html.escape(str(label))}</th>'] if index else []
        for kolom, waarde in rij.items():
            rechts = isinstance(waarde, int | float) or waarde in (VERBORGEN, ONBEKEND, KLEIN)
            uitlijning = ' class="wz-getal"' if rechts else ""
            cellen.append(f"<td{uitlijning}>{_cel(waarde, kolom in procenten)}</td>")
        regels.append(f"<tr{klasse}>" + "".join(cellen) + "</tr>")
    regels.append("</tbody></table></div>")
    opmerking = opmerking or tabel.attrs.get("opmerking")
    if opmerking:
        regels.append(f'<p class="wz-opmerking">{html.escape(opmerking)}</p>')
    return "\n".join(regels)
