"""``/sparql`` driven by real clients against a real uvicorn server on the store
built from the seed: SPARQLWrapper, rdflib's SPARQLStore and plain GET requests of
the kind YASGUI sends; read-only, local, bounded in time and size, with a clear
error for each refusal."""

from __future__ import annotations

import csv
import io
import time
from typing import Any

import httpx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import (
    CSV,
    JSON,
    JSONLD,
    POST,
    POSTDIRECTLY,
    TSV,
    TURTLE,
    XML,
    SPARQLWrapper,
)
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from itukg.ontology.iri import DEFAULT_BASE
from itukg.queries import get_query
from itukg.queries.run import bind
from tests.api.conftest import SERVER_MAX_ROWS, SERVER_TIMEOUT

ITU = "https://w3id.org/itukg/ontology#"
LABELS = f"""PREFIX itu: <{ITU}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?key ?label WHERE {{
  ?i itu:key ?key ; rdfs:label ?label .
  FILTER(STRSTARTS(?key, "pp/res/130"))
}} ORDER BY ?key ?label"""
DESCRIBE = f"DESCRIBE <{DEFAULT_BASE}unga/res/55/63>"
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def cites_query() -> str:
    """The named query ``cites`` for pp/res/130/2014, as run_query sends it."""
    key = ox.NamedNode(DEFAULT_BASE + "pp/res/130/2014")
    return f"BASE <{DEFAULT_BASE}>\n" + bind(get_query("cites").text, {"key": key})


def wrapper(server: str, fmt: str, method: str = "GET") -> SPARQLWrapper:
    sparql = SPARQLWrapper(f"{server}/sparql")
    sparql.setReturnFormat(fmt)
    if method == POSTDIRECTLY:
        sparql.setMethod(POST)
        sparql.setRequestMethod(POSTDIRECTLY)
    else:
        sparql.setMethod(method)
    return sparql


# ---------------------------------------------------------------- SPARQLWrapper


@pytest.mark.parametrize("method", ["GET", POST, POSTDIRECTLY])
def test_sparqlwrapper_select_json(server: str, method: str) -> None:
    sparql = wrapper(server, JSON, method)
    sparql.setQuery(cites_query())
    result: Any = sparql.queryAndConvert()
    rows = result["results"]["bindings"]
    assert len(rows) == 49  # the edges of the cites lookup
    assert {r["target"]["value"] for r in rows} >= {DEFAULT_BASE + "wtdc/res/69/2010"}
    assert result["head"]["vars"][:2] == ["source", "target"]


def test_sparqlwrapper_select_xml_csv_tsv(server: str) -> None:
    sparql = wrapper(server, XML)
    sparql.setQuery(LABELS)
    doc: Any = sparql.queryAndConvert()
    keys_xml = [
        b.getElementsByTagName("literal")[0].firstChild.data
        for b in doc.getElementsByTagName("binding")
        if b.getAttribute("name") == "key"
    ]
    sparql = wrapper(server, CSV)
    sparql.setQuery(LABELS)
    text = sparql.queryAndConvert()
    assert isinstance(text, bytes)
    rows = list(csv.DictReader(io.StringIO(text.decode())))
    assert [r["key"] for r in rows] == keys_xml
    assert "pp/res/130/2014" in keys_xml
    sparql = wrapper(server, TSV)
    sparql.setQuery(LABELS)
    tsv = sparql.queryAndConvert()
    assert isinstance(tsv, bytes)
    lines = tsv.decode().splitlines()
    assert lines[0] == "?key\t?label"
    assert '"pp/res/130/2014"\t"Resolution 130 (Rev. Busan, 2014)"' in lines


def test_sparqlwrapper_ask(server: str) -> None:
    sparql = wrapper(server, JSON)
    sparql.setQuery(f"ASK {{ <{DEFAULT_BASE}unga/res/55/63> ?p ?o }}")
    result: Any = sparql.queryAndConvert()
    assert result["boolean"] is True


@pytest.mark.parametrize(("fmt", "parse_as"), [(TURTLE, "turtle"), (JSONLD, "json-ld")])
def test_sparqlwrapper_describe_and_construct(
    server: str, fmt: str, parse_as: str
) -> None:
    sparql = wrapper(server, fmt)
    sparql.setQuery(DESCRIBE)
    data = sparql.query().response.read()
    g = rdflib.Graph().parse(data=data, format=parse_as)
    iri = rdflib.URIRef(DEFAULT_BASE + "unga/res/55/63")
    assert (iri, rdflib.URIRef(ITU + "key"), rdflib.Literal("unga/res/55/63")) in g
    sparql = wrapper(server, fmt)
    sparql.setQuery(
        f"PREFIX itu: <{ITU}> CONSTRUCT {{ ?s itu:cites ?o }} "
        f"WHERE {{ ?s itu:cites ?o }}"
    )
    g = rdflib.Graph().parse(data=sparql.query().response.read(), format=parse_as)
    assert len(g) > 100


def test_sparqlwrapper_bad_query(server: str) -> None:
    sparql = wrapper(server, JSON)
    sparql.setQuery("SELECT * WHERE { ?s ?p }")
    with pytest.raises(QueryBadFormed):
        sparql.queryAndConvert()


# ---------------------------------------------------------------- rdflib


def test_rdflib_sparqlstore(server: str) -> None:
    store = SPARQLStore(query_endpoint=f"{server}/sparql", returnFormat="xml")
    graph = rdflib.Graph(store)
    rows = list(graph.query(LABELS))
    assert ("pp/res/130/2014", "Resolution 130 (Rev. Busan, 2014)") in {
        (str(k), str(label))
        for k, label in rows  # type: ignore[misc]
    }
    iri = rdflib.URIRef(DEFAULT_BASE + "unga/res/55/63")
    props = {str(p) for p, _ in graph.predicate_objects(iri)}
    assert ITU + "key" in props
    described = graph.query(DESCRIBE)
    assert described.graph is not None and len(described.graph) > 3
    assert graph.query(f"ASK {{ <{iri}> ?p ?o }}").askAnswer is True


def test_rdflib_sparqlstore_json(server: str) -> None:
    store = SPARQLStore(query_endpoint=f"{server}/sparql", returnFormat="json")
    rows = list(rdflib.Graph(store).query(cites_query()))
    assert len(rows) == 49


# ---------------------------------------------------------------- YASGUI style

YASGUI = {
    "Accept": "application/sparql-results+json,*/*;q=0.9",
    "X-Requested-With": "XMLHttpRequest",
    "Origin": "https://yasgui.example.org",
}


def test_yasgui_get(server: str) -> None:
    r = httpx.get(f"{server}/sparql", params={"query": LABELS}, headers=YASGUI)
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/sparql-results+json"
    assert r.headers["access-control-allow-origin"] == "*"
    assert r.json()["head"]["vars"] == ["key", "label"]
    construct = httpx.get(
        f"{server}/sparql",
        params={"query": DESCRIBE},
        headers={**YASGUI, "Accept": "text/turtle,*/*;q=0.9"},
    )
    assert construct.headers["content-type"].startswith("text/turtle")
    nt = httpx.get(
        f"{server}/sparql",
        params={"query": DESCRIBE},
        headers={"Accept": "application/n-triples"},
    )
    assert nt.headers["content-type"].startswith("application/n-triples")
    assert all(line.endswith(" .") for line in nt.text.strip().splitlines())


def test_cors_preflight(server: str) -> None:
    r = httpx.options(
        f"{server}/sparql",
        headers={
            "Origin": "https://yasgui.example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert r.status_code == 200
    assert "POST" in r.headers["access-control-allow-methods"]


def test_service_description(server: str) -> None:
    """GET without a query: the SPARQL 1.1 Service Description (Turtle), and a
    query form for browsers."""
    r = httpx.get(f"{server}/sparql")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=r.text, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert (rdflib.URIRef(f"{server}/sparql"), sd.endpoint, None) in g
    assert (None, sd.feature, sd.UnionDefaultGraph) in g
    page = httpx.get(f"{server}/sparql", headers={"Accept": "text/html"})
    assert page.headers["content-type"].startswith("text/html")
    assert "<textarea" in page.text


# ---------------------------------------------------------------- refusals

REFUSED = [
    (
        "update-param",
        "POST",
        {"update": "INSERT DATA { <a:b> <a:c> <a:d> }"},
        None,
        403,
    ),
    (
        "update-as-query",
        "GET",
        {"query": "INSERT DATA { <a:b> <a:c> <a:d> }"},
        None,
        403,
    ),
    ("update-body", "POST", None, "application/sparql-update", 403),
    (
        "service",
        "GET",
        {"query": "SELECT * WHERE { SERVICE <http://x.example/q> { ?s ?p ?o } }"},
        None,
        403,
    ),
    (
        "service-silent",
        "GET",
        {"query": "SELECT * WHERE { service silent <http://x/> { ?s ?p ?o } }"},
        None,
        403,
    ),
    ("no-query", "GET", {"format": "json"}, None, 400),
    ("no-query-post", "POST", {"format": "json"}, None, 400),
    ("two-queries", "GET", {"query": ["ASK {}", "ASK {}"]}, None, 400),
    ("not-sparql", "GET", {"query": "hello"}, None, 400),
    (
        "dataset-params",
        "GET",
        {"query": "ASK {}", "default-graph-uri": "a:b"},
        None,
        400,
    ),
    ("wrong-content-type", "POST", None, "text/plain", 400),
]


@pytest.mark.parametrize(
    ("method", "params", "ctype", "status"),
    [r[1:] for r in REFUSED],
    ids=[r[0] for r in REFUSED],
)
def test_refusals_are_clear(
    server: str,
    method: str,
    params: dict[str, Any] | None,
    ctype: str | None,
    status: int,
) -> None:
    url = f"{server}/sparql"
    if method == "GET":
        r = httpx.get(url, params=params)
    elif ctype is None:
        r = httpx.post(url, data=params)
    else:
        r = httpx.post(
            url, content=b"DELETE WHERE { ?s ?p ?o }", headers={"Content-Type": ctype}
        )
    assert r.status_code == status, r.text
    assert r.text.strip() and "Traceback" not in r.text


def test_words_that_look_like_service_are_no_refusal(server: str) -> None:
    q = (
        'SELECT ?service WHERE { BIND("SERVICE" AS ?service) '
        "# SERVICE <x:y> in a comment\n"
        "  ?s <http://example.org/SERVICE> ?o }"
    )
    assert httpx.get(f"{server}/sparql", params={"query": q}).status_code == 200


def test_result_cap_is_an_error_not_a_truncation(server: str) -> None:
    r = httpx.get(f"{server}/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert r.status_code == 422
    assert f"more than {SERVER_MAX_ROWS} rows" in r.text
    ok = httpx.get(
        f"{server}/sparql",
        params={"query": f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {SERVER_MAX_ROWS}"},
    )
    assert ok.status_code == 200
    assert len(ok.json()["results"]["bindings"]) == SERVER_MAX_ROWS


def test_time_limit_stops_the_query_and_the_endpoint_goes_on(server: str) -> None:
    start = time.monotonic()
    r = httpx.get(f"{server}/sparql", params={"query": CROSS_JOIN}, timeout=60)
    took = time.monotonic() - start
    assert r.status_code == 503
    assert "time limit" in r.text
    assert took < SERVER_TIMEOUT + 3
    # the stopped query's process is replaced: the endpoint answers again
    for _ in range(3):
        r = httpx.get(f"{server}/sparql", params={"query": "ASK { ?s ?p ?o }"})
        assert r.status_code == 200
