"""Issue 11, 5: a query's own dataset (FROM / FROM NAMED) is honoured by
``/sparql``; without one, the default graph is the union of all graphs."""

from __future__ import annotations

import httpx

from itukg.ontology.iri import DEFAULT_BASE

ONTOLOGY = f"{DEFAULT_BASE}graph/itu"
GAZETTEER = f"{DEFAULT_BASE}graph/conferences"


def count(server: str, query: str) -> int:
    r = httpx.get(f"{server}/sparql", params={"query": query}, timeout=30)
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def test_from_an_unknown_graph_is_empty(server: str) -> None:
    q = "SELECT (COUNT(*) AS ?n) FROM <http://nonexistent/g> WHERE { ?s ?p ?o }"
    assert count(server, q) == 0


def test_from_one_graph_counts_that_graph(server: str) -> None:
    alone = count(
        server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ONTOLOGY}> {{ ?s ?p ?o }} }}"
    )
    union = count(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    got = count(server, f"SELECT (COUNT(*) AS ?n) FROM <{ONTOLOGY}> {{ ?s ?p ?o }}")
    assert 0 < got == alone < union


def test_two_froms_merge(server: str) -> None:
    one = count(server, f"SELECT (COUNT(*) AS ?n) FROM <{ONTOLOGY}> {{ ?s ?p ?o }}")
    two = count(server, f"SELECT (COUNT(*) AS ?n) FROM <{GAZETTEER}> {{ ?s ?p ?o }}")
    both = count(
        server,
        f"SELECT (COUNT(*) AS ?n) FROM <{ONTOLOGY}> FROM <{GAZETTEER}> {{ ?s ?p ?o }}",
    )
    assert both == one + two  # no triple is in both


def test_from_named_limits_graph_and_empties_the_default(server: str) -> None:
    q = (
        "SELECT DISTINCT ?g FROM NAMED <" + GAZETTEER + "> "
        "WHERE { GRAPH ?g { ?s ?p ?o } }"
    )
    r = httpx.get(f"{server}/sparql", params={"query": q}, timeout=30)
    assert [b["g"]["value"] for b in r.json()["results"]["bindings"]] == [GAZETTEER]
    default = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{GAZETTEER}> {{ ?s ?p ?o }}"
    assert count(server, default) == 0
