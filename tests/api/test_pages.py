"""The browser's side of the service: the SPARQL editor at /sparql (YASQE from
the package, the named queries as examples, results as an HTML table, errors in
one line), the named queries as operations and pages (datasette and grlc), and
no page that loads anything from outside the service."""

from __future__ import annotations

import csv
import html
import io
import re
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from fastapi.testclient import TestClient

from itukg.queries import get_query, list_queries
from tests.api.test_http import external_references

BROWSER = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
PUBLIC = [q.name for kind in ("report", "lookup") for q in list_queries(kind)]
KEY = "pp/res/130/2014"
# the JSON Schema types each parameter type of a named query is declared with
SCHEMA_TYPES = {
    "key": {"string"},
    "iri": {"string"},
    "string": {"string"},
    "int": {"integer"},
    "bool": {"boolean"},
    "limit": {"integer", "all"},  # a number of rows, or every row
}


def _json_types(schema: dict[str, Any]) -> set[str]:
    """The types a schema admits (an enum's values stand for themselves)."""
    if "anyOf" in schema:
        return set().union(*(_json_types(s) for s in schema["anyOf"]))
    return set(schema.get("enum") or [schema["type"]])


def test_the_editor_page(client: TestClient) -> None:
    page = client.get("/sparql", headers=BROWSER)
    assert page.status_code == 200
    assert '<script src="/static/yasqe/yasqe.min.js">' in page.text
    assert 'href="/static/yasqe/yasqe.min.css"' in page.text
    names = re.findall(r'data-name="([^"]+)"', page.text)
    assert names == PUBLIC
    for asset in ("/static/yasqe/yasqe.min.js", "/static/editor.js"):
        assert client.get(asset).status_code == 200


def test_a_query_without_prefixes_gives_an_html_table(client: TestClient) -> None:
    query = "SELECT ?key WHERE { ?i itu:key ?key } ORDER BY ?key LIMIT 3"
    page = client.get("/sparql", params={"query": query}, headers=BROWSER)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert '<h2 id="count">3 rows</h2>' in page.text
    assert html.escape(query, quote=False) in page.text  # kept in the editor


def test_an_error_is_one_line_on_the_page(client: TestClient) -> None:
    query = "SELECT ?key WHERE { ?i nope:key ?key }"
    page = client.get("/sparql", params={"query": query}, headers=BROWSER)
    assert page.status_code == 400
    error = re.search(r'<p id="error"[^>]*>([^<]*)</p>', page.text)
    assert error is not None
    assert error.group(1).startswith("bad SPARQL: error at 1:")
    assert "prefix" in error.group(1)


def test_one_operation_per_named_query(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for name in PUBLIC:
        op = paths[f"/queries/{name}"]["get"]
        declared = {p.name: p for p in get_query(name).params}
        params = {p["name"]: p for p in op["parameters"]}
        assert set(declared) <= set(params)
        assert {"format", "offset", "limit"} <= set(params)
        for pname, p in declared.items():
            schema = params[pname]["schema"]
            assert params[pname]["required"] == (p.default is None)
            assert _json_types(schema) == SCHEMA_TYPES[p.type], (pname, schema)
            if p.type == "key":
                assert "pattern" in schema
        content = op["responses"]["200"]["content"]
        assert {"application/json", "text/csv", "text/html"} <= set(content)
    assert "/queries/{name}" not in paths


def test_a_named_query_as_json_csv_and_html(client: TestClient) -> None:
    url = f"/queries/cites?key={KEY}"
    as_json = client.get(url).json()
    rows = list(csv.DictReader(io.StringIO(client.get(url + "&format=csv").text)))
    assert len(rows) == as_json["total"] == 49
    as_csv = client.get(url, headers={"Accept": "text/csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    page = client.get(url, headers=BROWSER)
    assert page.headers["content-type"].startswith("text/html")
    assert page.text.count("<tr>") == 50  # the header and 49 rows
    assert "VALUES (?key ?aggregate)" in page.text  # the SPARQL text, bound
    link = re.search(r'<a href="([^"]+)" id="open-in-editor"', page.text)
    assert link is not None
    target = html.unescape(link.group(1))
    assert urlparse(target).path == "/sparql"
    opened = client.get(target, headers=BROWSER)
    assert opened.status_code == 200
    assert '<h2 id="count">49 rows</h2>' in opened.text
    assert parse_qs(urlparse(target).query)["query"][0].startswith("BASE <")


def test_a_named_query_page_without_its_parameters_is_a_form(
    client: TestClient,
) -> None:
    page = client.get("/queries/cites", headers=BROWSER)
    assert page.status_code == 200
    assert 'name="key"' in page.text and 'id="rows"' not in page.text


PAGES = [
    "/",
    "/?q=busan",
    f"/instruments/{KEY}",
    "/instruments/pp/res/130/2015",
    "/sparql",
    "/sparql?query=ASK%20%7B%7D",
    "/queries/cites",
    f"/queries/cites?key={KEY}",
    "/queries/most-cited",
    "/docs",
    "/redoc",
]


@pytest.mark.parametrize("path", PAGES)
def test_no_page_loads_anything_from_elsewhere(client: TestClient, path: str) -> None:
    page = client.get(path, headers=BROWSER)
    assert page.headers["content-type"].startswith("text/html")
    assert external_references(page.text) == []
