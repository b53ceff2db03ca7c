"""``itukg ingest --jobs N``: the same store with one reading process or two,
results held back for order bounded by the pool, progress with documents/s and
an ETA."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from itukg.ingest.pipeline import default_jobs, ingest_paths
from itukg.ingest.workers import AHEAD, Pool
from itukg.ontology.store import EmbeddedStore, open_store
from itukg.queries import run_query
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"
ITUKG = Path(sys.executable).parent / "itukg"


def _files() -> list[Path]:
    return sorted(p for p in EXAMPLES.iterdir() if not p.name.endswith(".gold.json"))


def _open(path: Path) -> EmbeddedStore:
    s = open_store(str(path))
    assert isinstance(s, EmbeddedStore)
    return s


def _triples(store: EmbeddedStore) -> int:
    return int(run_query(store, "counts").rows[0][0] or 0)


def test_one_and_two_jobs_give_the_same_store(tmp_path: Path) -> None:
    one, two = _open(tmp_path / "one"), _open(tmp_path / "two")
    a = ingest_paths(one, _files(), workers=1)
    b = ingest_paths(two, _files(), workers=2)
    assert (a.new, a.failed, a.citations, a.triples) == (
        b.new,
        b.failed,
        b.citations,
        b.triples,
    )
    assert a.failed == 0 and a.new == len(_files())
    assert _triples(one) == _triples(two)


def test_default_is_one_job_per_core() -> None:
    assert default_jobs() >= 1


def _slow_first(i: int) -> int:
    if i == 0:
        time.sleep(1.0)
    return i


def _never_lost(job: tuple[object, ...], reason: str) -> int:
    raise AssertionError(reason)


def test_pool_holds_back_a_bounded_number_of_results() -> None:
    """The first job is slow: the other worker may run only ``AHEAD`` pool sizes
    ahead of it, not through the whole list."""
    pool: Pool[int] = Pool(_slow_first, _never_lost, 2)
    jobs = [(i,) for i in range(200)]
    seen = []
    for result in pool.map(jobs):
        if result == 0:
            assert pool._next <= 2 * AHEAD + 1  # noqa: SLF001
        seen.append(result)
    assert seen == list(range(200))


def test_cli_jobs_and_progress(tmp_path: Path) -> None:
    files = [str(p) for p in _files()[:5]]
    proc = subprocess.run(
        [str(ITUKG), "--store", str(tmp_path / "s"), "ingest", "--jobs", "2"]
        + ["--progress", *files],
        capture_output=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    last = [line for line in proc.stderr.splitlines() if "documents/s" in line][-1]
    assert f"ingesting {len(files)}/{len(files)} files" in last and "ETA" in last
