"""The citation forms of other references: study group Questions, Constitution /
Convention / Radio Regulations provisions, WSIS documents and action lines."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from itukg.ingest.lists import LIST_SEP, matches, scan_list
from itukg.ingest.mentions import Mention, Scan
from itukg.ingest.surroundings import (
    nearby_sector,
    pinpoint,
    sector_named,
    sector_token,
)

_Q_LEAD: Final = re.compile(r"(?i)questions?\s+")
_Q_ITEM: Final = re.compile(
    r"(?P<q>\d{1,3}[A-Z]?(?:-\d{1,2})?)/(?P<g>\d{1,2})(?![\d/])"
)
_PROV_LEAD: Final = re.compile(r"(?i)(?:nos?\.|articles?)\s*")
_PROV_ITEM: Final = re.compile(
    r"(?P<n>\d{1,4}[A-Z]{0,2}(?:\.\d{1,4}[A-Z]{0,2})?)(?![\d])"
)
_PROV_SEP: Final = re.compile(r"\s*,\s*(?i:and\s+)?|\s+(?i:and|to)\s+")
_SHORT: Final = re.compile(r"C(?P<i>[SV])\s?(?P<n>\d{1,3}[A-Z]?)(?![\w])")
_LINE: Final = re.compile(r"C\d{1,2}(?!\d)")
_LINE_SEP: Final = re.compile(r"\s*(?:,\s*and|,|and)\s*")
_WSIS_LEAD: Final = re.compile(r"(?i:the\s+)?(?:WSIS\s+)?$")


@lru_cache(maxsize=4)
def _sector_words(names: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words after and before a Question that name its sector ("of ITU-D",
    "ITU-D Study Group 1 Question 3/1"), given the alternation of sector and body
    names."""
    after = re.compile(rf"\s+(?i:of|from)\s+(?:(?i:the)\s+)?(?P<s>{names})")
    before = re.compile(
        rf"(?P<s>{names})(?:-\d{{2,4}})?(?:\s+(?i:study\s+group)\s+\d{{1,2}})?\s*$"
    )
    return after, before


def _question_start(scan: Scan, m: re.Match[str]) -> tuple[int, str | None]:
    """Where a Question's number starts, and the sector named between the keyword
    and it ("Question ITU-D 3/1")."""
    text = scan.text
    lead = _Q_LEAD.match(text, m.start())
    pos = lead.end() if lead else m.end()
    if not text.startswith("ITU-", pos):
        return pos, None
    sector = sector_token(text[pos : pos + 5])
    pos += 5
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos, sector


def scan_questions(scan: Scan, m: re.Match[str]) -> list[Mention]:
    """Study group Questions ("Question 22-1/1", "Questions 3/1 and 5/1 of ITU-D")
    with the sector their words or their paragraph name."""
    text, end = scan.text, scan.window(m.end())
    pos, sector = _question_start(scan, m)
    found, last = scan_list(text, pos, end, matches(_Q_ITEM, text), LIST_SEP)
    g = scan.grammar
    after_words, before_words = _sector_words(f"{g.sector_names}|{g.body_names}")
    if after := after_words.match(text, last, end):
        sector = sector or sector_named(scan.grammar, after.group("s"))
        last = after.end()
    start = m.start()
    if sector is None:
        sector = nearby_sector(scan, start, last)
    if before := before_words.search(text, max(scan.floor, start - 60), start):
        sector = sector or sector_named(scan.grammar, before.group("s"))
        start = before.start()
    pin, start = pinpoint(scan, start)
    return [
        Mention(
            form="question",
            kind="question",
            number=f"{q.group('q')}/{q.group('g')}",
            sector=sector,
            start=start,
            end=last,
            pinpoint=pin,
        )
        for q in found
    ]


@lru_cache(maxsize=4)
def _provision_instrument(names: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The treaty named after provisions ("… of the Convention") and before them
    ("Constitution No. 5"), given the alternation of instrument names (compiled
    once: the names make a long expression)."""
    after = re.compile(
        r"(?:\s+(?i:in)\s+(?i:article)\s+\d{1,3}[A-Z]?)?"
        rf"\s+(?i:of|in)\s+(?:(?i:the|this)\s+)?(?P<i>{names})(?![\w-])"
    )
    return after, re.compile(rf"(?P<i>{names})\s*$")


def scan_provisions(scan: Scan, m: re.Match[str], unit: str) -> list[Mention]:
    """Numbered provisions or articles of a treaty named after or before them
    ("Nos. 246A to 247 of the Convention", "Article 52 of the Constitution")."""
    text, end = scan.text, scan.window(m.end(), 200)
    lead = _PROV_LEAD.match(text, m.start())
    pos = lead.end() if lead else m.end()
    found, last = scan_list(text, pos, end, matches(_PROV_ITEM, text), _PROV_SEP)
    g = scan.grammar
    after, before_pattern = _provision_instrument(g.instrument_names)
    tail = after.match(text, last, end)
    start = m.start()
    if tail is not None:
        instrument = g.instrument_of(tail.group("i"))
        last = tail.end()
    else:
        before = before_pattern.search(text, max(scan.floor, start - 40), start)
        if before is None:
            return []
        instrument = g.instrument_of(before.group("i"))
        start = before.start()
    if instrument is None:
        return []
    name = instrument.split("/")[-1]
    return [
        Mention(
            form="provision",
            kind=f"{name}/{unit}",
            number=p.group("n"),
            start=start,
            end=last,
        )
        for p in found
    ]


def scan_short_provision(scan: Scan, m: re.Match[str]) -> list[Mention]:
    """A provision by its short number: "CS233", "CV 81"."""
    p = _SHORT.match(scan.text, m.start())
    if p is None:
        return []
    name = "constitution" if p.group("i") == "S" else "convention"
    return [
        Mention(
            form="provision",
            kind=f"{name}/no",
            number=p.group("n"),
            start=p.start(),
            end=p.end(),
        )
    ]


def scan_action_lines(scan: Scan, m: re.Match[str]) -> list[Mention]:
    """WSIS action lines: "Action Lines C2, C5 and C6"."""
    text = scan.text
    found, last = scan_list(
        text, m.end() - 2, scan.window(m.end(), 120), matches(_LINE, text), _LINE_SEP
    )
    pin, start = pinpoint(scan, m.start())
    return [
        Mention(
            form="named",
            kind=f"wsis/action-line/{c.group(0).lower()}",
            number=c.group(0).lower(),
            start=start,
            end=last,
            pinpoint=pin,
        )
        for c in found
    ]


def scan_wsis(scan: Scan, m: re.Match[str]) -> list[Mention]:
    """A WSIS outcome document by name ("the Tunis Agenda")."""
    key = scan.grammar.instrument_of(m.group("wsis"))
    if key is None:
        return []
    start = m.start()
    lead = _WSIS_LEAD.search(scan.text, max(scan.floor, start - 10), start)
    if lead and lead.start() < start:
        start = lead.start()
    pin, start = pinpoint(scan, start)
    return [
        Mention(
            form="named",
            kind=key,
            number="",
            start=start,
            end=m.end(),
            pinpoint=pin,
        )
    ]
