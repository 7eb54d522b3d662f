"""The one place that talks HTTP to CBS: OData v3 catalogue, metadata and ``TypedDataSet``, with retries.

``requests`` with urllib3's ``Retry`` does the work: connection errors, resets and
429/5xx answers are tried again with exponential back-off, every request has a time
limit, and a request URL never exceeds :data:`MAX_URL` characters (CBS answers an
over-long URL by closing the connection). Every failure becomes a Dutch
:class:`WoonzorgFout` that tells being offline from a reset connection, an over-long
request, an HTTP error and a download that broke off. ``docs/cbs-client.md`` says why
this is not cbsodata or an OData v4 client. ``WOONZORG_CBS_ADRES`` points it elsewhere
(the tests serve a local StatLine).
"""

from __future__ import annotations

import json
import os
from functools import cache
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from woonzorg_lib.algemeen.errors import WoonzorgFout

CBS_ADRES = "https://opendata.cbs.nl"
ADRES_VARIABELE = "WOONZORG_CBS_ADRES"
TIJDSLIMIET = (10, 120)  # seconds to connect, seconds between bytes
MAX_URL = 2000  # characters; CBS resets the connection on much longer request URLs (cbsodataR issue 16)
RUIMTE_VOLGENDE = 64  # what a next-page link adds to a request URL ($skip, $skiptoken)
POGINGEN = 4  # retries after the first try
TERUGVAL = 1.0  # seconds of back-off before the first retry, doubling each time
_OPNIEUW_BIJ = (429, 500, 502, 503, 504)


class CbsOnbereikbaar(WoonzorgFout):
    """CBS could not be reached or did not answer properly; trying another table will not help."""


def adres() -> str:
    """The StatLine address in use (``WOONZORG_CBS_ADRES`` or opendata.cbs.nl), without a trailing slash."""
    return os.environ.get(ADRES_VARIABELE, CBS_ADRES).rstrip("/")


@cache
def _sessie(terugval: float) -> requests.Session:
    sessie = requests.Session()
    opnieuw = Retry(total=POGINGEN, connect=POGINGEN, read=POGINGEN, status=POGINGEN, backoff_factor=terugval,
                    status_forcelist=_OPNIEUW_BIJ, allowed_methods=frozenset({"GET"}), raise_on_status=False,
                    respect_retry_after_header=True)
    sessie.mount("http://", HTTPAdapter(max_retries=opnieuw))
    sessie.mount("https://", HTTPAdapter(max_retries=opnieuw))
    return sessie


def _haal(url: str, params: dict[str, str] | None, wat: str, tabel_id: str) -> dict[str, Any]:
    """One GET, answered as JSON, with every failure in Dutch."""
    voorbereid = requests.Request("GET", url, params=params).prepare()
    lengte = len(voorbereid.url or "")
    if lengte > MAX_URL:  # a programming error of the caller: it must split its filter
        raise WoonzorgFout(f"het verzoek om {wat} van tabel {tabel_id} is te lang ({lengte} tekens; CBS aanvaardt er "
                           f"ongeveer {MAX_URL})")
    try:
        antwoord = _sessie(TERUGVAL).send(voorbereid, timeout=TIJDSLIMIET)
    except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError):
        raise CbsOnbereikbaar(f"de download van tabel {tabel_id} ({wat}) brak af of was onvolledig; probeer het later "
                              "opnieuw") from None
    except requests.Timeout:
        raise CbsOnbereikbaar(f"CBS antwoordde niet op tijd bij {wat} van tabel {tabel_id} (ook niet na "
                              f"{POGINGEN} nieuwe pogingen)") from None
    except requests.ConnectionError as fout:
        raise CbsOnbereikbaar(_verbindingsfout(fout, wat, tabel_id)) from None
    if antwoord.status_code == 404:
        raise WoonzorgFout(f"CBS-tabel {tabel_id} bestaat niet (meer) bij CBS ({wat} gaf HTTP 404)")
    if antwoord.status_code >= 400:
        raise CbsOnbereikbaar(f"CBS antwoordde met HTTP {antwoord.status_code} bij {wat} van tabel {tabel_id}"
                              + (f" (ook na {POGINGEN} nieuwe pogingen)" if antwoord.status_code in _OPNIEUW_BIJ else ""))
    try:
        inhoud = json.loads(antwoord.content.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise CbsOnbereikbaar(f"de download van tabel {tabel_id} ({wat}) brak af of was onvolledig; probeer het later "
                              "opnieuw") from None
    if not isinstance(inhoud, dict) or not isinstance(inhoud.get("value"), list):
        raise CbsOnbereikbaar(f"CBS gaf bij {wat} van tabel {tabel_id} geen OData-antwoord")
    return inhoud


def _verbindingsfout(fout: requests.ConnectionError, wat: str, tabel_id: str) -> str:
    """Offline and a reset connection are different problems with different remedies."""
    reden = repr(fout)
    if any(teken in reden for teken in ("RemoteDisconnected", "ConnectionResetError", "Connection aborted",
                                         "Connection reset")):
        return (f"CBS verbrak de verbinding bij {wat} van tabel {tabel_id} (ook na {POGINGEN} nieuwe pogingen); dat "
                "gebeurt bij een storing van CBS. Probeer het later opnieuw; de analyses rekenen intussen verder met "
                "de bestaande gegevens")
    return ("geen verbinding met CBS StatLine (opendata.cbs.nl); controleer de internetverbinding of de proxy "
            "(https_proxy)")


def catalogus(filter_: str) -> list[dict[str, Any]]:
    """The rows of the CBS table catalogue that match an OData filter on its columns."""
    return _haal(f"{adres()}/ODataCatalog/Tables", {"$format": "json", "$filter": filter_}, "de catalogus",
                 "catalogus")["value"]


def _verzoek(tabel_id: str, naam: str, filter_: str | None, select: list[str] | None) -> tuple[str, dict[str, str]]:
    params = {"$format": "json"}
    if filter_:
        params["$filter"] = filter_
    if select:
        params["$select"] = ",".join(select)
    return f"{adres()}/ODataFeed/odata/{tabel_id}/{naam}", params


def lees(tabel_id: str, naam: str, filter_: str | None = None, select: list[str] | None = None) -> list[dict[str, Any]]:
    """Every row of one collection of a table (``TableInfos``, ``DataProperties``, a dimension, ``TypedDataSet``).

    Follows ``odata.nextLink`` until the last page.
    """
    url: str | None
    url, params = _verzoek(tabel_id, naam, filter_, select)
    rijen: list[dict[str, Any]] = []
    volgende: dict[str, str] | None = params
    while url is not None:
        pagina = _haal(url, volgende, naam, tabel_id)
        rijen.extend(pagina["value"])
        url, volgende = pagina.get("odata.nextLink"), None
    return rijen


def past(tabel_id: str, naam: str, filter_: str, select: list[str] | None = None) -> bool:
    """Whether a request with this filter, and each of its next-page links, stays within :data:`MAX_URL` characters."""
    url, params = _verzoek(tabel_id, naam, filter_, select)
    return len(requests.Request("GET", url, params=params).prepare().url or "") <= MAX_URL - RUIMTE_VOLGENDE


__all__ = ["ADRES_VARIABELE", "MAX_URL", "CbsOnbereikbaar", "adres", "catalogus", "lees", "past"]
