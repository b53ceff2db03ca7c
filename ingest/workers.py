"""The reading processes of ``itukg ingest``: files are read, extracted and built
in worker processes, one file at a time each, and come back in order. A worker
that dies on a file (out of memory, a crash in native code, a kill) loses that
file only: it is reported with the reason and another worker takes its place.

Workers end with their parent: each asks the kernel for SIGKILL when the process
that started it dies (``PR_SET_PDEATHSIG``, Linux), and a worker that finds its
parent already gone, or the pipe to it closed, stops."""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing as mp
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

R = TypeVar("R")
AHEAD = 2  # jobs handed out per worker beyond the next result due
_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """SIGKILL this process when ``parent`` dies (Linux); exit now if it has."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(0)


def _loop(conn: Connection, func: Callable[..., Any], parent: int) -> None:
    die_with_parent(parent)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        conn.send(func(*job))


def death(code: int | None) -> str:
    """Why a process ended, from its exit code, in words."""
    if code is None or code >= 0:
        return f"its process exited with status {code}"
    try:
        name = signal.Signals(-code).name
    except ValueError:
        name = f"signal {-code}"
    if name == "SIGKILL":
        return "its process was killed (SIGKILL: out of memory, or killed by hand)"
    if name in ("SIGSEGV", "SIGBUS", "SIGILL", "SIGFPE", "SIGABRT"):
        return f"its process crashed ({name})"
    return f"its process died ({name})"


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    job: int | None = None


class Pool(Generic[R]):
    """``size`` forked workers running ``func``; ``lost(job, reason)`` stands for
    the result of a job whose worker died."""

    def __init__(
        self,
        func: Callable[..., R],
        lost: Callable[[tuple[Any, ...], str], R],
        size: int,
    ) -> None:
        self.func = func
        self.lost = lost
        self.size = max(1, size)
        self._ctx = mp.get_context("fork")
        self._workers: list[_Worker] = []
        self._next = self._limit = 0  # the next job to hand out, and the bound

    def _start(self) -> _Worker:
        mine, theirs = self._ctx.Pipe()
        process = self._ctx.Process(
            target=_loop,
            args=(theirs, self.func, os.getpid()),
            daemon=True,
            name="itukg-ingest",
        )
        process.start()
        theirs.close()
        worker = _Worker(process, mine)
        self._workers.append(worker)
        return worker

    def map(self, jobs: Sequence[tuple[Any, ...]]) -> Iterator[R]:
        """The results of ``jobs``, in their order. A job is handed out only
        while it is fewer than ``AHEAD`` workers' worth ahead of the next result
        due, so results held back for order stay bounded, however long the list
        of jobs and however slow one of them."""
        done: dict[int, R] = {}
        self._next, self._limit = 0, self.size * AHEAD
        following = 0
        try:
            for _ in range(min(self.size, len(jobs))):
                self._give(self._start(), jobs)
            while following < len(jobs):
                while following in done:
                    yield done.pop(following)
                    following += 1
                self._limit = following + self.size * AHEAD
                for idle in [w for w in self._workers if w.job is None]:
                    self._give(idle, jobs)
                if following < len(jobs):
                    self._collect(jobs, done)
        finally:
            self.close()

    def _give(self, worker: _Worker, jobs: Sequence[Any]) -> None:
        worker.job = None
        if self._next < min(len(jobs), self._limit):
            worker.job = self._next
            self._next += 1
            worker.conn.send(jobs[worker.job])

    def _collect(self, jobs: Sequence[Any], done: dict[int, R]) -> None:
        """Wait for one worker to answer or die; give it (or its heir) more."""
        busy = [w for w in self._workers if w.job is not None]
        ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy])
        for worker in busy:
            if worker.conn in ready or worker.process.sentinel in ready:
                self._answer(worker, jobs, done)

    def _answer(
        self,
        worker: _Worker,
        jobs: Sequence[Any],
        done: dict[int, R],
    ) -> None:
        assert worker.job is not None
        try:
            done[worker.job] = worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join(5)
            done[worker.job] = self.lost(
                jobs[worker.job], death(worker.process.exitcode)
            )
            self._workers.remove(worker)
            worker.conn.close()
            worker = self._start()
        self._give(worker, jobs)

    def close(self) -> None:
        for worker in self._workers:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        for worker in self._workers:
            worker.process.join(2)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(2)
            worker.conn.close()
        self._workers = []
