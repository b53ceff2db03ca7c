"""The project's prefixes predeclared for ``/sparql``: a query that uses ``itu:``,
``cito:``, ``rdfs:`` … without PREFIX lines runs as if it had them. The
declarations it lacks are prepended on one line, so that a syntax error's
position is moved back by that line (``shift``)."""

from __future__ import annotations

import re

from itukg.api.protocol import blank
from itukg.ontology.vocab import PREFIXES

_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.I)
_WHERE = re.compile(r"\berror at (\d+):(\d+)")


def declared(query: str) -> set[str]:
    """The prefixes the query declares itself (its strings and IRIs ignored)."""
    return {m.group(1) or "" for m in _DECLARED.finditer(blank(query))}


def with_prefixes(query: str) -> tuple[str, int]:
    """``(query with the missing declarations first, lines added)``."""
    have = declared(query)
    missing = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p not in have]
    if not missing:
        return query, 0
    return " ".join(missing) + "\n" + query, 1


def shift(message: str, lines: int) -> str:
    """A parser's message with its ``error at L:C`` moved back ``lines`` lines."""
    if not lines:
        return message
    return _WHERE.sub(
        lambda m: f"error at {int(m.group(1)) - lines}:{m.group(2)}", message
    )


def declarations() -> str:
    """The predeclared prefixes, one PREFIX line each (for the editor)."""
    return "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items())
