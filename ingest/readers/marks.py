"""Marked runs to text and changes, for the readers of formatted documents (DOCX,
HTML, PDF). A reader hands over paragraphs of runs, each run with its tracked
revision (if any) and its formatting marks; this module lays them out one paragraph
per line and decides which runs are changes:

- a tracked revision (``w:del``, ``<del>``) is a change of its own kind;
- where revisions are shown by formatting only, as ITU's proposal documents do, a
  struck-through run is deleted text and, in a document that strikes anything, an
  underlined (or coloured) run is inserted text. A document that strikes nothing
  keeps its underlines and colours as plain text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from itukg.ingest.models import Change, ChangeKind

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True)
class Run:
    """A stretch of text with one set of marks."""

    text: str
    kind: ChangeKind | None = None  # a tracked revision, or None
    struck: bool = False  # drawn struck through
    marked: bool = False  # underlined or coloured (not a link)


@dataclass(frozen=True)
class Para:
    """A paragraph: its runs, and the revision its paragraph mark carries (a
    deleted mark joins it to the next paragraph in the current view)."""

    runs: tuple[Run, ...]
    end: ChangeKind | None = None

    def is_blank(self) -> bool:
        return not any(r.text.strip() for r in self.runs)


def superscript(text: str) -> str:
    """Digits drawn raised (footnote marks) as superscript characters, so that a
    mark glued to a citation ("(Hammamet, 2016)1") does not read as a number."""
    return text.translate(_SUPERSCRIPT) if text.strip().isdigit() else text


def shows_changes(paras: Iterable[Para]) -> bool:
    """Whether the document marks changes by formatting: it strikes some text
    that no tracked revision covers."""
    return any(r.struck and r.kind is None for p in paras for r in p.runs)


def _kind(run: Run, formatting: bool) -> ChangeKind | None:
    if run.kind is not None or not formatting:
        return run.kind
    if run.struck:
        return "del"
    return "ins" if run.marked else None


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.changes: list[Change] = []

    def write(self, text: str, kind: ChangeKind | None) -> None:
        if not text:
            return
        start = self.size
        self.parts.append(text)
        self.size += len(text)
        if kind is None:
            return
        last = self.changes[-1] if self.changes else None
        if last is not None and last.kind == kind and last.end == start:
            self.changes[-1] = Change(last.start, self.size, kind)
        else:
            self.changes.append(Change(start, self.size, kind))


def compose(paras: list[Para]) -> tuple[str, tuple[Change, ...]]:
    """The text (one paragraph per line, runs of blank lines kept to one) and its
    changes."""
    formatting = shows_changes(paras)
    out = _Writer()
    blank = True  # no blank line at the start
    for para in paras:
        if para.is_blank() and para.end is None:
            if not blank:
                out.write("\n", None)
            blank = True
            continue
        for run in para.runs:
            out.write(run.text, _kind(run, formatting))
        out.write("\n", para.end)
        blank = False
    return "".join(out.parts), tuple(out.changes)
