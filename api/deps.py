"""Dependencies as ``Annotated`` aliases (the FastAPI template's ``deps.py``):
the settings, and the snapshot a request is answered from, with its store, the
runner of named queries on it and its instrument index.

Snapshots: for an embedded store, every reader (lookups, the search index and
the query processes of ``/sparql``) opens the snapshot that the last completed
ingest published (``ontology.snapshots``), read-only; a watcher thread looks for
a newer one every ``REFRESH`` seconds, opens it and builds its index, and only
then makes it current, so no request sees a half-built state. A request takes
one snapshot for all it reads (FastAPI resolves ``get_snapshot`` once per
request). A store without snapshots (built before they existed) is opened
itself, read-only, as before; a SPARQL server is read live."""

from __future__ import annotations

import asyncio
import math
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Request

from itukg.api.bounded import BoundedQueries
from itukg.api.cache import Runner
from itukg.api.config import Settings
from itukg.api.index import IndexCache, InstrumentIndex
from itukg.api.workers import QueryPool
from itukg.ontology import snapshots
from itukg.ontology.store import GraphStore, StoreError, open_store

REFRESH = 1.0  # seconds between looks for a newer snapshot


@dataclass(frozen=True)
class Snapshot:
    """One state of the graph and what the service reads it with."""

    location: str  # what readers open: a snapshot folder, the store, or a URL
    store: GraphStore
    runner: Runner
    index: IndexCache


class State:
    """What one application holds: its settings and its current snapshot."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._current: Snapshot | None = None
        self._stop = threading.Event()
        self.lookups: QueryPool | None = None  # the lookups' query processes

    def _location(self) -> str:
        where = self.settings.store
        if "://" in where:
            return where
        found = snapshots.current(Path(where))
        return str(found) if found is not None else where

    def _open(self, location: str) -> Snapshot:
        store = open_store(location, read_only=True)
        # a snapshot (or a store opened read-only) cannot change: keep its results
        live = "://" in location
        seconds = self.settings.cache_seconds if live else math.inf
        runner = Runner(
            store,
            self.settings.base,
            self.settings.cache_size,
            seconds,
            self._bounded(location),
        )
        return Snapshot(location, store, runner, IndexCache(seconds))

    def _bounded(self, location: str) -> BoundedQueries | None:
        """The lookups of a snapshot under the time limit: one pool of query
        processes for the application, each job naming its snapshot."""
        if self.settings.lookup_timeout <= 0:
            return None
        if self.lookups is None:
            self.lookups = QueryPool(
                location,
                self.settings.lookup_workers,
                self.settings.lookup_timeout,
                named=True,
            )
        return BoundedQueries(self.lookups, location)

    def warm(self, loop: asyncio.AbstractEventLoop) -> None:
        """Open the snapshot, start the lookups' processes, build the index."""
        bounded = self.current().runner.bounded
        if bounded is not None:
            bounded.warm(loop)
        self.index()

    def close(self) -> None:
        """Stop the lookups' query processes."""
        if self.lookups is not None:
            self.lookups.close()

    def current(self) -> Snapshot:
        with self._lock:
            if self._current is None:
                self._current = self._open(self._location())
            return self._current

    def index(self) -> InstrumentIndex:
        snap = self.current()
        return snap.index.get(snap.store, self.settings.base)

    def refresh(self) -> bool:
        """Move to a newer snapshot when there is one (its index built first)."""
        location = self._location()
        if self._current is not None and location == self._current.location:
            return False
        snap = self._open(location)
        snap.index.get(snap.store, self.settings.base)
        with self._lock:
            self._current = snap
        return True

    def watch(self) -> None:
        """Start the watcher thread (a daemon: it never holds the process up)."""
        if "://" not in self.settings.store:
            threading.Thread(target=self._watch, daemon=True, name="itukg-snap").start()

    def _watch(self) -> None:
        while not self._stop.wait(REFRESH):
            try:
                self.refresh()
            except StoreError:
                continue  # the old snapshot serves on; the next look tries again

    def stop(self) -> None:
        self._stop.set()


def get_state(request: Request) -> State:
    state: State = request.app.state.itukg
    return state


def get_settings(request: Request) -> Settings:
    return get_state(request).settings


def get_snapshot(request: Request) -> Snapshot:
    return get_state(request).current()


SnapshotDep = Annotated[Snapshot, Depends(get_snapshot)]


def get_store(snap: SnapshotDep) -> GraphStore:
    return snap.store


def get_runner(snap: SnapshotDep) -> Runner:
    return snap.runner


def get_index(request: Request, snap: SnapshotDep) -> InstrumentIndex:
    return snap.index.get(snap.store, get_settings(request).base)


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[GraphStore, Depends(get_store)]
RunnerDep = Annotated[Runner, Depends(get_runner)]
IndexDep = Annotated[InstrumentIndex, Depends(get_index)]
