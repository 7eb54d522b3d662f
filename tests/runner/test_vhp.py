"""The runner's handling of the VHP products: listed files checked, a PDF per chapter, links only to what exists."""

import pytest

from woonzorg_lib.runner.vhp import bijlage_links, vhp_bestanden, vhp_links


def _samenvatting():
    return {"vhp": [{"gemeentecode": "GM0375", "bestand": "vhp-gm0375-beverwijk.html",
                     "word": "vhp-gm0375-beverwijk.docx"}],
            "bijlagen": [{"word": "bijlage-verdeling-mra.docx", "csv": "bijlage-verdeling-mra.csv"}]}


def test_every_chapter_gets_its_pdf_and_the_files_are_listed(tmp_path):
    for naam in ("vhp-gm0375-beverwijk.html", "vhp-gm0375-beverwijk.docx", "bijlage-verdeling-mra.docx",
                 "bijlage-verdeling-mra.csv"):
        (tmp_path / naam).write_text("x")
    gedrukt = []
    namen = vhp_bestanden(_samenvatting(), tmp_path, lambda html, pdf: gedrukt.append(pdf.name) or pdf.write_text("p"))
    assert gedrukt == ["vhp-gm0375-beverwijk.pdf"] and "vhp-gm0375-beverwijk.pdf" in namen and len(namen) == 5
    map_ = tmp_path
    assert [t for t, _ in vhp_links(_samenvatting(), map_)["GM0375"]] == ["VHP-hoofdstuk Word", "VHP web", "VHP PDF"]
    assert len(bijlage_links(_samenvatting(), map_)) == 2


def test_a_listed_file_that_is_missing_or_unsafe_fails_the_run(tmp_path):
    samenvatting = _samenvatting()
    samenvatting["vhp"][0]["word"] = "../../etc/passwd"
    with pytest.raises(ValueError, match="VHP-bestanden"):
        vhp_bestanden(samenvatting, tmp_path, lambda *_: 1)
    assert vhp_links(samenvatting, tmp_path) == {}
