"""3. Bevolking en vergrijzing: age cohorts now and in the doeljaar, per gemeente (or deelregio), with their origin."""

from __future__ import annotations

import pandas as pd

from woonzorg_lib.algemeen.opmaak import aantal_gemeenten
from woonzorg_lib.data.basis import basisgegevens, bevolking, leeftijd_gemeenten, per_gemeente
from woonzorg_lib.data.edities import PROGNOSE
from woonzorg_lib.data.schattingen import groei_65plus
from woonzorg_lib.rapport import grafieken, publicatie, tekst
from woonzorg_lib.rapport.hoofdstukken.onderdelen import Figuur, Hoofdstuk, Tabel, Tekst
from woonzorg_lib.rapport.hoofdstukken.selectie import Selectie, met_herkomst

COHORTEN = {"inwoners_65_74": "65-74 jaar", "inwoners_75_84": "75-84 jaar", "inwoners_85plus": "85 jaar en ouder"}


def prognose(selectie: Selectie) -> pd.DataFrame | None:
    """The edition's PBL/CBS prognosis of inhabitants on 1 January of the doeljaar, per gemeente, if it has one."""
    editie = selectie.analyse.editie
    tabel = editie.lees(PROGNOSE) if editie else None
    if tabel is None:
        return None
    rijen = tabel[(tabel["jaar"] == selectie.p.doeljaar) & tabel["gemeentecode"].isin(selectie.codes)]
    return rijen if set(rijen["gemeentecode"]) == set(selectie.codes) else None


TOTAAL_65 = "65 jaar en ouder (totaal)"


def geteld_75plus(basis: pd.DataFrame, herkomst: pd.DataFrame) -> pd.Series:
    """Per gemeente whether its 75-84 and 85+ split the CBS count of 75+ on their date (their sum is that count)."""
    datum = herkomst.groupby("gemeentecode")["peildatum"].first()
    cbs = leeftijd_gemeenten().set_index(["gemeentecode", "peildatum"])["inwoners_75plus"]
    som = basis[["inwoners_75_84", "inwoners_85plus"]].sum(axis=1)
    telling = pd.Series([cbs.get((c, datum.get(c)), float("nan")) for c in som.index], index=som.index, dtype="float64")
    return telling.round() == som.round()


def geteld_65plus(basis: pd.DataFrame, herkomst: pd.DataFrame, inwoners: pd.DataFrame) -> pd.Series:
    """Per gemeente whether its 65+ total is a registered count: its cohorts are registered, they split the CBS
    count of 65+ on the same date, or 65-74 is registered and the older bands split the count of 75+ (then the
    bands are estimates but their sum is the count, shown exactly)."""
    register = herkomst.assign(r=herkomst["herkomst"] == "register").pivot_table(
        index="gemeentecode", columns="indicator", values="r", aggfunc="all").reindex(basis.index).fillna(False)
    datum = herkomst.groupby("gemeentecode")["peildatum"].first()
    cbs = inwoners.dropna(subset=["inwoners_65plus"]).set_index(["gemeentecode", "peildatum"])["inwoners_65plus"]
    som = basis[list(COHORTEN)].sum(axis=1)
    telling = pd.Series([cbs.get((c, datum.get(c)), float("nan")) for c in som.index], index=som.index, dtype="float64")
    alle = register.reindex(columns=list(COHORTEN), fill_value=False).astype(bool).all(axis=1)
    jong = register.get("inwoners_65_74", pd.Series(False, index=basis.index)).astype(bool)
    return alle | (telling.round() == som.round()) | (jong & geteld_75plus(basis, herkomst))


def hoofdstuk(selectie: Selectie) -> Hoofdstuk:
    """The cohorts 65-74, 75-84 and 85+ per unit, the 65+ trend estimate for the doeljaar and, if any, the prognosis."""
    p, codes = selectie.p, selectie.codes
    lang_basis = basisgegevens(selectie.analyse.editie)
    basis = per_gemeente(lang_basis).reindex(codes).reset_index()
    lang = basis.melt(id_vars="gemeentecode", value_vars=list(COHORTEN), var_name="cohort", value_name="aantal")
    tabel = selectie.per_eenheid(lang, "aantal", "cohort")[list(COHORTEN)].rename(columns=COHORTEN)
    herkomst = lang_basis[lang_basis["gemeentecode"].isin(codes) & lang_basis["indicator"].isin(list(COHORTEN))]
    peildatum = ", ".join(sorted(set(herkomst["peildatum"])))
    inwoners = bevolking(selectie.analyse.editie)
    tabel[TOTAAL_65] = tabel[list(COHORTEN.values())].sum(axis=1)
    geteld = geteld_65plus(basis.set_index("gemeentecode"), herkomst, inwoners)
    groei = groei_65plus(inwoners, p.doeljaar)
    # The cohorts may be counted on an earlier 1 January than the newest 65+: the trend runs from their own date.
    vanaf = groei_65plus(inwoners, int(min(herkomst["peildatum"])[:4])).set_index("gemeentecode")["factor"]
    factor = (groei.set_index("gemeentecode")["factor"] / vanaf).reindex(codes)
    toekomst = basis.set_index("gemeentecode")[list(COHORTEN)].sum(axis=1).mul(factor).rename("65+").reset_index()
    tabel[f"65+ op 1-1-{p.doeljaar} (trendschatting)"] = selectie.per_eenheid(toekomst, "65+")["65+"]
    voorspeld = prognose(selectie)
    if voorspeld is not None:
        tabel[f"inwoners op 1-1-{p.doeljaar} (prognose PBL/CBS)"] = selectie.per_eenheid(voorspeld, "inwoners")["inwoners"]
    bronnen_tekst = "; ".join(
        f"{'**schatting**' if soort == 'schatting' else soort} voor {aantal_gemeenten(n)}: "
        f"{tekst.veilig(tekst.zonder_voorvoegsel(bron, soort))}"
        for (soort, bron), n in herkomst.groupby(["herkomst", "bron"])["gemeentecode"].nunique().items()
    )
    geschat = (herkomst["herkomst"] == "schatting").any()
    gepubliceerd = herkomst.assign(exact=publicatie.gepubliceerd(herkomst["herkomst"]),
                                   cohort=herkomst["indicator"].map(COHORTEN))
    exact = gepubliceerd.groupby([selectie.eenheden(gepubliceerd), "cohort"])["exact"].all().unstack()
    totaal = geteld.rename("exact").rename_axis("gemeentecode").reset_index()
    exact[TOTAAL_65] = totaal.groupby(selectie.eenheden(totaal))["exact"].all()
    exact.loc["Totaal"] = exact.all()  # a band's total is exact only when all its cells are
    exact.loc["Totaal", TOTAAL_65] = bool(geteld.all())
    getoond = met_herkomst(publicatie.woningen(tabel, exact), selectie.herkomst_per_eenheid(herkomst))
    ouderen_exact = bool(exact[["75-84 jaar", "85 jaar en ouder"]].all().all()
                         or geteld_75plus(basis.set_index("gemeentecode"), herkomst).all())
    prognose_tekst = (
        f" De prognose voor {p.doeljaar} is de regionale bevolkingsprognose van PBL en CBS (totaal, niet naar "
        f"leeftijd): {tekst.veilig(voorspeld['bron'].iloc[0])}." if voorspeld is not None else
        " Een prognose naar leeftijd per gemeente publiceren PBL en CBS niet meer (ingetrokken in 2023).")
    plus65 = (f"Het aantal 65-plussers is **{tekst.rond(tabel[TOTAAL_65].sum(), True)}** (geteld door het CBS). "
              if geteld.all() else "")
    return Hoofdstuk([
        Tekst(
            plus65 + f"Het aantal 75-plussers in het gebied is {'' if ouderen_exact else 'ongeveer '}"
            f"**{tekst.rond(tabel.iloc[:, 1:3].sum().sum(), ouderen_exact)}** "
            f"(peildatum {peildatum}). Herkomst van de cijfers per leeftijdsgroep: {bronnen_tekst}. "
            f"De kolom 65+ voor {p.doeljaar} is een **trendschatting**: "
            f"{tekst.veilig(tekst.zonder_voorvoegsel(groei['bron'].iloc[0], 'trendschatting'))}.{prognose_tekst} "
            f"De vraag van ouderen rekent met het aandeel 75-plussers op {peildatum}, omdat de landelijke doelen een "
            "vast totaal voor 2022-2030 zijn."
        ),
        Figuur.van(grafieken.gestapeld(tabel[list(COHORTEN.values())], f"Inwoners van 65 jaar en ouder per "
                                       f"{selectie.eenheid}" + (" (schatting)" if geschat else ""), "inwoners")),
        Tabel(getoond, bijschrift="Inwoners naar leeftijdsgroep", opmerking=publicatie.OPMERKING_EXACT + (
            f" De kolom {TOTAAL_65} is de telling van het CBS en staat exact; de leeftijdsgroepen zijn daaruit "
            "geschat en afgerond, en tellen daardoor niet altijd precies op." if geteld.all() and geschat else "")),
    ])
