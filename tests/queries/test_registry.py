"""The named queries (style 4.2): every ``.rq`` / ``.ru`` file parses, headers are
strict, and ``run_query`` maps a wrong name or wrong parameters to the two errors
that the front ends map once (QueryNotFound, QueryParamError)."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from itukg.ontology import iri
from itukg.ontology.store import open_store
from itukg.queries import (
    QueryDefinitionError,
    QueryNotFound,
    QueryParamError,
    get_query,
    list_queries,
    run_query,
)
from itukg.queries.registry import TYPES, parse_query
from itukg.queries.run import Window, bound_query, limited

QUERIES = Path(__file__).resolve().parents[2] / "queries"
FOLDERS = {"": ("report", ".rq"), "internal": ("internal", ".rq")}
FOLDERS["derive"] = ("derive", ".ru")
FILES = sorted(
    (folder, path)
    for folder, (_, suffix) in FOLDERS.items()
    for path in (QUERIES / folder).glob(f"*{suffix}")
)
REPORTS = [q.name for q in list_queries("report")]


def _stem(path: Path) -> str:
    return path.name.rsplit(".", 1)[0]


# ---------------------------------------------------------------- the files


@pytest.mark.parametrize(
    ("folder", "path"), FILES, ids=[p.relative_to(QUERIES).as_posix() for _, p in FILES]
)
def test_every_file_parses(folder: str, path: Path) -> None:
    """Header (strict), registry entry and SPARQL text, checked by the real parser."""
    kind = FOLDERS[folder][0]
    text = path.read_text(encoding="utf-8")
    query = parse_query(_stem(path), text, kind)
    assert get_query(query.name) == query
    assert query.summary
    sparql = f"BASE <{iri.DEFAULT_BASE}>\n{text}"
    if kind == "derive":
        ox.Store().update(sparql)
    else:
        ox.Store().query(sparql)


def test_names_are_unique_kebab_case() -> None:
    names = [_stem(p) for _, p in FILES]
    assert len(names) == len(set(names)), names
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", n) for n in names), names


@pytest.mark.parametrize("name", REPORTS, ids=REPORTS)
def test_report_is_ordered_select_with_examples(name: str) -> None:
    """Every public query is a SELECT with ORDER BY (stable golden files), snake_case
    columns (they become JSON keys) and an example for every parameter."""
    query = get_query(name)
    body = "\n".join(
        line for line in query.text.splitlines() if not line.startswith("#")
    )
    assert re.search(r"^\s*SELECT\b", body, re.M | re.I)
    assert re.search(r"\bORDER\s+BY\b", body, re.I)
    result = ox.Store().query(f"BASE <{iri.DEFAULT_BASE}>\n{query.text}")
    assert isinstance(result, ox.QuerySolutions)
    columns = [v.value for v in result.variables]
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", c) for c in columns), columns
    assert all(p.example for p in query.params), [p.name for p in query.params]


# ---------------------------------------------------------------- strict headers

BODY = "SELECT ?key WHERE { ?key ?p ?o } ORDER BY ?key\n"
LIMITED = (
    "#+ summary: s\n#+ params:\n#+   top: {type: limit, default: 10, description: d}\n"
)
GOOD_PARAM = '#+   key: {type: key, description: "a key", example: pp/res/130}\n'

BAD_HEADERS = [
    (
        "unknown-key",
        "#+ summary: s\n#+ summery: typo\n",
        "unknown header keys",
    ),
    ("missing-summary", "#+ tags: [citations]\n", "needs a summary"),
    ("empty-summary", "#+ summary:\n", "needs a summary"),
    ("no-header", "", "needs a summary"),
    (
        "param-unknown-type",
        "#+ summary: s\n#+ params:\n#+   key: {type: uri, description: d}\n",
        "type must be one of",
    ),
    (
        "param-without-type",
        "#+ summary: s\n#+ params:\n#+   key: {description: d}\n",
        "type must be one of",
    ),
    (
        "param-unknown-field",
        "#+ summary: s\n#+ params:\n#+   key: {type: key, exmaple: pp/res/1}\n",
        "bad declaration",
    ),
    (
        "param-not-a-mapping",
        "#+ summary: s\n#+ params:\n#+   key: key\n",
        "bad declaration",
    ),
    (
        "declared-param-not-used",
        "#+ summary: s\n#+ params:\n"
        + GOOD_PARAM
        + "#+   year: {type: int, description: a year}\n",
        "parameter year is not used",
    ),
    (
        "param-only-in-a-comment",
        "#+ summary: s\n#+ params:\n#+   other: {type: string, description: d}\n"
        "# ?other is mentioned here only\n",
        "parameter other is not used",
    ),
    (
        "limit-without-a-limit-clause",
        LIMITED,
        "parameter top needs one LIMIT clause, of its default",
    ),
    (
        "limit-only-in-a-comment",
        LIMITED + "# LIMIT 10 in a comment does not count\n",
        "parameter top needs one LIMIT clause, of its default",
    ),
    ("header-not-a-mapping", "#+ - summary\n", "must be a mapping"),
    ("bad-yaml", "#+ summary: [unclosed\n", "bad #+ header"),
]


@pytest.mark.parametrize(
    ("header", "message"),
    [(h, m) for _, h, m in BAD_HEADERS],
    ids=[i for i, _, _ in BAD_HEADERS],
)
def test_bad_header_is_refused(tmp_path: Path, header: str, message: str) -> None:
    path = tmp_path / "bad-query.rq"
    path.write_text(header + BODY, encoding="utf-8")
    with pytest.raises(QueryDefinitionError, match=re.escape(message)):
        parse_query(_stem(path), path.read_text(encoding="utf-8"), "report")


def test_good_header_is_accepted(tmp_path: Path) -> None:
    """The control row of the table above: the same body with a sound header."""
    path = tmp_path / "good-query.rq"
    path.write_text(
        "#+ summary: s\n#+ tags: [t]\n#+ params:\n" + GOOD_PARAM + BODY,
        encoding="utf-8",
    )
    query = parse_query(_stem(path), path.read_text(encoding="utf-8"), "report")
    assert [(p.name, p.type, p.example) for p in query.params] == [
        ("key", "key", "pp/res/130")
    ]
    assert query.tags == ("t",)
    assert set(TYPES) >= {p.type for p in query.params}


# ---------------------------------------------------------------- run_query errors

RUN_ERRORS = [
    ("unknown-name", "no-such-query", {}, QueryNotFound, "no query named"),
    ("internal-typo", "graph-by-hsh", {"hash": "0"}, QueryNotFound, "no query named"),
    (
        "key-not-a-key",
        "cites",
        {"key": "not a key"},
        QueryParamError,
        "cites: key:",
    ),
    ("key-empty", "cites", {"key": ""}, QueryParamError, "cites: key:"),
    ("key-missing", "cites", {}, QueryParamError, "missing parameter 'key'"),
    (
        "unknown-param",
        "cites",
        {"key": "pp/res/130/2014", "view": "current"},
        QueryParamError,
        "unknown parameter(s) ['view']",
    ),
    (
        "param-of-a-query-without-params",
        "most-cited",
        {"key": "pp/res/130"},
        QueryParamError,
        "unknown parameter(s) ['key']",
    ),
    (
        "bool-not-a-bool",
        "cites",
        {"key": "pp/res/130", "aggregate": "yes"},
        QueryParamError,
        "cites: aggregate must be true or false",
    ),
    (
        "top-zero",
        "most-cited",
        {"top": "0"},
        QueryParamError,
        "most-cited: top must be at least 1",
    ),
    (
        "top-past-the-largest",
        "citation-edges",
        {"top": str(2**53)},
        QueryParamError,
        "citation-edges: top must be at most 9007199254740991",
    ),
    (
        "top-not-a-number",
        "citation-edges",
        {"top": "many"},
        QueryParamError,
        "citation-edges: top must be a whole number",
    ),
    (
        "second-param-missing",
        "path-between",
        {"from": "pp/res/130/2014"},
        QueryParamError,
        "missing parameter 'to'",
    ),
    (
        "second-param-bad",
        "path-between",
        {"from": "pp/res/130/2014", "to": "Resolution 69"},
        QueryParamError,
        "path-between: to:",
    ),
]


@pytest.mark.parametrize(
    ("name", "params", "error", "message"),
    [row[1:] for row in RUN_ERRORS],
    ids=[row[0] for row in RUN_ERRORS],
)
def test_run_query_errors(
    name: str, params: dict[str, str], error: type[Exception], message: str
) -> None:
    store = open_store(None)
    with pytest.raises(error, match=re.escape(message)):
        run_query(store, name, params)


AGENT = iri.agent_iri("0.2.0")
RUN = iri.DEFAULT_BASE + "run/abc"
PROV = "http://www.w3.org/ns/prov#"


def test_bound_values_are_terms_not_text() -> None:
    """A string parameter that looks like SPARQL stays one literal (bound, never
    pasted): the internal lookup finds nothing instead of everything."""
    store = open_store(None)
    store.replace_graph(
        iri.DEFAULT_BASE + "doc/x",
        [
            f"<{iri.DEFAULT_BASE}doc/x> "
            '<https://w3id.org/itukg/ontology#contentHash> "abc" .',
            f"<{iri.DEFAULT_BASE}doc/x> "
            '<https://w3id.org/itukg/ontology#sourceFile> "x.txt" .',
            f"<{iri.DEFAULT_BASE}doc/x> <{PROV}wasGeneratedBy> <{RUN}> .",
            f"<{RUN}> <{PROV}wasAssociatedWith> <{AGENT}> .",
        ],
    )
    found = {"hash": "abc", "agent": AGENT}
    assert run_query(store, "graph-by-hash", found).rows == (("doc/x", "x.txt"),)
    injected = '") } } UNION { GRAPH ?graph { ?graph ?p ?file } } #'
    assert run_query(store, "graph-by-hash", {**found, "hash": injected}).rows == ()


def test_a_limit_parameter_sets_the_one_limit_clause(tmp_path: Path) -> None:
    """Declared with its default, the LIMIT clause; the runner puts the number
    asked for there (SPARQL has no variable LIMIT), and the text stays valid."""
    query = parse_query("limited", LIMITED + BODY.rstrip() + " LIMIT 10\n", "report")
    assert [(p.name, p.type, p.default) for p in query.params] == [
        ("top", "limit", "10")
    ]
    assert limited(query.text, 3).endswith("ORDER BY ?key LIMIT 3\n")
    ox.Store().query(limited(query.text, 3))


# (case, query, parameters, window, the line that cuts it)
PAGE_ORDER = "ORDER BY ?order ?g"
WINDOWS = [
    ("marked-first-page", "cites", {"key": "pp/res/130/2014"}, Window(0, 20),
     "#page", f"{PAGE_ORDER} LIMIT 20 OFFSET 0"),
    ("marked-later-page", "cited-by", {"key": "pp/res/130"}, Window(40, 5),
     "#page", f"{PAGE_ORDER} LIMIT 5 OFFSET 40"),
    ("after-the-order", "versions", {"key": "pp/res/130"}, Window(10, 5),
     "ORDER BY ?year ?revision ?version ?conference", "LIMIT 5 OFFSET 10"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "params", "window", "before", "cut"),
    [w[1:] for w in WINDOWS],
    ids=[w[0] for w in WINDOWS],
)
def test_a_window_cuts_the_ordered_query(
    name: str, params: dict[str, str], window: Window, before: str, cut: str
) -> None:
    """On the ``#page`` line where the query marks one (the subquery that picks
    the rows), else after its ORDER BY; the text stays a valid query."""
    whole = bound_query(name, params)
    text = bound_query(name, params, window=window)
    assert before in whole and cut not in whole
    assert cut in text and "#page" not in text.split(cut)[0].splitlines()[-1]
    ox.Store().query(text)


def test_a_window_needs_order_and_no_limit_of_its_own() -> None:
    with pytest.raises(QueryDefinitionError, match="a page needs ORDER BY"):
        bound_query("counts", window=Window(0, 10))
    with pytest.raises(QueryParamError, match="a page is offset >= 0"):
        bound_query("cites", {"key": "pp/res/130"}, window=Window(0, 0))
