# The two commands a newcomer needs: `make serve` and `make test`. Both set everything up first
# (virtualenv, Python packages, the pinned Pyodide runtime and ESLint, Chromium for tests) and
# are fast when everything is already in place: each setup step is guarded by a stamp file that
# only changes when its inputs change.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST := $(BIN)/pytest

.DEFAULT_GOAL := help
.PHONY: help setup build serve test check lint typecheck jscheck unit content site patches browser \
        bench bench-build audit new translations links lock clean system-packages preview preview-nginx

help:
	@echo "make serve   set up, then serve the site at http://$(HOST):$(PORT)/ (/zh/ Simplified, /zh-hant/ Traditional Chinese), reloading on edits"
	@echo "make test    set up, then run the checks and every test (unit, content, site, patches, browser)"
	@echo "make check   lint, type-check and check the JavaScript (part of make test)"
	@echo "make build   build the site into site/ (mkdocs build --strict, offline)"
	@echo "make preview serve the built site/ with the deployed headers (make preview-nginx: with nginx)"
	@echo "make new ARTICLE=tws/my-article   scaffold an article in both languages"
	@echo "make translations  list missing and outdated translations"
	@echo "make links   list every outgoing address per page, and any broken internal link"
	@echo "make bench | bench-build | audit   figures, not tests: widget start-up and search, build time, Lighthouse"

# --- setup -------------------------------------------------------------------------------------

# Three local packages, editable: kbwidgets (widgets/, the wheel browsers run), kbsite (sitelib/,
# the build logic) and the site project (the mkdocs glue in overrides/hooks/ and tools/).
$(VENV)/.installed: requirements.lock pyproject.toml widgets/pyproject.toml sitelib/pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation \
	    -e widgets -e sitelib -e .
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Pinned PyPI wheels the widgets need in the browser (tzdata: zone data for zoneinfo, which
# Pyodide lacks), downloaded once with pip so that builds stay offline.
.cache/pyodide-wheels/.installed: sitelib/kbsite/runtime/pyodide-packages.txt $(VENV)/.installed
	$(PY) -m kbsite.runtime.pypi_wheels .cache/pyodide-wheels
	@touch $@

# pyodide-build (`pyodide lockfile add-wheels` writes the site's lock entries) in its own
# virtualenv: it needs Python 3.12+. Without one (PATH, pyenv) this says so and the build
# writes the entries itself.
.tools/pyodide-build/.checked: tools/pyodide-build/requirements.lock $(VENV)/.installed
	$(PY) -m tools.dev.pyodide_build_venv
	@mkdir -p .tools/pyodide-build && touch $@

# Debian's Chromium and nginx (with brotli), which the browser tests drive.
system-packages: setup
	@$(PY) -m tools.dev.system_packages

# The widgets' Traditional Chinese texts, converted from the Simplified ones (kbsite.traditional_texts;
# every build does it too): the command line and the tests answer in Traditional before a build.
TRADITIONAL_TEXTS := widgets/kbwidgets/data/generated/zh-hant.json
$(TRADITIONAL_TEXTS): $(VENV)/.installed glossary.toml sitelib/kbsite/traditional.py sitelib/kbsite/traditional_texts.py \
                      $(shell find widgets/kbwidgets/data -name '*.toml')
	$(PY) -m kbsite.traditional_texts
	@touch $@

setup: $(VENV)/.installed node_modules/.installed .cache/pyodide-wheels/.installed .tools/pyodide-build/.checked \
       $(TRADITIONAL_TEXTS)

# --- the site ----------------------------------------------------------------------------------

build: setup
	$(BIN)/mkdocs build --strict

serve: setup
	$(BIN)/mkdocs serve --no-strict --dirty --dev-addr $(HOST):$(PORT)

preview: build
	$(PY) -m tools.dev.serve_site site --host $(HOST) --port $(PORT)

preview-nginx: build system-packages
	$(PY) -m tools.dev.nginx_server site --port $(PORT)

# --- checks ------------------------------------------------------------------------------------

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@$(PY) -m tools.dev.file_sizes

# Strict on the two libraries (pyproject.toml), the glue and the tools checked as well.
typecheck: setup
	$(BIN)/mypy widgets/kbwidgets sitelib/kbsite overrides/hooks tools

jscheck: setup
	@for script in overrides/assets/javascripts/*.js overrides/assets/javascripts/*.mjs sitelib/kbsite/runtime/*.mjs \
	    sitelib/kbsite/offline/*.js sitelib/kbsite/offline/*.mjs; do \
	    node --check "$$script" || exit 1; done
	npx --no-install eslint .

check: lint typecheck jscheck

test: setup system-packages check
	$(PY) -m tools.writers.translation_status
	$(PYTEST)

unit: setup
	$(PYTEST) -m unit

content: setup
	$(PYTEST) -m content

site: setup
	$(PYTEST) -m "site or patches"

browser: setup system-packages
	$(PYTEST) -m browser

# --- writers -------------------------------------------------------------------------------------

new: setup
	@test -n "$(ARTICLE)" || { echo "usage: make new ARTICLE=category/slug   (e.g. ARTICLE=tws/order-presets)"; exit 2; }
	$(PY) -m tools.writers.new_article $(ARTICLE)

translations: setup
	$(PY) -m tools.writers.translation_status

# Every outgoing address of the built site, page by page, and any internal link that is broken.
links: build
	$(PY) -m tools.writers.links_report site --base-url "$${KB_SITE_URL:-http://$(HOST):$(PORT)/}"

# --- reports (figures, not tests) ----------------------------------------------------------------

bench: setup system-packages
	$(PY) -m tools.reports.bench_login_report
	$(PY) -m tools.reports.bench_widgets
	$(PY) -m tools.reports.bench_search --articles 1000

bench-build: setup
	$(PY) -m tools.reports.bench_build

tools/reports/audit/node_modules/.installed: tools/reports/audit/package.json tools/reports/audit/package-lock.json
	npm ci --prefix tools/reports/audit --no-audit --no-fund --loglevel=error
	@touch $@

audit: setup system-packages tools/reports/audit/node_modules/.installed
	$(PY) -m tools.reports.audit

# --- maintenance -------------------------------------------------------------------------------

lock:
	rm -rf .cache/lockenv && $(PYTHON) -m venv .cache/lockenv
	.cache/lockenv/bin/pip install --quiet -r requirements.in
	( echo "# Generated by 'make lock' from requirements.in: the exact versions CI and every machine install."; \
	  .cache/lockenv/bin/pip freeze --all | grep -v -E '^pip==' ) > requirements.lock

clean:
	rm -rf site .cache build dist
