"""``/sparql``: a SPARQL 1.1 Protocol endpoint (query operation only). GET with
``query=``, POST as a form or with the query as the body; the answer's format by
``Accept``; read-only, local, and bounded in time and size per query (settings
``sparql_timeout`` and ``sparql_max_rows``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from itukg.api import html
from itukg.api.config import Settings
from itukg.api.deps import SettingsDep, Snapshot, SnapshotDep
from itukg.api.errors import BadSparql
from itukg.api.negotiate import wants_html
from itukg.api.prefixes import shift, with_prefixes
from itukg.api.protocol import FORM, QUERY, query_of
from itukg.api.results import CSV, GRAPH_TYPES, SRX, TSV
from itukg.api.routes import editor
from itukg.api.schemas import SparqlJson
from itukg.api.workers import QueryPool

router = APIRouter(tags=["sparql"])

_TEXT = {"schema": {"type": "string"}}


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"text/plain": _TEXT}}


RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "SELECT / ASK: SPARQL results JSON (default), XML, CSV or "
        "TSV; CONSTRUCT / DESCRIBE: Turtle (default), N-Triples, JSON-LD or RDF/XML",
        "content": {
            SRX: _TEXT,
            CSV: _TEXT,
            TSV: _TEXT,
            **{media: _TEXT for media in GRAPH_TYPES if media != "application/json"},
        },
    },
    400: _error("not a SPARQL query, or not one query"),
    403: _error("an update, or a federated query (SERVICE)"),
    406: _error("no format the Accept header allows"),
    422: _error("more rows or triples than the endpoint's cap"),
    503: _error("past the time limit, or the store cannot be read"),
}
POST_BODY = {
    "requestBody": {
        "content": {
            FORM: {
                "schema": {
                    "type": "object",
                    "properties": {"query": {"type": "string"}},
                    "required": ["query"],
                }
            },
            QUERY: {"schema": {"type": "string"}},
        },
        "required": True,
    }
}


def pool(request: Request, settings: Settings, location: str) -> QueryPool:
    found: QueryPool | None = getattr(request.app.state, "sparql_pool", None)
    if found is None:
        found = QueryPool(location, settings.sparql_workers, settings.sparql_timeout)
        request.app.state.sparql_pool = found
    return found


async def _run(
    request: Request,
    settings: Settings,
    snap: Snapshot,
    query: str,
    accept: str | None,
) -> tuple[str, bytes]:
    # the project's prefixes are predeclared: the query need not repeat them
    text, added = with_prefixes(query)
    try:
        return await pool(request, settings, snap.location).run(
            snap.location, text, accept, settings.sparql_max_rows
        )
    except BadSparql as exc:
        raise BadSparql(shift(str(exc), added)) from None


async def _answer(
    request: Request, settings: SettingsDep, snap: SnapshotDep, body: bytes
) -> Response:
    params: dict[str, list[str]] = {}
    for k, v in request.query_params.multi_items():
        params.setdefault(k, []).append(v)
    content_type = request.headers.get("content-type", "")

    def query() -> str:
        return query_of(request.method, content_type, body, params)

    if wants_html(request.headers.get("accept")):  # the editor with a table
        return await editor.results(
            request,
            settings.base,
            query,
            lambda q, a: _run(request, settings, snap, q, a),
        )
    accept = request.headers.get("accept")
    media, data = await _run(request, settings, snap, query(), accept)
    return Response(data, 200, {"Vary": "Accept"}, media)


@router.get(
    "/sparql",
    response_model=SparqlJson,
    summary="SPARQL 1.1 query (GET query=…); without a query, the service "
    "description (Turtle), or a query form for browsers",
    responses=RESPONSES,
)
async def sparql_get(
    request: Request,
    settings: SettingsDep,
    snap: SnapshotDep,
    query: str | None = None,
) -> Response:
    if query is None and not request.query_params:
        if wants_html(request.headers.get("accept")):
            return editor.page(request, settings.base)
        context = {
            "endpoint": str(request.url_for("sparql_get")),
            "max_rows": settings.sparql_max_rows,
            "timeout": settings.sparql_timeout,
        }
        return html.TEMPLATES.TemplateResponse(
            request, "service.ttl", context, media_type="text/turtle"
        )
    return await _answer(request, settings, snap, b"")


@router.options(
    "/sparql",
    status_code=204,
    response_class=Response,
    summary="The methods /sparql allows",
    responses={204: {"description": "Allow: GET, POST, OPTIONS"}},
)
def sparql_options() -> Response:
    return Response(status_code=204, headers={"Allow": "GET, POST, OPTIONS"})


@router.post(
    "/sparql",
    response_model=SparqlJson,
    summary="SPARQL 1.1 query (POST as a form or as application/sparql-query)",
    responses=RESPONSES,
    openapi_extra=POST_BODY,
)
async def sparql_post(
    request: Request, settings: SettingsDep, snap: SnapshotDep
) -> Response:
    return await _answer(request, settings, snap, await request.body())
