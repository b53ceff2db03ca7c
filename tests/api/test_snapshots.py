"""Issue 11, 4 and 6: the service reads snapshots. While ``itukg ingest`` adds
documents to the store a running ``itukg serve`` answers, clients see counts that
never go backwards and never alternate (lookups, search and every SPARQL
process on the same snapshot), and the service moves to each completed ingest
within seconds, without restart. And ``itukg serve`` stops on SIGTERM or SIGINT
at any moment, start-up included."""

from __future__ import annotations

import signal
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from tests.api.live import ITUKG, free_port, start_server, stop_server

HASH = "https://w3id.org/itukg/ontology#contentHash"
DOCS = f"SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?d <{HASH}> ?h }} }}"
BATCH = 6
ROUNDS = 4


def write_batch(folder: Path, start: int) -> None:
    """``BATCH`` small documents, each citing PP Resolution 77 (2014) once."""
    folder.mkdir(exist_ok=True)
    for i in range(start, start + BATCH):
        (folder / f"gen-{i:03d}.txt").write_text(
            f"Document {i} on quietly numbered matters\n\n"
            "recalling Resolution 77 (Rev. Busan, 2014) of the Plenipotentiary "
            f"Conference, and its paragraph {i},\n"
        )


def ingest(store: Path, folder: Path) -> None:
    done = subprocess.run(
        [str(ITUKG), "--store", str(store), "ingest", str(folder)],
        capture_output=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr.decode()


def sparql_count(base: str) -> int:
    r = httpx.get(f"{base}/sparql", params={"query": DOCS}, timeout=30)
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def cited_by(base: str) -> int:
    r = httpx.get(
        f"{base}/instruments/pp/res/77/2014/cited-by",
        params={"aggregate": "false", "limit": 10},
        timeout=30,
    )
    assert r.status_code == 200, r.text
    return int(r.json()["total"])


def watch(
    probe: Callable[[str], int], base: str, seen: list[int], stop: threading.Event
) -> None:
    while not stop.is_set():
        seen.append(probe(base))
        time.sleep(0.02)


@pytest.mark.slow
def test_clients_follow_ingests_and_never_go_back(tmp_path: Path) -> None:
    store, folder = tmp_path / "store", tmp_path / "docs"
    write_batch(folder, 0)
    ingest(store, folder)
    port = free_port()
    proc = start_server(str(store), port)
    base = f"http://127.0.0.1:{port}"
    seen: dict[str, list[int]] = {"sparql": [], "cited-by": []}
    stop = threading.Event()
    probes = {"sparql": sparql_count, "cited-by": cited_by}
    threads = [
        threading.Thread(target=watch, args=(probes[name], base, seen[name], stop))
        for name in seen
    ]
    try:
        for t in threads:
            t.start()
        for round_ in range(1, ROUNDS + 1):
            write_batch(folder, round_ * BATCH)
            ingest(store, folder)
            deadline = time.monotonic() + 15
            want = (round_ + 1) * BATCH
            while time.monotonic() < deadline:
                if sparql_count(base) == want and cited_by(base) >= want:
                    break
                time.sleep(0.1)
            assert sparql_count(base) == want, f"not at round {round_} within 15 s"
    finally:
        stop.set()
        for t in threads:
            t.join(30)
        stop_server(proc)
    for name, counts in seen.items():
        assert counts, name
        assert all(a <= b for a, b in zip(counts, counts[1:], strict=False)), name
        assert counts[-1] >= (ROUNDS + 1) * BATCH, name
    assert len(set(seen["sparql"])) == ROUNDS + 1  # every state seen, none other


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_serve_stops_on_a_signal_at_any_moment(
    store_path: str, sig: signal.Signals
) -> None:
    for delay in (0.05, 0.4, 1.0, 2.0, 3.5):
        port = free_port()
        proc = subprocess.Popen(
            [str(ITUKG), "--store", store_path, "serve", "--port", str(port),
             "--no-access-log"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(delay)
        proc.send_signal(sig)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
            pytest.fail(f"itukg serve ignored {sig.name} {delay} s after its start")
