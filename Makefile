# woonzorg — twee opdrachten op een schone machine met Python 3.11 en make:
#   make run    installeert (eenmalig) en maakt de rapporten voor de MRA (outputs/index.html)
#   make test   installeert (eenmalig, met testpakketten) en draait alle tests
#   make lab    start JupyterLab met de kernel "Python (woonzorg)", geopend op de notebooks (poort 8888)
#               op een andere poort: make lab POORT=8900
#   make verkenner  toont de verkenner als webpagina (alleen lezen, zonder code) op http://127.0.0.1:8866/
#                   met een ander parameterbestand: make verkenner PARAMETERS=parameters/ijmond.yaml
#                   op een andere poort: make verkenner POORT=8900
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
KERNEL := woonzorg

PARAMETERS ?=
POORT ?=  # leeg: JupyterLab op 8888, de verkenner op 8866

.PHONY: run test lab verkenner schoon git-filter

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("woonzorg vraagt Python 3.11 of nieuwer, gevonden: " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the dependency list changed: the stamp is newer than pyproject.toml.
$(VENV)/.geinstalleerd: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (woonzorg)" >/dev/null
	touch $@

$(VENV)/.test-geinstalleerd: pyproject.toml $(VENV)/.geinstalleerd
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# De hoofdtaak: één rapport per MRA-deelregio en het regio-overzicht, met outputs/index.html.
run: $(VENV)/.geinstalleerd git-filter
	$(BIN)/woonzorg batch

lab: $(VENV)/.geinstalleerd git-filter
	$(BIN)/jupyter lab notebooks/ --port=$(or $(POORT),8888) $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

verkenner: $(VENV)/.geinstalleerd git-filter
	$(BIN)/woonzorg verkenner $(PARAMETERS) --poort $(or $(POORT),8866)

test: $(VENV)/.test-geinstalleerd git-filter
	$(BIN)/python -m pytest

# Notebooks gaan zonder uitvoer git in, wat JupyterLab ook opslaat (.gitattributes, tools/nbschoon.py).
# Alleen in een eigen git-kloon (zonder git, of in een gekoppelde worktree met een gedeelde configuratie, niets).
git-filter:
	@if git rev-parse --is-inside-work-tree >/dev/null 2>&1 \
	    && [ "$$(git rev-parse --git-dir)" = "$$(git rev-parse --git-common-dir)" ] \
	    && [ -z "$$(git config --get filter.nbschoon.clean)" ]; then \
	  git config filter.nbschoon.clean "python3 tools/nbschoon.py" && git config filter.nbschoon.smudge cat; \
	fi

schoon:
	rm -rf $(VENV) outputs/*/ outputs/.logboek outputs/index.html
