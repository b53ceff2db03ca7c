"""Snapshots of an embedded store: what readers open, so that they never read a
store while it is written (undefined for Oxigraph's read-only mode) and all of
them answer from the same, complete state.

Each completed ingest (or removal) publishes one: an Oxigraph backup (a RocksDB
checkpoint: hard links, cheap) in ``<store>/snapshots/<n>``, then the name
``<n>`` written to ``<store>/snapshots/CURRENT`` by an atomic rename. The
service reads CURRENT every second or so and moves all its readers to the new
snapshot. Older snapshots are removed by the next publications once they are
neither among the last ``KEEP`` nor younger than ``GRACE`` seconds (a reader
still on one keeps the files it has open)."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pyoxigraph as ox

FOLDER = "snapshots"
MARKER = "CURRENT"
SETTLED = "SETTLED"  # the store is whole but not yet published (see settle)
KEEP = 2
GRACE = 120.0  # seconds a replaced snapshot stays on disk


def publish(store: ox.Store, path: Path) -> Path:
    """Snapshot ``store`` (on disk at ``path``) and make it the current one."""
    root = path / FOLDER
    root.mkdir(exist_ok=True)
    name = f"{time.time_ns():020d}"
    target = root / name
    store.backup(str(target))
    marker = root / f".{MARKER}.{os.getpid()}"
    marker.write_text(name + "\n")
    os.replace(marker, root / MARKER)
    (root / SETTLED).unlink(missing_ok=True)
    prune(root, name)
    return target


def settle(path: Path) -> None:
    """Note that the store at ``path`` is whole (its derived graphs derived from
    its documents) before the steps that come before its publication (compaction):
    if the writer is killed in between, the next one publishes this state
    (``resume``) before it writes anything, so readers never wait on a state
    older than the store's last whole one."""
    root = path / FOLDER
    root.mkdir(exist_ok=True)
    (root / SETTLED).write_text("")


def resume(store: ox.Store, path: Path) -> None:
    """Publish the whole state a killed writer left unpublished, if any."""
    if (path / FOLDER / SETTLED).exists():
        publish(store, path)


def current(path: Path) -> Path | None:
    """The current snapshot of the store at ``path``, if one was published."""
    try:
        name = (path / FOLDER / MARKER).read_text().strip()
    except OSError:
        return None
    found = path / FOLDER / name
    return found if name and found.is_dir() else None


def prune(root: Path, keep: str) -> None:
    """Remove the snapshots that no reader should still be on."""
    names = sorted(
        (p.name for p in root.iterdir() if p.is_dir() and p.name.isdigit()),
        reverse=True,
    )
    now = time.time()
    for newer, name in zip(names, names[1:], strict=False):
        replaced = (root / newer).stat().st_mtime  # when its successor came
        if name != keep and names.index(name) >= KEEP and now - replaced > GRACE:
            shutil.rmtree(root / name, ignore_errors=True)
