"""Tables for what ``/sparql`` lets through and for content negotiation."""

from __future__ import annotations

import pytest

from itukg.api.errors import BadSparql, SparqlRefused
from itukg.api.negotiate import HTML, JSON, JSONLD, LOOKUP, PAGE, TURTLE, choose
from itukg.api.protocol import blank, check_query
from itukg.api.results import SRJ, SRX, write_solutions

ALLOWED = [
    "SELECT * WHERE { ?s ?p ?o }",
    "select * { ?s ?p ?o }",
    "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:p ?o }",
    "BASE <http://example.org/> PREFIX : <x#> ASK { <a> :b ?c }",
    "# a comment\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "DESCRIBE <http://example.org/SERVICE>",
    'SELECT * WHERE { ?s ?p "SERVICE" }',
    "SELECT * WHERE { ?s ?p '''a\nSERVICE <x:y> { }''' }",
    "SELECT ?service WHERE { ?service ?p ?o }",
    "SELECT * WHERE { ?s ex:SERVICE ?o }",
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <x:y> {}",
]
REFUSED = [
    ("INSERT DATA { <a:a> <a:b> <a:c> }", SparqlRefused),
    ("PREFIX ex: <x:> DELETE WHERE { ?s ?p ?o }", SparqlRefused),
    ("DROP ALL", SparqlRefused),
    ("LOAD <http://example.org/data.ttl>", SparqlRefused),
    ("WITH <a:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", SparqlRefused),
    ("", BadSparql),
    ("   ", BadSparql),
    ("hello world", BadSparql),
    ("PREFIX ex: <x:>", BadSparql),
]


@pytest.mark.parametrize("query", ALLOWED)
def test_allowed(query: str) -> None:
    assert check_query(query) == query


@pytest.mark.parametrize(("query", "error"), REFUSED, ids=[q[:30] for q, _ in REFUSED])
def test_refused(query: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        check_query(query)


def test_blank_keeps_the_structure() -> None:
    assert blank('SELECT ?x { ?x <a:SERVICE> "SERVICE" } # SERVICE') == (
        'SELECT ?x { ?x "" "" }  '
    )


NEGOTIATION = [
    (None, LOOKUP, JSON),
    ("*/*", LOOKUP, JSON),
    ("application/json", LOOKUP, JSON),
    ("application/ld+json", LOOKUP, JSONLD),
    ("text/turtle", LOOKUP, TURTLE),
    ("text/turtle;q=0.5, application/ld+json;q=0.9", LOOKUP, JSONLD),
    ("text/*", LOOKUP, TURTLE),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", PAGE, HTML),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", LOOKUP, JSON),
    ("application/json, text/html;q=0.1", PAGE, JSON),
    ("image/png", LOOKUP, None),
    ("text/turtle;q=0", LOOKUP, None),
    ("*/*;q=0.1, text/turtle;q=0", LOOKUP, JSON),
    ("garbage", LOOKUP, JSON),
]


@pytest.mark.parametrize(("accept", "offers", "expected"), NEGOTIATION)
def test_negotiation(
    accept: str | None, offers: tuple[str, ...], expected: str | None
) -> None:
    assert choose(accept, offers) == expected


def test_results_writers_escape() -> None:
    import pyoxigraph as ox

    row = [ox.Literal('a "<b>" & c', language="en"), None]
    xml = write_solutions(SRX, ["x", "y"], [row]).decode()
    assert '<literal xml:lang="en">a "&lt;b&gt;" &amp; c</literal>' in xml
    assert 'name="y"' not in xml.split("<results>")[1]
    js = write_solutions(SRJ, ["x", "y"], [row]).decode()
    assert '"xml:lang": "en"' in js and '"y"' not in js.split("bindings")[1]
