"""The PDF page walk (``ingest.readers.pdfpages``) on PDFs drawn at test time:
rules from every subpath of a drawn path, inside forms too, moved by their
matrices; glyph boxes as pdfminer drew them; spaces drawn on their own."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from itukg.ingest.readers import pdf, pdfpages
from itukg.ingest.readers.pdflayout import Page, Rule


def _pdf_bytes(draw: Callable[[Canvas], None]) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(600, 800))
    draw(canvas)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _page(draw: Callable[[Canvas], None]) -> Page:
    (page,) = pdfpages.read_pages(Path("drawn.pdf"), _pdf_bytes(draw))
    return page


def _rules(page: Page) -> list[tuple[float, float, float]]:
    return sorted((round(r.x0, 1), round(r.x1, 1), round(r.y, 1)) for r in page.rules)


def test_every_subpath_of_a_path_is_a_rule() -> None:
    def draw(canvas: Canvas) -> None:
        path = canvas.beginPath()
        path.moveTo(100, 300)
        path.lineTo(200, 300)
        path.moveTo(100, 500)
        path.lineTo(250, 500)
        canvas.setLineWidth(2)
        canvas.drawPath(path)

    assert _rules(_page(draw)) == [(100, 200, 300), (100, 250, 500)]


def test_thick_shapes_are_no_rules() -> None:
    def draw(canvas: Canvas) -> None:
        canvas.rect(100, 100, 200, 50, fill=1)  # a box
        canvas.line(300, 100, 300, 400)  # a vertical line
        canvas.rect(100, 600, 200, 1, fill=1, stroke=0)  # a thin bar: a rule

    assert _rules(_page(draw)) == [(100, 300, 600.5)]


def test_rules_inside_forms_are_moved_by_their_matrices() -> None:
    def draw(canvas: Canvas) -> None:
        canvas.beginForm("strike")
        canvas.line(0, 0, 80, 0)
        canvas.endForm()
        canvas.saveState()
        canvas.translate(50, 400)
        canvas.doForm("strike")
        canvas.restoreState()

    assert _rules(_page(draw)) == [(50, 130, 400)]


def test_glyph_boxes_run_from_origin_to_advance() -> None:
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 10)
        canvas.drawString(100, 700, "Af")

    a, f = _page(draw).glyphs
    assert (a.text, f.text) == ("A", "f")
    assert (a.x0, a.x1, f.x0) == pytest.approx((100, 106.67, 106.67), abs=0.01)
    # from the font's descent below the baseline (PDFium's metrics for Helvetica
    # say 2.24 at 10 pt; pdfminer's AFM said 2.07) up by the type size
    assert (700 - a.y0, a.y1 - a.y0, a.size) == pytest.approx((2.24, 10, 10), abs=0.01)


def test_a_space_drawn_on_its_own_is_read() -> None:
    """PDFium's text page leaves out a text object that draws nothing; some PDF
    makers draw each space so, and pdfminer read it."""

    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 10)
        for x, word in ((100, "Resolution"), (147.79, " "), (148.5, "1")):
            canvas.drawString(x, 700, word)

    text = pdf.read(Path("spaces.pdf"), _pdf_bytes(draw)).text
    assert text.splitlines() == ["Resolution 1"]


def test_rule_is_a_thin_horizontal_box() -> None:
    assert pdfpages._rule(10, 5, 100, 6) == Rule(10, 100, 5.5)
    assert pdfpages._rule(10, 5, 100, 9) is None  # too thick
    assert pdfpages._rule(10, 5, 10.5, 5) is None  # too short


def test_a_ligature_is_one_glyph_of_its_own_width() -> None:
    """PDFium spells "ﬁ" as "f", "i" at one origin: one glyph, as wide as the
    ligature (not as an "f"), so no space opens after it."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))  # shipped with reportlab

    def draw(canvas: Canvas) -> None:
        canvas.setFont("Vera", 10)
        canvas.drawString(72, 700, "the de\ufb01nition of \ufb02ows")

    text = pdf.read(Path("ligatures.pdf"), _pdf_bytes(draw)).text
    assert text.splitlines() == ["the definition of flows"]
