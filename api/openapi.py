"""The OpenAPI document as the service answers: every error response is an
``application/problem+json`` problem (``api.problems``), or an HTML page for a
browser, whatever content type a route declared for it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI

from itukg.api.problems import PROBLEM

ERROR_REF = {"$ref": "#/components/schemas/ErrorOut"}
ERROR_CONTENT = {
    PROBLEM: {"schema": ERROR_REF},
    "text/html": {"schema": {"type": "string"}},  # the error page, for browsers
}


def problem_responses(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with the content of every 4xx and 5xx response made a problem."""
    for path in schema.get("paths", {}).values():
        for op in path.values():
            if not isinstance(op, dict):
                continue
            for status, response in op.get("responses", {}).items():
                if str(status)[:1] in ("4", "5"):
                    response["content"] = dict(ERROR_CONTENT)
    return schema


# OpenAPI links (what a client, or schemathesis in stateful mode, may do next
# with an answer): a search hit's key opens the instrument, whose key leads to
# its edges. (source path, target path, parameter expression)
LINKS = (
    ("/search", "/instruments/{key}", "$response.body#/items/0/key"),
    ("/instruments/{key}", "/instruments/{key}/cites", "$response.body#/key"),
    ("/instruments/{key}", "/instruments/{key}/cited-by", "$response.body#/key"),
    ("/instruments/{key}", "/instruments/{key}/versions", "$response.body#/key"),
)


def add_links(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with the links of ``LINKS`` on the GET operations' 200 answers."""
    paths = schema.get("paths", {})
    for source, target, expression in LINKS:
        get, to = paths.get(source, {}).get("get"), paths.get(target, {}).get("get")
        if get is None or to is None or "operationId" not in to:
            continue
        links = get.setdefault("responses", {}).setdefault("200", {})
        name = target.rsplit("/", 1)[-1].strip("{}")
        links.setdefault("links", {})[name] = {
            "operationId": to["operationId"],
            "parameters": {"key": expression},
        }
    return schema


def install(
    app: FastAPI, extend: Callable[[dict[str, Any]], None] | None = None
) -> None:
    """Replace ``app.openapi`` by the document with problems (and ``extend``
    applied once, e.g. the operations of the named queries)."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build()
            if extend is not None:
                extend(schema)
            app.openapi_schema = add_links(problem_responses(schema))
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
