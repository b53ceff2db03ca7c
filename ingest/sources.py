"""Read a file as a Document, whatever its format: one reader module per format in
``ingest.readers``, chosen by the file's content and name."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from itukg.ingest.models import Document
from itukg.ingest.pause import collector_paused
from itukg.ingest.readers import akn, doc, docx, html, limits, pdf, text
from itukg.ingest.readers import json as json_reader
from itukg.ontology.errors import UnreadableDocument

Reader = Callable[[Path, bytes], Document]

MAX_BYTES = 200 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ".tsv", ".csv", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_MAGIC: dict[bytes, Reader] = {
    b"%PDF": pdf.read,
    b"PK\x03\x04": docx.read,  # DOCX; other ZIP containers are refused by it
    b"\xd0\xcf\x11\xe0": doc.read,  # legacy Word (OLE), converted by LibreOffice
    b"{\\rtf": doc.read,  # RTF, likewise
}


def _is_html(suffix: str, head: bytes) -> bool:
    lowered = head.lower()
    return suffix in HTML_SUFFIXES or lowered.startswith((b"<!doctype html", b"<html"))


def _reader(path: Path, head: bytes) -> Reader:
    for magic, reader in _MAGIC.items():
        if head.startswith(magic):
            return reader
    if b"%PDF-" in head[:1024]:  # a PDF with bytes before its header
        return pdf.read
    suffix = path.suffix.lower()
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if _is_html(suffix, stripped) or (
        stripped.startswith(b"<?xml") and b"<html" in stripped.lower()
    ):
        return html.read
    if (
        suffix == ".xml"
        or stripped.startswith(b"<?xml")
        or stripped.startswith(b"<akomaNtoso")
    ):
        return akn.read
    if suffix == ".json" or stripped[:1] in (b"{", b"["):
        return json_reader.read
    return text.read


_TEXT_READERS = (text.read, json_reader.read, akn.read)


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
    reader = _reader(path, data[:1024])
    if reader in _TEXT_READERS:  # many small objects (changes), no cycles
        with collector_paused():
            document = reader(path, data)
    else:  # PDF and office files: their libraries' objects may hold cycles
        document = reader(path, data)
    limits.check_lines(str(path), document.text)
    return document


# What a folder holds that is a document: tables (.csv, .tsv) and other files are
# left out when a folder is expanded, though a table named on its own is read.
DOCUMENT_SUFFIXES = frozenset(
    {
        ".txt",
        ".md",
        ".markdown",
        ".text",
        ".xml",
        ".json",
        ".pdf",
        ".docx",
        ".doc",
        ".rtf",
    }
    | HTML_SUFFIXES
)


def document_files(
    paths: Iterable[Path], skipped: Callable[[Path, str], None] | None = None
) -> Iterator[Path]:
    """Files as given, and the documents below each folder (hidden files, gold
    files and files of other kinds left out), in a stable order. Links below a
    folder that lead nowhere (broken, looping) or to a folder (not followed)
    are skipped, and ``skipped(path, why)`` is told."""
    for p in paths:
        if not p.is_dir():
            yield p
            continue
        for f in sorted(p.rglob("*")):
            rel = f.relative_to(p)
            if any(part.startswith(".") for part in rel.parts):
                continue
            why = _bad_link(f)
            if why is not None:
                if skipped is not None:
                    skipped(f, why)
            elif (
                f.is_file()
                and not f.name.endswith(".gold.json")
                and f.suffix.lower() in DOCUMENT_SUFFIXES
            ):
                yield f


def _bad_link(path: Path) -> str | None:
    """Why a symbolic link is skipped, or None (not a link, or a link to a file)."""
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        return "a broken symbolic link"
    except (RuntimeError, OSError):
        return "a symbolic link loop"
    return "a symbolic link to a folder, not followed" if target.is_dir() else None
