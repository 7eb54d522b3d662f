"""4. Vraag per doelgroep: per gemeente, in homes and persons, with the range and the statutory taakstelling."""

from __future__ import annotations

import pandas as pd

from woonzorg_lib.algemeen.opmaak import getal
from woonzorg_lib.model.doelgroepen import AANDACHTSGROEPEN, SCENARIOS
from woonzorg_lib.model.herkomst import zwakste
from woonzorg_lib.model.onthulling import ONBEKEND, TOTAAL
from woonzorg_lib.rapport import grafieken, publicatie
from woonzorg_lib.rapport.hoofdstukken.onderdelen import Figuur, Hoofdstuk, Onderdeel, Tabel, Tekst
from woonzorg_lib.rapport.hoofdstukken.selectie import Selectie, met_herkomst, naam
from woonzorg_lib.rapport.stijl import UITLEG_TEKENS

WIE_TELT = ("Wie deze tabel telt: statushouders volgens de taakstelling; bij uitstroom beschermd wonen en dak- "
            "en thuislozen alleen wie een woning nodig heeft; bij uitstroom MO, jeugdzorg en detentie alle uitstromers "
            "(de woningentabel telt alleen het deel met woningbehoefte); vrouwenopvang en urgenten in huishoudens. "
            "Ouderen staan alleen in de woningentabel. ")


def taakstelling(selectie: Selectie) -> list[Onderdeel]:
    """The statutory taakstelling per gemeente and half-year: public figures, shown exactly (no rounding)."""
    p = selectie.p
    taak = selectie.analyse.taakstelling
    taak = taak[(taak["scenario"] == p.scenario) & (taak["jaar"] <= p.peiljaar + 1)]
    tabel = selectie.per_eenheid(taak, "personen", "halfjaar").astype("int64")
    tabel.loc["Totaal"] = tabel.sum()
    landelijk = taak.groupby("halfjaar")[["landelijk", "herkomst", "peildatum_inwoners"]].first()
    kop = "; ".join(
        f"{h}: landelijk {getal(r['landelijk'])}, inwoners {r['peildatum_inwoners']}"
        + (" (**aanname**: geen landelijk aantal in de gegevens)" if r["herkomst"] == "aanname" else "")
        for h, r in landelijk.iterrows()
    )
    return [
        Tekst(
            f"**Taakstelling vergunninghouders per halfjaar** (art. 29 Huisvestingswet, scenario "
            f"{p.scenario}). {kop}. Deze aantallen volgen uit openbare cijfers en de wettelijke rekenregel; "
            "ze zijn daarom niet afgerond of afgeschermd. Een gemeente kan een eigen taakstelling (uit de "
            "circulaire) of achterstand invullen in het invoerformat."
        ),
        Tabel(met_herkomst(tabel, taak.groupby(selectie.eenheden(taak), sort=False)["herkomst"].agg(zwakste)),
              bijschrift=f"Taakstelling vergunninghouders (personen) per {selectie.eenheid}"),
    ]


def hoofdstuk(selectie: Selectie) -> Hoofdstuk:
    """The demand per unit and doelgroep in homes and persons (protected), the range per group, the taakstelling."""
    p = selectie.p
    vraag = selectie.vraag()
    midden = vraag[vraag["scenario"] == p.scenario]
    per_groep = selectie.per_doelgroep()
    beschermd_woningen = selectie.beschermd(p.scenario, "woningen")
    beschermd_personen = selectie.beschermd(p.scenario, "personen")
    ouderen = midden[~midden["doelgroep"].isin(AANDACHTSGROEPEN)]
    if len(ouderen):  # modelled from the national targets: shown, but apart from the aandachtsgroepen' total
        per = selectie.per_eenheid(ouderen, "woningen")["woningen"]
        per[TOTAAL] = per.sum()
        beschermd_woningen["Ouderen (niet in het totaal)"] = publicatie.woningen(per.to_frame())["woningen"]
    herkomst = selectie.herkomst_per_eenheid(midden)
    # The chart shows the published (protected) figures; older people's homes are modelled, not protected.
    grafiek = pd.DataFrame({s: publicatie.cijfers(selectie.beschermd(s).loc[[TOTAAL]]).iloc[0] for s in SCENARIOS})
    grafiek = grafiek.drop(index=TOTAAL)
    if len(ouderen):
        grafiek.loc[naam("ouderen")] = per_groep.loc[naam("ouderen"), list(SCENARIOS)].astype(float).to_numpy()
    grafiek = grafiek.rename(index=lambda n: f"{n} {per_groep.loc[n, 'herkomst']}" if n in per_groep.index else n)
    return Hoofdstuk([
        Tekst(
            f"De vraag per doelgroep in woningen per jaar ({p.peiljaar}). De balken tonen het middenscenario, "
            f"de lijnen de bandbreedte van laag tot hoog. Een doelgroep zonder gegevens ontbreekt; een gemeente "
            f"zonder cijfer voor een doelgroep staat als {ONBEKEND} en telt niet mee. " + UITLEG_TEKENS
        ),
        Figuur.van(grafieken.bandbreedte(grafiek, "Vraag per doelgroep", "woningen per jaar")),
        Tabel(met_herkomst(beschermd_woningen, herkomst),
              bijschrift=f"Woningen per jaar per {selectie.eenheid} (scenario {p.scenario})"),
        Tabel(met_herkomst(beschermd_personen, herkomst),
              bijschrift=f"Personen per jaar per {selectie.eenheid} (scenario {p.scenario})",
              opmerking=WIE_TELT + beschermd_personen.attrs.get("opmerking", "")),
        *taakstelling(selectie),
    ])
