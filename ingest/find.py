"""Find the citations in a text: every form of design/contract.md, as mentions
that still need resolving to keys (``resolve``).

Linear time: literal scans for the first words of every form, then the trigger
expression and bounded anchored matches at each hit (never more than ``WINDOW``
characters ahead)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from itukg.ingest.forms import InstrumentForms
from itukg.ingest.grammar import EXACT_ANCHORS, Grammar, load_grammar
from itukg.ingest.mentions import (
    _KINDS,
    _REC_ITEM,
    _ROMAN_ITEM,
    _UNGA_ITEM,
    WINDOW,
    Mention,
    Qualifier,
    Words,
)
from itukg.ingest.references import ReferenceForms

__all__ = ["Mention", "Qualifier", "Words", "find_citations"]


class _Scanner(InstrumentForms, ReferenceForms):
    """Every form, dispatched from the trigger that starts it."""

    def instruments(self, kw: re.Match[str]) -> list[Mention]:
        text, end = self.text, min(len(self.text), kw.end() + WINDOW)
        kind = _KINDS[
            kw.group(0).lower().rstrip("s")
            if not kw.group(0).endswith(".")
            else kw.group(0).lower()
        ]
        pos = kw.end()
        while pos < end and text[pos].isspace():
            pos += 1
        if "\t" in text[kw.end() : pos]:
            return []  # "Recommendations<tab>5": a table of contents, not a citation
        if kind == "res" and text.startswith("ITU-R", pos):
            return self.ra(kw, pos + 5)
        if kind == "res" and (
            _UNGA_ITEM.match(text, pos, end) or _ROMAN_ITEM.match(text, pos, end)
        ):
            return self.unga(kw.start(), pos)
        if kind == "rec" and _REC_ITEM.match(text, pos, end):
            return self.recs(kw.start(), pos, None)
        return self.itu(kw.start(), pos, kind)

    def dispatch(self, m: re.Match[str]) -> list[Mention]:
        group = m.lastgroup
        if group == "kw":
            return self.instruments(m)
        if group == "ares":
            return self.ares(m)
        if group == "sec":
            return self.sector_first(m)
        if group == "q":
            return self.questions(m)
        if group == "cs":
            return self.short_provision(m)
        if group == "no":
            return self.provisions(m, "no")
        if group == "art":
            return self.provisions(m, "art")
        if group == "al":
            return self.action_lines(m)
        if group == "wsis":
            return self.wsis(m)
        return []


def _triggers(text: str, start: int, stop: int, g: Grammar) -> Iterator[re.Match[str]]:
    """The trigger matches in order: literal scans for the first words, then the
    full trigger expression anchored at each hit."""
    if stop - start < 4096:  # a short text: one pass of the trigger itself
        yield from g.trigger.finditer(text, start, stop)
        return
    folded = text.encode("ascii", "replace").lower()
    found = {m.start() for a in g.anchors for m in a.finditer(folded, start, stop)}
    found |= {m.start() for a in EXACT_ANCHORS for m in a.finditer(text, start, stop)}
    for pos in sorted(found):
        m = g.trigger.match(text, pos, stop)
        if m is not None:
            yield m


def find_citations(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Every citation mention in ``text[start:end]``, in order of appearance."""
    grammar = load_grammar()
    scanner = _Scanner(text, grammar)
    stop = len(text) if end is None else end
    found: list[Mention] = []
    consumed = start
    for m in _triggers(text, start, stop, grammar):
        if m.start() < consumed:
            continue
        scanner.floor = consumed
        mentions = scanner.dispatch(m)
        if mentions and mentions[0].form != "itu":
            scanner.shared = Words()  # a list of resolutions ends at another form
        if mentions:
            found += mentions
            consumed = max(consumed, max(x.end for x in mentions))
    return found
