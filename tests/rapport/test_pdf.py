"""The PDF engine: A4, a wide table turned to a landscape page, a table that cannot fit refused, tags and language."""

import pandas as pd
import pytest
from pypdf import PdfReader

from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.rapport.pdf import ZONDER_HARFBUZZ_SUBSET, harfbuzz_subset, maak_pdf
from woonzorg_lib.rapport.publicatie import BREED_VANAF, html_tabel

STIJL = """<style>@page { size: A4; margin: 16mm 14mm 18mm; } @page liggend { size: A4 landscape; }
@media print { .wz-tabelvak.wz-breed { page: liggend; } td { white-space: nowrap; } }</style>"""
A4 = (595.28, 841.89)


def _pagina(tmp_path, tabel: pd.DataFrame):
    pad = tmp_path / "tabel.html"
    pad.write_text(f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Proef</title>{STIJL}</head>'
                   f"<body><p>Voor de tabel.</p>{html_tabel(tabel, bijschrift='Brede tabel')}</body></html>",
                   encoding="utf-8")
    return pad


def _maten(pdf):
    return [tuple(round(float(w), 2) for w in p.mediabox[2:]) for p in PdfReader(pdf).pages]


def test_a_wide_table_gets_a_landscape_page_and_fits(tmp_path):
    kolommen = BREED_VANAF + 4
    tabel = pd.DataFrame([[123456.0] * kolommen] * 3, columns=[f"2025-H{i}" for i in range(kolommen)],
                         index=pd.Index(["Beverwijk", "Velsen", "Totaal"], name="gemeente"))
    pad = _pagina(tmp_path, tabel)
    assert maak_pdf(pad, tmp_path / "tabel.pdf") == 2
    assert _maten(tmp_path / "tabel.pdf") == [A4, A4[::-1]]  # the text on A4, the table turned
    lezer = PdfReader(tmp_path / "tabel.pdf")
    assert lezer.trailer["/Root"]["/Lang"] == "nl" and lezer.metadata.title == "Proef"
    assert lezer.trailer["/Root"]["/MarkInfo"]["/Marked"]


def test_a_table_that_cannot_fit_is_refused_not_cut(tmp_path):
    kolommen = 60
    tabel = pd.DataFrame([[1234567.0] * kolommen], columns=[f"kolom {i}" for i in range(kolommen)],
                         index=pd.Index(["Beverwijk"], name="gemeente"))
    with pytest.raises(WoonzorgFout, match="breder dan de pagina"):
        maak_pdf(_pagina(tmp_path, tabel), tmp_path / "tabel.pdf")
    assert not (tmp_path / "tabel.pdf").exists()


def test_a_missing_harfbuzz_subset_is_noticed_and_explained_in_dutch(monkeypatch):
    from weasyprint.text import ffi

    monkeypatch.setattr(ffi, "harfbuzz_subset", None)  # what WeasyPrint holds when dlopen found no library
    assert not harfbuzz_subset()
    assert "apt-get install libharfbuzz-subset0" in ZONDER_HARFBUZZ_SUBSET
    assert "ruim een derde meer tijd" in ZONDER_HARFBUZZ_SUBSET
