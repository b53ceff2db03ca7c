"""Paragraph lineage at scale: the pruned alignment scores every pair as one
difflib matcher per pair does, and an incremental derive (only the works whose
documents an ingest wrote or a removal dropped) leaves the same lineage graph as
recomputing every work."""

from __future__ import annotations

import random
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from benchmarks.corpus import write_corpus
from itukg.ingest import lineage
from itukg.ingest.lineage import Side, _greedy, _similar_pairs, align, derive_lineage
from itukg.ingest.pipeline import ingest_paths, remove_documents
from itukg.ontology import iri
from itukg.ontology.store import GraphStore, open_store

WORDS = ["the", "to", "of", "and", "Union", "Council", "resolves", "ITU", "group"]


def _reference_similar(left: list[Side], right: list[Side]) -> list[tuple[int, int]]:
    """One matcher per pair, every pair scored, as before the pruning."""
    found = []
    for i, a in enumerate(left):
        for j, b in enumerate(right):
            m = SequenceMatcher(None, a.text.split(), b.text.split(), autojunk=False)
            if m.real_quick_ratio() < 0.5 or m.quick_ratio() < 0.5:
                continue
            if m.ratio() >= 0.5:
                found.append((m.ratio(), i, j))
    return _greedy(iter(found))


def _sides(rng: random.Random, n: int) -> list[Side]:
    out = []
    for k in range(n):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 14)))
        out.append(Side(f"p/{k}", rng.choice(["resolves", "noting"]), str(k), text))
    return out


def test_lazy_pairs_equal_every_pair_scored() -> None:
    rng = random.Random(7)
    for _ in range(300):
        left, right = _sides(rng, rng.randint(0, 9)), _sides(rng, rng.randint(0, 9))
        assert _similar_pairs(left, right) == _reference_similar(left, right)
        assert len(align(left, right)) >= max(len(left), len(right))


def _lineage(store: GraphStore) -> list[str]:
    graph = iri.graph_iri("lineage")
    dumped = store.dump(ox.RdfFormat.N_QUADS).decode("utf-8").splitlines()
    assert not any(iri.graph_iri("lineage-") in line for line in dumped)
    return sorted(line for line in dumped if line.endswith(f"<{graph}> ."))


def test_incremental_equals_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    some: list[set[str]] = []
    recompute = lineage._derive_some

    def spy(*args: Any) -> int:
        some.append(args[3])
        return recompute(*args)

    monkeypatch.setattr(lineage, "_derive_some", spy)
    paths = write_corpus(tmp_path / "corpus", 40, seed=11, formats=False)
    whole = open_store(None)
    ingest_paths(whole, paths, workers=1)
    expected = _lineage(whole)
    assert expected

    steps = open_store(None)
    ingest_paths(steps, paths[:24], workers=1)
    for k in range(24, 40, 4):  # small ingests: only their works recomputed
        ingest_paths(steps, paths[k : k + 4], workers=1)
    assert _lineage(steps) == expected
    assert len(some) == 4 and all(some), some  # works recomputed, not all
    assert derive_lineage(steps) == derive_lineage(whole)
    assert _lineage(steps) == expected

    removed = [str(p) for p in paths[5:40:9]]
    remove_documents(steps, removed)
    remove_documents(whole, removed)
    assert len(some) == 6 and some[-1]  # both stores: only works of removed ones
    after = _lineage(steps)
    derive_lineage(whole)  # everything recomputed
    assert after == _lineage(whole)
    assert after != expected
