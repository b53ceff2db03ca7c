"""Read a file as a Document, whatever its format: one reader module per format in
``ingest.readers``, chosen by the file's content and name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ingest.models import Document
from ingest.readers import akn, text
from ingest.readers import json as json_reader
from ontology.errors import UnreadableDocument, UnsupportedFormat

Reader = Callable[[Path, bytes], Document]

MAX_BYTES = 200 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ".tsv", ".csv", ""}
_MAGIC = {
    b"%PDF": "PDF",
    b"PK\x03\x04": "a ZIP container (DOCX or other Office file)",
    b"\xd0\xcf\x11\xe0": "legacy Word/OLE (.doc)",
    b"{\\rtf": "RTF",
}


def _reader(path: Path, head: bytes) -> Reader:
    for magic, name in _MAGIC.items():
        if head.startswith(magic):
            raise UnsupportedFormat(
                str(path), f"unsupported format: {name} is not read yet"
            )
    suffix = path.suffix.lower()
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if (
        suffix == ".xml"
        or stripped.startswith(b"<?xml")
        or stripped.startswith(b"<akomaNtoso")
    ):
        return akn.read
    if suffix == ".json" or stripped[:1] in (b"{", b"["):
        return json_reader.read
    if suffix in TEXT_SUFFIXES:
        return text.read
    if suffix in (".html", ".htm"):
        raise UnsupportedFormat(
            str(path), f"unsupported format: {suffix} files are not read yet"
        )
    return text.read


def read_document(path: Path) -> Document:
    """Read ``path``; raise UnreadableDocument (naming the file and the reason)."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise UnreadableDocument(str(path), "is a directory")
        if size > MAX_BYTES:
            raise UnreadableDocument(
                str(path), f"too large ({size} bytes; limit {MAX_BYTES})"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(str(path), exc.strerror or str(exc)) from None
    return _reader(path, data[:64])(path, data)
