"""What a ``/sparql`` query asks for, read by a SPARQL parser (rdflib's), not by
patterns over its text: whether its algebra holds a federated part (SERVICE,
refused whatever its spelling: case, ``\\u`` escapes, comments, nesting in
OPTIONAL, UNION, subqueries or FILTER EXISTS) and whether it names its own dataset
(FROM / FROM NAMED, which is then honoured instead of the union default graph).

A query the parser cannot read is refused as well (400): what cannot be read
cannot be shown to stay local. This runs in the query processes
(``api.results``), so a query built to make the parser slow meets the same time
limit as any other."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pyparsing import ParseResults
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue

from itukg.api.errors import BadSparql, SparqlRefused

_SERVICE = "ServiceGraphPattern"


@dataclass(frozen=True)
class Shape:
    """What the evaluation needs to know of a query: does it name its dataset?"""

    dataset: bool


def _parsed(text: str) -> Any:
    try:
        return parseQuery(text)
    except RecursionError:
        raise BadSparql("the query is nested too deeply to be read") from None
    except Exception as exc:  # pyparsing's errors carry the position
        reason = " ".join(str(exc).split())[:300]
        raise BadSparql(f"not a SPARQL query this endpoint reads: {reason}") from None


def _nodes(value: Any, depth: int = 0) -> Iterator[CompValue]:
    """Every node of a parse tree (lists and nested values included)."""
    if depth > 2000:
        raise BadSparql("the query is nested too deeply to be read")
    if isinstance(value, CompValue):
        yield value
        for child in value.values():
            yield from _nodes(child, depth + 1)
    elif isinstance(value, list | tuple | ParseResults):
        for child in value:
            yield from _nodes(child, depth + 1)


def inspect(text: str) -> Shape:
    """The query's shape; raise SparqlRefused for any SERVICE, BadSparql for text
    the parser cannot read (updates are refused before, by ``api.protocol``)."""
    tree = _parsed(text)
    names = {node.name for node in _nodes(tree)}
    if _SERVICE in names:
        raise SparqlRefused("federated queries (SERVICE) are refused here")
    return Shape(dataset="DatasetClause" in names)
