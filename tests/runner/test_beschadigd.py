"""Damaged records a batch finds beside it: they are named in Dutch, never a traceback, and the batch goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import PARAMETERS
from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.cli import main
from woonzorg_lib.data.basis import basisgegevens
from woonzorg_lib.data.edities import edities, kies
from woonzorg_lib.runner.batch import actueel, plan
from woonzorg_lib.runner.index import schrijf_index


@pytest.mark.parametrize("inhoud", ["{kapot", "[]", json.dumps({"samenvatting": {"gebied": "x"}, "duur": "lang"})])
def test_a_damaged_run_record_is_shown_as_such_and_the_run_is_due_again(tmp_path: Path, inhoud: str) -> None:
    (tmp_path / "ijmond").mkdir()
    (tmp_path / "ijmond" / "manifest.json").write_text(inhoud, encoding="utf-8")
    index = schrijf_index(tmp_path, {}).read_text(encoding="utf-8")
    assert "ijmond" in index
    if inhoud.startswith(("{k", "[")):
        assert "manifest.json in deze map is beschadigd; draai deze run opnieuw met --opnieuw" in index
    (taak,) = plan([PARAMETERS / "ijmond.yaml"], tmp_path)
    assert not actueel(taak)


@pytest.mark.parametrize("beschrijving", ["[]", "{kapot", json.dumps({"naam": "x", "tabellen": []})])
def test_a_damaged_edition_is_no_edition(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, beschrijving: str) -> None:
    monkeypatch.setenv("WOONZORG_DATAMAP", str(tmp_path))
    (tmp_path / "2026-01-01T000000").mkdir()
    (tmp_path / "2026-01-01T000000" / "editie.json").write_text(beschrijving, encoding="utf-8")
    assert edities() == [] and kies(None, ["GM0363"]) is None


def test_an_edition_with_a_damaged_table_is_a_dutch_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WOONZORG_DATAMAP", str(tmp_path))
    map_ = tmp_path / "2026-01-01T000000"
    map_.mkdir()
    (map_ / "editie.json").write_text(json.dumps({"naam": map_.name, "gemeentecodes": ["GM0363"], "tabellen": []}),
                                      encoding="utf-8")
    (map_ / "basisgegevens.csv").write_text("gemeentecode,indicator\nGM0363,inwoners\n", encoding="utf-8")
    editie = kies(None, ["GM0363"])
    assert editie is not None
    with pytest.raises(WoonzorgFout, match="basisgegevens.csv mist kolom waarde, eenheid, peildatum, herkomst, bron"):
        basisgegevens(editie)
    (map_ / "basisgegevens.csv").write_text(
        "gemeentecode,indicator,waarde,eenheid,peildatum,herkomst,bron\nGM0363,inwoners,veel,personen,2026-01-01,"
        "register,CBS\n", encoding="utf-8")
    editie = kies(None, ["GM0363"])
    with pytest.raises(WoonzorgFout, match="heeft waarden die geen getal zijn"):
        basisgegevens(editie)


def test_text_that_looks_like_terminal_markup_is_printed_as_text(schrijf, capsys) -> None:
    regio = schrijf("regio[/].yaml", "naam: '[/]'\ngemeenten: [GM0363]\n")
    assert main(["data", "--regio", str(regio)]) == 0
    assert "[/]" in capsys.readouterr().out
    pad = schrijf("x[/red].yaml", (PARAMETERS / "ijmond.yaml").read_text(encoding="utf-8"))
    assert main(["valideer", str(pad)]) == 0
    assert "x[/red].yaml" in capsys.readouterr().out


def test_a_kernel_that_dies_while_starting_gets_one_successor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import papermill

    from woonzorg_lib.runner import uitvoeren

    echt, pogingen = papermill.execute_notebook, []

    def sterft_eerst(*args, **kwargs):
        pogingen.append(1)
        if len(pogingen) == 1:
            raise RuntimeError("Kernel died before replying to kernel_info")
        return echt(*args, **kwargs)

    monkeypatch.setattr(papermill, "execute_notebook", sterft_eerst)
    (taak,) = plan([PARAMETERS / "ijmond.yaml"], tmp_path)
    try:
        resultaat = uitvoeren.voer_uit(taak, verse_kernel=True)
    finally:
        uitvoeren._stop_kernel()
    assert resultaat.status == "geslaagd" and len(pogingen) == 2
