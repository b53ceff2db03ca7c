"""The application factory: ``create_app(settings)``. ``itukg serve`` builds the
settings and runs the app under uvicorn (``itukg.cli:app_factory``)."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from itukg.api import errors, openapi
from itukg.api.caching import HttpHabits, StoreToken
from itukg.api.config import Settings
from itukg.api.deps import State
from itukg.api.routes import (
    docs,
    instruments,
    mandates,
    named,
    pages,
    queries,
    search,
    sparql,
)
from itukg.api.workers import QueryPool
from itukg.ontology.errors import ItukgError

log = logging.getLogger("itukg.api")
STATIC = Path(__file__).parent / "static"  # the editor's script and YASQE

DESCRIPTION = """Lookups of ITU instruments (resolutions, decisions,
recommendations, UNGA resolutions, conference documents …) by key, with the
evidence of every citation; search; the named queries; a SPARQL 1.1 endpoint.
Keys are those of the project's contract (``pp/res/130/2014``); JSON by default,
JSON-LD and Turtle by ``Accept``."""


def _warm(state: State) -> None:
    try:
        state.index()
    except ItukgError as exc:  # answered 503 with the reason on each request
        log.warning("itukg: %s", exc)


def create_app(settings: Settings) -> FastAPI:

    state = State(settings)

    def warm(loop: asyncio.AbstractEventLoop) -> None:
        try:
            state.warm(loop)
        except ItukgError as exc:  # answered 503 with the reason on each request
            log.warning("itukg: %s", exc)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # open the snapshot and read the search index (what ingest stored: a
        # query over graph/instruments and graph/derived) beside the first
        # requests, not before them: the service is ready at once at any size,
        # and a SIGTERM while it warms up stops it (a daemon thread holds no one
        # up); the watcher moves to newer snapshots
        loop = asyncio.get_running_loop()
        threading.Thread(
            target=warm, args=(loop,), name="itukg-index", daemon=True
        ).start()
        state.watch()
        yield
        state.stop()
        pool: QueryPool | None = getattr(app.state, "sparql_pool", None)
        if pool is not None:
            pool.close()
        state.close()

    app = FastAPI(
        title="itukg",
        summary="A knowledge graph of cross-references between ITU resolutions",
        description=DESCRIPTION,
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,  # served from local assets (api.routes.docs)
        redoc_url=None,
    )
    app.state.itukg = state
    # read-only open data: any web page may query it (YASGUI, notebooks)
    app.add_middleware(
        CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "HEAD", "POST"],
        allow_headers=["*"], expose_headers=["Link", "ETag"],
    )  # fmt: skip
    tokens = StoreToken(settings.cache_seconds)

    def token_of() -> str:
        snap = state.current()
        return tokens.token(snap.store, snap.location)

    app.add_middleware(HttpHabits, token_of=token_of)
    errors.install(app)
    openapi.install(app)
    app.mount(docs.PREFIX, docs.assets(), name="docs-assets")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(docs.router)
    app.include_router(pages.router)
    app.include_router(mandates.router)  # before instruments, which takes any path
    app.include_router(instruments.router)
    app.include_router(search.router)
    app.include_router(named.router)  # one operation per named query, first
    app.include_router(queries.router)
    app.include_router(sparql.router)
    # last: with a base IRI at the server's root this route takes any path
    app.include_router(instruments.iri_router(settings.base_path))
    return app
