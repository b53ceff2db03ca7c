"""Lookups under a time limit, as ``/sparql`` queries are: the named query's text
goes to a query process of its own pool (``api.workers.QueryPool``, the same
mechanism: past the limit the process is killed and replaced, the answer is 503)
and its SPARQL results JSON comes back as a table. User queries on ``/sparql``
have another pool, so they can never hold up the lookups.

The routes are synchronous (FastAPI runs them in worker threads), so a lookup
waits for the pool's answer through the event loop the pool lives in. Called
outside a request (no event loop to go through) a lookup runs in this process."""

from __future__ import annotations

import asyncio

import pyoxigraph as ox
from anyio import NoEventLoopError, from_thread

from itukg.api.results import SRJ
from itukg.api.workers import QueryPool
from itukg.queries import Table
from itukg.queries.run import table

ROWS = 10_000_000  # lookups are not capped; the time limit bounds them


class BoundedQueries:
    """Runs query texts in a pool of query processes (started on first use)."""

    def __init__(self, pool: QueryPool, location: str) -> None:
        self.pool = pool
        self.location = location  # the snapshot every job of these lookups reads

    def run(self, text: str, base: str) -> Table | None:
        """The answer as a table; None when not called from a request's worker
        thread (the caller then runs the query itself). Raises the ApiError of
        a query past the time limit (503)."""
        try:
            _, body = from_thread.run(self.pool.run, self.location, text, SRJ, ROWS)
        except NoEventLoopError:
            return None
        result = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        return table(result, base)

    def warm(self, loop: asyncio.AbstractEventLoop) -> None:
        """Start the query processes now (from any thread), not on the first
        lookup: an ASK that opens the store in each of them."""
        for _ in range(self.pool.size):
            asyncio.run_coroutine_threadsafe(
                self.pool.run(self.location, "ASK {}", SRJ, 1), loop
            )
