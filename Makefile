# Two commands set up everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test db bench reference clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Legation needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

db: $(STAMP)
	$(BIN)/legation load

demo: db
	@echo
	$(BIN)/legation missions --host "North Korea" --at 2019-06-01 --at 2024-11-20 --mark NATO
	@echo
	$(BIN)/legation order --event reopen --host PRK --group western --after 2020-01-01

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/bench_load.py
	$(BIN)/python bench/bench_asof.py

# Regenerate the shipped reference data from ../shared/data (developers only).
reference: $(STAMP)
	$(BIN)/python tools/build_countries.py
	$(BIN)/python tools/build_reference.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
