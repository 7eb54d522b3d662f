"""The chapters of the prototype format. A notebook cell calls one method and shows what it returns.

    rapport = Rapport.uit_notebook("woonzorganalyse", globals())
    rapport.samenvatting()

Every count of people in a table or chart passes through disclosure control first.
"""

from __future__ import annotations

import os
import platform
from collections.abc import Mapping
from importlib.metadata import version
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML, Image, Markdown, display

from woonzorg_lib import __version__
from woonzorg_lib.algemeen.opmaak import aantal_deelregios, aantal_gemeenten, getal, kengetal, procent
from woonzorg_lib.analyse.doorrekenen import analyseer
from woonzorg_lib.analyse.invoercijfers import invoercijfers
from woonzorg_lib.analyse.monitor import vergelijk
from woonzorg_lib.analyse.parameters import AANDACHTSGROEPEN, SJABLONEN, valideer_parameters
from woonzorg_lib.analyse.resultaat import Analyse
from woonzorg_lib.analyse.verdelen import verdeling_per_deelregio
from woonzorg_lib.data.basis import basisgegevens, bevolking, per_gemeente
from woonzorg_lib.data.bronnen import bronnen
from woonzorg_lib.data.edities import PROGNOSE
from woonzorg_lib.data.schattingen import groei_65plus
from woonzorg_lib.model.doelgroepen import DOELGROEPEN, ONDERWERPEN
from woonzorg_lib.model.onthulling import ONBEKEND, TOTAAL, VERBORGEN
from woonzorg_lib.model.vraag import RANG, per_doelgroep
from woonzorg_lib.rapport import grafieken, kaartcijfers, kaarten, publicatie, tekst
from woonzorg_lib.rapport.kerncijfers import kerncijfers
from woonzorg_lib.rapport.parameterzinnen import parameterzinnen
from woonzorg_lib.rapport.stijl import TEKENS, UITLEG_TEKENS, png
from woonzorg_lib.rapport.uitvoer import schrijf_uitvoer

SCENARIOS = ["laag", "midden", "hoog"]
NIET_VARIANT = ("eigen_vraag", "huidige_belasting")  # columns of a distribution table that are no key mix


class Onderdelen(list):
    """Parts of a chapter (Markdown, HTML, PNG images) that show themselves in a notebook."""

    def _ipython_display_(self) -> None:
        for deel in self:
            display(deel)


def _png(fig: plt.Figure) -> Image:
    """The chart as PNG; its title is the alternative text for readers who cannot see it."""
    titels = [ax.get_title(loc=plek) for ax in fig.axes[:1] for plek in ("left", "center", "right")]
    titel = next((t for t in titels if t), "Grafiek")
    return Image(data=png(fig), format="png", metadata={"alt": titel})


def _naam(doelgroep: str) -> str:
    return DOELGROEPEN[doelgroep].naam


def _zwakste(herkomsten: pd.Series) -> str:
    """The weakest tier among herkomsten (register < schatting < aanname)."""
    return max(herkomsten.astype(str), key=RANG.__getitem__)


def _met_herkomst(tabel: pd.DataFrame, herkomst: pd.Series) -> pd.DataFrame:
    """The table with a column of tier marks per row; a "Totaal" row gets the weakest of all."""
    tabel = tabel.copy()
    herkomst = herkomst.reindex([r for r in tabel.index if r != "Totaal"])
    if "Totaal" in tabel.index:
        herkomst["Totaal"] = _zwakste(herkomst.dropna())
    tabel["herkomst"] = herkomst.reindex(tabel.index).map(TEKENS).fillna("")
    return tabel


class Rapport:
    """The report of one analysis; the unit of comparison is the gemeente, or the deelregio in the overview."""

    def __init__(self, analyse: Analyse, eenheid: str = "gemeente") -> None:
        self.analyse = analyse
        self.p = analyse.parameters
        self.eenheid = eenheid
        self.drempel = analyse.parameters.drempel_onthulling
        self._kern: pd.DataFrame | None = None

    @property
    def kern(self) -> pd.DataFrame:
        """kerncijfers.csv of this analysis, made once: maps, factsheets and files all read these rows."""
        if self._kern is None:
            self._kern = kerncijfers(self.analyse)
        return self._kern

    def _kaart(self, cijfers: pd.DataFrame, kolom: str, titel: str, legenda: str, procenten: bool = False,
               tweezijdig: bool = False) -> HTML:
        """A map per gemeente of one column of ``cijfers`` (rows of kerncijfers), with the same figures in a table."""
        tabel = cijfers.set_index("gemeente")[[c for c in cijfers.columns if c not in ("gemeente", "herkomst", "bron")]]
        tabel = tabel.assign(herkomst=cijfers["herkomst"].map(lambda h: f"{TEKENS.get(h, '')} {h}".strip()).to_numpy())
        html_tabel = publicatie.html_tabel(tabel, procenten=[kolom] if procenten else [],
                                           bijschrift=f"{titel} (scenario {self.p.scenario}, {self.p.peiljaar})",
                                           opmerking="Dezelfde cijfers als de kaart en kerncijfers.csv; '.' = "
                                                     "afgeschermd, 'n.b.' = geen gegevens.")
        fig = kaarten.choropleet(cijfers[kolom], titel, legenda, procenten, tweezijdig)
        return HTML(kaarten.naast_elkaar(fig, f"Kaart: {titel}. De cijfers staan in de tabel ernaast.", html_tabel))

    @classmethod
    def uit_notebook(cls, sjabloon: str, naamruimte: Mapping[str, Any]) -> Rapport:
        """Validate the parameters a notebook holds (defaults or injected by papermill) and run the model."""
        velden = SJABLONEN[sjabloon].model_fields
        parameters = valideer_parameters(sjabloon, {k: naamruimte[k] for k in velden if k in naamruimte})
        return cls.voor(sjabloon, analyseer(parameters))

    @classmethod
    def voor(cls, sjabloon: str, analyse: Analyse) -> Rapport:
        """The report a template makes of an analysis: an overview compares deelregio's, or gemeenten if one."""
        overzicht = sjabloon == "regio-overzicht" and len(analyse.geheel.deelregios) > 1
        return cls(analyse, "deelregio" if overzicht else "gemeente")

    # --- data for the chapters -----------------------------------------------------------

    def _eenheid(self) -> pd.Series:
        """Per gemeentecode of the area the unit it is counted in (its name, or its deelregio), in the report's order."""
        indeling = self.analyse.regio.indeling().set_index("gemeentecode")
        return indeling["gemeentenaam" if self.eenheid == "gemeente" else "deelregio"].rename(self.eenheid)

    def _eenheden(self, tabel: pd.DataFrame) -> pd.Series:
        return tabel["gemeentecode"].astype(str).map(self._eenheid())

    def _volgorde(self) -> list[str]:
        return list(dict.fromkeys(self._eenheid()))

    def _vraag(self, jaar: int | None = None) -> pd.DataFrame:
        vraag = self.analyse.vraag
        return vraag[vraag["jaar"] == (jaar or self.p.peiljaar)]

    def _per_doelgroep(self) -> pd.DataFrame:
        tabel = per_doelgroep(self._vraag())
        tabel["herkomst"] = tabel.pop("herkomst").map(TEKENS)
        return tabel.rename(index=_naam).rename_axis("doelgroep")

    def _beschermd(self, scenario: str, waarde: str = "woningen", jaar: int | None = None) -> pd.DataFrame:
        """The area's aandachtsgroepen per unit (gemeente or deelregio) and doelgroep, protected by the region's pattern."""
        vraag = self._vraag(jaar)
        vraag = vraag[(vraag["scenario"] == scenario) & vraag["doelgroep"].isin(AANDACHTSGROEPEN) & vraag[waarde].notna()]
        codes = list(self.analyse.regio.gemeentecodes)
        tabel = vraag.pivot_table(index=vraag["gemeentecode"].astype(str), columns=vraag["doelgroep"].astype(str),
                                  values=waarde, aggfunc="sum", observed=True).reindex(codes).rename_axis(columns=None)
        per = self.analyse.regio.indeling().set_index("gemeentecode")["deelregio"] if self.eenheid == "deelregio" else None
        beschermd = publicatie.volgens_patroon(tabel, self.analyse.beveiliging, self.analyse.totaalrij(), per)
        if per is None:
            beschermd = beschermd.rename(index=self.analyse.regio.indeling().set_index("gemeentecode")["gemeentenaam"])
        groepen = sorted((c for c in beschermd.columns if c != TOTAAL), key=_naam)
        return beschermd[[*groepen, TOTAAL]].rename(columns=lambda c: c if c == TOTAAL else _naam(c)).rename_axis(
            self.eenheid)

    def _conf(self, scenario: str | None = None, jaar: int | None = None) -> pd.DataFrame:
        conf = self.analyse.confrontatie
        return conf[(conf["scenario"] == (scenario or self.p.scenario)) & (conf["jaar"] == (jaar or self.p.peiljaar))]

    def _per_eenheid(self, tabel: pd.DataFrame, waarde: str, kolom: str | None = None) -> pd.DataFrame:
        gemeenten = tabel.assign(eenheid=self._eenheden(tabel))
        if kolom is None:
            som = gemeenten.groupby("eenheid", sort=False)[[waarde]].sum().reindex(self._volgorde())
            return som.rename_axis(self.eenheid)
        breed = gemeenten.pivot_table(index="eenheid", columns=kolom, values=waarde, aggfunc="sum", observed=True)
        return breed.reindex(self._volgorde()).rename_axis(index=self.eenheid, columns=None)

    def _zonder_gegevens(self) -> list[str]:
        gedekt = self.analyse.aandachtsgroepen_gedekt()
        return gedekt["gedeeltelijk"] + gedekt["geen"]

    def _herkomst_per_eenheid(self, tabel: pd.DataFrame) -> pd.Series:
        """The weakest herkomst per gemeente (or deelregio) of long rows with gemeentecode and herkomst."""
        return tabel.groupby(self._eenheden(tabel), sort=False)["herkomst"].agg(_zwakste)

    def _taak_herkomst(self) -> pd.DataFrame:
        """Every gemeente with the weakest tier of the regional task it shares in (fair share distributes that task)."""
        vraag = self._vraag()
        aandachtsgroepen = [k for k, d in DOELGROEPEN.items() if d.aandachtsgroep]
        taak = vraag[(vraag["scenario"] == self.p.scenario) & vraag["doelgroep"].isin(aandachtsgroepen)]
        return pd.DataFrame({"gemeentecode": list(self.analyse.regio.gemeentecodes), "herkomst": _zwakste(taak["herkomst"])})

    def _invoercijfers(self) -> pd.DataFrame:
        cijfers = invoercijfers(self.analyse).set_index("cijfer")
        cijfers["herkomst"] = cijfers["herkomst"].map(lambda h: f"{TEKENS[h]} {h}")
        return cijfers

    def _opmerking_verdeling(self) -> str:
        totaal = ("Totaal is het deel van dit gebied" if len(self.analyse.regio.gemeentecodes) <
                  len(self.analyse.geheel.gemeentecodes) else "Totaal is de regionale opgave")
        return (f"Fair-share doelen zijn hele woningen die over de hele regio precies optellen tot de regionale "
                f"opgave van {getal(self.analyse.taak())} woningen; {totaal}.")

    def _varianten(self, verdeling: pd.DataFrame) -> list[str]:
        return [k for k in verdeling.columns if k not in NIET_VARIANT and not k.endswith("(onder plafond)")]

    def _statushouders_zin(self) -> str:
        """The statutory taakstelling of the peiljaar, per half-year, exactly as art. 29 gives it."""
        taak = self.analyse.taakstelling
        jaar = taak[taak["jaar"] == self.p.peiljaar]
        delen = []
        for halfjaar, rijen in jaar.groupby("halfjaar", sort=True):
            per = rijen.groupby("scenario")[["personen", "landelijk"]].agg({"personen": "sum", "landelijk": "first"})
            if rijen["herkomst"].iloc[0] == "aanname":
                delen.append(
                    f"{halfjaar}: nog geen landelijk aantal gepubliceerd, aanname {getal(per.loc['laag', 'landelijk'])} "
                    f"tot {getal(per.loc['hoog', 'landelijk'])} (midden {getal(per.loc['midden', 'landelijk'])}) geeft "
                    f"{getal(per.loc['laag', 'personen'])} tot {getal(per.loc['hoog', 'personen'])} personen")
            else:
                delen.append(f"{halfjaar}: landelijk {getal(per.loc['midden', 'landelijk'])} geeft "
                             f"**{getal(per.loc['midden', 'personen'])} personen**")
        peildata = tekst.opsomming(sorted(set(jaar["peildatum_inwoners"])))
        return (f"**Statushouders.** De wettelijke taakstelling (art. 29 Huisvestingswet: landelijk aantal × "
                f"inwoners op 1 januari van het jaar ervoor ÷ inwoners van Nederland, naar boven afgerond; inwoners op "
                f"{peildata}) voor dit gebied in {self.p.peiljaar}: {'; '.join(delen)}. Zie Vraag per doelgroep.")

    def _verhuringen_herkomst(self) -> str:
        aanbod = self.analyse.aanbod
        werkelijk = aanbod["verhuringen_bron"] == "werkelijke verhuringen"
        namen = self.analyse.regio.indeling().set_index("gemeentecode")["gemeentenaam"]
        if werkelijk.all():
            return "werkelijke verhuringen voor alle gemeenten"
        geschat = f"sociale voorraad × mutatiegraad ({_zwakste(aanbod.loc[~werkelijk, 'verhuringen_herkomst'])})"
        if not werkelijk.any():
            return geschat
        return (f"werkelijke verhuringen voor {tekst.opsomming([tekst.veilig(namen[c]) for c in aanbod.index[werkelijk]])}, "
                f"elders {geschat}")

    def _ouderen_basis(self) -> str:
        basis = basisgegevens(self.analyse.editie)
        rijen = basis[basis["gemeentecode"].isin(self.analyse.regio.gemeentecodes) & (basis["indicator"] == "inwoners_75_84")]
        return (f"het aandeel 75-plussers op {tekst.opsomming(sorted(set(rijen['peildatum'])))} "
                f"({tekst.veilig(rijen['bron'].iloc[0])})")

    def _verdeling(self) -> pd.DataFrame:
        """This area's part of the one regional distribution: per gemeente, or per deelregio in the overview."""
        if self.eenheid == "deelregio":
            return verdeling_per_deelregio(self.analyse).set_index("deelregio")
        verdeling = self.analyse.verdeling.set_index("gemeentecode").loc[list(self.analyse.regio.gemeentecodes)]
        return verdeling.set_index("gemeentenaam").drop(columns="deelregio").rename_axis("gemeente")

    # --- chapters ---------------------------------------------------------------------

    def samenvatting(self) -> Onderdelen:
        """1. Bestuurlijke samenvatting: the task per group and what it covers, the claim, load against fair share, decisions."""
        regio = self.analyse.regio_per_scenario()
        gevoelig = self.analyse.gevoeligheid
        invoer = gevoelig[gevoelig["soort"] == "invoer"]
        verdeling = self._verdeling()
        varianten = self._varianten(verdeling)
        claim = regio.loc["midden", "vraag_aandachtsgroepen"] / regio.loc["midden", "verhuringen"]
        # Only the aandachtsgroepen, so the total is the task the text states; older people have their own sentence.
        per_groep = self._per_doelgroep()
        beschermd = pd.DataFrame({s: self._beschermd(s).loc["Totaal"] for s in SCENARIOS}).rename_axis("doelgroep")
        beschermd = pd.concat([beschermd.drop(index=TOTAAL), beschermd.loc[[TOTAAL]]])
        beschermd["herkomst"] = per_groep["herkomst"].reindex(beschermd.index).fillna("")
        beschermd.loc[TOTAAL, "herkomst"] = TEKENS[_zwakste(self._vraag()["herkomst"])]
        zonder = self.analyse.aandachtsgroepen_gedekt()["geen"]
        leeg = pd.DataFrame([[ONBEKEND] * len(SCENARIOS) + ["geen gegevens"]], columns=beschermd.columns, index=zonder)
        beschermd = pd.concat([beschermd.drop(index="Totaal"), leeg, beschermd.loc[["Totaal"]]]).rename_axis("doelgroep")
        onderdelen = [
            Markdown(tekst.samenvatting(
                self.analyse.regio.naam, self.p.peiljaar, self.p.doeljaar,
                regio["vraag_aandachtsgroepen"].to_dict(), regio.loc["midden", "verhuringen"],
                publicatie.verhuringen_gepubliceerd(self.analyse.aanbod), self._verhuringen_herkomst(),
                self.p.aandeel_verhuringen_aandachtsgroepen, regio["tekort"].to_dict(),
                regio.loc["midden", "vraag_ouderen"], self._ouderen_basis(), self.analyse.aandachtsgroepen_gedekt(),
                self._statushouders_zin(), invoer["omschrijving"].iloc[0] if len(invoer) else None,
            )),
            HTML(publicatie.html_tabel(
                beschermd, bijschrift=f"Woningen per jaar voor de aandachtsgroepen in {self.p.peiljaar} (laag – midden – hoog)",
                opmerking=f"{publicatie.OPMERKING_PATROON} '{ONBEKEND}' = geen gegevens: de groep telt niet mee in het "
                          "totaal, niet als 0.")),
            Markdown(UITLEG_TEKENS),
        ]
        if "huidige_belasting" in verdeling:
            belasting = pd.DataFrame({
                "huidige belasting (invoer)": publicatie.cijfers(publicatie.personen(
                    verdeling[["huidige_belasting"]], self.drempel, rijtotaal=False, kolomtotaal=False))["huidige_belasting"],
                f"fair share ({varianten[0]})": verdeling[varianten[0]],
            })
            onderdelen.append(_png(grafieken.groepen(
                belasting, f"Huidige belasting tegen fair share per {self.eenheid}", "woningen per jaar")))
        else:
            onderdelen.append(Markdown(tekst.belasting_onbekend(self.eenheid)))
        onderdelen.append(Markdown("**Gevraagde besluiten**\n\n" + tekst.besluiten(
            varianten, claim, self.p.aandeel_verhuringen_aandachtsgroepen, self._zonder_gegevens())))
        return Onderdelen(onderdelen)

    def afbakening(self) -> Onderdelen:
        """2. Afbakening: region, gemeenten, period, groups and their definitions."""
        regio = self.analyse.regio
        gemeenten = regio.indeling().rename(columns={"gemeentecode": "CBS-code", "gemeentenaam": "gemeente"})
        groepen = pd.DataFrame([
            {"doelgroep": d.naam, "definitie": d.definitie, "berekening": d.methode, "bron": d.bron}
            for d in DOELGROEPEN.values()
        ]).set_index("doelgroep")
        return Onderdelen([
            Markdown(
                f"Deze analyse gaat over **{tekst.veilig(regio.naam)}**: "
                f"{aantal_gemeenten(len(regio.gemeentecodes))} in {aantal_deelregios(len(regio.deelregios))}, "
                f"peiljaar {self.p.peiljaar}, doeljaar {self.p.doeljaar}, scenario {self.p.scenario}. "
                "Alle groepen volgen dezelfde definities, zodat de cijfers van gemeenten, deelregio's en de "
                "regio optellen en vergelijkbaar zijn."
            ),
            HTML(publicatie.html_tabel(gemeenten.set_index("CBS-code"), bijschrift="Gemeenten")),
            HTML(publicatie.html_tabel(groepen, bijschrift="Doelgroepen en hun definitie")),
        ])

    def bevolking(self) -> Onderdelen:
        """3. Bevolking en vergrijzing: age cohorts now and in the doeljaar, per gemeente (or deelregio), with their origin."""
        lang_basis = basisgegevens(self.analyse.editie)
        codes = list(self.analyse.regio.gemeentecodes)
        basis = per_gemeente(lang_basis).reindex(codes).reset_index()
        cohorten = {"inwoners_65_74": "65-74 jaar", "inwoners_75_84": "75-84 jaar", "inwoners_85plus": "85 jaar en ouder"}
        lang = basis.melt(id_vars="gemeentecode", value_vars=list(cohorten), var_name="cohort", value_name="aantal")
        tabel = self._per_eenheid(lang, "aantal", "cohort")[list(cohorten)].rename(columns=cohorten)
        herkomst = lang_basis[lang_basis["gemeentecode"].isin(codes) & lang_basis["indicator"].isin(list(cohorten))]
        peildatum = ", ".join(sorted(set(herkomst["peildatum"])))
        groei = groei_65plus(bevolking(self.analyse.editie), self.p.doeljaar).set_index("gemeentecode")["factor"].reindex(codes)
        toekomst = basis.set_index("gemeentecode")[list(cohorten)].sum(axis=1).mul(groei).rename("65+").reset_index()
        tabel[f"65+ op 1-1-{self.p.doeljaar} (trendschatting)"] = self._per_eenheid(toekomst, "65+")["65+"]
        prognose = self._prognose(codes)
        if prognose is not None:
            tabel[f"inwoners op 1-1-{self.p.doeljaar} (prognose PBL/CBS)"] = self._per_eenheid(prognose, "inwoners")["inwoners"]
        bronnen_tekst = "; ".join(
            f"{'**schatting**' if soort == 'schatting' else soort} voor {aantal_gemeenten(n)}: "
            f"{tekst.veilig(bron)}"
            for (soort, bron), n in herkomst.groupby(["herkomst", "bron"])["gemeentecode"].nunique().items()
        )
        geschat = (herkomst["herkomst"] == "schatting").any()
        gepubliceerd = herkomst.assign(exact=publicatie.gepubliceerd(herkomst["herkomst"]),
                                       cohort=herkomst["indicator"].map(cohorten))
        exact = gepubliceerd.groupby([self._eenheden(gepubliceerd), "cohort"])["exact"].all().unstack()
        getoond = _met_herkomst(publicatie.woningen(tabel, exact), self._herkomst_per_eenheid(herkomst))
        ouderen_exact = bool(exact[["75-84 jaar", "85 jaar en ouder"]].all().all())
        prognose_tekst = (
            f" De prognose voor {self.p.doeljaar} is de regionale bevolkingsprognose van PBL en CBS (totaal, niet naar "
            f"leeftijd): {tekst.veilig(prognose['bron'].iloc[0])}." if prognose is not None else
            " Een prognose naar leeftijd per gemeente publiceren PBL en CBS niet meer (ingetrokken in 2023); "
            "`woonzorg data vernieuwen` haalt wel de prognose van het totaal aantal inwoners op.")
        return Onderdelen([
            Markdown(
                f"Het aantal 75-plussers in het gebied is {'' if ouderen_exact else 'ongeveer '}"
                f"**{tekst.rond(tabel.iloc[:, 1:3].sum().sum(), ouderen_exact)}** "
                f"(peildatum {peildatum}). Herkomst van de cijfers per leeftijdsgroep: {bronnen_tekst}. "
                f"De kolom 65+ voor {self.p.doeljaar} is een **trendschatting**: "
                f"{tekst.veilig(groei_65plus(bevolking(self.analyse.editie), self.p.doeljaar)['bron'].iloc[0])}.{prognose_tekst} "
                f"De vraag van ouderen rekent met het aandeel 75-plussers op {peildatum}, omdat de landelijke doelen een "
                "vast totaal voor 2022-2030 zijn."
            ),
            _png(grafieken.gestapeld(tabel[list(cohorten.values())], f"Inwoners van 65 jaar en ouder per {self.eenheid}"
                                     + (" (schatting)" if geschat else ""), "inwoners")),
            HTML(publicatie.html_tabel(getoond, bijschrift="Inwoners naar leeftijdsgroep",
                                       opmerking=publicatie.OPMERKING_EXACT)),
        ])

    def _prognose(self, codes: list[str]) -> pd.DataFrame | None:
        """The edition's PBL/CBS prognosis of inhabitants on 1 January of the doeljaar, per gemeente, if it has one."""
        tabel = self.analyse.editie.lees(PROGNOSE) if self.analyse.editie else None
        if tabel is None:
            return None
        rijen = tabel[(tabel["jaar"] == self.p.doeljaar) & tabel["gemeentecode"].isin(codes)]
        return rijen if set(rijen["gemeentecode"]) == set(codes) else None

    def vraag(self) -> Onderdelen:
        """4. Vraag per doelgroep: per gemeente, in homes and persons, with the range and the statutory taakstelling."""
        vraag = self._vraag()
        midden = vraag[vraag["scenario"] == self.p.scenario]
        per_groep = self._per_doelgroep()
        beschermd_woningen = self._beschermd(self.p.scenario, "woningen")
        beschermd_personen = self._beschermd(self.p.scenario, "personen")
        ouderen = midden[~midden["doelgroep"].isin(AANDACHTSGROEPEN)]
        if len(ouderen):  # modelled from the national targets: shown, but apart from the aandachtsgroepen' total
            per = self._per_eenheid(ouderen, "woningen")["woningen"]
            per[TOTAAL] = per.sum()
            beschermd_woningen["Ouderen (niet in het totaal)"] = publicatie.woningen(per.to_frame())["woningen"]
        herkomst = self._herkomst_per_eenheid(midden)
        # The chart shows the published (protected) figures; older people's homes are modelled, not protected.
        grafiek = pd.DataFrame({s: publicatie.cijfers(self._beschermd(s).loc[[TOTAAL]]).iloc[0] for s in SCENARIOS})
        grafiek = grafiek.drop(index=TOTAAL)
        if len(ouderen):
            grafiek.loc[_naam("ouderen")] = per_groep.loc[_naam("ouderen"), SCENARIOS].astype(float).to_numpy()
        grafiek = grafiek.rename(index=lambda n: f"{n} {per_groep.loc[n, 'herkomst']}" if n in per_groep.index else n)
        return Onderdelen([
            Markdown(
                f"De vraag per doelgroep in woningen per jaar ({self.p.peiljaar}). De balken tonen het middenscenario, "
                f"de lijnen de bandbreedte van laag tot hoog. Een doelgroep zonder gegevens ontbreekt; een gemeente "
                f"zonder cijfer voor een doelgroep staat als {ONBEKEND} en telt niet mee. " + UITLEG_TEKENS
            ),
            _png(grafieken.bandbreedte(grafiek, "Vraag per doelgroep", "woningen per jaar")),
            HTML(publicatie.html_tabel(_met_herkomst(beschermd_woningen, herkomst),
                                       bijschrift=f"Woningen per jaar per {self.eenheid} (scenario {self.p.scenario})")),
            HTML(publicatie.html_tabel(
                _met_herkomst(beschermd_personen, herkomst),
                bijschrift=f"Personen per jaar per {self.eenheid} (scenario {self.p.scenario})",
                opmerking="Wie deze tabel telt: statushouders volgens de taakstelling; bij uitstroom beschermd wonen en "
                          "dak- en thuislozen alleen wie een woning nodig heeft; bij uitstroom MO, jeugdzorg en detentie "
                          "alle uitstromers (de woningentabel telt alleen het deel met woningbehoefte); vrouwenopvang "
                          "en urgenten in huishoudens. Ouderen staan alleen in de woningentabel. "
                          + beschermd_personen.attrs.get("opmerking", ""))),
            *self._taakstelling_tabel(),
        ])

    def _taakstelling_tabel(self) -> list[Any]:
        """The statutory taakstelling per gemeente and half-year: public figures, shown exactly (no rounding)."""
        taak = self.analyse.taakstelling
        taak = taak[(taak["scenario"] == self.p.scenario) & (taak["jaar"] <= self.p.peiljaar + 1)]
        tabel = self._per_eenheid(taak, "personen", "halfjaar").astype("int64")
        tabel.loc["Totaal"] = tabel.sum()
        landelijk = taak.groupby("halfjaar")[["landelijk", "herkomst", "peildatum_inwoners"]].first()
        kop = "; ".join(
            f"{h}: landelijk {getal(r['landelijk'])}, inwoners {r['peildatum_inwoners']}"
            + (" (**aanname**: geen gepubliceerd aantal)" if r["herkomst"] == "aanname" else "")
            for h, r in landelijk.iterrows()
        )
        return [
            Markdown(
                f"**Taakstelling vergunninghouders per halfjaar** (art. 29 Huisvestingswet, scenario "
                f"{self.p.scenario}). {kop}. Deze aantallen volgen uit openbare cijfers en de wettelijke rekenregel; "
                "ze zijn daarom niet afgerond of afgeschermd. Een gemeente kan een eigen taakstelling (uit de "
                "circulaire) of achterstand invullen in het invoerformat."
            ),
            HTML(publicatie.html_tabel(
                _met_herkomst(tabel, taak.groupby(self._eenheden(taak), sort=False)["herkomst"].agg(_zwakste)),
                bijschrift=f"Taakstelling vergunninghouders (personen) per {self.eenheid}")),
        ]

    def aanbod(self) -> Onderdelen:
        """5. Aanbod: social stock, lettings (with their origin), the agreed share and new supply."""
        aanbod = self.analyse.aanbod.reset_index()
        tabel = publicatie.aanbod(self.analyse.aanbod, self._eenheid())
        invoer = self.analyse.invoer
        voorraad = invoer.loc[invoer["onderwerp"] == "corporatiewoningen", "herkomst"].value_counts()
        ingevuld = int(self.analyse.aanbod["nieuw_aanbod_ingevuld"].sum())
        graden = self.analyse.aanbod["mutatiegraad"].dropna()
        graad = (kengetal(graden.iloc[0]) if graden.nunique() == 1 else
                 f"{kengetal(graden.min())} tot {kengetal(graden.max())} per gemeente") if len(graden) else "niet gebruikt"
        per = pd.concat([self._per_eenheid(aanbod, k) for k in ("verhuringen", "beschikbaar")], axis=1)
        delen = pd.DataFrame({"voor aandachtsgroepen": per["beschikbaar"],
                              "overige verhuringen": per["verhuringen"] - per["beschikbaar"]})
        herkomst = self._herkomst_per_eenheid(aanbod.rename(columns={"verhuringen_herkomst": "herkomst"}))
        return Onderdelen([
            Markdown(
                f"Verhuringen: {self._verhuringen_herkomst()}. De mutatiegraad is {graad} "
                f"({tekst.veilig(self.analyse.kengetallen.loc['mutatiegraad', 'bron'])}"
                + ("; per gemeente gezet in het parameterbestand" if self.p.mutatiegraad is not None else "")
                + f"). Afgesproken aandeel voor aandachtsgroepen: {procent(self.p.aandeel_verhuringen_aandachtsgroepen)}. "
                "Herkomst van de voorraad: "
                + tekst.opsomming([f"{k} voor {aantal_gemeenten(int(n))}" for k, n in voorraad.items()])
                + f". Nieuw aanbod is voor {ingevuld} van de {aantal_gemeenten(len(self.analyse.aanbod))} ingevuld; "
                "niet ingevuld telt als 0. De kolom herkomst geldt voor de verhuringen."
            ),
            _png(grafieken.gestapeld(delen, "Verhuringen per jaar", "woningen per jaar")),
            HTML(publicatie.html_tabel(_met_herkomst(tabel, herkomst), bijschrift="Aanbod per jaar")),
        ])

    def confrontatietabel(self) -> tuple[pd.DataFrame, pd.Series]:
        """The confrontation per unit as the report shows it (rounded, hidden by the pattern), and the claim."""
        conf = self._conf()
        gemeenten = conf[conf["niveau"] == "gemeente"]
        kolommen = ["vraag_aandachtsgroepen", "beschikbaar", "nieuw_aanbod", "tekort"]
        tabel = pd.concat([self._per_eenheid(gemeenten, k) for k in kolommen + ["verhuringen"]], axis=1)
        claim = (tabel["vraag_aandachtsgroepen"] / tabel["verhuringen"]).rename("claim")
        getoond = publicatie.woningen(tabel[kolommen].clip(lower=0).assign(tekort=tabel["tekort"]))
        getoond.columns = ["vraag", "uit verhuringen", "nieuw aanbod", "tekort"]
        getoond["claim"] = claim
        # A unit whose demand total the region's pattern hides shows no demand, gap or claim either (nor in the chart).
        indeling = self.analyse.regio.indeling()
        sleutel = indeling.set_index("gemeentenaam")["gemeentecode"] if self.eenheid == "gemeente" else pd.Series(
            dict.fromkeys(indeling["deelregio"])).index.to_series()
        verborgen = sleutel.map(self.analyse.beveiliging[TOTAAL]).reindex(getoond.index).fillna(False).astype(bool)
        getoond = getoond.astype(object)
        getoond.loc[verborgen, ["vraag", "tekort", "claim"]] = VERBORGEN
        return getoond, claim.mask(verborgen)

    def confrontatie(self) -> Onderdelen:
        """6. Confrontatie: gap and claim per gemeente (with the tier of demand and lettings), and the cumulative gap."""
        getoond, claim = self.confrontatietabel()
        regio = self.analyse.confrontatie
        regio = regio[regio["niveau"] == "regio"].pivot_table(index="jaar", columns="scenario", values="tekort")
        cumulatief = regio.cumsum()
        aandachtsgroepen = [k for k, d in DOELGROEPEN.items() if d.aandachtsgroep]
        vraag = self._vraag()
        vraag = vraag[(vraag["scenario"] == self.p.scenario) & vraag["doelgroep"].isin(aandachtsgroepen)]
        aanbod = self.analyse.aanbod.reset_index().rename(columns={"verhuringen_herkomst": "herkomst"})
        herkomst = self._herkomst_per_eenheid(pd.concat([vraag[["gemeentecode", "herkomst"]],
                                                         aanbod[["gemeentecode", "herkomst"]]]))
        return Onderdelen([
            Markdown(
                "Tekort = vraag − verhuringen × afgesproken aandeel − nieuw aanbod; een negatief tekort is een "
                "overschot. De claim is de vraag als deel van alle verhuringen: ligt die boven het afgesproken "
                "aandeel, dan past de opgave niet binnen de afspraak. De herkomst per rij is de zwakste van "
                "vraag en verhuringen. " + tekst.dekking_tekst(self.analyse.aandachtsgroepen_gedekt())
            ),
            _png(grafieken.groepen(claim.to_frame("claim"), f"Claim op de verhuringen per {self.eenheid}", "claim",
                                   lijn=self.p.aandeel_verhuringen_aandachtsgroepen, procenten=True)),
            HTML(publicatie.html_tabel(_met_herkomst(getoond, herkomst), procenten=["claim"],
                                       bijschrift=f"Woningen per jaar (scenario {self.p.scenario}, {self.p.peiljaar}, "
                                                  "afgerond op vijftallen)")),
            _png(grafieken.over_jaren(cumulatief, "Opgeteld tekort aandachtsgroepen in de regio", "woningen (cumulatief)")),
            HTML(publicatie.html_tabel(publicatie.woningen(cumulatief[[s for s in SCENARIOS if s in cumulatief]]),
                                       bijschrift="Opgeteld tekort aandachtsgroepen in de regio per jaar (woningen, "
                                                  "afgerond op vijftallen)")),
            Markdown("**Op de kaart.** De claim en het tekort per gemeente; de tabel naast elke kaart geeft dezelfde "
                     "cijfers."),
            self._kaart(self._per_gemeente("claim", "claim"), "claim", "Claim op de verhuringen per gemeente",
                        "claim (vraag ÷ verhuringen)", procenten=True),
            self._kaart(self._per_gemeente("tekort", "tekort"), "tekort", "Tekort per gemeente",
                        "tekort (woningen per jaar)"),
        ])

    def _per_gemeente(self, indicator: str, kolom: str) -> pd.DataFrame:
        """One indicator per gemeente of the area from kerncijfers: gemeente, value (as ``kolom``), tier, source."""
        cijfers = kaartcijfers.per_gemeente(self.kern, indicator, self.p.scenario, self.p.peiljaar)
        return cijfers.rename(columns={"waarde": kolom}).reindex(list(self.analyse.regio.gemeentecodes))

    def verdeling(self) -> Onderdelen:
        """7. Verdeling: this area's part of the one regional distribution, against the current load where it was entered."""
        verdeling = self._verdeling()
        varianten = self._varianten(verdeling)
        tabel = verdeling[varianten].copy()
        geheel = self.analyse.geheel
        taak = self.analyse.taak()
        sleutels = "; ".join(
            f"*{tekst.veilig(naam)}*: " + ", ".join(f"{k.replace('_', ' ')} {kengetal(w)}" for k, w in gewichten.items())
            for naam, gewichten in self.p.verdeelsleutels.items()
        )
        plafond = ""
        if self.p.plafond_aandeel_verhuringen:
            groepen = (tekst.opsomming([_naam(d) for d in self.p.plafond_doelgroepen]) if self.p.plafond_doelgroepen
                       else "de hele opgave")
            plafond = (f" Plafond: voor {groepen} hoogstens {procent(self.p.plafond_aandeel_verhuringen)} van de eigen "
                       "verhuringen van elke gemeente; wat erboven valt, gaat naar de gemeenten onder hun plafond.")
            over = {v: n for v, n in self.analyse.niet_geplaatst.items() if n > 0}
            if over:
                plafond += (" **Onder het plafond passen niet alle woningen**: " + "; ".join(
                    f"*{tekst.veilig(v)}*: {getal(n)} woningen per jaar" for v, n in over.items())
                    + ", omdat elke gemeente dan aan haar plafond zit. Die woningen zijn niet verdeeld.")
        deel = ""
        if self.eenheid == "gemeente" and len(self.analyse.regio.gemeentecodes) < len(geheel.gemeentecodes):
            som = tabel[varianten[0]].sum()
            deel = (f" Dit rapport toont het deel van {tekst.veilig(self.analyse.regio.naam)}: samen {getal(som)} "
                    f"woningen per jaar volgens *{tekst.veilig(varianten[0])}*, {procent(som / taak)} van de regionale "
                    "opgave. Het regio-overzicht en de rapporten van de andere deelregio's lezen hun deel uit dezelfde "
                    "verdeling.")
        onderdelen = [Markdown(
            f"De jaarlijkse opgave voor aandachtsgroepen van **{tekst.veilig(geheel.naam)}** ({getal(taak)} woningen, "
            f"scenario {self.p.scenario}, {self.p.peiljaar}) is één keer verdeeld over "
            f"{'de' if len(geheel.gemeentecodes) == 1 else 'alle'} {aantal_gemeenten(len(geheel.gemeentecodes))} van de "
            f"regio, volgens de varianten — {sleutels}.{plafond} Fair-share doelen zijn hele woningen "
            f"en tellen precies op tot de regionale opgave.{deel}"
            + (f" De doelen corrigeren de huidige belasting over {self.p.correctie_jaren} jaar." if self.p.correctie_jaren
               else "")
            + (" Kolommen '(binnen deelregio)' verdelen alleen de eigen opgave van de deelregio over haar gemeenten."
               if any("(binnen deelregio)" in v for v in varianten) else "")
        )]
        bekend = "huidige_belasting" in verdeling
        if bekend:
            belasting = publicatie.personen(verdeling[["huidige_belasting"]], self.drempel, rijtotaal=False)
            getoond = pd.concat([belasting.rename(columns={"huidige_belasting": "huidige belasting (invoer)"}),
                                 tabel.reindex(belasting.index)], axis=1)
            getoond.loc["Totaal", varianten] = tabel.sum()
            gepubliceerd = publicatie.cijfers(belasting)["huidige_belasting"]
            cijfers = gepubliceerd.drop(index="Totaal")
            aandelen = pd.DataFrame({  # from the published (rounded) figures: a share reveals nothing more
                "aandeel huidige belasting": cijfers / gepubliceerd["Totaal"],
                f"aandeel fair share ({varianten[0]})": tabel[varianten[0]] / tabel[varianten[0]].sum(),
            })
            herkomst = self.analyse.invoer
            herkomst = herkomst[herkomst["onderwerp"] == "huidige_belasting"]
            onderdelen += [
                Markdown(
                    "De huidige belasting is wat elke " + self.eenheid + " volgens het invoerformat nu per jaar "
                    "huisvest; daarnaast staat haar fair share. Het aandeel in de huidige belasting tegen het aandeel "
                    "in de fair share laat zien wie nu meer en wie minder draagt dan de gekozen sleutel vraagt."
                ),
                _png(grafieken.groepen(pd.concat([cijfers.rename("huidige belasting"), tabel], axis=1),
                                       f"Huidige belasting en fair share per {self.eenheid}", "woningen per jaar")),
                HTML(publicatie.html_tabel(
                    _met_herkomst(getoond, self._herkomst_per_eenheid(pd.concat([herkomst, self._taak_herkomst()]))),
                    bijschrift="Huidige belasting en fair share per jaar (uit de verdeling over de hele regio)",
                    opmerking="Huidige belasting afgerond op vijftallen ('.' = afgeschermd). "
                              + self._opmerking_verdeling())),
                HTML(publicatie.html_tabel(aandelen, procenten=list(aandelen.columns),
                                           bijschrift="Aandeel in de huidige belasting en in de fair share")),
            ]
        else:
            getoond = tabel.copy()
            getoond.loc["Totaal"] = tabel.sum()
            onderdelen += [
                Markdown(tekst.belasting_onbekend(self.eenheid)),
                _png(grafieken.groepen(tabel, f"Fair share per {self.eenheid}: varianten naast elkaar",
                                       "woningen per jaar")),
                HTML(publicatie.html_tabel(_met_herkomst(getoond, self._herkomst_per_eenheid(self._taak_herkomst())),
                                           bijschrift="Fair share per jaar (uit de verdeling over de hele regio)",
                                           opmerking=self._opmerking_verdeling())),
            ]
        variant = next(iter(self.p.verdeelsleutels))
        verschil = kaartcijfers.fair_share_min_vraag(self.kern, variant, self.p.scenario, self.p.peiljaar)
        onderdelen += [
            Markdown(f"**Op de kaart.** Fair share volgens *{tekst.veilig(variant)}* min de eigen vraag van elke "
                     "gemeente: positief betekent dat de gemeente meer woningen voor aandachtsgroepen levert dan haar "
                     "eigen inwoners vragen, negatief minder. Waar de eigen vraag is afgeschermd, is het verschil dat ook."),
            self._kaart(verschil.reindex(list(self.analyse.regio.gemeentecodes)), "verschil",
                        f"Fair share ({variant}) min eigen vraag per gemeente", "woningen per jaar", tweezijdig=True),
        ]
        return Onderdelen(onderdelen)

    def gevoeligheid(self) -> Onderdelen:
        """8. Gevoeligheid: which uncertain input moves the regional gap most, and apart from that the policy levers."""
        tornado = self.analyse.gevoeligheid

        def tabel(soort: str) -> pd.DataFrame:
            return publicatie.gevoeligheid(tornado[tornado["soort"] == soort])

        invoer = tornado[tornado["soort"] == "invoer"]
        return Onderdelen([
            Markdown(
                f"Het tekort aan woningen voor aandachtsgroepen in {self.p.doeljaar} (middenscenario) als telkens "
                "één aanname naar haar lage en hoge waarde gaat en de rest gelijk blijft. Eerst de **onzekere "
                "invoer**: landelijke aantallen, kengetallen en geschatte spreidingen, elk met de bron van het "
                "bereik. Bovenaan de invoer met het grootste effect: daar loont een beter lokaal cijfer het meest."
            ),
            _png(grafieken.tornado(invoer, "Gevoeligheid voor onzekere invoer",
                                   f"tekort in {self.p.doeljaar}")),
            HTML(publicatie.html_tabel(tabel("invoer"), bijschrift="Onzekere invoer: bereik, bron en effect")),
            Markdown(
                "Daarnaast de **beleidskeuzes**. Die zijn niet onzeker maar een besluit: een lokaal cijfer verandert "
                "ze niet. De tabel laat zien wat een andere keuze met het tekort doet."
            ),
            HTML(publicatie.html_tabel(tabel("beleidskeuze"), bijschrift="Beleidskeuzes en hun effect")),
        ])

    def monitor(self) -> Onderdelen:
        """9. Monitor: what changed against the analysis on the previous data edition."""
        vergelijking = vergelijk(self.analyse)
        if vergelijking is None:
            return Onderdelen([Markdown(
                "Deze analyse rekent met de meegeleverde gegevens (editie 'bundel'). Na "
                "`woonzorg data vernieuwen` vergelijkt dit hoofdstuk de nieuwe CBS-cijfers met de vorige editie."
            )])
        per_eenheid = {}
        for blok in ("vorige editie", "deze editie"):
            deel = vergelijking.per_gemeente[blok].reset_index()
            per_eenheid[blok] = publicatie.woningen(
                pd.concat([self._per_eenheid(deel, k) for k in deel.columns if k != "gemeentecode"], axis=1))
        per_eenheid["verschil"] = per_eenheid["deze editie"] - per_eenheid["vorige editie"]
        kolommen = list(per_eenheid["verschil"].columns)
        verschil = per_eenheid["verschil"].rename(columns=lambda k: f"{k}: verschil")
        tabel = pd.concat([per_eenheid["deze editie"], verschil], axis=1)[
            [c for k in kolommen for c in (k, f"{k}: verschil")]]
        tabel.loc["Totaal"] = tabel.sum()
        per_groep = publicatie.woningen(vergelijking.per_doelgroep[["vorige editie", "deze editie"]])
        per_groep["verschil"] = per_groep["deze editie"] - per_groep["vorige editie"]
        onderdelen = [
            Markdown(
                f"Deze analyse gebruikt data-editie **{vergelijking.huidige}**; de vorige editie voor dit gebied is "
                f"**{vergelijking.vorige}**. Beide zijn met dezelfde parameters doorgerekend (scenario "
                f"{self.p.scenario}, {self.p.peiljaar}); het verschil komt dus alleen uit de gegevens. "
                f"Woningen per jaar, afgerond op vijftallen."
            ),
            HTML(publicatie.html_tabel(tabel, bijschrift=f"Wat veranderde per {self.eenheid} (deze editie en het verschil)")),
            HTML(publicatie.html_tabel(per_groep, bijschrift="Vraag per doelgroep in het gebied (woningen per jaar, afgerond)")),
            HTML(publicatie.html_tabel(vergelijking.gegevens, bijschrift="Wat veranderde in de gegevens")),
        ]
        if len(vergelijking.kengetallen):
            kengetallen = vergelijking.kengetallen.copy()
            for kolom in ("midden vorige", "midden nu"):
                kengetallen[kolom] = kengetallen[kolom].map(kengetal)
            onderdelen.append(HTML(publicatie.html_tabel(kengetallen, bijschrift="Gewijzigde kengetallen")))
        return Onderdelen(onderdelen)

    def verantwoording(self) -> Onderdelen:
        """10. Verantwoording: sources, reference dates, kengetallen, parameters, data and software versions."""
        tabellen = pd.DataFrame([
            {"gegevens": b.titel, "bron": b.bron, "peildatum": b.peildatum, "licentie": b.licentie}
            for b in bronnen().values()
        ]).set_index("gegevens")
        editie = self.analyse.editie
        cbs = pd.DataFrame([
            {"CBS-tabel": t["tabel_id"], "titel": t["titel"], "perioden": ", ".join(t["perioden"].values()),
             "tabelversie": t["gewijzigd"][:10], "gedownload": t["gedownload"][:10], "adres": t["adres"]}
            for t in (editie.tabellen if editie else [])
        ])
        kengetallen = self.analyse.kengetallen.reset_index()[["omschrijving", "laag", "midden", "hoog", "herkomst", "bron"]]
        for kolom in SCENARIOS:
            kengetallen[kolom] = kengetallen[kolom].map(kengetal)
        invoer = self.analyse.invoer.assign(onderwerp=self.analyse.invoer["onderwerp"].map(
            lambda o: ONDERWERPEN[o].omschrijving))
        herkomst = invoer.pivot_table(index="onderwerp", columns="herkomst", values="gemeentecode", aggfunc="count")
        herkomst = herkomst.fillna(0).astype(int).rename_axis(columns=None)
        parameters = "\n".join(f"- {tekst.veilig(zin)}" for zin in parameterzinnen(self.p.model_dump()))
        pakketten = ", ".join(f"{p} {version(p)}" for p in ("pandas", "seaborn", "papermill", "nbconvert", "pydantic"))
        gebruikt = (f"data-editie **{editie.naam}** (vernieuwd uit CBS StatLine; de cijfers daaruit vervangen de "
                    "meegeleverde cijfers en schattingen van dezelfde gemeenten)" if editie else
                    "de meegeleverde gegevens (editie 'bundel')")
        return Onderdelen([
            Markdown(f"**Gegevens.** Deze analyse gebruikt {gebruikt}. CBS publiceert onder CC BY 4.0 (Bron: CBS)."),
            *([HTML(publicatie.html_tabel(cbs.set_index("CBS-tabel"), bijschrift=f"CBS-tabellen van editie {editie.naam}"))]
              if editie else []),
            *([Markdown("**Meldingen bij deze editie.**\n\n" + "\n".join(
                f"- {tekst.veilig(m)}" for m in editie.beschrijving.get("meldingen", [])))]
              if editie and editie.beschrijving.get("meldingen") else []),
            HTML(publicatie.html_tabel(tabellen, bijschrift="Gebundelde gegevens")),
            HTML(publicatie.html_tabel(self._invoercijfers(), bijschrift="Landelijke en gepubliceerde invoercijfers")),
            HTML(publicatie.html_tabel(kengetallen.set_index("omschrijving"), bijschrift="Kengetallen")),
            HTML(publicatie.html_tabel(herkomst, bijschrift="Herkomst van de ingevoerde cijfers (aantal gemeenten)")),
            Markdown(f"**Parameters van deze analyse** (uit het parameterbestand):\n\n{parameters}"),
            Markdown(
                f"**Onthullingsbeveiliging.** Aantallen personen uit kwetsbare groepen zijn afgerond op vijftallen; "
                f"cellen onder {self.drempel} staan als '.', en waar nodig is een tweede cel afgeschermd zodat geen "
                "cel uit een totaal is terug te rekenen. Totalen kunnen door afronding afwijken van de som.\n\n"
                f"**Software.** woonzorg {__version__}; Python {platform.python_version()}; {pakketten}."
            ),
        ])


UITVOERMAP = "WOONZORG_UITVOERMAP"


def bewaar_uitvoer(rapport: Rapport) -> list[str]:
    """In a batch run, write tabellen.xlsx, kerncijfers.csv, samenvatting.json and the factsheets where the runner asks.

    The runner names the folder in the environment variable WOONZORG_UITVOERMAP; run
    interactively, or with the plain papermill CLI, this does nothing.
    """
    map_ = os.environ.get(UITVOERMAP)
    if not map_:
        return []
    met_factsheets = rapport.eenheid == "gemeente"  # a factsheet per gemeente from each deelregio's run
    return [str(p) for p in schrijf_uitvoer(rapport.analyse, Path(map_), rapport.kern, met_factsheets)]

