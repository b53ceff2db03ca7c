"""Issue 11, 7: ``itukg ingest`` of 300 small generated documents, SIGKILLed at
random moments at least 20 times; between runs, 60 of them at a time change (one
citation more, or less), so kills also land while changed documents' graphs are
replaced one by one. After each kill:

- in the store, every document graph that carries its content hash (the triple
  written last) is complete: as many triples as a clean ingest gives it in one
  variant or the other; the others are redone by the next ingest;
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
from itukg.ontology.iri import DEFAULT_BASE
from itukg.ontology.store import EmbeddedStore, open_store
from itukg.queries import run_query
from tests.conftest import ROOT

ITUKG = Path(sys.executable).parent / "itukg"
DOCUMENTS = 300
KILLS = 20
HASH = "https://w3id.org/itukg/ontology#contentHash"
DERIVED = f"{DEFAULT_BASE}graph/derived"
PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
Clean = dict[str, tuple[int, int]]  # graph -> its size in either variant
MARKED = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?d <{HASH}> ?h }} }}"


def paragraphs() -> list[str]:
    found = []
    for p in sorted((ROOT / "examples").iterdir()):
        if p.suffix in (".txt", ".md"):
            found += [b.strip() for b in p.read_text().split("\n\n") if len(b) > 80]
    return found


def texts() -> list[str]:
    """Documents of a few paragraphs of the examples each, and one citation of
    their own, so that every one is its own document."""
    rng = random.Random(7)
    pool = paragraphs()
    return [
        f"Document {i}\n\nrecalling Resolution {i % 180 + 1} (Rev. Busan, 2014) "
        f"of the Plenipotentiary Conference,\n\n" + "\n\n".join(rng.sample(pool, 3))
        for i in range(DOCUMENTS)
    ]


def write(folder: Path, i: int, text: str, variant: int) -> None:
    """Variant 0 of a document, or variant 1: the same with one more citation."""
    more = "\n\nnoting Resolution 71 (Rev. Dubai, 2018) of the Conference,"
    (folder / f"gen-{i:03d}.txt").write_text(text + (more if variant else "") + "\n")


def generate(folder: Path, variant: int) -> list[int]:
    folder.mkdir()
    for i, text in enumerate(texts()):
        write(folder, i, text, variant)
    return [variant] * DOCUMENTS


def reference(folder: Path, path: Path, variant: int) -> tuple[dict[str, int], float]:
    """The graph sizes of a clean ingest of every document in one variant, and
    how long that ingest took."""
    generate(folder, variant)
    began = time.monotonic()
    assert ingest(path, folder).wait(600) == 0
    took = time.monotonic() - began
    store = open_store(str(path))
    assert isinstance(store, EmbeddedStore)
    assert len(marked(store)) > 0.9 * DOCUMENTS  # a few paragraphs name their own
    return counts(store), took


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


def check(path: Path, clean: Clean, tmp: Path) -> None:
    """The invariants after a kill."""
    last = published_derived(path, clean, tmp)
    store = open_store(str(path))
    assert isinstance(store, EmbeddedStore)
    found = counts(store)
    for g in marked(store):
        assert found[g] in clean[g], f"{g}: {found[g]} triples, not {clean[g]}"
    derived = found.get(DERIVED, 0)
    assert derived in (last, fresh_derived(store, tmp / "fresh")), derived
    del store


def published_derived(path: Path, clean: Clean, tmp: Path) -> int:
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
            assert held[g] in clean[g], f"snapshot: {g} partial"
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
    sizes = [reference(tmp_path / f"in{v}", tmp_path / f"ref{v}", v) for v in (0, 1)]
    clean: Clean = {g: (n, sizes[1][0][g]) for g, n in sizes[0][0].items()}
    full = sizes[0][1]
    folder = tmp_path / "docs"
    variants, originals = generate(folder, 0), texts()
    rng = random.Random(11)
    path, kills, completed = tmp_path / "store", 0, 0
    while kills < KILLS:
        if rng.random() < 0.6:  # changed documents: replaced one by one
            for i in rng.sample(range(DOCUMENTS), 60):
                variants[i] = 1 - variants[i]
                write(folder, i, originals[i], variants[i])
        proc = ingest(path, folder)
        time.sleep(rng.uniform(0.3, 0.75 * full))
        if proc.poll() is not None:  # it finished first
            assert proc.returncode == 0
            completed += 1
            if rng.random() < 0.5:  # start over, empty: new documents again
                shutil.rmtree(path)
            continue
        proc.kill()
        proc.wait(30)
        kills += 1
        check(path, clean, tmp_path)
    assert ingest(path, folder).wait(600) == 0
    check(path, clean, tmp_path)
    final = open_store(str(path))
    assert isinstance(final, EmbeddedStore)
    found = counts(final)
    for doc in run_query(final, "documents").records():
        variant = variants[int(Path(str(doc["file"])).stem.split("-")[1])]
        assert (
            found[DEFAULT_BASE + str(doc["graph"])]
            == clean[DEFAULT_BASE + str(doc["graph"])][variant]
        )
    print(f"\n{kills} kills, {completed} runs finished first; a clean run {full:.0f} s")
