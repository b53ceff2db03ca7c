"""The query processes of ``/sparql``: each opens the store itself (read-only),
the snapshot that each job names (``api.deps``), and evaluates one query at a
time; a query past the time limit has its process killed and replaced.

Why processes and not threads: pyoxigraph cannot cancel a query, so a thread
whose result is dropped would go on using a core until the query ends (minutes,
for a careless join), and enough of them would starve the lookups. A process can
be killed; the price is one pipe round trip per query (well under a millisecond)
and one new process (a fraction of a second) after each timeout. A fixed number
of processes also bounds how many user queries run at once: a request that waits
past the time limit for a free one is answered 503."""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing as mp
import threading
from multiprocessing.process import BaseProcess

from itukg.api.errors import (
    ApiError,
    BadSparql,
    NotAcceptable,
    QueryTimeout,
    SparqlRefused,
    TooManyResults,
    Unavailable,
)
from itukg.api.results import Answer, serve

_ERRORS: dict[str, type[ApiError]] = {
    "bad-query": BadSparql,
    "not-acceptable": NotAcceptable,
    "refused": SparqlRefused,
    "too-many-results": TooManyResults,
    "unavailable": Unavailable,
}


STARTUP = 60.0  # seconds a new query process may take to be ready


class _Worker:
    def __init__(
        self, ctx: mp.context.SpawnContext, location: str, named: bool
    ) -> None:
        self.conn, child = ctx.Pipe()
        self.process: BaseProcess = ctx.Process(
            target=serve,
            args=(child, location, named),
            daemon=True,
            name="itukg-sparql",
        )
        self.process.start()
        child.close()
        # ready once imported, sandboxed and on its store: the start-up does not
        # count against the first query's time limit
        with contextlib.suppress(EOFError, OSError):
            if self.conn.poll(STARTUP):
                self.conn.recv()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(1)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class QueryPool:
    """``size`` query processes over the store at ``location``; ``named``: a
    pool for the lookups, whose jobs are named queries bound by ``queries.run``
    (``api.results.evaluate`` runs them without parsing them first)."""

    def __init__(
        self, location: str, size: int, timeout: float, named: bool = False
    ) -> None:
        self.location = location
        self.named = named
        self.size = max(1, size)
        self.timeout = timeout
        self._ctx = mp.get_context("spawn")
        self._lock = threading.Lock()
        self._workers: list[_Worker] = []
        self._idle: asyncio.Queue[_Worker] | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    def _spawn(self) -> _Worker:
        worker = _Worker(self._ctx, self.location, self.named)
        with self._lock:
            self._workers.append(worker)
        return worker

    async def _ensure(self) -> asyncio.Queue[_Worker]:
        if self._idle is None:
            self._idle = asyncio.Queue()
            for _ in range(self.size):
                self._idle.put_nowait(await asyncio.to_thread(self._spawn))
        return self._idle

    async def run(
        self, location: str, query: str, accept: str | None, cap: int
    ) -> tuple[str, bytes]:
        """``(media type, body)`` of the answer from the snapshot at ``location``
        (``api.deps``); raise the ApiError it calls for."""
        self.location = location  # where the workers started from now on open
        idle = await self._ensure()
        loop = asyncio.get_running_loop()
        start = loop.time()
        try:
            worker = await asyncio.wait_for(idle.get(), self.timeout)
        except TimeoutError:
            raise Unavailable(
                f"every query process stayed busy for {self.timeout:g} s: try again"
            ) from None
        left = max(0.05, self.timeout - (loop.time() - start))
        try:
            worker.conn.send((location, query, accept, cap))
            ready = await asyncio.to_thread(worker.conn.poll, left)
            if not ready:
                self._replace(worker)
                raise QueryTimeout(
                    f"the query ran past the time limit of {self.timeout:g} s "
                    "and was stopped: narrow it or add LIMIT"
                )
            answer: Answer = worker.conn.recv()
        except asyncio.CancelledError:  # the client went away: the answer with it
            self._replace(worker)
            raise
        except (EOFError, OSError):
            self._replace(worker)
            raise Unavailable("the query process stopped; try again") from None
        idle.put_nowait(worker)
        status, media, body = answer
        if status != "ok":
            raise _ERRORS.get(status, Unavailable)(body.decode("utf-8", "replace"))
        return media, body

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker and start another in the background."""
        with self._lock:
            if worker in self._workers:
                self._workers.remove(worker)

        async def replace() -> None:
            await asyncio.to_thread(worker.kill)
            if self._idle is not None:
                self._idle.put_nowait(await asyncio.to_thread(self._spawn))

        task = asyncio.get_running_loop().create_task(replace())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def close(self) -> None:
        with self._lock:
            workers, self._workers = self._workers, []
        for w in workers:
            w.stop()
