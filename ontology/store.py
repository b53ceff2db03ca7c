"""Where the graph lives: an embedded Oxigraph store on disk (the default) or a
SPARQL 1.1 server (Query, Update and Graph Store protocols), behind one interface.

Every query sees the union of all named graphs as its default graph (start an
Oxigraph server with ``--union-default-graph``). One named graph per ingested
document; replacing a document's graph is one SPARQL update, hence one transaction.
"""

from __future__ import annotations

import gc
import json
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from email.message import Message
from itertools import islice
from pathlib import Path
from typing import Protocol, TypeAlias

import pyoxigraph as ox

from itukg.ontology import compaction, snapshots, staging
from itukg.ontology.dialect import (
    HIDDEN_VARIABLE,
    Dialect,
    Request,
    dialect_for,
    selects_distinct,
)
from itukg.ontology.errors import ItukgError

Term: TypeAlias = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Result: TypeAlias = ox.QueryBoolean | ox.QuerySolutions | ox.QueryTriples


WRITE_BATCH = 100_000  # triples bulk-loaded together by write_graph


class StoreError(ItukgError):
    """The store could not be opened, read or written."""


class GraphStore(Protocol):
    location: str

    def query(self, sparql: str, union: bool = True) -> Result:
        """``union``: the default graph is the union of all graphs (else the
        query's own FROM / FROM NAMED, or the store's default graph)."""
        ...

    def update(self, sparql: str) -> None: ...

    def replace_graph(self, graph: str, triples: Iterable[str]) -> None: ...

    def write_graph(self, graph: str, triples: Iterable[str]) -> None:
        """Replace a graph derived again after a kill (the writer's marks,
        ``snapshots.mark``) with ``triples``, however many: taken as they come,
        in batches where the store's readers see only published snapshots,
        else in one transaction like ``replace_graph``."""
        ...

    def rederive(
        self, graph: str, scratch: str, steps: Sequence[str], whole: str
    ) -> None:
        """Replace ``graph`` by updates that write it, never leaving it partial:
        ``whole`` is them as one request (one transaction); ``steps`` the same
        updates one by one, writing ``scratch`` instead of ``graph``, for a
        store that swaps the scratch in whole (``ontology.staging``)."""
        ...

    def drop_graphs(self, graphs: Iterable[str]) -> None:
        """Drop named graphs (those the store lacks are ignored), in one update."""
        ...

    def add_graphs(
        self, graphs: Sequence[tuple[str, Sequence[str]]], last: str
    ) -> None:
        """Add graphs the store does not hold yet, the fastest way it can; the
        triples whose predicate is ``last`` are written after all the others, so
        an interrupted load never leaves them behind a partial graph."""
        ...

    def dump(self, fmt: ox.RdfFormat) -> bytes: ...

    def compact(self) -> None:
        """Rewrite the store compactly (``ontology.compaction``) where it keeps
        its own files on disk and has grown since it last did; otherwise nothing."""
        ...

    def mark(self, state: str) -> None:
        """Note what the writer is at (``snapshots.mark``), where the store keeps
        snapshots; otherwise nothing."""
        ...

    def unfinished(self) -> str | None:
        """What a killed writer left (``snapshots.unfinished``), if anything."""
        ...

    def snapshot(self) -> None:
        """Publish the store's state for its readers (``ontology.snapshots``), where
        the store keeps snapshots; otherwise nothing."""
        ...

    def close(self) -> None: ...


def _split(
    graphs: Sequence[tuple[str, Sequence[str]]], last: str
) -> tuple[list[str], list[str]]:
    """The graphs as N-Quads lines: all but the ``last`` predicate's, and those."""
    first: list[str] = []
    then: list[str] = []
    marker = f" <{last}> "
    for graph, lines in graphs:
        tail = f" <{graph}> ."
        for line in lines:
            (then if marker in line else first).append(line[:-2] + tail)
    return first, then


def _drop(store: GraphStore, graphs: Iterable[str]) -> None:
    text = " ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs)
    if text:
        store.update(text)


def _insert(graph: str, triples: Iterable[str]) -> str:
    body = "\n".join(triples)
    drop = f"DROP SILENT GRAPH <{graph}>"
    return f"{drop} ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}"


class EmbeddedStore:
    """pyoxigraph's on-disk store (or in memory when ``path`` is None)."""

    def __init__(self, path: Path | None, read_only: bool = False) -> None:
        self.location = str(path) if path else ":memory:"
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(path))
            else:
                compaction.recover(path)
                path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
                staging.recover(self._store, path)
        except OSError as exc:
            raise StoreError(
                f"{self.location}: cannot open the store ({exc})"
            ) from None
        self._path = None if read_only else path
        self._clean()

    def _clean(self) -> None:
        """Remove the bulk loader's temporary files (``bulk-*.sst``) that a load
        interrupted by a crash left behind. Only a writer does so: it holds the
        store's lock, so no other bulk load can be running."""
        if self._path is not None:
            for leftover in self._path.glob("bulk-*.sst"):
                leftover.unlink(missing_ok=True)

    def query(self, sparql: str, union: bool = True) -> Result:
        try:
            return self._store.query(sparql, use_default_graph_as_union=union)
        except SyntaxError as exc:
            raise StoreError(f"bad SPARQL: {exc}") from None
        except OSError as exc:
            raise StoreError(f"{self.location}: {exc}") from None

    def update(self, sparql: str) -> None:
        try:
            self._store.update(sparql)
        except SyntaxError as exc:
            raise StoreError(f"bad SPARQL update: {exc}") from None
        except OSError as exc:
            raise StoreError(f"{self.location}: {exc}") from None

    def drop_graphs(self, graphs: Iterable[str]) -> None:
        _drop(self, graphs)

    def replace_graph(self, graph: str, triples: Iterable[str]) -> None:
        """One transaction: a graph the store does not hold yet is loaded as
        N-Triples (faster); an existing one is dropped and refilled by one update."""
        node = ox.NamedNode(graph)
        if self._store.contains_named_graph(node):
            self.update(_insert(graph, triples))
            return
        try:
            self._store.load(
                "\n".join(triples).encode("utf-8"),
                format=ox.RdfFormat.N_TRIPLES,
                to_graph=node,
            )
        except (SyntaxError, OSError) as exc:
            raise StoreError(f"{self.location}: cannot load {graph}: {exc}") from None

    def rederive(
        self, graph: str, scratch: str, steps: Sequence[str], whole: str
    ) -> None:
        """``steps``, one transaction each, staged (``ontology.staging``): memory
        bounded by the largest step, not by the graph."""
        try:
            staging.replace(self._store, self._path, graph, scratch, steps)
        except SyntaxError as exc:
            raise StoreError(f"bad SPARQL update: {exc}") from None
        except OSError as exc:
            raise StoreError(f"{self.location}: {exc}") from None

    def write_graph(self, graph: str, triples: Iterable[str]) -> None:
        """The graph dropped, then its triples bulk-loaded ``WRITE_BATCH`` at a
        time: memory bounded by the batch, not by the graph. Not one
        transaction: readers open snapshots, and a writer killed meanwhile left
        its ``SETTLED`` mark, so the next one derives the graph again."""
        node = ox.NamedNode(graph)
        try:
            staging.empty(self._store, graph)
            lines = iter(triples)
            while batch := list(islice(lines, WRITE_BATCH)):
                self._store.bulk_load(
                    "\n".join(batch).encode("utf-8"),
                    format=ox.RdfFormat.N_TRIPLES,
                    to_graph=node,
                )
        except (SyntaxError, OSError) as exc:
            raise StoreError(f"{self.location}: cannot load {graph}: {exc}") from None
        finally:
            self._clean()

    def add_graphs(
        self, graphs: Sequence[tuple[str, Sequence[str]]], last: str
    ) -> None:
        """pyoxigraph's bulk loader (not transactional, hence ``last``), then the
        ``last`` triples in one transaction."""
        first, then = _split(graphs, last)
        try:
            self._store.bulk_load(
                "\n".join(first).encode("utf-8"), format=ox.RdfFormat.N_QUADS
            )
            self._store.load(
                "\n".join(then).encode("utf-8"), format=ox.RdfFormat.N_QUADS
            )
        except (SyntaxError, OSError) as exc:
            raise StoreError(f"{self.location}: cannot load: {exc}") from None
        finally:
            self._clean()

    def dump(self, fmt: ox.RdfFormat) -> bytes:
        out = self._store.dump(format=fmt)
        return out if isinstance(out, bytes) else b""

    def compact(self) -> None:
        """When ``compaction.due``: a large store merged in place, a smaller one's
        quads bulk-loaded into a fresh store that takes its place (compressed
        tables, no write-ahead log); ``ontology.compaction`` says why."""
        path = self._path
        if path is None or not compaction.due(path):
            return
        try:
            if compaction.large(path):
                compaction.optimize(self._store, path)
                return
        except OSError as exc:
            raise StoreError(f"{self.location}: cannot compact: {exc}") from None
        if sys.getrefcount(self._store) > 2:  # held elsewhere: it would stay open
            return
        try:
            self._store.flush()
            compaction.build(self._store, path)
            self._store = ox.Store()  # the old store closes: nothing else holds it
            gc.collect()
            try:
                compaction.swap(path)
            finally:
                compaction.recover(path)
                self._store = ox.Store(str(path))
        except (SyntaxError, OSError) as exc:
            raise StoreError(f"{self.location}: cannot compact: {exc}") from None

    def mark(self, state: str) -> None:
        if self._path is not None:
            try:
                snapshots.mark(self._path, state)
            except OSError as exc:
                raise StoreError(f"{self.location}: cannot mark: {exc}") from None

    def unfinished(self) -> str | None:
        return None if self._path is None else snapshots.unfinished(self._path)

    def snapshot(self) -> None:
        if self._path is not None:
            try:
                snapshots.publish(self._store, self._path)
            except OSError as exc:
                raise StoreError(f"{self.location}: cannot snapshot: {exc}") from None

    def close(self) -> None:
        self._store.flush()

    @property
    def raw(self) -> ox.Store:
        """The pyoxigraph store itself (bulk loading in benchmarks)."""
        return self._store


class RemoteStore:
    """A SPARQL 1.1 server: ``oxigraph serve --union-default-graph`` at its base URL
    (``http://127.0.0.1:7878``: ``/query``, ``/update``, ``/store``) or Virtuoso at
    its endpoint (``http://127.0.0.1:8890/sparql``). What differs between servers
    is the ``Dialect``'s business (``ontology/dialect.py``), chosen by the URL."""

    def __init__(self, url: str, timeout: float = 60.0) -> None:
        self.location = url.rstrip("/")
        self.timeout = timeout
        self.dialect = dialect_for(self.location)

    def _send(self, path: str, accept: str, request: Request | None = None) -> Reply:
        """One HTTP exchange (a GET without ``request``), or a StoreError."""
        headers = {"Accept": accept}
        if request is not None:
            headers["Content-Type"] = request.ctype
        req = urllib.request.Request(
            self.location + path,
            data=None if request is None else request.data,
            method="GET" if request is None else "POST",
            headers=headers,
        )
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                body: bytes = resp.read()
                return Reply(resp.headers.get("Content-Type", ""), body, resp.headers)
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:6000]
            raise StoreError(
                f"{self.location}{path}: HTTP {exc.code}: {detail}"
            ) from None
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(
                f"{self.location}: cannot reach the server ({exc})"
            ) from None

    def query(self, sparql: str, union: bool = True) -> Result:
        """The server's own default graph (a union where it is configured so)
        and the query's FROM clauses, whatever ``union`` says."""
        d = self.dialect
        text = d.prepare_query(sparql)
        request = d.request("query", text, d.accept(text))
        reply = self._send(request.path, request.accept, request)
        cap = reply.headers.get("X-SPARQL-MaxRows")
        if cap:
            raise StoreError(
                f"{self.location}: the server cut the answer at {cap} rows "
                "(raise ResultSetMaxRows in virtuoso.ini)"
            )
        result = _parse(reply, d)
        if not isinstance(result, ox.QuerySolutions):
            return result
        names = [v.value for v in result.variables]
        keep = [n for n in names if not n.startswith(HIDDEN_VARIABLE)]
        distinct = d.client_distinct and selects_distinct(text)
        return (
            _solutions(result, keep, distinct) if distinct or keep != names else result
        )

    def update(self, sparql: str) -> None:
        d = self.dialect
        request = d.request("update", d.prepare_update(sparql), "*/*")
        self._send(request.path, request.accept, request)

    def replace_graph(self, graph: str, triples: Iterable[str]) -> None:
        """One update (one transaction) where the server takes it in one;
        else the graph is dropped and refilled in blocks, its content hash last."""
        for text in self.dialect.insert_updates([(graph, list(triples))], drop=True):
            self.update(text)

    def drop_graphs(self, graphs: Iterable[str]) -> None:
        _drop(self, graphs)

    def rederive(
        self, graph: str, scratch: str, steps: Sequence[str], whole: str
    ) -> None:
        """``whole``: one request, one transaction on the server."""
        self.update(whole)

    def write_graph(self, graph: str, triples: Iterable[str]) -> None:
        """``replace_graph``: a server's readers see the store as it is written."""
        self.replace_graph(graph, triples)

    def add_graphs(
        self, graphs: Sequence[tuple[str, Sequence[str]]], last: str
    ) -> None:
        """One update, hence one transaction on the server, where it takes one;
        else blocks in order, the ``last`` triples at the end."""
        for text in self.dialect.insert_updates(graphs, last):
            self.update(text)

    def dump(self, fmt: ox.RdfFormat) -> bytes:
        path = self.dialect.dump_path
        if path is not None:
            return self._send(path, fmt.media_type).body
        rows = self.query(self.dialect.dump_query())
        assert isinstance(rows, ox.QuerySolutions)
        quads = [ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows]
        out = ox.serialize(quads, format=fmt)
        return out if isinstance(out, bytes) else b""

    def compact(self) -> None:
        return None

    def mark(self, state: str) -> None:
        return None

    def unfinished(self) -> str | None:
        return None

    def snapshot(self) -> None:
        return None

    def close(self) -> None:
        return None


@dataclass(frozen=True)
class Reply:
    ctype: str
    body: bytes
    headers: Message


def _parse(reply: Reply, dialect: Dialect) -> Result:
    """An answer as pyoxigraph results, the dialect's quirks undone."""
    body = dialect.fix_body(reply.body)
    if "n-triples" in reply.ctype or reply.ctype.startswith("text/plain"):
        return _triples(body)
    xml = "xml" in reply.ctype
    fmt = ox.QueryResultsFormat.XML if xml else ox.QueryResultsFormat.JSON
    result = ox.parse_query_results(body, format=fmt)
    ask = dialect.ask_variable
    if isinstance(result, ox.QuerySolutions) and ask and _only(result, ask):
        return _boolean(any(_true(r[ask]) for r in result))
    return result


def _solutions(
    result: ox.QuerySolutions, names: list[str], distinct: bool
) -> ox.QuerySolutions:
    """The solutions with only ``names``, in their order; without repeats when
    ``distinct``."""
    rows = [tuple(row[n] for n in names) for row in result]
    if distinct:
        rows = list(dict.fromkeys(rows))
    bindings = [
        {n: _json_term(t) for n, t in zip(names, row, strict=True) if t is not None}
        for row in rows
    ]
    doc = {"head": {"vars": names}, "results": {"bindings": bindings}}
    out = ox.parse_query_results(
        json.dumps(doc).encode("utf-8"), format=ox.QueryResultsFormat.JSON
    )
    assert isinstance(out, ox.QuerySolutions)
    return out


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        if term.language:
            return {"type": "literal", "value": term.value, "xml:lang": term.language}
        return {"type": "literal", "value": term.value, "datatype": term.datatype.value}
    raise StoreError(f"cannot repeat a result term {term}")


def _only(result: ox.QuerySolutions, variable: str) -> bool:
    return [v.value for v in result.variables] == [variable]


def _true(term: Term | None) -> bool:
    return isinstance(term, ox.Literal) and term.value not in ("0", "false")


def _boolean(value: bool) -> ox.QueryBoolean:
    """An ASK answer that came as a one-row table, as a boolean."""
    word = b"true" if value else b"false"
    out = ox.parse_query_results(
        b'{"head": {}, "boolean": ' + word + b"}", format=ox.QueryResultsFormat.JSON
    )
    assert isinstance(out, ox.QueryBoolean)
    return out


def _triples(data: bytes) -> ox.QueryTriples:
    store = ox.Store()
    store.load(data, format=ox.RdfFormat.N_TRIPLES)
    result = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert isinstance(result, ox.QueryTriples)
    return result


def open_store(location: str | None, read_only: bool = False) -> GraphStore:
    """``http(s)://…`` is a SPARQL server; anything else a folder on disk;
    None an in-memory store."""
    if location and urllib.parse.urlparse(location).scheme in ("http", "https"):
        return RemoteStore(location)
    return EmbeddedStore(Path(location) if location else None, read_only=read_only)
