"""itukg: a knowledge graph of cross-references between ITU resolutions.

The facade (``itukg.facade``) is re-exported here and imported on first use, so
``import itukg.api`` or ``import itukg.ontology`` does not load the readers::

    import itukg
    records = itukg.extract_file("proposal.docx")
    store = itukg.open_store("data/store")
    itukg.query("cites", store=store, key="pp/res/130/2014").to_pandas()

The layers are subpackages: ``itukg.ontology`` ← ``itukg.queries`` ←
``itukg.ingest`` | ``itukg.api``; ``itukg.cli`` is the ``itukg`` command.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from itukg.facade import (
        add_files,
        extract_file,
        extract_text,
        open_store,
        query,
    )

__all__ = ["add_files", "extract_file", "extract_text", "open_store", "query"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(import_module("itukg.facade"), name)
    raise AttributeError(f"module 'itukg' has no attribute {name!r}")
