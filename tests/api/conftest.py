"""The service's fixtures: one store built by the real pipeline (session,
temporary folder), the app on it through TestClient, and a real ``itukg serve``
subprocess for the clients that speak HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from itukg.api.app import create_app
from itukg.api.config import Settings
from tests.api.live import build_store, free_port, start_server, stop_server

SERVER_TIMEOUT = 2.0  # /sparql time limit of the test server, seconds
SERVER_MAX_ROWS = 1000


@pytest.fixture(scope="session")
def store_path(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(shared, tmp_path_factory.mktemp("api") / "store")


@pytest.fixture(scope="session")
def settings(store_path: str) -> Settings:
    return Settings(store=store_path, sparql_timeout=5.0, sparql_max_rows=2000)


@pytest.fixture(scope="session")
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as c:
        yield c


@pytest.fixture(scope="session")
def server(store_path: str) -> Iterator[str]:
    """The base URL of a real uvicorn server on the fixture store (read-only),
    with a short /sparql time limit and a small row cap."""
    port = free_port()
    proc = start_server(
        store_path, port,
        "--sparql-timeout", str(SERVER_TIMEOUT),
        "--sparql-max-rows", str(SERVER_MAX_ROWS),
    )  # fmt: skip
    yield f"http://127.0.0.1:{port}"
    stop_server(proc)
