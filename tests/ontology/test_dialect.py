"""The query text a Virtuoso is sent: each rewrite of ``ontology/dialect.py`` on
its own (the servers themselves are in tests/test_server_backend.py), and every
rewritten named query still parses."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from itukg.ontology.dialect import (
    HIDDEN_VARIABLE,
    OXIGRAPH,
    VIRTUOSO,
    cast_exists,
    concat_errors_unbound,
    dialect_for,
    distinct_optional_paths,
    exists_out_of_binds,
    graph_variables,
    has_closure_path,
    min_max_by_text,
    paths_from_constants,
    query_form,
    resolve_base,
    selects_distinct,
)
from itukg.ontology.iri import DEFAULT_BASE
from itukg.queries import list_queries
from itukg.queries.run import bind


@pytest.mark.parametrize(
    ("url", "dialect"),
    [
        ("http://127.0.0.1:7878", OXIGRAPH),
        ("http://127.0.0.1:7878/", OXIGRAPH),
        ("http://127.0.0.1:8890/sparql", VIRTUOSO),
        ("https://example.org/sparql/", VIRTUOSO),
    ],
)
def test_the_url_chooses_the_dialect(url: str, dialect: object) -> None:
    assert dialect_for(url) is dialect


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("SELECT * WHERE {}", "SELECT"),
        ("# ask?\nBASE <https://a/> PREFIX a: <https://a/#>\n ask {}", "ASK"),
        ("define input:x <g> PREFIX : <https://a/> CONSTRUCT WHERE {}", "CONSTRUCT"),
        ("PREFIX a:<https://a/>DESCRIBE <x>", "DESCRIBE"),
    ],
)
def test_query_form(text: str, form: str) -> None:
    assert query_form(text) == form


def test_distinct_is_the_outermost_select() -> None:
    assert selects_distinct("PREFIX a: <https://a/>\n# x\nSELECT  DISTINCT ?a {}")
    assert not selects_distinct("SELECT ?a { { SELECT DISTINCT ?a {} } }")


def test_base_is_resolved_outside_strings_and_comments() -> None:
    text = (
        "BASE <https://w3id.org/x/>\nPREFIX a: <https://a.org/#>\n"
        'SELECT * WHERE { GRAPH <graph/d> { <k> a:p "<s>" , ?o } '
        "FILTER(?o < 3 && ?o > 1) } # <c>"
    )
    assert resolve_base(text) == (
        "PREFIX a: <https://a.org/#>\n"
        "SELECT * WHERE { GRAPH <https://w3id.org/x/graph/d> "
        '{ <https://w3id.org/x/k> a:p "<s>" , ?o } '
        "FILTER(?o < 3 && ?o > 1) } # <c>"
    )
    assert resolve_base("SELECT * { <a> ?p ?o }") == "SELECT * { <a> ?p ?o }"


def test_min_max_and_order_compare_text() -> None:
    text = "SELECT (MIN(?l) AS ?m) WHERE { ?s ?p ?l } ORDER BY ?s DESC(?m) LIMIT 3"
    out = min_max_by_text(text)
    assert out.count("IF(isLiteral(?l)") == 1
    assert "ORDER BY (IF(isLiteral(?s)" in out
    assert "DESC(?m)" in out  # an aggregate's variable is left alone
    assert out.endswith(" LIMIT 3")


def test_grouped_order_is_left_alone() -> None:
    text = "SELECT ?a (COUNT(*) AS ?n) WHERE { ?a ?b ?c } GROUP BY ?a ORDER BY ?a"
    assert min_max_by_text(text) == text


def test_exists_bound_to_a_variable_is_cast() -> None:
    text = (
        'SELECT * { BIND(EXISTS { ?v <a:b> "}" . { ?a ?b ?c } } AS ?held) '
        "FILTER(NOT EXISTS { ?a ?b ?c }) BIND(IF(EXISTS { ?v ?p 1 }, 1, 2) AS ?s) }"
    )
    out = cast_exists(text)
    assert '#boolean>(EXISTS { ?v <a:b> "}" . { ?a ?b ?c } }) AS ?held)' in out
    assert "FILTER(NOT EXISTS { ?a ?b ?c })" in out
    assert "IF(EXISTS { ?v ?p 1 }, 1, 2)" in out


# a version chain, an unversioned key cited by name, and one OPTIONAL fact
DATA = """
@prefix e: <https://e.org/> .
e:v1 e:versionOf e:w . e:v2 e:versionOf e:w . e:v2 e:year 2014 .
e:c1 e:cites e:v1 . e:c2 e:cites e:w . e:c3 e:cites e:lone .
"""
PREFIX = "PREFIX e: <https://e.org/>\n"
PATH_QUERIES = {
    "bound-object": "SELECT ?s { VALUES ?k { e:w } ?s e:versionOf? ?k . }",
    "bound-subject": "SELECT ?w { VALUES ?k { e:v2 } ?k e:versionOf? ?w }",
    "no-triple-of-its-own": "SELECT ?c { VALUES ?k { e:lone } ?x e:versionOf? ?k . "
    "?c e:cites ?x }",
    "inverse": "SELECT ?s { VALUES ?k { e:w } ?k ^e:versionOf? ?s }",
    "optional-beside": "SELECT ?s ?y { VALUES ?k { e:w } ?s e:versionOf? ?k "
    "OPTIONAL { ?s e:year ?y } }",
    "in-a-subquery": "SELECT ?n { { SELECT (COUNT(*) AS ?n) { VALUES ?k { e:w } "
    "?s e:versionOf? ?k . ?c e:cites ?s } } }",
    "unbound-ends": "SELECT ?s ?o { ?s e:versionOf? ?o }",
}


def _answers(store: ox.Store, text: str) -> list[tuple[str, ...]]:
    """The rows, without the variables the dialect adds (as RemoteStore)."""
    result = store.query(PREFIX + text)
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    keep = [n for n in names if not n.startswith(HIDDEN_VARIABLE)]
    return sorted(tuple(str(row[n]) for n in keep) for row in result)


@pytest.mark.parametrize("name", PATH_QUERIES)
def test_zero_or_one_path_becomes_a_union_with_the_same_answers(name: str) -> None:
    """Virtuoso is sent no ``p?`` path (its transitive subquery loses rows): a
    union of one step and zero steps, which answers as the path does."""
    store = ox.Store()
    store.load(DATA.encode(), format=ox.RdfFormat.TURTLE)
    text = PATH_QUERIES[name]
    rewritten = distinct_optional_paths(text)
    assert "versionOf?" not in rewritten and " UNION " in rewritten
    assert _answers(store, rewritten) == _answers(store, text)


CLOSURE_QUERIES = {
    "start": "SELECT ?x { VALUES (?a ?b) { (e:c1 e:w) } ?a (e:cites|e:versionOf)+ ?x }",
    "end": "SELECT ?x { VALUES (?a ?b) { (e:c1 e:w) } ?x (e:cites|e:versionOf)* ?b }",
    "both-and-a-subquery": "SELECT ?x ?y { VALUES (?a ?b) { (e:c1 e:w) } "
    "?a e:cites+ ?x . { SELECT ?y { VALUES (?a ?b) { (e:c1 e:w) } "
    "?y e:versionOf+ ?b } } }",
}


@pytest.mark.parametrize("name", CLOSURE_QUERIES)
def test_closure_paths_start_from_the_values_given(name: str) -> None:
    """A ``*``/``+`` path whose end a one-row VALUES block binds is sent with
    that value in its place (Virtuoso: "transitive start not given"); the
    answers are the same."""
    store = ox.Store()
    store.load(DATA.encode(), format=ox.RdfFormat.TURTLE)
    text = PREFIX + CLOSURE_QUERIES[name]
    rewritten = paths_from_constants(
        text.replace("e:c1", "<https://e.org/c1>").replace("e:w)", "<https://e.org/w>)")
    )
    assert "?a e:" not in rewritten and ")* ?b" not in rewritten
    assert "+ ?b" not in rewritten
    assert _answers(store, rewritten) == _answers(store, text)
    assert has_closure_path(text)


def test_other_uses_of_the_variables_are_left_alone() -> None:
    text = (
        "SELECT ?x { VALUES (?a) { (<u:1>) } ?a e:p ?x FILTER(?a * 2 > ?x + 1) "
        '{ SELECT ?x { ?a e:p+ ?x } } "?a e:p+ ?b" }'
    )
    assert paths_from_constants(text) == text
    assert not has_closure_path(
        "SELECT (COUNT(*) AS ?n) { ?s ?p ?o FILTER(?o * 2 > 1) }"
    )
    assert not has_closure_path('SELECT * { ?s ?p "a+ b" } # e:p+ ?x')


EXISTS_QUERIES = {
    "and-not": "SELECT ?s ?f { ?s e:versionOf ?w BIND(EXISTS { ?s e:year 2014 } "
    "&& NOT EXISTS { ?c e:cites ?s } AS ?f) }",
    "alone": "SELECT ?s ?f { ?s e:versionOf ?w BIND(EXISTS { ?s e:year ?y } AS ?f) }",
    "in-if": 'SELECT ?s ?f { ?s e:versionOf ?w BIND(IF(EXISTS { ?c e:cites ?s }, "a", '
    '"b") AS ?f) }',
    "no-shared-variable": "SELECT ?s ?f { ?s e:versionOf ?w "
    "BIND(NOT EXISTS { ?a e:year 1900 } AS ?f) }",
}


@pytest.mark.parametrize("name", EXISTS_QUERIES)
def test_exists_in_a_bind_becomes_a_left_join_with_the_same_answers(
    name: str,
) -> None:
    store = ox.Store()
    store.load(DATA.encode(), format=ox.RdfFormat.TURTLE)
    text = EXISTS_QUERIES[name]
    rewritten = exists_out_of_binds(text)
    assert "EXISTS" not in rewritten and "OPTIONAL { SELECT DISTINCT" in rewritten
    assert _answers(store, rewritten) == _answers(store, text)


def test_a_boolean_of_exists_is_ordered_as_it_is() -> None:
    """Virtuoso's compiler fails on an ORDER BY expression over it (SQ156)."""
    text = (
        "SELECT * { ?s ?p ?o BIND(EXISTS { ?s ?q 1 } && ?o AS ?f) } "
        "ORDER BY DESC(?f) ?s"
    )
    assert " ORDER BY DESC(?f) (IF(isLiteral(?s)" in min_max_by_text(text)


def test_bound_in_an_order_key_keeps_its_variable() -> None:
    """BOUND takes a variable, not an expression: an ORDER BY key such as
    ``(IF(BOUND(?a), 0, ?b))`` compares ?b by its text, ?a left as it is."""
    where = "{ ?s ?p ?o OPTIONAL { ?s ?q ?a } }"
    text = f"SELECT * {where} ORDER BY (IF(BOUND(?a), 0, ?o)) ?s"
    out = min_max_by_text(text)
    assert "BOUND(?a)" in out and "(IF(isLiteral(?o)" in out
    ox.Store().query(out)  # still SPARQL


CONCAT_DATA = DATA + "e:c1 e:note e:x . e:c2 e:note e:y . e:c2 e:note e:z ."
CONCAT = "(GROUP_CONCAT(DISTINCT STRAFTER(STR(?n), STR(e:)); separator=' ') AS ?ns)"
CONCAT_QUERIES = {
    "some-unbound": f"SELECT ?c ?ns {{ {{ SELECT ?c {CONCAT} {{ ?c e:cites ?t "
    "OPTIONAL { ?c e:note ?n } } GROUP BY ?c } }",
    "all-bound": f"SELECT * {{ {{ SELECT ?c {CONCAT} {{ ?c e:note ?n }} "
    "GROUP BY ?c } }",
    "outermost": f"SELECT ?c {CONCAT} {{ ?c e:note ?n }} GROUP BY ?c",
}


@pytest.mark.parametrize("name", CONCAT_QUERIES)
def test_group_concat_of_an_unbound_value_stays_unbound(name: str) -> None:
    """Virtuoso would answer "" for c3, which has no note; Oxigraph leaves it
    unbound, and so does the rewritten subquery."""
    store = ox.Store()
    store.load(CONCAT_DATA.encode(), format=ox.RdfFormat.TURTLE)
    text = CONCAT_QUERIES[name]
    rewritten = concat_errors_unbound(text)
    assert ("?itukg_count_1" in rewritten) == (name != "outermost")
    assert _answers(store, rewritten) == _answers(store, text)


def test_inserts_in_blocks_with_the_marker_last() -> None:
    lines = [f"<https://a/s{i}> <https://a/p> {i} ." for i in range(5_000)]
    lines.insert(10, '<https://a/s> <https://a/hash> "h" .')
    updates = VIRTUOSO.insert_updates([("https://a/g", lines)], "https://a/hash")
    ops = updates[0].split(" ;\n")
    assert len(updates) == 1 and len(ops) == 4  # 2,000 + 2,000 + 1,000, the hash
    hash_only = '{\n<https://a/s> <https://a/hash> "h" .\n} }'
    assert ops[-1] == "INSERT DATA { GRAPH <https://a/g> " + hash_only
    replace = VIRTUOSO.insert_updates([("https://a/g", lines)], drop=True)
    assert replace[0].startswith("DROP SILENT GRAPH <https://a/g> ;\nINSERT DATA")
    assert len(OXIGRAPH.insert_updates([("https://a/g", lines)])) == 1


def test_many_blocks_go_in_several_requests() -> None:
    lines = ["<https://a/s> <https://a/p> 1 ."] * 1000
    big = [(f"https://a/g{j}", lines) for j in range(45)]
    updates = VIRTUOSO.insert_updates(big)
    assert len(updates) == 3  # 45,000 triples, 20,000 to a request
    assert sum(u.count("<https://a/s>") for u in updates) == 45_000


KINDS = ("report", "internal", "derive")
QUERIES = {q.name: q for kind in KINDS for q in list_queries(kind)}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_rewritten_named_queries_still_parse(name: str) -> None:
    """Every named query and update, as Virtuoso is sent it, is SPARQL 1.1
    (checked by Oxigraph on an empty store, the defines left out)."""
    query = QUERIES[name]
    text = VIRTUOSO.rewrite(f"BASE <{DEFAULT_BASE}>\n{bind(query.text, {})}")
    if query.kind == "derive":
        ox.Store().update(text)
    else:
        ox.Store().query(text)


def test_graph_iris_become_variables() -> None:
    text = (
        "SELECT * { GRAPH <https://a/g> { ?s ?p ?o } GRAPH ?h { } "
        "GRAPH <https://a/k>{} }"
    )
    assert graph_variables(text) == (
        "SELECT * { VALUES ?itukg_graph_1 { <https://a/g> } GRAPH ?itukg_graph_1 "
        "{ ?s ?p ?o } GRAPH ?h { } "
        "VALUES ?itukg_graph_2 { <https://a/k> } GRAPH ?itukg_graph_2 {} }"
    )


def test_blank_nodes_stay_together_in_templates() -> None:
    lines = [
        line
        for i in range(400)
        for line in (f"_:a{i} <https://a/p> _:b{i} .", f'_:b{i} <https://a/q> "x" .')
    ]
    lines.append("<https://a/s> <https://a/p> 1 .")
    ops = VIRTUOSO.insert_updates([("https://a/g", lines)])[0].split(" ;\n")
    assert ops[0].startswith("INSERT DATA") and ops[0].count(" .") == 1
    templates = ops[1:]
    assert len(templates) == 2 and all(t.endswith("WHERE { }") for t in templates)
    for i in (0, 249, 250, 399):  # a node's triples in one template
        holding = [t for t in templates if f"_:a{i} " in t or f"_:b{i} " in t]
        assert len(holding) == 1
