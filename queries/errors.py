"""Errors of the query layer, mapped once by each front end (CLI: exit 2;
HTTP: 404 / 400)."""

from __future__ import annotations

from itukg.ontology.errors import ItukgError


class QueryNotFound(ItukgError):
    """No named query has that name."""


class QueryParamError(ItukgError):
    """A parameter is missing, unknown or not of its declared type."""


class QueryDefinitionError(ItukgError):
    """A .rq file's header is malformed (caught by the tests, never at run time)."""
