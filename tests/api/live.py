"""A live service for the tests that speak HTTP: a store built by the real
pipeline from the seed document and ``examples/``, and ``itukg serve`` (uvicorn)
as a subprocess on a free port of 127.0.0.1."""

from __future__ import annotations

import gc
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from itukg.ingest.pipeline import ingest_paths
from itukg.ontology.store import open_store

REPO = Path(__file__).resolve().parents[2]
SEED = "corpus/seed/000_0db5f33711737b4f.txt"
ITUKG = Path(sys.executable).parent / "itukg"


def fixture_inputs(shared: Path) -> list[Path]:
    """The seed document and every example document (gold files are answers)."""
    examples = sorted(
        p
        for p in (REPO / "examples").iterdir()
        if p.is_file() and not p.name.endswith(".gold.json")
    )
    return [*examples, shared / SEED]


def build_store(shared: Path, path: Path) -> str:
    """Ingest the fixture documents into a store folder and close its writer, so
    that the service (and its query processes) can open it read-only."""
    store = open_store(str(path))
    summary = ingest_paths(store, fixture_inputs(shared))
    assert summary.failed == 0, summary.errors
    store.close()
    del store
    gc.collect()
    return str(path)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start_server(store: str, port: int, *extra: str) -> subprocess.Popen[bytes]:
    """``itukg --store STORE serve --port PORT …`` as a subprocess, once it answers."""
    env = {**os.environ, "ITUKG_CACHE_SECONDS": "60"}
    proc = subprocess.Popen(
        [str(ITUKG), "--store", store, "serve", "--host", "127.0.0.1",
         "--port", str(port), "--no-access-log", *extra],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode() if proc.stderr else ""
            raise RuntimeError(f"itukg serve exited with {proc.returncode}: {err}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/queries", timeout=2).is_success:
                return proc
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    stop_server(proc)
    raise RuntimeError("itukg serve did not answer within 60 s")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)
