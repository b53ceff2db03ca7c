"""The Python facade for notebooks and scripts: extract records from a text or a
file, open a store, run a named query. The CLI uses the same calls.

>>> import itukg
>>> [r.target for r in itukg.extract_text(
...     "recalling Resolution 69 (Hyderabad, 2010) of the WTDC,", name="note.txt")]
['wtdc/res/69/2010']
"""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike
from pathlib import Path

from itukg.ingest.extract import extract_path
from itukg.ingest.extract import extract_text as _extract_text
from itukg.ingest.models import Record
from itukg.ingest.pipeline import Summary, ingest_paths
from itukg.ingest.sources import document_files
from itukg.ontology import iri
from itukg.ontology.store import GraphStore
from itukg.ontology.store import open_store as _open_store
from itukg.queries import Table, run_query

StoreLike = GraphStore | str | PathLike[str]


def extract_text(text: str, name: str = "document.txt") -> list[Record]:
    """The contract's records (citations, amendments) of ``text``, read as if it
    were the file ``name`` (its stem keys a document that names no instrument)."""
    return _extract_text(text, name)


def extract_file(path: str | PathLike[str]) -> list[Record]:
    """The records of one file of any format ``itukg extract`` reads (raises
    ``itukg.ontology.errors.UnreadableDocument`` with the reason)."""
    return extract_path(Path(path))


def open_store(location: str | PathLike[str] | None = None) -> GraphStore:
    """A folder (an embedded Oxigraph store, created when missing), the URL of a
    SPARQL 1.1 server, or None for a new store in memory."""
    return _open_store(None if location is None else str(location))


def _store(store: StoreLike) -> GraphStore:
    return store if not isinstance(store, str | PathLike) else open_store(store)


def add_files(
    paths: Iterable[str | PathLike[str]],
    store: StoreLike,
    base: str = iri.DEFAULT_BASE,
) -> Summary:
    """Ingest files and folders into ``store`` as ``itukg ingest`` does."""
    files = list(document_files(Path(p) for p in paths))
    return ingest_paths(_store(store), files, base)


def query(
    name: str, store: StoreLike, base: str = iri.DEFAULT_BASE, **params: str
) -> Table:
    """Run the named query ``name`` (``queries/NAME.rq``) with its parameters;
    the rows come back as a ``Table`` (``.to_pandas()``, shown as HTML in Jupyter)."""
    return run_query(_store(store), name, params, base)
