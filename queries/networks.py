"""Citation networks: the rows of the ``citation-edges`` query (or any table with
``source`` and ``target`` columns) as a networkx directed graph, nodes carrying
key, label, body, kind and year, edges relation, view and section."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ontology.errors import InvalidKey
from ontology.keys import parse_key
from queries.run import Table

if TYPE_CHECKING:
    import networkx as nx


def _kind(key: str) -> str:
    try:
        k = parse_key(key)
    except InvalidKey:
        return "other"
    if k.scheme in ("instrument", "opinion"):
        return {"res": "resolution", "dec": "decision", "rec": "recommendation"}.get(
            k.kind, k.kind
        )
    return {
        "unga": "resolution",
        "rec": "recommendation",
        "question": "question",
        "provision": "provision",
        "wsis": "named",
        "doc": "document",
        "final-acts": "document",
        "file": "document",
    }[k.scheme]


def _body(key: str, given: object) -> str:
    if isinstance(given, str) and given:
        return given
    try:
        return parse_key(key).body
    except InvalidKey:
        return ""


def to_digraph(table: Table) -> nx.MultiDiGraph:
    """One node per instrument, one edge per (relation, view, section) row.

    A multigraph, since one source may cite one target under several headings.
    """
    import networkx as nx

    g = nx.MultiDiGraph()
    for r in table.records():
        for end in ("source", "target"):
            key = str(r[end])
            if key not in g:
                year = r.get(f"{end}_year")
                g.add_node(
                    key,
                    key=key,
                    label=str(r.get(f"{end}_label") or key),
                    body=_body(key, r.get(f"{end}_body")),
                    kind=_kind(key),
                    year=int(year) if isinstance(year, int) else 0,
                )
        g.add_edge(
            str(r["source"]),
            str(r["target"]),
            relation=str(r.get("relation") or "itu:cites"),
            view=str(r.get("view") or "current"),
            section=str(r.get("section") or ""),
        )
    return g
