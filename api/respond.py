"""Pages of long lists and the representation an ``Accept`` header asks for
(JSON by default, JSON-LD, Turtle; HTML where a route has a page)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Query, Request, Response
from pydantic import BaseModel

from itukg.api import linked
from itukg.api.deps import SettingsDep
from itukg.api.errors import NotAcceptable
from itukg.api.negotiate import HTML, JSON, JSONLD, LOOKUP, TURTLE, choose
from itukg.api.schemas import ErrorOut

T = TypeVar("T")
MAX_LIMIT = 1000
# An offset past every row is an empty page; past 2**53 a SPARQL store cannot
# take it (OFFSET is a machine integer) nor a JSON client read it exactly.
MAX_OFFSET = 2**53 - 1

# the other representations, for the OpenAPI schema of every lookup
RDF_CONTENT: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {
            JSONLD: {"schema": {"type": "object"}},
            TURTLE: {"schema": {"type": "string"}},
        },
        "description": "JSON by default; JSON-LD or Turtle by Accept",
    },
}


ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorOut, "description": "a malformed key or parameter"},
    503: {"model": ErrorOut, "description": "the store cannot be read"},
}


@dataclass(frozen=True)
class Paging:
    offset: int
    limit: int


def get_paging(
    settings: SettingsDep,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")] = 0,
    limit: Annotated[
        int | None,
        Query(ge=1, le=MAX_LIMIT, description="page length (default: the server's)"),
    ] = None,
) -> Paging:
    return Paging(offset, limit or settings.page_size)


PagingDep = Annotated[Paging, Depends(get_paging)]


def paginate(items: Sequence[T], paging: Paging, request: Request) -> dict[str, Any]:
    """The fields of a ``Page``: one slice of ``items`` and the URL of the next."""
    end = paging.offset + paging.limit
    return paged(items[paging.offset : end], len(items), paging, request)


def paged(
    page: Sequence[T], total: int, paging: Paging, request: Request
) -> dict[str, Any]:
    """The fields of a ``Page`` whose items the query already cut to the page
    (``total``: the length of the whole list)."""
    end = paging.offset + paging.limit
    nxt = None
    if end < total:
        nxt = str(request.url.include_query_params(offset=end, limit=paging.limit))
    return {
        "items": list(page),
        "total": total,
        "offset": paging.offset,
        "limit": paging.limit,
        "next": nxt,
    }


def respond(
    request: Request,
    model: BaseModel,
    base: str,
    items: str | None = None,
    offers: tuple[str, ...] = LOOKUP,
    page: Callable[[], Response] | None = None,
) -> Response:
    """``model`` in the representation the request accepts (406 when none)."""
    fmt = choose(request.headers.get("accept"), offers)
    if fmt is None:
        raise NotAcceptable(f"this resource is available as {', '.join(offers)}")
    if fmt == HTML and page is not None:
        return page()
    headers = {"Vary": "Accept"}
    nxt = getattr(model, "next", None)
    if nxt:
        headers["Link"] = f'<{nxt}>; rel="next"'
    if fmt == JSON:
        return Response(model.model_dump_json(), 200, headers, JSON)
    iri = str(request.url)
    doc = linked.to_jsonld(model.model_dump(mode="json"), base, items, iri)
    if fmt == JSONLD:
        return Response(json.dumps(doc, ensure_ascii=False), 200, headers, JSONLD)
    return Response(linked.to_turtle(doc), 200, headers, TURTLE + "; charset=utf-8")
