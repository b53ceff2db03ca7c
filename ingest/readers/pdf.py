"""PDF: the characters of each page and the horizontal rules drawn on it (read
with pypdfium2 by ``ingest.readers.pdfpages``), laid out by
``ingest.readers.pdflayout`` into one paragraph per line in reading order. A
character with a rule through its middle is struck through (and one with a rule
under it underlined: ``ingest.readers.marks`` decides what those marks mean).
Where a PDF lost the strike, the run-together form "(REV. DUBAI, 2018BUCHAREST,
2022)" is read as a substitution of the second version for the first. A PDF
without a text layer (a scan) is refused."""

from __future__ import annotations

import re
from pathlib import Path

from itukg.ingest.models import Change, Document
from itukg.ingest.readers.marks import compose
from itukg.ingest.readers.pdflayout import lay_out
from itukg.ingest.readers.pdfpages import read_pages
from itukg.ontology.errors import UnreadableDocument

_PLACE = r"[^\W\d_]+(?:[ .'\-]+[^\W\d_]+)*"
_RUN_TOGETHER = (
    re.compile(
        rf"\(\s*(?:(?i:rev)\.\s*)?(?P<old>{_PLACE},\s*\d{{4}})\s?"
        rf"(?=[A-Z\u00c0-\u00de])(?P<new>{_PLACE},\s*\d{{4}})\)"
    ),
    re.compile(
        r"\(\s*(?:(?i:rev)\.\s*)?(?P<old>[A-Z]{2,6}-\d{2,4})\s?"
        r"(?P<new>[A-Z]{2,6}-\d{2,4})\)"
    ),
)


def run_together(text: str, changes: tuple[Change, ...]) -> tuple[Change, ...]:
    """Substitutions whose strike was lost: "(REV. DUBAI, 2018BUCHAREST, 2022)"
    deletes "DUBAI, 2018". The later version is inserted explicitly only when the
    document marks insertions; otherwise the deletion-only rule of
    ``ingest.views`` infers it."""
    explicit = any(c.kind == "ins" for c in changes)
    found: list[Change] = []
    for pattern in _RUN_TOGETHER:
        for m in pattern.finditer(text):
            start, end = m.start("old"), m.end("new")
            if any(c.start < end and c.end > start for c in changes):
                continue
            found.append(Change(start, m.end("old"), "del"))
            if explicit:
                found.append(Change(m.start("new"), end, "ins"))
    return tuple(sorted(changes + tuple(found), key=lambda c: (c.start, c.end)))


def read(path: Path, data: bytes) -> Document:
    pages = read_pages(path, data)
    if not any(page.glyphs for page in pages):
        reason = (
            "scanned PDF without a text layer (run OCR on it first)"
            if any(page.images for page in pages)
            else "the PDF has no text"
        )
        raise UnreadableDocument(str(path), reason)
    text, changes = compose(lay_out(pages))
    return Document(
        path=str(path),
        stem=path.stem,
        text=text,
        changes=run_together(text, changes),
        fmt="pdf",
    )
