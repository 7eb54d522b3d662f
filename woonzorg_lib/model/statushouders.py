"""The taakstelling vergunninghouders per gemeente, half-year and scenario, as the law computes it.

Huisvestingswet 2014, art. 29: the national number of a half-year × the gemeente's
inhabitants ÷ the inhabitants of the Netherlands, rounded up, with the inhabitants of
1 January of the year *before* the half-year. A half-year whose national number is
published uses it in every scenario; a half-year without one takes a range (laag /
midden / hoog) that is an ``aanname``, by default derived from the latest published
numbers. Pure functions: the caller passes the bundled tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from statistics import median

import pandas as pd

from woonzorg_lib.algemeen.opmaak import getal
from woonzorg_lib.model.doelgroepen import SCENARIOS
from woonzorg_lib.model.herkomst import zwakste
from woonzorg_lib.model.verdeling import peildatum_art29, taakstelling_art29

RECENTE_HALFJAREN = 3  # the default range for unknown half-years spans the latest three published numbers
KOLOMMEN = ["gemeentecode", "halfjaar", "jaar", "scenario", "personen", "landelijk", "peildatum_inwoners",
            "herkomst", "bron"]


def halfjaren(jaren: Iterable[int]) -> list[str]:
    """The half-years of the given years.

    >>> halfjaren([2025, 2026])
    ['2025-H1', '2025-H2', '2026-H1', '2026-H2']
    """
    return [f"{jaar}-{deel}" for jaar in jaren for deel in ("H1", "H2")]


def reeksen(gevraagd: Iterable[str]) -> list[str]:
    """Consecutive half-years written as ranges.

    >>> reeksen(["2024-H2", "2026-H1", "2026-H2", "2027-H1"])
    ['2024-H2', '2026-H1 t/m 2027-H1']
    """
    def naam(volgnummer: int) -> str:
        return f"{volgnummer // 2}-H{volgnummer % 2 + 1}"

    groepen: list[list[int]] = []
    for volgnummer in sorted(int(h[:4]) * 2 + (h[-1] == "2") for h in gevraagd):
        if groepen and volgnummer == groepen[-1][-1] + 1:
            groepen[-1].append(volgnummer)
        else:
            groepen.append([volgnummer])
    return [naam(g[0]) if len(g) == 1 else f"{naam(g[0])} t/m {naam(g[-1])}" for g in groepen]


def standaard_bereik(gepubliceerd: pd.DataFrame) -> dict[str, float | str]:
    """The default range for half-years without a published number: the latest published numbers.

    laag = the smallest, midden = the median, hoog = the largest of the latest three
    published half-year totals; ``bron`` says so.

    >>> tabel = pd.DataFrame({"halfjaar": ["2024-H1", "2025-H1", "2025-H2"], "personen": [18750, 15000, 13000]})
    >>> {k: v for k, v in standaard_bereik(tabel).items() if k != "bron"}
    {'laag': 13000.0, 'midden': 15000.0, 'hoog': 18750.0}
    """
    recent = gepubliceerd.sort_values("halfjaar").tail(RECENTE_HALFJAREN)
    aantallen = [float(a) for a in recent["personen"]]
    lijst = ", ".join(f"{h} {getal(a)}" for h, a in zip(recent["halfjaar"], aantallen, strict=True))
    return {
        "laag": min(aantallen), "midden": float(median(aantallen)), "hoog": max(aantallen),
        "bron": f"aanname: geen landelijk aantal in de gegevens; bereik van de laatste {len(aantallen)} gepubliceerde "
                f"halfjaartotalen ({lijst}): laagste, mediaan en hoogste",
    }


def landelijke_aantallen(
    gepubliceerd: pd.DataFrame, gevraagd: Iterable[str], onbekend: Mapping[str, float | str]
) -> pd.DataFrame:
    """The national number per half-year (rows) and scenario (columns laag/midden/hoog), with herkomst and bron.

    ``gepubliceerd`` has columns halfjaar, personen, bron (and optionally oorspronkelijk);
    ``onbekend`` is the range (laag, midden, hoog, bron) for half-years without a number.
    """
    bekend = gepubliceerd.set_index("halfjaar")
    rijen = []
    for halfjaar in gevraagd:
        if halfjaar in bekend.index:
            rij = bekend.loc[halfjaar]
            aantal = float(rij["personen"])
            bijgesteld = str(rij.get("oorspronkelijk", "") or "")
            toelichting = f", bijgesteld van {getal(float(bijgesteld))}" if bijgesteld not in ("", "nan") else ""
            rijen.append({"halfjaar": halfjaar, **dict.fromkeys(SCENARIOS, aantal), "herkomst": "schatting",
                          "bron": f"landelijk {getal(aantal)}{toelichting} ({rij['bron']})"})
        else:
            rijen.append({"halfjaar": halfjaar, **{s: float(onbekend[s]) for s in SCENARIOS}, "herkomst": "aanname",
                          "bron": str(onbekend["bron"])})
    return pd.DataFrame(rijen).set_index("halfjaar")


def _peildatum(halfjaar: str, beschikbaar: list[str]) -> tuple[str, str]:
    """The statutory reference date, or the nearest available one (and a note saying so)."""
    wettelijk = peildatum_art29(halfjaar)
    if wettelijk in beschikbaar:
        return wettelijk, ""
    eerder = [d for d in beschikbaar if d < wettelijk]
    gebruikt = max(eerder) if eerder else min(beschikbaar)
    return gebruikt, f"; de wet vraagt inwoners op {wettelijk}, die zitten niet in de gegevens: gebruikt {gebruikt}"


def taakstelling(
    landelijk: pd.DataFrame, bevolking: pd.DataFrame, gemeenten: Iterable[str]
) -> pd.DataFrame:
    """Per gemeente × half-year × scenario the taakstelling in persons (art. 29), with its provenance.

    ``landelijk`` is the result of ``landelijke_aantallen``; ``bevolking`` has one row per
    gemeente of the Netherlands × peildatum (columns gemeentecode, peildatum, inwoners).
    Every gemeente's figure is ⌈national × inhabitants ÷ inhabitants of the Netherlands⌉.
    """
    codes = list(gemeenten)
    inwoners = bevolking.pivot(index="gemeentecode", columns="peildatum", values="inwoners")
    beschikbaar = sorted(inwoners.columns)
    delen = []
    for halfjaar, rij in landelijk.iterrows():
        peildatum, noot = _peildatum(str(halfjaar), beschikbaar)
        kolom = inwoners[peildatum].dropna().astype("int64")
        nederland = int(kolom.sum())
        for scenario in SCENARIOS:
            aantal = int(round(rij[scenario]))
            per_gemeente = taakstelling_art29(aantal, kolom.reindex(codes), nederland)
            delen.append(pd.DataFrame({
                "gemeentecode": codes, "halfjaar": halfjaar, "jaar": int(str(halfjaar)[:4]), "scenario": scenario,
                "personen": per_gemeente.to_numpy(dtype="float64"), "landelijk": aantal,
                "peildatum_inwoners": peildatum, "herkomst": rij["herkomst"],
                "bron": (f"art. 29 Huisvestingswet: {halfjaar} {rij['bron']} × inwoners ÷ inwoners van Nederland "
                         f"({getal(nederland)}) op {peildatum} (CBS), naar boven afgerond{noot}"),
            }))
    return pd.DataFrame(pd.concat(delen, ignore_index=True), columns=KOLOMMEN)


def per_jaar(halfjaarlijks: pd.DataFrame) -> pd.DataFrame:
    """Invoer rows for the demand model: per gemeente × year × scenario the mean of the two half-years.

    The onderwerp is a taakstelling *per halfjaar*; the demand model doubles it, so the
    yearly demand is exactly H1 + H2. The weakest herkomst of the two half-years is kept.
    """
    groepen = halfjaarlijks.groupby(["gemeentecode", "jaar", "scenario"], sort=False)
    uit = groepen.agg(
        waarde=("personen", "mean"),
        herkomst=("herkomst", zwakste),
        bron=("bron", lambda b: " | ".join(dict.fromkeys(b))),
        peildatum=("halfjaar", lambda h: " en ".join(h)),
    ).reset_index()
    uit.insert(1, "onderwerp", "statushouders_taakstelling")
    return uit


__all__ = ["halfjaren", "landelijke_aantallen", "per_jaar", "reeksen", "standaard_bereik", "taakstelling"]
