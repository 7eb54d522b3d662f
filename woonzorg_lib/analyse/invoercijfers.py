"""The Verantwoording's list of input figures: every national or published number an analysis rests on."""

from __future__ import annotations

import pandas as pd

from woonzorg_lib.algemeen.opmaak import getal, procent
from woonzorg_lib.analyse.gevoeligheid import nationaal_deel
from woonzorg_lib.analyse.resultaat import Analyse
from woonzorg_lib.data.basis import bevolking, jeugdhulp_verblijf, landelijke_kengetallen
from woonzorg_lib.data.bronnen import bronnen
from woonzorg_lib.data.catalogus import centrumregio_per_gemeente
from woonzorg_lib.model import statushouders


def invoercijfers(analyse: Analyse) -> pd.DataFrame:
    """Every national or published figure the analysis rests on: value, reference date, tier and source.

    Per-gemeente figures (inhabitants, stock, local entries) are summarised elsewhere; this is
    the list a reader needs to check where the defaults come from.
    """
    rijen: list[dict[str, str]] = []
    taak = analyse.taakstelling
    landelijk_per_halfjaar = taak.groupby(["halfjaar", "scenario"])["landelijk"].first().unstack()
    eerste = taak.groupby("halfjaar")[["herkomst", "bron"]].first()
    onbekend = list(eerste.index[eerste["herkomst"] == "aanname"])
    for halfjaar, rij in eerste.drop(index=onbekend).iterrows():
        rijen.append({"cijfer": f"Landelijke taakstelling vergunninghouders {halfjaar}",
                      "waarde": getal(landelijk_per_halfjaar.loc[halfjaar, "midden"]), "peildatum": str(halfjaar),
                      "herkomst": rij["herkomst"], "bron": nationaal_deel(rij["bron"], str(halfjaar))})
    if onbekend:
        per = landelijk_per_halfjaar.loc[onbekend[0]]
        rijen.append({"cijfer": "Landelijke taakstelling vergunninghouders, halfjaren zonder landelijk aantal in de gegevens",
                      "waarde": f"{getal(per['laag'])} – {getal(per['midden'])} – {getal(per['hoog'])}",
                      "peildatum": ", ".join(statushouders.reeksen(onbekend)), "herkomst": "aanname",
                      "bron": nationaal_deel(eerste.loc[onbekend[0], "bron"], onbekend[0])})
    inwoners = bevolking(analyse.editie)
    for peildatum in sorted(set(taak["peildatum_inwoners"])):
        totaal = int(inwoners.loc[inwoners["peildatum"] == peildatum, "inwoners"].sum())
        rijen.append({"cijfer": "Inwoners van Nederland (noemer van art. 29)", "waarde": getal(totaal),
                      "peildatum": peildatum, "herkomst": "register", "bron": "CBS (som van de gemeenten)"})
    namen = {"dakloze_personen": "Dakloze personen 18-65 jaar in Nederland",
             "dakloze_aandeel_g4": "Aandeel dakloze personen ingeschreven in de G4",
             "jeugdzorg_uitstroom": "Jongeren die op 18 jaar de jeugdzorg verlaten, per jaar",
             "detentie_uitstroom": "Uitstromers uit detentie in Nederland, per jaar",
             "beschermd_wonen_clienten": "Bewoners beschermd wonen in Nederland"}
    landelijk = landelijke_kengetallen()
    for sleutel, naam in namen.items():
        k = landelijk[sleutel]
        waarde = procent(k["waarde"], 0) if k["waarde"] < 1 else getal(k["waarde"])
        rijen.append({"cijfer": naam, "waarde": waarde, "peildatum": str(k["peildatum"]), "herkomst": k["herkomst"],
                      "bron": k["bron"]})
    nl = jeugdhulp_verblijf().set_index("code").loc["NL01"]
    tabel = bronnen()["jeugdhulp_verblijf"].tabel
    rijen.append({"cijfer": "Trajecten jeugdhulp met verblijf in Nederland (noemer van de uitstroom jeugdzorg per "
                            "gemeente)", "waarde": getal(nl["trajecten_met_verblijf"]), "peildatum": str(nl["peildatum"]),
                  "herkomst": "register",
                  "bron": f"CBS {tabel}, totaal jeugdhulp met verblijf, Nederland (via GitHub dertje/cbs_datasets, "
                          "commit fda64267; zie Gebundelde gegevens)"})
    steden = landelijk["detentie_uitstroom_gemeenten"]
    namen_gemeenten = analyse.regio.indeling().set_index("gemeentecode")["gemeentenaam"]
    for code, aantal in steden["waarden"].items():
        if code in namen_gemeenten.index:
            rijen.append({"cijfer": f"Uitstromers uit detentie naar {namen_gemeenten[code]}", "waarde": getal(aantal),
                          "peildatum": str(steden["peildatum"]), "herkomst": steden["herkomst"], "bron": steden["bron"]})
    tellingen = landelijk["dakloze_personen_centrumregios"]
    indeling = centrumregio_per_gemeente()
    centra = indeling[indeling["gemeentecode"].isin(namen_gemeenten.index)].drop_duplicates("centrumregio_code")
    for code, centrum in centra[["centrumregio_code", "centrumgemeente"]].itertuples(index=False):
        if code in tellingen["waarden"]:
            rijen.append({"cijfer": f"Geregistreerde dakloze personen in de opvang, centrumregio {centrum}",
                          "waarde": getal(tellingen["waarden"][code]), "peildatum": str(tellingen["peildatum"]),
                          "herkomst": tellingen["herkomst"], "bron": tellingen["bron"]})
    werkelijk = analyse.invoer[analyse.invoer["onderwerp"] == "verhuringen"]
    for rij in werkelijk.itertuples():
        rijen.append({"cijfer": f"Verhuringen sociale huur {namen_gemeenten.get(rij.gemeentecode, rij.gemeentecode)}",
                      "waarde": getal(rij.waarde), "peildatum": str(rij.peildatum), "herkomst": str(rij.herkomst),
                      "bron": str(rij.bron)})
    return pd.DataFrame(rijen, columns=["cijfer", "waarde", "peildatum", "herkomst", "bron"])


__all__ = ["invoercijfers"]
