"""Compaction of an embedded store (issue 13): the same quads in fewer bytes, its
snapshots kept, and a kill at any step of the swap leaves a whole store."""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox

from itukg.ontology import compaction, snapshots
from itukg.ontology.store import EmbeddedStore

QUADS = 20_000


def _fill(store: EmbeddedStore) -> None:
    """Quads written in transactions, as ingest writes graphs it replaces."""
    for g in range(20):
        body = "\n".join(
            f'<http://x/s{i}> <http://x/p{i % 7}> "value {i} of a graph" .'
            for i in range(g * 1000, (g + 1) * 1000)
        )
        store.replace_graph(f"http://x/g{g}", body.splitlines())


def _quads(path: Path) -> set[str]:
    store = ox.Store.read_only(str(path))
    out = {str(q) for q in store}
    del store
    return out


def test_compaction_keeps_the_quads_in_fewer_bytes(tmp_path: Path) -> None:
    path = tmp_path / "store"
    store = EmbeddedStore(path)
    _fill(store)
    store.snapshot()
    store.close()
    before = compaction.live_bytes(path)
    held = snapshots.current(path)
    assert compaction.due(path)
    store.compact()
    assert len(store.raw) == QUADS
    assert compaction.live_bytes(path) < 0.6 * before
    assert not compaction.due(path)  # until it grows again
    assert snapshots.current(path) == held  # the readers' snapshot stays
    assert not compaction.building(path).exists()
    store.compact()  # not due: nothing happens
    store.replace_graph("http://x/more", ['<http://x/a> <http://x/b> "c" .'])
    del store
    assert len(_quads(path)) == QUADS + 1


def test_a_kill_during_the_build_leaves_the_old_store(tmp_path: Path) -> None:
    path = tmp_path / "store"
    store = EmbeddedStore(path)
    _fill(store)
    expected = {str(q) for q in store.raw}
    work = compaction.building(path)
    (work / "store").mkdir(parents=True)  # a build killed before COMPLETE
    (work / "quads.nq").write_text("partial")
    del store
    reopened = EmbeddedStore(path)
    assert {str(q) for q in reopened.raw} == expected
    assert not work.exists()


def test_a_kill_between_the_renames_is_finished_on_open(tmp_path: Path) -> None:
    path = tmp_path / "store"
    store = EmbeddedStore(path)
    _fill(store)
    store.snapshot()
    expected = {str(q) for q in store.raw}
    compaction.build(store.raw, path)
    del store
    os.rename(path, path.with_name("store.old"))  # killed right after this
    reopened = EmbeddedStore(path)
    assert {str(q) for q in reopened.raw} == expected
    assert snapshots.current(path) is not None  # the snapshots moved along
    assert not path.with_name("store.old").exists()
    assert not compaction.building(path).exists()


def test_a_store_held_elsewhere_is_not_compacted(tmp_path: Path) -> None:
    """Compaction closes the store it replaces: not while another reference
    (a caller's ``raw``) would keep it open on the moved folder."""
    path = tmp_path / "store"
    store = EmbeddedStore(path)
    _fill(store)
    held = store.raw
    store.compact()
    assert compaction.due(path)
    assert store.raw is held
    del held
    store.compact()
    assert not compaction.due(path)


def test_a_whole_state_left_unpublished_is_published_first(tmp_path: Path) -> None:
    """A writer killed between its derivation and its publication (compaction
    makes that a while): the next writer publishes that whole state before it
    writes anything, so readers never stay on an older one."""
    path = tmp_path / "store"
    store = EmbeddedStore(path)
    _fill(store)
    store.settle()
    del store  # killed before the snapshot
    assert snapshots.current(path) is None
    again = EmbeddedStore(path)
    again.resume()
    published = snapshots.current(path)
    assert published is not None
    assert len(_quads(published)) == QUADS
    again.resume()  # nothing left unpublished: no new snapshot
    assert snapshots.current(path) == published
