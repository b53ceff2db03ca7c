"""Issue 11, 7: ``itukg ingest`` of 300 small generated documents, SIGKILLed at
random moments at least 20 times. After each kill:

- in the store, every document graph that carries its content hash (the triple
  written last) is complete: as many triples as a clean ingest gives it; the
  others are redone by the next ingest;
- the derived graph is whole: that of the last completed run, or a fresh
  derivation of what the store holds (never cleared, never partial);
- the current snapshot (what the service reads) holds complete graphs only, and
  its derived graph is a fresh derivation of them.

Then one more ingest, left to finish, gives exactly the clean store."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from itukg.ingest.pipeline import derive
from itukg.ontology import snapshots
from itukg.ontology.keys import DEFAULT_BASE
from itukg.ontology.store import EmbeddedStore, open_store
from tests.conftest import ROOT

ITUKG = Path(sys.executable).parent / "itukg"
DOCUMENTS = 300
KILLS = 20
HASH = "https://w3id.org/itukg/ontology#contentHash"
DERIVED = f"{DEFAULT_BASE}graph/derived"
PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
MARKED = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?d <{HASH}> ?h }} }}"


def paragraphs() -> list[str]:
    found = []
    for p in sorted((ROOT / "examples").iterdir()):
        if p.suffix in (".txt", ".md"):
            found += [b.strip() for b in p.read_text().split("\n\n") if len(b) > 80]
    return found


def generate(folder: Path) -> None:
    """Documents of a few paragraphs of the examples each, and one citation of
    their own, so that every one is its own document."""
    rng = random.Random(7)
    pool = paragraphs()
    folder.mkdir()
    for i in range(DOCUMENTS):
        body = "\n\n".join(rng.sample(pool, 3))
        (folder / f"gen-{i:03d}.txt").write_text(
            f"Document {i}\n\nrecalling Resolution {i % 180 + 1} (Rev. Busan, 2014) "
            f"of the Plenipotentiary Conference,\n\n{body}\n"
        )


def counts(store: EmbeddedStore) -> dict[str, int]:
    return {r["g"].value: int(r["n"].value) for r in store.raw.query(PER_GRAPH)}


def marked(store: EmbeddedStore) -> set[str]:
    return {r["g"].value for r in store.raw.query(MARKED)}


def fresh_derived(store: EmbeddedStore, scratch: Path) -> int:
    """The derived graph's size when derived afresh, on a copy of ``store``."""
    shutil.rmtree(scratch, ignore_errors=True)
    store.raw.backup(str(scratch))
    copy = open_store(str(scratch))
    assert isinstance(copy, EmbeddedStore)
    derive(copy)
    return counts(copy).get(DERIVED, 0)


def check(path: Path, clean: dict[str, int], tmp: Path) -> None:
    """The invariants after a kill."""
    last = published_derived(path, clean, tmp)
    store = open_store(str(path))
    assert isinstance(store, EmbeddedStore)
    found = counts(store)
    for g in marked(store):
        assert found[g] == clean[g], f"{g}: {found[g]} triples of {clean[g]}"
    derived = found.get(DERIVED, 0)
    assert derived in (last, fresh_derived(store, tmp / "fresh")), derived
    del store


def published_derived(path: Path, clean: dict[str, int], tmp: Path) -> int:
    """The size of the current snapshot's derived graph, once the snapshot is
    found whole: complete documents, derived graph derived from them."""
    snap = snapshots.current(path)
    if snap is None:
        return 0
    published = open_store(str(snap), read_only=True)
    assert isinstance(published, EmbeddedStore)
    held = counts(published)
    for g in set(held) - {DERIVED}:
        if g.startswith(DEFAULT_BASE + "doc/"):
            assert held[g] == clean[g], f"snapshot: {g} partial"
    assert held.get(DERIVED, 0) == fresh_derived(published, tmp / "fresh-snap")
    return held.get(DERIVED, 0)


def ingest(store: Path, folder: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [str(ITUKG), "--store", str(store), "ingest", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.mark.long
def test_sigkill_at_random_moments_leaves_whole_graphs(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    generate(folder)
    reference = tmp_path / "reference"
    began = time.monotonic()
    assert ingest(reference, folder).wait(600) == 0
    full = time.monotonic() - began
    ref = open_store(str(reference))
    assert isinstance(ref, EmbeddedStore)
    clean = counts(ref)
    assert len(marked(ref)) > 0.9 * DOCUMENTS  # a few paragraphs name their document
    del ref
    rng = random.Random(11)
    path, kills, completed = tmp_path / "store", 0, 0
    while kills < KILLS:
        proc = ingest(path, folder)
        time.sleep(rng.uniform(1.0, 0.7 * full))
        if proc.poll() is not None:  # it finished first: start over, empty
            assert proc.returncode == 0
            completed += 1
            shutil.rmtree(path)
            continue
        proc.kill()
        proc.wait(30)
        kills += 1
        check(path, clean, tmp_path)
    assert ingest(path, folder).wait(600) == 0
    final = open_store(str(path))
    assert isinstance(final, EmbeddedStore)
    assert counts(final) == clean
    print(f"\n{kills} kills, {completed} runs finished first; a clean run {full:.0f} s")
