"""The instrument lookups: each runs named queries with fixed names and shapes
their rows into the response models. A work key aggregates its versions (the
queries do so, one query per lookup) unless ``aggregate`` is false, which keeps
the rows of the key itself."""

from __future__ import annotations

from itukg.api.cache import Runner
from itukg.api.errors import UnknownInstrument
from itukg.api.index import InstrumentIndex
from itukg.api.schemas import (
    AmendmentOut,
    CitationEdge,
    Counts,
    Evidence,
    InstrumentSummary,
    SupersededByEdge,
    SupersedesEdge,
    Value,
    VersionOut,
)
from itukg.ontology.iri import key_iri
from itukg.ontology.keys import Key, parse_key
from itukg.ontology.kinds import noun
from itukg.queries.run import Window

Neighbour = tuple[str, str, int]  # key, label, citations
EDGES = ("cites", "cited-by", "versions", "supersedes", "superseded-by", "amendments")


def known_key(index: InstrumentIndex, key: str) -> Key:
    """The parsed key (InvalidKey when malformed), when the graph knows it
    (UnknownInstrument with the closest known keys otherwise)."""
    parsed = parse_key(key)
    if not index.knows(key):
        raise UnknownInstrument(key, index.closest(key))
    return parsed


def _str(v: Value) -> str | None:
    return None if v is None else str(v)


def citations(
    q: Runner,
    key: str,
    direction: str,
    aggregate: bool = True,
    window: Window | None = None,
) -> list[CitationEdge]:
    """``direction`` "cites" (what it cites) or "cited-by" (what cites it); with
    a ``window``, that page of them (cut by the query: no other row is read
    back or shaped)."""
    params = _keyed(key, aggregate)
    return [_edge(r) for r in q.run(direction, params, window).records()]


def _edge(r: dict[str, Value]) -> CitationEdge:
    evidence = Evidence(
        document=str(r["document"]),
        view=str(r["view"]),
        section=_str(r["section"]),
        paragraph=_str(r["paragraph"]),
        pinpoint=_str(r["pinpoint"]),
        quote=str(r["quote"]),
    )
    return CitationEdge(
        source=str(r["source"]),
        source_label=_str(r.get("source_label")),
        target=str(r["target"]),
        target_label=_str(r.get("target_label")),
        relation=str(r["relation"]),
        evidence=evidence,
    )


def neighbours(q: Runner, key: str, side: str, first: int) -> list[Neighbour]:
    """The ``first`` instruments that cite the key (``side`` "citing") or that
    it cites ("cited"), with its versions, most citations first: (key, label,
    citations)."""
    rows = q.run(f"{side}-neighbours", {"key": key}, Window(0, first)).records()
    return [
        (str(r["other"]), _str(r["label"]) or str(r["other"]), int(r["citations"] or 0))
        for r in rows
    ]


def versions(q: Runner, key: str) -> list[VersionOut]:
    rows = q.run("versions", {"key": key}).records()
    return [
        VersionOut(
            version=str(r["version"]),
            label=_str(r["label"]),
            year=int(r["year"]) if isinstance(r["year"], int) else None,
            revision=_str(r["revision"]),
            conference=_str(r["conference"]),
            status=str(r["status"]),
            held=bool(r["held"]),
        )
        for r in rows
    ]


def total(q: Runner, name: str, key: str, aggregate: bool = True) -> int:
    """How many rows the lookup query ``name`` (cites, cited-by, supersedes,
    superseded-by, amendments-of) gives in all: its ``<name>-total`` (counted,
    not read)."""
    params = _keyed(key, aggregate)
    (row,) = q.run(f"{name}-total", params).records()
    return int(row["total"] or 0)


def _keyed(key: str, aggregate: bool) -> dict[str, str]:
    """The parameters of a lookup query: the key, and whether a work's rows
    include its versions'."""
    return {"key": key, "aggregate": str(aggregate).lower()}


def supersedes(
    q: Runner, key: str, aggregate: bool = True, window: Window | None = None
) -> list[SupersedesEdge]:
    """What the key supersedes (a work: each of its versions, one query); with
    a ``window``, that page of them (cut by the query)."""
    params = _keyed(key, aggregate)
    return [
        SupersedesEdge(
            version=str(r["version"]),
            superseded=str(r["superseded"]),
            label=_str(r["label"]),
            status=str(r["status"]),
            proposal=_str(r["proposal"]),
            document=_str(r["document"]),
        )
        for r in q.run("supersedes", params, window).records()
    ]


def superseded_by(
    q: Runner, key: str, aggregate: bool = True, window: Window | None = None
) -> list[SupersededByEdge]:
    """What superseded the key (a work: each of its versions, one query); with
    a ``window``, that page of them (cut by the query)."""
    params = _keyed(key, aggregate)
    return [
        SupersededByEdge(
            version=str(r["version"]),
            successor=_str(r["successor"]),
            label=_str(r["label"]),
            status=str(r["status"]),
            proposal=_str(r["proposal"]),
            document=_str(r["document"]),
        )
        for r in q.run("superseded-by", params, window).records()
    ]


def amendments(
    q: Runner, key: str, aggregate: bool = True, window: Window | None = None
) -> list[AmendmentOut]:
    """The amendments of the key or in its document (not aggregated: the rows
    that name the key itself); with a ``window``, that page of them."""
    params = _keyed(key, aggregate)
    return [
        AmendmentOut(
            proposal=_str(r["proposal"]),
            action=str(r["action"]),
            target=_str(r["target"]),
            result=_str(r["result"]),
            document=str(r["document"]),
        )
        for r in q.run("amendments-of", params, window).records()
    ]


def summary(q: Runner, key: str, links: dict[str, str]) -> InstrumentSummary:
    """Label, body, kind, versions and counts of a known key."""
    parsed = parse_key(key)
    fields: dict[str, list[str]] = {}
    for r in q.run("instrument", {"key": key}).records():
        fields.setdefault(str(r["field"]), []).append(str(r["value"]))
    (counts,) = q.run("instrument-counts", {"key": key}).records()
    labels = fields.get("label", [])
    year = fields.get("year", [None])[0]
    return InstrumentSummary(
        key=key,
        iri=key_iri(key, q.base),
        label=min(labels, key=lambda s: ("Rev." not in s, len(s)), default=None),
        labels=labels + fields.get("alias", []),
        body=fields.get("body", [None])[0],
        kind=noun(parsed),
        level="version" if parsed.is_version else "work",
        work=fields.get("work", [None])[0],
        types=fields.get("type", []),
        year=int(year) if year and year.isdigit() else None,
        versions=versions(q, key),
        counts=Counts.model_validate(counts),
        links=links,
    )
