# Two commands on a fresh machine: `make run` (the main job) and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= $(or $(ITUKG_SHARED),../shared)
RUN_STAMP := $(VENV)/.installed-run
STAMP := $(VENV)/.installed

.PHONY: run test test-virtuoso lint bench clean sysdeps soffice chromium virtuoso notebooks editor

$(VENV)/bin/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

## `make run` needs the package only; `make test` adds the dev and notebook extras.
## The install compiles the extraction modules next to their sources (setup.py),
## so it is done again when they change: the compiled ones would shadow them.
BUILD_INPUTS := pyproject.toml setup.py $(wildcard ingest/*.py)
$(RUN_STAMP): $(BUILD_INPUTS) | $(VENV)/bin/python
	$(BIN)/pip install -q -e .
	touch $(RUN_STAMP)

$(STAMP): $(BUILD_INPUTS) | $(VENV)/bin/python
	$(BIN)/pip install -q -e '.[dev,notebooks]'
	touch $(STAMP) $(RUN_STAMP)

## System packages (idempotent): LibreOffice converts legacy Word (.doc) and RTF
## files for ingest/readers/doc.py; headless Chromium and its driver run the
## browser test of the HTML pages (tests/test_browser.py); Virtuoso is the second
## SPARQL server of tests/test_server_backend.py. Installed through apt when run as
## root; elsewhere .doc files are refused and those tests skip.
sysdeps: soffice chromium virtuoso

soffice:
	@command -v soffice >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      --no-install-recommends libreoffice-writer-nogui </dev/null >/dev/null; \
	  else echo "note: LibreOffice (soffice) is missing: .doc files will be refused" >&2; fi; }

chromium:
	@{ command -v chromium && command -v chromedriver; } >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      --no-install-recommends chromium chromium-driver </dev/null >/dev/null; \
	  else echo "note: chromium and chromium-driver are missing: the browser test skips" >&2; fi; }

virtuoso:
	@{ command -v virtuoso-t && command -v isql-vt; } >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      --no-install-recommends virtuoso-opensource </dev/null >/dev/null; \
	  else echo "note: virtuoso-opensource is missing: the Virtuoso tests skip" >&2; fi; }

## The main job: build the graph of the shared corpus and examples/ in the
## embedded store (data/store), then show what is most cited.
run: $(RUN_STAMP) | soffice
	$(BIN)/itukg --store data/store ingest $(SHARED)/corpus/seed $(SHARED)/corpus/real examples; \
	  status=$$?; [ $$status -le 1 ]
	$(BIN)/itukg --store data/store query most-cited | head -n 15

## The tests, with lint and type checks.
test: $(STAMP) | sysdeps
	$(BIN)/ruff check itukg ontology queries ingest api tests benchmarks notebooks
	$(BIN)/mypy
	$(BIN)/lint-imports
	ITUKG_SHARED=$(SHARED) $(BIN)/pytest

## The graph layer, the named queries and the service against a Virtuoso the
## tests start (virtuoso-t on free ports of 127.0.0.1, a temporary database), about
## 2 minutes; also part of `make test`.
test-virtuoso: $(STAMP) | virtuoso
	ITUKG_SHARED=$(SHARED) $(BIN)/pytest -m virtuoso tests/test_server_backend.py

## The notebooks alone: each is executed end to end in a temporary folder (also
## part of `make test`); checks that they are committed without outputs.
notebooks: $(STAMP)
	$(BIN)/ruff check notebooks
	ITUKG_SHARED=$(SHARED) $(BIN)/pytest tests/test_notebooks.py

## wrk (Debian) is the load generator of benchmarks/api_load.py; without it
## that benchmark says so and measures nothing.
bench: $(STAMP) | sysdeps
	$(BIN)/pip install -q -e '.[dev,notebooks,bench]'
	@command -v wrk >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      --no-install-recommends wrk </dev/null >/dev/null; \
	  else echo "note: wrk is missing: the API load benchmark is skipped" >&2; fi; }
	ITUKG_SHARED=$(SHARED) $(BIN)/python -m benchmarks

## The SPARQL editor of /sparql: YASQE (@zazuko/yasqe, MIT) as its authors publish
## it on the npm registry, copied into api/static/yasqe/ and committed, since users
## `pip install` the package without npm. Rerun (with a new YASQE) to update it;
## VENDORED records the version and the tarball's integrity hash; LICENSE (MIT)
## is kept beside them.
YASQE ?= 4.6.2
EDITOR_DIR := api/static/yasqe
export VENDORED_JS := const p = require("./package/package.json"), \
  k = require("./pack.json")[0]; [p.name, p.version, p.license, k.integrity, p.homepage].join(" ")
editor:
	@command -v npm >/dev/null 2>&1 || { echo "npm is needed to vendor the editor" >&2; exit 1; }
	rm -f $(EDITOR_DIR)/yasqe.min.* $(EDITOR_DIR)/VENDORED && mkdir -p $(EDITOR_DIR)
	tmp=$$(mktemp -d) && cd $$tmp && \
	  npm pack --silent --json @zazuko/yasqe@$(YASQE) > pack.json && \
	  tar xzf zazuko-yasqe-$(YASQE).tgz && \
	  cp package/build/yasqe.min.js package/build/yasqe.min.css $(CURDIR)/$(EDITOR_DIR)/ && \
	  node -p "$$VENDORED_JS" > $(CURDIR)/$(EDITOR_DIR)/VENDORED && \
	  rm -rf $$tmp
	sed -i '/^\/\/# sourceMappingURL=/d' $(EDITOR_DIR)/yasqe.min.js

clean:
	rm -rf $(VENV) out data build ingest/*.so itukg/*.so
