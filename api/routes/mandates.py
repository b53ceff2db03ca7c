"""Mandates and paragraph lineage over HTTP: ``/instruments/{key}/mandates`` (the
operative part of a version), ``/actors/{addressee}/mandates`` (what every
instrument asks of one actor), ``/instruments/{work}/lineage`` (how a work's
paragraphs changed between consecutive versions). JSON by default; browsers get a
page (the operative part grouped by addressee; two versions side by side with the
changed words marked). Mounted before the instrument router, whose last route
takes any path."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from itukg.api import html, lookups
from itukg.api.deps import IndexDep, RunnerDep, SettingsDep
from itukg.api.mandate_lookups import (
    LineageOut,
    MandateOut,
    by_addressee,
    lineage,
    mandates_of,
    mandates_to,
    marked,
)
from itukg.api.negotiate import HTML, JSON
from itukg.api.respond import PagingDep, paginate, respond
from itukg.api.routes.instruments import ERRORS, Key
from itukg.api.schemas import Page

PAGE = (JSON, HTML)
Addressee = Annotated[
    str,
    Path(
        description="an addressee key of ontology/actors.ttl (slashes included)",
        pattern=r"^[a-z][a-z0-9-]*(/[a-z0-9][a-z0-9.-]*)*$",
        json_schema_extra={"example": "itu/director/bdt"},
    ),
]
Top = Annotated[
    str | None,
    Query(
        pattern=r"^([1-9][0-9]{0,8}|all)$",
        description="how many instrument versions (in force first, then by key) "
        "to give the mandates of; all: every one (default: the named query's)",
    ),
]
router = APIRouter(tags=["mandates"], responses=ERRORS)


@router.get(
    "/instruments/{key:path}/mandates",
    response_model=Page[MandateOut],
    summary="The mandates of an instrument version: verb, addressees, paragraph",
)
def read_mandates(
    key: Key,
    request: Request,
    q: RunnerDep,
    index: IndexDep,
    settings: SettingsDep,
    paging: PagingDep,
) -> Response:
    lookups.known_key(index, key)
    found = mandates_of(q, key)
    page = Page[MandateOut](**paginate(found, paging, request))

    def draw() -> Response:
        views = sorted({(m.document, m.view) for m in found})
        groups = [
            (
                doc,
                view,
                by_addressee([m for m in found if (m.document, m.view) == (doc, view)]),
            )
            for doc, view in views
        ]
        return html.render(request, "mandates.html", {"key": key, "groups": groups})

    return respond(request, page, settings.base, offers=PAGE, page=draw)


@router.get(
    "/actors/{addressee:path}/mandates",
    response_model=Page[MandateOut],
    summary="What instruments ask of one addressee, versions in force first "
    "(those of the first top versions)",
)
def read_actor_mandates(
    addressee: Addressee,
    request: Request,
    q: RunnerDep,
    settings: SettingsDep,
    paging: PagingDep,
    top: Top = None,
) -> Response:
    found = mandates_to(q, addressee, top)
    page = Page[MandateOut](**paginate(found, paging, request))
    return respond(request, page, settings.base, offers=(JSON,))


@router.get(
    "/instruments/{work:path}/lineage",
    response_model=Page[LineageOut],
    summary="How a work's paragraphs changed between consecutive versions",
)
def read_lineage(
    work: Key,
    request: Request,
    q: RunnerDep,
    index: IndexDep,
    settings: SettingsDep,
    paging: PagingDep,
) -> Response:
    lookups.known_key(index, work)
    found = lineage(q, work)
    page = Page[LineageOut](**paginate(found, paging, request))

    def draw() -> Response:
        rows = [(r, *marked(r.from_text or "", r.to_text or "")) for r in found]
        return html.render(request, "lineage.html", {"key": work, "rows": rows})

    return respond(request, page, settings.base, offers=PAGE, page=draw)
