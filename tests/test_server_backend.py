"""The graph layer against a real SPARQL 1.1 server: ``oxigraph serve
--union-default-graph`` (the ``oxigraph`` executable of the dev extra), driven only
through the installed ``itukg`` command with ``--store http://127.0.0.1:PORT``.

One server holds the seed document and ``examples/`` for the read-only checks (the
issue-3 done-when table, idempotent re-ingest, export, and equality with the
embedded store for the same input); tests that remove or fail documents get a
fresh server of their own. Every server is a real process, stopped at the end.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from itukg.ontology.store import open_store
from itukg.queries import get_query, list_queries
from tests import virtuoso
from tests.api import live
from tests.queries.test_issue3_done import (
    DONE_IDS,
    DONE_ROWS,
    Check,
    Row,
    inputs,
    itukg,
    query_json,
)

OXIGRAPH = Path(sys.executable).with_name("oxigraph")
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
STARTUP = 30.0  # seconds to wait for a server to answer
SEED_DOC = "pp/2014/doc/82"

pytestmark = pytest.mark.slow  # some 70 runs of the real command: about 40 s

StartServer = Callable[[], str]


# ---------------------------------------------------------------- servers


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _wait_until_up(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    ask = urllib.parse.urlencode({"query": "ASK { }"})
    deadline = time.monotonic() + STARTUP
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(
                f"oxigraph serve exited with {proc.returncode}: {log.read_text()}"
            )
        try:
            with urllib.request.urlopen(f"{url}/query?{ask}", timeout=2) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    pytest.fail(f"oxigraph serve did not answer at {url} within {STARTUP} s")


def _start_oxigraph(folder: Path, stops: list[Callable[[], None]]) -> str:
    port = _free_port()
    log = folder / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                str(OXIGRAPH),
                "serve",
                "--location",
                str(folder / "data"),
                "--bind",
                f"127.0.0.1:{port}",
                "--union-default-graph",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    stops.append(lambda: _stop(proc))
    url = f"http://127.0.0.1:{port}"
    _wait_until_up(url, proc, log)
    return url


def _start_virtuoso(folder: Path, stops: list[Callable[[], None]]) -> str:
    try:
        server = virtuoso.start(folder, _free_port(), _free_port())
    except RuntimeError as exc:
        pytest.fail(str(exc))
    stops.append(server.stop)
    return server.url


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _require(kind: str) -> None:
    """Skip when the server's executable is missing; fail under CI=true."""
    if kind == "oxigraph":
        missing = "" if OXIGRAPH.is_file() else f"no oxigraph executable at {OXIGRAPH}"
        hint = "pip install -e '.[dev]'"
    else:
        missing = "" if virtuoso.available() else "no virtuoso-t and isql-vt"
        hint = "apt-get install virtuoso-opensource"
    if not missing:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{missing} (CI=true)")
    pytest.skip(f"{missing}: {hint}")


SERVERS = [
    pytest.param("oxigraph", id="oxigraph"),
    pytest.param("virtuoso", id="virtuoso", marks=pytest.mark.virtuoso),
]


@pytest.fixture(scope="session", params=SERVERS)
def start_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[StartServer]:
    """Start servers of one kind on demand (``oxigraph serve`` or ``virtuoso-t``,
    each on free ports, with its own folder); all are stopped when the session
    ends."""
    kind: str = request.param
    _require(kind)
    stops: list[Callable[[], None]] = []
    begin = _start_oxigraph if kind == "oxigraph" else _start_virtuoso

    def start() -> str:
        return begin(tmp_path_factory.mktemp(kind), stops)

    yield start
    for stop in stops:
        stop()


@pytest.fixture(scope="session")
def seeded(shared: Path, start_server: StartServer) -> tuple[str, str]:
    """A server holding the seed and examples, ingested by ``itukg ingest``; with
    the stdout of that first ingest."""
    url = start_server()
    run = itukg(url, "ingest", *inputs(shared))
    return url, run.stdout


@pytest.fixture(scope="session")
def embedded(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """An embedded store of the same input, ingested the same way."""
    store = str(tmp_path_factory.mktemp("embedded") / "store")
    itukg(store, "ingest", *inputs(shared))
    return store


def _triples(store: str) -> int:
    rows = query_json(store, "counts", {})
    return int(rows[0]["triples"])


def _documents(store: str) -> set[str]:
    return {r["graph"] for r in query_json(store, "documents", {})}


def _input_files(shared: Path) -> int:
    examples = [p for p in EXAMPLES.iterdir() if not p.name.endswith(".gold.json")]
    return len(examples) + 1


# ---------------------------------------------------------------- the seeded server


def test_first_ingest_reads_everything(shared: Path, seeded: tuple[str, str]) -> None:
    url, stdout = seeded
    n = _input_files(shared)
    assert stdout.startswith(f"{n} files: {n} new, 0 changed, 0 skipped, 0 failed")
    assert SEED_DOC in _documents(url)


@pytest.mark.parametrize(("name", "params", "check"), DONE_ROWS, ids=DONE_IDS)
def test_done_when_on_server(
    seeded: tuple[str, str], name: str, params: dict[str, str], check: Check
) -> None:
    check(query_json(seeded[0], name, params))


def test_second_ingest_changes_nothing(shared: Path, seeded: tuple[str, str]) -> None:
    url = seeded[0]
    before = _triples(url)
    run = itukg(url, "ingest", *inputs(shared))
    n = _input_files(shared)
    assert run.stdout.startswith(f"{n} files: 0 new, 0 changed, {n} skipped, 0 failed")
    assert _triples(url) == before


@pytest.mark.parametrize("fmt", ["nq", "trig"])
def test_export_quads(seeded: tuple[str, str], fmt: str) -> None:
    url = seeded[0]
    data = itukg(url, "export", "--format", fmt).stdout.encode("utf-8")
    rdf = ox.RdfFormat.N_QUADS if fmt == "nq" else ox.RdfFormat.TRIG
    quads = list(ox.parse(data, format=rdf))
    assert len(quads) == _triples(url)
    graphs = {
        q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)
    }
    assert f"https://w3id.org/itukg/{SEED_DOC}" in graphs


REPORTS = [q.name for q in list_queries("report")]


@pytest.mark.parametrize("name", REPORTS, ids=REPORTS)
def test_same_results_as_embedded(
    seeded: tuple[str, str], embedded: str, name: str
) -> None:
    """Every public query (the four of issue 3 among them), with its example
    parameters, gives the same table on the server as on the embedded store."""
    query = get_query(name)
    params = {p.name: p.example or "" for p in query.params}
    on_server = query_json(seeded[0], name, params)
    concats = _concatenations(query.text)
    on_embedded = query_json(embedded, name, params)
    assert _unordered(on_server, concats) == _unordered(on_embedded, concats)
    assert on_server, f"{name}: the example parameters find nothing"


_CONCAT = re.compile(
    r"GROUP_CONCAT\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*?;\s*separator\s*=\s*"
    r"\"([^\"]+)\"\s*\)\s*AS\s+\?(\w+)",
    re.I,
)


def _concatenations(text: str) -> dict[str, str]:
    """The columns a GROUP_CONCAT gives, with their separators."""
    return {m.group(2): m.group(1) for m in _CONCAT.finditer(text)}


def _unordered(rows: list[Row], concats: dict[str, str]) -> list[Row]:
    """The rows with the parts of each GROUP_CONCAT sorted: SPARQL 1.1 leaves
    their order to the server (Oxigraph: store order; Virtuoso: index order)."""
    return [
        {
            k: sep.join(sorted(v.split(sep)))
            if (sep := concats.get(k)) and isinstance(v, str)
            else v
            for k, v in row.items()
        }
        for row in rows
    ]


def test_same_size_as_embedded(seeded: tuple[str, str], embedded: str) -> None:
    assert _triples(seeded[0]) == _triples(embedded)
    assert _documents(seeded[0]) == _documents(embedded)


# ---------------------------------------------------------------- fresh servers


def test_remove_drops_a_document(shared: Path, start_server: StartServer) -> None:
    url = start_server()
    wtsa = EXAMPLES / "wtsa-res50-cybersecurity.txt"
    itukg(
        url, "ingest", str(shared / "corpus/seed/000_0db5f33711737b4f.txt"), str(wtsa)
    )
    docs = _documents(url)
    assert SEED_DOC in docs and len(docs) == 2
    assert query_json(url, "cites", {"key": "pp/res/130/2014"})

    run = itukg(url, "remove", SEED_DOC)
    assert run.stdout.strip() == "1 documents removed"
    assert _documents(url) == docs - {SEED_DOC}
    # the keys only the removed document named are forgotten: the command says
    # so (exit 2, the closest keys) rather than answer with nothing
    for name, key in (
        ("cites", "pp/res/130/2014"),
        ("superseded-by", "pp/res/182/2010"),
    ):
        gone = itukg(url, "query", name, "--param", f"key={key}", check=False)
        assert gone.returncode == 2, gone.stdout
        assert f"no instrument '{key}' in the graph" in gone.stderr

    by_file = itukg(url, "remove", str(wtsa))
    assert by_file.stdout.strip() == "1 documents removed"
    assert _documents(url) == set()

    missing = itukg(url, "remove", SEED_DOC, check=False)
    assert missing.returncode == 1
    assert f"itukg: {SEED_DOC}: no such document in the store" in missing.stderr


def test_bad_file_fails_alone(tmp_path: Path, start_server: StartServer) -> None:
    url = start_server()
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\xff\xfe\x00\x01binary")
    good = [
        EXAMPLES / "wtsa-res50-cybersecurity.txt",
        EXAMPLES / "wtdc17-doc45-acp.txt",
    ]
    run = itukg(url, "ingest", str(good[0]), str(bad), str(good[1]), check=False)
    assert run.returncode == 1, run.stderr
    errors = run.stderr.splitlines()
    assert len(errors) == 1 and errors[0].startswith(f"itukg: {bad}: "), errors
    assert run.stdout.startswith("3 files: 2 new, 0 changed, 0 skipped, 1 failed")
    files = {r["file"] for r in query_json(url, "documents", {})}
    assert files == {str(p) for p in good}


@pytest.mark.parametrize("path", ["", "/sparql"], ids=["oxigraph", "virtuoso"])
def test_unreachable_server_is_one_error_line(path: str) -> None:
    url = f"http://127.0.0.1:{_free_port()}{path}"
    run = itukg(url, "query", "versions", "--param", "key=pp/res/130", check=False)
    assert run.returncode == 2
    assert run.stderr.startswith(f"itukg: {url}: cannot reach the server")
    assert len(run.stderr.splitlines()) == 1


def test_blank_nodes_big_graphs_and_graph_iris(start_server: StartServer) -> None:
    """A graph of 5,700 triples, 2,100 of them with blank nodes (linked in
    pairs), is written whole however the server takes it, read back by a GRAPH
    with its IRI, and dumped with its blank nodes."""
    store = open_store(start_server())
    graph = "http://example.org/itukg-test/g"
    linked = [
        line
        for i in range(700)
        for line in (
            f'_:a{i} <http://example.org/p> "a{i}" .',
            f"_:a{i} <http://example.org/q> _:b{i} .",
            f"_:b{i} <http://example.org/p> {i} .",
        )
    ]
    plain = [
        f"<http://example.org/s{i}> <http://example.org/p> {i} ." for i in range(3600)
    ]
    store.replace_graph(graph, plain[:1800] + linked + plain[1800:])
    pairs = store.query(
        "SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?a) AS ?nodes) WHERE { "
        f"GRAPH <{graph}> {{ ?a <http://example.org/q> ?b . "
        "?b <http://example.org/p> ?i . ?a <http://example.org/p> ?s } "
        'FILTER(?s = CONCAT("a", STR(?i))) }'
    )
    assert isinstance(pairs, ox.QuerySolutions)
    row = next(iter(pairs))
    assert (row["n"], row["nodes"]) == (ox.Literal(700), ox.Literal(700))
    every = store.query(f"SELECT * WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    assert isinstance(every, ox.QuerySolutions)
    assert sorted(v.value for v in every.variables) == ["o", "p", "s"]
    assert len(list(every)) == 5_700
    quads = list(
        ox.parse(store.dump(ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
    )
    assert sum(isinstance(q.subject, ox.BlankNode) for q in quads) == 2_100


@pytest.mark.virtuoso
def test_virtuoso_cut_answer_is_an_error(tmp_path: Path) -> None:
    """An answer cut at ResultSetMaxRows is an error, never a short table (an
    answer of exactly that many rows counts as cut: Virtuoso cannot tell)."""
    _require("virtuoso")
    # ingest reads answers longer than 5 rows: the cap is set once it is done,
    # by a restart of the same database
    loader = virtuoso.start(tmp_path / "db", _free_port(), _free_port())
    try:
        itukg(loader.url, "ingest", str(EXAMPLES / "wtsa-res50-cybersecurity.txt"))
    finally:
        loader.stop()
    server = virtuoso.start(tmp_path / "db", _free_port(), _free_port(), max_rows=5)
    try:
        few = itukg(server.url, "sparql", "SELECT * WHERE { ?s ?p ?o } LIMIT 4")
        assert few.stdout.rstrip().endswith("(4 rows)")
        run = itukg(server.url, "sparql", "SELECT * WHERE { ?s ?p ?o }", check=False)
        assert run.returncode == 2
        assert "the server cut the answer at 5 rows" in run.stderr
        assert len(run.stderr.splitlines()) == 1
    finally:
        server.stop()


# ---------------------------------------------------------------- the service


@pytest.fixture(scope="session")
def api_on_server(seeded: tuple[str, str]) -> Iterator[str]:
    """``itukg --store URL serve`` over the seeded server: its base URL."""
    port = _free_port()
    proc = live.start_server(seeded[0], port)
    yield f"http://127.0.0.1:{port}"
    live.stop_server(proc)


@pytest.fixture(scope="session")
def api_on_embedded(embedded: str) -> Iterator[str]:
    """The same service over the embedded store of the same input."""
    port = _free_port()
    proc = live.start_server(embedded, port)
    yield f"http://127.0.0.1:{port}"
    live.stop_server(proc)


ROUTES = [
    "/instruments/pp/res/130/2014",
    "/instruments/wtdc/res/69/2010",
    "/instruments/pp/res/130/2014/cites",
    "/instruments/wtdc/res/69/2010/cited-by",
    "/instruments/pp/res/130/versions",
    "/instruments/pp/res/182/2010/superseded-by",
    "/instruments/pp/res/182/2014/supersedes",
    "/instruments/pp/2014/doc/82/amendments",
    "/instruments/pp/res/130/amendments",
    "/instruments/pp/res/130/supersedes",
    "/instruments/pp/res/182/superseded-by",
    "/instruments/pp/res/130?aggregate=false",
    "/search?q=resolution+130+busan",
    "/queries/most-cited",
    "/queries/versions?key=pp/res/130",
]


@pytest.mark.parametrize("route", ROUTES)
def test_api_same_answers_as_embedded(
    api_on_server: str, api_on_embedded: str, route: str
) -> None:
    on_server = httpx.get(api_on_server + route, timeout=60)
    on_embedded = httpx.get(api_on_embedded + route, timeout=60)
    assert on_server.status_code == on_embedded.status_code == 200, on_server.text
    # links name the service they come from
    assert _json(on_server, api_on_server) == _json(on_embedded, api_on_embedded)


# instrument pages: their first citations, counts and neighbourhood drawing
PAGES = ["/instruments/pp/res/130/2014", "/instruments/wtdc/res/69/2010"]


@pytest.mark.parametrize("route", PAGES)
def test_api_same_pages_as_embedded(
    api_on_server: str, api_on_embedded: str, route: str
) -> None:
    html = {"Accept": "text/html"}
    on_server = httpx.get(api_on_server + route, headers=html, timeout=60)
    on_embedded = httpx.get(api_on_embedded + route, headers=html, timeout=60)
    assert on_server.status_code == on_embedded.status_code == 200, on_server.text
    assert on_server.text.replace(api_on_server, "ORIGIN") == on_embedded.text.replace(
        api_on_embedded, "ORIGIN"
    )


def _json(answer: httpx.Response, origin: str) -> object:
    return json.loads(answer.text.replace(origin, "ORIGIN"))


SPARQL = {
    "count": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "ask": "ASK { ?s a <https://w3id.org/itukg/ontology#Citation> }",
    "ask-false": "ASK { ?s a <https://w3id.org/itukg/ontology#Nothing> }",
    "graphs": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g",
}


@pytest.mark.parametrize("name", SPARQL)
def test_api_sparql_same_answers_as_embedded(
    api_on_server: str, api_on_embedded: str, name: str
) -> None:
    params = {"query": SPARQL[name]}
    on_server = httpx.get(f"{api_on_server}/sparql", params=params, timeout=60)
    on_embedded = httpx.get(f"{api_on_embedded}/sparql", params=params, timeout=60)
    assert on_server.status_code == 200, on_server.text
    assert on_server.json() == on_embedded.json()


def test_api_sparql_construct(api_on_server: str, api_on_embedded: str) -> None:
    query = (
        "CONSTRUCT { ?s ?p ?o } WHERE { "
        "VALUES ?s { <https://w3id.org/itukg/pp/res/130/2014> } ?s ?p ?o }"
    )
    answers = [
        httpx.get(
            f"{api}/sparql",
            params={"query": query},
            headers={"Accept": "application/n-triples"},
            timeout=60,
        )
        for api in (api_on_server, api_on_embedded)
    ]
    graphs = [set(ox.parse(a.content, format=ox.RdfFormat.N_TRIPLES)) for a in answers]
    assert graphs[0] == graphs[1] and graphs[0]


def test_api_page(api_on_server: str) -> None:
    page = httpx.get(
        f"{api_on_server}/instruments/pp/res/130/2014",
        headers={"Accept": "text/html"},
        timeout=60,
    )
    assert page.status_code == 200
    assert "Resolution 130" in page.text
