"""Ingest ITU documents: read, find citations, resolve them to keys, extract records.

The stage verbs, one per module: ``read_document`` (sources), ``render_view``
(views), ``segment_text`` (structure), ``find_citations`` (find),
``resolve_citation`` (resolve), ``identify_document`` (identify) and
``extract_document`` (extract).
"""

from itukg.ingest.extract import extract_document, extract_path, extract_text
from itukg.ingest.find import find_citations
from itukg.ingest.identify import identify_document
from itukg.ingest.resolve import resolve_citation
from itukg.ingest.sources import read_document
from itukg.ingest.structure import segment_text
from itukg.ingest.views import render_view

__all__ = [
    "extract_document",
    "extract_path",
    "extract_text",
    "find_citations",
    "identify_document",
    "read_document",
    "render_view",
    "resolve_citation",
    "segment_text",
]
