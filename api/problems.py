"""RFC 9457 problem details: every error the service answers to a machine is an
``application/problem+json`` body. The problem type is ``about:blank`` (the
HTTP status says what kind of problem it is, ``title`` is its reason phrase);
``detail`` says what is wrong in one line; the extension members ``error`` (a
stable code, e.g. ``not-found``) and ``message`` (the same text as ``detail``)
keep the shape the clients of the earlier ``{"error", "message"}`` bodies read,
and ``closest`` or ``grammar`` help to correct a key."""

from __future__ import annotations

import json
import re
from http import HTTPStatus
from typing import Any

from fastapi import Request
from fastapi.responses import Response

PROBLEM = "application/problem+json"
MAX_DETAIL = 300  # characters of a one-line detail

# oxigraph's syntax errors list the character ranges it expected, over lines
_RANGES = re.compile(r",?\s*\[[^\]]*\]")
_SPACE = re.compile(r"\s+")
_NO_PREFIX = re.compile(r"^(.*?error at \d+:\d+):.*Prefix not found", re.S)


def one_line(message: str) -> str:
    """``message`` as one readable line: the character ranges a parser expected
    left out (the words it expected kept), at most MAX_DETAIL characters."""
    m = _NO_PREFIX.match(message)
    if m:
        return f"{m.group(1)}: a prefix that no PREFIX line declares"
    text = _RANGES.sub("", message)
    text = _SPACE.sub(" ", text).strip().rstrip(",") or "error"
    if len(text) > MAX_DETAIL:
        text = text[: MAX_DETAIL - 1] + "…"
    return text


def title(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def body(
    status: int, code: str, detail: str, instance: str, extra: dict[str, Any]
) -> dict[str, Any]:
    """The members of one problem: the standard ones, then the extensions."""
    return {
        "type": "about:blank",
        "title": title(status),
        "status": status,
        "detail": detail,
        "instance": instance,
        "error": code,
        "message": detail,
        **extra,
    }


def problem(
    request: Request,
    status: int,
    code: str,
    detail: str,
    extra: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """The ``application/problem+json`` response for one error."""
    doc = body(status, code, detail, request.url.path, extra or {})
    text = json.dumps(doc, ensure_ascii=False)
    return Response(text, status, headers, media_type=PROBLEM)
