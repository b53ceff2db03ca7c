"""The two views of a document (design/contract.md section 2): ``current`` drops
deleted text, ``previous`` drops inserted text; both drop markup. Each view keeps a
map from its offsets back to offsets in the document text."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Final

from itukg.ingest.models import Change, Document, View

# Characters that carry no text: soft hyphen, zero-width characters, BOM.
_INVISIBLE_CHARS: Final = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE: Final = re.compile(f"[{_INVISIBLE_CHARS}]+")
# Same-length replacements: non-breaking spaces and special hyphens.
_SPACES: Final = "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\t\u3000"
_HYPHENS: Final = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_QUOTES: Final = "\u2019\u2018\u201b\u02bc"
_PLAIN: Final = dict(
    zip(
        _SPACES + _HYPHENS + _QUOTES,
        " " * len(_SPACES) + "-" * len(_HYPHENS) + "'" * len(_QUOTES),
        strict=True,
    )
)
_NON_ASCII: Final = re.compile(r"[^\x00-\x7f]")


def _has_invisible(text: str) -> bool:
    """Whether ``text`` holds an invisible character: a substring test per
    character runs at memory speed, where the class scan looks at every one."""
    return not text.isascii() and any(c in text for c in _INVISIBLE_CHARS)


def _one(m: re.Match[str]) -> str:
    ch = m.group()
    if ch in _PLAIN:
        return _PLAIN[ch]
    digit = unicodedata.digit(ch, None)
    return str(digit) if digit is not None and unicodedata.category(ch) == "Nd" else ch


_CHUNK: Final = 256  # characters: most pieces of this size in a text with few non-ASCII
# characters are ASCII, which ``isascii`` tells at memory speed


def _plain(text: str) -> str:
    """Special spaces, hyphens and quotes made plain and digits of other scripts
    made ASCII ("١٣٠" is 130), one character for one (so piece by piece: the
    expression scans only the pieces that hold a non-ASCII character)."""
    if text.isascii():
        return text
    pieces = [text[i : i + _CHUNK] for i in range(0, len(text), _CHUNK)]
    return "".join(p if p.isascii() else _NON_ASCII.sub(_one, p) for p in pieces)


# The forms a substitution takes in deletion-only markup: a struck span followed
# directly by text of the same form (design/contract.md section 2).
_FORMS: Final = (
    re.compile(
        r"(?:rev\.?\s*)?[^\W\d_][\w.' \-]{0,40}?,?\s*\d{4}", re.I
    ),  # place, year
    re.compile(r"(?:rev\.?\s*)?[A-Za-z]{2,6}-\d{2,4}"),  # conference: WRC-03
    re.compile(r"\d+(?:[\-/.]\d+)*"),  # a number: 5, 2012-2015, 22-1/1
)


@dataclass(frozen=True)
class ViewText:
    """The text of one view and the map back to document offsets."""

    view: View
    text: str  # the view's text, spaces, hyphens and quotes made plain (for matching)
    words: str  # the same characters as they stand in the file (for quoting)
    starts: tuple[int, ...]  # view offset where each kept piece starts
    raws: tuple[int, ...]  # document offset of the same piece

    def raw(self, pos: int) -> int:
        """The document offset of view offset ``pos`` (an end offset maps to just
        after the last kept character before it)."""
        i = bisect_right(self.starts, pos) - 1
        if i < 0:
            return pos
        return self.raws[i] + (pos - self.starts[i])

    def raw_end(self, pos: int) -> int:
        return self.raw(pos - 1) + 1 if pos > 0 else 0


# The last document text and changes asked about, and their substitutions: each
# view of a document asks (kept by identity: a cache keyed on the changes would
# hash every one of them at each call).
_SUBSTITUTED: list[tuple[str, tuple[Change, ...], tuple[Change, ...]]] = []


def substitutions(text: str, changes: tuple[Change, ...]) -> tuple[Change, ...]:
    """Inserted spans implied by deletion-only markup: ``~~Hyderabad, 2010~~ Dubai,
    2014`` inserts ``Dubai, 2014``."""
    last = _SUBSTITUTED[0] if _SUBSTITUTED else None  # one read: threads may share it
    if last is not None and last[0] is text and last[1] is changes:
        return last[2]
    found = _substitutions(text, changes)
    _SUBSTITUTED[:] = [(text, changes, found)]
    return found


def _substitutions(text: str, changes: tuple[Change, ...]) -> tuple[Change, ...]:
    if any(c.kind == "ins" for c in changes):
        return ()
    markup_ends = {c.start: c.end for c in changes if c.kind == "markup"}
    found = []
    for c in changes:
        if c.kind != "del":
            continue
        struck = text[c.start : c.end].strip()
        form = next((f for f in _FORMS if f.fullmatch(struck)), None)
        if form is None:
            continue
        pos = c.end
        while pos in markup_ends:  # the closing marks
            pos = markup_ends[pos]
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        m = form.match(text, pos, min(len(text), pos + 60))
        if m and m.end() > pos:
            found.append(Change(m.start(), m.end(), "ins"))
    return tuple(found)


def render_view(doc: Document, view: View) -> ViewText:
    """The text of ``view``: excluded spans cut out, invisible characters dropped,
    special spaces and hyphens made plain (same length)."""
    drop = "del" if view == "current" else "ins"
    changes = doc.changes + substitutions(doc.text, doc.changes)
    cuts = [(c.start, c.end) for c in changes if c.kind in (drop, "markup")]
    if _has_invisible(doc.text):
        cuts += [(m.start(), m.end()) for m in _INVISIBLE.finditer(doc.text)]
    cuts.sort()
    pieces: list[str] = []
    starts: list[int] = []
    raws: list[int] = []
    pos = size = 0
    for a, b in cuts:
        if a > pos:
            pieces.append(doc.text[pos:a])
            starts.append(size)
            raws.append(pos)
            size += a - pos
        pos = max(pos, b)
    if pos < len(doc.text):
        pieces.append(doc.text[pos:])
        starts.append(size)
        raws.append(pos)
    words = "".join(pieces)
    return ViewText(
        view=view,
        text=_plain(words),
        words=words,
        starts=tuple(starts),
        raws=tuple(raws),
    )


@dataclass(frozen=True)
class _Tracked:
    """The tracked changes of one change tuple, sorted by start, with the
    furthest end reached by each prefix: a span overlaps a change when the
    changes starting before its end reach past its start."""

    changes: tuple[Change, ...]
    starts: tuple[int, ...]
    reach: tuple[int, ...]


def _tracked(changes: tuple[Change, ...]) -> _Tracked:
    spans = sorted((c.start, c.end) for c in changes if c.kind in ("del", "ins"))
    reach: list[int] = []
    for _, b in spans:
        reach.append(max(b, reach[-1]) if reach else b)
    return _Tracked(changes, tuple(a for a, _ in spans), tuple(reach))


_LAST: list[_Tracked] = []  # the index of the document last asked about


def has_changes(doc: Document, start: int, end: int) -> bool:
    """Whether document span [start, end) carries tracked changes."""
    index = _LAST[0] if _LAST else None  # one read: threads may share it
    if index is None or index.changes is not doc.changes:
        index = _tracked(doc.changes)
        _LAST[:] = [index]
    i = bisect_left(index.starts, end)
    return i > 0 and index.reach[i - 1] > start
