"""Find the citations in a text: every form of design/contract.md, as mentions
that still need resolving to keys (``resolve``).

Linear time: literal scans for the first words of every form, then the trigger
expression and bounded anchored matches at each hit (never more than ``WINDOW``
characters ahead). Each form is a function over an explicit ``Scan``:

- ``resolutions``: ITU resolutions, decisions, recommendations, opinions and
  Radiocommunication Assembly resolutions; ``unga``: UN General Assembly
  resolutions; ``recommendations``: sector Recommendations; ``references``:
  Questions, treaty provisions, WSIS documents;
- ``versions``: "(Rev. Busan, 2014)" and the other ways a version is named;
  ``lists``: the list scanner and the words that lead a list; ``surroundings``:
  the body, pinpoint and sector words around one citation."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Final

from itukg.ingest.grammar import EXACT_ANCHORS, EXACT_WORDS, Grammar, load_grammar
from itukg.ingest.lists import crosses_boundary
from itukg.ingest.mentions import Found, Mention, Qualifier, Scan, Words, kind_of
from itukg.ingest.recommendations import (
    scan_recommendations,
    scan_sector_first,
    starts_recommendation,
)
from itukg.ingest.references import (
    scan_action_lines,
    scan_provisions,
    scan_questions,
    scan_short_provision,
    scan_wsis,
)
from itukg.ingest.resolutions import ra_named_before, scan_ra, scan_resolutions
from itukg.ingest.unga import scan_symbol, scan_unga, starts_unga

__all__ = ["Mention", "Qualifier", "Words", "find_citations"]


_SPACE: Final = re.compile(r"\s*")
# Below this many characters one pass of the trigger expression beats the literal
# scans (each a call of its own); above it, the literal scans win.
_SHORT: Final = 64


def scan_keyword(scan: Scan, kw: re.Match[str]) -> Found:
    """The citations after an instrument keyword ("Resolution", "Recs."): ITU,
    Radiocommunication Assembly or UNGA resolutions, or Recommendations."""
    text, end = scan.text, scan.window(kw.end())
    kind = kind_of(kw.group(0))
    pos = _SPACE.match(text, kw.end(), end).end()  # type: ignore[union-attr]
    if "\t" in text[kw.end() : pos]:
        return Found()  # "Recommendations<tab>5": a table of contents, no citation
    if crosses_boundary(text, kw.end(), pos):
        return Found()  # a heading "…the following Recommendations", then a clause
    if kind == "res" and text.startswith("ITU-R", pos):
        return Found(scan_ra(scan, kw.start(), pos + 5))
    if kind == "res" and (sector := ra_named_before(scan, kw.start(), pos)) is not None:
        return Found(scan_ra(scan, sector, pos))
    if kind == "res" and starts_unga(text, pos, end):
        return Found(scan_unga(scan, kw.start(), pos))
    if kind == "rec" and starts_recommendation(text, pos, end):
        return Found(scan_recommendations(scan, kw.start(), pos, None))
    return scan_resolutions(scan, kw.start(), pos, kind)


_FORMS: dict[str, Callable[[Scan, re.Match[str]], list[Mention]]] = {
    "ares": scan_symbol,
    "sec": scan_sector_first,
    "q": scan_questions,
    "cs": scan_short_provision,
    "no": lambda scan, m: scan_provisions(scan, m, "no"),
    "art": lambda scan, m: scan_provisions(scan, m, "art"),
    "al": scan_action_lines,
    "wsis": scan_wsis,
}


def scan_trigger(scan: Scan, m: re.Match[str]) -> Found:
    """The citations a trigger starts, by the form the trigger names."""
    if m.lastgroup == "kw":
        return scan_keyword(scan, m)
    form = _FORMS.get(m.lastgroup or "")
    return Found(form(scan, m)) if form else Found()


def _triggers(text: str, start: int, stop: int, g: Grammar) -> Iterator[re.Match[str]]:
    """The trigger matches in order: literal scans for the first words, then the
    full trigger expression anchored at each hit."""
    if stop - start < _SHORT:  # a short text: one pass of the trigger itself
        yield from _short_triggers(text, start, stop, g)
        return
    folded = text[start:stop].encode("ascii", "replace").lower()  # only the part read
    found = {start + m.start() for a in g.anchors for m in a.finditer(folded)}
    found |= {m.start() for a in EXACT_ANCHORS for m in a.finditer(text, start, stop)}
    for pos in sorted(found):
        m = g.trigger.match(text, pos, stop)
        if m is not None:
            yield m


def _short_triggers(
    text: str, start: int, stop: int, g: Grammar
) -> Iterator[re.Match[str]]:
    """``g.trigger.finditer(text, start, stop)``, found faster in ASCII text:
    the expression is tried only where a trigger's first word is (every match
    starts at one), in order, each after the end of the match before."""
    part = text[start:stop]
    if not part.isascii():  # "ſ" and "K" match "s" and "k" case-insensitively
        yield from g.trigger.finditer(text, start, stop)
        return
    folded = part.lower()
    found: set[int] = set()
    for words, scanned in ((g.first_words, folded), (EXACT_WORDS, part)):
        for word in words:
            i = scanned.find(word)
            while i >= 0:
                found.add(start + i)
                i = scanned.find(word, i + 1)
    last = start
    for pos in sorted(found):
        if pos >= last and (m := g.trigger.match(text, pos, stop)) is not None:
            last = m.end()
            yield m


def find_citations(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Every citation mention in ``text[start:end]``, in order of appearance."""
    grammar = load_grammar()
    stop = len(text) if end is None else end
    found: list[Mention] = []
    consumed = start
    scan = Scan(text, grammar, floor=consumed)  # made anew when a citation is found
    for m in _triggers(text, start, stop, grammar):
        if m.start() < consumed:
            continue
        hit = scan_trigger(scan, m)
        if hit.mentions:
            found += hit.mentions
            for x in hit.mentions:
                consumed = max(consumed, x.end)
            # a list of resolutions ends at another form: its words are carried
            scan = Scan(text, grammar, floor=consumed, carried=hit.carried)
    return found
