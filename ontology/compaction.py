"""Compaction of an embedded store, at the end of an ingest that made it grow: a
store of less than ``LARGE`` bytes is rewritten by the bulk loader into a fresh
store, which then takes its place; a larger one is merged in place by RocksDB
(``Store.optimize``).

Why two ways: pyoxigraph's RocksDB sets ``compression_per_level`` (none, none,
then LZ4) with ``level_compaction_dynamic_level_bytes``, under which the list
counts from the *base level* (the level level-0 files merge into), not from level
0. A table (column family) smaller than ``max_bytes_for_level_base`` (512 MiB)
has the last level as its base level, which then takes the second entry: no
compression. So whatever a transaction wrote, or a bulk load later merged with
it, lies uncompressed, about twice the bytes; tables written by the bulk loader
into an empty store are LZ4-compressed and stay so until RocksDB next merges
them, when the store is next opened for writing (the rewrite's loads overlap).
Once the tables pass 512 MiB (about ``LARGE`` in all), the base level moves up
and the last level, where a full merge puts the data, is compressed:
``optimize`` then leaves the store smaller than the rewrite does (10,000
generated documents: 3,543 MB against 5,211 MB, 3,765 once settled) in a
fraction of its time and memory, and nothing of it grows back.

When: ``due`` says so once the store's own files (snapshots left out) have grown
by ``GROWTH`` since the last compaction, whose size ``SIZE_FILE`` records.

Crash safety of the rewrite: the new store is built beside the store
(``<name>.compact``) and marked complete (``COMPLETE``) before anything moves.
Then the store's own files move aside into ``<name>.old`` (marked ``EMPTIED``
once all are there) and the new store's files move into the store's folder, one
rename each. The folder itself never moves, nor does its snapshots folder: a
reader on a snapshot (its own hard links) or opening the current one never finds
its path gone, and the snapshot the writer publishes next is of the new store.
``recover`` (run by the writer that opens the store) rolls a complete swap
forward or clears an unfinished build, so a kill at any moment leaves either the
old store or the new one, both whole. ``optimize`` is RocksDB's own compaction,
safe at any moment by itself; a snapshot keeps its hard links to the tables it
replaces."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from itukg.ontology import parts
from itukg.ontology.memory import release
from itukg.ontology.snapshots import FOLDER

COMPLETE = "COMPLETE"
EMPTIED = "EMPTIED"  # in <name>.old: the old store's files are all there
SIZE_FILE = "COMPACTED"  # bytes of the store's files after the last compaction
GROWTH = 1.25
LARGE = 4 * 2**30  # live bytes from which ``optimize`` compacts (see above)


def _beside(path: Path, suffix: str) -> Path:
    return path.with_name(f"{path.name}.{suffix}")


def building(path: Path) -> Path:
    """Where the compacted store is built."""
    return _beside(path, "compact")


def live_bytes(path: Path) -> int:
    """Bytes of the store's own files (its snapshots left out)."""
    return sum(f.stat().st_size for f in _files(path))


def _files(path: Path) -> Iterator[Path]:
    for f in path.iterdir():
        if f.is_file():
            yield f


def due(path: Path) -> bool:
    """Whether the store has grown enough since its last compaction."""
    try:
        last = int((path / SIZE_FILE).read_text().strip())
    except (OSError, ValueError):
        last = 0
    return live_bytes(path) > GROWTH * last


def large(path: Path) -> bool:
    """Whether the store is large enough to be compacted in place."""
    return live_bytes(path) >= LARGE


def optimize(store: ox.Store, path: Path) -> None:
    """The store at ``path`` merged in place, its new size recorded."""
    release()
    store.optimize()
    store.flush()
    (path / SIZE_FILE).write_text(f"{live_bytes(path)}\n")


def build(store: ox.Store, path: Path) -> Path:
    """A compacted copy of ``store`` (at ``path``), complete, beside it."""
    release()  # before the bulk loader takes its own
    work = building(path)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    try:
        _copy(store, work)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    (work / "store" / SIZE_FILE).write_text(f"{live_bytes(work / 'store')}\n")
    (work / COMPLETE).write_text("")
    return work


def _copy(store: ox.Store, work: Path) -> None:
    """Dump, then bulk-load the dump one loader batch at a time (``parts``)."""
    quads = work / "quads.nq"
    store.dump(str(quads), format=ox.RdfFormat.N_QUADS)
    fresh = ox.Store(str(work / "store"))
    for part in parts.cut(quads, parts.SIZE):
        fresh.bulk_load(path=str(part), format=ox.RdfFormat.N_QUADS, lenient=True)
        part.unlink()
    fresh.flush()
    del fresh
    quads.unlink()


def swap(path: Path) -> None:
    """Put the complete compacted store in the place of the one at ``path``
    (closed by now), its folder and snapshots staying where they are; then
    remove the old store's files."""
    recover(path)


def _own(path: Path) -> list[Path]:
    """The store's own entries (its snapshots folder left out)."""
    return sorted(p for p in path.iterdir() if p.name != FOLDER)


def _sync(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _move(source: Path, target: Path) -> None:
    """Every entry of ``source`` into ``target`` (``source``'s snapshots folder
    excepted), one rename each: what an interrupted move left is moved on."""
    for entry in _own(source):
        os.rename(entry, target / entry.name)
    _sync(target)


def recover(path: Path) -> None:
    """Finish a swap a crash interrupted, or clear an unfinished build."""
    work, old = building(path), _beside(path, "old")
    if not path.exists():  # a swap by an earlier version, which renamed the store
        if (work / COMPLETE).exists():
            os.rename(work / "store", path)
        elif old.exists():
            os.rename(old, path)
        else:
            return
        shutil.rmtree(work, ignore_errors=True)
    if (work / COMPLETE).exists() and not (old / EMPTIED).exists():
        old.mkdir(exist_ok=True)
        _move(path, old)  # the old store's files aside (the snapshots stay)
        (old / EMPTIED).write_text("")
        _sync(old)
    if (old / EMPTIED).exists() and (work / "store").is_dir():
        _move(work / "store", path)  # the new store's files in
    held = old / FOLDER  # left by an earlier version's swap
    if held.is_dir() and not (path / FOLDER).exists():
        os.rename(held, path / FOLDER)
    shutil.rmtree(work, ignore_errors=True)  # COMPLETE goes before EMPTIED
    shutil.rmtree(old, ignore_errors=True)
