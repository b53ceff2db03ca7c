"""``/search?q=…``: instruments ranked against a text query ("resolution 130
busan", "55/63", "child online protection")."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from itukg.api.deps import IndexDep, SettingsDep
from itukg.api.respond import ERRORS, RDF_CONTENT, PagingDep, paginate, respond
from itukg.api.schemas import SearchHit, SearchPage

router = APIRouter(tags=["search"], responses={**RDF_CONTENT, **ERRORS})


@router.get(
    "/search",
    response_model=SearchPage,
    summary="Instruments ranked against a text query (key, labels, cited words)",
)
def search_instruments(
    request: Request,
    index: IndexDep,
    settings: SettingsDep,
    paging: PagingDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="the text")],
) -> Response:
    hits = [
        SearchHit(
            key=h.entry.key,
            label=h.entry.label,
            body=h.entry.body,
            score=h.score,
            citations=h.entry.citations,
        )
        for h in index.search(q)
    ]
    page = SearchPage(query=q, **paginate(hits, paging, request))
    return respond(request, page, settings.base, "search")
