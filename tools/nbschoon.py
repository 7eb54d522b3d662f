"""Strip outputs from notebooks, as a git clean filter or on files: templates stay clean in git.

JupyterLab saves a notebook with its outputs, execution counts and widget state. Git
runs this filter on every notebook under ``notebooks/`` before it stores it
(``.gitattributes``; ``make`` registers the filter in the clone's git config), so the
committed template never holds outputs, whatever the working copy holds::

    python tools/nbschoon.py < notebooks/verkenner.ipynb      # filter: stdin → stdout
    python tools/nbschoon.py notebooks/*.ipynb                # clean the files in place

Standard library only: it runs before and without the virtual environment.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

# Cell metadata JupyterLab adds while working; a template keeps only what it means (tags, ids).
_WERKMETADATA = ("collapsed", "scrolled", "execution", "jp-MarkdownHeadingCollapsed", "editable", "deletable")


def schoon(notebook: dict[str, Any]) -> dict[str, Any]:
    """The notebook without outputs, execution counts, widget state and working metadata.

    Sources are split into lines as nbformat writes them, and ``language_info`` keeps only the
    language's name (JupyterLab adds the Python version and more on every save).
    """
    taal = notebook.get("metadata", {}).get("language_info")
    if isinstance(taal, dict) and "name" in taal:
        notebook["metadata"]["language_info"] = {"name": taal["name"]}
    for cel in notebook.get("cells", []):
        bron = cel.get("source", "")
        cel["source"] = ("".join(bron) if isinstance(bron, list) else bron).splitlines(keepends=True)
        if cel.get("cell_type") == "code":
            cel["outputs"] = []
            cel["execution_count"] = None
        for sleutel in _WERKMETADATA:
            cel.get("metadata", {}).pop(sleutel, None)
    notebook.get("metadata", {}).pop("widgets", None)
    return notebook


def als_tekst(notebook: dict[str, Any]) -> str:
    """JSON exactly as nbformat writes it (sorted keys, indent 1), so a clean notebook gives no diff."""
    return json.dumps(notebook, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    """Filter stdin to stdout, or clean the named files in place."""
    if not argv:
        tekst = sys.stdin.read()
        try:
            sys.stdout.write(als_tekst(schoon(json.loads(tekst))))
        except json.JSONDecodeError:  # not (yet) valid JSON, e.g. a conflict: store it as it is
            sys.stdout.write(tekst)
        return 0
    for naam in argv:
        pad = Path(naam)
        pad.write_text(als_tekst(schoon(json.loads(pad.read_text(encoding="utf-8")))), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
