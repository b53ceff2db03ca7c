"""Find the paragraphs of the instruments a document holds, per view: every
top-level labelled paragraph under a heading ("a)" under recalling, "1" under
resolves), or the words of a heading that has none. Mandates and lineage are made
of them (design/contract.md section 4).

A label that reads as two run-together numbers where the list expects one (``57``
after 6, ``~~57~~`` or ``34`` after 3: a conversion that lost or spread the
revision marks) is a renumbering: the first number belongs to the previous view,
the second to the current one."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import replace
from functools import lru_cache
from typing import Final

from itukg.ingest.models import Change, Document, Paragraph, View
from itukg.ingest.relines import reline_text
from itukg.ingest.structure import Layout, line_starts, segment_text
from itukg.ingest.views import ViewText, render_view

# An annex of the instrument: its operative part has ended.
# An annex header: in capitals anywhere ("…transferred. ANNEX 1 TO DECISION 5"), or
# opening a line; "Annex 2 to Decision 5 (Rev. Dubai, 2018)" inside a recital is a
# citation, not a header.
# Two scans, each with a literal to skip ahead to (a pattern that opens with a
# lookbehind or ``^`` is tried at every position): the capitals (then the character
# before is checked: no word character or hyphen), and a line's header.
_ANNEX_CAPS: Final = re.compile(
    r"A(?:NNEX|PPENDIX|TTACHMENT)(?:\s+(?:\d+|[A-Z]))?\s+TO\s+(?:THIS\s+)?"
    r"(?:RESOLUTION|DECISION|RECOMMENDATION|OPINION)"
)
_ANNEX_LINE: Final = re.compile(
    r"^[ \t#*_]*(?:Annex|Appendix|Attachment)(?:\s+(?:\d+|[A-Z]))?\s+to\s+"
    r"(?:this\s+)?(?:Resolution|Decision|Recommendation|Opinion)\b[^\n]*$",
    re.M,
)
_BULLETS: Final = (
    " \t\n-*+>\u2022"  # the next item's bullet, not this paragraph's words
)

Sources = Mapping[tuple[View, int], str | None]
"""The version each block's header names, by (view, document offset of the block)."""


def _annex_start(text: str, start: int, end: int) -> int | None:
    """Where the first annex header in ``text[start:end]`` starts, if any."""
    found = None
    for m in _ANNEX_CAPS.finditer(text, start, end):
        before = text[m.start() - 1 : m.start()]
        if not before or not (before.isalnum() or before in "_-"):
            found = m.start()
            break
    line = next(line_starts(_ANNEX_LINE, text, start, end), None)
    if line is not None and (found is None or line[0] < found):
        return line[0]
    return found


def _split(label: str, expected: int) -> int | None:
    """How many leading digits of ``label`` are the previous number, or None."""
    if not label.isdigit() or int(label) == expected:
        return None
    tail = str(expected)
    head = label[: -len(tail)]
    if len(label) > len(tail) and label.endswith(tail) and int(head) <= expected:
        return len(head)
    return None


def _renumberings(both: ViewText, layout: Layout) -> Iterator[tuple[int, int, int]]:
    """(start, split, end) document offsets of labels that are renumberings."""
    expected, section = 1, None
    for pos, (sec, para) in zip(layout.positions, layout.states, strict=True):
        if sec != section:
            expected, section = 1, sec
        if sec is None or para is None or " " in para:
            continue
        label = para.rstrip(".)")
        cut = _split(label, expected)
        if cut is not None:
            start = both.raw(pos)
            yield start, start + cut, both.raw_end(pos + len(label))
            label = label[cut:]
        if label.isdigit():
            expected = int(label) + 1


def renumber(doc: Document) -> tuple[Document, frozenset[int]]:
    """``doc`` with each renumbered label's first number deleted (and its second
    inserted where the markup marks insertions): ``~~57~~`` reads ``~~5~~7``; and
    the document offsets of those labels."""
    if not any(c.kind in ("del", "ins") for c in doc.changes):
        return doc, frozenset()
    plain = replace(doc, changes=tuple(c for c in doc.changes if c.kind == "markup"))
    both = render_view(plain, "current")
    found = list(_renumberings(both, segment_text(both.text)))
    if not found:
        return doc, frozenset()
    marks_ins = any(c.kind == "ins" for c in doc.changes)
    changes = [
        c
        for c in doc.changes
        if c.kind == "markup" or not any(c.start < e and c.end > s for s, _, e in found)
    ]
    for start, cut, end in found:
        changes.append(Change(start, cut, "del"))
        if marks_ins:
            changes.append(Change(cut, end, "ins"))
    renumbered = replace(doc, changes=tuple(sorted(changes, key=lambda c: c.start)))
    return renumbered, frozenset(start for start, _, _ in found)


_NUMBERED: Final = re.compile(r"(\d+)\s?(bis|ter)?")
_DIGITS: Final = re.compile(r"\d+")


@lru_cache(maxsize=4096)
def _in_sequence(label: str, last: str | None) -> bool:
    """Whether a top-level label continues its list (1 after nothing, 3 after 2, b)
    after a), 2bis after 2); a number out of order is a table cell or a stray."""
    core = label.strip("().").lower()
    number = _NUMBERED.fullmatch(core)
    prev = (last or "").strip("().").lower()
    if number and number.group(2):
        return prev == number.group(1)
    if number:
        before = _DIGITS.match(prev)
        return int(core) == (int(before.group()) + 1 if before else 1)
    if len(core) == 1 and core.isalpha():
        return (
            core == "a" if not prev else len(prev) == 1 and ord(core) == ord(prev) + 1
        )
    return True


def _label_end(text: str, pos: int) -> int:
    """Where the words after the label at ``pos`` begin."""
    end = pos
    while end < len(text) and not text[end].isspace():
        end += 1
    return end


def _spans(
    vt: ViewText, layout: Layout, span: tuple[int, int], renumbered: frozenset[int]
) -> Iterator[tuple[str, str | None, int, int]]:
    """(section, top-level label, words start, words end) of a block's paragraphs."""
    text, (start, end) = vt.text, span
    open_: tuple[str, str | None, int] | None = None
    prev: tuple[str | None, str | None] = (None, None)
    last: str | None = None
    first, last_at = (
        bisect_left(layout.positions, start),
        bisect_left(layout.positions, end),
    )
    for i in range(first, last_at):
        pos, state = layout.positions[i], layout.states[i]
        sec, para = state
        new_section = sec != prev[0]
        prev = state
        if new_section:
            last = None
        top = para is not None and " " not in para  # each label event, repeats too
        if top and para is not None:
            if not (_in_sequence(para, last) or vt.raw(pos) in renumbered):
                continue
            last = para
        if not (new_section or top):
            continue
        if open_ is not None and (open_[1] is not None or sec != open_[0]):
            yield open_[0], open_[1], open_[2], pos
            open_ = None
        if sec is None:
            continue
        if top and para is not None:
            open_ = (sec, para, _label_end(text, pos))
        elif new_section:
            line_end = text.find("\n", pos)
            open_ = (sec, None, end if line_end < 0 else line_end)
    if open_ is not None:
        yield open_[0], open_[1], open_[2], end


def _paragraphs_of_block(
    doc_key: str,
    vt: ViewText,
    layout: Layout,
    source: str,
    span: tuple[int, int],
    renumbered: frozenset[int],
) -> list[Paragraph]:
    found = list(_spans(vt, layout, span, renumbered))
    labelled = {sec for sec, label, _, _ in found if label is not None}
    out: list[Paragraph] = []
    for sec, label, a, b in found:
        if label is None and sec in labelled:
            continue  # a lead-in line above labelled paragraphs
        words = vt.words[a:b]
        lead = len(words) - len(words.lstrip())
        words = words.strip().rstrip(_BULLETS).rstrip()
        if not words and label is None:
            continue
        a += lead
        out.append(
            Paragraph(
                doc=doc_key,
                view=vt.view,
                source=source,
                section=sec,
                label=label,
                order=len(out),
                text=" ".join(words.split()),
                start=vt.raw(a),
                end=vt.raw_end(a + len(words)) if words else vt.raw(a),
            )
        )
    return out


def _segmented(
    doc: Document, view: View, read: Mapping[View, tuple[ViewText, Layout]] | None
) -> tuple[ViewText, Layout]:
    """A view with run-in headings and labels on lines of their own, and its
    layout (the one already made when relining changes nothing)."""
    vt = read[view][0] if read and view in read else render_view(doc, view)
    text = reline_text(vt.text)
    if read and view in read and text == vt.text:
        return read[view]
    vt = replace(vt, text=text)
    return vt, segment_text(text)


def find_paragraphs(
    doc: Document,
    doc_key: str,
    sources: Sources,
    instrument: set[str],
    read: Mapping[View, tuple[ViewText, Layout]] | None = None,
) -> list[Paragraph]:
    """The paragraphs of every block whose source is in ``instrument``, in the
    views ``sources`` names it in; ``read``: the views of ``doc`` already rendered
    and segmented (used when no label is renumbered)."""
    # only the views where some block's header names one of the instruments are
    # read (relined, segmented): in the others no block yields a paragraph
    both: tuple[View, View] = ("current", "previous")
    views = [
        view
        for view in both
        if any(v == view and key in instrument for (v, _), key in sources.items())
    ]
    if not views:
        return []
    doc, renumbered = renumber(doc)
    out: list[Paragraph] = []
    for view in views:
        vt, layout = _segmented(doc, view, None if renumbered else read)
        for block in layout.blocks:
            source = sources.get((view, vt.raw(block.start)))
            if source is None or source not in instrument:
                continue
            start = block.header[1] if block.header else block.start
            annex = _annex_start(vt.text, start, block.end)
            span = (start, block.end if annex is None else annex)
            out += _paragraphs_of_block(doc_key, vt, layout, source, span, renumbered)
    return out
