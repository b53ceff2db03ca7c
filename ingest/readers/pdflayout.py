"""The layout of a PDF's pages as paragraphs of marked runs, from the position of
each character and of each horizontal rule:

- characters whose vertical extents overlap form a line (a hanging label and its
  text are one line), a space where two characters stand apart;
- a rule through the middle of a character strikes it, one just under it underlines
  it; raised small digits (footnote marks) become superscript digits;
- running headers and footers (the same words at the top or bottom of several
  pages) and page numbers are dropped, footnotes follow the paragraph that runs
  over their page's end;
- a line starts a new paragraph after extra space, at a change of type size,
  after a line that stopped short of the margin, at a change of indent, or with a
  list label after a line ending a clause; lines of one paragraph are joined with
  a space, or without one where a word was hyphenated across them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import groupby
from operator import attrgetter
from typing import NamedTuple

from itukg.ingest.readers.marks import Para, Run, superscript

_SPACE_GAP = 0.18  # a gap wider than this (in ems) between characters is a space
# a raised character at most this part of the line's size is a superscript (0.01 pt
# more: PDF readers keep sizes as 32-bit floats, 9.35 reads as 9.3500004)
_SMALL = 0.85
_PAGE_NUMBER = re.compile(
    r"[\W_]*(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,7}|[IVXLC]{1,7})"
    r"(?:\s*(?:/|of)\s*\d{1,4})?[\W_]*",
    re.I,
)
_SEPARATOR = re.compile(r"\s*_{5,}\s*")
_NOTE_START = re.compile(r"[\d\u00b9\u00b2\u00b3\u2070-\u2079*]")
_LABEL = re.compile(
    r"(?:\(?[a-z]{1,4}\)|\(?\d{1,3}(?:\.\d{1,3})*[.)]?|[\-\u2013\u2022\u00b7\u25aa])\s"
)
_WORD = re.compile(r"[^\W\d_]+")
_X0 = attrgetter("x0")
_MARKS = attrgetter("struck", "under")
_COMPOUND = re.compile(r"[^\W\d_]+-[^\W\d_]+")


class Glyph(NamedTuple):
    """A character drawn on a page (PDF coordinates: y grows upwards). Immutable
    like the frozen dataclasses, but a named tuple: a PDF page has thousands of
    glyphs, and a tuple is built in a third of a frozen dataclass's time."""

    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float


@dataclass(frozen=True)
class Rule:
    """A thin horizontal line drawn on a page."""

    x0: float
    x1: float
    y: float


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    glyphs: list[Glyph] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    images: list[tuple[float, float]] = field(default_factory=list)


@dataclass(frozen=True)
class _Char:
    text: str
    struck: bool = False
    under: bool = False


@cache
def _char(text: str, struck: bool, under: bool) -> _Char:
    """One shared instance per character and marks (a page has few of them)."""
    return _Char(text, struck, under)


@dataclass(frozen=True)
class Line:
    """One line of a page, as text with marks and its geometry."""

    page: int
    chars: tuple[_Char, ...]
    x0: float
    x1: float
    y0: float  # bottom and top of the line's main characters
    y1: float
    size: float
    first_word: float  # width of the line's first word

    @cached_property
    def text(self) -> str:
        return "".join(c.text for c in self.chars)


def _downwards(g: Glyph) -> float:
    return -(g.y0 + g.y1)


def _group(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs in lines, top to bottom: a glyph joins the line above it when
    their vertical extents overlap by half the smaller one (that of the line's
    largest glyph so far, its core)."""
    lines: list[list[Glyph]] = []
    bottom = top = size = 0.0  # the core's
    for g in sorted(glyphs, key=_downwards):
        _, _, _, y0, y1, _ = g
        if lines:  # (conditional expressions: min and max cost a call)
            overlap = (top if top < y1 else y1) - (bottom if bottom > y0 else y0)
            if overlap >= 0.5 * (top - bottom if top - bottom < y1 - y0 else y1 - y0):
                lines[-1].append(g)
                if g.size > size:
                    bottom, top, size = g.y0, g.y1, g.size
                continue
        lines.append([g])
        bottom, top, size = g.y0, g.y1, g.size
    return [sorted(line, key=_X0) for line in lines]


def _main(glyphs: list[Glyph]) -> Glyph:
    """The glyph that sets the line's size and position: its largest, the
    lowest of those, the first of those."""
    main = glyphs[0]
    for g in glyphs:
        if g.size > main.size or (g.size == main.size and g.y0 < main.y0):
            main = g
    return main


def _marks(g: Glyph, rules: list[Rule]) -> tuple[bool, bool]:
    """Whether a rule strikes ``g`` (through its middle) or underlines it."""
    struck = under = False
    mid, height = (g.x0 + g.x1) / 2, (g.y1 - g.y0) or 1.0
    for rule in rules:
        if not rule.x0 - 0.5 <= mid <= rule.x1 + 0.5:
            continue
        rel = (rule.y - g.y0) / height
        struck = struck or 0.3 <= rel <= 0.75
        under = under or -0.25 <= rel < 0.2
    return struck, under


def _near(glyphs: list[Glyph], rules: list[Rule]) -> list[Rule]:
    """The rules that may mark some of ``glyphs``: those from a quarter of the
    tallest one's height below the lowest up to the highest top."""
    if not rules:
        return rules
    low = min(g.y0 for g in glyphs) - 0.25 * max(g.y1 - g.y0 for g in glyphs)
    high = max(g.y1 for g in glyphs)
    return [rule for rule in rules if low - 1.0 <= rule.y <= high + 1.0]


def _chars(glyphs: list[Glyph], rules: list[Rule], main: Glyph) -> list[_Char]:
    """A line's characters with their marks, a space where two stand apart (the
    loop runs once per glyph: what it compares is kept in local names)."""
    out: list[_Char] = []
    rules = _near(glyphs, rules)
    small = _SMALL * main.size + 0.01
    raised = main.y0 + 0.2 * main.size
    em, space_gap = main.size, _SPACE_GAP * main.size
    last = _char(" ", False, False)  # the last char out (a space before the first)
    prev_text, prev_x0, prev_x1 = "", 0.0, 0.0
    for g in glyphs:
        raw, x0, x1, y0, _, size = g
        if raw == prev_text and abs(x0 - prev_x0) < 0.2:
            continue  # the same character drawn twice (fake bold)
        struck, under = _marks(g, rules) if rules else (False, False)
        text = raw
        if raw.isspace():
            text = " "
        elif size < small and y0 > raised:
            text = superscript(raw)
        if prev_text and text != " " and last.text != " ":
            # the gap to the last glyph; one of no width fills up to an em
            fills = prev_x1 <= prev_x0 and x0 - prev_x0 <= em
            if (0.0 if fills else x0 - prev_x1) > space_gap:
                last = _char(" ", last.struck and struck, last.under and under)
                out.append(last)
        if text != " " or last.text != " ":
            last = _char(text, struck, under)
            out.append(last)
        prev_text, prev_x0, prev_x1 = raw, x0, x1
    while out and out[-1].text == " ":
        out.pop()
    return out


def _line(page: int, glyphs: list[Glyph], rules: list[Rule]) -> Line | None:
    main = _main(glyphs)
    chars = _chars(glyphs, rules, main)
    inked = [g for g in glyphs if not g.text.isspace()]
    if not chars or not inked:
        return None
    first = inked[0]
    word_end = first.x1
    for a, b in zip(inked, inked[1:], strict=False):
        if b.x0 - a.x1 > _SPACE_GAP * main.size:
            break
        word_end = b.x1
    return Line(
        page=page,
        chars=tuple(chars),
        x0=first.x0,
        x1=max(g.x1 for g in inked),
        y0=main.y0,
        y1=main.y1,
        size=main.size,
        first_word=word_end - first.x0,
    )


def _page_lines(index: int, page: Page) -> list[Line]:
    lines = [_line(index, glyphs, page.rules) for glyphs in _group(page.glyphs)]
    return [line for line in lines if line is not None]


def _furniture_key(line: Line) -> str:
    return re.sub(r"\d+", "#", " ".join(line.text.split())).lower()


def _edges(lines: list[Line], page: Page) -> list[Line]:
    """The lines that may be running heads or feet: the first and last two of a
    page, within its top or bottom tenth."""
    ends = lines[:2] + lines[-2:]
    return [
        line
        for line in dict.fromkeys(ends)
        if line.y1 > 0.9 * page.height or line.y0 < 0.1 * page.height
    ]


def drop_furniture(pages: list[Page], lines: list[list[Line]]) -> list[list[Line]]:
    """The pages' lines without running heads, feet and page numbers."""
    seen: Counter[str] = Counter()
    for page, page_lines in zip(pages, lines, strict=True):
        seen.update({_furniture_key(line) for line in _edges(page_lines, page)})
    repeated = max(2, len(pages) // 4)
    out: list[list[Line]] = []
    for page, page_lines in zip(pages, lines, strict=True):
        drop = {
            id(line)
            for line in _edges(page_lines, page)
            if _PAGE_NUMBER.fullmatch(line.text)
            or seen[_furniture_key(line)] >= repeated
        }
        out.append([line for line in page_lines if id(line) not in drop])
    return out


def _split_notes(
    lines: list[Line], page: Page, body: float
) -> tuple[list[Line], list[Line]]:
    """A page's body lines and its footnotes (below a ``_____`` separator, or
    small lines at the foot of the page that start with a note mark)."""
    for i, line in enumerate(lines):
        if _SEPARATOR.fullmatch(line.text) and line.y0 < 0.5 * page.height:
            return lines[:i], lines[i + 1 :]
    j = len(lines)
    while (
        j > 0
        and lines[j - 1].size < 0.9 * body
        and lines[j - 1].y1 < 0.4 * (page.height)
    ):
        j -= 1
    if j < len(lines) and j > 0 and _NOTE_START.match(lines[j].text):
        return lines[:j], lines[j:]
    return lines, []


@dataclass(frozen=True)
class _Metrics:
    """What a document's pages share: body type size, line pitch (in ems) and
    each page's right margin."""

    body: float
    pitch: float
    right: dict[int, float]

    @classmethod
    def of(cls, lines: list[list[Line]]) -> _Metrics:
        sizes = Counter(round(line.size, 1) for page in lines for line in page)
        body = sizes.most_common(1)[0][0] if sizes else 10.0
        ratios = sorted(
            (a.y0 - b.y0) / a.size
            for page in lines
            for a, b in zip(page, page[1:], strict=False)
            if abs(a.size - b.size) < 0.5 and 0.8 * a.size < a.y0 - b.y0 < 3 * a.size
        )
        pitch = ratios[len(ratios) // 4] if ratios else 1.2
        right = {page[0].page: _right_margin(page) for page in lines if page}
        return cls(body, pitch, right)


def _right_margin(lines: list[Line]) -> float:
    """Where a page's full lines end: high among the lines' ends, but not moved
    by a few lines that reach further (a right-aligned heading)."""
    ends = sorted(line.x1 for line in lines)
    return ends[min(len(ends) - 1, (len(ends) * 4) // 5)]


def _breaks(a: Line, b: Line, first: bool, m: _Metrics) -> bool:
    """Whether line ``b`` starts a new paragraph after line ``a`` (``first``:
    ``a`` is its paragraph's first line)."""
    size = max(a.size, b.size)
    if abs(a.size - b.size) > 0.15 * size:
        return True
    room = m.right.get(a.page, a.x1) - a.x1
    if room > b.first_word + 0.5 * size:
        return True
    ends_clause = a.text.rstrip().endswith((";", ":", "."))
    outdent = not first and b.x0 < a.x0 - 0.5 * size
    if _LABEL.match(b.text) and (ends_clause or outdent):
        return True
    if b.page != a.page:
        return False
    if a.y0 - b.y0 > (1.3 * m.pitch) * a.size + 0.5:
        return True
    return not first and abs(b.x0 - a.x0) > 0.8 * size


def _paragraphs(
    pages: list[list[Line]], notes: list[list[Line]], m: _Metrics
) -> list[list[Line]]:
    out: list[list[Line]] = []
    pending: list[list[Line]] = []
    current: list[Line] = []
    for body, foot in zip(pages, notes, strict=True):
        for line in body:
            if current and _breaks(current[-1], line, len(current) == 1, m):
                out.append(current)
                out += pending
                current, pending = [], []
            current.append(line)
        pending += _note_paragraphs(foot)
    if current:
        out.append(current)
    return out + pending


def _note_paragraphs(lines: list[Line]) -> list[list[Line]]:
    out: list[list[Line]] = []
    for line in lines:
        if out and not _NOTE_START.match(line.text):
            out[-1].append(line)
        else:
            out.append([line])
    return out


class _Vocabulary:
    """The words of a document, to tell a hyphenated word ("telecom-munication")
    from a compound broken at its hyphen ("climate-change")."""

    def __init__(self, lines: Iterable[Line]) -> None:
        text = "\n".join(line.text for line in lines)
        self.words = {w.lower() for w in _WORD.findall(text)}
        self.compounds = {w.lower() for w in _COMPOUND.findall(text)}

    def joins(self, left: str, right: str) -> str:
        """What goes between two lines: a space, nothing, or the hyphen ends a
        word fragment and is dropped ("-" is returned to drop one character)."""
        if left.endswith("\u00ad"):
            return "-"
        if left.endswith("/"):
            return ""
        if not (left.endswith("-") and left[-2:-1].isalpha() and right[:1].isalpha()):
            return " "
        head = _WORD.findall(left)[-1].lower()
        tail = _WORD.findall(right)[0].lower()
        if (
            right[:1].islower()
            and head + tail in self.words
            and f"{head}-{tail}" not in self.compounds
        ):
            return "-"
        return ""


def _para(lines: list[Line], vocabulary: _Vocabulary) -> Para:
    chars: list[_Char] = list(lines[0].chars)
    for a, b in zip(lines, lines[1:], strict=False):
        join = vocabulary.joins(a.text, b.text)
        if join == "-":
            chars.pop()
        elif join == " ":
            last, nxt = chars[-1], b.chars[0]
            chars.append(
                _char(" ", last.struck and nxt.struck, last.under and nxt.under)
            )
        chars += b.chars
    return Para(
        tuple(
            Run("".join([c.text for c in group]), None, struck, under)
            for (struck, under), group in groupby(chars, _MARKS)
        )
    )


def lay_out(pages: list[Page]) -> list[Para]:
    """The paragraphs of a document's pages, in reading order."""
    lines = drop_furniture(
        pages, [_page_lines(i, page) for i, page in enumerate(pages)]
    )
    m = _Metrics.of(lines)
    split = [
        _split_notes(page_lines, page, m.body)
        for page, page_lines in zip(pages, lines, strict=True)
    ]
    body = [b for b, _ in split]
    notes = [n for _, n in split]
    vocabulary = _Vocabulary(line for page in lines for line in page)
    paragraphs = _paragraphs(body, notes, _Metrics.of(body))
    return [_para(p, vocabulary) for p in paragraphs]
