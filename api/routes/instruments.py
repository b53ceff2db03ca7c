"""``/instruments/{key}``: an instrument's summary and its edges, for any key of
the contract (slashes included). Thin handlers: check the key, run the lookup,
page the list, answer in the representation asked for."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import RedirectResponse

from itukg.api import lookups
from itukg.api.cache import Runner
from itukg.api.deps import IndexDep, RunnerDep, SettingsDep
from itukg.api.errors import UnknownInstrument
from itukg.api.negotiate import PAGE
from itukg.api.respond import RDF_CONTENT, Paging, PagingDep, paged, paginate, respond
from itukg.api.routes.pages import instrument_page
from itukg.api.schemas import (
    AmendmentOut,
    CitationEdge,
    ErrorOut,
    InstrumentSummary,
    Page,
    SupersededByEdge,
    SupersedesEdge,
    VersionOut,
)
from itukg.ontology.errors import InvalidKey
from itukg.ontology.keys import _SCHEMES, parse_key
from itukg.queries.run import Window

ERRORS: dict[int | str, dict[str, object]] = {
    404: {"model": ErrorOut, "description": "unknown key, with the closest known"},
    422: {"model": ErrorOut, "description": "malformed key, with the key grammar"},
    503: {"model": ErrorOut, "description": "the store cannot be read"},
}
RESPONSES = {**RDF_CONTENT, **ERRORS}
Aggregate = Annotated[
    bool, Query(description="a work key: include the edges of its versions")
]
# The grammar of keys as one regular expression, for the schema only: a
# malformed key reaches the handler and is answered 422 with the grammar in words.
# RA resolutions, which parse_key reads apart, stand on their own.
_FORMS = [re.sub(r"\(\?P<\w+>", "(", p) for p, _ in _SCHEMES.values()]
_FORMS[0] = _FORMS[0].replace("|ra|", "|", 1)
PATTERN = (
    "^(?:" + "|".join(f"(?:{f})" for f in [*_FORMS, r"ra/res/\d+(?:-\d+)?"]) + ")$"
)
Key = Annotated[
    str,
    Path(
        description="an instrument key, e.g. pp/res/130/2014 (slashes included)",
        json_schema_extra={"pattern": PATTERN, "example": "pp/res/130/2014"},
    ),
]

router = APIRouter(prefix="/instruments", tags=["instruments"], responses=RESPONSES)


def citation_page(
    q: Runner,
    key: str,
    direction: str,
    aggregate: bool,
    paging: Paging,
    request: Request,
) -> Page[CitationEdge]:
    """One page of an instrument's citation edges: the query cuts the page, a
    count gives the total (both cost what the instrument's citations do, not
    what the corpus does)."""
    total = lookups.total(q, direction, key, aggregate)
    window = Window(paging.offset, paging.limit)
    edges = lookups.citations(q, key, direction, aggregate, window)
    return Page[CitationEdge](**paged(edges, total, paging, request))


@router.get(
    "/{key:path}/cites",
    response_model=Page[CitationEdge],
    summary="What an instrument cites, with the evidence of every citation",
)
def read_cites(
    key: Key,
    request: Request,
    q: RunnerDep,
    index: IndexDep,
    settings: SettingsDep,
    paging: PagingDep,
    aggregate: Aggregate = True,
) -> Response:
    lookups.known_key(index, key)
    page = citation_page(q, key, "cites", aggregate, paging, request)
    return respond(request, page, settings.base, "cites")


@router.get(
    "/{key:path}/cited-by",
    response_model=Page[CitationEdge],
    summary="What cites an instrument, with the evidence of every citation",
)
def read_cited_by(
    key: Key,
    request: Request,
    q: RunnerDep,
    index: IndexDep,
    settings: SettingsDep,
    paging: PagingDep,
    aggregate: Aggregate = True,
) -> Response:
    lookups.known_key(index, key)
    page = citation_page(q, key, "cited-by", aggregate, paging, request)
    return respond(request, page, settings.base, "cited-by")


@router.get(
    "/{key:path}/versions",
    response_model=Page[VersionOut],
    summary="The known versions of the instrument's work, oldest first",
)
def read_versions(
    key: Key,
    request: Request,
    q: RunnerDep,
    index: IndexDep,
    settings: SettingsDep,
    paging: PagingDep,
) -> Response:
    lookups.known_key(index, key)
    found = lookups.versions(q, key)
    page = Page[VersionOut](**paginate(found, paging, request))
    return respond(request, page, settings.base, "versions")


@router.get(
    "/{key:path}/supersedes",
    response_model=Page[SupersedesEdge],
    summary="What a version supersedes (a work: what each of its versions does)",
)
def read_supersedes(
    key: Key,
    request: Request,
    q: RunnerDep,
    index: IndexDep,
    settings: SettingsDep,
    paging: PagingDep,
    aggregate: Aggregate = True,
) -> Response:
    lookups.known_key(index, key)
    total = lookups.total(q, "supersedes", key, aggregate)
    window = Window(paging.offset, paging.limit)
    edges = lookups.supersedes(q, key, aggregate, window)
    page = Page[SupersedesEdge](**paged(edges, total, paging, request))
    return respond(request, page, settings.base, "supersedes")


@router.get(
    "/{key:path}/superseded-by",
    response_model=Page[SupersededByEdge],
    summary="What superseded a version, adopted or proposed",
)
def read_superseded_by(
    key: Key,
    request: Request,
    q: RunnerDep,
    index: IndexDep,
    settings: SettingsDep,
    paging: PagingDep,
    aggregate: Aggregate = True,
) -> Response:
    lookups.known_key(index, key)
    total = lookups.total(q, "superseded-by", key, aggregate)
    window = Window(paging.offset, paging.limit)
    edges = lookups.superseded_by(q, key, aggregate, window)
    page = Page[SupersededByEdge](**paged(edges, total, paging, request))
    return respond(request, page, settings.base, "superseded-by")


@router.get(
    "/{key:path}/amendments",
    response_model=Page[AmendmentOut],
    summary="Amendments (MOD / ADD / SUP / NOC) of an instrument or in a document",
)
def read_amendments(
    key: Key,
    request: Request,
    q: RunnerDep,
    index: IndexDep,
    settings: SettingsDep,
    paging: PagingDep,
    aggregate: Aggregate = True,
) -> Response:
    lookups.known_key(index, key)
    total = lookups.total(q, "amendments-of", key, aggregate)
    window = Window(paging.offset, paging.limit)
    found = lookups.amendments(q, key, aggregate, window)
    page = Page[AmendmentOut](**paged(found, total, paging, request))
    return respond(request, page, settings.base, "amendments")


@router.get(
    "/{key:path}",
    response_model=InstrumentSummary,
    summary="An instrument: label, body, kind, versions and counts",
    responses={200: {"content": {"text/html": {"schema": {"type": "string"}}}}},
)
def read_instrument(
    key: Key, request: Request, q: RunnerDep, index: IndexDep, settings: SettingsDep
) -> Response:
    lookups.known_key(index, key)
    base = request.url_for("read_instrument", key=key)
    links = {e: f"{base}/{e}" for e in lookups.EDGES}
    found = lookups.summary(q, key, links)
    return respond(
        request,
        found,
        settings.base,
        offers=PAGE,
        page=lambda: instrument_page(request, q, found, settings.page_size),
    )


def iri_router(base_path: str) -> APIRouter:
    """Instrument IRIs (``{base}{key}``) that reach this server: 303 See Other to
    the instrument's description, which answers browsers in HTML and machines in
    JSON-LD or Turtle."""
    router = APIRouter(tags=["linked data"])

    @router.get(
        base_path + "{key:path}",
        status_code=303,
        response_class=RedirectResponse,
        summary="Dereference an instrument IRI",
        responses={404: {"model": ErrorOut, "description": "not an instrument here"}},
    )
    def dereference(key: Key, request: Request, index: IndexDep) -> RedirectResponse:
        try:
            parse_key(key)
        except InvalidKey:
            raise UnknownInstrument(key, []) from None
        lookups.known_key(index, key)
        url = request.url_for("read_instrument", key=key)
        return RedirectResponse(str(url), status_code=303)

    return router
