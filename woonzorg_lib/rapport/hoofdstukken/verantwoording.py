"""10. Verantwoording: sources, reference dates, kengetallen, parameters, data and software versions."""

from __future__ import annotations

import platform
from importlib.metadata import version

import pandas as pd

from woonzorg_lib import __version__
from woonzorg_lib.algemeen.opmaak import kengetal
from woonzorg_lib.analyse.invoercijfers import invoercijfers
from woonzorg_lib.data.bronnen import bronnen
from woonzorg_lib.model.doelgroepen import ONDERWERPEN, SCENARIOS
from woonzorg_lib.rapport import tekst
from woonzorg_lib.rapport.hoofdstukken.onderdelen import Hoofdstuk, Tabel, Tekst
from woonzorg_lib.rapport.hoofdstukken.selectie import Selectie
from woonzorg_lib.rapport.parameterzinnen import parameterzinnen
from woonzorg_lib.rapport.stijl import TEKENS


def cbs_tabellen(selectie: Selectie) -> pd.DataFrame:
    """The CBS tables of the data edition the analysis uses (none for the bundled data)."""
    editie = selectie.analyse.editie
    return pd.DataFrame([
        {"CBS-tabel": t["tabel_id"], "titel": t["titel"], "perioden": ", ".join(t["perioden"].values()),
         "tabelversie": t["gewijzigd"][:10], "gedownload": t["gedownload"][:10], "adres": t["adres"]}
        for t in (editie.tabellen if editie else [])
    ])


def herkomst_invoer(selectie: Selectie) -> pd.DataFrame:
    """Per onderwerp of the input how many gemeenten have a figure of each tier (register, schatting, aanname).

    A gemeente counts once per tier; with figures per half-year (the taakstelling) it can count under two.
    """
    invoer = selectie.analyse.invoer
    invoer = invoer.assign(onderwerp=invoer["onderwerp"].map(lambda o: ONDERWERPEN[o].omschrijving))
    herkomst = invoer.pivot_table(index="onderwerp", columns="herkomst", values="gemeentecode", aggfunc="nunique")
    return herkomst.fillna(0).astype(int).rename_axis(columns=None)


def aanwijzingen(selectie: Selectie) -> list[str]:
    """What the analyst can do to make this report stronger, with the commands and keys it takes (not for the reader)."""
    analyse, p = selectie.analyse, selectie.p
    punten = []
    if not p.invoer:
        punten.append("Er is geen invoerformat gebruikt: alle cijfers zijn gelabelde schattingen en aannames. "
                      "`woonzorg invoer-sjabloon PARAMETERBESTAND` schrijft het invoerformat voor deze regio; vul "
                      "lokale cijfers in met herkomst en bron en zet het pad bij `invoer` in het parameterbestand.")
    if "huidige_belasting" not in analyse.verdeling:
        punten.append("De huidige belasting ontbreekt: vul in het invoerformat per gemeente het onderwerp "
                      "`huidige_belasting` in (huishoudens uit de aandachtsgroepen die de gemeente de afgelopen jaren "
                      "gemiddeld per jaar huisvestte, met herkomst en bron). Dan tonen de samenvatting en Verdeling "
                      "de huidige belasting naast de fair share, en met `correctie_jaren` de correctie over dat "
                      "aantal jaren.")
    if analyse.editie is None:
        punten.append("De analyse rekent met de meegeleverde gegevens (editie 'bundel'). `woonzorg data vernieuwen` "
                      "haalt de nieuwste CBS-cijfers op als nieuwe data-editie, met de prognose van het totaal aantal "
                      "inwoners; daarna vergelijkt het hoofdstuk Monitor de twee edities.")
    if not (p.opgesteld_door and p.contact):
        punten.append("Het titelblad noemt nog geen uitgever of contact: zet `opgesteld_door` en `contact` in het "
                      "parameterbestand. Na vaststelling: `status: vastgesteld` en `vastgesteld_op: JJJJ-MM-DD`.")
    taak = analyse.taakstelling
    if (taak["herkomst"] == "aanname").any():
        halfjaren = sorted(set(taak.loc[taak["herkomst"] == "aanname", "halfjaar"]))
        punten.append(f"Voor {tekst.opsomming(halfjaren)} staat geen landelijk aantal vergunninghouders in de gegevens; "
                      "de analyse rekent met een bereik (`taakstelling_onbekend`). Een gepubliceerd aantal of de eigen "
                      "taakstelling uit de circulaire kan in het invoerformat.")
    return punten


def hoofdstuk(selectie: Selectie) -> Hoofdstuk:
    """Every source, input figure, kengetal and parameter the analysis rests on, and the software that ran it."""
    analyse = selectie.analyse
    editie = analyse.editie
    tabellen = pd.DataFrame([
        {"gegevens": b.titel, "bron": b.bron, "peildatum": b.peildatum, "licentie": b.licentie}
        for b in bronnen().values()
    ]).set_index("gegevens")
    kengetallen = analyse.kengetallen.reset_index()[["omschrijving", "eenheid", *SCENARIOS, "herkomst", "bron"]]
    for kolom in SCENARIOS:
        kengetallen[kolom] = [kengetal(w, e) for w, e in zip(kengetallen[kolom], kengetallen["eenheid"], strict=True)]
    cijfers = invoercijfers(analyse).set_index("cijfer")
    cijfers["herkomst"] = cijfers["herkomst"].map(lambda h: f"{TEKENS[h]} {h}")
    parameters = "\n".join(f"- {tekst.veilig(zin)}" for zin in parameterzinnen(selectie.p.model_dump()))
    pakketten = ", ".join(f"{p} {version(p)}" for p in ("pandas", "seaborn", "papermill", "nbconvert", "pydantic"))
    gebruikt = (f"data-editie **{editie.naam}** (vernieuwd uit CBS StatLine; de cijfers daaruit vervangen de "
                "meegeleverde cijfers en schattingen van dezelfde gemeenten)" if editie else
                "de meegeleverde gegevens (editie 'bundel')")
    meldingen = editie.beschrijving.get("meldingen", []) if editie else []
    punten = aanwijzingen(selectie)
    return Hoofdstuk([
        Tekst(f"**Gegevens.** Deze analyse gebruikt {gebruikt}. CBS publiceert onder CC BY 4.0 (Bron: CBS)."),
        *([Tabel(cbs_tabellen(selectie).set_index("CBS-tabel"), bijschrift=f"CBS-tabellen van editie {editie.naam}")]
          if editie else []),
        *([Tekst("**Meldingen bij deze editie.**\n\n" + "\n".join(f"- {tekst.veilig(m)}" for m in meldingen))]
          if meldingen else []),
        Tabel(tabellen, bijschrift="Gebundelde gegevens"),
        Tabel(cijfers, bijschrift="Landelijke en gepubliceerde invoercijfers"),
        Tabel(kengetallen.drop(columns="eenheid").set_index("omschrijving"), bijschrift="Kengetallen"),
        Tabel(herkomst_invoer(selectie), bijschrift="Herkomst van de ingevoerde cijfers (aantal gemeenten)",
              opmerking="Een gemeente telt één keer per herkomst; bij cijfers per halfjaar (de taakstelling) kan zij "
                        "onder twee herkomsten vallen."),
        Tekst(f"**Parameters van deze analyse** (uit het parameterbestand):\n\n{parameters}"),
        Tekst(
            f"**Onthullingsbeveiliging.** Aantallen personen uit kwetsbare groepen zijn afgerond op vijftallen; "
            f"cellen onder {selectie.drempel} staan als '.', en waar nodig is een tweede cel afgeschermd zodat geen "
            "cel uit een totaal is terug te rekenen. Totalen kunnen door afronding afwijken van de som.\n\n"
            f"**Software.** woonzorg {__version__}; Python {platform.python_version()}; {pakketten}."
        ),
        *([Tekst("**Aanwijzingen voor de analist.**\n\n" + "\n".join(f"- {a}" for a in punten))] if punten else []),
    ])
