"""Compaction of an embedded store (issue 13): the same quads in fewer bytes, its
snapshots kept, and a kill at any step of the swap leaves a whole store."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from itukg.ingest import pipeline
from itukg.ontology import compaction, parts, snapshots
from itukg.ontology.iri import DEFAULT_BASE
from itukg.ontology.store import EmbeddedStore
from tests.conftest import ROOT

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


def test_a_large_store_is_merged_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From ``LARGE`` bytes the store is compacted by RocksDB in place
    (``optimize``), not rewritten: same quads, its size recorded, its folder,
    files' place and snapshots kept, nothing built beside it."""
    path = tmp_path / "store"
    store = EmbeddedStore(path)
    _fill(store)
    store.snapshot()
    held = snapshots.current(path)
    monkeypatch.setattr(compaction, "LARGE", compaction.live_bytes(path))
    assert compaction.large(path)

    def rewrite(*_: object) -> Path:
        raise AssertionError("a large store is not rewritten")

    monkeypatch.setattr(compaction, "build", rewrite)
    folder = os.stat(path).st_ino
    store.compact()
    assert len(store.raw) == QUADS
    assert not compaction.due(path)  # its size is recorded
    recorded = int((path / compaction.SIZE_FILE).read_text())
    assert abs(recorded - compaction.live_bytes(path)) < 64  # the file itself
    assert os.stat(path).st_ino == folder
    assert snapshots.current(path) == held
    assert not compaction.building(path).exists()
    store.replace_graph("http://x/more", ['<http://x/a> <http://x/b> "c" .'])
    del store
    assert len(_quads(path)) == QUADS + 1


LINKED = (
    "SELECT ?s (COUNT(?o) AS ?n) WHERE { GRAPH ?g { ?s <http://x/q> ?b . "
    "?b <http://x/p> ?o } } GROUP BY ?s"
)


def _linked(store: ox.Store) -> list[tuple[str, int]]:
    """Each subject with the count of parts of the blank node it links to."""
    rows = store.query(LINKED)
    assert isinstance(rows, ox.QuerySolutions)
    return sorted((str(r["s"]), int(r["n"].value)) for r in rows)


@pytest.mark.parametrize("size", [7, 1000, parts.SIZE])
def test_compaction_in_parts_keeps_every_quad_and_blank_node(
    tmp_path: Path, size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dump is loaded ``parts.SIZE`` quads at a time: a blank node whose
    quads fall in two parts stays one node, and no quad is lost or doubled at
    a part's edge."""
    path = tmp_path / "store"
    store = EmbeddedStore(path)
    _fill(store)
    nodes = [
        f'_:n{i} <http://x/p> "part {j}" .\n<http://x/s{i}> <http://x/q> _:n{i} .'
        for i in range(40)
        for j in range(3)
    ]
    store.replace_graph("http://x/blank", "\n".join(nodes).splitlines())
    monkeypatch.setattr(parts, "SIZE", size)
    before = {str(q) for q in store.raw}
    store.snapshot()
    store.close()
    store.compact()
    assert len(store.raw) == QUADS + 40 * 4
    linked = sorted(f"<http://x/s{i}>" for i in range(40))
    assert _linked(store.raw) == [(s, 3) for s in linked]
    del store
    after = _quads(path)
    assert len(after) == len(before)
    plain = {q for q in before if "_:" not in q}
    assert plain <= after
    assert sorted(p.name for p in compaction.building(path).parent.iterdir()) == [
        "store"
    ]


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


def test_the_folder_and_its_snapshots_never_move(tmp_path: Path) -> None:
    """A reader on the current snapshot (a read-only store on its path) reads on
    while the store is compacted and after: the swap renames neither the store's
    folder nor its snapshots; the snapshot published next is of the new store."""
    path = tmp_path / "store"
    store = EmbeddedStore(path)
    _fill(store)
    store.snapshot()
    held = snapshots.current(path)
    assert held is not None
    reader = ox.Store.read_only(str(held))
    folder = os.stat(path).st_ino, os.stat(path / snapshots.FOLDER).st_ino
    store.compact()
    assert not compaction.due(path)
    assert (os.stat(path).st_ino, os.stat(path / snapshots.FOLDER).st_ino) == folder
    assert len(reader) == QUADS
    assert len(_quads(held)) == QUADS  # opened anew on the same path
    store.snapshot()
    newer = snapshots.current(path)
    assert newer is not None and newer != held
    assert len(_quads(newer)) == QUADS
    assert held.exists()  # until its grace ends


def _interrupted(tmp_path: Path, moved: int, emptied: bool, filled: int) -> None:
    """A swap killed with ``moved`` of the old store's files aside (all, and
    marked, when ``emptied``) and ``filled`` of the new store's files in."""
    path = tmp_path / "store"
    store = EmbeddedStore(path)
    _fill(store)
    store.snapshot()
    expected = {str(q) for q in store.raw}
    held = snapshots.current(path)
    compaction.build(store.raw, path)
    del store
    old = path.with_name("store.old")
    old.mkdir()
    own = sorted(p for p in path.iterdir() if p.name != snapshots.FOLDER)
    for f in own if emptied else own[:moved]:
        os.rename(f, old / f.name)
    if emptied:
        (old / compaction.EMPTIED).write_text("")
        new = compaction.building(path) / "store"
        for f in sorted(new.iterdir())[:filled]:
            os.rename(f, path / f.name)
    reopened = EmbeddedStore(path)
    assert {str(q) for q in reopened.raw} == expected
    assert snapshots.current(path) == held
    assert not old.exists()
    assert not compaction.building(path).exists()
    assert not compaction.due(path)  # the new store took the place


def test_a_kill_at_any_step_of_the_swap_is_finished_on_open(tmp_path: Path) -> None:
    for i, (moved, emptied, filled) in enumerate(
        [(0, False, 0), (1, False, 0), (3, False, 0), (0, True, 0), (0, True, 2)]
    ):
        _interrupted(tmp_path / str(i), moved, emptied, filled)


def test_what_a_killed_writer_left_is_noted(tmp_path: Path) -> None:
    """``WRITING`` before the documents change, ``SETTLED`` once they are whole;
    a publication clears both (what the next writer does with them:
    ``ingest.pipeline._begin``)."""
    path = tmp_path / "store"
    store = EmbeddedStore(path)
    _fill(store)
    assert store.unfinished() is None
    store.mark(snapshots.WRITING)
    assert store.unfinished() == snapshots.WRITING
    store.mark(snapshots.SETTLED)
    del store  # killed before the snapshot
    assert snapshots.current(path) is None
    again = EmbeddedStore(path)
    assert again.unfinished() == snapshots.SETTLED
    again.snapshot()
    published = snapshots.current(path)
    assert published is not None
    assert len(_quads(published)) == QUADS
    assert again.unfinished() is None


DERIVED = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <%sgraph/derived> { ?s ?p ?o } }"


def _derived(store: ox.Store) -> int:
    rows = list(store.query(DERIVED % DEFAULT_BASE))
    return int(rows[0]["n"].value)  # type: ignore[index]


def test_a_writer_killed_after_its_derivation_is_republished_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed after it replaced the derived graph, before its snapshot (during its
    lineage, its compaction): the next writer derives again and publishes before
    it writes, so a kill of that one while it writes documents leaves the derived
    graph the published one (the kill test's 8505: neither published nor fresh)."""
    path, docs = tmp_path / "store", tmp_path / "docs"
    docs.mkdir()
    source = ROOT / "examples" / "pp22-doc61-add2-eur.txt"
    shutil.copy(source, docs / "a.txt")
    store = EmbeddedStore(path)
    pipeline.ingest_paths(store, [docs / "a.txt"], workers=1)
    first = _derived(store.raw)
    shutil.copy(ROOT / "examples" / "converted-pdf-report.txt", docs / "b.txt")

    def killed(*_: object, **__: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "derive_lineage", killed)
    with pytest.raises(KeyboardInterrupt):
        pipeline.ingest_paths(store, [docs / "b.txt"], workers=1)
    monkeypatch.undo()
    derived = _derived(store.raw)
    assert derived != first
    assert store.unfinished() == snapshots.SETTLED
    pipeline._begin(store, DEFAULT_BASE)  # the next writer, first
    published = snapshots.current(path)
    assert published is not None
    assert _derived(ox.Store.read_only(str(published))) == derived
    assert store.unfinished() == snapshots.WRITING
