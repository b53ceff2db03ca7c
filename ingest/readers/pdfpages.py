"""The pages of a PDF as the glyphs, rules and images that ``pdflayout`` lays out,
read with pypdfium2 (PDFium, compiled: a page's content is parsed in C, and this
module asks only for what the layout needs):

- glyphs from PDFium's text page, as pdfminer drew them: each character's text,
  its box from its origin to the end of its advance, from its font's descent up
  by its type size, and that size. Characters PDFium adds itself (spaces between
  words, line ends), characters it cannot map to Unicode and characters that are
  not upright are left out; a space drawn on its own, which PDFium's text page
  leaves out, is read from its text object;
- rules from the page objects (into form XObjects): each subpath of a drawn path,
  by the box of its points, when it is a thin horizontal line or rectangle;
- images, by their size, to tell a scan from a PDF without text.

Reading is bounded (the caps are module constants): a PDF of more than
``MAX_PAGES`` pages, or a page of more than ``MAX_PAGE_OBJECTS`` objects or
``MAX_PAGE_CHARS`` characters, is refused before its pages (or that page) are
walked. PDFium is not thread-safe: one document is read at a time in a process."""

from __future__ import annotations

import ctypes
import re
import threading
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from itukg.ingest.readers.pdflayout import Glyph, Page, Rule
from itukg.ontology.errors import UnreadableDocument

MAX_PAGES = 5_000
MAX_PAGE_OBJECTS = 200_000  # page objects, those inside forms included
MAX_PAGE_CHARS = 200_000
MAX_PATH_SEGMENTS = 10_000  # a path of more segments gives no rule (not walked)
_MAX_FORM_DEPTH = 8
_EMPTY = 0.01  # PDFium's text page leaves out text objects narrower than this
_MAX_RULE = 2.5  # the thickest rule (points) read as a strike or an underline

_LOCK = threading.Lock()
_LIGATURES = re.compile("[\ufb00-\ufb06]")
_MAYBE_GENERATED = frozenset(" \r\n")
_HYPHEN = 2  # the code PDFium gives a hyphen that ends a line
_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class _Limit(Exception):
    """A cap of this module is exceeded; the message says which."""


def _proto(function: Any, restype: Any, *argtypes: Any) -> Callable[..., Any]:
    """A PDFium function with plain ``void*`` handles: the typed bindings check
    every handle's pointer type, which costs more than the call itself."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    assert address is not None, "a PDFium function without an address"
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


_P, _I = ctypes.c_void_p, ctypes.c_int
_text_object = _proto(pdfium_c.FPDFText_GetTextObject, _P, _P, _I)
_char_matrix = _proto(pdfium_c.FPDFText_GetMatrix, _I, _P, _I, _P)
_font_size = _proto(pdfium_c.FPDFText_GetFontSize, ctypes.c_double, _P, _I)
_is_generated = _proto(pdfium_c.FPDFText_IsGenerated, _I, _P, _I)
_map_error = _proto(pdfium_c.FPDFText_HasUnicodeMapError, _I, _P, _I)
_unicode = _proto(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint, _P, _I)
_loose_box = _proto(pdfium_c.FPDFText_GetLooseCharBox, _I, _P, _I, _P)
_char_origin = _proto(pdfium_c.FPDFText_GetCharOrigin, _I, _P, _I, _P, _P)
_text_font_size = _proto(pdfium_c.FPDFTextObj_GetFontSize, _I, _P, _P)
_text_font = _proto(pdfium_c.FPDFTextObj_GetFont, _P, _P)
_font_descent = _proto(pdfium_c.FPDFFont_GetDescent, _I, _P, ctypes.c_float, _P)
_glyph_width = _proto(
    pdfium_c.FPDFFont_GetGlyphWidth, _I, _P, ctypes.c_uint32, ctypes.c_float, _P
)
_text_index = _proto(pdfium_c.FPDFText_GetTextIndexFromCharIndex, _I, _P, _I)
_get_text = _proto(pdfium_c.FPDFText_GetText, _I, _P, _I, _I, _P)


class _Widths(dict[str, float]):
    """The advance widths of a font's characters (in thousandths of the type
    size, as PDF fonts give them)."""

    def __init__(self, font: int) -> None:
        super().__init__()
        self.font = font

    def __missing__(self, ch: str) -> float:
        width = ctypes.c_float()
        ok = self.font and _glyph_width(
            self.font, ord(ch[0]), 1000.0, ctypes.byref(width)
        )
        self[ch] = value = width.value if ok else 0.0
        return value


@dataclass(frozen=True)
class _Style:
    """What the characters of one text object share: its font's widths, the page
    units of one of their units (type size times the horizontal scale, over
    1000), the type size and descent on the page, whether they stand upright
    (pdfminer's test: no rotation past a right angle, no mirroring) and whether
    its first character has no Unicode (then each of them is asked)."""

    widths: _Widths
    advance: float
    size: float
    descent: float
    upright: bool
    unmapped: bool


class _Styles:
    """The styles of a page's text objects; fonts and their descents cached."""

    def __init__(self) -> None:
        self.fonts: dict[int, _Widths] = {}
        self.descents: dict[tuple[int, float], float] = {}
        self.matrix = pdfium_c.FS_MATRIX()

    def of(self, textpage: int, index: int, obj: int) -> _Style:
        m = self.matrix
        if not _char_matrix(textpage, index, ctypes.byref(m)):
            m.a, m.b, m.c, m.d = 1.0, 0.0, 0.0, 1.0
        font_size = _font_size(textpage, index)
        font = _text_font(obj) or 0
        widths = self.fonts.get(font) or self.fonts.setdefault(font, _Widths(font))
        descent = self.descents.get((font, font_size))
        if descent is None:
            descent = self.descents[font, font_size] = _descent(font, font_size)
        return _Style(
            widths=widths,
            advance=font_size * m.a / 1000,
            size=font_size * abs(m.d),
            descent=descent * abs(m.d),
            upright=m.a * m.d > 0 and m.b * m.c <= 0,
            unmapped=bool(_map_error(textpage, index)),
        )


def _descent(font: int, font_size: float) -> float:
    descent = ctypes.c_float()
    if font and _font_descent(font, font_size, ctypes.byref(descent)):
        return descent.value
    return 0.0


def _text(textpage: int, count: int) -> str:
    """The characters of a text page, one per index: read at once, unless the
    page has characters that PDFium's text leaves out (control codes of an
    undecodable font) or that take two UTF-16 units (outside the BMP)."""
    if count and _text_index(textpage, count - 1) == count - 1:
        buffer = (ctypes.c_ushort * (count + 1))()
        written = _get_text(textpage, 0, count, buffer)
        text = bytes(memoryview(buffer)[: max(written - 1, 0)]).decode(
            "utf-16-le", "replace"
        )
        if len(text) == count:
            return text
    codes = (_unicode(textpage, i) for i in range(count))
    return "".join(_char(code) or "\ufffe" for code in codes)


def _char(code: int) -> str:
    """The character of a code, or "" (for none, a surrogate, PDFium's hyphen)."""
    ok = _HYPHEN < code < 0x110000 and not 0xD800 <= code < 0xE000
    return chr(code) if ok else ""


def _glyph_end(textpage: int, index: int) -> float:
    """Where the glyph of a character ends: the end of its advance, or of its
    ink if that reaches further (PDFium's loose box). For the characters of a
    ligature, whose widths are not the glyph's, and those whose width the font
    does not give by their Unicode."""
    box = pdfium_c.FS_RECTF()
    _loose_box(textpage, index, ctypes.byref(box))
    return float(box.right)


def _glyphs(textpage: int, count: int) -> list[Glyph]:
    """The page's characters drawn upright, as the layout reads them. The loop
    runs once per character: what it asks of a text object is asked once, and
    what it uses is kept in local names."""
    text_object, char_origin, map_error = _text_object, _char_origin, _map_error
    x, y = ctypes.c_double(), ctypes.c_double()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    styles, maybe_generated = _Styles(), _MAYBE_GENERATED
    glyphs: list[Glyph] = []
    append = glyphs.append
    owner = last_owner = -1  # the text objects of the character, of the last glyph
    last_x0 = last_y0 = 0.0
    widths, advance, size, descent = _Widths(0), 0.0, 0.0, 0.0
    upright = unmapped = False
    for i, ch in enumerate(_text(textpage, count)):
        if ch in maybe_generated and _is_generated(textpage, i):
            continue
        obj = text_object(textpage, i) or 0
        if obj != owner:
            owner, s = obj, styles.of(textpage, i, obj)
            widths, advance, size = s.widths, s.advance, s.size
            descent, upright, unmapped = s.descent, s.upright, s.unmapped
        if not upright or (unmapped and map_error(textpage, i)):
            continue
        if ch == "\ufffe":  # no Unicode, or PDFium's mark of a hyphen ending a line
            if _unicode(textpage, i) != _HYPHEN:
                continue
            ch = "-"
        char_origin(textpage, i, x_ref, y_ref)
        x0, y0 = x.value, y.value + descent
        if obj == last_owner and x0 == last_x0 and y0 == last_y0:
            last = glyphs[-1]  # one glyph, several characters ("ﬃ" as "ffi")
            x1 = _glyph_end(textpage, i)
            glyphs[-1] = Glyph(last.text + ch, x0, x1, y0, last.y1, last.size)
            continue
        last_owner, last_x0, last_y0 = obj, x0, y0
        width = widths[ch]  # 0 where the font does not map the character back
        x1 = x0 + width * advance if width else _glyph_end(textpage, i)
        if "\ufb00" <= ch <= "\ufb06":
            ch = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), ch)
        append(Glyph(ch, x0, x1, y0, y0 + size, size))
    return glyphs


_F = ctypes.c_float
_load_page = _proto(pdfium_c.FPDF_LoadPage, _P, _P, _I)
_close_page = _proto(pdfium_c.FPDF_ClosePage, None, _P)
_load_text = _proto(pdfium_c.FPDFText_LoadPage, _P, _P)
_close_text = _proto(pdfium_c.FPDFText_ClosePage, None, _P)
_count_chars = _proto(pdfium_c.FPDFText_CountChars, _I, _P)
_count_objects = _proto(pdfium_c.FPDFPage_CountObjects, _I, _P)
_page_object = _proto(pdfium_c.FPDFPage_GetObject, _P, _P, _I)
_count_form = _proto(pdfium_c.FPDFFormObj_CountObjects, _I, _P)
_form_object = _proto(pdfium_c.FPDFFormObj_GetObject, _P, _P, ctypes.c_ulong)
_media_box = _proto(pdfium_c.FPDFPage_GetMediaBox, _I, _P, _P, _P, _P, _P)
_page_box = _proto(pdfium_c.FPDF_GetPageBoundingBox, _I, _P, _P)
_object_type = _proto(pdfium_c.FPDFPageObj_GetType, _I, _P)
_object_matrix = _proto(pdfium_c.FPDFPageObj_GetMatrix, _I, _P, _P)
_object_bounds = _proto(pdfium_c.FPDFPageObj_GetBounds, _I, _P, _P, _P, _P, _P)
_count_segments = _proto(pdfium_c.FPDFPath_CountSegments, _I, _P)
_segment = _proto(pdfium_c.FPDFPath_GetPathSegment, _P, _P, _I)
_segment_point = _proto(pdfium_c.FPDFPathSegment_GetPoint, _I, _P, _P, _P)
_segment_type = _proto(pdfium_c.FPDFPathSegment_GetType, _I, _P)
_MOVETO = pdfium_c.FPDF_SEGMENT_MOVETO
_TEXT, _PATH, _IMAGE, _FORM = (
    pdfium_c.FPDF_PAGEOBJ_TEXT,
    pdfium_c.FPDF_PAGEOBJ_PATH,
    pdfium_c.FPDF_PAGEOBJ_IMAGE,
    pdfium_c.FPDF_PAGEOBJ_FORM,
)


def _compose(inner: _Matrix, outer: _Matrix) -> _Matrix:
    """``inner`` then ``outer`` (PDF matrices: x' = a x + c y + e)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (
        a * A + b * C,
        a * B + b * D,
        c * A + d * C,
        c * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    )


def _apply(m: _Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _box(m: _Matrix, points: list[tuple[float, float]]) -> tuple[float, ...]:
    """The box (x0, y0, x1, y1) of ``points`` mapped by ``m``."""
    xs, ys = zip(*(_apply(m, x, y) for x, y in points), strict=True)
    return min(xs), min(ys), max(xs), max(ys)


def _own_matrix(obj: int) -> _Matrix:
    m = pdfium_c.FS_MATRIX()
    if not _object_matrix(obj, ctypes.byref(m)):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _bounds(obj: int, m: _Matrix) -> tuple[float, ...]:
    """An object's box on the page (PDFium's bounds: a stroke's width included)."""
    x0, y0, x1, y1 = _F(), _F(), _F(), _F()
    if not _object_bounds(obj, *(ctypes.byref(v) for v in (x0, y0, x1, y1))):
        return (0.0, 0.0, 0.0, 0.0)
    return _box(m, [(x0.value, y0.value), (x1.value, y1.value)])


def _rule(x0: float, y0: float, x1: float, y1: float) -> Rule | None:
    """A thin horizontal line or rectangle."""
    width, height = x1 - x0, y1 - y0
    if height > _MAX_RULE or width < 1 or width < 3 * height:
        return None
    return Rule(x0, x1, (y0 + y1) / 2)


def _subpaths(obj: int, segments: int) -> Iterator[list[tuple[float, float]]]:
    """The points of each subpath (in the path's own space)."""
    x, y = _F(), _F()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    points: list[tuple[float, float]] = []
    for i in range(segments):
        segment = _segment(obj, i)
        if _segment_type(segment) == _MOVETO and points:
            yield points
            points = []
        _segment_point(segment, x_ref, y_ref)
        points.append((x.value, y.value))
    if points:
        yield points


def _path_rules(obj: int, m: _Matrix) -> Iterator[Rule]:
    segments = _count_segments(obj)
    if not 2 <= segments <= MAX_PATH_SEGMENTS:
        return
    full = _compose(_own_matrix(obj), m)
    for points in _subpaths(obj, segments):
        rule = _rule(*_box(full, points))
        if rule is not None:
            yield rule


def _objects(page: int, origin: _Matrix) -> Iterator[tuple[int, int, _Matrix]]:
    """Every object of a page, forms entered, with the matrix from the space it
    is drawn in to the page's (``origin``: the media box's corner at 0, 0)."""
    stack: list[tuple[int, bool, _Matrix, int]] = [(page, False, origin, 0)]
    seen = 0
    while stack:
        holder, form, m, depth = stack.pop()
        count = _count_form(holder) if form else _count_objects(holder)
        seen += max(count, 0)
        if seen > MAX_PAGE_OBJECTS:
            raise _Limit(f"more than {MAX_PAGE_OBJECTS:,} objects on a page")
        get = _form_object if form else _page_object
        for i in range(count):
            obj = get(holder, i)
            kind = _object_type(obj)
            if kind == _FORM and depth < _MAX_FORM_DEPTH:
                stack.append((obj, True, _compose(_own_matrix(obj), m), depth + 1))
            else:
                yield obj, kind, m


class _Bounds:
    """Room for an object's bounds, reused from one object to the next."""

    def __init__(self) -> None:
        self.values = (_F(), _F(), _F(), _F())
        self.refs = tuple(ctypes.byref(v) for v in self.values)

    def width(self, obj: int) -> float:
        """The object's width as PDFium measures it (in its container's space)."""
        if not _object_bounds(obj, *self.refs):
            return 0.0
        return self.values[2].value - self.values[0].value


def _lost_space(obj: int, m: _Matrix) -> Glyph | None:
    """A space from a text object that draws nothing, which PDFium's text page
    leaves out (some PDF makers draw every space on its own)."""
    a, _, _, d, e, f = _compose(_own_matrix(obj), m)
    if a * d <= 0:
        return None
    font_size, descent, width = _F(), _F(), _F()
    _text_font_size(obj, ctypes.byref(font_size))
    font = _text_font(obj)
    if font:
        _font_descent(font, font_size, ctypes.byref(descent))
        _glyph_width(font, 32, font_size, ctypes.byref(width))
    size = font_size.value * abs(d)
    y0 = f + descent.value * abs(d)
    return Glyph(" ", e, e + width.value * a, y0, y0 + size, size)


@dataclass(frozen=True)
class _Size:
    width: float
    height: float
    origin: _Matrix  # moves the media box's lower left corner to 0, 0


def _size(page: int) -> _Size:
    """The page's media box (its crop box where the media box is inherited:
    PDFium reads only a page's own)."""
    x0, y0, x1, y1 = _F(), _F(), _F(), _F()
    if not _media_box(page, *(ctypes.byref(v) for v in (x0, y0, x1, y1))):
        box = pdfium_c.FS_RECTF()
        _page_box(page, ctypes.byref(box))
        x0.value, y0.value, x1.value, y1.value = (
            box.left,
            box.bottom,
            box.right,
            box.top,
        )
    origin = (1.0, 0.0, 0.0, 1.0, -x0.value, -y0.value)
    return _Size(x1.value - x0.value, y1.value - y0.value, origin)


def _shift(glyphs: list[Glyph], dx: float, dy: float) -> list[Glyph]:
    return [
        Glyph(g.text, g.x0 + dx, g.x1 + dx, g.y0 + dy, g.y1 + dy, g.size)
        for g in glyphs
    ]


def _page_glyphs(page: int, size: _Size) -> list[Glyph]:
    textpage = _load_text(page)
    if not textpage:
        raise _Limit("PDFium could not read its text")
    try:
        count = _count_chars(textpage)
        if count > MAX_PAGE_CHARS:
            raise _Limit(f"more than {MAX_PAGE_CHARS:,} characters on a page")
        glyphs = _glyphs(textpage, max(count, 0))
    finally:
        _close_text(textpage)
    dx, dy = size.origin[4], size.origin[5]
    return _shift(glyphs, dx, dy) if dx or dy else glyphs


def _page(document: int, index: int) -> Page:
    handle = _load_page(document, index)
    if not handle:
        raise _Limit("PDFium could not load it")
    try:
        size = _size(handle)
        page = Page(size.width, size.height)
        bounds = _Bounds()
        for obj, kind, m in _objects(handle, size.origin):
            if kind == _TEXT and bounds.width(obj) < _EMPTY:
                space = _lost_space(obj, m)
                if space is not None:
                    page.glyphs.append(space)
            elif kind == _PATH:
                page.rules.extend(_path_rules(obj, m))
            elif kind == _IMAGE:
                x0, y0, x1, y1 = _bounds(obj, m)
                page.images.append((x1 - x0, y1 - y0))
        page.glyphs.extend(_page_glyphs(handle, size))
        return page
    finally:
        _close_page(handle)


def _open(path: Path, data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            reason = "encrypted PDF (password needed)"
        else:
            reason = f"not a readable PDF ({str(exc).rstrip('.')})"
        raise UnreadableDocument(str(path), reason) from None


def read_pages(path: Path, data: bytes) -> list[Page]:
    """The pages of a PDF, or ``UnreadableDocument`` with one line saying why."""
    with _LOCK:
        document = _open(path, data)
        try:
            count = len(document)
            if count > MAX_PAGES:
                reason = f"too many pages ({count:,}; at most {MAX_PAGES:,} are read)"
                raise UnreadableDocument(str(path), reason)
            handle = ctypes.cast(document.raw, ctypes.c_void_p).value or 0
            pages: list[Page] = []
            for index in range(count):
                try:
                    pages.append(_page(handle, index))
                except _Limit as exc:
                    reason = f"page {index + 1}: {exc}"
                    raise UnreadableDocument(str(path), reason) from None
            return pages
        finally:
            document.close()
