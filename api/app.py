"""The application factory: ``create_app(settings)``. ``itukg serve`` builds the
settings and runs the app under uvicorn (``itukg.cli:app_factory``)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from itukg.api import errors
from itukg.api.config import Settings
from itukg.api.deps import State
from itukg.api.routes import instruments, mandates, pages, queries, search, sparql
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

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # open the store and build the search index before the first request
        try:
            await asyncio.to_thread(state.index)
        except ItukgError as exc:  # answered 503 with the reason on each request
            log.warning("itukg: %s", exc)
        yield
        pool: QueryPool | None = getattr(app.state, "sparql_pool", None)
        if pool is not None:
            pool.close()

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
    app.include_router(mandates.router)  # before instruments, which takes any path
    app.include_router(instruments.router)
    app.include_router(search.router)
    app.include_router(queries.router)
    app.include_router(sparql.router)
    # last: with a base IRI at the server's root this route takes any path
    app.include_router(instruments.iri_router(settings.base_path))
    return app
