"""The named queries as the service runs them: through a small LRU cache of their
results. An embedded store opened read-only is a snapshot that cannot change
while the server runs, so its results never go stale and are kept until evicted;
a SPARQL server's are kept ``cache_seconds``. ``cache_size`` 0 turns it off.
With ``bounded`` (``api.bounded``), each query runs in a query process under the
lookup time limit instead of in this process."""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Mapping

from itukg.api.bounded import BoundedQueries
from itukg.ontology.store import GraphStore
from itukg.queries import Table, run_query
from itukg.queries.run import Window, bound_query, cut, pages_in_query

CacheKey = tuple[str, tuple[tuple[str, str], ...], Window | None]


class Runner:
    """``run(name, params)``: the named query on one store with one base IRI."""

    def __init__(
        self,
        store: GraphStore,
        base: str,
        size: int,
        seconds: float = math.inf,
        bounded: BoundedQueries | None = None,
    ) -> None:
        self.store = store
        self.base = base
        self.size = size
        self.seconds = seconds
        self.bounded = bounded
        self._lock = threading.Lock()
        self._kept: OrderedDict[CacheKey, tuple[float, Table]] = OrderedDict()

    def run(
        self,
        name: str,
        params: Mapping[str, str] | None = None,
        window: Window | None = None,
    ) -> Table:
        """The query's rows (with a ``window``, that page of them)."""
        given = dict(params or {})
        if self.size <= 0:
            return self._evaluate(name, given, window)
        key = (name, tuple(sorted(given.items())), window)
        now = time.monotonic()
        with self._lock:
            found = self._kept.get(key)
            if found is not None and now - found[0] <= self.seconds:
                self._kept.move_to_end(key)
                return found[1]
        table = self._evaluate(name, given, window)
        with self._lock:
            self._kept[key] = (now, table)
            self._kept.move_to_end(key)
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return table

    def _evaluate(
        self, name: str, given: dict[str, str], window: Window | None
    ) -> Table:
        if window is not None and not pages_in_query(self.store):
            return cut(self._evaluate(name, given, None), window, name)
        if self.bounded is not None:
            text = bound_query(name, given, self.base, window)  # bad params raise
            found = self.bounded.run(text, self.base)
            if found is not None:
                return found
        return run_query(self.store, name, given, self.base, window)
