"""Where the graph lives: an embedded Oxigraph store on disk (the default) or a
SPARQL 1.1 server (Query, Update and Graph Store protocols), behind one interface.

Every query sees the union of all named graphs as its default graph (start an
Oxigraph server with ``--union-default-graph``). One named graph per ingested
document; replacing a document's graph is one SPARQL update, hence one transaction.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from itukg.ontology import snapshots
from itukg.ontology.errors import ItukgError

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Result = ox.QueryBoolean | ox.QuerySolutions | ox.QueryTriples


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

    def add_graphs(
        self, graphs: Sequence[tuple[str, Sequence[str]]], last: str
    ) -> None:
        """Add graphs the store does not hold yet, the fastest way it can; the
        triples whose predicate is ``last`` are written after all the others, so
        an interrupted load never leaves them behind a partial graph."""
        ...

    def dump(self, fmt: ox.RdfFormat) -> bytes: ...

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
                path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
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
    """A SPARQL 1.1 server such as ``oxigraph serve --union-default-graph``.

    ``url`` is its base (``http://127.0.0.1:7878``); queries go to ``/query``,
    updates to ``/update`` and dumps to ``/store``."""

    def __init__(self, url: str, timeout: float = 60.0) -> None:
        self.location = url.rstrip("/")
        self.timeout = timeout

    def _send(
        self, path: str, accept: str, data: bytes | None = None, ctype: str = ""
    ) -> tuple[str, bytes]:
        """One HTTP exchange; its content type and body, or a StoreError."""
        headers = {"Accept": accept} | ({"Content-Type": ctype} if ctype else {})
        req = urllib.request.Request(
            self.location + path,
            data=data,
            method="POST" if data is not None else "GET",
            headers=headers,
        )
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                body: bytes = resp.read()
                return resp.headers.get("Content-Type", ""), body
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:300]
            raise StoreError(
                f"{self.location}{path}: HTTP {exc.code}: {detail}"
            ) from None
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(
                f"{self.location}: cannot reach the server ({exc})"
            ) from None

    def query(self, sparql: str, union: bool = True) -> Result:
        """The server's own default graph (``--union-default-graph``) and the
        query's FROM clauses, whatever ``union`` says."""
        accept = "application/sparql-results+json, application/n-triples;q=0.9"
        ctype, body = self._send(
            "/query", accept, sparql.encode("utf-8"), "application/sparql-query"
        )
        if "n-triples" in ctype:
            return _triples(body)
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)

    def update(self, sparql: str) -> None:
        self._send(
            "/update", "*/*", sparql.encode("utf-8"), "application/sparql-update"
        )

    def replace_graph(self, graph: str, triples: Iterable[str]) -> None:
        self.update(_insert(graph, triples))

    def add_graphs(
        self, graphs: Sequence[tuple[str, Sequence[str]]], last: str
    ) -> None:
        """One update, hence one transaction on the server."""
        body = " ".join(
            f"GRAPH <{g}> {{\n" + "\n".join(lines) + "\n}" for g, lines in graphs
        )
        self.update(f"INSERT DATA {{ {body} }}")

    def dump(self, fmt: ox.RdfFormat) -> bytes:
        return self._send("/store", fmt.media_type)[1]

    def snapshot(self) -> None:
        return None

    def close(self) -> None:
        return None


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
