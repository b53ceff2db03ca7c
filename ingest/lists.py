"""Lists of citations: the one scanner for "item, separator, item …" and the rule
for which words apply to each item of a list ("WTSA Resolutions 1, 2 and 7";
"Resolutions 50 and 52 (Rev. Johannesburg, 2008) and 58 (Johannesburg, 2008)";
"…, in particular Resolution 130 …, and Resolution 48 (…)")."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final, TypeVar

from itukg.ingest.mentions import LOOKBACK, NO_WORDS, Scan, Words
from itukg.ingest.surroundings import lookback, words_before

T = TypeVar("T")
# An item of a list at (pos, end): its value and where it ends, or None.
Item = Callable[[int, int], tuple[T, int] | None]

# The separator of most lists: "A, B", "A and B", "A, and B", "A or B".
LIST_SEP: Final = re.compile(r"\s*,\s*(?i:and\s+|or\s+)?|\s+(?i:and|or)\s+")
# A line that starts a new paragraph or clause: its label, then its words or the
# end of the line ("C.2.4 The clause", "3 Member States shall", "C.2.4"), unless
# the next line goes on with a qualifier ("212⏎(Rev.WRC-23)").
_LABEL_LINE: Final = re.compile(
    r"(?:[A-Z]{1,3}\.)?\d{1,4}(?:\.\d{1,4})*[a-z]?[.)]?"
    r"(?:\t|[ \t]+[A-Z][a-z]|[ \t]*(?:\n(?![ \t]*\()|\Z))"
)
_BLANK_LINE: Final = re.compile(r"\n[ \t]*\n")
# What may stand between two citations of one list: a connector, maybe after the
# first one's title ("…, on country code top-level domain names, and …"), maybe a
# bullet, maybe the session of the next one ("…, and at its 2016 session …").
_JOIN: Final = re.compile(
    r"(?:\s*,\s*on\s[^;.()\n]{1,150}?)?\s*(?:,|;|,?\s*and|,?\s*or)\s*"
    r"(?:[\u2022\u00b7]\s*)?"
    r"(?:,?\s*(?i:at|during|in)\s+(?i:its)\s+(?P<session>\d{4})\s+(?i:session)\s*,?\s*)?"
)


def crosses_boundary(text: str, start: int, item: int) -> bool:
    """Whether the words from ``start`` to an item at ``item`` run across a
    paragraph or heading boundary: a blank line, or a line break before a line that
    starts with a label ("…the following Recommendations⏎C.2.4 The clause")."""
    if "\n" not in text[start:item]:
        return False
    return bool(_BLANK_LINE.search(text, start, item) or _LABEL_LINE.match(text, item))


def scan_list(
    text: str,
    pos: int,
    end: int,
    item: Item[T],
    sep: re.Pattern[str],
    go_on: Callable[[T, int], bool] | None = None,
) -> tuple[list[T], int]:
    """The items of a list starting at ``pos`` and where the last one ends: an item,
    then while a separator and another item follow in the same paragraph, that
    item. ``go_on(last item, position after the separator)`` may end the list
    earlier."""
    items: list[T] = []
    last = pos
    while (hit := item(pos, end)) is not None:
        value, last = hit
        items.append(value)
        s = sep.match(text, last, end)
        if s is None or crosses_boundary(text, last, s.end()):
            break
        if go_on is not None and not go_on(value, s.end()):
            break
        pos = s.end()
    return items, last


def matches(pattern: re.Pattern[str], text: str) -> Item[re.Match[str]]:
    """Items that are matches of one pattern."""

    def item(pos: int, end: int) -> tuple[re.Match[str], int] | None:
        m = pattern.match(text, pos, end)
        return None if m is None else (m, m.end())

    return item


def leading_words(scan: Scan, pos: int) -> Words:
    """The words before a keyword that apply to the list it starts: a body named
    just before ("WTSA Resolution …"), words that introduce a list of one body's
    instruments ("WTSA resolutions, in particular Resolution …"), or else the
    leading words of the list just before when this one is joined to it in the
    same paragraph ("Resolutions 50 and 52 (…) and Resolution 58 (…)")."""
    found = words_before(scan, pos)
    if found is not None:
        return found
    text = scan.text
    lo = lookback(scan, pos, 2 * LOOKBACK)
    m = scan.grammar.before_list.search(text, lo, pos)
    if m is not None:
        body = scan.grammar.body_of(m.group("name") or m.group("name2"))
        return Words(body=body, start=m.start(), end=pos)
    carried = scan.carried
    same = carried.body and not _BLANK_LINE.search(text, scan.floor, pos)
    join = _JOIN.fullmatch(text, scan.floor, pos) if same else None
    if join is not None:
        session = join.group("session")
        year = int(session) if session else carried.year
        return Words(body=carried.body, year=year, shared=True)
    return NO_WORDS


def words_of_items(own: Sequence[Words], lead: Words) -> list[Words]:
    """The words that apply to each group of a list, given each group's own words
    (those after its qualifier) and the list's leading words: its own words when
    they name a body; else those of the nearest later group that names one
    ("Resolutions 50 and 52 (…) of WTSA"); else the leading words. A year that a
    group's own words name ("at its 2009 session") is kept when the applied words
    have none."""
    out: list[Words] = []
    later = NO_WORDS
    for words in reversed(own):
        if words.body:
            later = words
        use = words if words.body else (later if later.body else lead)
        if words.year and not use.year:
            use = Words(body=use.body, year=words.year, start=use.start, end=use.end)
        out.append(use)
    out.reverse()
    return out
