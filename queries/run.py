"""The single path that runs a named query: coerce the parameters by their declared
type, bind them (never paste them into the query text) and turn the results into a
table whose IRIs under the base are shown as keys."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

import pyoxigraph as ox

from itukg.ontology import iri, keys
from itukg.ontology.errors import InvalidKey
from itukg.ontology.store import GraphStore, Result, Term
from itukg.ontology.vocab import ITU, XSD
from itukg.queries.errors import QueryDefinitionError, QueryParamError
from itukg.queries.registry import LIMIT, Query, get_query

Value = str | int | float | bool | None
_ITU = str(ITU)
XSD_BOOLEAN = ox.NamedNode(str(XSD.boolean))
ALL = "all"  # the value of a limit parameter that asks for every row


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]

    def to_csv(self) -> str:
        """The table as CSV, a header row first, empty cells for unbound values."""
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(self.columns)
        w.writerows(["" if v is None else v for v in row] for row in self.rows)
        return buf.getvalue()

    def records(self) -> list[dict[str, Value]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def to_pandas(self) -> Any:
        """The rows as a ``pandas.DataFrame`` (pandas is imported on first use: it
        is the ``notebooks`` extra, not a dependency)."""
        import pandas as pd

        return pd.DataFrame(list(self.rows), columns=list(self.columns))

    def _repr_html_(self) -> str:
        """Jupyter shows a table as an HTML table (values escaped)."""
        head = "".join(f"<th>{escape(c)}</th>" for c in self.columns)
        body = "".join(
            "<tr>"
            + "".join(f"<td>{'' if v is None else escape(str(v))}</td>" for v in row)
            + "</tr>"
            for row in self.rows
        )
        return (
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
            f"<p>{len(self.rows)} rows</p>"
        )


def _coerce(query: Query, given: Mapping[str, str], base: str) -> dict[str, Term]:
    unknown = set(given) - {p.name for p in query.params}
    if unknown:
        raise QueryParamError(f"{query.name}: unknown parameter(s) {sorted(unknown)}")
    out: dict[str, Term] = {}
    for p in query.params:
        raw = given.get(p.name, p.default)
        if raw is None:
            raise QueryParamError(
                f"{query.name}: missing parameter {p.name!r} ({p.description})"
            )
        if p.type == "key":
            try:
                keys.parse_key(raw)
                out[p.name] = ox.NamedNode(base + raw)
            except (InvalidKey, ValueError) as exc:  # ValueError: not in an IRI
                raise QueryParamError(f"{query.name}: {p.name}: {exc}") from None
        elif p.type == "iri":
            try:
                out[p.name] = ox.NamedNode(raw)
            except ValueError as exc:
                raise QueryParamError(f"{query.name}: {p.name}: {exc}") from None
        elif p.type == "int":
            out[p.name] = _integer(query, p.name, raw, None)
        elif p.type == "limit" and raw != ALL:  # set in the text by bound_query
            _integer(query, p.name, raw, 1)
        elif p.type == "bool":
            out[p.name] = _boolean(query, p.name, raw)
        else:
            out[p.name] = ox.Literal(raw)
    return out


LARGEST = 2**53 - 1  # the largest count a limit may ask (exact in every JSON client)


def _integer(query: Query, name: str, raw: str, least: int | None) -> ox.Literal:
    try:
        number = int(raw)
    except ValueError:
        raise QueryParamError(f"{query.name}: {name} must be a whole number") from None
    if least is not None and number < least:
        raise QueryParamError(f"{query.name}: {name} must be at least {least}")
    if least is not None and number > LARGEST:  # a LIMIT the store cannot parse
        raise QueryParamError(f"{query.name}: {name} must be at most {LARGEST}")
    return ox.Literal(str(number), datatype=ox.NamedNode(str(XSD.integer)))


_BOOLEANS = {"true": True, "1": True, "false": False, "0": False}


def _boolean(query: Query, name: str, raw: str) -> ox.Literal:
    if raw.lower() not in _BOOLEANS:
        raise QueryParamError(f"{query.name}: {name} must be true or false")
    return ox.Literal(str(_BOOLEANS[raw.lower()]).lower(), datatype=XSD_BOOLEAN)


def value(term: object, base: str = iri.DEFAULT_BASE) -> Value:
    """A result term as a plain value: IRIs under the base as keys."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        iri = term.value
        if iri.startswith(_ITU):
            return "itu:" + iri[len(_ITU) :]
        return iri[len(base) :] if iri.startswith(base) else iri
    if isinstance(term, ox.Literal):
        dt = term.datatype.value.rsplit("#", 1)[-1]
        if (
            dt in ("integer", "int", "long", "decimal")
            and term.value.lstrip("-").isdigit()
        ):
            return int(term.value)
        if dt == "boolean":
            return term.value == "true"
        return term.value
    return str(term)


def _memo(term: object, seen: dict[object, Value], base: str) -> Value:
    """``value(term, base)``, looked up in ``seen`` first (and kept there)."""
    if term is None:
        return None
    try:
        return seen[term]
    except KeyError:
        found = seen[term] = value(term, base)
        return found


def table(result: Result, base: str = iri.DEFAULT_BASE) -> Table:
    if isinstance(result, ox.QuerySolutions):
        cols = tuple(v.value for v in result.variables)
        # a solution iterated gives its values in the order of the variables
        # (None where unbound): ten times faster than reading them by name; and
        # a term is converted once per table (a page repeats its keys, its
        # relations and views: a third of the cost of a 1,000-row page)
        seen: dict[object, Value] = {}
        rows = tuple(tuple(_memo(t, seen, base) for t in sol) for sol in result)
        return Table(cols, rows)
    if isinstance(result, ox.QueryBoolean | bool):
        return Table(("result",), ((bool(result),),))
    triples = tuple(
        (value(t.subject, base), value(t.predicate, base), value(t.object, base))
        for t in result
    )
    return Table(("subject", "predicate", "object"), triples)


_WHERE = re.compile(r"\bWHERE\s*\{", re.I)


def bind(text: str, bindings: Mapping[str, Term]) -> str:
    """The query with its parameters bound by an inline ``VALUES`` block placed
    first in every WHERE group (the outermost and each subquery's: one row, so a
    subquery that does not use them is unchanged, and one that does is evaluated
    with them bound instead of for every value): the values are serialised RDF
    terms, never user text, and the same text works on the embedded store and on
    any SPARQL server (pyoxigraph's own substitutions would need every parameter
    projected)."""
    if not bindings:
        return text
    masked = "\n".join(
        line if not line.lstrip().startswith("#") else " " * len(line)
        for line in text.split("\n")
    )
    m = _WHERE.search(masked)
    if m is None:
        raise QueryParamError("the query has no WHERE group to bind parameters in")
    names = " ".join(f"?{k}" for k in bindings)
    values = " ".join(str(v) for v in bindings.values())
    block = f"\n  VALUES ({names}) {{ ({values}) }}"
    ends = [w.end() for w in _WHERE.finditer(masked)]
    parts = [text[a:b] for a, b in zip([0, *ends], [*ends, len(text)], strict=True)]
    return block.join(parts)


@dataclass(frozen=True)
class Window:
    """One page of a query's rows, in the query's own order: ``limit`` rows after
    the first ``offset``."""

    offset: int
    limit: int


def run_query(
    store: GraphStore,
    name: str,
    params: Mapping[str, str] | None = None,
    base: str = iri.DEFAULT_BASE,
    window: Window | None = None,
) -> Table:
    """Run the named query with ``params`` (strings, coerced by declared type);
    with a ``window``, only that page of its rows (the store skips the rest)."""
    if window is not None and not pages_in_query(store):
        whole = table(store.query(bound_query(name, params, base)), base)
        return cut(whole, window, name)
    return table(store.query(bound_query(name, params, base, window)), base)


def pages_in_query(store: object) -> bool:
    """Whether the store cuts a page itself: not a server whose dialect says
    that it loses rows in a sorted subquery (``Dialect.whole_pages``); there a
    page is cut from the whole answer (the same rows, read in full)."""
    dialect = getattr(store, "dialect", None)
    return not getattr(dialect, "whole_pages", False)


def cut(whole: Table, window: Window, name: str) -> Table:
    """One page of a query's whole answer."""
    if window.offset < 0 or window.limit < 1:
        raise QueryParamError(f"{name}: a page is offset >= 0, limit >= 1")
    end = window.offset + window.limit
    return Table(whole.columns, whole.rows[window.offset : end])


def bound_query(
    name: str,
    params: Mapping[str, str] | None = None,
    base: str = iri.DEFAULT_BASE,
    window: Window | None = None,
) -> str:
    """The SPARQL text ``run_query`` sends: the named query with its parameters
    bound (a query any SPARQL endpoint runs as it is, e.g. in an editor)."""
    query = get_query(name)
    bindings = _coerce(query, params or {}, base)
    text = query.text
    for p in query.params:
        if p.type == "limit":
            raw = (params or {}).get(p.name) or str(p.default)
            text = limited(text, None if raw == ALL else int(raw))
    if window is not None:
        text = windowed(query, text, window)
    return f"BASE <{base}>\n{bind(text, bindings)}"


def limited(text: str, limit: int | None) -> str:
    """The query with its one LIMIT clause set to ``limit`` (registry.LIMIT), or
    without it (None: every row)."""
    return LIMIT.sub("" if limit is None else f"LIMIT {limit}", text, count=1)


_PAGE = re.compile(r"^(\s*)#page (ORDER BY [^\n]+)$", re.M)


def windowed(query: Query, text: str, window: Window) -> str:
    """The query cut to one page of its rows. A ``#page ORDER BY …`` comment line
    (in the subquery that picks the rows, before their details are read) becomes
    that ORDER BY with the page's LIMIT and OFFSET; a query without one gets them
    after its own ORDER BY, which makes the page deterministic."""
    if window.offset < 0 or window.limit < 1:
        raise QueryParamError(f"{query.name}: a page is offset >= 0, limit >= 1")
    cut = f"LIMIT {window.limit} OFFSET {window.offset}"
    marked = _PAGE.search(text)
    if marked is not None:
        line = f"{marked.group(1)}{marked.group(2)} {cut}"
        return text[: marked.start()] + line + text[marked.end() :]
    body = "\n".join(line.split("#")[0] for line in text.splitlines())
    if LIMIT.search(body) or not re.search(r"\bORDER\s+BY\b", body):
        raise QueryDefinitionError(f"{query.name}: a page needs ORDER BY, no LIMIT")
    return f"{text.rstrip()}\n{cut}\n"


def run_update(store: GraphStore, name: str, base: str = iri.DEFAULT_BASE) -> None:
    """Run a named update (``derive/*.ru``), relative IRIs resolved against the base."""
    run_updates(store, [name], base)


def run_updates(
    store: GraphStore, names: Sequence[str], base: str = iri.DEFAULT_BASE
) -> None:
    """Run named updates in order as one update request (operations separated by
    ``;``), hence one transaction: a reader sees all of them or none. The
    prologue is given once, at the top (Oxigraph reads none after a ``;``): the
    files' PREFIX lines are gathered, and must agree."""
    store.update(update_text(names, base))


def update_text(names: Sequence[str], base: str = iri.DEFAULT_BASE) -> str:
    """The one update request ``run_updates`` sends for ``names``."""
    prefixes: dict[str, str] = {}
    bodies = []
    for name in names:
        declared, body = split_prologue(name, get_query(name).text)
        for prefix, namespace in declared.items():
            if prefixes.setdefault(prefix, namespace) != namespace:
                raise QueryDefinitionError(f"{name}: PREFIX {prefix}: differs")
        bodies.append(body)
    prologue = [f"BASE <{base}>"] + [f"PREFIX {p}: <{i}>" for p, i in prefixes.items()]
    return "\n".join(prologue) + "\n" + " ;\n".join(bodies)


_PREFIX = re.compile(r"PREFIX\s+([\w.-]*):\s*<([^<>\s]*)>\s*$", re.I)


def split_prologue(name: str, text: str) -> tuple[dict[str, str], str]:
    """An update file's PREFIX declarations (one per line, after the comments that
    open it) and the rest of it."""
    lines = text.splitlines()
    prefixes: dict[str, str] = {}
    for i, line in enumerate(lines):
        m = _PREFIX.match(line.strip())
        if m:
            prefixes[m.group(1)] = m.group(2)
        elif line.strip() and not line.lstrip().startswith("#"):
            if re.match(r"\s*(BASE|PREFIX)\b", line, re.I):
                raise QueryDefinitionError(f"{name}: one PREFIX per line, no BASE")
            return prefixes, "\n".join(lines[i:])
    raise QueryDefinitionError(f"{name}: no update after the prologue")
