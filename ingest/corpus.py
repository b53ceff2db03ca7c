"""The store a notebook (or any script) explores: the one named by ``ITUKG_STORE``,
or else one built in memory from the shared corpus (``$ITUKG_SHARED/corpus``: the
seed and the real documents), or from ``examples/`` when the shared corpus is
absent. Files that cannot be read are counted and named, never fatal."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from itukg.ingest.pipeline import Summary, ingest_paths
from itukg.ingest.sources import document_files
from itukg.ontology.store import GraphStore, open_store

REPO = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    """``$ITUKG_SHARED``, by default the ``shared`` folder beside the repository."""
    return Path(os.environ.get("ITUKG_SHARED") or REPO.parent / "shared")


def corpus_folders(shared: Path | None = None) -> list[Path]:
    """The folders to ingest: the shared corpus's seed and real documents, or
    ``examples/`` when there is no shared corpus."""
    corpus = (shared or shared_dir()) / "corpus"
    folders = [p for p in (corpus / "seed", corpus / "real") if p.is_dir()]
    return folders or [REPO / "examples"]


def corpus_files(folders: Iterable[Path]) -> list[Path]:
    """Every document below the folders, as ``itukg ingest`` takes them."""
    return list(document_files(folders))


@dataclass(frozen=True)
class Corpus:
    """An open store and where its graph came from."""

    store: GraphStore
    source: str  # "store", "shared" or "examples"
    location: str  # the store's location, or the folder the documents came from
    summary: Summary | None  # what ingest did (None for an existing store)
    seconds: float

    @property
    def shared(self) -> bool:
        """True when the graph holds the shared corpus (not the examples)."""
        return self.source in ("store", "shared")

    def describe(self) -> str:
        if self.summary is None:
            return f"the existing store {self.location}"
        return (
            f"{self.source} documents from {self.location}, in {self.seconds:.1f} s: "
            f"{self.summary.line()}"
        )


def open_corpus(store: str | None = None, shared: Path | None = None) -> Corpus:
    """The store at ``store`` (default ``$ITUKG_STORE``) as it is; when neither is
    given, a new in-memory store holding the shared corpus (or ``examples/``)."""
    started = time.perf_counter()
    location = store or os.environ.get("ITUKG_STORE")
    if location:
        return Corpus(open_store(location), "store", location, None, 0.0)
    folders = corpus_folders(shared)
    source = "examples" if folders == [REPO / "examples"] else "shared"
    graph = open_store(None)
    summary = ingest_paths(graph, corpus_files(folders))
    where = folders[0] if source == "examples" else folders[0].parent
    return Corpus(graph, source, str(where), summary, time.perf_counter() - started)
