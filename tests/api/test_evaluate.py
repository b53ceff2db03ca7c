"""What a query process answers (``api.results.evaluate``) on the fixture store:
user queries are parsed first (SERVICE refused, unreadable text 400), the
lookups' named queries are run as they are, with the same rows as in-process."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from itukg.api.results import SRJ, evaluate
from itukg.api.tables import TABLE, read_table, table_type
from itukg.ontology.store import open_store
from itukg.queries import run_query
from itukg.queries.run import Window, bound_query, table

SERVICE = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
ANY = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"

# (query, named, status): only the SPARQL endpoint's user queries are parsed
STATUS = [
    (SERVICE, False, "refused"),
    (ANY, False, "ok"),
    (ANY, True, "ok"),
    ("SELEC nothing", False, "bad-query"),
    ("SELEC nothing", True, "bad-query"),
]


@pytest.mark.parametrize(("query", "named", "status"), STATUS)
def test_status(store_path: str, query: str, named: bool, status: str) -> None:
    store = open_store(store_path, read_only=True)
    assert evaluate(store, query, SRJ, 10, named)[0] == status


# (named query, parameters): run by a lookups' process, the rows of run_query
NAMED = [
    ("supersedes", {"key": "pp/res/130"}),
    ("superseded-by", {"key": "pp/res/182/2010"}),
    ("instrument-counts", {"key": "wtdc/res/69/2010"}),
    ("amendments-of", {"key": "pp/res/130"}),
    ("citing-neighbours", {"key": "wtdc/res/69/2010"}),
]


@pytest.mark.parametrize(("name", "params"), NAMED)
def test_named_queries_give_the_rows_of_run_query(
    store_path: str, name: str, params: dict[str, str]
) -> None:
    store = open_store(store_path, read_only=True)
    status, _, body = evaluate(store, bound_query(name, params), SRJ, 10_000, True)
    assert status == "ok"
    got = table(ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON))
    expected = run_query(store, name, params)
    assert got == expected and expected.rows


# (named query, parameters, page): what a lookup's process sends back as a table
TABLES = [
    *((n, p, None) for n, p in NAMED),
    ("cites", {"key": "pp/res/130/2014"}, Window(0, 1000)),
    ("cited-by", {"key": "pp/res/130"}, Window(2, 5)),
    ("versions", {"key": "pp/res/130"}, None),
]


@pytest.mark.parametrize(("name", "params", "window"), TABLES)
def test_a_lookup_gets_the_table_of_run_query(
    store_path: str, name: str, params: dict[str, str], window: Window | None
) -> None:
    """Asked for a table (api.tables), the query process gives the table
    run_query gives (keys, integers, booleans, unbound values) and no row past
    the cap."""
    store = open_store(store_path, read_only=True)
    base = "https://w3id.org/itukg/"
    text = bound_query(name, params, base, window)
    status, media, body = evaluate(store, text, table_type(base), 10_000, True)
    assert (status, media) == ("ok", TABLE)
    expected = run_query(store, name, params, base, window)
    assert read_table(body) == expected and expected.rows
    few = len(expected.rows) - 1
    assert evaluate(store, text, table_type(base), few, True)[0] == "too-many-results"
