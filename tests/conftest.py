"""Shared fixtures. Real documents stay in ../shared (ITUKG_SHARED may point
elsewhere); tests that need them skip when it is absent, and fail when CI=true."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    return Path(os.environ.get("ITUKG_SHARED", ROOT.parent / "shared")).resolve()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared folder with the real corpus and the scorer."""
    path = shared_dir()
    if not (path / "corpus").is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the shared corpus is missing at {path} (CI=true)")
        pytest.skip(f"no shared corpus at {path}")
    return path


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite the golden files (tests/queries/expected/, tests/ingest/golden/) "
        "from the current results instead of comparing with them; review the diff.",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite golden files (--update-golden)."""
    return bool(request.config.getoption("--update-golden"))


# Known Virtuoso gaps, kept visible as xfail (not hidden) until the dialect
# (ontology/dialect.py) handles them; none today: the differences found are
# tabled in docs/scaling.md.
VIRTUOSO_KNOWN: set[str] = set()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.name in VIRTUOSO_KNOWN and "test_server_backend" in item.nodeid:
            item.add_marker(
                pytest.mark.xfail(reason="known Virtuoso gap (issue 13)", strict=False)
            )
