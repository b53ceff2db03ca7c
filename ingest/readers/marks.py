"""Marked runs to text and changes, for the readers of formatted documents (DOCX,
HTML, PDF). A reader hands over paragraphs of runs, each run with its tracked
revision (if any) and its formatting marks; this module lays them out one paragraph
per line and decides which runs are changes:

- a tracked revision (``w:del``, ``<del>``) is a change of its own kind;
- where revisions are shown by formatting only, as ITU's proposal documents do,
  inside a MOD, ADD or SUP block a struck-through run is deleted text and, when the
  blocks strike anything, an underlined (or coloured) run is inserted text. Outside
  those blocks (a guide that strikes a phrase to illustrate, a table with a struck
  cell), and in a document whose blocks strike nothing, formatting is plain text
  (design/contract.md section 1)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from itukg.ingest.models import Change, ChangeKind
from itukg.ingest.structure import proposal_spans

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


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` lies inside one of the spans (sorted, disjoint)."""
    i = bisect_right(spans, (start, end)) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def _formatting(
    placed: list[tuple[int, Run]], spans: list[tuple[int, int]]
) -> Callable[[int, Run], ChangeKind | None]:
    """What a run's marks mean where it stands: a tracked revision everywhere;
    struck (and, when the blocks strike anything, underlined or coloured) text
    only inside a MOD, ADD or SUP block."""
    strikes = any(
        r.struck and r.kind is None and _inside(spans, at, at + len(r.text))
        for at, r in placed
    )

    def kind(at: int, run: Run) -> ChangeKind | None:
        if run.kind is not None or not _inside(spans, at, at + len(run.text)):
            return run.kind
        if run.struck:
            return "del"
        return "ins" if run.marked and strikes else None

    return kind


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


def _lay_out(paras: list[Para]) -> list[tuple[Run | None, str, ChangeKind | None]]:
    """The pieces of text in order, one paragraph per line, runs of blank lines
    kept to one: each a run (or None for a line end) with its text, and for a line
    end the revision of its paragraph mark."""
    pieces: list[tuple[Run | None, str, ChangeKind | None]] = []
    blank = True  # no blank line at the start
    for para in paras:
        if para.is_blank() and para.end is None:
            if not blank:
                pieces.append((None, "\n", None))
            blank = True
            continue
        pieces += [(run, run.text, None) for run in para.runs]
        pieces.append((None, "\n", para.end))
        blank = False
    return pieces


def compose(paras: list[Para]) -> tuple[str, tuple[Change, ...]]:
    """The text (one paragraph per line, runs of blank lines kept to one) and its
    changes."""
    pieces = _lay_out(paras)
    text = "".join(t for _, t, _ in pieces)
    offsets = _offsets(pieces)
    placed = [(at, run) for (run, _, _), at in zip(pieces, offsets, strict=True) if run]
    formatting = any(r.struck and r.kind is None for _, r in placed)
    kind_at = _formatting(placed, proposal_spans(text) if formatting else [])
    out = _Writer()
    for (run, t, end), start in zip(pieces, offsets, strict=True):
        out.write(t, end if run is None else kind_at(start, run))
    return text, tuple(out.changes)


def _offsets(pieces: list[tuple[Run | None, str, ChangeKind | None]]) -> list[int]:
    offsets: list[int] = []
    at = 0
    for _, t, _ in pieces:
        offsets.append(at)
        at += len(t)
    return offsets
