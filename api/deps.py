"""Dependencies as ``Annotated`` aliases (the FastAPI template's ``deps.py``):
the settings, the store (opened read-only on first use), the runner of named
queries on it and the instrument index."""

from __future__ import annotations

import math
import threading
from typing import Annotated

from fastapi import Depends, Request

from itukg.api.bounded import BoundedQueries
from itukg.api.cache import Runner
from itukg.api.config import Settings
from itukg.api.index import IndexCache, InstrumentIndex
from itukg.ontology.store import EmbeddedStore, GraphStore, open_store


class State:
    """What one application holds: its settings, its store and its index."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._store: GraphStore | None = None
        self._index: IndexCache | None = None
        self._runner: Runner | None = None
        self.bounded: BoundedQueries | None = None

    def store(self) -> GraphStore:
        with self._lock:
            if self._store is None:
                self._store = open_store(self.settings.store, read_only=True)
                # an embedded store opened read-only is a snapshot: keep its index
                seconds = self.settings.cache_seconds
                if isinstance(self._store, EmbeddedStore):
                    seconds = math.inf
                self._index = IndexCache(seconds)
                if self.settings.lookup_timeout > 0:
                    self.bounded = BoundedQueries(
                        self.settings.store,
                        self.settings.lookup_workers,
                        self.settings.lookup_timeout,
                    )
                self._runner = Runner(
                    self._store,
                    self.settings.base,
                    self.settings.cache_size,
                    seconds,
                    self.bounded,
                )
            return self._store

    def runner(self) -> Runner:
        self.store()
        assert self._runner is not None  # set with the store
        return self._runner

    def index(self) -> InstrumentIndex:
        store = self.store()
        assert self._index is not None  # set with the store
        return self._index.get(store, self.settings.base)

    def close(self) -> None:
        """Stop the lookups' query processes."""
        if self.bounded is not None:
            self.bounded.close()


def get_state(request: Request) -> State:
    state: State = request.app.state.itukg
    return state


def get_settings(request: Request) -> Settings:
    return get_state(request).settings


def get_store(request: Request) -> GraphStore:
    return get_state(request).store()


def get_runner(request: Request) -> Runner:
    return get_state(request).runner()


def get_index(request: Request) -> InstrumentIndex:
    return get_state(request).index()


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[GraphStore, Depends(get_store)]
RunnerDep = Annotated[Runner, Depends(get_runner)]
IndexDep = Annotated[InstrumentIndex, Depends(get_index)]
