"""The layout of a view's text: blocks (the document body, MOD/ADD/SUP/NOC proposal
blocks, instruments of a collection), each block's header, and where each heading
and paragraph label stands."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from itukg.ingest.grammar import load_grammar

AMENDMENT: Final = re.compile(
    r"^[ \t>#*_\-]*(?P<action>MOD|ADD|SUP|NOC)[ \t]+"
    r"(?P<proposal>[A-Z][A-Za-z0-9]*(?:/[A-Za-z0-9.\-]+){1,3})(?P<rest>[^\n]*)$",
    re.M,
)
# Each line pattern is tried at every line: a lookahead for the characters its
# matches can start with (or go on with, after the leading marks) turns most lines
# down at once, where the optional groups after it would each be tried first.
HEADER: Final = re.compile(
    r"^[ \t>#*_\-]*(?=[DNOR])(?P<head>(?:DRAFT[ \t]+)?(?:NEW[ \t]+)?(?:REVISED[ \t]+)?"
    r"(?P<kw>RESOLUTION|DECISION|RECOMMENDATION|OPINION)[ \t]+(?:ITU-[RT][ \t]+)?"
    r"(?P<num>\[[^\]\n]{1,30}\]|\d{1,4}[A-Z]?(?:-\d{1,2})?)[ \t]*"
    r"(?:\((?P<qual>[^()\n]{0,80})\))?)[ \t*_]*$",
    re.M,
)
_BREAK: Final = re.compile(
    r"^[ \t#*_]*(?:(?i:annex)[ \t]+(?:\d+|[A-Z])[ \t*_]*$|(?i:reasons?)[ \t]*:)", re.M
)
_REASONS: Final = re.compile(r"^[ \t#*_]*(?i:reasons?)[ \t]*:", re.M)
_LABEL: Final = re.compile(
    r"^(?=[ \t>\-*\u2022+_(a-z\d])[ \t>]*(?:[\-*\u2022+][ \t]+)?[*_]*"
    r"(?P<label>\((?:[a-z]|[ivxl]{1,6}|\d{1,2})\)|(?:[a-z]|[ivxl]{1,6})\)"
    r"|\d{1,2}(?:\.\d{1,2})*(?:[ \t]?bis|[ \t]?ter)?(?:\)|\.(?!\d))?)(?=[ \t]+\S)",
    re.M,
)
_ROMAN_ONLY: Final = frozenset(
    ["ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii", "xiii", "xiv", "xv"]
)
_PREV_LETTER: Final = {"i": "h", "v": "u", "x": "w", "l": "k"}


@lru_cache(maxsize=32)
def _after_newline(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` (MULTILINE, starting with ``^``) as a newline and the rest."""
    assert pattern.pattern.startswith("^") and pattern.flags & re.M
    return re.compile("\n(?:" + pattern.pattern[1:] + ")", pattern.flags)


def line_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a MULTILINE pattern that starts with ``^``,
    the same matches found faster: the regex engine looks for the newline before
    a line (a literal, found by a fast scan) instead of trying the whole pattern
    at every position. Every match starts a line, and after a match the search
    goes on where it ended, as ``finditer`` does; so the matches are the same for
    a pattern whose matches never end just after a newline (none here does)."""
    end = 0
    first = pattern.match(text, 0)
    if first is not None:
        yield first
        end = first.end()
    for m in _after_newline(pattern).finditer(text, end):
        found = pattern.match(text, m.start() + 1)
        assert found is not None and found.end() == m.end()
        yield found


def line_starts(
    pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[tuple[int, re.Match[str]]]:
    """(line start, match) for every match of ``line_matches(pattern, text)`` (in
    ``text[pos:endpos]``), without matching twice: the match may begin at the
    newline before its line, so read its named groups and its end, never its start
    or group 0."""
    stop = len(text) if endpos is None else endpos
    first = pattern.match(text, pos, stop)
    if first is not None:
        yield pos, first
        pos = first.end()
    for m in _after_newline(pattern).finditer(text, pos, stop):
        yield m.start() + 1, m


class Block:
    """A stretch of a view whose citations share one source (a plain class with
    Final attributes: see mentions.Mention)."""

    def __init__(
        self,
        start: int,
        end: int,
        kind: str,  # "body", "amendment" or "instrument"
        action: str | None = None,
        proposal: str | None = None,
        header: tuple[int, int] | None = None,  # the header's span (no citation)
    ) -> None:
        self.start: Final = start
        self.end: Final = end
        self.kind: Final = kind
        self.action: Final = action
        self.proposal: Final = proposal
        self.header: Final = header


@dataclass(frozen=True)
class Layout:
    blocks: tuple[Block, ...]
    positions: tuple[int, ...]
    states: tuple[tuple[str | None, str | None], ...]

    def where(self, pos: int) -> tuple[str | None, str | None]:
        """The (section, paragraph) that text at ``pos`` stands under."""
        i = bisect_right(self.positions, pos) - 1
        return self.states[i] if i >= 0 else (None, None)


def _blocks(text: str) -> list[Block]:
    events: list[tuple[int, str, re.Match[str]]] = []
    # (line start, what, match): a match may begin at the newline before its line
    events += [(at, "amend", m) for at, m in line_starts(AMENDMENT, text)]
    events += [(at, "header", m) for at, m in line_starts(HEADER, text)]
    events += [(at, "break", m) for at, m in line_starts(_BREAK, text)]
    events.sort(key=lambda e: e[0])
    blocks: list[Block] = []
    cur = Block(0, 0, "body")
    claimed: set[int] = set()
    for i, (pos, what, m) in enumerate(events):
        if what == "header" and pos in claimed:
            continue
        if what == "break" and cur.kind == "body":
            continue
        blocks.append(
            Block(cur.start, pos, cur.kind, cur.action, cur.proposal, cur.header)
        )
        if what == "amend":
            header = None
            rest = (
                HEADER.search(m.group("rest").strip())
                if m.group("rest").strip()
                else None
            )
            if rest is not None:
                header = (m.start("rest"), m.end())
            else:
                nxt = events[i + 1] if i + 1 < len(events) else None
                if nxt and nxt[1] == "header" and nxt[0] - m.end() < 400:
                    header = (nxt[2].start("head"), nxt[2].end("head"))
                    claimed.add(nxt[0])
            cur = Block(
                pos, 0, "amendment", m.group("action"), m.group("proposal"), header
            )
        elif what == "header":
            cur = Block(pos, 0, "instrument", header=(m.start("head"), m.end("head")))
        else:
            cur = Block(pos, 0, "body")
    blocks.append(
        Block(cur.start, len(text), cur.kind, cur.action, cur.proposal, cur.header)
    )
    return [b for b in blocks if b.end > b.start or b.kind != "body"]


def proposal_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the MOD, ADD and SUP blocks of a text, each from its line to
    the next proposal or its "Reasons:" line (annexes and headers inside stay in
    it): the only places where revision marks shown by formatting alone mean
    revisions (design/contract.md section 1)."""
    found = list(line_matches(AMENDMENT, text))
    reasons = [m.start() for m in line_matches(_REASONS, text)]
    spans = []
    for i, m in enumerate(found):
        nxt = found[i + 1].start() if i + 1 < len(found) else len(text)
        j = bisect_right(reasons, m.start())
        end = min(reasons[j], nxt) if j < len(reasons) else nxt
        if m.group("action") in ("MOD", "ADD", "SUP"):
            spans.append((m.start(), end))
    return spans


_MODIFIERS: Final = re.compile(
    r"(?:\s+(?:further|also|moreover|in\s+particular|with\s+(?:appreciation|satisfaction"
    r"|concern|gratitude|deep\s+concern)))*",
    re.I,
)


@lru_cache(maxsize=4096)
def _heading_name(line: str, head: str, preamble: bool) -> str | None:
    """A heading line's section name, or None when the line is a sentence that
    merely begins with a heading word.

    A preamble heading is its lead words and their modifiers ("recognizing
    further"), even when the recital follows on the same line; an operative heading
    is the whole short line, addressee included ("instructs the Secretary-General,
    in collaboration with …"), unless a citation or a label follows on it. A long
    line is a heading (UNGA style: "Recalling its resolution 70/1 of …,") only
    when it ends with a comma."""
    clean = " ".join(line.strip(" \t>#*_").split())
    lead = " ".join(head.split())
    mods = (
        _MODIFIERS.match(clean, len(lead))
        if clean.lower().startswith(lead.lower())
        else None
    )
    short = lead + (mods.group(0) if mods else "")
    rest = clean[len(short) :].strip(" ,:;")
    if not rest:
        return short.lower()
    if len(clean) <= 150 and not clean.endswith((";", ".")):
        if preamble or re.search(r"\d|\(", rest):
            return short.lower()
        return clean.rstrip(",:;").lower()
    if clean.endswith(","):
        return short.lower()
    return None


def forget_document() -> None:
    """Drop what is cached by a document's own text (its heading lines): such a
    cache serves the repeats within one document, never the next document."""
    _heading_name.cache_clear()


@lru_cache(maxsize=4)
def _lead_pattern(section_lead: str) -> re.Pattern[str]:
    return re.compile(rf"[ \t>#*_]*((?:(?i:further|also|moreover)\s+)?{section_lead})")


@lru_cache(maxsize=4096)
def _is_preamble(lead: str) -> bool:
    words = " ".join(lead.lower().split())
    words = re.sub(r"^(?:further|also|moreover)\s+", "", words)
    return any(
        words in s.labels
        for s in load_grammar().lexicon.sections
        if s.part == "preamble"
    )


def _kind(core: str, stack: list[tuple[str, str]], next_core: str | None) -> str:
    if core[0].isdigit():
        return "num"
    if core in _ROMAN_ONLY:
        return "roman"
    if core in _PREV_LETTER:
        if next_core == {"i": "ii", "v": "vi", "x": "xi", "l": "li"}[core]:
            return "roman"
        letters = [lab for t, lab in stack if t == "letter"]
        if letters and letters[-1].strip("()") == _PREV_LETTER[core]:
            return "letter"
        if any(t == "roman" for t, _ in stack) or core == "i":
            return "roman"
    return "letter"


def segment_text(text: str) -> Layout:
    """Blocks, headings and paragraph labels of a view's text."""
    blocks = _blocks(text)
    grammar = load_grammar()
    events: list[tuple[int, int, str, str]] = []  # (pos, order, what, value)
    for b in blocks:
        events.append((b.start, 0, "block", ""))
    lead_pattern = _lead_pattern(grammar.section_lead)
    for start, m in line_starts(grammar.heading, text):
        line = text[start : m.end()]
        head = lead_pattern.match(line)
        lead = head.group(1) if head else line
        name = _heading_name(line, lead, _is_preamble(lead))
        if name is not None:
            events.append((start, 1, "heading", name))
    events += [
        (m.start("label"), 2, "label", m.group("label"))
        for _, m in line_starts(_LABEL, text)
    ]
    events.sort()  # by position, then order: one event of a kind per position
    positions: list[int] = []
    states: list[tuple[str | None, str | None]] = []
    section: str | None = None
    stack: list[tuple[str, str]] = []
    label_events = [e for e in events if e[2] == "label"]
    next_of = {
        e[0]: (
            label_events[i + 1][3].strip("()") if i + 1 < len(label_events) else None
        )
        for i, e in enumerate(label_events)
    }
    paragraph: str | None = None  # the labels on the stack (joined when it moves)
    for pos, _, what, value in events:
        if what == "block":
            section, stack, paragraph = None, [], None
        elif what == "heading":
            section, stack, paragraph = value, [], None
        elif section is not None:
            bare = value.strip("().")
            core = bare.split()[0] if bare else value
            kind = _kind(core, stack, next_of.get(pos))
            for j, (t, _) in enumerate(stack):
                if t == kind:
                    del stack[j:]
                    break
            stack.append((kind, value))
            paragraph = " ".join([lab for _, lab in stack]) or None
        positions.append(pos)
        states.append((section, paragraph))
    return Layout(tuple(blocks), tuple(positions), tuple(states))
