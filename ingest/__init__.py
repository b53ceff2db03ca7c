"""Ingest ITU documents: read, find citations, resolve them to keys, extract records.

The stage verbs, one per module: ``read_document`` (sources), ``render_view``
(views), ``segment_text`` (structure), ``find_citations`` (find),
``resolve_citation`` (resolve), ``identify_document`` (identify) and
``extract_document`` (extract).
"""

from ingest.extract import extract_document, extract_path, extract_text
from ingest.find import find_citations
from ingest.identify import identify_document
from ingest.resolve import resolve_citation
from ingest.sources import read_document
from ingest.structure import segment_text
from ingest.views import render_view

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
