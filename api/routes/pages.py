"""The HTML front end, served by the app itself (no CDN, works offline): the home
page with search, and each instrument's page (rendered for ``/instruments/{key}``
when the browser asks for HTML) with its versions, citations both ways grouped by
section with the quoted words, amendments and a drawing of its neighbourhood."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from itukg.api import html, lookups
from itukg.api.cache import Runner
from itukg.api.deps import IndexDep
from itukg.api.drawing import neighbourhood
from itukg.api.schemas import CitationEdge, InstrumentSummary

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


def _neighbours(edges: list[CitationEdge], end: str) -> list[tuple[str, str, int]]:
    counts = Counter(getattr(e, end) for e in edges)
    labels = {getattr(e, end): getattr(e, f"{end}_label") for e in edges}
    ranked = sorted(counts, key=lambda k: (-counts[k], k))
    return [(k, labels[k] or k, counts[k]) for k in ranked]


def instrument_page(
    request: Request, q: Runner, found: InstrumentSummary
) -> HTMLResponse:
    """The page of an instrument whose summary is ``found``."""
    key = found.key
    cites = lookups.citations(q, key, "cites")
    cited_by = lookups.citations(q, key, "cited-by")
    drawing = neighbourhood(
        key,
        found.label or key,
        _neighbours(cited_by, "source"),
        _neighbours(cites, "target"),
    )
    context = {
        "i": found,
        "cites": by_section(cites),
        "cited_by": by_section(cited_by),
        "n_cites": len(cites),
        "n_cited_by": len(cited_by),
        "amendments": lookups.amendments(q, key),
        "supersedes": lookups.supersedes(q, key),
        "superseded_by": lookups.superseded_by(q, key),
        "drawing": drawing,
    }
    return html.render(request, "instrument.html", context)
