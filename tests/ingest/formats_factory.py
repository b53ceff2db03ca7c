"""Documents built at test time from a seed text (``~~struck~~`` markdown): the same
text and changes as a DOCX with real tracked revisions, a DOCX that shows them by
formatting only, a PDF with drawn strike-through lines, and an HTML page. Nothing
built here is committed.

A seed line is one paragraph. Its struck spans are deleted text; the text that the
deletion-only rule of ``ingest.views`` reads as a substitution is inserted text in
the formats that mark insertions (``w:ins``, underlining, ``<ins>``); the PDF marks
deletions only, as the seed does."""

from __future__ import annotations

import io
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Literal
from xml.sax.saxutils import escape
from zipfile import ZIP_DEFLATED, ZipFile

from itukg.ingest.readers import text as text_reader
from itukg.ingest.views import substitutions

Kind = Literal["plain", "del", "ins"]
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DATE = "2014-10-07T00:00:00Z"


@dataclass(frozen=True)
class Piece:
    text: str
    kind: Kind


Line = tuple[Piece, ...]


def seed_lines(seed: str) -> list[Line]:
    """The seed's lines as pieces of plain, deleted and inserted text (markup
    dropped)."""
    doc = text_reader.read(Path("seed.txt"), seed.encode("utf-8"))
    kinds: list[str | None] = ["plain"] * len(doc.text)
    for change in doc.changes + substitutions(doc.text, doc.changes):
        kind = None if change.kind == "markup" else change.kind
        for i in range(change.start, change.end):
            kinds[i] = kind
    lines: list[Line] = []
    current: list[tuple[str, str]] = []
    for ch, kind in zip(doc.text, kinds, strict=True):
        if ch == "\n":
            lines.append(_pieces(current))
            current = []
        elif kind is not None:
            current.append((ch, kind))
    if current:
        lines.append(_pieces(current))
    return lines


def _pieces(chars: list[tuple[str, str]]) -> Line:
    return tuple(
        Piece("".join(c for c, _ in group), kind)  # type: ignore[arg-type]
        for kind, group in groupby(chars, key=lambda x: x[1])
    )


# --- DOCX ------------------------------------------------------------------------

_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
_OOXML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_PKG = "http://schemas.openxmlformats.org/package/2006"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CONTENT_TYPES = (
    f'{_XML}<Types xmlns="{_PKG}/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    f'ContentType="{_OOXML}.document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{_OOXML}.styles+xml"/>'
    '<Override PartName="/word/footnotes.xml" '
    f'ContentType="{_OOXML}.footnotes+xml"/></Types>'
)


def _rels(targets: dict[str, str]) -> str:
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{_REL}/{kind}" Target="{target}"/>'
        for i, (kind, target) in enumerate(targets.items(), 1)
    )
    return f'{_XML}<Relationships xmlns="{_PKG}/relationships">{rels}</Relationships>'


_STYLE = '<w:style w:type="{}" w:styleId="{}"><w:name w:val="{}"/>{}</w:style>'
_STYLES = (
    f'{_XML}<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>'
    '<w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>'
    + '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
    '<w:name w:val="Normal"/></w:style>'
    + _STYLE.format("character", "Struck", "Struck", "<w:rPr><w:strike/></w:rPr>")
    + _STYLE.format(
        "character",
        "Deleted",
        "Deleted",
        '<w:basedOn w:val="Struck"/><w:rPr><w:color w:val="FF0000"/></w:rPr>',
    )
    + _STYLE.format(
        "character",
        "Hyperlink",
        "Hyperlink",
        '<w:rPr><w:u w:val="single"/><w:color w:val="0563C1"/></w:rPr>',
    )
    + _STYLE.format(
        "character",
        "FootnoteReference",
        "footnote reference",
        '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>',
    )
    + "</w:styles>"
)


def docx_package(body: str, footnotes: str = "") -> bytes:
    """A Word package around a ``w:body``'s inner XML (and footnotes)."""
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f"<w:body>{body}<w:sectPr/></w:body></w:document>"
    )
    notes = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
        f"</w:p></w:footnote>{footnotes}</w:footnotes>"
    )
    buffer = io.BytesIO()
    with ZipFile(buffer, "w", ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _rels({"officeDocument": "word/document.xml"}))
        z.writestr(
            "word/_rels/document.xml.rels",
            _rels({"styles": "styles.xml", "footnotes": "footnotes.xml"}),
        )
        z.writestr("word/document.xml", document)
        z.writestr("word/styles.xml", _STYLES)
        z.writestr("word/footnotes.xml", notes)
    return buffer.getvalue()


def _w_text(text: str, tag: str = "w:t") -> str:
    """Runs' inner XML for ``text``: "ITU-T" with a non-breaking hyphen, and the
    space of "Resolution 130" non-breaking, as ITU's Word files have them."""
    out = []
    for i, part in enumerate(text.split("ITU-")):
        if i:
            out.append(f"<{tag}>ITU</{tag}><w:noBreakHyphen/>")
        part = part.replace("Resolution ", "Resolution\u00a0")
        if part:
            out.append(f'<{tag} xml:space="preserve">{escape(part)}</{tag}>')
    return "".join(out)


def _tracked_run(piece: Piece, rev: int) -> str:
    attrs = f'w:id="{rev}" w:author="itukg" w:date="{DATE}"'
    if piece.kind == "del":
        return f"<w:del {attrs}><w:r>{_w_text(piece.text, 'w:delText')}</w:r></w:del>"
    if piece.kind == "ins":
        return f"<w:ins {attrs}><w:r>{_w_text(piece.text)}</w:r></w:ins>"
    return f"<w:r>{_w_text(piece.text)}</w:r>"


def _formatted_run(piece: Piece, rev: int) -> str:
    props = {
        "del": '<w:rStyle w:val="Deleted"/>',
        "ins": '<w:u w:val="single"/><w:color w:val="0000FF"/>',
        "plain": "",
    }[piece.kind]
    return f"<w:r><w:rPr>{props}</w:rPr>{_w_text(piece.text)}</w:r>"


def build_docx(lines: list[Line], tracked: bool = True) -> bytes:
    """The seed as a DOCX: tracked revisions (``w:del``/``w:ins``), or, with
    ``tracked=False``, struck (a character style) and underlined runs."""
    make = _tracked_run if tracked else _formatted_run
    paras = []
    for n, line in enumerate(lines):
        runs = "".join(make(piece, n * 100 + i) for i, piece in enumerate(line))
        paras.append(f"<w:p>{runs}</w:p>")
    return docx_package("".join(paras))


# --- HTML ------------------------------------------------------------------------


def _entities(text: str) -> str:
    return escape(text).replace("\u00a7", "&sect;")


def build_html(lines: list[Line]) -> bytes:
    """The seed as HTML: ``<del>`` and ``<ins>``, one ``<p>`` per line, with a
    head, a script and entities to skip or decode."""
    tags = {"del": ("<del>", "</del>"), "ins": ("<ins>", "</ins>"), "plain": ("", "")}
    body = []
    for line in lines:
        inner = "".join(
            f"{tags[p.kind][0]}{_entities(p.text)}{tags[p.kind][1]}" for p in line
        )
        body.append(f"<p>\n  {inner}\n</p>")
    page = (
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>Document 82</title>"
        "<style>del { color: red }</style></head>\n<body>\n"
        "<script>var x = '<p>not text</p>';</script>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )
    return page.encode("utf-8")


# --- PDF -------------------------------------------------------------------------

PAGE_W, PAGE_H, MARGIN = 595.0, 842.0, 72.0
SIZE, LEADING, PARA_GAP = 10.0, 12.0, 6.0


def _words(line: Line) -> list[list[Piece]]:
    """A line cut into words (each with the spaces after it), a word keeping the
    pieces it is made of."""
    words: list[list[Piece]] = [[]]
    for piece in line:
        for i, part in enumerate(piece.text.split(" ")):
            if i:
                words[-1].append(Piece(" ", piece.kind))
                words.append([])
            if part:
                words[-1].append(Piece(part, piece.kind))
    return [w for w in words if w]


def _wrap(line: Line, width: float) -> list[list[Piece]]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    rows: list[list[Piece]] = [[]]
    used = 0.0
    for word in _words(line):
        text = "".join(p.text for p in word)
        w = stringWidth(text.rstrip(" "), "Helvetica", SIZE)
        if rows[-1] and used + w > width:
            while rows[-1] and rows[-1][-1].text == " ":
                rows[-1].pop()
            rows.append([])
            used = 0.0
        rows[-1] += word
        used += stringWidth(text, "Helvetica", SIZE)
    return rows


def build_pdf(lines: list[Line], strike: bool = True, heads: bool = True) -> bytes:
    """The seed as a PDF: Helvetica, wrapped to the margins, each line a paragraph;
    deleted text struck through by a drawn line (``strike=False``: the strike lost),
    inserted text plain. Every page has a running head and a page number (unless
    ``heads=False``)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(PAGE_W, PAGE_H), invariant=1)
    state = {"page": 1, "y": PAGE_H - MARGIN}

    def furniture() -> None:
        if not heads:
            return
        canvas.setFont("Helvetica", 8)
        canvas.drawRightString(PAGE_W - MARGIN, PAGE_H - 40, "PP14/82-E")
        canvas.drawCentredString(PAGE_W / 2, 36, f"- {state['page']} -")

    def new_page() -> None:
        canvas.showPage()
        state["page"] += 1
        state["y"] = PAGE_H - MARGIN
        furniture()

    furniture()
    for line in lines:
        if not line:
            continue
        for row in _wrap(line, PAGE_W - 2 * MARGIN):
            if state["y"] < MARGIN:
                new_page()
            x, y = MARGIN, state["y"]
            canvas.setFont("Helvetica", SIZE)
            for piece in row:
                w = stringWidth(piece.text, "Helvetica", SIZE)
                canvas.drawString(x, y, piece.text)
                if piece.kind == "del" and strike:
                    canvas.setLineWidth(0.6)
                    canvas.line(x, y + 0.3 * SIZE, x + w, y + 0.3 * SIZE)
                x += w
            state["y"] -= LEADING
        state["y"] -= PARA_GAP
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
