"""What ``/sparql`` accepts before a query reaches a query process (SPARQL 1.1
Protocol): one query, read-only. Updates are refused (403), found in the query
text once strings, IRIs and comments are blanked out. Federated queries (SERVICE)
are refused by the query process, which parses the query (``api.algebra``)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs

from itukg.api.errors import BadSparql, SparqlRefused

FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"

_LEXICAL = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"
    r"|#[^\n]*",
    re.S,
)
_PROLOGUE = re.compile(
    r"\s*(?:(?:PREFIX\s+[^\s:]*:\s*|BASE\s+)\S*\s*)*", re.I
)  # IRIs are already blanked to ""
_FORM = re.compile(r"\s*(\w+)")
QUERY_FORMS = {"select", "construct", "describe", "ask"}
UPDATE_FORMS = {
    "insert", "delete", "load", "clear", "create", "drop", "copy", "move", "add",
    "with",
}  # fmt: skip


def blank(text: str) -> str:
    """The query with its strings and IRIs replaced by ``""``, its comments by a
    space."""
    return _LEXICAL.sub(lambda m: " " if m.group().startswith("#") else '""', text)


def check_query(text: str) -> str:
    """The query when this endpoint may run it; raise BadSparql or SparqlRefused."""
    if not text.strip():
        raise BadSparql("the query is empty")
    code = blank(text)
    rest = code[_PROLOGUE.match(code).end() :]  # type: ignore[union-attr]
    m = _FORM.match(rest)
    form = m.group(1).lower() if m else ""
    if form in UPDATE_FORMS:
        raise SparqlRefused("this endpoint is read-only: updates are refused")
    if form not in QUERY_FORMS:
        raise BadSparql(
            "not a SPARQL query: expected SELECT, CONSTRUCT, DESCRIBE or ASK "
            "after the prologue"
        )
    return text


def query_of(
    method: str, content_type: str, body: bytes, params: dict[str, list[str]]
) -> str:
    """The one query of a request: ``query=`` in the URL (GET) or the form (POST
    form), or the whole body (POST ``application/sparql-query``)."""
    media = content_type.split(";")[0].strip().lower()
    if method == "POST":
        if media == UPDATE:
            raise SparqlRefused("this endpoint is read-only: updates are refused")
        if media == QUERY:
            params = {**params, "query": [body.decode("utf-8", "replace")]}
        elif media == FORM:
            form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            params = {**params, **form}
        else:
            raise BadSparql(
                f"send the query as {FORM} (query=…) or as {QUERY}, not {media!r}"
            )
    if "update" in params:
        raise SparqlRefused("this endpoint is read-only: updates are refused")
    if "default-graph-uri" in params or "named-graph-uri" in params:
        raise BadSparql(
            "default-graph-uri and named-graph-uri are not supported: the default "
            "graph is the union of all graphs (use GRAPH, FROM or FROM NAMED)"
        )
    queries = params.get("query", [])
    if len(queries) != 1:
        raise BadSparql("give exactly one query (the query parameter)")
    return check_query(queries[0])
