# woonzorg — twee opdrachten op een schone machine met Python 3.11 en make:
#   make run    installeert (eenmalig) en maakt de rapporten voor de MRA (outputs/index.html)
#   make test   installeert (eenmalig, met testpakketten) en draait alle tests
#   make lab    start JupyterLab met de kernel "Python (woonzorg)", geopend op de notebooks
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
KERNEL := woonzorg

.PHONY: run test lab schoon

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
run: $(VENV)/.geinstalleerd
	$(BIN)/woonzorg batch

lab: $(VENV)/.geinstalleerd
	$(BIN)/jupyter lab notebooks/ $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

test: $(VENV)/.test-geinstalleerd
	$(BIN)/python -m pytest

schoon:
	rm -rf $(VENV) outputs/*/ outputs/.logboek outputs/index.html
