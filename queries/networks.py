"""Citation networks: the rows of the ``citation-edges`` query (or any table with
``source`` and ``target`` columns) as a networkx directed graph, nodes carrying
key, label, body, kind and year, edges relation, view and section; and what
researchers do with it: neighbourhoods, versions merged into works, rankings,
the citations two versions differ by. Drawing lives in ``queries.drawing``."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from itukg.ontology import iri
from itukg.ontology.errors import InvalidKey
from itukg.ontology.keys import parse_key
from itukg.ontology.kinds import noun
from itukg.queries.run import Table, run_query

if TYPE_CHECKING:
    import networkx as nx

    from itukg.ontology.store import GraphStore


def _kind(key: str) -> str:
    try:
        return noun(parse_key(key))
    except InvalidKey:
        return "other"


def _body(key: str, given: object) -> str:
    if isinstance(given, str) and given:
        return given
    try:
        return parse_key(key).body
    except InvalidKey:
        return ""


def _year(key: str, given: object) -> int:
    """The year the graph gives, else the one the key carries (0 when none)."""
    if isinstance(given, int):
        return given
    try:
        k = parse_key(key)
    except InvalidKey:
        return 0
    if k.scheme in ("instrument", "opinion") and k.version:
        return int(k.version)
    return int(k.year) if k.year else 0


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
                g.add_node(
                    key,
                    key=key,
                    label=str(r.get(f"{end}_label") or key),
                    body=_body(key, r.get(f"{end}_body")),
                    kind=_kind(key),
                    year=_year(key, r.get(f"{end}_year")),
                )
        g.add_edge(
            str(r["source"]),
            str(r["target"]),
            relation=str(r.get("relation") or "itu:cites"),
            view=str(r.get("view") or "current"),
            section=str(r.get("section") or ""),
        )
    return g


def store_digraph(store: GraphStore, base: str = iri.DEFAULT_BASE) -> nx.MultiDiGraph:
    """The whole citation network of a store (its ``citation-edges``)."""
    return to_digraph(run_query(store, "citation-edges", {}, base))


def work_key(key: str) -> str:
    """The work a version key realizes (the key itself when it has no version)."""
    try:
        return str(parse_key(key).work)
    except InvalidKey:
        return key


def members(g: nx.MultiDiGraph, key: str) -> list[str]:
    """The nodes ``key`` stands for: itself, or every version of a work key."""
    if key in g:
        return [key]
    found = [n for n in g if n != key and work_key(n) == key]
    if not found:
        raise KeyError(f"{key}: not in the citation network")
    return sorted(found)


def neighbourhood(g: nx.MultiDiGraph, key: str, radius: int = 1) -> nx.MultiDiGraph:
    """Every instrument within ``radius`` citations of ``key`` (citing or cited),
    with all the edges among them. A work key stands for all its versions."""
    und = g.to_undirected(as_view=True)
    nodes = set(members(g, key))
    frontier = set(nodes)
    for _ in range(radius):
        frontier = {m for n in frontier for m in und.neighbors(n)} - nodes
        nodes |= frontier
    sub: nx.MultiDiGraph = g.subgraph(nodes).copy()
    return sub


def cited_pairs(g: nx.MultiDiGraph, source: str) -> set[tuple[str, str]]:
    """The (target, relation) of every citation ``source`` makes, in any view."""
    return {(t, d["relation"]) for _, t, d in g.out_edges(source, data=True)}


def simple(g: nx.MultiDiGraph) -> nx.DiGraph:
    """One edge per citing pair; ``weight`` counts the citation rows it stands for."""
    import networkx as nx

    d = nx.DiGraph()
    d.add_nodes_from(g.nodes(data=True))
    for u, v in g.edges():
        if d.has_edge(u, v):
            d[u][v]["weight"] += 1
        else:
            d.add_edge(u, v, weight=1)
    return d


_REVISION = re.compile(r"\s*\((?:Rev\.\s*)?[^()]*\)$")


def by_work(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Every version merged into its work (``pp/res/71/2010`` and ``…/2018`` become
    ``pp/res/71``), so that rankings count a resolution once whatever version is
    cited. A version citing an earlier version of its own work leaves no loop."""
    import networkx as nx

    w = nx.MultiDiGraph()
    for n, data in g.nodes(data=True):
        key = work_key(n)
        if key not in w:
            label = data["label"] if key == n else _REVISION.sub("", data["label"])
            w.add_node(key, **{**data, "key": key, "label": label, "year": 0})
    for u, v, data in g.edges(data=True):
        a, b = work_key(u), work_key(v)
        if a != b:
            w.add_edge(a, b, **data)
    return w


def ranking(g: nx.MultiDiGraph, top: int = 15) -> Table:
    """The most cited instruments: ``cited_by`` distinct citing instruments,
    ``citations`` citation rows, and PageRank over the citing pairs, best first."""
    import networkx as nx

    d = simple(g)
    pagerank = nx.pagerank(d, weight=None) if d.number_of_nodes() else {}
    rows = Counter(v for _, v in g.edges())
    best = sorted(d, key=lambda n: (-d.in_degree(n), -rows[n], n))[:top]
    return Table(
        ("key", "label", "body", "cited_by", "citations", "pagerank"),
        tuple(
            (
                n,
                d.nodes[n]["label"],
                d.nodes[n]["body"],
                d.in_degree(n),
                rows[n],
                round(float(pagerank[n]), 5),
            )
            for n in best
        ),
    )


def _changes(old: set[str], new: set[str]) -> list[tuple[str, str, str]]:
    """(change, old target, new target): a target whose work is cited in both but
    in another version is ``updated``, not dropped and added."""
    out = [("kept", t, t) for t in old & new]
    gone, came = sorted(old - new), sorted(new - old)
    for t in gone:
        same = [n for n in came if work_key(n) == work_key(t)]
        if same:
            out.append(("updated", t, same[0]))
            came.remove(same[0])
        else:
            out.append(("dropped", t, ""))
    out += [("added", "", t) for t in came]
    order = {"added": 0, "dropped": 1, "updated": 2, "kept": 3}
    return sorted(out, key=lambda c: (order[c[0]], c[1] or c[2]))


def _sections(g: nx.MultiDiGraph, source: str, target: str) -> str:
    found = {
        d["section"] or "(no heading)"
        for _, t, d in g.out_edges(source, data=True)
        if t == target
    }
    return ", ".join(sorted(found))


def compare_citations(g: nx.MultiDiGraph, old: str, new: str) -> Table:
    """What ``new`` cites that ``old`` did not (``added``), what it no longer cites
    (``dropped``), what it cites in another version (``updated``), and the rest
    (``kept``), each with the headings it stands under in either version."""
    cited = {k: {t for _, t in g.out_edges(k)} if k in g else set() for k in (old, new)}
    rows = tuple(
        (change, a, b, g.nodes[b or a]["label"])
        + (_sections(g, old, a), _sections(g, new, b))
        for change, a, b in _changes(cited[old], cited[new])
    )
    return Table(
        ("change", "old_target", "new_target", "label", "old_sections", "new_sections"),
        rows,
    )
