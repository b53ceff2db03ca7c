"""Which version of an instrument a citation names: the parenthesised qualifier
after its number ("(Rev. Busan, 2014)", "(WRC-03)", "(1996, last modified 2001)")
and the session year of a Council text ("adopted by the Council at its 2009
session")."""

from __future__ import annotations

import re

from itukg.ingest.mentions import Qualifier

QUALIFIER = re.compile(r"\s*\(\s*(?P<inner>(?:[^()\n]|\n(?!\s*\n)){1,80}?)\s*\)")
_SESSION = re.compile(
    r"\s*,?\s*(?i:adopted\s+)?(?:(?i:by\s+the\s+)(?:ITU\s+)?(?i:council)\s+)?"
    r"(?i:at|during)\s+(?i:its)\s+(?P<y>\d{4})\s+(?i:session)"
)
_REV = re.compile(r"(?i)rev(?:ised|ision)?\.?\s*")
_ACRONYM = re.compile(r"([A-Za-z]{2,6})\s*-\s*(\d{2}|\d{4})")
_PLACE_YEAR = re.compile(r"([^\W\d_][^\d,;()]*?)\s*,?\s*(\d{4})")
_YEARS = re.compile(
    r"(?i)(?:(?:last\s+)?(?:modified|amended|revised)\s+(?:in\s+)?)?(\d{4})"
    r"(?:\s*,?\s*(?:and\s+)?(?:last\s+)?(?:modified|amended|revised)\s+(?:in\s+)?(\d{4}))?"
)


def parse_qualifier(inner: str) -> Qualifier | None:
    """The version the words inside a qualifier's parentheses name, if any."""
    inner = " ".join(inner.split())
    s = _REV.sub("", inner, count=1) if _REV.match(inner) else inner
    if m := _ACRONYM.fullmatch(s):
        return Qualifier(acronym=f"{m.group(1)}-{m.group(2)}")
    if m := _YEARS.fullmatch(s):
        return Qualifier(year=int(m.group(2) or m.group(1)))
    if m := _PLACE_YEAR.fullmatch(s):
        return Qualifier(place=m.group(1).strip(), year=int(m.group(2)))
    return None


def qualifier_at(text: str, pos: int, end: int) -> tuple[Qualifier, int] | None:
    """The qualifier at ``pos`` and where it ends, when it names a version."""
    q = QUALIFIER.match(text, pos, end)
    if q is None:
        return None
    qual = parse_qualifier(q.group("inner"))
    return None if qual is None else (qual, q.end())


def session_at(text: str, pos: int, end: int) -> tuple[int, int] | None:
    """The year of a Council session named at ``pos`` ("at its 2009 session")."""
    s = _SESSION.match(text, pos, end)
    return None if s is None else (int(s.group("y")), s.end())
