"""The explorer: turn the main assumptions with widgets and see every chart and table follow.

    Verkenner(parameters).toon()

Assumptions: region and deelregio, scenario, the agreed share of lettings, the
mutatiegraad, the weights of a custom key mix and the ratios for older people (homes per
1,000 people of 75+ per year, starting from the national reference scenario).
"""

from __future__ import annotations

import ipywidgets as w
from IPython.display import Markdown, display

from woonzorg_lib.analyse import analyseer, editie_voor, standaard_invoer_voor
from woonzorg_lib.data.catalogus import catalogus, laad_regio
from woonzorg_lib.errors import WoonzorgFout
from woonzorg_lib.parameters import Basisparameters, WoonzorganalyseParameters
from woonzorg_lib.rapport.hoofdstukken import Rapport
from woonzorg_lib.rapport.tekst import veilig

OUDEREN = {"nultreden": "Nultredenwoningen", "geclusterd": "Geclusterde woonvormen", "verpleegzorg": "Verpleegzorgplaatsen"}
HOOFDSTUKKEN = ("samenvatting", "vraag", "confrontatie", "verdeling", "gevoeligheid")


def _per_1000(kengetallen) -> dict[str, float]:
    """The reference scenario as homes per 1,000 people of 75+ per year."""
    noemer = kengetallen.loc["jaren_programma_ouderen", "midden"] * kengetallen.loc["landelijk_75plus", "midden"]
    return {v: 1000 * kengetallen.loc[f"doel_2030_{v}", "midden"] / noemer for v in OUDEREN}


class Verkenner:
    """Widgets around one analysis; every change recomputes the model and redraws the chosen chapters."""

    def __init__(self, parameters: Basisparameters) -> None:
        self.basis = parameters
        regio = laad_regio(parameters.regio)
        kengetallen = standaard_invoer_voor(regio, editie_voor(parameters, regio))[1]
        self._nl75 = kengetallen.loc["landelijk_75plus", "midden"] * kengetallen.loc["jaren_programma_ouderen", "midden"]
        stijl = {"description_width": "16em"}
        breed = w.Layout(width="36em")
        self.regio = w.Dropdown(options=sorted(catalogus()), value=parameters.regio if parameters.regio in catalogus() else "mra",
                                description="Regio", style=stijl, layout=breed)
        self.deelregio = w.Dropdown(description="Deelregio", style=stijl, layout=breed)
        self.scenario = w.ToggleButtons(options=["laag", "midden", "hoog"], value=parameters.scenario, description="Scenario",
                                        style=stijl)
        self.aandeel = w.FloatSlider(value=parameters.aandeel_verhuringen_aandachtsgroepen, min=0, max=0.5, step=0.01,
                                     readout_format=".0%", description="Aandeel verhuringen", style=stijl, layout=breed)
        self.mutatiegraad = w.FloatSlider(value=kengetallen.loc["mutatiegraad", "midden"], min=0.02, max=0.12, step=0.002,
                                          readout_format=".1%", description="Mutatiegraad", style=stijl, layout=breed)
        self.gewichten = {k: w.FloatSlider(value=v, min=0, max=1, step=0.05, description=f"Gewicht {k.replace('_', ' ')}",
                                           style=stijl, layout=breed)
                          for k, v in {"inwoners": 0.5, "sociale_huurvoorraad": 0.0, "verhuringen": 0.5}.items()}
        self.ouderen = {v: w.FloatSlider(value=round(r, 2), min=0, max=40, step=0.1,
                                         description=f"{naam} per 1.000 75+", style=stijl, layout=breed)
                        for (v, naam), r in zip(OUDEREN.items(), _per_1000(kengetallen).values(), strict=True)}
        self.hoofdstukken = w.SelectMultiple(options=HOOFDSTUKKEN, value=HOOFDSTUKKEN[:4], description="Toon",
                                             style=stijl, rows=len(HOOFDSTUKKEN))
        self.uitvoer = w.Output()
        self._vul_deelregios(getattr(parameters, "deelregio", None))
        self.regio.observe(lambda _: self._vul_deelregios(None), names="value")
        for knop in [self.deelregio, self.scenario, self.aandeel, self.mutatiegraad, self.hoofdstukken,
                     *self.gewichten.values(), *self.ouderen.values()]:
            knop.observe(lambda _: self.teken(), names="value")

    def _vul_deelregios(self, keuze: str | None) -> None:
        opties = [("hele regio", "")] + [(d, d) for d in laad_regio(self.regio.value).deelregios]
        self.deelregio.options = opties
        self.deelregio.value = keuze if keuze in dict(opties).values() else ""

    def parameters(self) -> Basisparameters:
        """The parameters the widgets describe, validated like any parameter file."""
        mix = {k: s.value for k, s in self.gewichten.items() if s.value > 0}
        varianten = dict(self.basis.verdeelsleutels)
        if mix:
            varianten["Eigen mix (verkenner)"] = mix
        return WoonzorganalyseParameters.model_validate({
            **{k: v for k, v in self.basis.model_dump().items() if k in WoonzorganalyseParameters.model_fields},
            "regio": self.regio.value, "deelregio": self.deelregio.value or None, "scenario": self.scenario.value,
            "aandeel_verhuringen_aandachtsgroepen": round(self.aandeel.value, 4), "verdeelsleutels": varianten,
        })

    def kengetallen(self) -> dict[str, float]:
        """Kengetallen the sliders fix: the mutatiegraad and the national targets behind the ratios for older people."""
        vervang = {"mutatiegraad": self.mutatiegraad.value}
        vervang.update({f"doel_2030_{v}": s.value * self._nl75 / 1000 for v, s in self.ouderen.items()})
        return vervang

    def teken(self) -> None:
        """Recompute and redraw; a Dutch message instead of a traceback when a choice cannot be computed.

        The output widget is filled directly (no capture context): that also works where no
        browser is attached, as when papermill runs this notebook.
        """
        try:
            rapport = Rapport(analyseer(self.parameters(), self.kengetallen()))
            delen = [deel for hoofdstuk in self.hoofdstukken.value for deel in getattr(rapport, hoofdstuk)()]
        except WoonzorgFout as fout:
            delen = [Markdown(f"**Deze keuze kan niet worden doorgerekend.**\n\n{veilig(str(fout))}")]
        self.uitvoer.outputs = ()
        for deel in delen:
            self.uitvoer.append_display_data(deel)

    def toon(self) -> None:
        """Show the controls and the first result."""
        bediening = w.VBox([self.regio, self.deelregio, self.scenario, self.aandeel, self.mutatiegraad,
                            w.HTML("<b>Eigen verdeelsleutel</b>"), *self.gewichten.values(),
                            w.HTML("<b>Ouderen (referentie: landelijke doelen 2030)</b>"), *self.ouderen.values(),
                            self.hoofdstukken])
        display(bediening, self.uitvoer)
        self.teken()
