"""The graph at scale in CI (issue 12): a generated corpus of a few hundred
documents, ingested by the real pipeline into an on-disk store, served by a real
``itukg serve``: it starts, every named query for the most cited instrument and
every uncached lookup answers within the service's time limit, and SIGTERM stops
it. No timing is asserted here (a shared CI machine's load would make it a coin
toss): ``make bench`` (``benchmarks/scale.py``) times 300, 1,000 and 10,000
documents beside the landed release in one run."""

from __future__ import annotations

import gc
from typing import Any

import pytest

from benchmarks.corpus import write_corpus
from benchmarks.scale import CURRENT, service, targets
from itukg.ingest.pipeline import ingest_paths
from itukg.ontology.store import open_store
from itukg.queries import list_queries

DOCS = 250
pytestmark = [pytest.mark.scale, pytest.mark.slow]


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("corpus")
    paths = write_corpus(folder, DOCS, seed=11, formats=False)
    path = tmp_path_factory.mktemp("scale") / "store"
    store = open_store(str(path))
    summary = ingest_paths(store, paths)
    assert (summary.new, summary.failed) == (DOCS, 0), summary.errors
    store.close()
    del store
    gc.collect()
    return service(CURRENT, path, targets(path), runs=2)


def test_service_starts_and_stops_on_sigterm(measured: dict[str, Any]) -> None:
    """Ready (it answers an instrument lookup) before the benchmark's limit, and
    stopped by SIGTERM (None: it had to be killed)."""
    assert measured["ready_s"] is not None, measured
    assert measured["sigterm_stop_s"] is not None, measured


def test_every_named_query_answers(measured: dict[str, Any]) -> None:
    """Each named query about the most cited instrument answers (200): none is
    cut by the service's time limit (503) or fails. How fast is for
    ``make bench``, which compares it with the release in the same run."""
    failed = {n: q for n, q in measured["queries"].items() if q["status"] != 200}
    assert not failed, failed
    assert set(measured["queries"]) == {q.name for q in list_queries("report")}


def test_every_uncached_lookup_answers(measured: dict[str, Any]) -> None:
    lookups = measured["lookups"]
    assert not lookups["failed"], lookups
    assert lookups["all"]["count"] > 0, lookups
