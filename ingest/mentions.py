"""What the finder produces and the patterns it reads with: a mention is one cited
instrument as the text names it, before resolving (``resolve``). The patterns are
the items of the citation forms; the words of bodies, sectors and headings come
from the ontology's data (``grammar``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from itukg.ingest.grammar import Grammar

WINDOW = 600  # how far a citation may run past its keyword
LOOKBACK = 140  # how far words before a keyword may start


@dataclass(frozen=True)
class Qualifier:
    """A parenthesised version: ``(Rev. Busan, 2014)``, ``(WRC-03)``, ``(1996, last
    modified 2001)``."""

    acronym: str | None = None
    place: str | None = None
    year: int | None = None


@dataclass(frozen=True)
class Words:
    """What the words around a citation say of its body."""

    body: str | None = None  # notation, "self" (this conference) or "external"
    year: int | None = None  # "the 2009 World ... Policy Forum", "at its 2009 session"
    start: int | None = None
    end: int | None = None
    shared: bool = False  # the words of the list this citation is joined to


@dataclass(frozen=True)
class Mention:
    """One cited instrument as the text names it, before resolving."""

    form: str  # itu, ra, unga, rec, question, provision, named
    kind: str  # res dec rec opinion | question | constitution/no ... | key for named
    number: str
    start: int
    end: int
    qualifier: Qualifier | None = None
    words: Words = Words()
    revision: str | None = None
    sector: str | None = None
    pinpoint: str | None = None


_KINDS = {
    "resolution": "res",
    "decision": "dec",
    "recommendation": "rec",
    "opinion": "opinion",
    "res.": "res",
    "rec.": "rec",
}
_NUMBER = re.compile(
    r"(?i:no\.?\s*|number\s+)?(?P<n>\d{1,4}[A-Z]?|\[[^\]\n]{1,20}\])(?![\d/.\-]\d|[\w/])"
)
_RANGE = re.compile(r"\s+(?i:to)\s+(?P<n>\d{1,4})(?![\d/.\-]\d|[\w/])")
_SEP = re.compile(
    r"(?:[ \t]*\n?[ \t]*,[ \t]*\n?[ \t]*(?i:and\s+|or\s+)?"
    r"|[ \t]*\n?[ \t]*(?i:and|or|as\s+well\s+as)[ \t]*\n?[ \t]*"
    r"|[ \t]*;[ \t]*(?i:and[ \t]+)?)(?=\d|\[)"
)
_QUAL = re.compile(r"\s*\(\s*(?P<inner>(?:[^()\n]|\n(?!\s*\n)){1,80}?)\s*\)")
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
_UNGA_ITEM = re.compile(
    r"(?i:no\.?\s*|number\s+)?(?P<s>\d{1,3})/(?P<n>\d{1,4})(?:\s?(?P<l>[A-D])(?![\w/]))?(?![\d/])"
)
_UNGA_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_UNGA_TAIL = re.compile(r"\s+of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}")
# A resolution of the sessions numbered in Roman: "2453 A (XXIII)"
_ROMAN_ITEM = re.compile(
    r"(?P<n>\d{3,4})(?:\s?(?P<l>[A-D]))?\s*\((?P<r>[IVXLC]{1,8})\)"
)
_RA_ITEM = re.compile(r"(?P<n>\d{1,3})(?:-(?P<r>\d{1,2}))?(?![\d/.]|-\d)")
_REC_ITEM = re.compile(
    r"(?:(?:ITU-[TR]|CCITT|CCIR)\s+)?(?P<series>[A-Z]{1,3})\.(?P<n>\d{1,4}(?:\.\d{1,3})*)"
    r"(?:-(?P<r>\d{1,2}))?(?![\w])"
)
_REC_TAIL = re.compile(r"\s*\((?:\d{2}/)?\d{4}\)")
_LIST_SEP = re.compile(r"\s*,\s*(?i:and\s+|or\s+)?|\s+(?i:and|or)\s+")
_Q_ITEM = re.compile(r"(?P<q>\d{1,3}[A-Z]?(?:-\d{1,2})?)/(?P<g>\d{1,2})(?![\d/])")
_PROV_ITEM = re.compile(r"(?P<n>\d{1,4}[A-Z]{0,2}(?:\.\d{1,4}[A-Z]{0,2})?)(?![\d])")
# What may stand between two citations of one list: a connector, maybe after the
# first one's title ("…, on country code top-level domain names, and …").
_JOIN = re.compile(r"(?:\s*,\s*on\s[^;.()\n]{1,150}?)?\s*(?:,|;|,?\s*and|,?\s*or)\s*")
_PROV_LEAD = re.compile(r"(?i)(?:nos?\.|articles?)\s*")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman(s: str) -> int:
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total


def parse_qualifier(inner: str) -> Qualifier | None:
    inner = " ".join(inner.split())
    s = _REV.sub("", inner, count=1) if _REV.match(inner) else inner
    if m := _ACRONYM.fullmatch(s):
        return Qualifier(acronym=f"{m.group(1)}-{m.group(2)}")
    if m := _YEARS.fullmatch(s):
        return Qualifier(year=int(m.group(2) or m.group(1)))
    if m := _PLACE_YEAR.fullmatch(s):
        return Qualifier(place=m.group(1).strip(), year=int(m.group(2)))
    return None


def unga_number(m: re.Match[str]) -> str:
    """``55/63``, ``72/266b`` from a matched UNGA item."""
    return f"{int(m.group('s'))}/{int(m.group('n'))}{(m.group('l') or '').lower()}"


def sector_token(token: str) -> str | None:
    t = token.strip().upper()
    if t in ("ITU-T", "CCITT"):
        return "itu-t"
    if t in ("ITU-R", "CCIR"):
        return "itu-r"
    if t == "ITU-D":
        return "itu-d"
    return None


def sector_of_body(g: Grammar, body: str | None) -> str | None:
    return g.lexicon.sector_of(body) if body else None
