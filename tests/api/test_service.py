"""Issue 11, 1: ``/sparql`` calls no one. Federated queries are refused by a
parser whatever their spelling, and the query processes cannot open a network
connection anyway. A listener on 127.0.0.1 records every connection and answers
with a marker text: no request may arrive and the marker may never come back."""

from __future__ import annotations

import multiprocessing as mp
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pytest

from itukg.api.algebra import inspect
from itukg.api.errors import BadSparql, SparqlRefused

MARKER = "REMOTE-ANSWER-7f3a"
BODY = (
    '{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal",'
    f'"value":"{MARKER}"}}}}]}}}}'
)


@dataclass
class Listener:
    """A loopback HTTP listener that answers anything with MARKER."""

    port: int = 0
    hits: list[bytes] = field(default_factory=list)
    sock: socket.socket = field(default_factory=socket.socket)

    def start(self) -> None:
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                try:
                    self.hits.append(conn.recv(4096))
                    head = (
                        "HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results"
                        f"+json\r\nContent-Length: {len(BODY)}\r\n\r\n"
                    )
                    conn.sendall(head.encode() + BODY.encode())
                except OSError:
                    pass


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    found = Listener()
    found.start()
    yield found
    found.sock.close()


KEYWORDS = [
    "SERVICE",
    "service",
    "SeRvIcE",
    "SERVICE SILENT",
    "service silent",
    "SERVICESILENT",
    "SERVICE\tSILENT",
    "SERVICE # a comment\n SILENT",
    "\\u0053ERVICE",
    "\\u0073\\u0065\\u0072\\u0076\\u0069\\u0063\\u0065",
    "SERV\\u0049CE",
    "\\U00000053ERVICE",
    "SERVICE \\u0053ILENT",
]
PLACES = [
    "{ KW TARGET { ?s ?p ?o } }",
    "{ ?a ?b ?c OPTIONAL { KW TARGET { ?s ?p ?o } } }",
    "{ { ?a ?b ?c } UNION { KW TARGET { ?s ?p ?o } } }",
    "{ { SELECT * WHERE { KW TARGET { ?s ?p ?o } } LIMIT 1 } }",
    "{ ?a ?b ?c FILTER EXISTS { KW TARGET { ?s ?p ?o } } }",
    "{ ?a ?b ?c FILTER NOT EXISTS { KW TARGET { ?s ?p ?o } } }",
    "{ ?a ?b ?c MINUS { KW TARGET { ?s ?p ?o } } }",
    "{ GRAPH ?g { KW TARGET { ?s ?p ?o } } }",
    "{ { { { KW TARGET { ?s ?p ?o } } } } }",
    "{ BIND(EXISTS { KW TARGET { ?s ?p ?o } } AS ?e) }",
]


def targets(port: int) -> list[str]:
    url = f"http://127.0.0.1:{port}/sparql"
    return [f"<{url}>", "e:x", ":x", "?endpoint", f"<{url}?q=1#frag>"]


def spellings(port: int) -> list[str]:
    """At least 50 federated queries: each keyword spelling in each place, with
    IRIs, prefixed names (glued to the keyword too) and variables as targets."""
    url = f"http://127.0.0.1:{port}/sparql"
    prologue = f"PREFIX e: <http://127.0.0.1:{port}/> PREFIX : <{url}#> "
    out = []
    for i, kw in enumerate(KEYWORDS):
        for j, place in enumerate(PLACES):
            target = targets(port)[(i + j) % 5]
            glue = "" if target[0] in "<e:" and (i + j) % 2 else " "
            body = place.replace("KW TARGET", f"{kw}{glue}{target}")
            values = f" VALUES ?endpoint {{ <{url}> }}" if "?endpoint" in body else ""
            out.append(f"{prologue}SELECT * WHERE {body[:-1]}{values} }}")
    out += [
        f"{prologue}ASK {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"{prologue}CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE e:x {{ ?s ?p ?o }} }}",
        f"{prologue}DESCRIBE ?s WHERE {{ SERVICEe:x {{ ?s ?p ?o }} }}",
        f"{prologue}SELECT * {{ SERVICE<{url}>{{?s ?p ?o}} }}",
        f"BASE <{url}> SELECT * {{ SERVICE <> {{ ?s ?p ?o }} }}",
        f"{prologue}SELECT * {{ SERVICESILENT:x {{ ?s ?p ?o }} }}",
    ]
    return out


def test_fifty_spellings_at_least(listener: Listener) -> None:
    assert len(set(spellings(listener.port))) >= 50


@pytest.mark.parametrize("index", range(len(spellings(1))))
def test_parser_refuses_every_spelling(index: int) -> None:
    with pytest.raises((SparqlRefused, BadSparql)):
        inspect(spellings(1)[index])


def test_the_endpoint_calls_no_one(server: str, listener: Listener) -> None:
    queries = spellings(listener.port)
    for q in queries:
        r = httpx.post(f"{server}/sparql", data={"query": q}, timeout=30)
        assert r.status_code in (400, 403), (q, r.status_code, r.text)
        assert MARKER not in r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        assert "\n" not in r.json()["detail"]  # one line: the reason
    assert listener.hits == []
    # the endpoint still answers local queries
    ok = httpx.get(f"{server}/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert ok.status_code == 200 and ok.json()["boolean"] is True


LOCAL = [
    'SELECT * WHERE { ?s ?p "SERVICE" }',
    "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }",
    "PREFIX ex: <x:> SELECT * WHERE { ?s ex:SERVICE ?o }",
    "SELECT ?service WHERE { ?service ?p ?o } # SERVICE <x:y> {}",
]


@pytest.mark.parametrize("query", LOCAL)
def test_words_like_service_pass(query: str) -> None:
    assert inspect(query).dataset is False


def _federated_in_sandbox(port: int, out: mp.Queue[str]) -> None:
    """In a fresh process: the network guard, then a SERVICE query that the
    parser never sees (straight to the engine)."""
    import pyoxigraph as ox

    from itukg.api.sandbox import forbid_network

    enforced = forbid_network()
    try:
        rows = list(
            ox.Store().query(
                f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/> "
                "{ ?s ?p ?o } }"
            )
        )
        out.put(f"{enforced} rows {rows}")
    except OSError as exc:
        out.put(f"{enforced} refused {exc}")


def test_query_processes_cannot_open_sockets(listener: Listener) -> None:
    ctx = mp.get_context("spawn")
    out: mp.Queue[str] = ctx.Queue()
    proc = ctx.Process(target=_federated_in_sandbox, args=(listener.port, out))
    proc.start()
    said = out.get(timeout=30)
    proc.join(10)
    assert said.startswith("True refused"), said
    assert MARKER not in said
    assert listener.hits == []
