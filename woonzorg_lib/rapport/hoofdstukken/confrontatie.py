"""6. Confrontatie: gap and claim per gemeente (with the tier of demand and lettings), and the cumulative gap."""

from __future__ import annotations

import pandas as pd

from woonzorg_lib.model.doelgroepen import AANDACHTSGROEPEN, SCENARIOS
from woonzorg_lib.model.onthulling import ONBEKEND, TOTAAL, VERBORGEN
from woonzorg_lib.rapport import grafieken, publicatie, tekst
from woonzorg_lib.rapport.hoofdstukken.onderdelen import Figuur, Hoofdstuk, Tabel, Tekst
from woonzorg_lib.rapport.hoofdstukken.selectie import Selectie, met_herkomst


def confrontatietabel(selectie: Selectie) -> tuple[pd.DataFrame, pd.Series]:
    """The confrontation per unit as the report shows it (rounded, hidden by the pattern), and the claim."""
    conf = selectie.confrontatie()
    gemeenten = conf[conf["niveau"] == "gemeente"]
    kolommen = ["vraag_aandachtsgroepen", "beschikbaar", "nieuw_aanbod", "tekort"]
    tabel = pd.concat([selectie.per_eenheid(gemeenten, k) for k in kolommen + ["verhuringen"]], axis=1)
    # No lettings (Renswoude: CBS counts no corporation dwellings): a claim on them has no value, shown 'n.b.'.
    claim = (tabel["vraag_aandachtsgroepen"] / tabel["verhuringen"].where(tabel["verhuringen"] > 0)).rename("claim")
    getoond = publicatie.woningen(tabel[kolommen].clip(lower=0).assign(tekort=tabel["tekort"]))
    getoond.columns = ["vraag", "uit verhuringen", "nieuw aanbod", "tekort"]
    getoond["claim"] = claim
    # A unit whose demand total the region's pattern hides shows no demand, gap or claim either (nor in the chart).
    indeling = selectie.analyse.regio.indeling()
    sleutel = indeling.set_index("gemeentenaam")["gemeentecode"] if selectie.eenheid == "gemeente" else pd.Series(
        dict.fromkeys(indeling["deelregio"])).index.to_series()
    verborgen = sleutel.map(selectie.analyse.beveiliging[TOTAAL]).reindex(getoond.index).fillna(False).astype(bool)
    getoond = getoond.astype(object)
    getoond["claim"] = getoond["claim"].where(claim.notna(), ONBEKEND)
    getoond.loc[verborgen, ["vraag", "tekort", "claim"]] = VERBORGEN
    return getoond, claim.mask(verborgen)


def hoofdstuk(selectie: Selectie) -> Hoofdstuk:
    """Gap and claim per unit, the region's cumulative gap over the years, and maps of claim and gap."""
    p = selectie.p
    getoond, claim = confrontatietabel(selectie)
    regio = selectie.analyse.confrontatie
    regio = regio[regio["niveau"] == "regio"].pivot_table(index="jaar", columns="scenario", values="tekort")
    cumulatief = regio.cumsum()
    vraag = selectie.vraag()
    vraag = vraag[(vraag["scenario"] == p.scenario) & vraag["doelgroep"].isin(AANDACHTSGROEPEN)]
    aanbod = selectie.analyse.aanbod.reset_index()
    # A row's tier is the weakest of everything in it: demand, lettings, the agreed part of them and new supply.
    delen = [aanbod[["gemeentecode", k]].rename(columns={k: "herkomst"})
             for k in ("verhuringen_herkomst", "beschikbaar_herkomst", "nieuw_aanbod_herkomst")]
    herkomst = selectie.herkomst_per_eenheid(pd.concat([vraag[["gemeentecode", "herkomst"]], *delen]))
    return Hoofdstuk([
        Tekst(
            "Tekort = vraag − verhuringen × afgesproken aandeel − nieuw aanbod; een negatief tekort is een "
            "overschot. De claim is de vraag als deel van alle verhuringen: ligt die boven het afgesproken "
            "aandeel, dan past de opgave niet binnen de afspraak. De herkomst per rij is de zwakste van "
            "alles wat erin zit: vraag, verhuringen, het afgesproken aandeel (een keuze, dus een aanname) en nieuw "
            "aanbod (niet ingevuld: een aanname). " + tekst.dekking_tekst(selectie.analyse.aandachtsgroepen_gedekt())
            + (f" **Bandbreedte van de verhuringen.** {bandbreedte}" if (bandbreedte := selectie.verhuringen_bandbreedte())
               else "")
        ),
        Figuur.van(grafieken.groepen(claim.to_frame("claim"), f"Claim op de verhuringen per {selectie.eenheid}",
                                     "claim", lijn=p.aandeel_verhuringen_aandachtsgroepen, procenten=True)),
        Tabel(met_herkomst(getoond, herkomst), procenten=["claim"],
              bijschrift=f"Woningen per jaar (scenario {p.scenario}, {p.peiljaar}, afgerond op vijftallen)",
              opmerking="Elke kolom is apart afgerond; het tekort is berekend vóór afronding en kan daardoor tot "
                        "5 woningen afwijken van vraag min aanbod in de tabel."),
        Figuur.van(grafieken.over_jaren(cumulatief, "Opgeteld tekort aandachtsgroepen in de regio",
                                        "woningen (cumulatief)")),
        Tabel(publicatie.woningen(cumulatief[[s for s in SCENARIOS if s in cumulatief]]),
              bijschrift=f"Opgeteld tekort aandachtsgroepen in de regio, van {p.peiljaar} tot en met elk jaar (woningen, "
                         "cumulatief, afgerond op vijftallen)"),
        Tekst("**Op de kaart.** De claim en het tekort per gemeente; de tabel naast elke kaart geeft dezelfde cijfers."
              if selectie.met_kaart else "**Per gemeente.** De claim en het tekort staan in de tabellen hieronder."),
        selectie.kaart(selectie.per_gemeente("claim", "claim"), "claim", "Claim op de verhuringen per gemeente",
                       "claim op de verhuringen", procenten=True),
        selectie.kaart(selectie.per_gemeente("tekort", "tekort"), "tekort", "Tekort per gemeente",
                       "tekort (woningen per jaar)"),
    ])
