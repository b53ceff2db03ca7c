"""Ingest into a real on-disk Oxigraph store: one named graph per document,
unchanged files skipped, changed files replaced, removed documents dropped, a bad
file failing alone, and the derived facts (version chains, stale citations)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from itukg.ingest.pipeline import ingest_paths, remove_documents
from itukg.ontology import iri, vocab
from itukg.ontology.gazetteer import load_gazetteer
from itukg.ontology.store import EmbeddedStore, open_store
from itukg.queries import run_query
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"
MINI = (
    Path(__file__).resolve().parent.parent
    / "fixtures"
    / "documents"
    / "pp-res-mini.txt"
)


def _triples(store: EmbeddedStore) -> int:
    return int(run_query(store, "counts").rows[0][0] or 0)


def _graphs(store: EmbeddedStore) -> set[str]:
    return {str(r[0]) for r in run_query(store, "documents").rows}


@pytest.fixture
def store(tmp_path: Path) -> EmbeddedStore:
    s = open_store(str(tmp_path / "store"))
    assert isinstance(s, EmbeddedStore)
    return s


def test_ingest_examples_then_again_changes_nothing(store: EmbeddedStore) -> None:
    files = sorted(p for p in EXAMPLES.iterdir() if not p.name.endswith(".gold.json"))
    first = ingest_paths(store, files)
    assert (first.new, first.failed) == (len(files), 0), first.errors
    assert first.citations > 100 and first.triples > first.citations
    count = _triples(store)
    second = ingest_paths(store, files)
    assert (second.new, second.changed, second.skipped) == (0, 0, len(files))
    assert _triples(store) == count


def test_changed_file_replaces_its_graph(store: EmbeddedStore, tmp_path: Path) -> None:
    doc = tmp_path / "mini.txt"
    shutil.copy(MINI, doc)
    ingest_paths(store, [doc])
    before = run_query(store, "cites", {"key": "pp/res/999/2022"}).rows
    assert any(r[1] == "unga/res/70/1" for r in before)
    doc.write_text(
        MINI.read_text().replace("UNGA Resolution 70/1", "UNGA Resolution 70/125")
    )
    summary = ingest_paths(store, [doc])
    assert (summary.changed, summary.new) == (1, 0)
    after = {r[1] for r in run_query(store, "cites", {"key": "pp/res/999/2022"}).rows}
    assert "unga/res/70/125" in after and "unga/res/70/1" not in after
    assert _graphs(store) == {"pp/2022/doc/7"}


def test_a_document_written_by_another_model_is_rebuilt(
    store: EmbeddedStore, tmp_path: Path
) -> None:
    """Its file unchanged, a document whose extraction run names an older model
    (itu.ttl's owl:versionInfo) is rebuilt by the next ingest, not skipped: an
    older graph may lack what the queries now read."""
    doc = tmp_path / "mini.txt"
    shutil.copy(MINI, doc)
    ingest_paths(store, [doc])
    old, new = iri.agent_iri("0.0.1"), iri.agent_iri(vocab.MODEL)
    store.update(
        f"PREFIX prov: <{vocab.PROV}> "
        f"DELETE {{ GRAPH ?g {{ ?run prov:wasAssociatedWith <{new}> }} }} "
        f"INSERT {{ GRAPH ?g {{ ?run prov:wasAssociatedWith <{old}> }} }} "
        f"WHERE {{ GRAPH ?g {{ ?run prov:wasAssociatedWith <{new}> }} }}"
    )
    count = _triples(store)
    summary = ingest_paths(store, [doc])
    assert (summary.changed, summary.new, summary.skipped) == (1, 0, 0)
    assert _triples(store) == count
    assert ingest_paths(store, [doc]).skipped == 1
    agents = f"?run <{vocab.PROV}wasAssociatedWith> ?a"
    runs = f"SELECT ?a WHERE {{ GRAPH ?g {{ {agents} }} }}"
    assert {str(r[0].value) for r in store.query(runs)} == {new}


def test_remove_by_key_and_by_file(store: EmbeddedStore) -> None:
    files = [EXAMPLES / "wtsa-res50-cybersecurity.txt", MINI]
    ingest_paths(store, files)
    assert len(_graphs(store)) == 2
    removed = remove_documents(store, ["pp/2022/doc/7", str(files[0])])
    assert (removed.removed, removed.failed) == (2, 0)
    assert _graphs(store) == set()
    assert not run_query(store, "cites", {"key": "pp/res/999/2022"}).rows
    missing = remove_documents(store, ["pp/1999/doc/1"])
    assert missing.failed == 1 and "no such document" in missing.errors[0]


def test_bad_file_fails_alone(store: EmbeddedStore, tmp_path: Path) -> None:
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\xff\xfe\x00\x01binary")
    summary = ingest_paths(store, [bad, MINI])
    assert (summary.failed, summary.new) == (1, 1)
    assert str(bad) in summary.errors[0]
    assert _graphs(store) == {"pp/2022/doc/7"}


def test_derived_version_chain_and_staleness(store: EmbeddedStore) -> None:
    ingest_paths(store, [MINI, EXAMPLES / "wtdc17-doc45-acp.txt"])
    versions = run_query(store, "versions", {"key": "pp/res/999"}).records()
    assert [(v["version"], v["status"]) for v in versions] == [
        ("pp/res/999/2018", "attested"),
        ("pp/res/999/2022", "proposed"),
    ]
    superseded = run_query(store, "superseded-by", {"key": "pp/res/999/2018"}).records()
    assert [(r["successor"], r["status"], r["proposal"]) for r in superseded] == [
        ("pp/res/999/2022", "proposed", "XMP/7/1")
    ]


def test_reference_graphs_are_loaded(store: EmbeddedStore) -> None:
    ingest_paths(store, [MINI])
    graph = "https://w3id.org/itukg/graph/conferences"
    rows = store.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> "
        "{ ?c a <https://w3id.org/itukg/ontology#Conference> } }"
    )
    expected = len(load_gazetteer().conferences)
    assert int(next(iter(rows))["n"].value) == expected  # type: ignore[index]


def test_same_document_from_two_files_is_kept_once(
    store: EmbeddedStore, tmp_path: Path
) -> None:
    """Two files of one document (two formats, a copy): the first keeps the
    graph, the second is skipped with a note, and a second ingest changes nothing."""
    first, second = tmp_path / "a.txt", tmp_path / "b.md"
    shutil.copy(MINI, first)
    second.write_text(MINI.read_text() + "\n(a copy)\n")
    summary = ingest_paths(store, [first, second])
    assert (summary.new, summary.skipped, summary.failed) == (1, 1, 0)
    assert "the same document (pp/2022/doc/7)" in summary.notes[0]
    count = _triples(store)
    again = ingest_paths(store, [first, second])
    assert (again.new, again.changed, again.skipped) == (0, 0, 2)
    assert _triples(store) == count
