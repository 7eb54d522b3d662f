"""Benchmark: the full model for every gemeente of the Netherlands.

342 gemeenten (the 12 provinces as deelregio's) × all 15 vraagposten of the 12 groups ×
3 scenarios × 7 years (the statushouders per year and scenario, by statute): demand,
supply, confrontation at three levels, and three fair-share variants. Prints the median time of repeated runs against the target of 0.1 s.

    .venv/bin/python bench/model_nederland.py

Inputs: the bundled defaults; the groups that have no public figure per gemeente get
a placeholder of 1 per 1,000 inhabitants, labelled as such. They exist only to load the
model with every group; they are never shown as a figure.
"""

from __future__ import annotations

import statistics
import time

import pandas as pd

from woonzorg_lib.analyse.doorrekenen import SOM_KOLOMMEN
from woonzorg_lib.analyse.parameters import STANDAARD_VERDEELSLEUTELS, WoonzorganalyseParameters
from woonzorg_lib.analyse.uitgangspunten import invoer_voor, taakstelling_voor
from woonzorg_lib.data.basis import basisgegevens, gemeenten, per_gemeente
from woonzorg_lib.data.catalogus import Regio
from woonzorg_lib.model.aanbod import bereken_aanbod, confrontatie, voeg_saldo_toe
from woonzorg_lib.model.doelgroepen import ONDERWERPEN, VRAAGPOSTEN
from woonzorg_lib.model.niveaus import op_niveaus
from woonzorg_lib.model.verdeling import varianten
from woonzorg_lib.model.vraag import bereken_vraag

DOEL_SECONDEN = 0.1
HERHALINGEN = 20


def nederland() -> Regio:
    gem = gemeenten()
    return Regio("nederland", "Nederland", {p: tuple(r["gemeentecode"]) for p, r in gem.groupby("provincie")})


def invoer_voor_alle_groepen(regio: Regio, jaren: list[int]) -> tuple[pd.DataFrame, pd.DataFrame]:
    parameters = WoonzorganalyseParameters(regio="mra")  # only the defaults matter here, not the region
    invoer, kengetallen = invoer_voor(parameters, regio, None, taakstelling_voor(parameters, regio, jaren))
    inwoners = per_gemeente(basisgegevens())["inwoners"]
    ontbrekend = {v.onderwerp for v in VRAAGPOSTEN.values()} - set(invoer["onderwerp"])
    plaatshouders = [
        pd.DataFrame({"gemeentecode": inwoners.index, "onderwerp": o, "waarde": inwoners.to_numpy() / 1000,
                      "herkomst": "aanname", "bron": "benchmark-plaatshouder, geen cijfer", "peildatum": ""})
        for o in sorted(ontbrekend)
    ]
    return pd.concat([invoer, *plaatshouders], ignore_index=True), kengetallen


def model(regio: Regio, invoer: pd.DataFrame, kengetallen: pd.DataFrame, jaren: list[int]) -> pd.DataFrame:
    vraag = bereken_vraag(invoer, kengetallen, jaren)
    codes = pd.Index(regio.gemeentecodes, name="gemeentecode")
    aanbod = bereken_aanbod(invoer, codes, float(kengetallen.loc["mutatiegraad", "midden"]), 0.10)
    conf = confrontatie(vraag, aanbod)
    niveaus = voeg_saldo_toe(op_niveaus(conf, regio, ["scenario", "jaar"], SOM_KOLOMMEN))
    eigen = conf[(conf["scenario"] == "midden") & (conf["jaar"] == jaren[0])].set_index("gemeentecode")["vraag_aandachtsgroepen"]
    sleutels = pd.DataFrame({"inwoners": per_gemeente(basisgegevens())["inwoners"].reindex(codes),
                             "sociale_huurvoorraad": aanbod["corporatiewoningen"], "verhuringen": aanbod["verhuringen"]})
    varianten(int(round(eigen.sum())), sleutels, STANDAARD_VERDEELSLEUTELS)
    return niveaus


def main() -> None:
    regio = nederland()
    jaren = list(range(2024, 2031))
    invoer, kengetallen = invoer_voor_alle_groepen(regio, jaren)
    uitkomst = model(regio, invoer, kengetallen, jaren)  # warm-up, and a check of the size
    vraagrijen = len(bereken_vraag(invoer, kengetallen, jaren))
    tijden = []
    for _ in range(HERHALINGEN):
        begin = time.perf_counter()
        model(regio, invoer, kengetallen, jaren)
        tijden.append(time.perf_counter() - begin)
    mediaan = statistics.median(tijden)
    print(f"gemeenten: {len(regio.gemeentecodes)}, deelregio's (provincies): {len(regio.deelregios)}, "
          f"vraagposten: {len(VRAAGPOSTEN)} van {len({v.doelgroep for v in VRAAGPOSTEN.values()})} doelgroepen, "
          f"onderwerpen: {invoer['onderwerp'].nunique()} van {len(ONDERWERPEN)}, scenario's: 3, jaren: {len(jaren)}")
    print(f"rijen vraag: {vraagrijen}, rijen confrontatie op drie niveaus: {len(uitkomst)}")
    print(f"volledig model, mediaan van {HERHALINGEN} runs: {mediaan * 1000:.1f} ms "
          f"(min {min(tijden) * 1000:.1f} ms, max {max(tijden) * 1000:.1f} ms)")
    print(f"doel: onder {DOEL_SECONDEN * 1000:.0f} ms — verhouding tijd/doel = {mediaan / DOEL_SECONDEN:.2f} "
          f"({'gehaald' if mediaan < DOEL_SECONDEN else 'NIET gehaald'})")


if __name__ == "__main__":
    main()
