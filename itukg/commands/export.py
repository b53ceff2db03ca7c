"""``itukg export``: the graph for other tools (triple stores, Gephi,
spreadsheets)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import click
import pyoxigraph as ox

from itukg.commands.context import read_store
from itukg.ontology.store import GraphStore
from itukg.queries import get_query, run_query
from itukg.queries.networks import to_digraph

_RDF_FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "ttl": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
}


@click.command()
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(["trig", "nq", "ttl", "jsonld", "graphml", "gexf", "csv"]),
    help="trig, nq: every named graph; ttl, jsonld: their union; graphml, gexf, "
    "csv: the citation network (Gephi, Cytoscape, spreadsheets).",
)
@click.option(
    "--output", "-o", type=click.Path(path_type=Path), help="Default: stdout."
)
@click.pass_context
def export(ctx: click.Context, fmt: str, output: Path | None) -> None:
    """Write the graph for other tools."""
    store = read_store(ctx)
    data = _export(store, fmt, ctx.obj["base"])
    if output:
        output.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)


def _export(store: GraphStore, fmt: str, base: str) -> bytes:
    if fmt in ("trig", "nq"):
        return store.dump(_RDF_FORMATS[fmt])
    if fmt in ("ttl", "jsonld"):
        triples = store.query(get_query("union-graph").text)
        if not isinstance(triples, ox.QueryTriples):
            return b""
        data = ox.serialize(triples, format=_RDF_FORMATS[fmt])
        return data if isinstance(data, bytes) else b""
    edges = run_query(store, "citation-edges", {"top": "all"}, base)  # every edge
    if fmt == "csv":
        return edges.to_csv().encode("utf-8")
    import networkx as nx

    g = to_digraph(edges)
    out = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(g, out)
    else:
        nx.write_gexf(g, out)
    return out.getvalue()
