"""4. Vraag per doelgroep: per gemeente, in homes and persons, with the range and the statutory taakstelling."""

from __future__ import annotations

import pandas as pd

from woonzorg_lib.algemeen.opmaak import aantal_gemeenten, getal
from woonzorg_lib.data.vergelijking import vergelijkingscijfers
from woonzorg_lib.model.doelgroepen import AANDACHTSGROEPEN, DOELGROEPEN, SCENARIOS, VRAAGPOSTEN
from woonzorg_lib.model.herkomst import zwakste
from woonzorg_lib.model.onthulling import ONBEKEND, TOTAAL
from woonzorg_lib.rapport import grafieken, publicatie, tekst
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


CONCENTRATIE = ("Bij uitstroom beschermd wonen wijkt dat het meest af: de bewoners wonen vooral in en rond de "
                "centrumgemeenten, daar is de echte opgave groter en elders kleiner. ")


def _wie(namen: list[str], alle: list[str]) -> str:
    if len(namen) == len(alle):
        return f"alle {aantal_gemeenten(len(alle))}" if len(alle) > 1 else namen[0]
    rest = [n for n in alle if n not in namen]
    return f"alle gemeenten behalve {tekst.opsomming(rest)}" if len(rest) < len(namen) else tekst.opsomming(namen)


def naar_rato(selectie: Selectie) -> str:
    """Which gemeenten' demand is a national figure pro rata inhabitants (no local count), per doelgroep, in words.

    The groups with the same gemeenten are named together. A gemeente whose count of jeugdhulp met verblijf CBS
    suppressed and that got its share of its jeugdregio's remainder is named apart.
    """
    invoer = selectie.analyse.invoer
    namen = selectie.analyse.regio.indeling().set_index("gemeentecode")["gemeentenaam"]
    alle = [str(namen[c]) for c in selectie.codes]
    landelijk: dict[str, list[str]] = {}  # who → the groups
    regionaal: list[tuple[str, list[str]]] = []  # (group, who)
    for post in VRAAGPOSTEN.values():
        if post.doelgroep not in AANDACHTSGROEPEN:
            continue
        rijen = invoer[(invoer["onderwerp"] == post.onderwerp) & invoer["gemeentecode"].isin(selectie.codes)]
        bron = rijen["bron"].fillna("").astype(str)
        groep = DOELGROEPEN[post.doelgroep].naam.lower()
        regio = rijen.loc[bron.str.contains("het deel van jeugdregio", regex=False), "gemeentecode"]
        rato = rijen.loc[bron.str.contains("naar rato van de inwoners", regex=False) & ~rijen.index.isin(regio.index),
                         "gemeentecode"]
        if len(rato):
            wie = _wie([str(namen[c]) for c in selectie.codes if c in set(rato)], alle)
            landelijk.setdefault(wie, []).append(groep)
        if len(regio):
            regionaal.append((groep, [str(namen[c]) for c in selectie.codes if c in set(regio)]))
    if not landelijk and not regionaal:
        return ""
    zin = "**Landelijke cijfers naar rato.** "
    if landelijk:
        zin += ("Zonder eigen cijfer van de gemeente is de vraag een landelijk aantal naar rato van de inwoners: "
                + "; ".join(f"voor {tekst.opsomming(groepen)} in {wie}" for wie, groepen in landelijk.items()) + ". ")
        bw = invoer[(invoer["onderwerp"] == "bw_clienten") & invoer["gemeentecode"].isin(selectie.codes)]
        if bw["bron"].fillna("").astype(str).str.contains("centrumgemeenten").any():
            zin += CONCENTRATIE
    for groep, wie in regionaal:
        die = "Die gemeenten krijgen" if len(wie) > 1 else "Die gemeente krijgt"
        zin += (f"Het CBS schermt het aantal trajecten jeugdhulp met verblijf af bij {tekst.opsomming(wie)}. {die} voor "
                f"{groep} het deel dat {'hun' if len(wie) > 1 else 'haar'} jeugdregio overlaat, naar rato van de inwoners. ")
    return zin + "Een eigen telling in het invoerformat vervangt zo'n schatting."


def eigen_cijfers(selectie: Selectie) -> str:
    """The region's own published figures beside this analysis' (middle scenario, peiljaar), in words."""
    p, analyse = selectie.p, selectie.analyse
    rijen = vergelijkingscijfers(analyse.geheel.sleutel, p.peiljaar)
    indeling = analyse.regio.indeling()
    namen = indeling.set_index("gemeentecode")["gemeentenaam"]
    gebieden = {analyse.regio.naam: list(selectie.codes)} | {
        str(n): [c for c in selectie.codes if namen[c] == n] for n in namen[list(selectie.codes)]} | {
        str(d): list(g["gemeentecode"]) for d, g in indeling[indeling["gemeentecode"].isin(selectie.codes)].groupby(
            "deelregio")}
    vraag = selectie.vraag()
    vraag = vraag[vraag["scenario"] == "midden"]
    taak = analyse.taakstelling
    taak = taak[(taak["scenario"] == "midden") & (taak["jaar"] == p.peiljaar)]
    zinnen = []
    for rij in rijen.itertuples():
        if rij.gebied not in gebieden:
            continue
        codes, groepen = gebieden[rij.gebied], rij.doelgroepen.split("+")
        wie = tekst.opsomming([DOELGROEPEN[g].naam.lower() if g in DOELGROEPEN else g for g in groepen])
        zin = (f"{tekst.veilig(rij.gebied)} noemt zelf **{getal(rij.waarde)} {rij.eenheid}** voor {wie}"
               f"{f' ({rij.jaar})' if pd.notna(rij.jaar) else ''}: {tekst.veilig(rij.toelichting)} "
               f"(bron: {tekst.veilig(rij.bron)}).")
        if rij.eenheid.startswith("personen (taakstelling)"):
            deel = taak[taak["gemeentecode"].isin(codes)]
            zin += (f" Deze analyse: **{getal(deel['personen'].sum())}** (art. 29, met "
                    + tekst.opsomming([f"{h} landelijk {getal(n)}" + (" (aanname)" if hk == "aanname" else "")
                                       for h, n, hk in deel[["halfjaar", "landelijk", "herkomst"]].drop_duplicates()
                                       .itertuples(index=False)]) + ")."
                    + (" Voor een halfjaar met een aangenomen landelijk aantal kan dat verschil groot zijn."
                       if (deel["herkomst"] == "aanname").any() else ""))
        else:
            deel = vraag[vraag["gemeentecode"].astype(str).isin(codes) & vraag["doelgroep"].isin(groepen)]
            verborgen = analyse.beveiliging.reindex(index=codes, columns=groepen, fill_value=False).to_numpy().any()
            met = [DOELGROEPEN[g].naam.lower() for g in groepen if g in set(deel["doelgroep"].astype(str))]
            zonder = [DOELGROEPEN[g].naam.lower() for g in groepen if g in DOELGROEPEN and
                      g not in set(deel["doelgroep"].astype(str))]
            if verborgen:
                zin += " Het cijfer van deze analyse is afgeschermd, omdat het op kleine lokale aantallen berust."
            elif met:
                zin += (f" Deze analyse: **{tekst.rond(deel['woningen'].sum())} woningen per jaar** (middenscenario, "
                        f"{p.peiljaar}), alleen voor {tekst.opsomming(met)}"
                        + (f"; voor {tekst.opsomming(zonder)} zijn er geen gegevens" if zonder else "") + ".")
            else:
                zin += " Deze analyse heeft voor die groepen geen gegevens."
        zinnen.append(zin)
    return ("**Eigen cijfers van de regio.** " + " ".join(zinnen)) if zinnen else ""


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
            f"zonder cijfer voor een doelgroep staat als {ONBEKEND} en telt niet mee. "
            + tekst.dekking_kort(selectie.analyse.aandachtsgroepen_gedekt()).replace("Dit totaal", "Het totaal", 1)
            + " " + UITLEG_TEKENS
        ),
        Figuur.van(grafieken.bandbreedte(grafiek, "Vraag per doelgroep", "woningen per jaar")),
        Tabel(met_herkomst(beschermd_woningen, herkomst),
              bijschrift=f"Woningen per jaar per {selectie.eenheid} (scenario {p.scenario})"),
        Tabel(met_herkomst(beschermd_personen, herkomst),
              bijschrift=f"Personen per jaar per {selectie.eenheid} (scenario {p.scenario})",
              opmerking=WIE_TELT + beschermd_personen.attrs.get("opmerking", "")),
        *taakstelling(selectie),
        *[Tekst(t) for t in (naar_rato(selectie), eigen_cijfers(selectie)) if t],
    ])
