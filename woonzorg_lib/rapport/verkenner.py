"""The explorer: open a parameter file, turn its assumptions with widgets, and see the report's figures follow at once.

    Verkenner(parameters, "woonzorganalyse").toon()

Every state of the widgets is a parameter set of the same template (``parameters()``), and
every figure comes from ``analyseer`` and the report's own tables and chart functions: the
explorer shows what a report made with those parameters shows. A slider carries the exact
value of the parameter file (its grid runs through that value), so nothing snaps. Stages
of the model that a slider does not touch are reused (``Tussenstand``) and the charts are
redrawn in place (``LevendeGrafiek``); chapters of the report are shown on request.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as w
import pandas as pd
import yaml
from IPython.display import display

from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.algemeen.opmaak import getal, procent
from woonzorg_lib.algemeen.paden import PROJECT_MAP, VERKENNER_PARAMETERS
from woonzorg_lib.analyse.doorrekenen import analyseer
from woonzorg_lib.analyse.parameters import SJABLONEN, VERDEELSLEUTELS, Basisparameters, lees_parameterbestand
from woonzorg_lib.analyse.resultaat import Analyse
from woonzorg_lib.analyse.tussenstand import Tussenstand
from woonzorg_lib.analyse.uitgangspunten import invoer_voor
from woonzorg_lib.analyse.verdelen import SLEUTELS_UIT_INVOER, gemeenten_zonder
from woonzorg_lib.data.catalogus import is_regiobestand
from woonzorg_lib.model.doelgroepen import SCENARIOS
from woonzorg_lib.rapport import grafieken, publicatie
from woonzorg_lib.rapport.hoofdstukken import Rapport
from woonzorg_lib.rapport.hoofdstukken.inhoud import INHOUD
from woonzorg_lib.rapport.hoofdstukken.selectie import varianten
from woonzorg_lib.rapport.hoofdstukken.weergave import weergaven
from woonzorg_lib.rapport.kerncijfers import bron_verhuringen, herkomst_totaal
from woonzorg_lib.rapport.levend import LevendeGrafiek
from woonzorg_lib.rapport.stijl import TEKENS, UITLEG_TEKENS
from woonzorg_lib.rapport.tekst import rond

EIGEN_MIX = "Eigen mix (verkenner)"
# The report's chapters the explorer offers: all but the monitor (it compares data editions, not settings).
HOOFDSTUKKEN = {k: titel for k, titel in INHOUD["woonzorganalyse"].items() if k != "monitor"}
# Keys whose figures every analysis has; the others only with a figure for every gemeente in the invoerformat.
ALTIJD = ("inwoners", "sociale_huurvoorraad", "verhuringen")
_STIJL = {"description_width": "18em"}
_BREED = w.Layout(width="40em")


def parameterbestanden(map_: Path = PROJECT_MAP / "parameters") -> list[str]:
    """The parameter files under a folder (region files left out), as paths relative to the project."""
    if not map_.is_dir():
        return []
    gevonden = [p for p in sorted(map_.rglob("*.yaml")) if not is_regiobestand(p)]
    return [str(p.relative_to(PROJECT_MAP)) if p.is_relative_to(PROJECT_MAP) else str(p) for p in gevonden]


def schuif_instellen(schuif: w.FloatSlider, waarde: float, laag: float, hoog: float, stap: float) -> None:
    """Put a slider on an exact value: its grid runs through the value, so the browser never snaps it.

    The readout shows as many decimals as value and step need (0,0696 reads 6,96%).
    """
    stappen = max(0, math.floor((waarde - laag) / stap + 1e-9))  # a value below the range starts the range
    with schuif.hold_trait_notifications():
        schuif.min, schuif.max = -1e9, 1e9  # first wide, so no intermediate state clips the value
        schuif.step = stap
        schuif.value = waarde
        schuif.min = round(waarde - stappen * stap, 12)
        schuif.max = round(max(hoog, waarde), 12)
    decimalen = max(_decimalen(waarde * 100), _decimalen(stap * 100))
    schuif.readout_format = f".{decimalen}%"


def _decimalen(getal: float) -> int:
    """Decimals a number needs (at most 4)."""
    return next((d for d in range(5) if abs(round(getal, d) - getal) < 1e-9), 4)


def met_aflezing(schuif: w.FloatSlider) -> w.HBox:
    """The slider with its value beside it in Dutch notation (6,96%; 0,35): the widget's own readout is English."""
    schuif.readout = False
    aflezing = w.Label(layout=w.Layout(min_width="6em"))

    def toon(_: object = None) -> None:
        formaat = schuif.readout_format
        decimalen = int(formaat.strip(".%f") or 0)
        aflezing.value = procent(schuif.value, decimalen) if formaat.endswith("%") else getal(schuif.value, decimalen)

    schuif.observe(toon, names=["value", "readout_format"])
    toon()
    return w.HBox([schuif, aflezing])


def waarde(schuif: w.FloatSlider) -> float:
    """The slider's value without the float noise of its grid (0.06960000000000001 → 0.0696)."""
    return round(float(schuif.value), 10)


class Verkenner:
    """Widgets around one parameter set; a change recomputes what it touches and redraws the charts in place."""

    def __init__(self, parameters: Basisparameters, sjabloon: str = "woonzorganalyse") -> None:
        self._tussenstand = Tussenstand()
        self._bezig = False
        self.laatste: Analyse | None = None
        self.bestand = w.Combobox(placeholder="pad naar een parameterbestand (.yaml)", options=parameterbestanden(),
                                  ensure_option=False, description="Parameterbestand", style=_STIJL, layout=_BREED)
        self.open_knop = w.Button(description="Open", tooltip="open dit parameterbestand in de verkenner")
        self.deelregio = w.Dropdown(description="Deelregio", style=_STIJL, layout=_BREED)
        self.scenario = w.ToggleButtons(options=list(SCENARIOS), description="Scenario", style=_STIJL)
        self.aandeel = w.FloatSlider(description="Aandeel verhuringen", style=_STIJL, layout=_BREED)
        self.mutatiegraad = w.FloatSlider(description="Mutatiegraad", style=_STIJL, layout=_BREED)
        self.plafond = w.FloatSlider(description="Plafond per gemeente (0 = geen)", style=_STIJL, layout=_BREED)
        self.gewichten: dict[str, w.FloatSlider] = {}
        self.gewichtenvak = w.VBox()
        self.hoofdstukken = w.SelectMultiple(options=[(n, k) for k, n in HOOFDSTUKKEN.items()], value=(),
                                             description="Hoofdstukken", style=_STIJL, rows=len(HOOFDSTUKKEN))
        self.melding = w.HTML()
        self.kerncijfers = w.HTML()
        self.claimgrafiek = w.Image(format="png", layout=w.Layout(max_width="820px"))
        self.verdeelgrafiek = w.Image(format="png", layout=w.Layout(max_width="820px"))
        self.als_bestand = w.Textarea(disabled=True, layout=w.Layout(width="60em", height="14em"))
        self.uitvoer = w.Output()
        self._claim = LevendeGrafiek(lambda tabel, lijn: grafieken.groepen(
            tabel, f"Claim op de verhuringen per {self.eenheid}", "claim", lijn=lijn, procenten=True))
        self._verdeling = LevendeGrafiek(lambda tabel, _: grafieken.groepen(
            tabel, f"Fair share per {self.eenheid}: varianten naast elkaar", "woningen per jaar"))
        self.zet(parameters, sjabloon)
        self.open_knop.on_click(lambda _: self.open(self.bestand.value))
        for knop in (self.deelregio, self.scenario, self.aandeel, self.mutatiegraad, self.plafond, self.hoofdstukken):
            knop.observe(self._gewijzigd, names="value")

    @classmethod
    def uit_notebook(cls, naamruimte: Mapping[str, Any], sjabloon: str = "woonzorganalyse") -> Verkenner:
        """The explorer on the parameters a notebook holds (its defaults, or injected by papermill or Voilà)."""
        import os

        from woonzorg_lib.analyse.parameters import valideer_parameters

        bestand = os.environ.get(VERKENNER_PARAMETERS)  # set by 'woonzorg verkenner PARAMETERS.yaml'
        if bestand:
            gelezen = lees_parameterbestand(Path(bestand))
            return cls(gelezen.parameters, gelezen.notebook)
        velden = SJABLONEN[sjabloon].model_fields
        return cls(valideer_parameters(sjabloon, {k: naamruimte[k] for k in velden if k in naamruimte}), sjabloon)

    @property
    def eenheid(self) -> str:
        """What the charts compare: gemeenten, or deelregio's in the overview of a region that has them."""
        return "deelregio" if self.sjabloon == "regio-overzicht" and len(self._deelregios) > 1 else "gemeente"

    # --- parameters in, parameters out -------------------------------------------------

    def open(self, pad: str | Path) -> None:
        """Open a parameter file (any template, own regions too); a Dutch message if it cannot be read."""
        pad = Path(str(pad).strip())
        if not pad.is_absolute() and not pad.exists():
            pad = PROJECT_MAP / pad
        if is_regiobestand(pad):
            self.melding.value = _fout_html(f"{pad} kan niet worden geopend", WoonzorgFout(
                f"{pad} is een regiobestand, geen parameterbestand: open het parameterbestand dat ernaar verwijst "
                f"(regio: {pad.name})"))
            return
        try:
            bestand = lees_parameterbestand(pad)
            self.zet(bestand.parameters, bestand.notebook)
        except WoonzorgFout as fout:
            self.melding.value = _fout_html(f"{pad} kan niet worden geopend", fout)

    def zet(self, parameters: Basisparameters, sjabloon: str) -> None:
        """Put every widget on these parameters (exact values) and draw; WoonzorgFout (nothing changed) if they fail."""
        standaard = analyseer(parameters, self._tussenstand)
        geheel = standaard.geheel
        invoer, _ = invoer_voor(parameters, geheel, standaard.editie)
        self.basis, self.sjabloon = parameters, sjabloon
        self._deelregios = list(geheel.deelregios)
        self._bezig = True
        try:
            deelregio = getattr(parameters, "deelregio", None)
            self.deelregio.options = [("hele regio", "")] + [(d, d) for d in self._deelregios]
            self.deelregio.value = deelregio or ""
            self.deelregio.disabled = sjabloon != "woonzorganalyse"
            self.scenario.value = parameters.scenario
            schuif_instellen(self.aandeel, parameters.aandeel_verhuringen_aandachtsgroepen, 0.0, 0.5, 0.005)
            self._mutatiegraad = float(standaard.kengetallen.loc["mutatiegraad", "midden"])
            per_gemeente = isinstance(parameters.mutatiegraad, dict)
            graad = self._mutatiegraad if parameters.mutatiegraad is None or per_gemeente else parameters.mutatiegraad
            schuif_instellen(self.mutatiegraad, float(graad), 0.02, 0.15, 0.001)
            self.mutatiegraad.disabled = per_gemeente
            self.mutatiegraad.description = "Mutatiegraad" + (" (per gemeente gezet)" if per_gemeente else "")
            schuif_instellen(self.plafond, parameters.plafond_aandeel_verhuringen or 0.0, 0.0, 0.5, 0.005)
            self._maak_gewichten([k for k in VERDEELSLEUTELS if k in ALTIJD or (
                k in SLEUTELS_UIT_INVOER and not gemeenten_zonder(k, geheel, invoer))])
        finally:
            self._bezig = False
        self.teken()

    def _maak_gewichten(self, sleutels: list[str]) -> None:
        """One slider per key with figures for every gemeente of the region; the mix starts empty (no extra variant)."""
        self.gewichten = {}
        for sleutel in sleutels:
            schuif = w.FloatSlider(value=0.0, min=0.0, max=1.0, step=0.05, readout_format=".2f",
                                   description=f"Gewicht {sleutel.replace('_', ' ')}", style=_STIJL, layout=_BREED)
            schuif.observe(self._gewijzigd, names="value")
            self.gewichten[sleutel] = schuif
        self.gewichtenvak.children = [
            w.HTML(f"<b>Eigen verdeelsleutel</b> (komt als variant '{EIGEN_MIX}' naast die van het parameterbestand)"),
            *(met_aflezing(s) for s in self.gewichten.values())]

    def parameters(self) -> Basisparameters:
        """The parameters the widgets describe: the parameter file's, with what the widgets changed."""
        p = self.basis
        wijziging: dict[str, Any] = {"scenario": self.scenario.value,
                                     "aandeel_verhuringen_aandachtsgroepen": waarde(self.aandeel)}
        if self.sjabloon == "woonzorganalyse":
            wijziging["deelregio"] = self.deelregio.value or None
        graad = waarde(self.mutatiegraad)
        oorspronkelijk = self._mutatiegraad if p.mutatiegraad is None else p.mutatiegraad
        if not isinstance(p.mutatiegraad, dict) and abs(graad - float(oorspronkelijk)) > 1e-12:
            wijziging["mutatiegraad"] = graad
        plafond = waarde(self.plafond)
        wijziging["plafond_aandeel_verhuringen"] = plafond or None
        wijziging["plafond_doelgroepen"] = p.plafond_doelgroepen if plafond else None
        mix = {k: waarde(s) for k, s in self.gewichten.items() if s.value > 0}
        if mix:
            wijziging["verdeelsleutels"] = {**p.verdeelsleutels, EIGEN_MIX: mix}
        return type(p).model_validate({**p.model_dump(), **wijziging})

    def parameterbestand(self) -> str:
        """The current settings as a parameter file (YAML), to copy into parameters/."""
        p = self.parameters()
        standaard = type(p).model_validate({"regio": p.regio}).model_dump()
        waarden = {k: v for k, v in p.model_dump().items() if k == "regio" or v != standaard.get(k)}
        return yaml.safe_dump({"notebook": self.sjabloon, **waarden}, allow_unicode=True, sort_keys=False)

    # --- drawing -------------------------------------------------------------------------

    def _gewijzigd(self, _: object) -> None:
        if not self._bezig:
            self.teken()

    def teken(self) -> None:
        """Recompute what changed and redraw in place; a Dutch message instead of a traceback."""
        try:
            parameters = self.parameters()
            analyse = analyseer(parameters, self._tussenstand)
            rapport = Rapport.voor(self.sjabloon, analyse)
        except WoonzorgFout as fout:
            self.melding.value = _fout_html("Deze keuze kan niet worden doorgerekend", fout)
            return
        self.laatste = analyse
        self.melding.value = ""
        self.kerncijfers.value = kerncijfers_html(analyse)
        _, claim = rapport.confrontatietabel()
        png = self._claim.png(claim.to_frame("claim"), parameters.aandeel_verhuringen_aandachtsgroepen)
        if png is not None:
            self.claimgrafiek.value = png
        verdeling = rapport.selectie.verdeling()
        png = self._verdeling.png(verdeling[varianten(verdeling)].astype("float64"))
        if png is not None:
            self.verdeelgrafiek.value = png
        self.als_bestand.value = self.parameterbestand()
        if self.hoofdstukken.value or self.uitvoer.outputs:
            # Chapters come whole from the report; filled directly, which also works without a browser (papermill).
            delen = [deel for sleutel in self.hoofdstukken.value for deel in weergaven(rapport.hoofdstuk(sleutel))]
            self.uitvoer.outputs = ()
            for deel in delen:
                self.uitvoer.append_display_data(deel)

    def toon(self) -> None:
        """Show the controls, the key figures and the charts."""
        openen = w.HBox([self.bestand, self.open_knop])
        bestand = w.Accordion(children=[self.als_bestand], titles=("Deze instellingen als parameterbestand",))
        bestand.selected_index = None
        display(w.VBox([
            openen, self.deelregio, self.scenario,
            *(met_aflezing(s) for s in (self.aandeel, self.mutatiegraad, self.plafond)), self.gewichtenvak,
            self.melding, self.kerncijfers, self.claimgrafiek, self.verdeelgrafiek, bestand,
            w.HTML("<b>Hoofdstukken uit het rapport</b> (met Ctrl of Shift meer kiezen; die rekenen langer)"),
            self.hoofdstukken, self.uitvoer,
        ]))


def kerncijfers(analyse: Analyse) -> dict[str, str]:
    """The area's key figures exactly as the bestuurlijke samenvatting states them (Dutch notation)."""
    regio = analyse.regio_per_scenario()
    p = analyse.parameters
    cijfers = {f"vraag_{s}": rond(regio.loc[s, "vraag_aandachtsgroepen"]) for s in SCENARIOS}
    cijfers |= {f"tekort_{s}": rond(regio.loc[s, "tekort"]) for s in SCENARIOS}
    verhuringen = regio.loc["midden", "verhuringen"]
    cijfers["verhuringen"] = rond(verhuringen, publicatie.verhuringen_gepubliceerd(analyse.aanbod))
    cijfers["claim"] = procent(regio.loc["midden", "vraag_aandachtsgroepen"] / verhuringen) if verhuringen else "n.b."
    cijfers["aandeel"] = procent(p.aandeel_verhuringen_aandachtsgroepen)
    cijfers["opgave"] = rond(analyse.taak())
    cijfers |= {f"herkomst_{deel}": herkomst for deel, herkomst in herkomst_totaal(analyse).items()}
    bronnen = bron_verhuringen(analyse).reindex(list(analyse.regio.gemeentecodes))
    cijfers["bron_verhuringen"] = "; ".join(dict.fromkeys(bronnen))  # each source once
    return cijfers


def kerncijfers_html(analyse: Analyse) -> str:
    """The key figures as a small table; each figure has a class a browser test can read."""
    c = kerncijfers(analyse)
    p = analyse.parameters
    tabel = pd.DataFrame({s: [c[f"vraag_{s}"], c[f"tekort_{s}"]] for s in SCENARIOS},
                         index=["vraag aandachtsgroepen", "tekort na afgesproken aandeel en nieuw aanbod"])
    tabel["herkomst"] = [f"{TEKENS[c['herkomst_vraag']]} {c['herkomst_vraag']}",
                         f"{TEKENS[c['herkomst_tekort']]} {c['herkomst_tekort']}"]
    html = publicatie.html_tabel(tabel.rename_axis("woningen per jaar"),
                                 bijschrift=f"Kerncijfers {analyse.regio.naam} in {p.peiljaar}")
    verhuringen = f"{TEKENS[c['herkomst_verhuringen']]} {c['herkomst_verhuringen']}: {c['bron_verhuringen']}"
    return (f'<div class="wz-kerncijfers">{html}<p>Tekort (midden): <b class="wz-tekort">{c["tekort_midden"]}</b> '
            f'woningen per jaar · claim op de <span class="wz-verhuringen">{c["verhuringen"]}</span> verhuringen '
            f'(<span class="wz-bron">{escape(verhuringen)}</span>): '
            f'<b class="wz-claim">{c["claim"]}</b> (afgesproken {c["aandeel"]}) · regionale opgave '
            f'(scenario {p.scenario}): <b class="wz-opgave">{c["opgave"]}</b> woningen per jaar</p>'
            f'<p class="wz-opmerking">{escape(UITLEG_TEKENS)}</p></div>')


def _fout_html(kop: str, fout: WoonzorgFout) -> str:
    import html

    regels = "".join(f"<li>{html.escape(str(m))}</li>" for m in fout.meldingen)
    return f'<div class="wz-melding"><b>{html.escape(kop)}.</b><ul>{regels}</ul></div>'
