"""A refreshed data edition end to end: through the batch into the reports, and reproducible when pinned."""

from __future__ import annotations

import html as html_tekst
import os
from collections.abc import Callable
from pathlib import Path

from rich.console import Console

from tests.conftest import PARAMETERS
from tests.statline_nep import NepStatline
from woonzorg_lib.algemeen.opmaak import getal
from woonzorg_lib.data.catalogus import laad_regio
from woonzorg_lib.data.vernieuwen import vernieuw
from woonzorg_lib.runner.batch import batch

STIL = Console(file=open(os.devnull, "w"), width=120)  # noqa: SIM115
IJMOND = PARAMETERS / "ijmond.yaml"
SCHATTING_LEEFTIJD = "inwoners van 75+ op 2024-01-01 (CBS 85383NED, register) verdeeld naar de landelijke"
GEMEENTEN = len(laad_regio("mra").deelregio("IJmond").gemeentecodes)
GETELD_CORPORATIE = f"Herkomst van de voorraad: register voor {GEMEENTEN} gemeenten"


def _draai(bestand: Path, uitvoer: Path) -> tuple[str, str, str]:
    resultaten, _ = batch([bestand], uitvoer, parallel=1, console=STIL)
    assert [r.status for r in resultaten] == ["geslaagd"], resultaten
    map_ = uitvoer / bestand.stem
    return (html_tekst.unescape((map_ / "rapport.html").read_text(encoding="utf-8")), (map_ / "kerncijfers.csv").read_text(encoding="utf-8"),
            (map_ / "manifest.json").read_text(encoding="utf-8"))


def test_vernieuwde_editie_door_de_batch_en_vastgezet_reproduceerbaar(
    nep_cbs: NepStatline, tmp_path: Path, schrijf: Callable[[str, str], Path]
) -> None:
    uitvoer = tmp_path / "outputs"
    bundel_html, bundel_kern, _ = _draai(IJMOND, uitvoer)
    assert SCHATTING_LEEFTIJD in bundel_html and GETELD_CORPORATIE in bundel_html  # the stock: CBS 82900NED's count

    eerste = vernieuw("mra", meld=lambda _: None)
    html, kern_eerste, manifest = _draai(IJMOND, uitvoer)  # the new edition makes the run stale
    assert f'"data_editie": "{eerste.naam}"' in manifest
    assert SCHATTING_LEEFTIJD not in html  # the estimates are gone
    assert GETELD_CORPORATIE in html
    assert f"register voor {GEMEENTEN} gemeenten: CBS StatLine 03759ned" in html
    for tabel_id in ("03759ned", "86286NED", "85984NED", "85980NED", "85171NED"):
        assert f'<th scope="row">{tabel_id}</th>' in html  # the CBS tables of the edition, in the verantwoording
    assert "Meldingen bij deze editie" in html and "niet uit 85984NED" in html  # which stock table, and why
    assert "(prognose PBL/CBS)" in html and "omgezet naar de huidige gemeenten" in html
    assert "Herkomst van de cijfers per leeftijdsgroep: register" in html
    # CBS's published counts stand as published (not rounded to fives as the estimates were): cohorts and stock.
    basis = eerste.lees("basisgegevens.csv").set_index(["gemeentecode", "indicator"])["waarde"]
    cohorten = [int(basis["GM0453", k]) for k in ("inwoners_65_74", "inwoners_75_84", "inwoners_85plus")]
    voorraad = int(basis["GM0453", "corporatiewoningen"])
    assert any(n % 5 for n in [*cohorten, voorraad])  # so a rounded table would differ
    assert '<th scope="row">Velsen</th>' + "".join(f'<td class="wz-getal">{getal(n)}</td>' for n in cohorten) in html
    assert f'<th scope="row">Velsen</th><td class="wz-getal">{getal(voorraad)}</td>' in html
    ouderen = sum(int(basis[c, k]) for c in laad_regio("mra").deelregio("IJmond").gemeentecodes
                  for k in ("inwoners_75_84", "inwoners_85plus"))
    assert f"Het aantal 75-plussers in het gebied is <strong>{getal(ouderen)}</strong>" in html
    assert "de vorige editie voor dit gebied is <strong>bundel</strong>" in html
    assert "herkomst schatting → register" in html  # the monitor names what changed in the data
    assert kern_eerste != bundel_kern

    nep_cbs.waarden["corporatiewoningen"] = (nep_cbs.waarden["corporatiewoningen"] * 1.1).round().astype(int)
    tweede = vernieuw("mra", meld=lambda _: None)
    html, kern_tweede, _ = _draai(IJMOND, uitvoer)
    assert f"de vorige editie voor dit gebied is <strong>{eerste.naam}</strong>" in html
    assert f"gecorrigeerd bij {GEMEENTEN} gemeenten" in html  # same reference date, other figure: a correction
    assert kern_tweede != kern_eerste and tweede.naam > eerste.naam

    vast = schrijf("ijmond.yaml", IJMOND.read_text(encoding="utf-8") + f"data_editie: {eerste.naam}\n")
    _, kern_vast, _ = _draai(vast, tmp_path / "vastgezet")
    assert kern_vast == kern_eerste  # pinning the older edition reproduces its kerncijfers.csv exactly
