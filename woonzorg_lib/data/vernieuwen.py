"""Refresh from CBS StatLine: download every table, check it, and keep it as a new data edition.

All tables are downloaded and checked first; only then is the edition written (in a
temporary folder, renamed into place). A failure anywhere leaves the existing editions
as they were and says which edition the analyses keep using.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from woonzorg_lib import __version__
from woonzorg_lib.algemeen.errors import WoonzorgFout, keuze
from woonzorg_lib.data import edities
from woonzorg_lib.data.basis import INDICATOREN
from woonzorg_lib.data.catalogus import bekende_codes, laad_regio
from woonzorg_lib.data.cbs_tabellen import BASIS_ONDERWERPEN, CBS_TABELLEN, TABEL, CbsTabel
from woonzorg_lib.data.statline import CbsOnbereikbaar, Gedownload, kies_en_download


def bron(download: Gedownload) -> str:
    """The source line of a refreshed figure: table id, title, period, table version and download date.

    >>> from woonzorg_lib.data.cbs_tabellen import TABEL
    >>> d = Gedownload(TABEL["bevolking"], "03759ned", "Bevolking; leeftijd", "2025-06-30T02:00:00",
    ...                "2026-11-22T14:05:09+01:00", {"2025JJ00": "2025"}, pd.DataFrame(), {})
    >>> bron(d)
    'CBS StatLine 03759ned (Bevolking; leeftijd), 2025; tabelversie 2025-06-30, gedownload 2026-11-22'
    """
    waarden = list(download.perioden.values())
    perioden = ", ".join(waarden) if len(waarden) <= 3 else f"{waarden[0]} t/m {waarden[-1]}"
    return (f"CBS StatLine {download.tabel_id} ({download.titel}), {perioden}; "
            f"tabelversie {download.gewijzigd[:10]}, gedownload {download.gedownload[:10]}")


def basisrijen(download: Gedownload) -> pd.DataFrame:
    """The base figures in a downloaded table, in the long form of ``basisgegevens``: tier register, or schatting.

    KWB gives the corporation share as a whole percentage: the stock is that share × the
    dwellings of the same table, an estimate (±0,5 point) with tier schatting, and its source says so.
    """
    data = download.data
    bron_tabel = bron(download)
    if "categorie" in data:
        lang = data.rename(columns={"categorie": "indicator", "aantal": "waarde"}).assign(bron=bron_tabel)
    else:
        kolommen = [m.kolom for m in download.tabel.meetwaarden]
        breed = data.copy()
        bronnen = {k: bron_tabel for k in kolommen}
        if "corporatie_procent" in breed:
            breed["corporatiewoningen"] = breed["corporatie_procent"] / 100 * breed["woningvoorraad"]
            kolommen = ["woningvoorraad", "corporatiewoningen"]
            bronnen["corporatiewoningen"] = (f"schatting: {bron_tabel}: aandeel in bezit van woningcorporaties (hele "
                                             "procenten, ±0,5 procentpunt) × woningvoorraad")
        lang = breed.melt(id_vars=["gemeentecode", "periode", "peildatum"], value_vars=kolommen, var_name="indicator",
                          value_name="waarde")
        lang["bron"] = lang["indicator"].map(bronnen)
    leeg = lang[lang["waarde"].isna()]
    if len(leeg):
        raise WoonzorgFout(
            f"CBS-tabel {download.tabel_id} heeft geen waarde voor {', '.join(sorted(set(leeg['indicator'])))} "
            f"bij {', '.join(sorted(set(leeg['gemeentecode']))[:10])}"
        )
    return pd.DataFrame({
        "gemeentecode": lang["gemeentecode"],
        "indicator": lang["indicator"],
        "waarde": lang["waarde"].round().astype("int64"),
        "eenheid": lang["indicator"].map(INDICATOREN),
        "peildatum": lang["peildatum"],
        "herkomst": lang["bron"].str.startswith("schatting:").map({True: "schatting", False: "register"}),
        "bron": lang["bron"],
    })


def kies_woningvoorraad(downloads: Sequence[Gedownload]) -> tuple[list[Gedownload], list[str]]:
    """Of the stock table (86286NED/82900NED) and KWB, keep the newer as the source of dwellings and corporation stock.

    A tie goes to the stock table: a count beats a rounded percentage. Returns the
    downloads to use as base figures and a notice of the choice.
    """
    basis = [d for d in downloads if d.tabel.onderwerp in BASIS_ONDERWERPEN]
    voorraad = {d.tabel.onderwerp: d for d in basis if d.tabel.onderwerp in ("woningvoorraad", "kwb")}
    if len(voorraad) < 2:
        return basis, []
    datum = {o: str(d.data["peildatum"].max()) for o, d in voorraad.items()}
    winnaar, verliezer = ("kwb", "woningvoorraad") if datum["kwb"] > datum["woningvoorraad"] else ("woningvoorraad", "kwb")
    melding = (f"woningvoorraad en corporatiewoningen uit {voorraad[winnaar].tabel_id} (peildatum {datum[winnaar]}), "
               f"niet uit {voorraad[verliezer].tabel_id} (peildatum {datum[verliezer]})")
    return [d for d in basis if d is not voorraad[verliezer]], [melding]


def controleer_basis(rijen: pd.DataFrame, codes: Sequence[str]) -> None:
    """Every gemeente has every refreshed indicator once, and the parts never exceed their whole."""
    breed = rijen.pivot_table(index="gemeentecode", columns="indicator", values="waarde", aggfunc="count")
    if (breed != 1).any().any() or set(breed.index) != set(codes):
        raise WoonzorgFout("de vernieuwde basisgegevens hebben niet precies één waarde per gemeente en indicator")
    waarden = rijen.pivot(index="gemeentecode", columns="indicator", values="waarde")
    fouten = []
    if {"inwoners", "inwoners_65_74", "inwoners_75_84", "inwoners_85plus"} <= set(waarden):
        ouderen = waarden[["inwoners_65_74", "inwoners_75_84", "inwoners_85plus"]].sum(axis=1)
        fouten += [f"{c}: meer 65-plussers dan inwoners" for c in waarden.index[ouderen > waarden["inwoners"]]]
    if {"woningvoorraad", "corporatiewoningen"} <= set(waarden):
        te_veel = waarden["corporatiewoningen"] > waarden["woningvoorraad"]
        fouten += [f"{c}: meer corporatiewoningen dan woningen" for c in waarden.index[te_veel]]
    if fouten:
        raise WoonzorgFout("de vernieuwde cijfers zijn niet consistent: " + "; ".join(fouten[:10]))


def _aandachtsgroepen(download: Gedownload) -> pd.DataFrame:
    data = download.data.rename(columns={"categorie": "groep"})
    return data.assign(bron=bron(download))[["gemeentecode", "groep", "personen", "huishoudens", "peildatum", "bron"]]


def prognoserijen(download: Gedownload) -> pd.DataFrame:
    """The prognosis per gemeente and year (1 January), whole persons, tier schatting: a prognosis is no count."""
    data = download.data
    leeg = data[data["inwoners"].isna()]
    if len(leeg):
        raise WoonzorgFout(f"CBS-tabel {download.tabel_id} heeft geen prognose voor "
                           f"{', '.join(sorted(set(leeg['gemeentecode']))[:10])}; die gemeenten zijn niet om te zetten "
                           "naar de huidige indeling")
    bron_tekst = bron(download) + "".join(f"; {m}" for m in download.meldingen if "regio-indeling" in m)
    return pd.DataFrame({"gemeentecode": data["gemeentecode"], "jaar": data["peildatum"].str[:4].astype(int),
                         "peildatum": data["peildatum"], "inwoners": data["inwoners"].round().astype("int64"),
                         "herkomst": "schatting", "bron": bron_tekst})


def _beschrijving(regio: str | None, codes: Sequence[str], downloads: list[Gedownload],
                  meldingen: list[str]) -> dict[str, Any]:
    return {
        "aangemaakt": datetime.now().astimezone().isoformat(timespec="seconds"),
        "woonzorg": __version__,
        "regio": regio or "heel Nederland",
        "gemeentecodes": sorted(codes),
        "tabellen": [
            {"onderwerp": d.tabel.onderwerp, "tabel_id": d.tabel_id, "titel": d.titel, "gewijzigd": d.gewijzigd,
             "perioden": d.perioden, "gedownload": d.gedownload, "adres": d.adres, "rijen": len(d.data)}
            for d in downloads
        ],
        "meldingen": meldingen,
    }


def kies_tabellen(onderwerpen: Sequence[str] | None) -> list[CbsTabel]:
    """The tables to refresh: the named onderwerpen, or all of them."""
    if not onderwerpen:
        return list(CBS_TABELLEN)
    onbekend = [o for o in onderwerpen if o not in TABEL]
    if onbekend:
        raise WoonzorgFout(f"onbekende tabel '{onbekend[0]}'; {keuze(onbekend[0], TABEL)}")
    return [TABEL[o] for o in dict.fromkeys(onderwerpen)]


def vernieuw(
    regio: str | None = None, onderwerpen: Sequence[str] | None = None, meld: Callable[[str], None] = print
) -> edities.Editie:
    """Download the tables for one region (or every gemeente) and keep them as a new edition."""
    tabellen = kies_tabellen(onderwerpen)
    codes = sorted(laad_regio(regio).gemeentecodes) if regio else sorted(bekende_codes())
    downloads: list[Gedownload] = []
    meldingen: list[str] = []
    try:
        for tabel in tabellen:
            meld(f"{tabel.omschrijving} …")
            try:
                download = kies_en_download(tabel, codes)
            except CbsOnbereikbaar:
                raise
            except WoonzorgFout as fout:
                if tabel.verplicht or onderwerpen:  # asked for by name: its failure is the answer
                    raise
                download, reden = None, str(fout)
            else:
                reden = "niet (meer) in de CBS-catalogus"
            if download is None:
                meldingen.append(f"{tabel.omschrijving}: niet vernieuwd ({reden})")
                meld(f"  niet vernieuwd: {reden}")
                continue
            meld(f"  {download.tabel_id}, {', '.join(download.perioden.values())}: {len(download.data)} rijen")
            for melding in download.meldingen:
                meldingen.append(f"{tabel.omschrijving}: {melding}")
                meld(f"  {melding}")
            downloads.append(download)
        if not downloads:
            raise WoonzorgFout("geen enkele tabel kon worden vernieuwd")
        gebruikt, keuze_melding = kies_woningvoorraad(downloads)
        meldingen += keuze_melding
        basis = [basisrijen(d) for d in gebruikt]
        if basis:
            controleer_basis(pd.concat(basis, ignore_index=True), codes)
        prognose = [prognoserijen(d) for d in downloads if d.tabel.onderwerp == "prognose"]
    except WoonzorgFout as fout:
        huidig = edities.kies(None, codes)
        raise WoonzorgFout(
            f"{fout}\nEr is geen nieuwe data-editie gemaakt; de bestaande edities zijn ongewijzigd. De analyses "
            f"gebruiken nog {'editie ' + huidig.naam if huidig else 'de meegeleverde gegevens'}."
        ) from None

    def vul(map_: Path) -> dict[str, Any]:
        if basis:
            pd.concat(basis, ignore_index=True).to_csv(map_ / edities.BASISGEGEVENS, index=False)
        if prognose:
            prognose[0].to_csv(map_ / edities.PROGNOSE, index=False)
        for download in downloads:
            if download.tabel.onderwerp == "aandachtsgroepen":
                _aandachtsgroepen(download).to_csv(map_ / edities.AANDACHTSGROEPEN_BESTAND, index=False)
            ruw = map_ / "cbs" / download.tabel_id
            ruw.mkdir(parents=True)
            for naam, rijen in download.ruw.items():
                (ruw / f"{naam}.json").write_text(json.dumps(rijen, ensure_ascii=False), encoding="utf-8")
        return _beschrijving(regio, codes, downloads, meldingen)

    return edities.schrijf(edities.nieuwe_naam(), vul)
