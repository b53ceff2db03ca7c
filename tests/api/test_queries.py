"""``/queries``: every public named query (reports and the service's lookups),
described from its header and run by name with its parameters."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from itukg.ontology import iri
from itukg.ontology.store import open_store
from itukg.queries import get_query, list_queries, run_query

PUBLIC = [q.name for kind in ("report", "lookup") for q in list_queries(kind)]
LOOKUPS = [q.name for q in list_queries("lookup")]


def test_every_public_query_is_listed_with_its_header(client: TestClient) -> None:
    listed = client.get("/queries").json()
    assert [q["name"] for q in listed] == PUBLIC
    for q in listed:
        query = get_query(q["name"])
        assert q["summary"] == query.summary
        assert [p["name"] for p in q["params"]] == [p.name for p in query.params]
        assert q["url"].endswith(f"/queries/{q['name']}")


@pytest.mark.parametrize("name", PUBLIC)
def test_every_public_query_runs_with_its_examples(
    client: TestClient, store_path: str, name: str
) -> None:
    params = {p.name: p.example or "" for p in get_query(name).params}
    r = client.get(f"/queries/{name}", params={**params, "limit": 1000})
    assert r.status_code == 200, r.text
    body = r.json()
    expected = run_query(open_store(store_path, read_only=True), name, params)
    assert body["columns"] == list(expected.columns)
    assert body["total"] == len(expected.rows)
    assert body["items"] == expected.records()[:1000]


# (query, parameters): queries whose JSON pages the store cuts (a *-total count)
COUNTED = [
    ("cites", {"key": "pp/res/130/2014"}),
    ("cited-by", {"key": "wtdc/res/69/2010"}),
    ("cited-by", {"key": "council/res/1305", "aggregate": "false"}),
]


@pytest.mark.parametrize(
    ("name", "params"), COUNTED, ids=[f"{n}-{p['key']}" for n, p in COUNTED]
)
def test_pages_of_a_counted_query_walk_its_rows(
    client: TestClient, store_path: str, name: str, params: dict[str, str]
) -> None:
    expected = run_query(open_store(store_path, read_only=True), name, params)
    walked: list[dict[str, object]] = []
    body = client.get(f"/queries/{name}", params={**params, "limit": 1}).json()
    while True:
        assert body["total"] == len(expected.rows), body
        walked += body["items"]
        if not body["next"]:
            break
        body = client.get(body["next"]).json()
    assert walked == expected.records()
    assert len(expected.rows) > 1


@pytest.mark.parametrize("name", LOOKUPS)
def test_lookup_queries_are_ordered_selects_with_examples(name: str) -> None:
    """The service's own queries follow the rules of the reports."""
    query = get_query(name)
    lines = query.text.splitlines()
    body = "\n".join(line for line in lines if not line.startswith("#"))
    assert re.search(r"\bORDER\s+BY\b", body, re.I)
    result = ox.Store().query(f"BASE <{iri.DEFAULT_BASE}>\n{query.text}")
    assert isinstance(result, ox.QuerySolutions)
    columns = [v.value for v in result.variables]
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", c) for c in columns), columns
    assert all(p.example for p in query.params)


ERRORS = [
    ("/queries/no-such-query", 404, "not-found"),
    ("/queries/graph-by-hash?hash=0", 404, "not-found"),  # internal: not served
    ("/queries/cites", 422, "invalid-parameter"),
    ("/queries/cites?key=not%20a%20key", 422, "invalid-parameter"),
    ("/queries/most-cited?key=pp/res/130", 422, "invalid-parameter"),
]


@pytest.mark.parametrize(("path", "status", "error"), ERRORS)
def test_query_errors(client: TestClient, path: str, status: int, error: str) -> None:
    r = client.get(path)
    assert r.status_code == status
    assert r.json()["error"] == error
