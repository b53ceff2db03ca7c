"""Ingest files into a store: read, extract, build each document's graph, and
replace that named graph in one transaction; skip files whose content is already
in the store; then derive what needs the whole graph (version chains, in-force
versions, stale citations). One bad file never stops the others."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from itukg.ingest.build import Description, Meta, build_document
from itukg.ingest.extract import extract
from itukg.ingest.lineage import derive_lineage
from itukg.ingest.mandate_graph import build_mandates
from itukg.ingest.models import Citation
from itukg.ingest.sources import read_document
from itukg.ingest.workers import Pool
from itukg.ontology import iri, keys, snapshots, vocab
from itukg.ontology.errors import ItukgError
from itukg.ontology.store import GraphStore
from itukg.ontology.vocab import ITU
from itukg.queries import list_queries, run_query
from itukg.queries.run import update_text

REFERENCE = ("itu.ttl", "sections.ttl", "lexicon.ttl", "conferences.ttl", "actors.ttl")


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
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.new} new, {self.changed} changed, {self.skipped} skipped, "
            f"{self.failed} failed; {self.citations} citations, {self.triples} triples"
        )


def _turtle_lines(name: str) -> list[str]:
    data = resources.files("itukg.ontology").joinpath(name).read_bytes()
    return [
        f"{t.subject} {t.predicate} {t.object} ."
        for t in ox.parse(data, format=ox.RdfFormat.TURTLE)
    ]


def load_reference(store: GraphStore, base: str = iri.DEFAULT_BASE) -> int:
    """The ontology and the reference data (gazetteer, lexicon, headings), each in
    its own named graph."""
    total = 0
    for name in REFERENCE:
        lines = _turtle_lines(name)
        store.replace_graph(iri.graph_iri(name.removesuffix(".ttl"), base), lines)
        total += len(lines)
    return total


_DERIVED = re.compile(r"(\bGRAPH\s+)<graph/derived>")


def derive(store: GraphStore, base: str = iri.DEFAULT_BASE) -> None:
    """Recompute the derived graph from all documents: the named updates, in
    order, replacing it whole (readers see the old derived graph or the new one,
    never a cleared one, even after a kill): one update request on a server; in
    an embedded store one transaction each, into a scratch graph swapped in
    whole (``ontology.staging``), so memory is bounded by the largest update,
    not by the derived graph. The scratch takes the place of the derived graph
    where an update reads or writes it (``GRAPH <graph/derived>``); other
    mentions, such as the graphs a key's own naming leaves out, stay."""
    names = [q.name for q in list_queries("derive")]
    scratch = "derived-next"
    steps = [
        _DERIVED.sub(rf"\g<1><graph/{scratch}>", update_text([n], base)) for n in names
    ]
    store.rederive(
        iri.graph_iri("derived", base),
        iri.graph_iri(scratch, base),
        steps,
        update_text(names, base),
    )


def _begin(store: GraphStore, base: str) -> bool:
    """Before a writer changes anything: finish what a killed one left, then note
    that this one writes. A writer killed after its documents were whole
    (``SETTLED``) may have replaced the derived graphs without publishing them:
    they are derived again (lineage in full: which documents it wrote is not
    known, and its scratch graphs may be left) and published, so the derived
    graph never differs from both the published one and a fresh derivation. One
    killed while writing documents (``WRITING``) had derived nothing: its
    documents get their lineage when this writer derives, in full. Whether this
    writer must derive the lineage in full."""
    left = store.unfinished()
    if left == snapshots.SETTLED:
        _scratch(store, base)
        derive(store, base)
        derive_lineage(store, base)
        store.snapshot()
    store.mark(snapshots.WRITING)
    return left == snapshots.WRITING


def _scratch(store: GraphStore, base: str) -> None:
    """Drop the scratch graphs an interrupted incremental lineage left."""
    store.drop_graphs(iri.graph_iri(g, base) for g in ("lineage-new", "lineage-plan"))


def _finish(
    store: GraphStore, base: str, docs: list[str], full: bool, compact: bool
) -> None:
    """Derive, compact (when ``compact``) and publish, the documents whole."""
    store.mark(snapshots.SETTLED)
    if full:
        _scratch(store, base)
    derive(store, base)
    derive_lineage(store, base, None if full else docs)
    if compact:
        store.compact()
    store.snapshot()


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass(frozen=True)
class Prepared:
    """A file read, extracted and built, ready to be written (or why it failed)."""

    path: Path
    doc: str | None = None
    lines: tuple[str, ...] = ()
    citations: int = 0
    error: str | None = None
    instruments: tuple[Description, ...] = ()


def prepare_file(path: Path, digest: str, base: str = iri.DEFAULT_BASE) -> Prepared:
    """Read, extract and build one file: no store involved, so it can run in a
    worker process. Errors come back as data, naming the file."""
    try:
        doc = read_document(path)
        found = extract(doc)
    except ItukgError as exc:
        message = str(exc)
        named = message if message.startswith(str(path)) else f"{path}: {message}"
        return Prepared(path, error=named)
    except Exception as exc:  # a bug must not cost the other files
        return Prepared(
            path, error=f"{path}: unexpected error ({type(exc).__name__}: {exc})"
        )
    records = found.records
    doc_key = next((r.doc for r in records), None) or str(keys.file_key(doc.stem))
    meta = Meta(
        doc=doc_key,
        path=str(path),
        sha256=digest,
        generated_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    )
    built = build_document(records, meta, base, found.versions)
    lines = built.lines + tuple(build_mandates(records, found.paragraphs, base))
    citations = sum(isinstance(r, Citation) for r in records)
    return Prepared(path, doc_key, lines, citations, None, built.instruments)


_MARKER = str(ITU.contentHash)  # written last: see add_graphs
_BATCH = 100_000  # triples of new documents loaded together


def known_labels(store: GraphStore, base: str) -> dict[str, set[str]]:
    """The keys ``graph/instruments`` describes, with their labels."""
    known: dict[str, set[str]] = {}
    for key, name in run_query(store, "instrument-labels", {}, base).rows:
        known.setdefault(str(key), set()).add(str(name))
    return known


@dataclass
class _Writer:
    """Writes prepared documents: a changed document's graph is replaced in one
    transaction right away; new documents are gathered and added in batches by the
    store's fastest path (their content hashes last, so an interrupted batch is
    redone by the next ingest). The keys a document names are described in
    ``graph/instruments`` once: only keys (and labels) not there yet are added."""

    store: GraphStore
    summary: Summary
    base: str
    known: dict[str, set[str]] = field(default_factory=dict)
    pending: list[tuple[str, Sequence[str]]] = field(default_factory=list)
    files: list[tuple[str, str]] = field(default_factory=list)
    size: int = 0

    def describe(self, found: Iterable[Description]) -> list[str]:
        """The lines ``graph/instruments`` lacks for these descriptions."""
        out: list[str] = []
        for d in found:
            labels = self.known.get(d.key)
            if labels is None:
                self.known[d.key] = {d.label}
                out += [d.label_line, *d.lines]
            elif d.label not in labels:
                labels.add(d.label)
                out.append(d.label_line)
        return out

    def write(self, p: Prepared) -> None:
        assert p.doc is not None
        graph = self.base + p.doc
        found = run_query(self.store, "graph-by-file", {"file": str(p.path)}, self.base)
        earlier = {str(r[0]) for r in found.rows}
        holder = run_query(self.store, "file-of-graph", {"graph": graph}).rows
        other = next((str(r[0]) for r in holder if str(r[0]) != str(p.path)), None)
        other = other or next((f for g, f in self.files if g == graph), None)
        if other is not None and not earlier:
            # the same document from another file (another format, a copy): the
            # file ingested first keeps the document's graph
            self.summary.skipped += 1
            self.summary.notes.append(
                f"{p.path}: the same document ({p.doc}) as {other}; skipped"
            )
            return
        described = self.describe(p.instruments)
        if earlier:
            self.flush()
            if described:
                self.store.add_graphs([(self._instruments, described)], _MARKER)
            self.store.replace_graph(graph, p.lines)
            self.store.drop_graphs(
                iri.key_iri(old, self.base) for old in sorted(earlier - {p.doc})
            )
            self.summary.changed += 1
        else:
            if described:
                self.pending.append((self._instruments, described))
            self.pending.append((graph, p.lines))
            self.files.append((graph, str(p.path)))
            self.size += len(p.lines) + len(described)
            self.summary.new += 1
            if self.size >= _BATCH:
                self.flush()
        self.summary.citations += p.citations
        self.summary.triples += len(p.lines)

    @property
    def _instruments(self) -> str:
        return iri.graph_iri("instruments", self.base)

    def flush(self) -> None:
        if self.pending:
            self.store.add_graphs(self.pending, _MARKER)
        self.pending, self.size = [], 0


def _prepared(
    todo: list[tuple[Path, str]], base: str, workers: int
) -> Iterator[Prepared]:
    """Prepare files in order, in worker processes when there are enough of them
    (each document is independent; the store is written by this process only);
    a worker that dies costs its file only (``ingest.workers``)."""
    if workers <= 1 or len(todo) < 4:
        for path, digest in todo:
            yield prepare_file(path, digest, base)
        return
    pool = Pool(prepare_file, _lost, workers)
    yield from pool.map([(path, digest, base) for path, digest in todo])


def _lost(job: tuple[Any, ...], reason: str) -> Prepared:
    """A file whose reading process died: that file fails, with the reason."""
    path: Path = job[0]
    return Prepared(path, error=f"{path}: cannot be read: {reason}")


def default_jobs() -> int:
    """The reading processes ``itukg ingest`` starts unless told: one per core
    this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def ingest_paths(
    store: GraphStore,
    paths: Iterable[Path],
    base: str = iri.DEFAULT_BASE,
    progress: Callable[[Path], None] | None = None,
    workers: int | None = None,
) -> Summary:
    """Ingest every file; a file that fails is counted and named, the others go on.
    Files whose content is already in the store are skipped."""
    summary = Summary()
    full = _begin(store, base)
    load_reference(store, base)
    todo: list[tuple[Path, str]] = []
    agent = iri.agent_iri(vocab.MODEL, base)  # a graph by another model is rebuilt
    for path in paths:
        try:
            digest = _sha256(path)
        except OSError as exc:
            summary.failed += 1
            summary.errors.append(f"{path}: {exc.strerror or exc}")
            if progress:
                progress(path)
            continue
        if run_query(
            store, "graph-by-hash", {"hash": digest, "agent": agent}, base
        ).rows:
            summary.skipped += 1
            if progress:
                progress(path)
            continue
        todo.append((path, digest))
    n = workers if workers is not None else default_jobs()
    writer = _Writer(store, summary, base, known_labels(store, base))
    written: list[str] = []
    for p in _prepared(todo, base, n):
        if progress:
            progress(p.path)
        if p.error is not None:
            summary.failed += 1
            summary.errors.append(p.error)
        else:
            writer.write(p)
            written.append(str(p.doc))
    writer.flush()
    _finish(store, base, written, full, compact=True)
    return summary


def remove_documents(
    store: GraphStore, targets: Iterable[str], base: str = iri.DEFAULT_BASE
) -> Summary:
    """Drop the graphs of documents given by key or by the file path they came from."""
    summary = Summary()
    full = _begin(store, base)
    docs = run_query(store, "documents", {}, base).records()
    removed: list[str] = []
    for t in targets:
        found = {str(d["graph"]) for d in docs if t in (d["graph"], d["file"])}
        if not found:
            summary.failed += 1
            summary.errors.append(f"{t}: no such document in the store")
        store.drop_graphs(iri.key_iri(g, base) for g in sorted(found))
        summary.removed += len(found)
        removed += found
    _finish(store, base, removed, full, compact=False)
    return summary
