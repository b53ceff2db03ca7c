"""HTTP habits of every route: RFC 9457 problems for every error (SPARQL
included), HEAD wherever GET is, ETag and Cache-Control from the store snapshot
with 304 on If-None-Match, ``?format=`` beside Accept, the project's prefixes
predeclared in /sparql, and /docs and /redoc served from local assets."""

from __future__ import annotations

import re

import pytest
import rdflib
from fastapi.testclient import TestClient

PROBLEM = "application/problem+json"
KEY = "pp/res/130/2014"

# (method, path, status, error code)
ERRORS = [
    ("GET", "/instruments/pp/res/130/2015", 404, "not-found"),
    ("GET", "/instruments/pp/resolution/130", 422, "invalid-key"),
    ("GET", "/queries/cites", 422, "invalid-parameter"),
    ("GET", "/queries/no-such-query", 404, "not-found"),
    ("GET", "/no/such/route/at/all", 404, "not-found"),
    ("DELETE", "/search?q=x", 405, "method-not-allowed"),
    ("GET", "/search", 422, "invalid-parameter"),
    ("GET", "/sparql?query=SELEC", 400, "bad-query"),
    ("GET", "/sparql?query=DELETE%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D", 403, "refused"),
]


@pytest.mark.parametrize(("method", "path", "status", "code"), ERRORS)
def test_every_error_is_a_problem(
    client: TestClient, method: str, path: str, status: int, code: str
) -> None:
    r = client.request(method, path)
    assert r.status_code == status
    assert r.headers["content-type"] == PROBLEM
    body = r.json()
    assert body["type"] == "about:blank"
    assert body["status"] == status
    assert body["title"] and body["detail"] == body["message"]
    assert "\n" not in body["detail"]
    assert body["error"] == code
    assert body["instance"] == path.split("?")[0]


def test_a_sparql_syntax_error_is_one_line_at_the_right_place(
    client: TestClient,
) -> None:
    query = "SELECT * WHERE {\n  ?s nope:key ?k }"
    r = client.get("/sparql", params={"query": query})
    assert r.status_code == 400
    detail = r.json()["detail"]
    assert "error at 2:" in detail  # the predeclared prefixes shift nothing
    assert "prefix" in detail and "\\u{" not in detail and len(detail) < 200


def test_the_project_prefixes_are_predeclared(client: TestClient) -> None:
    query = "SELECT ?k WHERE { ?s itu:key ?k ; rdfs:label ?l } ORDER BY ?k LIMIT 1"
    r = client.get("/sparql", params={"query": query})
    assert r.status_code == 200, r.text
    assert r.json()["head"]["vars"] == ["k"]
    # a declaration of its own wins over the predeclared one
    mine = "PREFIX itu: <urn:x:>\nASK { ?s itu:key ?k }"
    assert client.get("/sparql", params={"query": mine}).json()["boolean"] is False


def test_openapi_declares_problems_for_errors(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    op = schema["paths"]["/instruments/{key}"]["get"]
    assert set(op["responses"]["404"]["content"]) == {PROBLEM, "text/html"}
    sparql = schema["paths"]["/sparql"]["get"]
    assert set(sparql["responses"]["400"]["content"]) == {PROBLEM, "text/html"}


HEAD_PATHS = [
    "/",
    f"/instruments/{KEY}",
    f"/instruments/{KEY}/cites",
    "/queries",
    f"/queries/cites?key={KEY}",
    "/search?q=busan",
    "/sparql",
    "/sparql?query=ASK%20%7B%7D",
    "/docs",
    "/redoc",
    "/openapi.json",
]


@pytest.mark.parametrize("path", HEAD_PATHS)
def test_head_wherever_get(client: TestClient, path: str) -> None:
    get = client.get(path)
    head = client.head(path)
    assert get.status_code == head.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-length"] == get.headers["content-length"]
    assert head.headers["etag"] == get.headers["etag"]


def test_etag_and_304(client: TestClient) -> None:
    path = f"/instruments/{KEY}/cites"
    r = client.get(path)
    etag = r.headers["etag"]
    assert re.fullmatch(r'W/"[0-9a-f]{24}"', etag)
    assert "max-age" in r.headers["cache-control"]
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b"" and again.headers["etag"] == etag
    assert client.get(path, headers={"If-None-Match": 'W/"other"'}).status_code == 200
    # another representation is another ETag
    ttl = client.get(path, headers={"Accept": "text/turtle"})
    assert ttl.headers["etag"] != etag
    # errors are not cached
    missing = client.get("/instruments/pp/res/130/2015")
    assert "etag" not in missing.headers


@pytest.mark.parametrize(
    ("fmt", "media"),
    [
        ("json", "application/json"),
        ("jsonld", "application/ld+json"),
        ("ttl", "text/turtle"),
    ],
)
def test_format_parameter(client: TestClient, fmt: str, media: str) -> None:
    r = client.get(f"/instruments/{KEY}", params={"format": fmt})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(media)
    as_accept = client.get(f"/instruments/{KEY}", headers={"Accept": media})
    if fmt == "json":
        assert r.json() == as_accept.json()
    if fmt == "ttl":
        g = rdflib.Graph().parse(data=r.text, format="turtle")
        assert len(g) > 10


def test_format_parameter_on_sparql_and_queries(client: TestClient) -> None:
    r = client.get("/sparql", params={"query": "ASK {}", "format": "json"})
    assert r.headers["content-type"] == "application/sparql-results+json"
    r = client.get("/queries/cites", params={"key": KEY, "format": "ttl"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/turtle")


REFERENCE = re.compile(
    r"""(?:src|href)\s*=\s*["']?\s*((?:https?:)?//[^"'\s>]*)""", re.I
)


def external_references(html: str, origin: str = "http://testserver") -> list[str]:
    """The ``src`` and ``href`` URLs of a page that leave the service (whose
    own absolute URLs start with ``origin``)."""
    found = (m.group(1) for m in REFERENCE.finditer(html))
    return [u for u in found if not u.startswith(origin + "/")]


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_docs_load_nothing_from_elsewhere(client: TestClient, path: str) -> None:
    page = client.get(path, headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert external_references(page.text) == []
    assets = re.findall(r"""(?:src|href)=["'](/static/[^"']+)""", page.text)
    assert assets
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
