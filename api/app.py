"""The application factory: ``create_app(settings)``. ``itukg serve`` builds the
settings and runs the app under uvicorn (``itukg.cli:app_factory``)."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from itukg.api import errors
from itukg.api.config import Settings
from itukg.api.deps import State
from itukg.api.routes import instruments, pages, queries, search, sparql
from itukg.api.workers import QueryPool
from itukg.ontology.errors import ItukgError

log = logging.getLogger("itukg.api")

DESCRIPTION = """Lookups of ITU instruments (resolutions, decisions,
recommendations, UNGA resolutions, conference documents …) by key, with the
evidence of every citation; search; the named queries; a SPARQL 1.1 endpoint.
Keys are those of the project's contract (``pp/res/130/2014``); JSON by default,
JSON-LD and Turtle by ``Accept``."""


def create_app(settings: Settings) -> FastAPI:

    state = State(settings)

    def warm(loop: asyncio.AbstractEventLoop) -> None:
        try:
            state.store()
            if state.bounded is not None:
                state.bounded.warm(loop)
            state.index()
        except ItukgError as exc:  # answered 503 with the reason on each request
            log.warning("itukg: %s", exc)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # open the store and read the search index (what ingest stored: a query
        # over graph/instruments and graph/derived) beside the first requests,
        # not before them: the service is ready at once at any size, and a
        # SIGTERM while it warms up stops it (a daemon thread holds no one up)
        loop = asyncio.get_running_loop()
        threading.Thread(
            target=warm, args=(loop,), name="itukg-index", daemon=True
        ).start()
        yield
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
    )
    app.state.itukg = state
    # read-only open data: any web page may query it (YASGUI, notebooks)
    app.add_middleware(
        CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
        allow_headers=["*"], expose_headers=["Link"],
    )  # fmt: skip
    errors.install(app)
    app.include_router(pages.router)
    app.include_router(instruments.router)
    app.include_router(search.router)
    app.include_router(queries.router)
    app.include_router(sparql.router)
    # last: with a base IRI at the server's root this route takes any path
    app.include_router(instruments.iri_router(settings.base_path))
    return app
