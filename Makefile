# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench score install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet -e '.[dask]' || echo "dask unavailable: the dask engine's tests skip"
	touch $(STAMP)

# The package's bytecode, written ahead: an editable install writes none, and where
# PYTHONDONTWRITEBYTECODE is set every run compiled the source again (0.2 s of each start).
# Up-to-date files are skipped; an edited module is compiled in memory until this runs again.
install: $(STAMP)
	$(BIN)/python -m compileall -q reconcile

demo: $(STAMP)
	$(BIN)/reconcile run fixtures/corpus --db reconcile.db --report reconcile-report.md
	@echo "Report: reconcile-report.md   Database: reconcile.db"

test: $(STAMP)
	TERM=unknown $(BIN)/python -m pytest

bench: install
	$(BIN)/python -m pip install --quiet -e '.[bench]' || echo "quantulum3 unavailable: benchmarking reconcile alone"
	$(BIN)/python bench/bench.py

score: $(STAMP)
	$(BIN)/python bench/score_corpora.py fixtures/dev

clean:
	rm -rf $(VENV) reconcile.db reconcile-report.md .pytest_cache
