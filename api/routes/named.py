"""The named queries as operations (grlc): one OpenAPI operation per public
``.rq`` file, ``GET /queries/{name}``, its typed parameters read from the file's
``#+`` header (so that Swagger's "Try it out" sends them), answering JSON
(paged), CSV (every row), an HTML page (datasette's query page: the form, the
table, the SPARQL text and a link to open it in the editor), JSON-LD or Turtle,
by ``Accept`` or ``?format=``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request, Response

from itukg.api import html
from itukg.api.cache import Runner
from itukg.api.deps import RunnerDep, SettingsDep
from itukg.api.errors import NotAcceptable
from itukg.api.negotiate import HTML, JSON, JSONLD, LOOKUP, TURTLE, choose
from itukg.api.respond import Paging, PagingDep, paged, paginate, respond
from itukg.api.routes.instruments import PATTERN
from itukg.api.schemas import QueryResult
from itukg.queries import Query, QueryParamError, Table, list_queries
from itukg.queries.registry import Param
from itukg.queries.run import LARGEST, Window, bound_query

PUBLIC = ("report", "lookup")
RESERVED = ("offset", "limit", "format")  # request parameters that are not the query's
CSV = "text/csv"
OFFERS = (JSON, CSV, HTML, JSONLD, TURTLE)
FORMATS = ["json", "csv", "html", "jsonld", "ttl"]
_TEXT = {"schema": {"type": "string"}}

_SCHEMAS: dict[str, dict[str, Any]] = {
    "key": {"type": "string", "pattern": PATTERN},
    "iri": {"type": "string", "format": "uri"},
    "string": {"type": "string"},
    "int": {"type": "integer"},
    "bool": {"type": "boolean"},
    "limit": {
        "anyOf": [
            {"type": "integer", "minimum": 1, "maximum": LARGEST},
            {"enum": ["all"]},
        ]
    },
}
_INTEGERS = ("int", "limit")


def _typed(p: Param, raw: str) -> object:
    """A default or example in the type of its schema."""
    if p.type in _INTEGERS:
        return int(raw)
    return raw.lower() == "true" if p.type == "bool" else raw


def parameters(query: Query) -> list[dict[str, Any]]:
    """The OpenAPI parameters of one query: its own, typed, then ``format``."""
    out: list[dict[str, Any]] = []
    for p in query.params:
        schema = dict(_SCHEMAS[p.type])
        if p.default is not None:
            schema["default"] = _typed(p, p.default)
        param: dict[str, Any] = {
            "name": p.name,
            "in": "query",
            "required": p.default is None,
            "description": p.description,
            "schema": schema,
        }
        if p.example is not None:
            param["example"] = _typed(p, p.example)
        out.append(param)
    out.append(
        {
            "name": "format",
            "in": "query",
            "required": False,
            "description": "the representation, instead of Accept",
            "schema": {"type": "string", "enum": FORMATS},
        }
    )
    return out


RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "JSON (a page of rows) by default; CSV (every row), an HTML "
        "page, JSON-LD or Turtle by Accept or ?format=",
        "content": {
            CSV: _TEXT,
            HTML: _TEXT,
            JSONLD: {"schema": {"type": "object"}},
            TURTLE: _TEXT,
        },
    },
    406: {"description": "no format the Accept header allows"},
    422: {"description": "a missing, unknown or bad parameter"},
}


def missing(query: Query, params: dict[str, str]) -> list[str]:
    return [p.name for p in query.params if p.default is None and p.name not in params]


def answer(
    request: Request, query: Query, q: Runner, base: str, paging: Paging
) -> Response:
    """The query's results in the representation the request asks for."""
    fmt = choose(request.headers.get("accept"), OFFERS)
    if fmt is None:
        raise NotAcceptable(f"this resource is available as {', '.join(OFFERS)}")
    params = {k: v for k, v in request.query_params.items() if k not in RESERVED}
    if fmt == HTML and missing(query, params):  # the form, to fill in
        return page(request, query, params, None, paging)
    if fmt in (JSON, JSONLD, TURTLE) and counted(query):
        found = counted_page(request, query, q, params, paging)
        return respond(request, found, base, "query", offers=LOOKUP)
    table = q.run(query.name, params)
    if fmt == CSV:
        headers = {"Vary": "Accept"}
        return Response(table.to_csv(), 200, headers, CSV + "; charset=utf-8")
    if fmt == HTML:
        return page(request, query, params, table, paging)
    result = QueryResult(
        query=query.name,
        params=params,
        columns=list(table.columns),
        **paginate(table.records(), paging, request),
    )
    return respond(request, result, base, "query", offers=LOOKUP)


def counted(query: Query) -> bool:
    """Whether the query has a count of its rows (``internal/<name>-total.rq``),
    so that a JSON page of it is cut by the store, not from every row."""
    return any(t.name == f"{query.name}-total" for t in list_queries("internal"))


def counted_page(
    request: Request,
    query: Query,
    q: Runner,
    params: dict[str, str],
    paging: Paging,
) -> QueryResult:
    """One page of a counted query's rows: the query cut to the page, the total
    from its count."""
    bound_query(query.name, params)  # bad parameters are refused in its name
    (row,) = q.run(f"{query.name}-total", params).records()
    table = q.run(query.name, params, Window(paging.offset, paging.limit))
    return QueryResult(
        query=query.name,
        params=params,
        columns=list(table.columns),
        **paged(table.records(), int(row["total"] or 0), paging, request),
    )


def page(
    request: Request,
    query: Query,
    params: dict[str, str],
    table: Table | None,
    paging: Paging,
) -> Response:
    """datasette's query page: the form, one page of rows, the SPARQL text."""
    try:
        text = bound_query(query.name, params)
    except QueryParamError:
        text = query.text
    rows = table.records() if table is not None else []
    end = paging.offset + paging.limit
    context = {
        "query": query,
        "params": params,
        "table": table,
        "rows": rows[paging.offset : end],
        "offset": paging.offset,
        "next": (
            str(request.url.include_query_params(offset=end))
            if end < len(rows)
            else None
        ),
        "text": text,
        "editor": "/sparql?" + urlencode({"query": text}),
        "formats": {
            f: str(request.url.include_query_params(format=f))
            for f in ("json", "csv", "jsonld", "ttl")
        },
    }
    return html.render(request, "query.html", context)


def _endpoint(query: Query) -> Callable[..., Response]:
    def run(
        request: Request, q: RunnerDep, settings: SettingsDep, paging: PagingDep
    ) -> Response:
        return answer(request, query, q, settings.base, paging)

    run.__doc__ = query.description or query.summary
    return run


def build_router() -> APIRouter:
    """One GET operation per public named query."""
    router = APIRouter(prefix="/queries", tags=["queries"])
    for kind in PUBLIC:
        for query in list_queries(kind):
            router.add_api_route(
                f"/{query.name}",
                _endpoint(query),
                methods=["GET"],
                response_model=QueryResult,
                summary=query.summary,
                description=query.description or query.summary,
                operation_id=f"query_{query.name.replace('-', '_')}",
                name=f"query-{query.name}",
                tags=["queries"],
                responses=RESPONSES,
                openapi_extra={"parameters": parameters(query)},
            )
    return router


router = build_router()
