"""Which version of an instrument a citation names, from the words after its
number: the parenthesised qualifier ("(Rev. Busan, 2014)", "(WRC-03)", "(1996, last
modified 2001)", also damaged: "(Rev. (Dubai, 2012)"), the body and year in words
("of the 2006 Antalya Plenipotentiary Conference", "adopted at Dubai in 2018",
"on <title>, adopted by the 2014 Plenipotentiary Conference") and the session year
of a Council text ("adopted by the Council at its 2009 session")."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from itukg.ingest.mentions import NO_WORDS, Qualifier, Scan, Words
from itukg.ingest.surroundings import words_after

QUALIFIER: Final = re.compile(r"\s*\(\s*(?P<inner>(?:[^()\n]|\n(?!\s*\n)){1,80}?)\s*\)")
# Damaged in conversion: a stray bracket ("(Rev. (Dubai, 2012)", "((Busan, 2014)"),
# square brackets, no closing bracket before the clause goes on, or no opening
# one before "Rev." ("76 Rev. Dubai, 2012) of").
_DAMAGED: Final = re.compile(
    r"\s*[(\[]\s*(?P<lead>(?i:rev(?:ised|ision)?\.?)?)\s*[(\[]?\s*"
    r"(?P<inner>[^()\[\]\n]{1,80}?)\s*[)\]]"
    r"|\s+(?P<bare>(?i:rev(?:ised|ision)?)\s*\.\s*[^()\[\]\n]{1,60}?\d)\s*\)"
    r"|\s*\(\s*(?P<open>[^()\[\]\n;]{1,60}?\d{4})"
    r"(?=\s*(?:$|[;,.:]|\s(?i:of|on|and|adopted)\b))",
    re.M,
)
_STRAY: Final = re.compile(r"\s*([,;.])(?:\s*[,;.])+")  # "Dubai,, 2012", "Dubai;, 2012"
_SESSION: Final = re.compile(
    r"\s*,?\s*(?i:adopted\s+)?(?:(?i:by\s+the\s+)(?:ITU\s+)?(?i:council)\s+)?"
    r"(?i:at|during)\s+(?i:its)\s+(?P<y>\d{4})\s+(?i:session)"
)
_REV: Final = re.compile(r"(?i)rev(?:ised|ision)?\s*\.?\s*")
_ACRONYM: Final = re.compile(r"([A-Za-z]{2,6})\s*-\s*(\d{2}|\d{4})")
_PLACE_YEAR: Final = re.compile(r"([^\W\d_][^\d,;()]*?)\s*,?\s*(\d{4})")
_YEARS: Final = re.compile(
    r"(?i)(?:(?:last\s+)?(?:modified|amended|revised)\s+(?:in\s+)?)?(\d{4})"
    r"(?:\s*,?\s*(?:and\s+)?(?:last\s+)?(?:modified|amended|revised)\s+(?:in\s+)?(\d{4}))?"
)


@lru_cache(maxsize=8192)
def parse_qualifier(inner: str) -> Qualifier | None:
    """The version the words inside a qualifier's parentheses name, if any."""
    inner = _STRAY.sub(r"\1", " ".join(inner.split())).replace(";", ",")
    s = _REV.sub("", inner, count=1) if _REV.match(inner) else inner
    if m := _ACRONYM.fullmatch(s):
        return Qualifier(acronym=f"{m.group(1)}-{m.group(2)}")
    if m := _YEARS.fullmatch(s):
        return Qualifier(year=int(m.group(2) or m.group(1)))
    if m := _PLACE_YEAR.fullmatch(s):
        return Qualifier(place=m.group(1).strip(" .,"), year=int(m.group(2)))
    return None


def qualifier_at(text: str, pos: int, end: int) -> tuple[Qualifier, int] | None:
    """The qualifier at ``pos`` and where it ends, when it names a version; a
    damaged one ("(Rev. (Dubai, 2012)") too."""
    q = QUALIFIER.match(text, pos, end)
    if q is not None:
        qual = parse_qualifier(q.group("inner"))
        return None if qual is None else (qual, q.end())
    d = _DAMAGED.match(text, pos, end)
    if d is None:
        return None
    inner = (
        d.group("open") or d.group("bare") or f"{d.group('lead')} {d.group('inner')}"
    )
    qual = parse_qualifier(inner)
    return None if qual is None else (qual, d.end())


def session_at(text: str, pos: int, end: int) -> tuple[int, int] | None:
    """The year of a Council session named at ``pos`` ("at its 2009 session")."""
    s = _SESSION.match(text, pos, end)
    return None if s is None else (int(s.group("y")), s.end())


@lru_cache(maxsize=4)
def _place_words(place_names: str) -> re.Pattern[str]:
    """A place and year in words, given the alternation of conference places:
    "adopted at Dubai in 2018", "held in Busan, Republic of Korea, from 20 October
    to 7 November 2014", "in Antalya in 2006"."""
    return re.compile(
        r"[ \t]*,?\s*(?:(?i:adopted|approved|revised|held)\s+)?(?i:at|in)\s+"
        rf"(?:(?i:the)\s+)?(?P<place>{place_names})\b[^;()\n.]{{0,60}}?"
        r"\b(?P<year>\d{4})\b"
    )


def place_at(scan: Scan, pos: int, end: int) -> tuple[Qualifier, int] | None:
    """The place and year named in words at ``pos`` and where they end."""
    m = _place_words(scan.grammar.place_names).match(scan.text, pos, end)
    if m is None:
        return None
    return Qualifier(place=m.group("place"), year=int(m.group("year"))), m.end()


def _version_at(scan: Scan, pos: int, end: int) -> tuple[Qualifier, int] | None:
    """A qualifier, or a place and year in words, at ``pos``."""
    return qualifier_at(scan.text, pos, end) or place_at(scan, pos, end)


# The title of an instrument before words that name its version ("on ITU's role
# in …, adopted by the 2014 Plenipotentiary Conference"); it never runs over
# another citation or the end of a sentence.
_TITLE: Final = re.compile(
    r"[ \t]*,?\s+(?i:on|entitled|concerning|regarding|relating\s+to)\s+"
    r"(?:(?!(?i:resolution|decision|recommendation|opinion))[^;()\n.]){1,300}?"
    r"(?=,?\s+(?i:adopted|approved|revised)\s)"
)
# A footnote mark glued to a qualifier in converted text: "(Dubai, 2012)1 of".
_FOOTNOTE: Final = re.compile(
    r"\d{1,2}(?:,\s?\d{1,2})*(?=[ \t]*,?\s*(?i:of|by|adopted)\s)"
)


def _named_after(scan: Scan, pos: int, end: int) -> tuple[Qualifier | None, Words, int]:
    """A version named in words where no qualifier or body follows the number
    directly: "adopted at Dubai in 2018 (by the Plenipotentiary Conference)", or
    the title and then such words or the adopting body and its version ("…,
    adopted by the 2014 Plenipotentiary Conference")."""
    title = _TITLE.match(scan.text, pos, end)
    for at in (pos, title.end() if title else None):
        if at is None:
            continue
        if place := place_at(scan, at, end):
            words, wend = words_after(scan, place[1], end)
            return place[0], words, wend if words.body else place[1]
        if at != pos:
            words, wend = words_after(scan, at, end)
            if words.body:
                q = _version_at(scan, wend, end)
                return (q[0], words, q[1]) if q else (None, words, wend)
    return None, NO_WORDS, pos


def version_after(
    scan: Scan, pos: int, end: int
) -> tuple[Qualifier | None, Words, int]:
    """The version and body words after a number, and where they end: "(Rev.
    Busan, 2014)", "of the Plenipotentiary Conference" (before or after the
    qualifier), a version named in words, "at its 2009 session"."""
    qual = None
    if q := qualifier_at(scan.text, pos, end):
        qual, pos = q
        if mark := _FOOTNOTE.match(scan.text, pos, end):
            words, wend = words_after(scan, mark.end(), end)
            pos = mark.end() if words.body else pos
    words, wend = words_after(scan, pos, end)
    if words.body:
        pos = wend
        if qual is None and (q := _version_at(scan, pos, end)):
            qual, pos = q
    elif qual is None:
        qual, words, pos = _named_after(scan, pos, end)
    if s := session_at(scan.text, pos, end):
        words = Words(body=words.body, year=s[0], start=words.start, end=s[1])
        pos = s[1]
    return qual, words, pos
