"""Plain text and markdown in the form of the seed: ``~~struck~~`` marks deleted
text, ``*`` and ``**`` emphasis are markup that belongs to neither view."""

from __future__ import annotations

import re
from operator import attrgetter
from pathlib import Path

from itukg.ingest.models import Change, Document
from itukg.ingest.readers import limits
from itukg.ontology.errors import UnreadableDocument

# "\*+" as a literal and the rest: the engine skips to each "*" by a fast scan
# instead of trying the pattern at every position (8 times faster)
_EMPHASIS = re.compile(r"\*(?:\*+)?")
_STRIKE = re.compile(r"~~")
_MAX_STRIKE = 5000  # a ~~ with no partner within this many characters is literal


def decode(path: Path, data: bytes) -> str:
    """Bytes to text, refusing what is not a text document. Newlines are
    normalised to ``\\n`` (universal newlines), so offsets are in that text."""
    if not data.strip():
        raise UnreadableDocument(str(path), "empty file")
    limits.check_text(str(path), data)
    if b"\x00" in data[:65536]:
        raise UnreadableDocument(
            str(path), "binary file (NUL bytes), not a text document"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(
            str(path),
            f"not valid UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r})",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def strike_changes(text: str) -> list[Change]:
    """``~~deleted~~`` spans: the text between the marks is deleted, the marks are
    markup. Marks pair left to right; a mark with no partner is literal text."""
    marks = [m.start() for m in _STRIKE.finditer(text)]
    changes: list[Change] = []
    i = 0
    while i + 1 < len(marks):
        a, b = marks[i], marks[i + 1]
        if b - a - 2 > _MAX_STRIKE or "\n\n" in text[a:b]:
            i += 1
            continue
        changes += [
            Change(a, a + 2, "markup"),
            Change(a + 2, b, "del"),
            Change(b, b + 2, "markup"),
        ]
        i += 2
    return changes


def read(path: Path, data: bytes) -> Document:
    text = decode(path, data)
    changes = strike_changes(text)
    changes += [Change(m.start(), m.end(), "markup") for m in _EMPHASIS.finditer(text)]
    changes.sort(key=attrgetter("start", "end"))
    return Document(
        path=str(path), stem=path.stem, text=text, changes=tuple(changes), fmt="text"
    )
