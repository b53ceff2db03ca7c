"""The citation forms of conference instruments: ITU resolutions, decisions,
recommendations and opinions (lists, ranges, versions, body words) and
Radiocommunication Assembly resolutions ("Resolution ITU-R 1-8")."""

from __future__ import annotations

import re
from typing import Final

from itukg.ingest.grammar import conference_by_acronym
from itukg.ingest.lists import (
    LIST_SEP,
    crosses_boundary,
    leading_words,
    matches,
    scan_list,
    words_of_items,
)
from itukg.ingest.mentions import NO_WORDS, Found, Mention, Qualifier, Scan, Words
from itukg.ingest.surroundings import pinpoint, words_after
from itukg.ingest.versions import QUALIFIER, qualifier_at, version_after

_NUMBER: Final = re.compile(
    r"(?i:no\.?\s*|n[\u00b0\u00ba]\s*|number\s+)?(?P<n>\d{1,4}[A-Z]?|\[[^\]\n]{1,20}\])(?![\d/.\-]\d|[\w/])"
)
_RANGE: Final = re.compile(r"\s+(?i:to)\s+(?P<n>\d{1,4})(?![\d/.\-]\d|[\w/])")
_SEP: Final = re.compile(
    r"(?:[ \t]*\n?[ \t]*,[ \t]*\n?[ \t]*(?i:and\s+|or\s+)?"
    r"|[ \t]*\n?[ \t]*(?i:and|or|as\s+well\s+as)[ \t]*\n?[ \t]*"
    r"|[ \t]*;[ \t]*(?i:and[ \t]+)?)(?=\d|\[)"
)
_RA_ITEM: Final = re.compile(
    r"(?:ITU-R\s+)?(?P<n>\d{1,3})(?:-(?P<r>\d{1,2}))?(?![\d/.]|-\d)"
)
# "ITU-R Resolution 9": the sector named before the keyword.
_RA_BEFORE: Final = re.compile(r"(?<![\w-])ITU-R\s+$")
# A list of conference resolutions that ends with Radiocommunication Assembly
# ones: "Resolutions 646 (Rev.WRC-15), 647 (Rev.WRC-15) and ITU-R 55 (Geneva, 2015)".
_THEN_RA: Final = re.compile(
    r"(?:\s*,\s*(?:(?i:and|or)\s+)?|\s+(?i:and|or|as\s+well\s+as)\s+|\s*;\s*"
    r"(?:(?i:and)\s+)?)(?P<ra>ITU-R)\s+(?=\d)"
)


class _Entry:
    """One numbered entry of a list: its numbers ("8 to 10" is three), the version
    and body words after it. An entry with a version or words closes a group: the
    numbers since the previous group share them."""

    def __init__(
        self, numbers: list[str], qualifier: Qualifier | None, words: Words
    ) -> None:
        self.numbers: Final = numbers
        self.qualifier: Final = qualifier
        self.words: Final = words

    @property
    def closes(self) -> bool:
        return self.qualifier is not None or bool(self.words.body or self.words.year)


def _numbers(scan: Scan, pos: int, end: int) -> tuple[list[str], int] | None:
    """A number, or a short range of them ("Resolutions 8 to 10")."""
    m = _NUMBER.match(scan.text, pos, end)
    if m is None:
        return None
    n = m.group("n")
    r = _RANGE.match(scan.text, m.end(), end)
    if r and n.isdigit() and 0 < int(r.group("n")) - int(n) <= 50:
        return [str(i) for i in range(int(n), int(r.group("n")) + 1)], r.end()
    return [n], m.end()


def _entry(scan: Scan, pos: int, end: int) -> tuple[_Entry, int] | None:
    """The entry at ``pos``: its numbers and the version and body words after them
    (``versions``)."""
    found = _numbers(scan, pos, end)
    if found is None:
        return None
    numbers, pos = found
    qual, words, pos = version_after(scan, pos, end)
    return _Entry(numbers, qual, words), pos


def _versioned_next(scan: Scan, pos: int, end: int) -> bool:
    """Whether a list goes on with a versioned item ("…, and 47 (Rev. Dubai,
    2012)"): the first of the next numbers that has a qualifier names a version."""
    numbers, _ = scan_list(scan.text, pos, end, matches(_NUMBER, scan.text), _SEP)
    return bool(numbers) and qualifier_at(scan.text, numbers[-1].end(), end) is not None


def _groups(entries: list[_Entry]) -> list[_Entry]:
    """Entries joined into groups: the numbers up to one with a version or words
    share them ("Resolutions 101, 102 and 133 (Rev. Guadalajara, 2010)")."""
    groups: list[_Entry] = []
    pending: list[str] = []
    for e in entries:
        if not pending and e.closes:
            groups.append(e)  # a group of one entry: that entry
            continue
        pending += e.numbers
        if e.closes:
            groups.append(_Entry(pending, e.qualifier, e.words))
            pending = []
    if pending:
        groups.append(_Entry(pending, None, NO_WORDS))
    return groups


def scan_resolutions(scan: Scan, kw_start: int, pos: int, kind: str) -> Found:
    """A list of ITU conference instruments after its keyword ("Resolutions 50 and
    52 (Rev. Johannesburg, 2008) and 58 (Johannesburg, 2008)")."""
    end = scan.window(pos)
    entries, last = scan_list(
        scan.text,
        pos,
        end,
        lambda p, e: _entry(scan, p, e),
        _SEP,
        lambda e, at: not e.closes or _versioned_next(scan, at, end),
    )
    groups = _groups(entries)
    if not groups:
        return Found()
    lead = leading_words(scan, kw_start)
    start = lead.start if lead.body and lead.start is not None else kw_start
    pin, start = pinpoint(scan, start)
    out = [
        Mention(
            form="itu",
            kind=kind,
            number=n,
            start=start,
            end=last,
            qualifier=group.qualifier,
            words=words,
            pinpoint=pin,
        )
        for group, words in zip(
            groups, words_of_items([g.words for g in groups], lead), strict=True
        )
        for n in group.numbers
    ]
    return Found(out + _then_ra(scan, last), carried=lead)


def _then_ra(scan: Scan, last: int) -> list[Mention]:
    """Radiocommunication Assembly resolutions that end a list of conference
    resolutions ("…, 647 (Rev.WRC-15) and ITU-R 55 (Geneva, 2015)")."""
    end = scan.window(last)
    if scan.text.find("ITU-R", last, end) < 0:
        return []  # what the expression needs, found by a literal scan
    then = _THEN_RA.match(scan.text, last, end)
    if then is None or crosses_boundary(scan.text, last, then.end()):
        return []
    return scan_ra(
        Scan(scan.text, scan.grammar, last, scan.carried),
        then.start("ra"),
        then.end("ra"),
    )


def _ra_item(
    scan: Scan, pos: int, end: int
) -> tuple[tuple[str, str | None], int] | None:
    m = _RA_ITEM.match(scan.text, pos, end)
    if m is None:
        return None
    q = QUALIFIER.match(scan.text, m.end(), end)
    return (m.group("n"), m.group("r")), q.end() if q else m.end()


def scan_ra(scan: Scan, kw_start: int, pos: int) -> list[Mention]:
    """Radiocommunication Assembly resolutions after "Resolution ITU-R"
    ("Resolution ITU-R 1-8", "Resolutions ITU-R 9 and 23-1")."""
    end = scan.window(pos)
    while pos < end and scan.text[pos].isspace():
        pos += 1
    found, last = scan_list(
        scan.text, pos, end, lambda p, e: _ra_item(scan, p, e), LIST_SEP
    )
    words, wend = words_after(scan, last, end)
    if words.body:
        last = wend
    pin, start = pinpoint(scan, kw_start)
    return [
        Mention(
            form="ra",
            kind="res",
            number=n,
            revision=r,
            start=start,
            end=last,
            pinpoint=pin,
        )
        for n, r in found
    ]


def ra_named_before(scan: Scan, kw_start: int, pos: int) -> int | None:
    """Where "ITU-R" starts when it names a resolution's sector before the keyword
    ("ITU-R Resolution 9 (Geneva, 2015)"): a Radiocommunication Assembly
    resolution, unless its qualifier names another conference ("(WRC-03)")."""
    lo = max(scan.floor, kw_start - 12)
    if scan.text.find("ITU-R", lo, kw_start) < 0:
        return None  # the literal first: most keywords have no sector before them
    before = _RA_BEFORE.search(scan.text, lo, kw_start)
    end = scan.window(pos)
    m = _RA_ITEM.match(scan.text, pos, end)
    if before is None or m is None:
        return None
    q = qualifier_at(scan.text, m.end(), end)
    acronym = q[0].acronym if q else None
    conf = conference_by_acronym(acronym) if acronym else None
    return before.start() if conf is None or conf.body == "ra" else None
