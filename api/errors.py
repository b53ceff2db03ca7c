"""The service's errors and the one table that maps every error of the project to
an HTTP answer (datasette's ``handle_exception``): an RFC 9457
``application/problem+json`` body (``api.problems``; an HTML page for browsers),
never a stack trace."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from itukg.api import html, problems
from itukg.api.negotiate import wants_html
from itukg.ontology.errors import InvalidKey, ItukgError
from itukg.ontology.keys import CONFERENCE_BODIES
from itukg.ontology.store import StoreError
from itukg.queries.errors import QueryNotFound, QueryParamError

log = logging.getLogger("itukg.api")

# The key grammar of the contract (design/contract.md section 1), for the answer
# to a malformed key.
KEY_GRAMMAR = (
    f"{{body}}/{{res|dec|rec}}/{{n}}[/{{year}}], body one of "
    f"{' '.join(CONFERENCE_BODIES)} (e.g. pp/res/130/2014)",
    "wtpf/opinion/{n}/{year}",
    "ra/res/{n}[-{rev}]",
    "unga/res/{session}/{n}[letter] (e.g. unga/res/55/63)",
    "itu-t/rec/{series}.{n}, itu-r/rec/{series}.{n}[-{rev}]",
    "{itu-t|itu-r|itu-d}/question/{q}/{sg}",
    "itu/{constitution|convention|rr}/{art|no}/{n}",
    "wsis/{geneva-declaration|geneva-plan-of-action|tunis-commitment|tunis-agenda}, "
    "wsis/action-line/{c1…c11}",
    "{body}/{year}/doc/{n}[/add/{k}][/rev/{k}], {body}/{year}/final-acts",
    "doc/{file stem}",
)


class ApiError(ItukgError):
    """An error the service answers with ``status``; ``code`` names it in the body."""

    status = 500
    code = "error"

    def extra(self) -> dict[str, Any]:
        return {}


class UnknownInstrument(ApiError):
    """A well-formed key that the graph does not know."""

    status = 404
    code = "not-found"

    def __init__(self, key: str, closest: list[str]) -> None:
        super().__init__(f"no instrument {key!r} in the graph")
        self.key = key
        self.closest = closest

    def extra(self) -> dict[str, Any]:
        return {"closest": self.closest}


class BadSparql(ApiError):
    """The request is not a SPARQL query this endpoint can parse."""

    status = 400
    code = "bad-query"


class SparqlRefused(ApiError):
    """Updates and federated queries (SERVICE): the endpoint is read-only and local."""

    status = 403
    code = "refused"


class NotAcceptable(ApiError):
    status = 406
    code = "not-acceptable"


class TooManyResults(ApiError):
    """More rows than the endpoint's cap: an error, never a truncated answer."""

    status = 422
    code = "too-many-results"


class QueryTimeout(ApiError):
    """The query ran past the time limit and was stopped."""

    status = 503
    code = "timeout"


class Unavailable(ApiError):
    status = 503
    code = "unavailable"


# One table: error class -> (status, code). The first matching class wins.
STATUS: tuple[tuple[type[Exception], int, str], ...] = (
    (QueryNotFound, 404, "not-found"),
    (QueryParamError, 422, "invalid-parameter"),
    (InvalidKey, 422, "invalid-key"),
    (StoreError, 503, "store-unavailable"),
    (RequestValidationError, 422, "invalid-parameter"),
)


def answer(request: Request, exc: Exception) -> Response:
    """The response for an error of the project (and 500 for anything else)."""
    status, code, extra = 500, "internal", {}
    message = str(exc)
    if isinstance(exc, ApiError):
        status, code, extra = exc.status, exc.code, exc.extra()
    else:
        for cls, st, cd in STATUS:
            if isinstance(exc, cls):
                status, code = st, cd
                break
        else:
            log.error("unexpected error on %s", request.url.path, exc_info=exc)
            message = "internal error (logged by the server)"
    if isinstance(exc, RequestValidationError):
        message = "; ".join(_problem(e) for e in exc.errors())
    if isinstance(exc, InvalidKey):
        extra = {"grammar": list(KEY_GRAMMAR)}
    if isinstance(exc, StoreError):
        log.warning("store error: %s", exc)
    message = problems.one_line(message)
    if wants_html(request.headers.get("accept")):
        body = {"error": code, "message": message, **extra}
        return html.render(request, "error.html", {"error": body}, status)
    return problems.problem(request, status, code, message, extra)


def _problem(error: Any) -> str:
    where = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
    return f"{where}: {error.get('msg', 'invalid')}"


async def _handler(request: Request, exc: Exception) -> Response:
    return answer(request, exc)


async def _http_handler(request: Request, exc: Exception) -> Response:
    """Starlette's own errors (no such route, method not allowed) in the same
    shape, their headers (``Allow``) kept."""
    assert isinstance(exc, HTTPException)
    code = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "error")
    message = str(exc.detail)
    if wants_html(request.headers.get("accept")):
        body = {"error": code, "message": message}
        page = html.render(request, "error.html", {"error": body}, exc.status_code)
        page.headers.update(exc.headers or {})
        return page
    return problems.problem(
        request, exc.status_code, code, message, headers=dict(exc.headers or {})
    )


def install(app: FastAPI) -> None:
    """Map the project's errors (and any other exception) once, for every route."""
    app.add_exception_handler(ItukgError, _handler)
    app.add_exception_handler(RequestValidationError, _handler)
    app.add_exception_handler(HTTPException, _http_handler)
    app.add_exception_handler(Exception, _handler)
