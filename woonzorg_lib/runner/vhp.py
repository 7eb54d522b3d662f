"""The Wvrv products of a run as the runner handles them: check the listed files, print each chapter's PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

VOORVOEGSELS = ("vhp-", "bijlage-verdeling-")  # a gemeente that left the area leaves no stale chapter behind


def _veilig(naam: object, werkmap: Path) -> bool:
    return isinstance(naam, str) and Path(naam).name == naam and naam.startswith(VOORVOEGSELS) \
        and (werkmap / naam).is_file()


def vhp_bestanden(samenvatting: dict[str, Any], werkmap: Path, maak_pdf: Callable[[Path, Path], int]) -> list[str]:
    """The chapter and annex files of the run (each checked), with a PDF printed for every chapter's HTML.

    Raises ValueError naming the files the notebook listed but did not write (the run then fails).
    """
    namen = [f.get(k) for f in samenvatting.get("vhp", []) for k in ("bestand", "word")]
    namen += [b.get(k) for b in samenvatting.get("bijlagen", []) for k in ("word", "csv")]
    fout = [str(n) for n in namen if not _veilig(n, werkmap)]
    if fout:
        raise ValueError(f"Het notebook schreef de VHP-bestanden {', '.join(fout[:3])} niet (of niet als veilige naam).")
    uit = [str(n) for n in namen]
    for f in samenvatting.get("vhp", []):
        pdf = Path(f["bestand"]).with_suffix(".pdf").name
        maak_pdf(werkmap / f["bestand"], werkmap / pdf)
        uit.append(pdf)
    return uit


def _link(map_: Path, bestand: str) -> str:
    from urllib.parse import quote

    return f"./{quote(map_.name, safe='')}/{quote(bestand, safe='')}"


def vhp_links(kern: dict[str, Any], map_: Path) -> dict[str, list[tuple[str, str]]]:
    """Per gemeentecode the links to its VHP chapter (Word, web page, PDF) that exist in the run's folder."""
    uit: dict[str, list[tuple[str, str]]] = {}
    for f in kern.get("vhp") if isinstance(kern.get("vhp"), list) else []:
        if not isinstance(f, dict) or not _veilig(f.get("bestand"), map_):
            continue
        bestanden = (("VHP-hoofdstuk Word", f.get("word")), ("VHP web", f["bestand"]),
                     ("VHP PDF", Path(f["bestand"]).with_suffix(".pdf").name))
        uit[str(f.get("gemeentecode"))] = [(t, _link(map_, b)) for t, b in bestanden if _veilig(b, map_)]
    return uit


def bijlage_links(kern: dict[str, Any], map_: Path) -> list[tuple[str, str]]:
    """The run's links to the regional annex (Word and CSV), when it wrote one."""
    uit = []
    for b in kern.get("bijlagen") if isinstance(kern.get("bijlagen"), list) else []:
        if isinstance(b, dict):
            uit += [(t, _link(map_, b.get(k))) for t, k in (("bijlage verdeling (Word)", "word"),
                                                           ("bijlage verdeling (CSV)", "csv")) if _veilig(b.get(k), map_)]
    return uit
