"""Pruning of snapshots: the newest ``KEEP`` and those replaced less than
``GRACE`` seconds ago stay, however many older ones go at once."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from itukg.ontology import snapshots


@pytest.mark.parametrize(
    ("ages", "kept"),
    [
        ([0], 1),
        ([0, 500, 600], 2),
        ([0, 500, 600, 700, 800, 900], 2),  # several old ones removed at once
        ([0, 10, 20, 30], 4),  # each replaced within the grace
        ([0, 10, 500, 600, 700], 3),  # the third's successor came 10 s ago
    ],
)
def test_prune_keeps_the_newest_and_the_recent(
    tmp_path: Path, ages: list[int], kept: int
) -> None:
    now = time.time()
    names = [f"{i:020d}" for i in range(len(ages), 0, -1)]  # newest first
    for name, age in zip(names, ages, strict=True):
        (tmp_path / name).mkdir()
        os.utime(tmp_path / name, (now - age, now - age))
    snapshots.prune(tmp_path, names[0])
    left = sorted((p.name for p in tmp_path.iterdir()), reverse=True)
    assert left == names[:kept]
