"""What several chapters select from one analysis: the area's units, demand, protection, tiers and distribution.

The unit of comparison is the gemeente, or the deelregio in the regional overview; every count of
people a chapter shows passes through the region's disclosure pattern here.
"""

from __future__ import annotations

from functools import cached_property

import pandas as pd

from woonzorg_lib.algemeen.opmaak import getal, procent
from woonzorg_lib.analyse.resultaat import Analyse
from woonzorg_lib.analyse.verdelen import verdeling_per_deelregio
from woonzorg_lib.data.basis import verhuringen
from woonzorg_lib.model.aanbod import verhuringen_bereik
from woonzorg_lib.model.doelgroepen import AANDACHTSGROEPEN, DOELGROEPEN
from woonzorg_lib.model.herkomst import zwakste
from woonzorg_lib.model.onthulling import TOTAAL
from woonzorg_lib.model.vraag import exact_personen, per_doelgroep
from woonzorg_lib.rapport import kaartcijfers, kaarten, publicatie, tekst
from woonzorg_lib.rapport.hoofdstukken.onderdelen import Kaart, Tabel
from woonzorg_lib.rapport.kerncijfers import kerncijfers
from woonzorg_lib.rapport.stijl import TEKENS, svg

NIET_VARIANT = ("eigen_vraag", "huidige_belasting")  # columns of a distribution table that are no key mix


def naam(doelgroep: str) -> str:
    """The Dutch name of a doelgroep."""
    return DOELGROEPEN[doelgroep].naam


def met_herkomst(tabel: pd.DataFrame, herkomst: pd.Series) -> pd.DataFrame:
    """The table with a column of tier marks per row; a "Totaal" row gets the weakest of all."""
    tabel = tabel.copy()
    herkomst = herkomst.reindex([r for r in tabel.index if r != "Totaal"])
    if "Totaal" in tabel.index:
        herkomst["Totaal"] = zwakste(herkomst.dropna())
    tabel["herkomst"] = herkomst.reindex(tabel.index).map(TEKENS).fillna("")
    return tabel


def varianten(verdeling: pd.DataFrame) -> list[str]:
    """The key mixes among the columns of a distribution table (not the capped parts)."""
    return [k for k in verdeling.columns if k not in NIET_VARIANT and not k.endswith("(onder plafond)")]


class Selectie:
    """One analysis as the report counts it: per gemeente, or per deelregio in the overview."""

    def __init__(self, analyse: Analyse, eenheid: str = "gemeente") -> None:
        self.analyse = analyse
        self.p = analyse.parameters
        self.eenheid = eenheid
        self.drempel = analyse.parameters.drempel_onthulling

    @cached_property
    def kern(self) -> pd.DataFrame:
        """kerncijfers.csv of this analysis, made once: maps, factsheets and files all read these rows."""
        return kerncijfers(self.analyse)

    @property
    def codes(self) -> list[str]:
        """The gemeentecodes of the analysed area."""
        return list(self.analyse.regio.gemeentecodes)

    def eenheid_per_code(self) -> pd.Series:
        """Per gemeentecode of the area the unit it is counted in (its name, or its deelregio), in the report's order."""
        indeling = self.analyse.regio.indeling().set_index("gemeentecode")
        return indeling["gemeentenaam" if self.eenheid == "gemeente" else "deelregio"].rename(self.eenheid)

    def eenheden(self, tabel: pd.DataFrame) -> pd.Series:
        """The unit of every row of a table with a column gemeentecode."""
        return tabel["gemeentecode"].astype(str).map(self.eenheid_per_code())

    def volgorde(self) -> list[str]:
        """The units in the report's order."""
        return list(dict.fromkeys(self.eenheid_per_code()))

    def vraag(self, jaar: int | None = None) -> pd.DataFrame:
        """The demand rows of one year (the peiljaar by default)."""
        vraag = self.analyse.vraag
        return vraag[vraag["jaar"] == (jaar or self.p.peiljaar)]

    def per_doelgroep(self) -> pd.DataFrame:
        """The area's demand per doelgroep (laag, midden, hoog) with its tier mark, by Dutch name."""
        tabel = per_doelgroep(self.vraag())
        tabel["herkomst"] = tabel.pop("herkomst").map(TEKENS)
        return tabel.rename(index=naam).rename_axis("doelgroep")

    def beschermd(self, scenario: str, waarde: str = "woningen", jaar: int | None = None) -> pd.DataFrame:
        """The area's aandachtsgroepen per unit and doelgroep, protected by the region's pattern."""
        vraag = self.vraag(jaar)
        vraag = vraag[(vraag["scenario"] == scenario) & vraag["doelgroep"].isin(AANDACHTSGROEPEN) & vraag[waarde].notna()]
        tabel = vraag.pivot_table(index=vraag["gemeentecode"].astype(str), columns=vraag["doelgroep"].astype(str),
                                  values=waarde, aggfunc="sum", observed=True).reindex(self.codes).rename_axis(columns=None)
        indeling = self.analyse.regio.indeling().set_index("gemeentecode")
        per = indeling["deelregio"] if self.eenheid == "deelregio" else None
        exact = None
        if waarde == "personen":  # the statutory taakstelling is a public count: shown exactly
            exact = vraag.assign(exact=exact_personen(vraag)).pivot_table(
                index=vraag["gemeentecode"].astype(str), columns=vraag["doelgroep"].astype(str), values="exact",
                aggfunc="all", observed=True).reindex(self.codes).rename_axis(columns=None).fillna(False).astype(bool)
        beschermd = publicatie.volgens_patroon(tabel, self.analyse.beveiliging, self.analyse.totaalrij(), per, exact)
        if per is None:
            beschermd = beschermd.rename(index=indeling["gemeentenaam"])
        groepen = sorted((c for c in beschermd.columns if c != TOTAAL), key=naam)
        return beschermd[[*groepen, TOTAAL]].rename(columns=lambda c: c if c == TOTAAL else naam(c)).rename_axis(
            self.eenheid)

    def confrontatie(self, scenario: str | None = None, jaar: int | None = None) -> pd.DataFrame:
        """The confrontation rows of one scenario and year (those of the parameters by default)."""
        conf = self.analyse.confrontatie
        return conf[(conf["scenario"] == (scenario or self.p.scenario)) & (conf["jaar"] == (jaar or self.p.peiljaar))]

    def per_eenheid(self, tabel: pd.DataFrame, waarde: str, kolom: str | None = None) -> pd.DataFrame:
        """A column of rows per gemeente summed per unit; with ``kolom``, one column per value of it."""
        gemeenten = tabel.assign(eenheid=self.eenheden(tabel))
        if kolom is None:
            som = gemeenten.groupby("eenheid", sort=False)[[waarde]].sum().reindex(self.volgorde())
            return som.rename_axis(self.eenheid)
        breed = gemeenten.pivot_table(index="eenheid", columns=kolom, values=waarde, aggfunc="sum", observed=True)
        return breed.reindex(self.volgorde()).rename_axis(index=self.eenheid, columns=None)

    def zonder_gegevens(self) -> list[str]:
        """The aandachtsgroepen without a figure for some or all gemeenten."""
        gedekt = self.analyse.aandachtsgroepen_gedekt()
        return gedekt["gedeeltelijk"] + gedekt["geen"]

    def herkomst_per_eenheid(self, tabel: pd.DataFrame) -> pd.Series:
        """The weakest herkomst per unit of long rows with gemeentecode and herkomst."""
        return tabel.groupby(self.eenheden(tabel), sort=False)["herkomst"].agg(zwakste)

    def taak_herkomst(self) -> pd.DataFrame:
        """Every gemeente with the weakest tier of the regional task it shares in (fair share distributes that task)."""
        vraag = self.vraag()
        taak = vraag[(vraag["scenario"] == self.p.scenario) & vraag["doelgroep"].isin(AANDACHTSGROEPEN)]
        return pd.DataFrame({"gemeentecode": self.codes, "herkomst": zwakste(taak["herkomst"])})

    def verdeling(self) -> pd.DataFrame:
        """This area's part of the one regional distribution: per gemeente, or per deelregio in the overview."""
        if self.eenheid == "deelregio":
            return verdeling_per_deelregio(self.analyse).set_index("deelregio")
        verdeling = self.analyse.verdeling.set_index("gemeentecode").loc[self.codes]
        return verdeling.set_index("gemeentenaam").drop(columns="deelregio").rename_axis("gemeente")

    def verhuringen_bandbreedte(self) -> str:
        """Per gemeente whose lettings are the newest of several counted years, what the other years give: the range
        of lettings and of the claim (middle scenario, peiljaar), in words; empty when there is none."""
        bereik = verhuringen_bereik(verhuringen(), self.analyse.aanbod.loc[self.codes])
        if bereik.empty:
            return ""
        conf = self.confrontatie("midden")
        conf = conf[conf["niveau"] == "gemeente"].set_index("gemeentecode")
        namen = self.analyse.regio.indeling().set_index("gemeentecode")["gemeentenaam"]
        zinnen = []
        for code, r in bereik.iterrows():
            van, tot = int(r["van"]), int(r["tot"])
            een_jaar = van == tot - 1  # one other counted year: a figure, not a range
            zin = (f"Voor {tekst.veilig(namen[code])} rekent de analyse tot {self.p.doeljaar} met de getelde verhuringen "
                   f"van {tot} ({getal(r['gebruikt'])}); "
                   + (f"in {van} waren het er {getal(r['andere_laagste'])}." if een_jaar else
                      f"in {van}–{tot - 1} waren het er {getal(r['andere_laagste'])} tot {getal(r['andere_hoogste'])} "
                      "per jaar."))
            if not bool(self.analyse.beveiliging[TOTAAL].get(code, False)) and code in conf.index:
                vraag = float(conf.loc[code, "vraag_aandachtsgroepen"])
                claim = (f"Met dat jaar is de claim {procent(vraag / r['andere_laagste'])}" if een_jaar else
                         f"Met die jaren is de claim {procent(vraag / r['andere_hoogste'])} tot "
                         f"{procent(vraag / r['andere_laagste'])}")
                zin += f" {claim} in plaats van {procent(vraag / r['gebruikt'])} (middenscenario, {self.p.peiljaar})."
            zinnen.append(zin)
        return " ".join(zinnen)

    def verhuringen_herkomst(self) -> str:
        """Where the lettings come from, in words: real lettings, stock × mutatiegraad, or both per gemeente."""
        aanbod = self.analyse.aanbod
        werkelijk = aanbod["verhuringen_bron"] == "werkelijke verhuringen"
        namen = self.analyse.regio.indeling().set_index("gemeentecode")["gemeentenaam"]
        if werkelijk.all():
            return "werkelijke verhuringen voor alle gemeenten"
        geschat = f"sociale voorraad × mutatiegraad ({zwakste(aanbod.loc[~werkelijk, 'verhuringen_herkomst'])})"
        if not werkelijk.any():
            return geschat
        return (f"werkelijke verhuringen voor {tekst.opsomming([tekst.veilig(namen[c]) for c in aanbod.index[werkelijk]])}, "
                f"elders {geschat}")

    def per_gemeente(self, indicator: str, kolom: str) -> pd.DataFrame:
        """One indicator per gemeente of the area from kerncijfers: gemeente, value (as ``kolom``), tier, source."""
        cijfers = kaartcijfers.per_gemeente(self.kern, indicator, self.p.scenario, self.p.peiljaar)
        return cijfers.rename(columns={"waarde": kolom}).reindex(self.codes)

    @property
    def met_kaart(self) -> bool:
        """Whether the area gets maps: one gemeente is no map (its table says it all)."""
        return len(self.codes) >= kaarten.MINIMUM_GEMEENTEN

    def kaart(self, cijfers: pd.DataFrame, kolom: str, titel: str, legenda: str, procenten: bool = False,
              tweezijdig: bool = False, variant: str | None = None) -> Kaart:
        """A map per gemeente of one column of ``cijfers`` (rows of kerncijfers), with the same figures in a table.

        ``kolom`` is the kerncijfers indicator (or 'verschil' with its ``variant``): the classes come from its
        figures for the whole region, so every report of one region shares one scale.
        """
        tabel = cijfers.set_index("gemeente")[[c for c in cijfers.columns if c not in ("gemeente", "herkomst", "bron")]]
        tabel = tabel.assign(herkomst=cijfers["herkomst"].map(lambda h: f"{TEKENS.get(h, '')} {h}".strip()).to_numpy())
        schaal = kaartcijfers.regiowaarden(self.analyse, kolom, variant)
        fig = kaarten.choropleet(cijfers[kolom], titel, legenda, procenten, tweezijdig, schaal=schaal)
        return Kaart(
            None if fig is None else svg(fig), f"Kaart: {titel}. De cijfers staan in de tabel ernaast.",
            Tabel(tabel, procenten=[kolom] if procenten else [],
                  bijschrift=f"{titel} (scenario {self.p.scenario}, {self.p.peiljaar})",
                  opmerking="Dezelfde cijfers als de kaart en kerncijfers.csv; '.' = afgeschermd, 'n.b.' = geen gegevens."),
        )
