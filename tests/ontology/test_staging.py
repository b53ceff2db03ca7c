"""A graph replaced in steps (``ontology.staging``, how ingest derives): a kill
after any step leaves, once the next writer opens the store, the old graph or
the new one, whole, and no scratch graph."""

from __future__ import annotations

import gc
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from itukg.ontology import staging
from itukg.ontology.store import EmbeddedStore

GRAPH, SCRATCH = "http://x/derived", "http://x/derived-next"
OLD = [f'<http://x/s{i}> <http://x/p> "old {i}" .' for i in range(7)]
UPDATES = [
    f"INSERT DATA {{ GRAPH <{SCRATCH}> {{ <http://x/s{i}> <http://x/p> {i} }} }}"
    for i in range(4)
] + [  # a blank node with three triples: they stay one node when copied
    f"INSERT {{ GRAPH <{SCRATCH}> {{ [] <http://x/a> ?n ; <http://x/b> ?n ; "
    f"<http://x/c> ?n }} }} WHERE {{ GRAPH <{SCRATCH}> {{ ?s <http://x/p> ?n }} }}"
]


def _graph(store: ox.Store, graph: str) -> list[str]:
    """The graph's triples, each blank node as ``_:b`` and as many triples as
    it has (so that three triples of one node differ from one of three)."""
    quads = list(store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
    sizes: dict[str, int] = {}
    for q in quads:
        if isinstance(q.subject, ox.BlankNode):
            sizes[q.subject.value] = sizes.get(q.subject.value, 0) + 1
    return sorted(
        re.sub(r"_:(\w+)", lambda m: f"_:b{sizes[m.group(1)]}", str(q.triple))
        for q in quads
    )


class Killed(BaseException):
    pass


def _replaced(path: Path) -> list[str]:
    store = EmbeddedStore(path)
    staging.replace(store.raw, path, GRAPH, SCRATCH, UPDATES)
    return _graph(store.raw, GRAPH)


def test_a_replacement_gives_the_updates_graph(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "store")
    store.replace_graph(GRAPH, OLD)
    staging.replace(store.raw, tmp_path / "store", GRAPH, SCRATCH, UPDATES)
    found = _graph(store.raw, GRAPH)
    assert len(found) == 4 + 4 * 3
    assert sum(t.startswith("_:b3 ") for t in found) == 12  # four nodes of three
    assert _graph(store.raw, SCRATCH) == []
    assert not (tmp_path / "store" / "snapshots" / staging.MARK).exists()


@pytest.mark.parametrize("batch", [3, 100])
def test_a_kill_after_any_step_leaves_the_old_graph_or_the_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    monkeypatch.setattr(staging, "BATCH", batch)
    new = _replaced(tmp_path / "clean")
    steps, seen = 0, set()
    while True:  # kill at step 0, 1, 2, … until one run is not killed
        path = tmp_path / f"k{steps}"
        store = EmbeddedStore(path)
        store.replace_graph(GRAPH, OLD)
        old = _graph(store.raw, GRAPH)
        calls = [0]

        def step(*_: object, at: int = steps, calls: list[int] = calls) -> None:
            calls[0] += 1
            if calls[0] > at:
                raise Killed

        for name in ("_settle", "_mark"):
            real = getattr(staging, name)
            monkeypatch.setattr(
                staging, name, lambda *a, real=real, s=step: (s(), real(*a))[1]
            )
        try:
            staging.replace(store.raw, path, GRAPH, SCRATCH, UPDATES)
            finished = True
        except Killed:
            finished = False
        monkeypatch.undo()
        monkeypatch.setattr(staging, "BATCH", batch)
        del store
        gc.collect()
        reopened = EmbeddedStore(path)  # the next writer
        found = _graph(reopened.raw, GRAPH)
        assert found in (old, new), steps
        assert _graph(reopened.raw, SCRATCH) == []
        seen.add("new" if found == new else "old")
        del reopened
        gc.collect()
        if finished:
            break
        steps += 1
    assert seen == {"old", "new"} and steps > 10
