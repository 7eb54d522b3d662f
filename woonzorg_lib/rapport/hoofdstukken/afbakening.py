"""2. Afbakening: region, gemeenten, period, groups and their definitions."""

from __future__ import annotations

import pandas as pd

from woonzorg_lib.algemeen.opmaak import aantal_deelregios, aantal_gemeenten
from woonzorg_lib.model.doelgroepen import DOELGROEPEN
from woonzorg_lib.rapport import tekst
from woonzorg_lib.rapport.hoofdstukken.onderdelen import Hoofdstuk, Tabel, Tekst
from woonzorg_lib.rapport.hoofdstukken.selectie import Selectie


def hoofdstuk(selectie: Selectie) -> Hoofdstuk:
    """The area, its gemeenten and the definition of every doelgroep with its method and source."""
    regio, p = selectie.analyse.regio, selectie.p
    gemeenten = regio.indeling().rename(columns={"gemeentecode": "CBS-code", "gemeentenaam": "gemeente"})
    # A region without deelregio's (a centrumregio) has one named like itself: no '1 deelregio', no such column.
    met_deelregios = len(selectie.analyse.geheel.deelregios) > 1
    if not met_deelregios:
        gemeenten = gemeenten.drop(columns="deelregio")
    groepen = pd.DataFrame([
        {"doelgroep": d.naam, "definitie": d.definitie, "berekening": d.methode, "bron": d.bron}
        for d in DOELGROEPEN.values()
    ]).set_index("doelgroep")
    return Hoofdstuk([
        Tekst(
            f"Deze analyse gaat over **{tekst.veilig(regio.naam)}**: "
            f"{aantal_gemeenten(len(regio.gemeentecodes))}"
            + (f" in {aantal_deelregios(len(regio.deelregios))}" if met_deelregios else "")
            + f", peiljaar {p.peiljaar}, doeljaar {p.doeljaar}, scenario {p.scenario}. "
            "Alle groepen volgen dezelfde definities, zodat de cijfers van gemeenten"
            + (", deelregio's en de regio" if met_deelregios else " en de regio")
            + " optellen en vergelijkbaar zijn."
        ),
        Tabel(gemeenten.set_index("CBS-code"), bijschrift="Gemeenten"),
        Tabel(groepen, bijschrift="Doelgroepen en hun definitie"),
    ])
