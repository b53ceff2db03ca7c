"""Content negotiation: which of the media types a route offers the ``Accept``
header prefers (RFC 9110 section 12.5.1: the most specific matching range gives
an offer its quality; ties go to the route's own order of preference)."""

from __future__ import annotations

JSON = "application/json"
JSONLD = "application/ld+json"
TURTLE = "text/turtle"
NTRIPLES = "application/n-triples"
RDFXML = "application/rdf+xml"
HTML = "text/html"

# the representations of the lookups, the server's preference first
LOOKUP = (JSON, JSONLD, TURTLE)
PAGE = (JSON, JSONLD, TURTLE, HTML)


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """``[(media range, quality)]`` in the header's order; no header is ``*/*``."""
    if not header or not header.strip():
        return [("*/*", 1.0)]
    ranges: list[tuple[str, float]] = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if "/" not in media:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, val = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(val)))
                except ValueError:
                    q = 0.0
        ranges.append((media, q))
    return ranges or [("*/*", 1.0)]


def _quality(offer: str, ranges: list[tuple[str, float]]) -> float:
    kind = offer.split("/", 1)[0]
    best, specificity = -1.0, -1
    for media, q in ranges:
        if media == offer:
            level = 2
        elif media == f"{kind}/*":
            level = 1
        elif media == "*/*":
            level = 0
        else:
            continue
        if level > specificity:
            best, specificity = q, level
    return best


def choose(header: str | None, offers: tuple[str, ...]) -> str | None:
    """The offer the header prefers, or None when it accepts none of them."""
    ranges = parse_accept(header)
    scored = [(_quality(o, ranges), -i, o) for i, o in enumerate(offers)]
    q, _, offer = max(scored)
    return offer if q > 0 else None


def wants_html(header: str | None) -> bool:
    """A browser: HTML preferred to JSON."""
    return choose(header, (JSON, HTML)) == HTML
