"""Lookups under a time limit, as ``/sparql`` queries are: the named query's text
goes to a query process of its own pool (``api.workers.QueryPool``, the same
mechanism: past the limit the process is killed and replaced, the answer is 503)
and its table comes back (``api.tables``: made there, not here). User queries
on ``/sparql`` have another pool, so they can never hold up the lookups.

The routes are synchronous (FastAPI runs them in worker threads), so a lookup
waits for the pool's answer through the event loop the pool lives in. Called
outside a request (no event loop to go through) a lookup runs in this process."""

from __future__ import annotations

import asyncio

from anyio import NoEventLoopError, from_thread

from itukg.api.results import SRJ
from itukg.api.tables import read_table, table_type
from itukg.api.workers import QueryPool
from itukg.queries import Table

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
            accept = table_type(base)
            _, body = from_thread.run(self.pool.run, self.location, text, accept, ROWS)
        except NoEventLoopError:
            return None
        return read_table(body)

    def warm(self, loop: asyncio.AbstractEventLoop) -> None:
        """Start the query processes now (from any thread), not on the first
        lookup: an ASK that opens the store in each of them."""
        for _ in range(self.pool.size):
            asyncio.run_coroutine_threadsafe(
                self.pool.run(self.location, "ASK {}", SRJ, 1), loop
            )
