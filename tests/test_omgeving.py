"""pyproject.toml owns the dependencies; environment.yml must list the same for conda users."""

import re
import tomllib

import yaml

from tests.conftest import PROJECT


def _normaal(eis: str) -> tuple[str, str]:
    eis = eis.split("#")[0].replace(" ", "")
    naam, spec = re.match(r"^([A-Za-z0-9_.\-]+)(.*)$", eis).groups()
    return naam.lower().replace("_", "-"), spec


def _pyproject() -> dict:
    return tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _conda() -> tuple[dict[str, str], list]:
    """Packages of environment.yml (conda and pip alike) by name, and pip's install options."""
    omgeving = yaml.safe_load((PROJECT / "environment.yml").read_text(encoding="utf-8"))
    assert omgeving["channels"] == ["conda-forge"]
    pakketten, pip = {}, []
    for dep in omgeving["dependencies"]:
        if isinstance(dep, dict):
            pip += [e for e in dep["pip"] if e.startswith("-")]
            pakketten.update(_normaal(e) for e in dep["pip"] if not e.startswith("-"))
        else:
            pakketten.update([_normaal(dep)])
    return pakketten, pip


def test_environment_yml_lists_the_same_runtime_and_test_packages_as_pyproject():
    project = _pyproject()
    verwacht = dict(_normaal(e) for e in project["dependencies"] + project["optional-dependencies"]["test"])
    pakketten, _ = _conda()
    assert {k: v for k, v in pakketten.items() if k not in ("python", "pip")} == verwacht


def test_environment_yml_pins_the_python_that_pyproject_requires_and_installs_the_library():
    pakketten, pip = _conda()
    assert pakketten["python"] == "=3.11"
    assert _pyproject()["requires-python"] == ">=3.11"
    assert pip == ["-e ."]


def test_nbconvert_is_pinned_to_the_security_release():
    assert ("nbconvert", ">=7.17.1") in [_normaal(e) for e in _pyproject()["dependencies"]]


def test_the_readme_starts_with_the_two_commands_and_says_what_make_test_needs():
    """The first lines are 'make run' and 'make test'; before the first section the README names every tool that
    .ci/run installs for the tests (so 'only Python and make' is never claimed) and how long make test takes."""
    import re

    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert readme.splitlines()[2:6] == ["```sh", readme.splitlines()[3], readme.splitlines()[4], "```"]
    assert readme.splitlines()[3].startswith("make run ") and readme.splitlines()[4].startswith("make test ")
    inleiding = readme.split("\n## ", 1)[0]
    ci = (PROJECT / ".ci" / "run").read_text(encoding="utf-8")
    nodig = re.findall(r"command -v (\S+) .*\|\| ontbreekt", ci) + re.findall(r"grep -q lib(pango|harfbuzz-subset)", ci)
    assert nodig == ["chromium", "pdftotext", "pango", "harfbuzz-subset"]
    for naam in nodig:
        assert naam.lower() in inleiding.lower(), naam
    assert re.search(r"make test.*duurt ongeveer \d+ tot \d+\s+minuten", inleiding, flags=re.S)
    assert "alleen Python 3.11 en `make`" not in inleiding


def test_ipykernel_and_weasyprint_are_pinned_past_their_known_faults():
    # ipykernel 7.0-7.3 can leave a notebook execution hanging (ipython/ipykernel#1529, fixed in 7.4.0);
    # WeasyPrint 68, 69 and 70 were security releases.
    eisen = dict(_normaal(e) for e in _pyproject()["dependencies"])
    assert eisen["ipykernel"] == ">=7.4"
    assert eisen["weasyprint"] == ">=70"


def test_weasyprint_embeds_fonts_with_harfbuzz_subset_as_the_readme_asks():
    # Without it WeasyPrint subsets every font with fontTools: a national run's 684 one-gemeente PDFs then cost
    # ruim een derde more (bench/landelijk.py: 618 s against 513 s). .ci/run installs it; the README names it.
    from woonzorg_lib.rapport.pdf import harfbuzz_subset

    assert harfbuzz_subset(), "installeer libharfbuzz-subset0 (zie de README)"
