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
WRITING = "WRITING"  # a writer began to change the store (see mark)
SETTLED = "SETTLED"  # its documents are whole; derivation may be pending
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
    (root / WRITING).unlink(missing_ok=True)
    prune(root, name)
    return target


def mark(path: Path, state: str) -> None:
    """Note what a writer is at, until its publication clears it: ``WRITING``
    before it changes any document graph, ``SETTLED`` once they are all whole
    and before it derives (so before the derived graphs change). If the writer
    is killed, the next one finds it (``unfinished``): after ``SETTLED`` it
    derives again and publishes before it writes anything, so the store's
    derived graph is always the published one or one being republished."""
    root = path / FOLDER
    root.mkdir(exist_ok=True)
    (root / state).write_text("")


def unfinished(path: Path) -> str | None:
    """What a killed writer left: ``SETTLED``, ``WRITING`` or nothing."""
    for state in (SETTLED, WRITING):
        if (path / FOLDER / state).exists():
            return state
    return None


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
    # when each one's successor came, all read before any is removed (a
    # successor removed first would be read after it is gone)
    replaced = {
        name: (root / newer).stat().st_mtime
        for newer, name in zip(names, names[1:], strict=False)
    }
    for at, name in enumerate(names):
        if name != keep and at >= KEEP and now - replaced[name] > GRACE:
            shutil.rmtree(root / name, ignore_errors=True)
