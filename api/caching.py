"""HTTP habits of every route, as one ASGI middleware (pure ASGI: no buffering):

- HEAD wherever GET is: the GET answer's status and headers, no body;
- ``?format=ttl|jsonld|json|csv|html|…`` as an alternative to ``Accept``;
- ``ETag`` and ``Cache-Control`` on every successful GET, from the store
  snapshot: a read-only embedded store cannot change while the server runs, so
  one token (a hash of its documents' content hashes and the package version)
  with the URL and the ``Accept`` header names an answer; ``If-None-Match`` that
  matches is answered 304 before any query runs."""

from __future__ import annotations

import asyncio
import hashlib
import math
import threading
import time
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import parse_qsl

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from itukg.ontology.errors import ItukgError
from itukg.ontology.store import EmbeddedStore, GraphStore
from itukg.queries import run_query

# ?format= values and the media type each stands for
FORMATS = {
    "json": "application/json",
    "jsonld": "application/ld+json",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "rdf": "application/rdf+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "html": "text/html",
    "srj": "application/sparql-results+json",
    "srx": "application/sparql-results+xml",
    "xml": "application/sparql-results+xml",
}
MAX_AGE = 60  # seconds a client may reuse an answer before it revalidates


def _package() -> str:
    try:
        return version("itukg")
    except PackageNotFoundError:
        return "0"


class StoreToken:
    """The token of what a store holds: computed once per snapshot of an
    embedded store (read-only, it cannot change), every ``seconds`` for a SPARQL
    server; a new snapshot (another ``location``) gets a new token."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._lock = threading.Lock()
        self._token: str | None = None
        self._location: str | None = None
        self._when = -math.inf

    def token(self, store: GraphStore, location: str) -> str:
        lifetime = math.inf if isinstance(store, EmbeddedStore) else self.seconds
        with self._lock:
            stale = time.monotonic() - self._when > lifetime
            if self._token is None or stale or location != self._location:
                self._token = digest(store)
                self._location = location
                self._when = time.monotonic()
            return self._token


def digest(store: GraphStore) -> str:
    """A hash of the documents' graphs and content hashes (one small query)."""
    rows = run_query(store, "documents").rows
    h = hashlib.sha256(_package().encode())
    for graph, _file, content in rows:
        h.update(f"{graph} {content}\n".encode())
    return h.hexdigest()[:20]


def media_of(fmt: str) -> str | None:
    """The media type ``?format=`` names (a media type itself is taken as is)."""
    return fmt if "/" in fmt else FORMATS.get(fmt.lower())


TokenOf = Callable[[], str | None]


class HttpHabits:
    """The middleware; ``token_of()`` gives the snapshot token (None: no caching)."""

    def __init__(self, app: ASGIApp, token_of: TokenOf) -> None:
        self.app = app
        self.token_of = token_of

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}
        scope = with_format(scope)
        etag = None
        if scope["method"] == "GET":
            etag = await self._etag(scope)
            if etag and etag in _matches(Headers(scope=scope)):
                await _not_modified(send, etag)
                return
        await self.app(scope, receive, _sender(send, etag, head))

    async def _etag(self, scope: Scope) -> str | None:
        try:
            token = await asyncio.to_thread(self.token_of)
        except ItukgError:
            return None
        if token is None:
            return None
        accept = Headers(scope=scope).get("accept", "")
        what = f"{token} {scope['path']}?{scope['query_string'].decode()} {accept}"
        return 'W/"' + hashlib.sha256(what.encode()).hexdigest()[:24] + '"'


def with_format(scope: Scope) -> Scope:
    """``?format=X``: the request as if its ``Accept`` were X's media type."""
    pairs = parse_qsl(scope.get("query_string", b"").decode("latin-1"))
    fmt = next((v for k, v in pairs if k == "format"), None)
    media = media_of(fmt) if fmt else None
    if media is None:
        return scope
    headers = [(k, v) for k, v in scope["headers"] if k != b"accept"]
    headers.append((b"accept", media.encode("latin-1")))
    return {**scope, "headers": headers}


def _matches(headers: Headers) -> set[str]:
    given = headers.get("if-none-match", "")
    return {t.strip() for t in given.split(",") if t.strip()}


def _cache_headers(etag: str) -> list[tuple[bytes, bytes]]:
    return [
        (b"etag", etag.encode()),
        (b"cache-control", f"public, max-age={MAX_AGE}".encode()),
    ]


async def _not_modified(send: Send, etag: str) -> None:
    headers = [*_cache_headers(etag), (b"vary", b"Accept")]
    await send({"type": "http.response.start", "status": 304, "headers": headers})
    await send({"type": "http.response.body", "body": b""})


def _sender(send: Send, etag: str | None, head: bool) -> Send:
    """``send`` that adds the cache headers to a 200 and drops a HEAD's body."""
    done = False

    async def wrapped(message: Message) -> None:
        nonlocal done
        if message["type"] == "http.response.start":
            if etag and message["status"] == 200:
                headers = MutableHeaders(scope=message)
                headers["etag"] = etag
                headers["cache-control"] = f"public, max-age={MAX_AGE}"
            await send(message)
            return
        if message["type"] == "http.response.body" and head:
            if not done and not message.get("more_body", False):
                done = True
                await send({"type": "http.response.body", "body": b""})
            return
        await send(message)

    return wrapped
