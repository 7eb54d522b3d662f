"""8. Gevoeligheid: which uncertain input moves the regional gap most, and apart from that the policy levers."""

from __future__ import annotations

from woonzorg_lib.rapport import grafieken, publicatie, tekst
from woonzorg_lib.rapport.hoofdstukken.onderdelen import Figuur, Hoofdstuk, Tabel, Tekst
from woonzorg_lib.rapport.hoofdstukken.selectie import Selectie


def hoofdstuk(selectie: Selectie) -> Hoofdstuk:
    """The tornado of the uncertain inputs (chart and table) and the effect of each policy choice."""
    p = selectie.p
    tornado = selectie.analyse.gevoeligheid
    invoer = tornado[tornado["soort"] == "invoer"]
    return Hoofdstuk([
        Tekst(
            f"Het tekort aan woningen voor aandachtsgroepen in {p.doeljaar} (middenscenario) als telkens "
            "één aanname naar haar lage en hoge waarde gaat en de rest gelijk blijft. Eerst de **onzekere "
            "invoer**: landelijke aantallen, kengetallen en geschatte spreidingen, elk met de bron van het "
            "bereik. Bovenaan de invoer met het grootste effect: daar loont een beter lokaal cijfer het meest. "
            + tekst.dekking_kort(selectie.analyse.aandachtsgroepen_gedekt()).replace("Dit totaal", "Het tekort", 1)
            .replace("dus het totaal", "dus het tekort", 1)
        ),
        Figuur.van(grafieken.tornado(invoer, "Gevoeligheid voor onzekere invoer", f"tekort in {p.doeljaar}")),
        Tabel(publicatie.gevoeligheid(invoer), bijschrift="Onzekere invoer: bereik, bron en effect"),
        Tekst(
            "Daarnaast de **beleidskeuzes**. Die zijn niet onzeker maar een besluit: een lokaal cijfer verandert "
            "ze niet. De tabel laat zien wat een andere keuze met het tekort doet."
        ),
        Tabel(publicatie.gevoeligheid(tornado[tornado["soort"] == "beleidskeuze"]),
              bijschrift="Beleidskeuzes en hun effect"),
    ])
