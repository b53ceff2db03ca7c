"""A graph of an embedded store replaced by several transactions, yet never left
partial by a kill: the updates write a scratch graph, each in its own
transaction (memory bounded by the largest of them, not by their sum, which one
transaction over the whole graph would hold until it commits); once the scratch
is whole, the graph is emptied and the scratch copied in, ``BATCH`` quads per
transaction, then the scratch is emptied.

A mark in the store's snapshots folder (``MARK``: the state, the graph and the
scratch) says how far that went: ``staging`` (the scratch is being written),
``staged`` (it is whole: the swap is due) or ``copied`` (the graph is whole: the
scratch is left to empty). The writer that opens the store next (``recover``)
finishes a swap that was due, or empties an unfinished scratch, so the graph is
always the old one or the new one, whole. A store in memory keeps no mark."""

from __future__ import annotations

import os
from collections.abc import Sequence
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from itukg.ontology.memory import release
from itukg.ontology.snapshots import FOLDER

MARK = "STAGED"
BATCH = 20_000  # quads deleted or copied per transaction


def replace(
    store: ox.Store, path: Path | None, graph: str, scratch: str, updates: Sequence[str]
) -> None:
    """Replace ``graph`` by what ``updates`` write into ``scratch``."""
    _mark(path, "staging", graph, scratch)
    empty(store, scratch)
    for update in updates:
        store.update(update)
        _settle(store)
    _mark(path, "staged", graph, scratch)
    _swap(store, path, graph, scratch)


def recover(store: ox.Store, path: Path) -> None:
    """Finish what a killed writer's ``replace`` left."""
    try:
        state, graph, scratch = (path / FOLDER / MARK).read_text().split()
    except (OSError, ValueError):
        return
    if state == "staged":
        _swap(store, path, graph, scratch)
    else:  # staging: the graph is the old one; copied: the new one
        empty(store, scratch)
        _unmark(path)


def _swap(store: ox.Store, path: Path | None, graph: str, scratch: str) -> None:
    empty(store, graph)
    _copy(store, scratch, graph)
    _mark(path, "copied", graph, scratch)
    empty(store, scratch)
    _unmark(path)


def empty(store: ox.Store, graph: str) -> None:
    """Delete the quads of ``graph``, ``BATCH`` per transaction, then its name
    (a DROP is one transaction as large as the graph)."""
    node = ox.NamedNode(graph)
    some = (
        f"DELETE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} WHERE {{ {{ SELECT ?s ?p ?o "
        f"WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} LIMIT {BATCH} }} }}"
    )
    while next(store.quads_for_pattern(None, None, None, node), None) is not None:
        store.update(some)
        _settle(store)
    store.update(f"DROP SILENT GRAPH <{graph}>")


def _copy(store: ox.Store, source: str, target: str) -> None:
    """The quads of ``source`` added to ``target``, ``BATCH`` per transaction
    (blank nodes stay themselves: quads, not text, are copied)."""
    to = ox.NamedNode(target)
    found = store.quads_for_pattern(None, None, None, ox.NamedNode(source))
    while batch := [
        ox.Quad(q.subject, q.predicate, q.object, to) for q in islice(found, BATCH)
    ]:
        store.extend(batch)
        _settle(store)


def _settle(store: ox.Store) -> None:
    """The store's write buffers flushed to disk and their memory given back,
    so that each step's peak is its own, not the sum of all steps."""
    store.flush()
    release()


def _mark(path: Path | None, state: str, graph: str, scratch: str) -> None:
    if path is None:
        return
    root = path / FOLDER
    root.mkdir(exist_ok=True)
    temporary = root / f".{MARK}.{os.getpid()}"
    temporary.write_text(f"{state} {graph} {scratch}\n")
    os.replace(temporary, root / MARK)


def _unmark(path: Path | None) -> None:
    if path is not None:
        (path / FOLDER / MARK).unlink(missing_ok=True)
