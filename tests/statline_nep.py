"""A stand-in for CBS StatLine on localhost, serving the real tables' structure to the real client.

``tests/statline_tabellen.py`` builds the catalogue and each table's metadata as StatLine
has them, and the cube from ``data/cbs/waarden_mra.csv`` (hand-made test values for the 30
MRA gemeenten, not CBS figures). The server answers the catalogue, the metadata collections
and ``TypedDataSet`` (with ``$filter``, ``$select`` and paging through ``odata.nextLink``).
Like StatLine it resets the connection on a request line over :data:`MAX_URL` characters,
and it can be told to fail: an HTTP error, a few transient errors, a dropped connection,
a changed column or a download that breaks off halfway.
"""

from __future__ import annotations

import copy
import json
import re
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pandas as pd

from tests import statline_tabellen as tabellen

MAP = Path(__file__).parent / "data" / "cbs"
PAGINA = 1000  # rows per page, so that paging is exercised (StatLine pages at 10,000)
MAX_URL = 2048  # StatLine resets the connection on over-long request lines (cbsodataR issue 16: ~2,700 failed)


@cache
def _voorwaarde(filter_: str) -> Callable[[dict[str, Any]], bool]:
    """Compile the small OData subset the client sends: eq, substringof, and, or, brackets."""
    uitdrukking = re.sub(r"substringof\('([^']*)',\s*(\w+)\)", r"('\1' in str(rij.get('\2')))", filter_)
    uitdrukking = re.sub(r"(\w+) eq '([^']*)'", r"(str(rij.get('\1')).strip() == '\2')", uitdrukking)
    code = compile(uitdrukking, "<filter>", "eval")  # test server: evaluates our own client's filters
    return lambda rij: bool(eval(code, {}, {"rij": rij}))


def geraden_vormen() -> dict[str, Any]:
    """The metadata the first fake served: table shapes as they were guessed before the real ones were read."""
    return json.loads((MAP / "geraden_vormen.json").read_text(encoding="utf-8"))


@dataclass
class NepStatline:
    """The server's state; tests change it to make StatLine fail in one way."""

    meta: dict[str, Any] = field(default_factory=lambda: {
        "catalogus": tabellen.catalogus(), "tabellen": {t: maak() for t, (maak, _) in tabellen.TABELLEN.items()}})
    waarden: pd.DataFrame = field(default_factory=lambda: pd.read_csv(MAP / "waarden_mra.csv"))
    kubussen: dict[str, Callable[[dict[str, Any], pd.DataFrame], list[dict[str, Any]]]] = field(
        default_factory=lambda: {t: kubus for t, (_, kubus) in tabellen.TABELLEN.items()})
    fout: dict[str, int] = field(default_factory=dict)  # path fragment → HTTP status
    tijdelijk: dict[str, int] = field(default_factory=dict)  # path fragment → how many 503s before it answers
    verbreek: str | None = None  # path fragment whose connection is always dropped without an answer
    afbreken: str | None = None  # path fragment whose answer breaks off halfway
    verzoeken: list[str] = field(default_factory=list)
    adres: str = ""
    _kubus: dict[tuple[str, int], tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]] = field(
        default_factory=dict, repr=False)

    def kubus(self, tabel_id: str) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
        """Every row of a table, and the rows per gemeente code (built once per table and set of values)."""
        sleutel = (tabel_id, int(pd.util.hash_pandas_object(self.waarden).sum()))  # a test may change values in place
        if sleutel not in self._kubus:
            rijen = self.kubussen[tabel_id](self.meta["tabellen"][tabel_id], self.waarden)
            per_gemeente: dict[str, list[dict[str, Any]]] = {}
            for rij in rijen:
                for waarde in rij.values():
                    if isinstance(waarde, str) and waarde.startswith("GM"):
                        per_gemeente.setdefault(waarde.strip(), []).append(rij)
            self._kubus[sleutel] = (rijen, per_gemeente)
        return self._kubus[sleutel]

    def zonder_kolom(self, tabel_id: str, titel: str) -> None:
        """Drop a topic from a table's metadata, as when CBS changes a column."""
        eigenschappen = self.meta["tabellen"][tabel_id]["DataProperties"]
        self.meta["tabellen"][tabel_id]["DataProperties"] = [e for e in eigenschappen if e["Title"] != titel]

    def voeg_toe(self, tabel_id: str, maak: Callable[[], dict[str, Any]],
                 kubus: Callable[[dict[str, Any], pd.DataFrame], list[dict[str, Any]]]) -> None:
        """Publish another table, in the catalogue and with its data."""
        meta = maak()
        info = meta["TableInfos"][0]
        self.meta["tabellen"][tabel_id] = meta
        self.meta["catalogus"].append(tabellen.catalogusrij(tabel_id, info["Title"], info["Period"], info["Modified"][:10]))
        self.kubussen[tabel_id] = kubus

    def antwoord(self, pad: str, vraag: dict[str, list[str]]) -> tuple[int, Any]:
        delen = [d for d in pad.split("/") if d]
        if delen[:2] == ["ODataCatalog", "Tables"]:
            lijst = self.meta["catalogus"]
            if "$filter" in vraag:
                lijst = [t for t in lijst if _voorwaarde(vraag["$filter"][0])(t)]
            return 200, {"odata.metadata": "ODataCatalog/$metadata#Tables", "value": lijst}
        if len(delen) < 3 or delen[:2] != ["ODataFeed", "odata"]:
            return 404, {"odata.error": {"message": {"value": "Not found"}}}
        tabel_id, naam = delen[2], (delen[3] if len(delen) > 3 else "")
        tabel = self.meta["tabellen"].get(tabel_id)
        if tabel is None:
            return 404, {"odata.error": {"message": {"value": f"Table {tabel_id} not found"}}}
        if naam == "TypedDataSet":
            rijen, per_gemeente = self.kubus(tabel_id)
            if "$filter" in vraag:
                gemeenten = re.findall(r"eq '(GM\d{4})'", vraag["$filter"][0])
                if gemeenten:  # only an index into the same rows: the filter below still decides
                    rijen = [r for code in dict.fromkeys(gemeenten) for r in per_gemeente.get(code, [])]
                voldoet = _voorwaarde(vraag["$filter"][0])
                rijen = [r for r in rijen if voldoet(r)]
            if "$select" in vraag:
                kolommen = [k.strip() for k in vraag["$select"][0].split(",")]
                rijen = [{k: r[k] for k in kolommen if k in r} for r in rijen]
            begin = int(vraag.get("$skip", ["0"])[0])
            pagina: dict[str, Any] = {"value": rijen[begin:begin + PAGINA]}
            if begin + PAGINA < len(rijen):
                pagina["odata.nextLink"] = f"{self.adres}/ODataFeed/odata/{tabel_id}/TypedDataSet?$skip={begin + PAGINA}"
                # the next link carries the filter of the first request, as StatLine's does
                pagina["odata.nextLink"] += "".join(
                    f"&{k}={v[0]}" for k, v in vraag.items() if k in ("$filter", "$select", "$format"))
            return 200, pagina
        if naam == "":
            return 200, {"value": [{"name": n, "url": f"{self.adres}/ODataFeed/odata/{tabel_id}/{n}"}
                                   for n in [*tabel, "TypedDataSet", "UntypedDataSet"]]}
        if naam not in tabel:
            return 404, {"odata.error": {"message": {"value": f"{naam} not found"}}}
        return 200, {"value": copy.deepcopy(tabel[naam])}


def _handler(nep: NepStatline) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # http.server's name
            url = urlsplit(self.path)
            nep.verzoeken.append(self.path)
            if len(self.path) > MAX_URL or (nep.verbreek and nep.verbreek in url.path):
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)  # what StatLine does: no answer at all
                return
            status = next((s for fragment, s in nep.fout.items() if fragment in url.path), None)
            tijdelijk = next((f for f, n in nep.tijdelijk.items() if f in url.path and n > 0), None)
            if tijdelijk is not None:
                nep.tijdelijk[tijdelijk] -= 1
                status = 503
            if status is None:
                status, inhoud = nep.antwoord(url.path, parse_qs(url.query))
            else:
                inhoud = {"odata.error": {"message": {"value": "Service unavailable"}}}
            body = json.dumps(inhoud).encode()
            afbreken = nep.afbreken is not None and nep.afbreken in url.path
            self.send_response(status)
            self.send_header("Content-Type", "application/json;charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2] if afbreken else body)
            if afbreken:
                self.close_connection = True

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


@contextmanager
def nep_statline() -> Iterator[NepStatline]:
    """Serve a fresh NepStatline on a free localhost port; its ``adres`` goes into WOONZORG_CBS_ADRES."""
    nep = NepStatline()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(nep))
    nep.adres = f"http://127.0.0.1:{server.server_address[1]}"
    draad = threading.Thread(target=server.serve_forever, daemon=True)
    draad.start()
    try:
        yield nep
    finally:
        server.shutdown()
        server.server_close()
