"""A stand-in for CBS StatLine on localhost, serving hand-made OData responses to the real cbsodata client.

``data/cbs/metadata.json`` holds the catalogue and each table's metadata, shaped as StatLine
answers them; ``data/cbs/waarden_mra.csv`` holds the values for the 30 MRA gemeenten. These
are hand-made test values, not CBS figures. The server answers the catalogue, the metadata
collections and ``TypedDataSet`` (with ``$filter``, ``$select`` and paging through
``odata.nextLink``), and can be told to fail: an HTTP error, a dropped column or a download
that breaks off halfway.
"""

from __future__ import annotations

import copy
import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pandas as pd

MAP = Path(__file__).parent / "data" / "cbs"
PAGINA = 100  # rows per page, so that paging is exercised


def _kubus(tabel_id: str, waarden: pd.DataFrame, meta: dict[str, Any]) -> list[dict[str, Any]]:
    """Every row of a table for the MRA gemeenten: the cube StatLine would hold (only the cells the tests need)."""
    rijen: list[dict[str, Any]] = []
    for w in waarden.to_dict("records"):
        code = w["gemeentecode"]
        if tabel_id == "03759ned":
            for leeftijd in meta["Leeftijd"]:
                titel = leeftijd["Title"]
                aantal = w["inwoners"] if titel == "Totaal" else w.get(titel)
                for periode in ("2024JJ00", "2025JJ00"):
                    rijen.append({"Geslacht": "T001038", "Leeftijd": leeftijd["Key"], "BurgerlijkeStaat": "T001019",
                                  "RegioS": code, "Perioden": periode, "BevolkingOp1Januari_1": aantal,
                                  "GemiddeldeBevolking_2": None})
        elif tabel_id == "82900NED":
            for periode in ("2024JJ00", "2025JJ00"):
                rijen.append({"StatusVanBewoning": "T001235", "RegioS": code, "Perioden": periode,
                              "TotaleWoningvoorraad_1": w["woningvoorraad"], "Koopwoningen_2": None,
                              "TotaalHuurwoningen_3": None, "EigendomWoningcorporatie_4": w["corporatiewoningen"],
                              "EigendomOverigeVerhuurders_5": None, "EigendomOnbekend_6": None})
        elif tabel_id == "85980NED":
            rijen.append({"Aandachtsgroepen": "A050001", "Eigendom": "T001241", "RegioS": code, "Perioden": "2025JJ00",
                          "Personen_1": w["statushouders_personen"], "Huishoudens_2": w["statushouders_huishoudens"],
                          "Woonruimten_3": None})
            rijen.append({"Aandachtsgroepen": "A050002", "Eigendom": "T001241", "RegioS": code, "Perioden": "2025JJ00",
                          "Personen_1": None, "Huishoudens_2": None, "Woonruimten_3": None})  # '.' in StatLine
    return rijen


def _voldoet(rij: dict[str, Any], filter_: str) -> bool:
    """Evaluate the small OData subset cbsodata sends: eq, substringof, and, or, brackets."""
    uitdrukking = re.sub(r"substringof\('([^']*)',\s*(\w+)\)", r"('\1' in str(rij['\2']))", filter_)
    uitdrukking = re.sub(r"(\w+) eq '([^']*)'", r"(str(rij['\1']).strip() == '\2')", uitdrukking)
    return bool(eval(uitdrukking, {}, {"rij": rij}))  # test server: evaluates our own client's filters


@dataclass
class NepStatline:
    """The server's state; tests change it to make StatLine fail in one way."""

    meta: dict[str, Any] = field(default_factory=lambda: json.loads((MAP / "metadata.json").read_text(encoding="utf-8")))
    waarden: pd.DataFrame = field(default_factory=lambda: pd.read_csv(MAP / "waarden_mra.csv"))
    fout: dict[str, int] = field(default_factory=dict)  # path fragment → HTTP status
    afbreken: str | None = None  # path fragment whose answer breaks off halfway
    verzoeken: list[str] = field(default_factory=list)
    adres: str = ""

    def zonder_kolom(self, tabel_id: str, titel: str) -> None:
        """Drop a topic from a table's metadata and data, as when CBS changes a column."""
        eigenschappen = self.meta["tabellen"][tabel_id]["DataProperties"]
        self.meta["tabellen"][tabel_id]["DataProperties"] = [e for e in eigenschappen if e["Title"] != titel]

    def antwoord(self, pad: str, vraag: dict[str, list[str]]) -> tuple[int, Any]:
        delen = [d for d in pad.split("/") if d]
        if delen[:2] == ["ODataCatalog", "Tables"]:
            lijst = self.meta["catalogus"]
            if "$filter" in vraag:
                lijst = [t for t in lijst if _voldoet(t, vraag["$filter"][0])]
            return 200, {"value": lijst}
        if len(delen) < 3 or delen[:2] != ["ODataFeed", "odata"]:
            return 404, {"odata.error": {"message": {"value": "Not found"}}}
        tabel_id, naam = delen[2], (delen[3] if len(delen) > 3 else "")
        tabel = self.meta["tabellen"].get(tabel_id)
        if tabel is None:
            return 404, {"odata.error": {"message": {"value": f"Table {tabel_id} not found"}}}
        if naam == "TypedDataSet":
            rijen = _kubus(tabel_id, self.waarden, tabel)
            if "$filter" in vraag:
                rijen = [r for r in rijen if _voldoet(r, vraag["$filter"][0])]
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
            status = next((s for fragment, s in nep.fout.items() if fragment in url.path), None)
            if status is None:
                status, inhoud = nep.antwoord(url.path, parse_qs(url.query))
            else:
                inhoud = {"odata.error": {"message": {"value": "Internal server error"}}}
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
