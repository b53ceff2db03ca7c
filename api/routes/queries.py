"""``/queries``: the named queries (reports and lookups) as their ``#+`` headers
describe them, and ``/queries/{name}?param=…`` runs one (grlc style)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from itukg.api.deps import RunnerDep, SettingsDep
from itukg.api.respond import ERRORS, PagingDep
from itukg.api.routes.named import PUBLIC, answer
from itukg.api.schemas import ParamInfo, QueryInfo, QueryResult
from itukg.queries import Query, QueryNotFound, get_query, list_queries

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
    include_in_schema=False,  # each query is its own operation (api.routes.named)
    summary="Run a named query; its parameters are query-string parameters",
)
def run_named_query(
    name: str,
    request: Request,
    q: RunnerDep,
    settings: SettingsDep,
    paging: PagingDep,
) -> Response:
    return answer(request, _public(name), q, settings.base, paging)
