"""outputs/index.html for stakeholders: figures with their tier, files; the batch's own columns apart but kept."""

from __future__ import annotations

import json
import re
from pathlib import Path

from woonzorg_lib.runner.index import schrijf_index

SAMENVATTING = {"gebied": "IJmond", "gemeenten": 4, "peiljaar": 2025, "doeljaar": 2030, "vraag_laag": 240,
                "vraag_midden": 315, "vraag_hoog": 400, "tekort_midden": 125, "claim_midden": 0.182,
                "dekking": {"met_gegevens": 5, "aandachtsgroepen": 11, "volledig": [], "gedeeltelijk": [],
                            "geen_gegevens": []},
                "herkomst": {"vraag": "aanname", "verhuringen": "schatting", "tekort": "aanname", "claim": "aanname"}}


def _run(map_: Path, naam: str, **extra: object) -> None:
    (map_ / naam).mkdir()
    (map_ / naam / "manifest.json").write_text(json.dumps({"samenvatting": SAMENVATTING, "duur": 41.3, **extra}),
                                               encoding="utf-8")
    (map_ / naam / "rapport.html").write_text("<html></html>", encoding="utf-8")


def _hoofdtabel(index: str) -> str:
    return index.split("<table", 1)[1].split("</table>", 1)[0]


def test_the_main_table_has_no_batch_columns_and_every_key_figure_its_tier(tmp_path: Path) -> None:
    _run(tmp_path, "ijmond")
    index = schrijf_index(tmp_path, {"ijmond": ("geslaagd", 41.3)}).read_text(encoding="utf-8")
    tabel = _hoofdtabel(index)
    koppen = re.findall(r'<th scope="col">(.*?)</th>', tabel)
    assert "status" not in koppen and "duur" not in koppen, koppen
    assert " s<" not in tabel and "geslaagd" not in tabel
    cellen = re.findall(r'<td class="getal">(.*?)</td>', tabel, flags=re.S)
    assert len(cellen) == 3 and all(re.search(r"(register|schatting|aanname)", c) for c in cellen), cellen
    assert "240 – 315 – 400" in cellen[0] and "aanname" in cellen[0] and "18,2%" in cellen[2]
    # The batch's columns are kept, apart: status and duration in a collapsed technical section.
    techniek = index.split("<details", 1)[1].split("</details>", 1)[0]
    assert "geslaagd" in techniek and "41,3 s" in techniek


def test_a_failed_run_stays_visible_in_the_main_table(tmp_path: Path) -> None:
    _run(tmp_path, "ijmond")
    (tmp_path / "ijmond" / "mislukt.json").write_text(json.dumps({"melding": "De rekenkern stopte onverwacht."}),
                                                      encoding="utf-8")
    index = schrijf_index(tmp_path, {"ijmond": ("mislukt", 3.0)}).read_text(encoding="utf-8")
    assert "De rekenkern stopte onverwacht." in _hoofdtabel(index)
    assert "mislukt" in index.split("</table>", 1)[0]  # said before the table too


def test_a_run_from_before_the_tiers_shows_its_figures_without_inventing_one(tmp_path: Path) -> None:
    (tmp_path / "oud").mkdir()
    oud = {k: v for k, v in SAMENVATTING.items() if k != "herkomst"}
    (tmp_path / "oud" / "manifest.json").write_text(json.dumps({"samenvatting": oud}), encoding="utf-8")
    tabel = _hoofdtabel(schrijf_index(tmp_path, {}).read_text(encoding="utf-8"))
    assert "240 – 315 – 400" in tabel and not re.search(r"register|schatting|aanname", tabel.split("</thead>")[1])
