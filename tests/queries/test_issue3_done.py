"""Issue #3 ("Knowledge graph"), done when: after ``itukg ingest`` of the seed
document (PP-14 Document 82) and ``examples/``, the named queries answer

- ``cites`` of pp/res/130/2014: the 14 scored targets of the seed gold, among its
  current-view rows;
- ``cited-by`` of wtdc/res/69/2010: pp/res/130/2014 and pp/res/130/2010;
- ``superseded-by`` of pp/res/182/2010: pp/res/182/2014, proposed by INS/82/1;
- ``versions`` of pp/res/130: 2006, 2010, 2014, in that order.

Everything runs through the installed ``itukg`` command in subprocesses. The same
table is run against a SPARQL server by ``tests/test_server_backend.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ITUKG = Path(sys.executable).with_name("itukg")
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SEED = "corpus/seed/000_0db5f33711737b4f.txt"
TIMEOUT = 120.0

Row = dict[str, Any]

# The seed gold's current-view targets of pp/res/130/2014 (all 14 are scored kinds).
CITES_130_2014 = {
    "pp/res/130/2006",
    "wtdc/res/69/2010",
    "council/res/1305/2009",
    "wtdc/res/45/2010",
    "wtsa/res/58/2008",
    "wtpf/opinion/4/2009",
    "wtsa/res/50/2008",
    "wtsa/res/52/2008",
    "pp/res/71/2010",
    "itu-d/question/22-1/1",
    "unga/res/64/211",
    "pp/res/181/2010",
    "unga/res/55/63",
    "pp/res/100/1998",
}


def itukg(
    store: str, *args: str, check: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run ``itukg --store STORE ARGS…``; with ``check``, exit status 0 or fail."""
    run = subprocess.run(
        [str(ITUKG), "--store", store, *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    if check:
        assert run.returncode == 0, f"itukg {' '.join(args)}: {run.stderr}"
    return run


def query_json(store: str, name: str, params: dict[str, str]) -> list[Row]:
    """``itukg query NAME --param k=v … --format json``, parsed."""
    args = [a for k, v in params.items() for a in ("--param", f"{k}={v}")]
    out = itukg(store, "query", name, *args, "--format", "json").stdout
    rows: list[Row] = json.loads(out)
    return rows


def inputs(shared: Path) -> list[str]:
    return [str(EXAMPLES), str(shared / SEED)]


# ---------------------------------------------------------------- the checks


def cites_the_gold_targets(rows: list[Row]) -> None:
    current = {r["target"] for r in rows if r["view"] == "current"}
    missing = CITES_130_2014 - current
    assert not missing, f"current-view targets lack {sorted(missing)}"
    assert {r["source"] for r in rows} == {"pp/res/130/2014"}


def cited_by_both_versions_of_130(rows: list[Row]) -> None:
    missing = {"pp/res/130/2014", "pp/res/130/2010"} - {r["source"] for r in rows}
    assert not missing, f"sources lack {sorted(missing)}"
    views = {(r["source"], r["view"]) for r in rows}
    assert ("pp/res/130/2014", "current") in views
    assert ("pp/res/130/2010", "previous") in views


def superseded_by_the_proposal(rows: list[Row]) -> None:
    found = [(r["successor"], r["status"], r["proposal"], r["document"]) for r in rows]
    assert ("pp/res/182/2014", "proposed", "INS/82/1", "pp/2014/doc/82") in found


def versions_in_order(rows: list[Row]) -> None:
    assert [(r["version"], r["year"]) for r in rows] == [
        ("pp/res/130/2006", 2006),
        ("pp/res/130/2010", 2010),
        ("pp/res/130/2014", 2014),
    ]


Check = Callable[[list[Row]], None]
DONE_WHEN: list[tuple[str, str, dict[str, str], Check]] = [
    (
        "cites-pp-res-130-2014",
        "cites",
        {"key": "pp/res/130/2014"},
        cites_the_gold_targets,
    ),
    (
        "cited-by-wtdc-res-69-2010",
        "cited-by",
        {"key": "wtdc/res/69/2010"},
        cited_by_both_versions_of_130,
    ),
    (
        "superseded-by-pp-res-182-2010",
        "superseded-by",
        {"key": "pp/res/182/2010"},
        superseded_by_the_proposal,
    ),
    ("versions-pp-res-130", "versions", {"key": "pp/res/130"}, versions_in_order),
]
DONE_IDS = [row[0] for row in DONE_WHEN]
DONE_ROWS = [row[1:] for row in DONE_WHEN]


# ---------------------------------------------------------------- the embedded store


@pytest.fixture(scope="module")
def cli_store(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    store = str(tmp_path_factory.mktemp("done") / "store")
    run = itukg(store, "ingest", *inputs(shared))
    assert "0 failed" in run.stdout, run.stdout
    return store


@pytest.mark.parametrize(("name", "params", "check"), DONE_ROWS, ids=DONE_IDS)
def test_done_when(
    cli_store: str, name: str, params: dict[str, str], check: Check
) -> None:
    check(query_json(cli_store, name, params))
