"""PDF, read with pdfminer.six: the characters of each page and the horizontal
rules drawn on it, laid out by ``ingest.readers.pdflayout`` into one paragraph per
line in reading order. A character with a rule through its middle is struck through
(and one with a rule under it underlined: ``ingest.readers.marks`` decides what
those marks mean). Where a PDF lost the strike, the run-together form
"(REV. DUBAI, 2018BUCHAREST, 2022)" is read as a substitution of the second version
for the first. A PDF without a text layer (a scan) is refused."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import (
    LTChar,
    LTComponent,
    LTContainer,
    LTCurve,
    LTImage,
    LTLine,
    LTRect,
)
from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser

from itukg.ingest.models import Change, Document
from itukg.ingest.readers.marks import compose
from itukg.ingest.readers.pdflayout import Glyph, Page, Rule, lay_out
from itukg.ontology.errors import UnreadableDocument

# pdfminer warns about harmless defects (a missing CropBox, an unknown colour
# space) through logging; without a handler those would reach stderr, whose lines
# are the CLI's one-per-unreadable-file contract.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())

_LIGATURES = re.compile("[\ufb00-\ufb06]")
_MAX_RULE = 2.5  # the thickest rule (points) read as a strike or an underline
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


def _glyph(ch: LTChar) -> Glyph | None:
    text = ch.get_text()
    if not ch.upright or text.startswith("(cid:") or not text:
        return None
    text = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return Glyph(text, ch.x0, ch.x1, ch.y0, ch.y1, ch.size)


def _rule(item: LTComponent) -> Rule | None:
    """A thin horizontal line or rectangle."""
    if item.height > _MAX_RULE or item.width < 1 or item.width < 3 * item.height:
        return None
    return Rule(item.x0, item.x1, (item.y0 + item.y1) / 2)


def _walk(item: LTComponent, page: Page) -> None:
    if isinstance(item, LTChar):
        glyph = _glyph(item)
        if glyph is not None:
            page.glyphs.append(glyph)
    elif isinstance(item, (LTLine, LTRect, LTCurve)):
        rule = _rule(item)
        if rule is not None:
            page.rules.append(rule)
    elif isinstance(item, LTImage):
        page.images.append((item.width, item.height))
    if isinstance(item, LTContainer):
        for child in item:
            _walk(child, page)


def _pages(data: bytes) -> Iterator[Page]:
    document = PDFDocument(PDFParser(BytesIO(data)), password="")
    resources = PDFResourceManager(caching=True)
    device = PDFPageAggregator(resources, laparams=None)
    interpreter = PDFPageInterpreter(resources, device)
    for pdf_page in PDFPage.create_pages(document):
        interpreter.process_page(pdf_page)
        layout = device.get_result()
        page = Page(width=layout.width, height=layout.height)
        for item in layout:
            _walk(item, page)
        yield page


def _read_pages(path: Path, data: bytes) -> list[Page]:
    try:
        return list(_pages(data))
    except PDFPasswordIncorrect:
        raise UnreadableDocument(str(path), "encrypted PDF (password needed)") from None
    except Exception as exc:  # a damaged PDF fails anywhere inside pdfminer
        reason = f"{type(exc).__name__}: {exc}".strip(": ")
        raise UnreadableDocument(str(path), f"not a readable PDF ({reason})") from None


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
    pages = _read_pages(path, data)
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
