"""Issue 11, 3: the derived graph is replaced in one transaction. A process that
derives it over and over is SIGKILLed at random moments; after each kill the
derived graph is whole (as many triples as a clean derivation makes)."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from itukg.ingest.pipeline import ingest_paths
from itukg.ontology.iri import DEFAULT_BASE
from itukg.ontology.store import EmbeddedStore, open_store
from tests.conftest import ROOT

DERIVED = f"{DEFAULT_BASE}graph/derived"
COUNT = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{DERIVED}> {{ ?s ?p ?o }} }}"
LOOP = """
import sys
from itukg.ingest.pipeline import derive
from itukg.ontology.store import open_store
store = open_store(sys.argv[1])
print("ready", flush=True)
while True:
    derive(store)
"""


def derived(path: Path) -> int:
    store = open_store(str(path))
    assert isinstance(store, EmbeddedStore)
    try:
        rows = list(store.raw.query(COUNT))
        return int(rows[0]["n"].value)
    finally:
        del store


@pytest.mark.slow
def test_kills_during_derivation_leave_the_derived_graph_whole(tmp_path: Path) -> None:
    path = tmp_path / "store"
    store = open_store(str(path))
    files = sorted(p for p in (ROOT / "examples").iterdir() if "gold" not in p.name)
    assert ingest_paths(store, files).failed == 0
    del store
    whole = derived(path)
    assert whole > 100
    rng = random.Random(11)
    for _ in range(8):
        proc = subprocess.Popen(
            [sys.executable, "-c", LOOP, str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert proc.stdout is not None and proc.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.05, 1.5))
        proc.kill()
        proc.wait(10)
        assert derived(path) == whole
