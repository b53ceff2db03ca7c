"""How one SPARQL 1.1 server differs from another, in one place: the dialect a
``RemoteStore`` speaks, chosen by the store URL (``dialect_for``). Two are known:
``oxigraph serve --union-default-graph`` (the reference: the SPARQL 1.1 Query,
Update and Graph Store protocols as written) and Virtuoso 7 (Debian's
``virtuoso-opensource``, one ``/sparql`` endpoint).

For Virtuoso a query is rewritten before it is sent (``prepare_query``): BASE
resolved here, MIN/MAX/ORDER BY made to compare strings and IRIs by their text,
``p?`` paths sent as unions without a path, a ``*``/``+`` path started from
the value a VALUES block gives its end and such a query joined in the order
written, EXISTS in BIND made left joins and
cast to booleans, a subquery's GROUP_CONCAT left unbound as SPARQL has it, graphs
named by IRI bound to variables, and its system graphs excluded from the
dataset; its answer is read back as Oxigraph would give it (``fix_body``, and
``RemoteStore``: ASK tables, cut answers, repeated DISTINCT rows); writes are
split into the blocks it takes (``insert_updates``); the dataset is dumped by a
query. Each rewrite works on any query text, not on particular named queries.
The differences found, and the field that handles each, are tabled in
``docs/scaling.md``.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import count, groupby

from itukg.ontology.vocab import XSD

RESULTS_JSON = "application/sparql-results+json"
RESULTS_XML = "application/sparql-results+xml"
N_TRIPLES = "application/n-triples"
FORM = "application/x-www-form-urlencoded"

# Graphs a fresh Virtuoso 7 database holds before anything is loaded: its
# quad-map metadata, the LDP vocabulary it loads, and the service description
# (named after [URIQA] DefaultHost: unset, or Debian's localhost:8890)
VIRTUOSO_SYSTEM_GRAPHS = (
    "http://www.openlinksw.com/schemas/virtrdf#",
    "http://www.w3.org/ns/ldp#",
    "http://localuriqaserver/sparql",
    "http://localhost:8890/sparql",
)

Graphs = Sequence[tuple[str, Sequence[str]]]


@dataclass(frozen=True)
class Request:
    """One HTTP POST: where, what and how it is encoded."""

    path: str
    data: bytes
    ctype: str
    accept: str


@dataclass(frozen=True)
class Dialect:
    """What a RemoteStore sends to one kind of server, and how it reads the answer.

    ``query_path``/``update_path``/``dump_path`` are appended to the store URL
    (``dump_path`` None: the dataset is dumped by ``dump_query``); ``form``:
    queries and updates go as an HTML form; ``hidden_graphs``: system graphs left
    out of the default and named graphs of every query; ``client_base``: relative
    IRIs are resolved before sending; ``results``: the results format asked for
    SELECT and ASK; ``integer_types``: XSD datatypes read back as xsd:integer;
    ``ask_variable``: the one variable of an ASK answered as a table;
    ``insert_block``/``template_block``/``request_block``: most triples per
    INSERT DATA, per INSERT template and per request (0: no limit);
    ``bnode_templates``: triples with blank nodes go in INSERT templates;
    ``bnode_prefix``: what the server puts before blank node labels in
    results; ``rewrite_aggregates``: MIN and MAX of a variable compare strings
    and IRIs by their text (``min_max_by_text``);
    ``cast_booleans``: an EXISTS bound to a variable is cast to xsd:boolean
    (``cast_exists``); ``distinct_paths``: a zero-or-one path between two
    variables is a DISTINCT union of one and zero steps
    (``distinct_optional_paths``); ``constant_path_ends``: a variable bound by
    a one-row VALUES block is written as its value at the end of a ``*`` or
    ``+`` path of that group (``paths_from_constants``); ``ordered_paths``: a
    query with such a path is joined in the order written (``ORDERED_JOINS``);
    ``exists_binds``: each EXISTS in a BIND is bound on its own first
    (``exists_out_of_binds``); ``concat_errors``: a
    GROUP_CONCAT of a subquery is unbound when one of its values is
    (``concat_errors_unbound``);
    ``client_distinct``: the rows of a SELECT DISTINCT are made distinct here
    too (Virtuoso repeats some rows that differ in no value).
    ``whole_pages``: a page of a named query is cut from its whole answer, not
    by the query (Virtuoso drops a UNION branch from a DISTINCT subquery that
    is sorted and cut: the adopted rows of supersedes)."""

    name: str
    query_path: str = "/query"
    update_path: str = "/update"
    dump_path: str | None = "/store"
    form: bool = False
    hidden_graphs: tuple[str, ...] = ()
    client_base: bool = False
    results: str = RESULTS_JSON
    integer_types: tuple[str, ...] = ()
    ask_variable: str = ""
    insert_block: int = 0
    template_block: int = 0
    bnode_templates: bool = False
    bnode_prefix: str = ""
    request_block: int = 0
    rewrite_aggregates: bool = False
    cast_booleans: bool = False
    distinct_paths: bool = False
    constant_path_ends: bool = False
    ordered_paths: bool = False
    exists_binds: bool = False
    concat_errors: bool = False
    client_distinct: bool = False
    whole_pages: bool = False

    def rewrite(self, sparql: str) -> str:
        """The text as this server needs it (BASE, aggregates, booleans)."""
        text = resolve_base(sparql) if self.client_base else sparql
        if self.rewrite_aggregates:
            text = min_max_by_text(text)
        if self.distinct_paths:
            text = distinct_optional_paths(text)
        if self.constant_path_ends:
            text = paths_from_constants(text)
        if self.exists_binds:
            text = exists_out_of_binds(text)
        if self.concat_errors:
            text = concat_errors_unbound(text)
        return cast_exists(text) if self.cast_booleans else text

    def prepare_query(self, sparql: str) -> str:
        text = self.rewrite(sparql)
        if self.hidden_graphs:
            text = graph_variables(text)
        defines = "".join(
            f"define input:default-graph-exclude <{g}>\n"
            f"define input:named-graph-exclude <{g}>\n"
            for g in self.hidden_graphs
        )
        if self.ordered_paths and has_closure_path(text):
            defines += ORDERED_JOINS
        return defines + text

    def prepare_update(self, sparql: str) -> str:
        return self.rewrite(sparql)

    def accept(self, sparql: str) -> str:
        """The Accept header for a query: RDF for CONSTRUCT and DESCRIBE, the
        dialect's results format for SELECT and ASK."""
        if query_form(sparql) in ("CONSTRUCT", "DESCRIBE"):
            return N_TRIPLES
        if self.results == RESULTS_JSON:  # a server that negotiates properly
            return f"{RESULTS_JSON}, {N_TRIPLES};q=0.9"
        return self.results

    def request(self, kind: str, sparql: str, accept: str) -> Request:
        """``kind`` is "query" or "update"."""
        path = self.query_path if kind == "query" else self.update_path
        if self.form:
            data = urllib.parse.urlencode({kind: sparql}).encode("utf-8")
            return Request(path, data, FORM, accept)
        return Request(
            path, sparql.encode("utf-8"), f"application/sparql-{kind}", accept
        )

    def fix_body(self, body: bytes) -> bytes:
        """Integer datatypes of results XML and N-Triples back to xsd:integer,
        blank node labels without the server's prefix."""
        if self.bnode_prefix:
            body = body.replace(b"<bnode>" + self.bnode_prefix.encode(), b"<bnode>")
        if not self.integer_types:
            return body
        names = "|".join(self.integer_types)
        xsd = re.escape(str(XSD)).encode()
        pattern = (
            rb'(datatype="|"\^\^<)' + xsd + rb"(?:" + names.encode() + rb')(?=[">])'
        )
        return re.sub(pattern, rb"\1" + str(XSD.integer).encode(), body)

    def insert_updates(
        self, graphs: Graphs, last: str = "", drop: bool = False
    ) -> list[str]:
        """Updates writing ``graphs`` (N-Triples lines each), one request each:
        one for a dialect without limits; else INSERT DATA blocks of at most
        ``insert_block`` triples and, with ``bnode_templates``, the triples with
        blank nodes as INSERT … WHERE {} blocks (a blank node's triples kept
        together), ``request_block`` triples to a request. The triples whose
        predicate is ``last`` come after all others; with ``drop`` each graph is
        dropped first, in the first request."""
        marker = f" <{last}> " if last else "\0"
        first = [(g, x) for g, lines in graphs for x in lines if marker not in x]
        then = [(g, x) for g, lines in graphs for x in lines if marker in x]
        updates = _requests(self._ops(first) + self._ops(then), self.request_block)
        if drop:
            drops = [f"DROP SILENT GRAPH <{g}>" for g, _ in graphs]
            updates[:1] = [" ;\n".join(drops + updates[:1])]
        return updates

    def _ops(self, pairs: list[tuple[str, str]]) -> list[tuple[int, str]]:
        """Update operations, each with its number of triples."""
        if not pairs:
            return []
        if not self.insert_block:
            return [(len(pairs), _insert_data(pairs))]
        linked = [p for p in pairs if self.bnode_templates and _bnodes(p[1])]
        plain = [p for p in pairs if not (self.bnode_templates and _bnodes(p[1]))]
        size = self.insert_block
        ops = [
            (len(plain[i : i + size]), _insert_data(plain[i : i + size]))
            for i in range(0, len(plain), size)
        ]
        for block in _packed(_components(linked), self.template_block):
            ops.append((len(block), _insert_template(block)))
        return ops

    def dump_query(self) -> str:
        """Every quad of the dataset, for a server without a dataset dump."""
        return "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"


def _quads(pairs: Sequence[tuple[str, str]]) -> str:
    return " ".join(
        f"GRAPH <{g}> {{\n" + "\n".join(line for _, line in group) + "\n}"
        for g, group in groupby(pairs, key=lambda p: p[0])
    )


def _insert_data(pairs: Sequence[tuple[str, str]]) -> str:
    return f"INSERT DATA {{ {_quads(pairs)} }}"


def _insert_template(pairs: Sequence[tuple[str, str]]) -> str:
    """Blank nodes are refused in INSERT DATA by Virtuoso, taken in a template
    (one node per label in one operation)."""
    return f"INSERT {{ {_quads(pairs)} }} WHERE {{ }}"


def _requests(ops: list[tuple[int, str]], limit: int) -> list[str]:
    """Operations joined into requests of at most ``limit`` triples (0: one)."""
    requests: list[list[str]] = []
    size = 0
    for n, text in ops:
        if not requests or (limit and size + n > limit):
            requests.append([])
            size = 0
        requests[-1].append(text)
        size += n
    return [" ;\n".join(r) for r in requests]


_SUBJECT_BNODE = re.compile(r"^_:(\S+) ")
_OBJECT_BNODE = re.compile(r" _:(\S+) \.$")


def _bnodes(line: str) -> list[str]:
    """The blank node labels of an N-Triples line (subject, object)."""
    found = (_SUBJECT_BNODE.search(line), _OBJECT_BNODE.search(line.rstrip()))
    return [m.group(1) for m in found if m is not None]


def _components(pairs: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """The lines in groups that share blank nodes (per graph), in order."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def root(node: tuple[str, str]) -> tuple[str, str]:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for g, line in pairs:
        nodes = [root((g, label)) for label in _bnodes(line)]
        for other in nodes[1:]:
            parent[root(other)] = root(nodes[0])
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for g, line in pairs:
        groups.setdefault(root((g, _bnodes(line)[0])), []).append((g, line))
    return list(groups.values())


def _packed(
    groups: list[list[tuple[str, str]]], size: int
) -> list[list[tuple[str, str]]]:
    """Whole groups packed into blocks of about ``size`` lines."""
    blocks: list[list[tuple[str, str]]] = []
    for group in groups:
        if not blocks or len(blocks[-1]) + len(group) > size:
            blocks.append([])
        blocks[-1].extend(group)
    return blocks


OXIGRAPH = Dialect("oxigraph")
VIRTUOSO = Dialect(
    "virtuoso",
    query_path="",
    update_path="",
    dump_path=None,
    form=True,
    hidden_graphs=VIRTUOSO_SYSTEM_GRAPHS,
    client_base=True,
    results=RESULTS_XML,
    integer_types=("int", "long", "short"),
    ask_variable="__ASK_RETVAL",
    insert_block=2_000,
    template_block=500,
    bnode_templates=True,
    bnode_prefix="nodeID://",
    request_block=20_000,
    rewrite_aggregates=True,
    cast_booleans=True,
    distinct_paths=True,
    constant_path_ends=True,
    ordered_paths=True,
    exists_binds=True,
    concat_errors=True,
    client_distinct=True,
    whole_pages=True,
)


def dialect_for(url: str) -> Dialect:
    """Virtuoso for a URL whose path ends in ``/sparql`` (its one endpoint), the
    SPARQL 1.1 protocols as Oxigraph serves them otherwise."""
    path = urllib.parse.urlparse(url).path.rstrip("/")
    return VIRTUOSO if path.endswith("/sparql") else OXIGRAPH


# ---------------------------------------------------------------- query text

_PROLOGUE = re.compile(
    r"""\s+|\#[^\n]*|BASE\s*<[^<>\s]*>|PREFIX\s+[^\s:]*:\s*<[^<>\s]*>
    |define\s+\S+\s+(?:<[^<>\s]*>|"[^"\n]*"|\S+)""",
    re.I | re.X,
)
_FORM = re.compile(r"[A-Za-z]+")


def query_form(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first word after the prologue."""
    pos = 0
    while (m := _PROLOGUE.match(sparql, pos)) and m.end() > pos:
        pos = m.end()
    word = _FORM.match(sparql, pos)
    return word.group(0).upper() if word else ""


_DISTINCT = re.compile(r"SELECT\s+DISTINCT\b", re.I)


def selects_distinct(sparql: str) -> bool:
    """Whether the query is a SELECT DISTINCT (its outermost SELECT)."""
    pos = 0
    while (m := _PROLOGUE.match(sparql, pos)) and m.end() > pos:
        pos = m.end()
    return _DISTINCT.match(sparql, pos) is not None


# strings and comments (left alone), then IRI references (group "iri")
_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|\#[^\n]*"
    r'|<(?P<iri>[^<>"{}|^`\\\x00-\x20]*)>',
    re.S,
)
_BASE = re.compile(r"\bBASE\s*<([^<>\s]*)>\s*", re.I)


def resolve_base(sparql: str) -> str:
    """The text without its BASE declaration, every relative IRI resolved
    against it (strings and comments untouched)."""
    m = _BASE.search(sparql)
    if m is None:
        return sparql
    base = m.group(1)
    text = sparql[: m.start()] + sparql[m.end() :]

    def absolute(t: re.Match[str]) -> str:
        iri = t.group("iri")
        if iri is None or urllib.parse.urlparse(iri).scheme:
            return t.group(0)
        return f"<{urllib.parse.urljoin(base, iri)}>"

    return _TOKENS.sub(absolute, text)


_MIN_MAX = re.compile(r"\b(MIN|MAX)\s*\(\s*(DISTINCT\s+)?([?$]\w+)\s*\)", re.I)


def min_max_by_text(sparql: str) -> str:
    """``MIN(?x)``, ``MAX(?x)`` and the variables of ORDER BY with strings and
    IRIs compared by their text: Virtuoso compares long strings and IRIs by
    internal ids (MIN of two labels may be unbound, MAX of IRIs is not the last
    in text order, "ab" sorts before "a"); a string cast to xsd:string and an IRI
    passed through IF are compared by their text. Not in a grouped query, whose
    ORDER BY such an expression breaks, nor on the aggregates' variables or on
    booleans computed by EXISTS (error SQ156 in Virtuoso's compiler)."""

    def by_text(m: re.Match[str]) -> str:
        fn, distinct, var = m.group(1), m.group(2) or "", m.group(3)
        return f"{fn}({distinct}{_text_of(var)})"

    as_they_are = set(_AGGREGATE_ALIAS.findall(sparql)) | _exists_bound(sparql)

    def key(v: re.Match[str]) -> str:
        var = v.group(0)
        return var if var in as_they_are else f"({_text_of(var)})"

    def order(m: re.Match[str]) -> str:
        if m.group("grouped"):  # Virtuoso orders groups by these expressions wrongly
            return m.group(0)
        clause = m.group("keys")
        return m.group(0)[: m.start("keys") - m.start()] + _ORDER_KEY.sub(key, clause)

    text = _outside_strings(_MIN_MAX, by_text, sparql)
    return _ORDER_BY.sub(order, text)


def _exists_bound(sparql: str) -> set[str]:
    """The variables a BIND computes from an EXISTS (booleans)."""
    found = set()
    for m in _BIND.finditer(sparql):
        end = _closing_brace(sparql, m.end() - 1, "()")
        inner = sparql[m.end() : end - 1] if end is not None else ""
        alias = _BIND_AS.search(inner + ")")
        if alias is not None and _EXISTS_GROUP.search(inner):
            found.add(alias.group(1))
    return found


def _text_of(var: str) -> str:
    """A variable's value, strings compared by their text on Virtuoso."""
    string = f"<{XSD.string}>"
    test = f"isLiteral({var}) && datatype({var}) = {string}"
    return f"IF({test}, {string}({var}), {var})"


# the ORDER BY clause after a query's WHERE group (and its GROUP BY, if any), up
# to LIMIT, OFFSET, the end of its group or of the text
_ORDER_BY = re.compile(
    r"\}\s*(?P<grouped>GROUP\s+BY\b[^{}]*?)?\bORDER\s+BY\b"
    r"(?P<keys>[^{}]*?)(?=\bLIMIT\b|\bOFFSET\b|\}|$)",
    re.I,
)
_VARIABLE = re.compile(r"[?$]\w+")
# a variable of an ORDER BY clause compared by its value: not BOUND's argument
_ORDER_KEY = re.compile(r"(?<!\w)(?<!BOUND\()(?<!bound\()[?$]\w+")
# the variable an aggregate is bound to (Virtuoso orders by it only as it is)
_AGGREGATE_ALIAS = re.compile(
    r"\b(?:COUNT|SUM|AVG|MIN|MAX|SAMPLE|GROUP_CONCAT)\s*"
    r"\([^()]*(?:\([^()]*(?:\([^()]*\)[^()]*)*\)[^()]*)*\)\s*AS\s+([?$]\w+)",
    re.I,
)


HIDDEN_VARIABLE = "itukg_"  # variables the dialect adds, dropped from results
_GRAPH_IRI = re.compile(r"\bGRAPH\s*<([^<>\"{}|^`\\\x00-\x20]*)>\s*\{", re.I)


def graph_variables(sparql: str) -> str:
    """``GRAPH <g> {`` as ``VALUES ?itukg_graph_1 { <g> } GRAPH ?itukg_graph_1 {``:
    next to ``define input:…-graph-exclude`` Virtuoso finds nothing in a graph
    named by its IRI (the variables are dropped from the results)."""
    numbers = count(1)

    def variable(m: re.Match[str]) -> str:
        var = f"?{HIDDEN_VARIABLE}graph_{next(numbers)}"
        return f"VALUES {var} {{ <{m.group(1)}> }} GRAPH {var} {{"

    return _GRAPH_IRI.sub(variable, sparql)


# ?s prefix:name? ?o, a whole triple pattern (ended by ".", "}", a group or a
# keyword starting the next pattern; not one continued by ";" or ",")
_OPTIONAL_PATH = re.compile(
    r"([?$]\w+)\s+(\^?[A-Za-z]?[\w.-]*:[\w-]*\?)\s+([?$]\w+)"
    r"(\s*[.}]|(?=\s*(?:\{|(?:OPTIONAL|FILTER|BIND|VALUES|GRAPH|MINUS)\b)))",
    re.I,
)


def distinct_optional_paths(sparql: str) -> str:
    """``?s p? ?o`` as a DISTINCT subquery without a path: the one step ``?s p
    ?o``, or zero steps (``?s`` a subject or object of the graph, ``?o`` the same
    term), as SPARQL 1.1 defines ``p?`` (``^p?`` the other way round). Virtuoso
    runs a path as a transitive subquery whose answer depends on its plan next
    to the graph-exclude defines (cites found 0 of 49 rows), and it repeats a
    pair once per OPTIONAL match of its group; a union of plain triple patterns
    it gets right, and it looks the bound end up in each branch."""
    return _OPTIONAL_PATH.sub(_zero_or_one, sparql)


ZERO_VARIABLES = ("?itukg_zero_p", "?itukg_zero_n")


def _zero_or_one(m: re.Match[str]) -> str:
    s, path, o, end = m.groups()
    end = end or " ."
    prop = path[:-1]
    one = f"{o} {prop[1:]} {s}" if prop.startswith("^") else f"{s} {prop} {o}"
    p, n = ZERO_VARIABLES
    zero = (
        f"{{ {s} {p} {n} BIND({s} AS {o}) }} UNION {{ {n} {p} {s} BIND({s} AS {o}) }}"
    )
    return f"{{ SELECT DISTINCT {s} {o} WHERE {{ {{ {one} }} UNION {zero} }} }}{end}"


# Virtuoso's own pragma: join the patterns of each group in the order written
ORDERED_JOINS = 'define sql:select-option "order"\n'
_CLOSURE_PATH = re.compile(r"[\w)][*+]\s")


def has_closure_path(sparql: str) -> bool:
    """Whether the text (outside strings, comments and IRIs) has a ``*`` or
    ``+`` path. Virtuoso plans two such paths joined to each other wrongly
    (path-between lost the edges between two nodes each found by a path:
    ``<a> p+ ?x . ?x p+ <b>`` gives one of the two ``?x``), and gets them right
    when the query is joined in the order written (``ORDERED_JOINS``)."""
    found = False

    def seen(m: re.Match[str]) -> str:
        nonlocal found
        found = True
        return m.group(0)

    _outside_strings(_CLOSURE_PATH, seen, sparql)
    return found


# a one-row VALUES block of IRIs, as queries.run.bind writes the parameters
_VALUES_ROW = re.compile(
    r"\bVALUES\s*\((?P<names>\s*[?$]\w+(?:\s+[?$]\w+)*\s*)\)\s*"
    r"\{\s*\((?P<terms>\s*<[^<>\s]*>(?:\s+<[^<>\s]*>)*\s*)\)\s*\}",
    re.I,
)
# a property path with a closure, written without spaces: (a|b)* or ^p+
_CLOSURE = r"[^\s{}.;,]+[*+]"


def paths_from_constants(sparql: str) -> str:
    """In each group opened just before a one-row ``VALUES (?v …) { (<x> …) }``
    block (the parameters ``queries.run.bind`` puts first in every WHERE
    group), ``?v`` written as ``<x>`` where it is the subject or object of a
    ``*`` or ``+`` path, outside the group's subqueries (each has its own
    block): the same solutions, as ``?v`` is still bound by the block.
    Virtuoso refuses such a path whose start comes from a VALUES block
    ("transitive start not given"), or plans it from its other end."""
    edits: list[Edit] = []
    for m in _VALUES_ROW.finditer(sparql):
        opened = sparql.rfind("{", 0, m.start())
        if opened < 0 or sparql[opened + 1 : m.start()].strip():
            continue
        if _inside_token(sparql, m.start()):
            continue
        end = _closing_brace(sparql, opened)
        if end is None:
            continue
        names = m.group("names").split()
        terms = m.group("terms").split()
        if len(names) != len(terms):
            continue
        inner = [
            (s.start(), close)
            for s in _SUBQUERY.finditer(sparql, m.end(), end)
            if (close := _closing_brace(sparql, s.start())) is not None
        ]
        for name, term in zip(names, terms, strict=True):
            var = re.escape(name[1:])
            ends = re.compile(
                rf"[?$]{var}\b(?=\s+{_CLOSURE}\s)|(?<=[\w)][*+]\s)\s*[?$]{var}\b"
            )
            for v in ends.finditer(sparql, m.end(), end):
                if any(a <= v.start() < b for a, b in inner):
                    continue
                if _inside_token(sparql, v.start()):
                    continue
                lead = len(v.group(0)) - len(v.group(0).lstrip())
                edits.append((v.start() + lead, v.end(), term))
    for start, stop, text in sorted(edits, reverse=True):
        sparql = sparql[:start] + text + sparql[stop:]
    return sparql


_BIND = re.compile(r"\bBIND\s*\(", re.I)
_EXISTS_GROUP = re.compile(r"\b(NOT\s+)?EXISTS\s*\{", re.I)
_BIND_AS = re.compile(r"\s+AS\s+([?$]\w+)\s*\)$", re.I)
# an expression of BOUND, !, && and || only: a boolean
_BOOLEAN_ONLY = re.compile(r"[\s()!&|]*(?:BOUND\([?$]\w+\)[\s()!&|]*)+")


def exists_out_of_binds(sparql: str) -> str:
    """``BIND(… EXISTS { P } … AS ?x)`` as ``OPTIONAL { SELECT DISTINCT ?v…
    (1 AS ?itukg_exists_1) WHERE { P } } BIND(… BOUND(?itukg_exists_1) … AS
    ?x)``, ``?v…`` the variables P shares with the rest of the query: Virtuoso
    fails to compile an EXISTS inside a larger expression (``EXISTS {…} && NOT
    EXISTS {…}``: error SQ074), and an EXISTS bound alone may never finish
    (mandates-to without its ORDER BY); a left join it plans well. A boolean
    expression left is cast to xsd:boolean (Virtuoso computes 0 or 1). The
    shared variables must be bound where the BIND is (as EXISTS reads them)."""
    numbers = count(1)
    out: list[str] = []
    pos = 0
    for m in _BIND.finditer(sparql):
        end = _closing_brace(sparql, m.end() - 1, "()")
        if m.start() < pos or end is None or _inside_token(sparql, m.start()):
            continue
        hoisted = _hoisted_bind(sparql, m.end(), end - 1, numbers)
        if hoisted is not None:
            out += [sparql[pos : m.start()], hoisted]
            pos = end
    return "".join(out) + sparql[pos:]


def _hoisted_bind(sparql: str, start: int, end: int, numbers: count[int]) -> str | None:
    """The patterns replacing ``BIND(…)`` whose expression and alias are
    ``sparql[start:end]``, or None when it holds no EXISTS."""
    inner = sparql[start:end]
    alias = _BIND_AS.search(inner + ")")
    if alias is None:
        return None
    text = inner[: alias.start()]
    joins: list[str] = []
    parts: list[str] = []
    pos = 0
    for m in _EXISTS_GROUP.finditer(text):
        close = _closing_brace(text, m.end() - 1)
        if m.start() < pos or close is None:
            continue
        var = f"?{HIDDEN_VARIABLE}exists_{next(numbers)}"
        group = text[m.end() - 1 : close]
        shared = " ".join(_shared_variables(sparql, group))
        joins.append(
            f"OPTIONAL {{ SELECT DISTINCT {shared} (1 AS {var}) WHERE {group} }} "
        )
        bound = f"BOUND({var})"
        parts += [text[pos : m.start()], f"!{bound}" if m.group(1) else bound]
        pos = close
    if not joins:
        return None
    expr = "".join(parts) + text[pos:]
    if _BOOLEAN_ONLY.fullmatch(expr):
        expr = f"<{XSD.boolean}>({expr.strip()})"
    return "".join(joins) + f"BIND({expr} AS {alias.group(1)})"


def _shared_variables(sparql: str, group: str) -> list[str]:
    """The variables of ``group`` that the rest of ``sparql`` names too."""
    inside = _VARIABLE.findall(group)
    names = dict.fromkeys(v[1:] for v in inside)
    everywhere = [v[1:] for v in _VARIABLE.findall(sparql)]
    return [
        f"?{n}" for n in names if everywhere.count(n) > sum(v[1:] == n for v in inside)
    ]


def _inside_token(text: str, at: int) -> bool:
    """Whether ``at`` is inside a string, comment or IRI of ``text``."""
    for token in _TOKENS.finditer(text):
        if token.start() >= at:
            return False
        if at < token.end():
            return True
    return False


_SUBQUERY = re.compile(r"\{\s*SELECT\b", re.I)
_GROUP_CONCAT = re.compile(r"\(\s*GROUP_CONCAT\s*\(", re.I)
_AS_ALIAS = re.compile(r"\s*AS\s+([?$]\w+)\s*\)", re.I)
_ARGUMENT = re.compile(
    r"^\s*(?:DISTINCT\s+)?(.*?)\s*(?:;\s*SEPARATOR\s*=.*)?$", re.I | re.S
)

Edit = tuple[int, int, str]


def concat_errors_unbound(sparql: str) -> str:
    """In a subquery, ``(GROUP_CONCAT(x) AS ?v)`` leaves ``?v`` unbound when ``x``
    is an error (unbound) for a row of the group, as SPARQL 1.1 and Oxigraph
    do; Virtuoso skips such rows (``""`` for a group of unbound ``x``). The
    subquery also counts ``x`` and its rows, and ``?v`` is bound after it when
    they agree (Virtuoso refuses an aggregate inside IF). Left alone in the
    outermost SELECT, which has nothing after it to bind in."""
    spans = [
        (m.start(), end)
        for m in _SUBQUERY.finditer(sparql)
        if (end := _closing_brace(sparql, m.start())) is not None
    ]
    numbers = count(1)
    edits: list[Edit] = []
    for m in _GROUP_CONCAT.finditer(sparql):
        around = [s for s in spans if s[0] < m.start() < s[1]]
        if around and not _inside_token(sparql, m.start()):
            innermost = max(around)
            edits += _concat_edits(sparql, m, innermost[1], next(numbers))
    for start, end, text in sorted(edits, reverse=True):
        sparql = sparql[:start] + text + sparql[end:]
    return sparql


def _concat_edits(sparql: str, m: re.Match[str], after: int, n: int) -> list[Edit]:
    """The aggregate at ``m`` bound to hidden variables, and the BIND of its
    alias after the subquery ending at ``after``."""
    close = _closing_brace(sparql, m.end() - 1, "()")
    alias = _AS_ALIAS.match(sparql, close) if close is not None else None
    argument = _ARGUMENT.match(sparql[m.end() : close - 1]) if close else None
    if close is None or alias is None or argument is None:
        return []
    concat, number, rows = (
        f"?{HIDDEN_VARIABLE}{name}_{n}" for name in ("concat", "count", "rows")
    )
    aggregate = sparql[m.start() + 1 : close]
    projected = (
        f"({aggregate} AS {concat}) (COUNT({argument.group(1)}) AS {number}) "
        f"(COUNT(*) AS {rows})"
    )
    bind = (
        f" BIND(IF({number} = {rows}, {concat}, ?{HIDDEN_VARIABLE}unbound) "
        f"AS {alias.group(1)})"
    )
    return [(m.start(), alias.end(), projected), (after, after, bind)]


_EXISTS = re.compile(r"\(\s*((?:NOT\s+)?EXISTS\s*\{)", re.I)
_AS = re.compile(r"\s*AS\s", re.I)


def cast_exists(sparql: str) -> str:
    """``(EXISTS { … } AS ?x)`` as ``(xsd:boolean(EXISTS { … }) AS ?x)``:
    Virtuoso writes a computed boolean as the integer 0 or 1."""
    out: list[str] = []
    pos = 0
    for m in _EXISTS.finditer(sparql):
        if m.start() < pos:
            continue
        end = _closing_brace(sparql, m.end(1) - 1)
        if end is None or not _AS.match(sparql, end):
            continue
        inner = sparql[m.start(1) : end]
        out += [sparql[pos : m.start(1)], f"<{XSD.boolean}>({inner})"]
        pos = end
    return "".join(out) + sparql[pos:]


def _closing_brace(text: str, open_at: int, pair: str = "{}") -> int | None:
    """The index just past the brace (or other ``pair``) closing the one at
    ``open_at`` (strings, comments and IRIs skipped), or None."""
    depth = 0
    pos = open_at
    step = {pair[0]: 1, pair[1]: -1}
    while pos < len(text):
        token = _TOKENS.match(text, pos)
        if token is not None and token.end() > pos:
            pos = token.end()
            continue
        depth += step.get(text[pos], 0)
        pos += 1
        if depth == 0:
            return pos
    return None


def _outside_strings(
    pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str], text: str
) -> str:
    """``pattern.sub(replace, text)`` for the text outside strings, comments and
    IRIs."""
    out: list[str] = []
    pos = 0
    for token in _TOKENS.finditer(text):
        out.append(pattern.sub(replace, text[pos : token.start()]))
        out.append(token.group(0))
        pos = token.end()
    out.append(pattern.sub(replace, text[pos:]))
    return "".join(out)
