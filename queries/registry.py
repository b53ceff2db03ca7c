"""Named queries: one ``.rq`` file per query, its name the file stem, described by a
``#+`` YAML header (grlc's decorator syntax), parsed strictly: an unknown key or a
declared parameter that the query does not use is an error.

    #+ summary: What an instrument cites
    #+ params:
    #+   key: {type: key, description: "an instrument key, e.g. pp/res/130/2014"}

A parameter of type ``limit`` is not bound as a term (SPARQL has no variable
LIMIT): the query holds exactly one ``LIMIT`` clause, with the parameter's
default, and the runner puts the asked number there; the file stays valid SPARQL
that runs as it is with the default; ``all`` drops the clause (every row).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from itukg.queries.errors import QueryDefinitionError, QueryNotFound

_HEADER_KEYS = {"summary", "description", "params", "tags", "kind"}
_PARAM_KEYS = {"type", "description", "default", "example"}
TYPES = ("key", "iri", "string", "int", "bool", "limit")
LIMIT = re.compile(r"\bLIMIT\s+(\d+)")  # as the .rq files write it: upper case


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    description: str
    default: str | None = None
    example: str | None = None


@dataclass(frozen=True)
class Query:
    name: str
    kind: str  # "report" (public), "internal" or "derive" (updates)
    summary: str
    description: str
    tags: tuple[str, ...]
    params: tuple[Param, ...]
    text: str


def _header(name: str, text: str) -> dict[str, Any]:
    lines = [line[2:] for line in text.splitlines() if line.startswith("#+")]
    try:
        data = yaml.safe_load("\n".join(line.removeprefix(" ") for line in lines)) or {}
    except yaml.YAMLError as exc:
        raise QueryDefinitionError(f"{name}: bad #+ header: {exc}") from None
    if not isinstance(data, dict):
        raise QueryDefinitionError(f"{name}: the #+ header must be a mapping")
    unknown = set(data) - _HEADER_KEYS
    if unknown:
        raise QueryDefinitionError(f"{name}: unknown header keys {sorted(unknown)}")
    return data


def _body(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith("#"))


def _check_used(name: str, pname: str, spec: dict[str, Any], text: str) -> None:
    """A parameter is used in the query: a variable of its name, or for a
    ``limit`` the one LIMIT clause, whose number is the parameter's default."""
    body = _body(text)
    if spec["type"] == "limit":
        found = LIMIT.findall(body)
        if len(found) != 1 or found[0] != str(spec.get("default")):
            raise QueryDefinitionError(
                f"{name}: parameter {pname} needs one LIMIT clause, of its default"
            )
    elif not re.search(rf"[?$]{re.escape(pname)}\b", body):
        raise QueryDefinitionError(
            f"{name}: parameter {pname} is not used in the query"
        )


def parse_query(name: str, text: str, kind: str) -> Query:
    """A Query from the text of its file; raise QueryDefinitionError when the header
    is malformed."""
    data = _header(name, text)
    if not data.get("summary"):
        raise QueryDefinitionError(f"{name}: the header needs a summary")
    params = []
    for pname, spec in (data.get("params") or {}).items():
        if not isinstance(spec, dict) or set(spec) - _PARAM_KEYS:
            raise QueryDefinitionError(
                f"{name}: parameter {pname}: bad declaration {spec!r}"
            )
        if spec.get("type") not in TYPES:
            raise QueryDefinitionError(
                f"{name}: parameter {pname}: type must be one of {TYPES}"
            )
        _check_used(name, pname, spec, text)
        default = spec.get("default")
        params.append(
            Param(
                pname,
                spec["type"],
                str(spec.get("description", "")),
                None if default is None else str(default),
                None if spec.get("example") is None else str(spec["example"]),
            )
        )
    return Query(
        name=name,
        kind=str(data.get("kind", kind)),
        summary=str(data["summary"]),
        description=str(data.get("description", "")).strip(),
        tags=tuple(data.get("tags") or ()),
        params=tuple(params),
        text=text,
    )


@lru_cache(maxsize=1)
def _all() -> dict[str, Query]:
    root = resources.files("itukg.queries")
    found: dict[str, Query] = {}
    for folder, kind, suffix in (
        ("", "report", ".rq"),
        ("internal", "internal", ".rq"),
        ("derive", "derive", ".ru"),
    ):
        base = root.joinpath(folder) if folder else root
        for entry in sorted(base.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(suffix):
                name = entry.name[: -len(suffix)]
                found[name] = parse_query(name, entry.read_text("utf-8"), kind)
    return found


def list_queries(kind: str = "report") -> list[Query]:
    """The named queries of one kind, by name."""
    return [q for q in _all().values() if q.kind == kind]


def get_query(name: str) -> Query:
    try:
        return _all()[name]
    except KeyError:
        raise QueryNotFound(f"no query named {name!r}") from None
