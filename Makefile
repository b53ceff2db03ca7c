# Two commands on a fresh machine: `make run` (the main job) and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= $(or $(ITUKG_SHARED),../shared)
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean sysdeps

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

## System packages (idempotent): LibreOffice converts legacy Word (.doc) and RTF
## files for ingest/readers/doc.py. Installed through apt when run as root;
## elsewhere such files are refused with the reason.
sysdeps:
	@command -v soffice >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      --no-install-recommends libreoffice-writer-nogui </dev/null >/dev/null; \
	  else echo "note: LibreOffice (soffice) is missing: .doc files will be refused" >&2; fi; }

## The main job: build the graph of the shared corpus and examples/ in the
## embedded store (data/store), then show what is most cited.
run: $(STAMP) | sysdeps
	$(BIN)/itukg --store data/store ingest $(SHARED)/corpus/seed $(SHARED)/corpus/real examples; \
	  status=$$?; [ $$status -le 1 ]
	$(BIN)/itukg --store data/store query most-cited | head -n 15

## The tests, with lint and type checks.
test: $(STAMP) | sysdeps
	$(BIN)/ruff check ontology queries ingest api tests benchmarks
	$(BIN)/mypy
	ITUKG_SHARED=$(SHARED) $(BIN)/pytest

bench: $(STAMP) | sysdeps
	ITUKG_SHARED=$(SHARED) $(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) out data
