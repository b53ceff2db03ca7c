"""``/sparql`` for browsers: a SPARQL editor (YASQE, vendored under
``api/static/yasqe`` by ``make editor``: syntax highlighting, served by the
service itself) with the named queries as examples and the project's prefixes
predeclared; a browser that submits a query gets its results as an HTML table
on the same page, and an error as one line above the query."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from fastapi import Request, Response

from itukg.api import html
from itukg.api.errors import ApiError
from itukg.api.problems import one_line
from itukg.api.results import SRJ
from itukg.ontology.vocab import PREFIXES
from itukg.queries import QueryParamError, list_queries
from itukg.queries.run import bound_query

PAGE_ACCEPT = f"{SRJ}, application/n-triples;q=0.9"
DEFAULT = """SELECT ?target (SAMPLE(?l) AS ?label) (COUNT(?s) AS ?citations)
WHERE { ?s itu:cites ?target . OPTIONAL { ?target rdfs:label ?l } }
GROUP BY ?target
ORDER BY DESC(?citations)
LIMIT 20"""

Run = Callable[[str, str], Awaitable[tuple[str, bytes]]]


@dataclass(frozen=True)
class Cell:
    text: str
    link: str | None = None


@dataclass(frozen=True)
class Example:
    name: str
    summary: str
    text: str


def examples(base: str) -> list[Example]:
    """The public named queries, their parameters bound to their examples."""
    out = []
    for kind in ("report", "lookup"):
        for q in list_queries(kind):
            given = {p.name: p.example for p in q.params if p.example is not None}
            try:
                text = bound_query(q.name, given, base)
            except QueryParamError:
                text = q.text
            out.append(Example(q.name, q.summary, text))
    return out


def cell(term: dict[str, Any] | None, base: str) -> Cell:
    """A SPARQL JSON term as a cell: instruments as keys linked to their page,
    other IRIs under a project prefix as prefixed names."""
    if term is None:
        return Cell("")
    value = str(term.get("value", ""))
    if term.get("type") != "uri":
        return Cell(value)
    if value.startswith(base):
        key = value[len(base) :]
        return Cell(key, f"/instruments/{key}")
    for prefix, ns in PREFIXES.items():
        if value.startswith(ns) and len(value) > len(ns):
            return Cell(f"{prefix}:{value[len(ns) :]}", None)
    return Cell(value, None)


def table(media: str, data: bytes, base: str) -> tuple[list[str], list[list[Cell]]]:
    """Columns and rows of an answer: SELECT and ASK as SPARQL JSON, CONSTRUCT
    and DESCRIBE as N-Triples."""
    if media == SRJ:
        doc = json.loads(data)
        if "boolean" in doc:
            return ["result"], [[Cell(str(doc["boolean"]).lower())]]
        names = list(doc["head"]["vars"])
        rows = [
            [cell(b.get(n), base) for n in names] for b in doc["results"]["bindings"]
        ]
        return names, rows
    triples = ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
    rows = [
        [
            cell(_json(t.subject), base),
            cell(_json(t.predicate), base),
            cell(_json(t.object), base),
        ]
        for t in triples
    ]
    return ["subject", "predicate", "object"], rows


def _json(term: Any) -> dict[str, Any]:
    kind = "uri" if isinstance(term, ox.NamedNode) else "literal"
    return {"type": kind, "value": term.value}


def page(
    request: Request,
    base: str,
    query: str = DEFAULT,
    result: tuple[list[str], list[list[Cell]]] | None = None,
    error: str | None = None,
    status: int = 200,
) -> Response:
    context = {
        "query": query,
        "examples": examples(base),
        "prefixes": sorted(PREFIXES),
        "columns": result[0] if result else None,
        "rows": result[1] if result else None,
        "error": error,
    }
    return html.render(request, "sparql.html", context, status)


async def results(
    request: Request, base: str, query_of: Callable[[], str], run: Run
) -> Response:
    """The editor with the query's results, or with what is wrong with it."""
    text = request.query_params.get("query", "")
    try:
        text = query_of()
        media, data = await run(text, PAGE_ACCEPT)
    except ApiError as exc:
        return page(request, base, text, None, one_line(str(exc)), exc.status)
    return page(request, base, text, table(media, data, base))
