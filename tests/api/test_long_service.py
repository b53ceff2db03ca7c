"""Issue 11, 7: the service under long tests (``pytest -m long``): schemathesis
in stateful mode against a real ``itukg serve`` (following the links it infers
between operations), and a minute of mixed load (lookups, search, SPARQL) at
the highest rate wrk can send, with no server error and flat memory."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import hypothesis
import pytest
import schemathesis
from schemathesis.checks import positive_data_acceptance

from tests.api.live import free_port, start_server, stop_server
from tests.ingest.test_workers import children

LOAD_SECONDS = 60
RSS_GROWTH_MB = 96  # the most the server's processes may grow over the minute
SAMPLE = 10  # seconds between two RSS samples
LOOKUPS = [
    "/instruments/pp/res/130/2014",
    "/instruments/pp/res/130/2014/cites",
    "/instruments/wtdc/res/69/2010/cited-by",
    "/instruments/pp/res/130/versions",
    "/search?q=digital+divide",
    "/search?q=Resolution+130+Busan",
    "/queries/most-cited",
]
SPARQL = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "SELECT ?s ?o WHERE { ?s <http://purl.org/spar/cito/cites> ?o } LIMIT 50",
    "ASK { ?s a ?t }",
]


@pytest.fixture(scope="module")
def live(store_path: str) -> Iterator[tuple[str, int]]:
    port = free_port()
    proc = start_server(store_path, port)
    yield f"http://127.0.0.1:{port}", proc.pid
    stop_server(proc)


@pytest.mark.long
def test_schemathesis_stateful(live: tuple[str, int]) -> None:
    base, _ = live
    schema = schemathesis.openapi.from_url(f"{base}/openapi.json")

    class Stateful(schema.as_state_machine()):  # type: ignore[misc]
        def validate_response(self, response: Any, case: Any, **kwargs: Any) -> None:
            # free SPARQL text, and parameters that depend on the query's name
            free = case.operation.path in ("/sparql", "/queries/{name}")
            case.validate_response(
                response,
                excluded_checks=[positive_data_acceptance] if free else [],
            )

    Stateful.run(
        settings=hypothesis.settings(
            max_examples=60,
            stateful_step_count=6,
            deadline=None,
            database=None,
            suppress_health_check=list(hypothesis.HealthCheck),
        )
    )


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, MB."""
    total = 0
    for proc in [pid, *children(pid)]:
        try:
            status = Path(f"/proc/{proc}/status").read_text()
        except OSError:
            continue
        found = re.search(r"VmRSS:\s+(\d+) kB", status)
        total += int(found.group(1)) if found else 0
    return total / 1024


def lua(paths: list[str], folder: Path) -> Path:
    quoted = ", ".join(f'"{p}"' for p in paths)
    script = folder / "mix.lua"
    script.write_text(
        f"paths = {{{quoted}}}\ni = 0\n"
        "request = function()\n  i = i % #paths + 1\n"
        '  return wrk.format("GET", paths[i])\nend\n'
    )
    return script


@pytest.mark.long
def test_a_minute_of_mixed_load(live: tuple[str, int], tmp_path: Path) -> None:
    wrk = shutil.which("wrk")
    if wrk is None:
        if os.environ.get("CI") == "true":
            pytest.fail("wrk is not installed (.ci/run installs it)")
        pytest.skip("wrk is not installed (make bench installs it)")
    base, pid = live
    paths = LOOKUPS + [
        "/sparql?query=" + urllib.parse.quote(q, safe="") for q in SPARQL
    ]
    script = lua(paths, tmp_path)
    run = [wrk, "-t2", "-c8", "--latency", "-s", str(script), base]
    subprocess.run([*run[:-1], "-d5", base], capture_output=True, check=True)
    proc = subprocess.Popen(
        [*run[:-1], f"-d{LOAD_SECONDS}", "--timeout", "10", base],
        stdout=subprocess.PIPE,
        text=True,
    )
    began = time.monotonic()
    samples = [rss_mb(pid)]
    while proc.poll() is None:
        time.sleep(0.5)
        if time.monotonic() - began >= len(samples) * SAMPLE:
            samples.append(rss_mb(pid))
    out = proc.communicate()[0]
    start, half, end = samples[0], samples[len(samples) // 2], rss_mb(pid)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p99 = re.search(r"99%\s+(\S+)", out).group(1)  # type: ignore[union-attr]
    print(
        f"\nmixed load: {LOAD_SECONDS} s, {rate:.0f} requests/s, p99 {p99}, "
        f"RSS {start:.0f} MB -> {end:.0f} MB, every {SAMPLE} s: "
        + " ".join(f"{m:.0f}" for m in samples)
    )
    assert "Non-2xx" not in out, out
    assert "Socket errors" not in out, out
    assert rate > 50
    # warm-up (caches, allocator arenas) in the first half; flat in the second
    assert end - start < RSS_GROWTH_MB, samples
    assert end - half < RSS_GROWTH_MB / 4, samples
