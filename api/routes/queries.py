"""``/queries``: the named queries (reports and lookups) as their ``#+`` headers
describe them, and ``/queries/{name}?param=…`` runs one (grlc style)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from itukg.api.deps import RunnerDep, SettingsDep
from itukg.api.respond import ERRORS, RDF_CONTENT, PagingDep, paginate, respond
from itukg.api.schemas import ErrorOut, ParamInfo, QueryInfo, QueryResult
from itukg.queries import Query, QueryNotFound, get_query, list_queries

PUBLIC = ("report", "lookup")
PAGING = ("offset", "limit", "format")  # not parameters of the query

router = APIRouter(prefix="/queries", tags=["queries"], responses=ERRORS)


def _public(name: str) -> Query:
    query = get_query(name)
    if query.kind not in PUBLIC:
        raise QueryNotFound(f"no query named {name!r}")
    return query


def _info(query: Query, request: Request) -> QueryInfo:
    return QueryInfo(
        name=query.name,
        summary=query.summary,
        description=query.description,
        tags=list(query.tags),
        params=[ParamInfo(**vars(p)) for p in query.params],
        url=str(request.url_for("run_named_query", name=query.name)),
    )


@router.get("", response_model=list[QueryInfo], summary="The named queries")
def list_named_queries(request: Request) -> list[QueryInfo]:
    return [_info(q, request) for kind in PUBLIC for q in list_queries(kind)]


@router.get(
    "/{name}",
    response_model=QueryResult,
    summary="Run a named query; its parameters are query-string parameters",
    responses={
        **RDF_CONTENT,
        404: {"model": ErrorOut, "description": "no query of that name"},
        422: {"model": ErrorOut, "description": "a missing, unknown or bad parameter"},
    },
)
def run_named_query(
    name: str,
    request: Request,
    q: RunnerDep,
    settings: SettingsDep,
    paging: PagingDep,
) -> Response:
    query = _public(name)
    params = {k: v for k, v in request.query_params.items() if k not in PAGING}
    table = q.run(query.name, params)
    result = QueryResult(
        query=query.name,
        params=params,
        columns=list(table.columns),
        **paginate(table.records(), paging, request),
    )
    return respond(request, result, settings.base, "query")
