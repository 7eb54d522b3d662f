"""The chapters of the prototype format. A notebook cell calls one method and shows what it returns.

    rapport = Rapport.uit_notebook("woonzorganalyse", globals())
    rapport.samenvatting()

Every count of people in a table or chart passes through disclosure control first.
"""

from __future__ import annotations

import io
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
from woonzorg_lib.analyse import Analyse, analyseer, verdeling_over_deelregios
from woonzorg_lib.data.basis import basisgegevens, per_gemeente
from woonzorg_lib.data.bronnen import bronnen
from woonzorg_lib.model.doelgroepen import DOELGROEPEN, ONDERWERPEN
from woonzorg_lib.model.vraag import per_doelgroep
from woonzorg_lib.monitor import vergelijk
from woonzorg_lib.opmaak import kengetal, procent
from woonzorg_lib.parameters import SJABLONEN, valideer_parameters
from woonzorg_lib.rapport import grafieken, publicatie, tekst
from woonzorg_lib.rapport.stijl import TEKENS, UITLEG_TEKENS
from woonzorg_lib.rapport.uitvoer import schrijf_uitvoer

SCENARIOS = ["laag", "midden", "hoog"]


class Onderdelen(list):
    """Parts of a chapter (Markdown, HTML, PNG images) that show themselves in a notebook."""

    def _ipython_display_(self) -> None:
        for deel in self:
            display(deel)


def _png(fig: plt.Figure) -> Image:
    """The chart as PNG; its title is the alternative text for readers who cannot see it."""
    titels = [ax.get_title(loc=plek) for ax in fig.axes[:1] for plek in ("left", "center", "right")]
    titel = next((t for t in titels if t), "Grafiek")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return Image(data=buffer.getvalue(), format="png", metadata={"alt": titel})


def _naam(doelgroep: str) -> str:
    return DOELGROEPEN[doelgroep].naam


class Rapport:
    """The report of one analysis; the unit of comparison is the gemeente, or the deelregio in the overview."""

    def __init__(self, analyse: Analyse, eenheid: str = "gemeente") -> None:
        self.analyse = analyse
        self.p = analyse.parameters
        self.eenheid = eenheid
        self.drempel = analyse.parameters.drempel_onthulling

    @classmethod
    def uit_notebook(cls, sjabloon: str, naamruimte: Mapping[str, Any]) -> Rapport:
        """Validate the parameters a notebook holds (defaults or injected by papermill) and run the model."""
        velden = SJABLONEN[sjabloon].model_fields
        parameters = valideer_parameters(sjabloon, {k: naamruimte[k] for k in velden if k in naamruimte})
        return cls(analyseer(parameters), "deelregio" if sjabloon == "regio-overzicht" else "gemeente")

    # --- data for the chapters -----------------------------------------------------------

    def _eenheden(self, tabel: pd.DataFrame) -> pd.Series:
        indeling = self.analyse.regio.indeling().set_index("gemeentecode")
        kolom = "gemeentenaam" if self.eenheid == "gemeente" else "deelregio"
        return tabel["gemeentecode"].astype(str).map(indeling[kolom])

    def _volgorde(self) -> list[str]:
        indeling = self.analyse.regio.indeling()
        kolom = "gemeentenaam" if self.eenheid == "gemeente" else "deelregio"
        return list(dict.fromkeys(indeling[kolom]))

    def _vraag(self, jaar: int | None = None) -> pd.DataFrame:
        vraag = self.analyse.vraag
        return vraag[vraag["jaar"] == (jaar or self.p.peiljaar)]

    def _per_doelgroep(self) -> pd.DataFrame:
        tabel = per_doelgroep(self._vraag())
        tabel["betrouwbaarheid"] = tabel.pop("herkomst").map(TEKENS)
        return tabel.rename(index=_naam).rename_axis("doelgroep")

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
        ontbrekend = self.analyse.ontbrekend
        return list(ontbrekend.loc[ontbrekend["gemeenten_zonder_gegevens"] > 0, "naam"])

    def _verdeling(self) -> pd.DataFrame:
        if self.eenheid == "deelregio":
            return verdeling_over_deelregios(self.analyse).set_index("deelregio")
        verdeling = self.analyse.verdeling.set_index("gemeentenaam").drop(columns=["gemeentecode", "deelregio"])
        return verdeling.rename_axis("gemeente")

    # --- chapters ---------------------------------------------------------------------

    def samenvatting(self) -> Onderdelen:
        """1. Bestuurlijke samenvatting: the task per group, the claim, load against fair share, decisions."""
        regio = self.analyse.regio_per_scenario()
        gevoelig = self.analyse.gevoeligheid
        verdeling = self._verdeling()
        varianten = [k for k in verdeling.columns if k != "eigen_vraag"]
        claim = regio.loc["midden", "vraag_aandachtsgroepen"] / regio.loc["midden", "verhuringen"]
        # Only the aandachtsgroepen, so the total is the task the text states; older people have their own sentence.
        per_groep = self._per_doelgroep().drop(index=[d.naam for d in DOELGROEPEN.values() if not d.aandachtsgroep],
                                               errors="ignore")
        beschermd = publicatie.personen(per_groep[SCENARIOS], self.drempel, rijtotaal=False)
        beschermd["betrouwbaarheid"] = per_groep["betrouwbaarheid"].reindex(beschermd.index).fillna("")
        belasting = pd.DataFrame({
            "huidige belasting (eigen vraag)": publicatie.cijfers(
                publicatie.personen(verdeling[["eigen_vraag"]], self.drempel, rijtotaal=False, kolomtotaal=False)
            )["eigen_vraag"],
            f"fair share ({varianten[0]})": verdeling[varianten[0]],
        })
        return Onderdelen([
            Markdown(tekst.samenvatting(
                self.analyse.regio.naam, self.p.peiljaar, self.p.doeljaar,
                regio["vraag_aandachtsgroepen"].to_dict(), regio.loc["midden", "verhuringen"],
                self.p.aandeel_verhuringen_aandachtsgroepen, regio["tekort"].to_dict(),
                regio.loc["midden", "vraag_ouderen"], self._zonder_gegevens(),
                gevoelig["omschrijving"].iloc[0] if len(gevoelig) else None,
            )),
            HTML(publicatie.html_tabel(beschermd, bijschrift="Woningen per jaar voor de aandachtsgroepen (laag – midden – hoog)")),
            Markdown(UITLEG_TEKENS),
            _png(grafieken.groepen(belasting, f"Huidige belasting tegen fair share per {self.eenheid}",
                                   "woningen per jaar")),
            Markdown("**Gevraagde besluiten**\n\n" + tekst.besluiten(
                varianten, claim, self.p.aandeel_verhuringen_aandachtsgroepen, self._zonder_gegevens())),
        ])

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
                f"Deze analyse gaat over **{tekst.veilig(regio.naam)}**: {len(regio.gemeentecodes)} gemeenten in "
                f"{len(regio.deelregios)} deelregio{'' if len(regio.deelregios) == 1 else chr(39) + 's'}, "
                f"peiljaar {self.p.peiljaar}, doeljaar {self.p.doeljaar}, scenario {self.p.scenario}. "
                "Alle groepen volgen dezelfde definities, zodat de cijfers van gemeenten, deelregio's en de "
                "regio optellen en vergelijkbaar zijn."
            ),
            HTML(publicatie.html_tabel(gemeenten.set_index("CBS-code"), bijschrift="Gemeenten")),
            HTML(publicatie.html_tabel(groepen, bijschrift="Doelgroepen en hun definitie")),
        ])

    def bevolking(self) -> Onderdelen:
        """3. Bevolking en vergrijzing: age cohorts per gemeente (or deelregio), with where the figures come from."""
        lang_basis = basisgegevens(self.analyse.editie)
        codes = list(self.analyse.regio.gemeentecodes)
        basis = per_gemeente(lang_basis).reindex(codes).reset_index()
        cohorten = {"inwoners_65_74": "65-74 jaar", "inwoners_75_84": "75-84 jaar", "inwoners_85plus": "85 jaar en ouder"}
        lang = basis.melt(id_vars="gemeentecode", value_vars=list(cohorten), var_name="cohort", value_name="aantal")
        tabel = self._per_eenheid(lang, "aantal", "cohort")[list(cohorten)].rename(columns=cohorten)
        herkomst = lang_basis[lang_basis["gemeentecode"].isin(codes) & lang_basis["indicator"].isin(list(cohorten))]
        bronnen_tekst = "; ".join(
            f"{'**schatting**' if soort == 'schatting' else soort} voor {aantal} gemeente{'n' if aantal > 1 else ''}: "
            f"{tekst.veilig(bron)}"
            for (soort, bron), aantal in herkomst.groupby(["herkomst", "bron"])["gemeentecode"].nunique().items()
        )
        geschat = (herkomst["herkomst"] == "schatting").any()
        return Onderdelen([
            Markdown(
                f"Het aantal 75-plussers in het gebied is ongeveer **{tekst.rond(tabel.iloc[:, 1:].sum().sum())}** "
                f"(peildatum {', '.join(sorted(set(herkomst['peildatum'])))}). Herkomst van de cijfers per "
                f"leeftijdsgroep: {bronnen_tekst}. Voor de doeljaren geldt de bevolking van de peildatum; een "
                "prognose naar leeftijd per gemeente zit niet in de gebruikte gegevens."
            ),
            _png(grafieken.gestapeld(tabel, f"Inwoners van 65 jaar en ouder per {self.eenheid}"
                                     + (" (schatting)" if geschat else ""), "inwoners")),
            HTML(publicatie.html_tabel(publicatie.woningen(tabel), bijschrift="Inwoners naar leeftijdsgroep (afgerond)")),
        ])

    def vraag(self) -> Onderdelen:
        """4. Vraag per doelgroep: per gemeente, in homes and persons, with the range."""
        vraag = self._vraag()
        midden = vraag[vraag["scenario"] == self.p.scenario]
        woningen = self._per_eenheid(midden.assign(doelgroep=midden["doelgroep"].map(_naam)), "woningen", "doelgroep")
        personen = midden[midden["personen"].notna()]
        personen = self._per_eenheid(personen.assign(doelgroep=personen["doelgroep"].map(_naam)), "personen", "doelgroep")
        per_groep = self._per_doelgroep()
        beschermd_personen, beschermd_woningen = publicatie.personen_en_woningen(personen, woningen, self.drempel)
        return Onderdelen([
            Markdown(
                "De vraag per doelgroep in woningen per jaar. De balken tonen het middenscenario, de lijnen de "
                "bandbreedte van laag tot hoog. " + UITLEG_TEKENS
            ),
            _png(grafieken.bandbreedte(per_groep[SCENARIOS].rename(
                index=lambda n: f"{n} {per_groep.loc[n, 'betrouwbaarheid']}"), "Vraag per doelgroep", "woningen per jaar")),
            HTML(publicatie.html_tabel(beschermd_woningen,
                                       bijschrift=f"Woningen per jaar per {self.eenheid} (scenario {self.p.scenario})")),
            HTML(publicatie.html_tabel(beschermd_personen,
                                       bijschrift=f"Personen per jaar per {self.eenheid} (scenario {self.p.scenario})")),
        ])

    def aanbod(self) -> Onderdelen:
        """5. Aanbod: social stock, lettings, the agreed share and new supply."""
        aanbod = self.analyse.aanbod.reset_index()
        kolommen = {"corporatiewoningen": "sociale huurvoorraad", "verhuringen": "verhuringen per jaar",
                    "beschikbaar": "voor aandachtsgroepen", "nieuw_aanbod": "nieuw aanbod per jaar"}
        tabel = pd.concat([self._per_eenheid(aanbod, k) for k in kolommen], axis=1).rename(columns=kolommen)
        tabel.loc["Totaal"] = tabel.sum()
        herkomst = self.analyse.invoer
        voorraad = herkomst.loc[herkomst["onderwerp"] == "corporatiewoningen", "herkomst"].value_counts()
        ingevuld = int(self.analyse.aanbod["nieuw_aanbod_ingevuld"].sum())
        delen = pd.DataFrame({
            "voor aandachtsgroepen": tabel["voor aandachtsgroepen"],
            "overige verhuringen": tabel["verhuringen per jaar"] - tabel["voor aandachtsgroepen"],
        }).drop(index="Totaal")
        return Onderdelen([
            Markdown(
                f"Verhuringen = sociale huurvoorraad × mutatiegraad "
                f"({kengetal(self.analyse.kengetallen.loc['mutatiegraad', 'midden'])}), tenzij werkelijke verhuringen "
                f"zijn ingevoerd. Afgesproken aandeel voor aandachtsgroepen: "
                f"{procent(self.p.aandeel_verhuringen_aandachtsgroepen)}. Herkomst van de voorraad: "
                + ", ".join(f"{n}× {k}" for k, n in voorraad.items())
                + f". Nieuw aanbod is voor {ingevuld} van de {len(self.analyse.aanbod)} gemeenten ingevuld; "
                "niet ingevuld telt als 0."
            ),
            _png(grafieken.gestapeld(delen, "Verhuringen per jaar", "woningen per jaar")),
            HTML(publicatie.html_tabel(publicatie.woningen(tabel), bijschrift="Aanbod per jaar (afgerond)")),
        ])

    def confrontatie(self) -> Onderdelen:
        """6. Confrontatie: gap and claim per gemeente, and the cumulative gap over the years."""
        conf = self._conf()
        gemeenten = conf[conf["niveau"] == "gemeente"]
        kolommen = ["vraag_aandachtsgroepen", "beschikbaar", "nieuw_aanbod", "tekort"]
        tabel = pd.concat([self._per_eenheid(gemeenten, k) for k in kolommen + ["verhuringen"]], axis=1)
        claim = (tabel["vraag_aandachtsgroepen"] / tabel["verhuringen"]).rename("claim")
        regio = self.analyse.confrontatie
        regio = regio[regio["niveau"] == "regio"].pivot_table(index="jaar", columns="scenario", values="tekort")
        cumulatief = regio.cumsum()
        getoond = publicatie.woningen(tabel[kolommen].clip(lower=0).assign(tekort=tabel["tekort"]))
        getoond.columns = ["vraag", "uit verhuringen", "nieuw aanbod", "tekort"]
        getoond["claim"] = claim
        return Onderdelen([
            Markdown(
                "Tekort = vraag − verhuringen × afgesproken aandeel − nieuw aanbod; een negatief tekort is een "
                "overschot. De claim is de vraag als deel van alle verhuringen: ligt die boven het afgesproken "
                "aandeel, dan past de opgave niet binnen de afspraak."
            ),
            _png(grafieken.groepen(claim.to_frame("claim"), f"Claim op de verhuringen per {self.eenheid}", "claim",
                                   lijn=self.p.aandeel_verhuringen_aandachtsgroepen, procenten=True)),
            HTML(publicatie.html_tabel(getoond, procenten=["claim"],
                                       bijschrift=f"Woningen per jaar (scenario {self.p.scenario}, afgerond op vijftallen)")),
            _png(grafieken.over_jaren(cumulatief, "Opgeteld tekort aandachtsgroepen in de regio", "woningen (cumulatief)")),
        ])

    def verdeling(self) -> Onderdelen:
        """7. Verdeling: the fair-share variants side by side against the current load."""
        verdeling = self._verdeling()
        eigen = publicatie.cijfers(publicatie.personen(verdeling[["eigen_vraag"]], self.drempel, rijtotaal=False,
                                                        kolomtotaal=False))["eigen_vraag"]
        tabel = verdeling.drop(columns="eigen_vraag").copy()
        tabel.insert(0, "huidige belasting (eigen vraag)", eigen)
        sleutels = "; ".join(
            f"*{tekst.veilig(naam)}*: " + ", ".join(f"{k.replace('_', ' ')} {kengetal(w)}" for k, w in gewichten.items())
            for naam, gewichten in self.p.verdeelsleutels.items()
        )
        plafond = (f" Plafond: hoogstens {procent(self.p.plafond_aandeel_verhuringen)} van de eigen verhuringen."
                   if self.p.plafond_aandeel_verhuringen else "")
        getoond = tabel.copy()
        getoond.loc["Totaal"] = tabel.sum()
        return Onderdelen([
            Markdown(
                f"De jaarlijkse opgave voor aandachtsgroepen ({tekst.rond(verdeling['eigen_vraag'].sum())} woningen, "
                f"scenario {self.p.scenario}) verdeeld volgens de varianten — {sleutels}.{plafond} De huidige "
                f"belasting is de vraag die nu uit elke {self.eenheid} zelf komt. Fair-share doelen zijn hele woningen "
                "en tellen precies op tot de opgave."
            ),
            _png(grafieken.groepen(tabel, f"Fair share per {self.eenheid}: varianten naast elkaar", "woningen per jaar")),
            HTML(publicatie.html_tabel(
                getoond, bijschrift="Fair share per jaar",
                opmerking="Huidige belasting afgerond op vijftallen ('.' = afgeschermd); fair-share doelen zijn hele "
                          "woningen die precies optellen tot de afgeronde opgave.")),
        ])

    def gevoeligheid(self) -> Onderdelen:
        """8. Gevoeligheid: which assumption moves the regional gap most."""
        tornado = self.analyse.gevoeligheid
        tabel = tornado.set_index("omschrijving")[["waarde_laag", "waarde_hoog", "uitkomst_laag", "uitkomst_hoog"]]
        tabel = tabel.assign(waarde_laag=tabel["waarde_laag"].map(kengetal), waarde_hoog=tabel["waarde_hoog"].map(kengetal),
                             uitkomst_laag=tabel["uitkomst_laag"].round(), uitkomst_hoog=tabel["uitkomst_hoog"].round())
        tabel.columns = ["lage waarde", "hoge waarde", "tekort bij laag", "tekort bij hoog"]
        return Onderdelen([
            Markdown(
                f"Het tekort aan woningen voor aandachtsgroepen in {self.p.doeljaar} (middenscenario) als telkens "
                "één aanname naar haar lage en hoge waarde gaat en de rest gelijk blijft. Bovenaan de aanname met "
                "het grootste effect: daar loont een beter lokaal cijfer het meest."
            ),
            _png(grafieken.tornado(tornado, "Gevoeligheid van het regionale tekort", f"tekort in {self.p.doeljaar}")),
            HTML(publicatie.html_tabel(tabel, bijschrift="Gevoeligheid per aanname")),
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
        velden = type(self.p).model_fields
        parameters = pd.DataFrame([
            {"parameter": naam, "waarde": publicatie.parameterwaarde(naam, waarde),
             "betekenis": velden[naam].description}
            for naam, waarde in self.p.model_dump().items()
        ]).set_index("parameter")
        pakketten = ", ".join(f"{p} {version(p)}" for p in ("pandas", "seaborn", "papermill", "nbconvert", "pydantic"))
        gebruikt = (f"data-editie **{editie.naam}** (vernieuwd uit CBS StatLine; de cijfers daaruit vervangen de "
                    "meegeleverde cijfers en schattingen van dezelfde gemeenten)" if editie else
                    "de meegeleverde gegevens (editie 'bundel')")
        return Onderdelen([
            Markdown(f"**Gegevens.** Deze analyse gebruikt {gebruikt}. CBS publiceert onder CC BY 4.0 (Bron: CBS)."),
            *([HTML(publicatie.html_tabel(cbs.set_index("CBS-tabel"), bijschrift=f"CBS-tabellen van editie {editie.naam}"))]
              if editie else []),
            HTML(publicatie.html_tabel(tabellen, bijschrift="Gebundelde gegevens")),
            HTML(publicatie.html_tabel(kengetallen.set_index("omschrijving"), bijschrift="Kengetallen")),
            HTML(publicatie.html_tabel(herkomst, bijschrift="Herkomst van de ingevoerde cijfers (aantal gemeenten)")),
            HTML(publicatie.html_tabel(parameters, bijschrift="Parameters van deze analyse")),
            Markdown(
                f"**Onthullingsbeveiliging.** Aantallen personen uit kwetsbare groepen zijn afgerond op vijftallen; "
                f"cellen onder {self.drempel} staan als '.', en waar nodig is een tweede cel afgeschermd zodat geen "
                "cel uit een totaal is terug te rekenen. Totalen kunnen door afronding afwijken van de som.\n\n"
                f"**Software.** woonzorg {__version__}; Python {platform.python_version()}; {pakketten}."
            ),
        ])


UITVOERMAP = "WOONZORG_UITVOERMAP"


def bewaar_uitvoer(rapport: Rapport) -> list[str]:
    """In a batch run, write tabellen.xlsx, kerncijfers.csv and samenvatting.json where the runner asks.

    The runner names the folder in the environment variable WOONZORG_UITVOERMAP; run
    interactively, or with the plain papermill CLI, this does nothing.
    """
    map_ = os.environ.get(UITVOERMAP)
    if not map_:
        return []
    return [str(p) for p in schrijf_uitvoer(rapport.analyse, Path(map_))]

