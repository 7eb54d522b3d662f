"""Download one CBS StatLine table through the ``cbsodata`` client, found and read by its metadata.

Every failure becomes a :class:`WoonzorgFout` in Dutch that names the table and what
went wrong: no connection, an HTTP error, a table that no longer exists, a changed
column, or a download that broke off. The address of StatLine can be pointed elsewhere
with the environment variable ``WOONZORG_CBS_ADRES`` (the tests serve recorded responses).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NoReturn, TypeVar
from urllib.parse import urlsplit

import cbsodata
import pandas as pd
import requests

from woonzorg_lib.data.cbs_tabellen import CbsTabel, Uitsplitsing
from woonzorg_lib.errors import WoonzorgFout

CBS_ADRES = "https://opendata.cbs.nl"
ADRES_VARIABELE = "WOONZORG_CBS_ADRES"
TIJDSLIMIET = (10, 120)  # seconds to connect, seconds between bytes
MAX_KANDIDATEN = 3
MAX_IN_FILTER = 60  # more gemeenten than this: ask for every gemeente and keep the ones asked for
_T = TypeVar("_T")


@dataclass(frozen=True)
class Gedownload:
    """One downloaded table, with what identifies its version.

    ``data`` has one row per gemeente (× period × category) and one column per meetwaarde.
    """

    tabel: CbsTabel
    tabel_id: str
    titel: str
    gewijzigd: str
    gedownload: str
    perioden: dict[str, str]
    data: pd.DataFrame
    ruw: dict[str, list[dict[str, Any]]]

    @property
    def adres(self) -> str:
        """Where a reader finds the table on StatLine."""
        return f"https://opendata.cbs.nl/statline/#/CBS/nl/dataset/{self.tabel_id}/table"


@contextmanager
def _verbinding() -> Iterator[None]:
    """Point cbsodata at StatLine (or at the address in WOONZORG_CBS_ADRES) for the duration."""
    adres = urlsplit(os.environ.get(ADRES_VARIABELE, CBS_ADRES))
    oud = (cbsodata.options.catalog_url, cbsodata.options.use_https)
    cbsodata.options.catalog_url = adres.netloc + adres.path.rstrip("/")
    cbsodata.options.use_https = adres.scheme == "https"
    try:
        yield
    finally:
        cbsodata.options.catalog_url, cbsodata.options.use_https = oud


class CbsOnbereikbaar(WoonzorgFout):
    """CBS could not be reached or did not answer properly; trying another table will not help."""


def _vraag(wat: str, tabel_id: str, oproep: Callable[[], _T]) -> _T:
    """Call cbsodata and translate what can go wrong into one Dutch message."""
    try:
        return oproep()
    except requests.HTTPError as fout:
        status = fout.response.status_code if fout.response is not None else _status(str(fout))
        if status == 404:
            raise WoonzorgFout(f"CBS-tabel {tabel_id} bestaat niet (meer) bij CBS ({wat} gaf HTTP 404)") from None
        raise CbsOnbereikbaar(f"CBS antwoordde met HTTP {status or 'fout'} bij {wat} van tabel {tabel_id}") from None
    except requests.Timeout:
        raise CbsOnbereikbaar(f"CBS antwoordde niet op tijd bij {wat} van tabel {tabel_id}") from None
    except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError,
            json.JSONDecodeError, KeyError, TypeError):
        raise CbsOnbereikbaar(
            f"de download van tabel {tabel_id} ({wat}) brak af of was onvolledig; probeer het later opnieuw"
        ) from None
    except requests.ConnectionError:
        raise CbsOnbereikbaar(
            "geen verbinding met CBS StatLine (opendata.cbs.nl); controleer de internetverbinding of de proxy "
            "(https_proxy)"
        ) from None


def _status(tekst: str) -> int | None:
    gevonden = re.search(r"\b([45]\d\d)\b", tekst)
    return int(gevonden.group(1)) if gevonden else None


def _meta(tabel_id: str, naam: str, **filters: Any) -> list[dict[str, Any]]:
    rijen = _vraag(naam, tabel_id, lambda: cbsodata.get_meta(tabel_id, naam, timeout=TIJDSLIMIET, **filters))
    if not isinstance(rijen, list):
        raise WoonzorgFout(f"de download van tabel {tabel_id} ({naam}) was onvolledig")
    return rijen


def _gelijk(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def kandidaten(tabel: CbsTabel) -> list[str]:
    """Table ids in the CBS catalogue whose title holds every word of the spec, newest first.

    The id known when the spec was written comes last, as a fallback.
    """
    filter_ = " and ".join(f"substringof('{w}',Title)" for w in tabel.titel_bevat)
    lijst = _vraag("de catalogus", tabel.bekend_id or tabel.onderwerp, lambda: cbsodata.get_table_list(
        filters=filter_, timeout=TIJDSLIMIET))
    passend = [
        t for t in lijst
        if all(w.casefold() in str(t.get("Title", "")).casefold() for w in tabel.titel_bevat)
        and str(t.get("Language", "nl")) == "nl"
        and not str(t.get("OutputStatus", t.get("Status", "Regulier"))).startswith("Gediscontinueerd")
    ]
    passend.sort(key=lambda t: str(t.get("Modified", "")), reverse=True)
    ids = list(dict.fromkeys(str(t["Identifier"]) for t in passend if t.get("Identifier")))[:MAX_KANDIDATEN]
    if tabel.bekend_id and tabel.bekend_id.casefold() not in {i.casefold() for i in ids}:
        ids.append(tabel.bekend_id)
    return ids


@dataclass(frozen=True)
class _Opzet:
    """The keys of one table: its topics by model column, and its dimensions by role."""

    meetwaarden: dict[str, str]
    regio: str
    perioden: str
    uitsplitsing: str | None
    overige: list[str]


def _opzet(tabel_id: str, tabel: CbsTabel, eigenschappen: list[dict[str, Any]]) -> _Opzet:
    onderwerpen = {str(e.get("Title", "")): str(e["Key"]) for e in eigenschappen if e.get("Type") == "Topic"}
    meetwaarden: dict[str, str] = {}
    for m in tabel.meetwaarden:
        sleutel = next((k for titel, k in onderwerpen.items() if _gelijk(titel, m.titel)), None)
        if sleutel is None:
            raise WoonzorgFout(
                f"CBS-tabel {tabel_id}: kolom '{m.titel}' ontbreekt (nodig voor {m.kolom}); gevonden: "
                + ", ".join(sorted(onderwerpen)[:12])
            )
        meetwaarden[m.kolom] = sleutel
    dimensies = {str(e["Key"]): (str(e.get("Type")), str(e.get("Title", ""))) for e in eigenschappen
                 if str(e.get("Type", "")).endswith("Dimension")}
    regio = next((k for k, (soort, _) in dimensies.items() if soort == "GeoDimension"), None)
    perioden = next((k for k, (soort, _) in dimensies.items() if soort == "TimeDimension"), None)
    if regio is None or perioden is None:
        raise WoonzorgFout(f"CBS-tabel {tabel_id} heeft geen regio- of periodedimensie meer")
    uitsplitsing = None
    if tabel.uitsplitsing:
        gezocht = tabel.uitsplitsing.dimensie.casefold()
        uitsplitsing = next((k for k, (soort, titel) in dimensies.items()
                             if soort == "Dimension" and gezocht in titel.casefold()), None)
        if uitsplitsing is None:
            raise WoonzorgFout(f"CBS-tabel {tabel_id}: dimensie '{tabel.uitsplitsing.dimensie}' ontbreekt")
    overige = [k for k, (soort, _) in dimensies.items() if soort == "Dimension" and k != uitsplitsing]
    return _Opzet(meetwaarden, regio, perioden, uitsplitsing, overige)


def _totaal(tabel_id: str, dimensie: str, codes: list[dict[str, Any]]) -> str:
    """The key of a dimension's total category ("Totaal", "Totaal mannen en vrouwen", ...)."""
    totalen = [c for c in codes if str(c.get("Title", "")).strip().casefold().startswith("totaal")]
    if not totalen:
        raise WoonzorgFout(f"CBS-tabel {tabel_id}: dimensie {dimensie} heeft geen categorie 'Totaal'")
    return str(min(totalen, key=lambda c: len(str(c.get("Title", ""))))["Key"])


_VAN_TOT = re.compile(r"^(\d+) tot (\d+) jaar$")
_OUDER = re.compile(r"^(\d+) jaar of ouder$")
_EEN_JAAR = re.compile(r"^(\d+) jaar$")


def _leeftijden(codes: list[dict[str, Any]]) -> dict[str, tuple[int, int | None]]:
    """Age categories by key as intervals [van, tot), read from their titles; "Totaal" is (0, None)."""
    uit: dict[str, tuple[int, int | None]] = {}
    for c in codes:
        titel = " ".join(str(c.get("Title", "")).split()).casefold()
        if (m := _VAN_TOT.match(titel)) is not None:
            uit[str(c["Key"])] = (int(m.group(1)), int(m.group(2)))
        elif (m := _OUDER.match(titel)) is not None:
            uit[str(c["Key"])] = (int(m.group(1)), None)
        elif (m := _EEN_JAAR.match(titel)) is not None:
            uit[str(c["Key"])] = (int(m.group(1)), int(m.group(1)) + 1)
        elif titel.startswith("totaal"):
            uit[str(c["Key"])] = (0, None)
    return uit


def _band(tabel_id: str, naam: str, band: tuple[int, int | None], leeftijden: dict[str, tuple[int, int | None]]) -> list[str]:
    """The fewest categories that together cover the band exactly, without overlap."""
    if band == (0, None):
        totaal = [k for k, v in leeftijden.items() if v == band]
        return totaal[:1] or _band_mislukt(tabel_id, naam)
    van, tot = band
    gekozen: list[str] = []
    while tot is None or van < tot:
        passend = [(k, t) for k, (v, t) in leeftijden.items()
                   if v == van and (tot is None or (t is not None and t <= tot))]
        if not passend:
            return _band_mislukt(tabel_id, naam)
        sleutel, einde = max(passend, key=lambda kt: float("inf") if kt[1] is None else kt[1])
        gekozen.append(sleutel)
        if einde is None:
            break
        van = einde
    return gekozen


def _band_mislukt(tabel_id: str, naam: str) -> NoReturn:
    raise WoonzorgFout(f"CBS-tabel {tabel_id}: de leeftijdsgroepen voor {naam} zijn niet uit de categorieën samen te stellen")


def _filter(dimensie: str, sleutels: Sequence[str]) -> str:
    return "(" + " or ".join(f"{dimensie} eq '{s}'" for s in sleutels) + ")"


def _categorieen(tabel_id: str, uitsplitsing: Uitsplitsing, codes: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Category keys by name: one band of age categories each, or every category by its title."""
    if not uitsplitsing.banden:
        return {" ".join(str(c.get("Title", c["Key"])).split()): [str(c["Key"])] for c in codes}
    leeftijden = _leeftijden(codes)
    return {naam: _band(tabel_id, naam, band, leeftijden) for naam, band in uitsplitsing.banden.items()}


def download(tabel: CbsTabel, tabel_id: str, gemeentecodes: Sequence[str]) -> Gedownload:
    """Download one table for the given gemeenten and check it against the spec."""
    with _verbinding():
        info = _meta(tabel_id, "TableInfos")
        eigenschappen = _meta(tabel_id, "DataProperties")
        opzet = _opzet(tabel_id, tabel, eigenschappen)
        ruw: dict[str, list[dict[str, Any]]] = {"TableInfos": info, "DataProperties": eigenschappen}
        for dimensie in [*opzet.overige, *([opzet.uitsplitsing] if opzet.uitsplitsing else []), opzet.perioden]:
            ruw[dimensie] = _meta(tabel_id, dimensie)
        vast = {d: _totaal(tabel_id, d, ruw[d]) for d in opzet.overige}
        categorieen = (_categorieen(tabel_id, tabel.uitsplitsing, ruw[opzet.uitsplitsing])
                       if tabel.uitsplitsing and opzet.uitsplitsing else {})
        perioden = sorted(str(p["Key"]) for p in ruw[opzet.perioden])
        if not perioden:
            raise WoonzorgFout(f"CBS-tabel {tabel_id} heeft geen perioden")
        delen = [_filter(d, [k]) for d, k in vast.items()]
        if opzet.uitsplitsing:
            delen.append(_filter(opzet.uitsplitsing, sorted({k for ks in categorieen.values() for k in ks})))
        delen.append(_filter(opzet.regio, gemeentecodes) if len(gemeentecodes) <= MAX_IN_FILTER
                     else f"substringof('GM',{opzet.regio})")
        if tabel.perioden == "nieuwste":
            delen.append(_filter(opzet.perioden, perioden[-1:]))
        kolommen = [opzet.regio, opzet.perioden, *([opzet.uitsplitsing] if opzet.uitsplitsing else []),
                    *opzet.meetwaarden.values()]
        ruw["TypedDataSet"] = _meta(tabel_id, "TypedDataSet", filters=" and ".join(delen), select=kolommen)
    data = _normaliseer(tabel_id, opzet, categorieen, ruw["TypedDataSet"], gemeentecodes)
    titels = {str(p["Key"]).strip(): _periode(p) for p in ruw[opzet.perioden]}
    return Gedownload(
        tabel, tabel_id,
        titel=str(info[0].get("Title", tabel_id)) if info else tabel_id,
        gewijzigd=str(info[0].get("Modified", "")) if info else "",
        gedownload=datetime.now().astimezone().isoformat(timespec="seconds"),
        perioden={k: titels.get(k, k) for k in sorted(set(data["periode"]))},
        data=data, ruw=ruw,
    )


def _periode(p: dict[str, Any]) -> str:
    status = str(p.get("Status", "") or "")
    titel = str(p.get("Title", p["Key"])).strip()
    return f"{titel} ({status.lower()})" if status and status != "Definitief" else titel


def _normaliseer(
    tabel_id: str, opzet: _Opzet, categorieen: dict[str, list[str]], rijen: list[dict[str, Any]],
    gemeentecodes: Sequence[str],
) -> pd.DataFrame:
    """One row per gemeente × period (× category), values as numbers (NaN where CBS shows '.')."""
    if not rijen:
        raise WoonzorgFout(f"CBS-tabel {tabel_id} gaf geen cijfers voor de gevraagde gemeenten")
    ontbreekt = [k for k in [opzet.regio, opzet.perioden, *opzet.meetwaarden.values()] if k not in rijen[0]]
    if ontbreekt:
        raise WoonzorgFout(f"CBS-tabel {tabel_id}: kolom {', '.join(ontbreekt)} ontbreekt in de cijfers")
    ruw = pd.DataFrame(rijen)
    data = pd.DataFrame({
        "gemeentecode": ruw[opzet.regio].astype(str).str.strip(),
        "periode": ruw[opzet.perioden].astype(str).str.strip(),
    })
    kolommen = list(opzet.meetwaarden)
    for kolom, sleutel in opzet.meetwaarden.items():
        data[kolom] = pd.to_numeric(ruw[sleutel], errors="coerce")
    if (data[kolommen] < 0).any().any():
        raise WoonzorgFout(f"CBS-tabel {tabel_id} bevat negatieve aantallen")
    if opzet.uitsplitsing:
        categorie = ruw[opzet.uitsplitsing].astype(str).str.strip()
        # A category can count in more than one group (the total and 85+): sum per group.
        data = pd.concat([
            data[categorie.isin([k.strip() for k in sleutels])]
            .groupby(["gemeentecode", "periode"], as_index=False)[kolommen].sum(min_count=len(sleutels))
            .assign(categorie=naam)
            for naam, sleutels in categorieen.items()
        ], ignore_index=True)
    ontbrekend = sorted(set(gemeentecodes) - set(data["gemeentecode"]))
    if ontbrekend:
        raise WoonzorgFout(
            f"CBS-tabel {tabel_id} heeft geen cijfers voor {', '.join(ontbrekend[:10])}"
            + (f" en {len(ontbrekend) - 10} andere" if len(ontbrekend) > 10 else "")
            + "; mogelijk volgt de tabel een andere gemeentelijke indeling"
        )
    data = data[data["gemeentecode"].isin(gemeentecodes)]
    sortering = ["gemeentecode", "periode"] + (["categorie"] if "categorie" in data else [])
    return data.sort_values(sortering, ignore_index=True)


def kies_en_download(tabel: CbsTabel, gemeentecodes: Sequence[str]) -> Gedownload | None:
    """Find the current table for a spec in the catalogue and download it.

    Tries the newest fitting table first. Returns None for an optional table the catalogue
    no longer has. A candidate that does not fit (a changed column) is skipped; when none
    fits the message names each and why. No connection, an HTTP error or a broken
    download stop at once.
    """
    with _verbinding():
        ids = kandidaten(tabel)
    if not ids:
        if tabel.verplicht:
            raise WoonzorgFout(f"de CBS-catalogus heeft geen tabel meer voor {tabel.omschrijving.lower()}")
        return None
    redenen = []
    for tabel_id in ids:
        try:
            return download(tabel, tabel_id, gemeentecodes)
        except CbsOnbereikbaar:
            raise
        except WoonzorgFout as fout:
            redenen.append(str(fout))
    raise WoonzorgFout(f"geen bruikbare CBS-tabel voor {tabel.onderwerp}: " + "; ".join(redenen))
