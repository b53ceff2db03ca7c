"""A citation network to explore in a notebook: the graph a widget shows (one
node per instrument, coloured by body and sized by the citations it receives in
the whole network; one edge per citing pair, carrying the quoted words and the
section of each citation, read from the named query ``cites``), and that graph
as an ipysigma widget (sigma.js: hover, click for the evidence, search), which
renders in Jupyter and VS Code. ipysigma is imported only by ``widget``."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from itukg.ontology import iri
from itukg.queries.networks import simple
from itukg.queries.run import run_query

if TYPE_CHECKING:
    import networkx as nx

    from itukg.ontology.store import GraphStore

MAX_QUOTE = 160  # characters of a quotation shown on an edge


@dataclass(frozen=True)
class Evidence:
    """One citation: where it stands and the words that carry it."""

    section: str
    paragraph: str
    quote: str
    document: str
    view: str

    def line(self) -> str:
        where = " ".join(x for x in (self.section, self.paragraph) if x) or "—"
        quote = self.quote
        if len(quote) > MAX_QUOTE:
            quote = quote[: MAX_QUOTE - 1] + "…"
        return f"[{where}] “{quote}” ({self.document}, {self.view})"


EvidenceMap = dict[tuple[str, str], list[Evidence]]


def evidence(
    store: GraphStore, sources: list[str], base: str = iri.DEFAULT_BASE
) -> EvidenceMap:
    """The evidence of every citation ``sources`` make, by (source, target)."""
    found: EvidenceMap = defaultdict(list)
    for source in sources:
        for r in run_query(store, "cites", {"key": source}, base).records():
            found[(str(r["source"]), str(r["target"]))].append(
                Evidence(
                    section=str(r["section"] or ""),
                    paragraph=str(r["paragraph"] or ""),
                    quote=str(r["quote"] or ""),
                    document=str(r["document"] or ""),
                    view=str(r["view"] or ""),
                )
            )
    return dict(found)


def explore_graph(
    part: nx.MultiDiGraph,
    whole: nx.MultiDiGraph,
    store: GraphStore,
    base: str = iri.DEFAULT_BASE,
) -> nx.DiGraph:
    """``part`` (e.g. a neighbourhood of ``whole``) as the widget shows it:
    nodes with ``label``, ``body``, ``kind``, ``year`` and ``citations`` (distinct
    instruments citing it in ``whole``); one edge per citing pair with
    ``relations``, ``sections``, ``citations`` and ``evidence`` (one line per
    citation: section, paragraph, quoted words, document, view)."""
    import networkx as nx

    cited_by = dict(simple(whole).in_degree())
    found = evidence(store, sorted({u for u, _ in part.edges()}), base)
    g = nx.DiGraph()
    for key, data in part.nodes(data=True):
        g.add_node(key, **data, citations=int(cited_by.get(key, 0)))
    for u, v, d in part.edges(data=True):
        if not g.has_edge(u, v):
            g.add_edge(u, v, relations=[], sections=[])
        edge = g.edges[u, v]
        for name, value in (("relations", d["relation"]), ("sections", d["section"])):
            if value and value not in edge[name]:
                edge[name].append(value)
    for u, v, edge in g.edges(data=True):
        lines = [e.line() for e in found.get((u, v), [])]
        edge["citations"] = len(lines)
        edge["evidence"] = "\n".join(lines)
        edge["relations"] = ", ".join(edge["relations"])
        edge["sections"] = ", ".join(edge["sections"])
    return g


def widget(g: nx.DiGraph, centre: str | None = None, height: int = 560) -> Any:
    """An ipysigma widget of an ``explore_graph``: colour by body, size by
    citations received, click an edge for the quoted words of its citations,
    the search box finds an instrument by key or label."""
    from ipysigma import Sigma

    return Sigma(
        g,
        height=height,
        node_color="body",
        node_size="citations",
        node_size_range=(3, 18),
        node_label="label",
        edge_label="sections",
        clickable_edges=True,
        default_edge_type="arrow",
        selected_node=centre,
        start_layout=2,
    )
