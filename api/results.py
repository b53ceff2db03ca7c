"""Evaluating one ``/sparql`` query (in a query process, see ``api.workers``):
run it, count its rows against the cap, and write it in the format the request
accepts. SELECT and ASK: SPARQL results JSON, XML, CSV or TSV; CONSTRUCT and
DESCRIBE: Turtle, N-Triples, JSON-LD or RDF/XML.

Rows are counted before anything is written, so an answer past the cap is an
error and never a truncated result; that is why the results formats are written
here rather than by Oxigraph (whose writers consume the solutions)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from multiprocessing.connection import Connection
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from itukg.api.algebra import inspect
from itukg.api.errors import BadSparql, SparqlRefused
from itukg.api.negotiate import choose
from itukg.api.sandbox import allow_only, forbid_network
from itukg.api.tables import TABLE, asks_table, write_table
from itukg.ontology.store import GraphStore, StoreError, open_store
from itukg.ontology.vocab import XSD

SRJ = "application/sparql-results+json"
SRX = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
SOLUTION_TYPES = (SRJ, SRX, CSV, TSV, "application/json", "application/xml")
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/json": ox.RdfFormat.JSON_LD,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}
_ALIAS = {"application/json": SRJ, "application/xml": SRX}
XSD_STRING = str(XSD.string)

# (status, media type, body) for an answer; (error code, message) for an error
Answer = tuple[str, str, bytes]
Job = tuple[str, str, str | None, int]  # snapshot, query, Accept header, row cap


def evaluate(
    store: GraphStore, query: str, accept: str | None, cap: int, named: bool = False
) -> Answer:
    """``("ok", media type, body)`` or ``(error code, "", message)``; error codes
    are those of ``api.errors`` (bad-query, refused, not-acceptable,
    too-many-results). The query is parsed first (``api.algebra``): SERVICE is
    refused, FROM / FROM NAMED replace the union default graph. ``named``: the
    text is a named query bound by ``queries.run`` (never user text), run over
    the union default graph as ``run_query`` runs it, without that parse (which
    costs more than most lookups themselves: 10 to 80 ms)."""
    union = True
    if not named:
        try:
            union = not inspect(query).dataset
        except (BadSparql, SparqlRefused) as exc:
            return exc.code, "", str(exc).encode()
    try:
        result = store.query(query, union=union)
        if named and asks_table(accept):  # a lookup's (api.tables)
            body = write_table(result, str(accept), cap)
            return _too_many(cap, "rows") if body is None else ("ok", TABLE, body)
        if isinstance(result, ox.QueryTriples):
            return _graph(result, accept, cap)
        fmt = choose(accept, SOLUTION_TYPES)
        if fmt is None:
            return _refuse(SOLUTION_TYPES)
        fmt = _ALIAS.get(fmt, fmt)
        if isinstance(result, ox.QuerySolutions):
            names = [v.value for v in result.variables]
            rows: list[list[Any]] = []
            for solution in result:
                if len(rows) == cap:
                    return _too_many(cap, "rows")
                rows.append(list(solution))  # its values, in the order of names
            return "ok", fmt, write_solutions(fmt, names, rows)
        return "ok", fmt, write_boolean(fmt, bool(result))
    except StoreError as exc:
        return "bad-query", "", str(exc).encode()
    except (OSError, ValueError, SyntaxError) as exc:  # raised while iterating
        return "bad-query", "", f"the query failed: {exc}".encode()


def _refuse(offers: Sequence[str]) -> Answer:
    return "not-acceptable", "", f"available as {', '.join(offers)}".encode()


def _too_many(cap: int, what: str) -> Answer:
    message = (
        f"the answer has more than {cap} {what}, the most this endpoint returns: "
        "narrow the query or add LIMIT (and OFFSET to page through it)"
    )
    return "too-many-results", "", message.encode()


def _graph(result: ox.QueryTriples, accept: str | None, cap: int) -> Answer:
    fmt = choose(accept, tuple(GRAPH_TYPES))
    if fmt is None:
        return _refuse(tuple(GRAPH_TYPES))
    triples: dict[ox.Triple, None] = {}  # the union graph repeats shared triples
    for t in result:
        if t not in triples and len(triples) == cap:
            return _too_many(cap, "triples")
        triples[t] = None
    out = ox.serialize(list(triples), format=GRAPH_TYPES[fmt])
    media = GRAPH_TYPES[fmt].media_type
    return "ok", media, out if isinstance(out, bytes) else b""


class _Reader:
    """The store a query process reads: reopened when a job names another
    snapshot (``api.deps``), so every answer comes from the job's snapshot."""

    def __init__(self) -> None:
        self.location: str | None = None
        self.store: GraphStore | None = None
        self.failure = ""

    def at(self, location: str) -> GraphStore | None:
        if location != self.location:
            self.store, self.location, self.failure = None, location, ""
            try:
                self.store = open_store(location, read_only=True)
            except StoreError as exc:
                self.failure = str(exc)
        return self.store


def serve(conn: Connection, location: str, named: bool = False) -> None:
    """A query process: answer jobs until the pipe closes or a None arrives. It
    cannot open network connections (``api.sandbox``), from its first moment;
    over a SPARQL server, none but those to that server. ``named``: its jobs
    are named queries (see ``evaluate``), as the lookups' processes are."""
    if "://" in location:
        allow_only(location)
    else:
        forbid_network()
    reader = _Reader()
    reader.at(location)
    conn.send(("ready", "", b""))
    while True:
        try:
            job: Job | None = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        where, query, accept, cap = job
        store = reader.at(where)
        if store is None:
            conn.send(("unavailable", "", reader.failure.encode()))
            continue
        conn.send(evaluate(store, query, accept, cap, named))


# ---------------------------------------------------------------- writers


def _json_term(term: Any) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


def _json_memo(term: Any, seen: dict[Any, dict[str, Any]]) -> dict[str, Any]:
    """``_json_term(term)``, looked up in ``seen`` first (and kept there)."""
    try:
        return seen[term]
    except KeyError:
        found = seen[term] = _json_term(term)
        return found


def _xml_term(term: Any) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            attr = f" xml:lang={quoteattr(term.language)}"
        elif term.datatype.value != XSD_STRING:
            attr = f" datatype={quoteattr(term.datatype.value)}"
        else:
            attr = ""
        return f"<literal{attr}>{escape(term.value)}</literal>"
    return (
        f"<triple><subject>{_xml_term(term.subject)}</subject>"
        f"<predicate>{_xml_term(term.predicate)}</predicate>"
        f"<object>{_xml_term(term.object)}</object></triple>"
    )


def _csv_term(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.NamedNode | ox.Literal):
        return str(term.value)
    return str(term)


def write_solutions(fmt: str, names: list[str], rows: list[list[Any]]) -> bytes:
    """SELECT results in one of the four formats of SPARQL 1.1."""
    if fmt == SRJ:
        seen: dict[Any, dict[str, Any]] = {}  # a term repeated is written once
        bindings = [
            {
                n: _json_memo(t, seen)
                for n, t in zip(names, row, strict=True)
                if t is not None
            }
            for row in rows
        ]
        doc = {"head": {"vars": names}, "results": {"bindings": bindings}}
        return json.dumps(doc, ensure_ascii=False).encode("utf-8")
    if fmt == SRX:
        out = io.StringIO()
        out.write('<?xml version="1.0"?>\n')
        out.write('<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>')
        out.write("".join(f"<variable name={quoteattr(n)}/>" for n in names))
        out.write("</head>\n<results>\n")
        for row in rows:
            cells = "".join(
                f"<binding name={quoteattr(n)}>{_xml_term(t)}</binding>"
                for n, t in zip(names, row, strict=True)
                if t is not None
            )
            out.write(f"<result>{cells}</result>\n")
        out.write("</results>\n</sparql>\n")
        return out.getvalue().encode("utf-8")
    if fmt == CSV:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(names)
        writer.writerows([_csv_term(t) for t in row] for row in rows)
        return buf.getvalue().encode("utf-8")
    lines = ["\t".join(f"?{n}" for n in names)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_boolean(fmt: str, value: bool) -> bytes:
    """ASK results (CSV and TSV have no boolean form in the standard: the word)."""
    word = "true" if value else "false"
    if fmt == SRJ:
        return json.dumps({"head": {}, "boolean": value}).encode()
    if fmt == SRX:
        return (
            '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/'
            f'sparql-results#"><head/><boolean>{word}</boolean></sparql>\n'
        ).encode()
    return f"{word}\n".encode()
