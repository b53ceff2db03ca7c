"""The PDF reader's bounds: hostile PDFs, drawn at test time with reportlab, are
refused with one line saying why, while they are read (a PDF of too many pages
before any page is walked, a page of too many objects or characters before its
objects or characters are). The caps are module constants of
``ingest.readers.pdfpages``; most tests lower them to keep the files small."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from itukg.ingest.readers import pdf, pdfpages
from itukg.ontology.errors import UnreadableDocument


def _pdf(draw: Callable[[Canvas], None], pages: int = 1, **options: str) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, **options)
    for _ in range(pages):
        draw(canvas)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _text(canvas: Canvas) -> None:
    canvas.drawString(72, 720, "Resolution 1 (Rev. Hammamet, 2016)")


def _refusal(data: bytes) -> str:
    with pytest.raises(UnreadableDocument) as caught:
        pdf.read(Path("hostile.pdf"), data)
    reason = caught.value.reason
    assert "\n" not in reason
    return reason


def test_a_pdf_over_the_page_cap_is_refused() -> None:
    """The default cap, on a real file: 5,001 empty pages."""
    data = _pdf(lambda canvas: None, pages=pdfpages.MAX_PAGES + 1)
    assert _refusal(data) == "too many pages (5,001; at most 5,000 are read)"


def test_a_pdf_at_the_page_cap_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdfpages, "MAX_PAGES", 3)
    doc = pdf.read(Path("three.pdf"), _pdf(_text, pages=3))
    assert doc.text.count("Resolution 1") == 3


def _lines(count: int) -> Callable[[Canvas], None]:
    def draw(canvas: Canvas) -> None:
        _text(canvas)
        for i in range(count):
            canvas.line(72, 100 + i % 500, 300, 100 + i % 500)

    return draw


def test_a_page_over_the_object_cap_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdfpages, "MAX_PAGE_OBJECTS", 500)
    assert pdf.read(Path("ok.pdf"), _pdf(_lines(400))).text
    reason = _refusal(_pdf(_lines(600)))
    assert reason == "page 1: more than 500 objects on a page"


def test_objects_inside_forms_count(monkeypatch: pytest.MonkeyPatch) -> None:
    """A form XObject drawn many times multiplies its objects: each drawing of
    it is walked, and counted."""
    monkeypatch.setattr(pdfpages, "MAX_PAGE_OBJECTS", 500)

    def draw(canvas: Canvas) -> None:
        _text(canvas)
        canvas.beginForm("rules")
        _lines(50)(canvas)
        canvas.endForm()
        for i in range(20):
            canvas.saveState()
            canvas.translate(0, i)
            canvas.doForm("rules")
            canvas.restoreState()

    assert _refusal(_pdf(draw)) == "page 1: more than 500 objects on a page"


def test_a_page_over_the_character_cap_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdfpages, "MAX_PAGE_CHARS", 1_000)

    def draw(canvas: Canvas) -> None:
        for i in range(40):
            canvas.drawString(20, 800 - 18 * i, "x" * 30)

    reason = _refusal(_pdf(draw))
    assert reason == "page 1: more than 1,000 characters on a page"


def test_the_refusal_names_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdfpages, "MAX_PAGE_OBJECTS", 500)
    pages = iter([_text, _text, _lines(600)])
    data = _pdf(lambda canvas: next(pages)(canvas), pages=3)
    assert _refusal(data).startswith("page 3: ")


def test_an_encrypted_pdf_is_refused() -> None:
    data = _pdf(_text, encrypt="secret")
    assert _refusal(data) == "encrypted PDF (password needed)"
