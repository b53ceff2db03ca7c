# Two commands on a fresh machine: `make run` (the main job) and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= $(or $(ITUKG_SHARED),../shared)
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

## The main job: extract every citation of the shared corpus (and examples/).
run: $(STAMP)
	mkdir -p out
	$(BIN)/itukg extract $(SHARED)/corpus/seed $(SHARED)/corpus/real examples --format jsonl > out/records.jsonl; \
	  status=$$?; echo "wrote out/records.jsonl ($$(wc -l < out/records.jsonl) records)"; \
	  [ $$status -le 1 ]

## The tests, with lint and type checks.
test: $(STAMP)
	$(BIN)/ruff check ontology queries ingest api tests benchmarks
	$(BIN)/mypy
	ITUKG_SHARED=$(SHARED) $(BIN)/pytest

bench: $(STAMP)
	ITUKG_SHARED=$(SHARED) $(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) out data
