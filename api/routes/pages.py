"""The HTML front end, served by the app itself (no CDN, works offline): the home
page with search, and each instrument's page (rendered for ``/instruments/{key}``
when the browser asks for HTML) with its versions, the first page of its
citations both ways grouped by section with the quoted words (links to the
rest), amendments and a drawing of its neighbourhood."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from itukg.api import html, lookups
from itukg.api.cache import Runner
from itukg.api.deps import IndexDep
from itukg.api.drawing import MAX_SIDE, neighbourhood
from itukg.api.schemas import CitationEdge, InstrumentSummary
from itukg.queries.run import Window

router = APIRouter(tags=["pages"])
MAX_QUERY = 500  # characters of a search that count
RESULTS = 50
NO_HEADING = "(no heading)"


@router.get(
    "/",
    response_class=HTMLResponse,
    summary="Home page: search the instruments",
)
def home_page(
    request: Request,
    index: IndexDep,
    q: Annotated[str | None, Query(description="search text")] = None,
) -> HTMLResponse:
    hits = index.search(q[:MAX_QUERY])[:RESULTS] if q else []
    top = sorted(index.entries.values(), key=lambda e: (-e.citations, e.key))[:12]
    context = {"q": q or "", "hits": hits, "top": top, "known": len(index.entries)}
    return html.render(request, "home.html", context)


def by_section(edges: list[CitationEdge]) -> list[tuple[str, list[CitationEdge]]]:
    """Edges grouped by the heading they stand under, in order of appearance."""
    groups: dict[str, list[CitationEdge]] = {}
    for e in edges:
        groups.setdefault(e.evidence.section or NO_HEADING, []).append(e)
    return list(groups.items())


@dataclass(frozen=True)
class Shown:
    """How much of one direction of an instrument's citations the page shows:
    the first ``shown`` of ``total``, the rest through links (the named query's
    pages in HTML, all of them as CSV, the lookup in JSON)."""

    shown: int
    total: int
    next: str
    csv: str
    json: str


def _shown(found: InstrumentSummary, direction: str, shown: int, first: int) -> Shown:
    counts = found.counts
    total = counts.citations_made if direction == "cites" else counts.citations_received
    query = f"/queries/{direction}?"
    return Shown(
        shown=shown,
        total=total,
        next=query + urlencode({"key": found.key, "offset": first, "limit": first}),
        csv=query + urlencode({"key": found.key, "format": "csv"}),
        json=found.links[direction],
    )


def instrument_page(
    request: Request, q: Runner, found: InstrumentSummary, first: int
) -> HTMLResponse:
    """The page of an instrument whose summary is ``found``: its facts, versions
    and amendments, the ``first`` citations each way (in the order of the
    cites and cited-by lookups, grouped by heading), and its neighbourhood: the
    instruments with the most citations each way, out of all of them (the
    summary's counts give the totals)."""
    key = found.key
    window = Window(0, first)
    cites = lookups.citations(q, key, "cites", window=window)
    cited_by = lookups.citations(q, key, "cited-by", window=window)
    drawing = neighbourhood(
        key,
        found.label or key,
        lookups.neighbours(q, key, "citing", MAX_SIDE),
        lookups.neighbours(q, key, "cited", MAX_SIDE),
        (found.counts.cited_by, found.counts.cites),
    )
    context = {
        "i": found,
        "cites": by_section(cites),
        "cited_by": by_section(cited_by),
        "cites_shown": _shown(found, "cites", len(cites), first),
        "cited_by_shown": _shown(found, "cited-by", len(cited_by), first),
        "amendments": lookups.amendments(q, key),
        "supersedes": lookups.supersedes(q, key),
        "superseded_by": lookups.superseded_by(q, key),
        "drawing": drawing,
    }
    return html.render(request, "instrument.html", context)
