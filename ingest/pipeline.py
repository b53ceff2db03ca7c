"""Ingest files into a store: read, extract, build each document's graph, and
replace that named graph in one transaction; skip files whose content is already
in the store; then derive what needs the whole graph (version chains, in-force
versions, stale citations). One bad file never stops the others."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from ingest.build import Meta, build_graph
from ingest.extract import extract
from ingest.models import Citation
from ingest.sources import read_document
from ontology import keys
from ontology.errors import ItukgError
from ontology.store import GraphStore
from queries import list_queries, run_query, run_update

REFERENCE = ("itu.ttl", "sections.ttl", "lexicon.ttl", "conferences.ttl")


@dataclass
class Summary:
    new: int = 0
    changed: int = 0
    skipped: int = 0
    failed: int = 0
    removed: int = 0
    citations: int = 0
    triples: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.new} new, {self.changed} changed, {self.skipped} skipped, "
            f"{self.failed} failed; {self.citations} citations, {self.triples} triples"
        )


def _turtle_lines(name: str) -> list[str]:
    data = resources.files("ontology").joinpath(name).read_bytes()
    return [
        f"{t.subject} {t.predicate} {t.object} ."
        for t in ox.parse(data, format=ox.RdfFormat.TURTLE)
    ]


def load_reference(store: GraphStore, base: str = keys.DEFAULT_BASE) -> int:
    """The ontology and the reference data (gazetteer, lexicon, headings), each in
    its own named graph."""
    total = 0
    for name in REFERENCE:
        lines = _turtle_lines(name)
        store.replace_graph(f"{base}graph/{name.removesuffix('.ttl')}", lines)
        total += len(lines)
    return total


def derive(store: GraphStore, base: str = keys.DEFAULT_BASE) -> None:
    """Recompute the derived graph from all documents (named updates, in order)."""
    for q in list_queries("derive"):
        run_update(store, q.name, base)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def ingest_file(
    store: GraphStore, path: Path, summary: Summary, base: str = keys.DEFAULT_BASE
) -> None:
    """Ingest one file, counting what happened in ``summary``."""
    digest = _sha256(path)
    if run_query(store, "graph-by-hash", {"hash": digest}, base).rows:
        summary.skipped += 1
        return
    doc = read_document(path)
    found = extract(doc)
    records = found.records
    doc_key = next((r.doc for r in records), None) or str(keys.file_key(doc.stem))
    meta = Meta(
        doc=doc_key,
        path=str(path),
        sha256=digest,
        generated_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    )
    lines = build_graph(records, meta, base, found.versions)
    earlier = {
        str(r[0])
        for r in run_query(store, "graph-by-file", {"file": str(path)}, base).rows
    }
    graph = base + doc_key
    store.replace_graph(graph, lines)
    for old in earlier - {doc_key}:
        store.update(f"DROP SILENT GRAPH <{base}{old}>")
    if earlier:
        summary.changed += 1
    else:
        summary.new += 1
    summary.citations += sum(isinstance(r, Citation) for r in records)
    summary.triples += len(lines)


def ingest_paths(
    store: GraphStore,
    paths: Iterable[Path],
    base: str = keys.DEFAULT_BASE,
    progress: Callable[[Path], None] | None = None,
) -> Summary:
    """Ingest every file; a file that fails is counted and named, the others go on."""
    summary = Summary()
    load_reference(store, base)
    for path in paths:
        if progress:
            progress(path)
        try:
            ingest_file(store, path, summary, base)
        except ItukgError as exc:
            summary.failed += 1
            message = str(exc)
            summary.errors.append(
                message if message.startswith(str(path)) else f"{path}: {message}"
            )
    derive(store, base)
    return summary


def remove_documents(
    store: GraphStore, targets: Iterable[str], base: str = keys.DEFAULT_BASE
) -> Summary:
    """Drop the graphs of documents given by key or by the file path they came from."""
    summary = Summary()
    docs = run_query(store, "documents", {}, base).records()
    for t in targets:
        found = {str(d["graph"]) for d in docs if t in (d["graph"], d["file"])}
        if not found:
            summary.failed += 1
            summary.errors.append(f"{t}: no such document in the store")
        for g in found:
            store.update(f"DROP SILENT GRAPH <{base}{g}>")
            summary.removed += 1
    derive(store, base)
    return summary
