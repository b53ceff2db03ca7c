"""The citation forms of UN General Assembly resolutions: "resolution 55/63",
"A/RES/55/63", lettered "72/266 B", the early sessions' "2453 A (XXIII)", and
lists of them with their dates."""

from __future__ import annotations

import re
from typing import Final

from itukg.ingest.lists import leading_words, scan_list
from itukg.ingest.mentions import Mention, Scan
from itukg.ingest.surroundings import pinpoint, words_after

_ITEM: Final = re.compile(
    r"(?i:no\.?\s*|number\s+)?(?P<s>\d{1,3})/(?P<n>\d{1,4})(?:\s?(?P<l>[A-D])(?![\w/]))?(?![\d/])"
)
_SEP: Final = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_DATE: Final = re.compile(r"\s+of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}")
# A resolution of the sessions numbered in Roman: "2453 A (XXIII)"
_ROMAN_ITEM: Final = re.compile(
    r"(?P<n>\d{3,4})(?:\s?(?P<l>[A-D]))?\s*\((?P<r>[IVXLC]{1,8})\)"
)
_ROMAN: Final = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman(s: str) -> int:
    """The value of a Roman numeral: "XXIII" is 23."""
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total


def unga_number(m: re.Match[str]) -> str:
    """``55/63``, ``72/266b`` from a matched UNGA item."""
    return f"{int(m.group('s'))}/{int(m.group('n'))}{(m.group('l') or '').lower()}"


def starts_unga(text: str, pos: int, end: int) -> bool:
    """Whether a resolution keyword is followed by a UNGA number."""
    return bool(_ITEM.match(text, pos, end) or _ROMAN_ITEM.match(text, pos, end))


def _item(text: str, pos: int, end: int) -> tuple[str, int] | None:
    """A UNGA number and its date ("48/16 of 3 November 1993")."""
    if (m := _ROMAN_ITEM.match(text, pos, end)) is not None:
        letter = (m.group("l") or "").lower()
        number = f"{roman(m.group('r'))}/{m.group('n')}{letter}"
    elif (m := _ITEM.match(text, pos, end)) is not None and int(m.group("s")) <= 199:
        number = unga_number(m)
    else:
        return None
    date = _DATE.match(text, m.end(), end)
    return number, date.end() if date else m.end()


def scan_unga(scan: Scan, kw_start: int, pos: int) -> list[Mention]:
    """A list of UNGA resolutions after their keyword, numbered "55/63" or, for
    the early sessions, "2453 A (XXIII)", each maybe followed by its date."""
    end = scan.window(pos)
    items, last = scan_list(
        scan.text, pos, end, lambda p, e: _item(scan.text, p, e), _SEP
    )
    if not items:
        return []
    lead = leading_words(scan, kw_start)
    words, wend = words_after(scan, last, scan.window(last))
    body = words.body or lead.body
    if body not in (None, "unga", "self"):
        return []  # ECOSOC, Human Rights Council, ...: not a UNGA resolution
    start = lead.start if lead.body and lead.start is not None else kw_start
    pin, start = pinpoint(scan, start)
    end = wend if words.body else last
    return [
        Mention(form="unga", kind="res", number=n, start=start, end=end, pinpoint=pin)
        for n in items
    ]


def scan_symbol(scan: Scan, m: re.Match[str]) -> list[Mention]:
    """A UN document symbol of a resolution: "A/RES/55/63"."""
    item = _ITEM.match(scan.text, m.start() + 6, scan.window(m.end(), 40))
    if item is None:
        return []
    pin, start = pinpoint(scan, m.start())
    return [
        Mention(
            form="unga",
            kind="res",
            number=unga_number(item),
            start=start,
            end=item.end(),
            pinpoint=pin,
        )
    ]
