"""The application as a whole: every route in the OpenAPI schema with a response
model and a summary, schemathesis finds no server error, errors are mapped once
and never show a stack trace, and ``api`` never imports ``ingest``."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from typing import Any

import hypothesis
import schemathesis
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from schemathesis.checks import positive_data_acceptance

from itukg.api.app import create_app
from itukg.api.config import Settings

API = Path(__file__).resolve().parents[2] / "api"


def api_routes(routes: list[Any]) -> list[APIRoute]:
    """The application's routes, included routers opened."""
    out: list[APIRoute] = []
    for r in routes:
        if isinstance(r, APIRoute):
            out.append(r)
        elif hasattr(r, "original_router"):
            out += api_routes(r.original_router.routes)
    return out


def test_every_route_is_documented_with_a_response_model(settings: Settings) -> None:
    app: FastAPI = create_app(settings)
    schema = app.openapi()
    routes = api_routes(list(app.routes))
    assert len(routes) >= 14
    for route in routes:
        if not route.include_in_schema:  # /docs and /redoc
            continue
        path = route.path_format.replace("{key:path}", "{key}")
        assert path in schema["paths"], path
        for method in route.methods - {"HEAD"}:
            op = schema["paths"][path][method.lower()]
            assert op.get("summary"), f"{method} {path} has no summary"
            if {"303", "204"} & set(op["responses"]):  # redirect, OPTIONS
                continue
            content = op["responses"]["200"]["content"]
            assert content, f"{method} {path}: no response content"
            if "application/json" in content:
                assert route.response_model is not None, path
                assert content["application/json"]["schema"], path
            else:
                assert "text/html" in content, path


def test_no_module_of_api_imports_ingest() -> None:
    for path in API.rglob("*.py"):
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n.split(".")[0] == "ingest" for n in names), path


def test_importing_the_app_loads_no_ingest_module() -> None:
    code = (
        "import sys, api.app, api.workers, api.results; "
        "print([m for m in sys.modules if m.split('.')[0] == 'ingest'])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_a_missing_store_is_503_with_the_reason(tmp_path: Path) -> None:
    app = create_app(Settings(store=str(tmp_path / "nowhere")))
    with TestClient(app) as c:
        r = c.get("/instruments/pp/res/130/2014")
    assert r.status_code == 503
    assert r.json()["error"] == "store-unavailable"
    assert "nowhere" in r.json()["message"]


def test_an_unexpected_error_is_500_without_a_stack_trace(settings: Settings) -> None:
    app = create_app(settings)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret detail in /srv/app/x.py line 3")

    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/boom")
    assert r.status_code == 500
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json() == {
        "type": "about:blank",
        "title": "Internal Server Error",
        "status": 500,
        "detail": "internal error (logged by the server)",
        "instance": "/boom",
        "error": "internal",
        "message": "internal error (logged by the server)",
    }


def test_errors_are_pages_for_browsers(client: TestClient) -> None:
    r = client.get("/instruments/pp/res/130/2015", headers={"Accept": "text/html"})
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert 'href="/instruments/pp/res/130/2014"' in r.text


# ---------------------------------------------------------------- schemathesis

SCHEMA_CHECKS = 30  # examples per operation


def test_schemathesis(settings: Settings) -> None:
    """Every operation fuzzed from the schema with all of schemathesis's checks:
    no server error, and answers that keep to the schema (status codes, content
    types, bodies); for /sparql and /queries/{name} all but "schema-valid data is
    accepted", since the one takes free SPARQL text and the other the parameters
    of the query it names. A /sparql time limit (503 by design) is
    out of reach of the fuzzed queries on this store."""
    api = schemathesis.openapi.from_asgi("/openapi.json", create_app(settings))
    failures: list[str] = []
    operations = [result.ok() for result in api.get_all_operations()]
    assert len(operations) >= 14
    for operation in operations:

        @hypothesis.settings(
            max_examples=SCHEMA_CHECKS,
            deadline=None,
            suppress_health_check=list(hypothesis.HealthCheck),
            database=None,
            phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
        )
        @hypothesis.given(case=operation.as_strategy())
        def check(case: Any) -> None:
            # any text is a schema-valid SPARQL query (most are not SPARQL: 400),
            # and what a named query takes depends on the name (else 422)
            free_text = case.path == "/sparql" or case.path.startswith("/queries/")
            case.call_and_validate(
                excluded_checks=[positive_data_acceptance] if free_text else []
            )

        try:
            check()
        except Exception as exc:  # go on: report every operation's failures
            failures.append(f"{operation.method} {operation.path}: {exc}"[:1500])
    assert not failures, "\n\n".join(failures[:10])
