"""The words around a citation: the body named just before or after it, the year a
conference acronym names, its pinpoint, and the sector a paragraph names. (The
words that lead a whole list are in ``lists``.)"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from itukg.ingest.grammar import Grammar, conference_by_acronym
from itukg.ingest.mentions import LOOKBACK, NO_WORDS, Scan, Words
from itukg.ontology.gazetteer import fold, load_gazetteer


def lookback(scan: Scan, pos: int, size: int) -> int:
    """Where words before ``pos`` may start: ``size`` characters back at the most,
    never behind the floor or the start of the line. The newline is looked for in
    that stretch only (a long line is not read back to its start)."""
    lo = max(scan.floor, pos - size)
    return max(lo, scan.text.rfind("\n", lo, pos) + 1)


def words_before(scan: Scan, pos: int) -> Words | None:
    """Words just before a keyword that name its body ("WTSA adopted Resolution …",
    "ITU Council Resolution …", "the 2009 World … Policy Forum in its Opinion …")."""
    text = scan.text
    lo = lookback(scan, pos, LOOKBACK)
    m = scan.grammar.before_body.search(text, lo, pos)
    if m is None:
        return None
    found = (
        m.group("wyear")
        or m.group("pyear")
        or m.group("hyear")
        or m.group("syear")
        or acronym_year(scan.grammar, m.group("name"), m.group("acrsfx"))
    )
    return Words(
        body=scan.grammar.body_of(m.group("name")),
        year=int(found) if found else None,
        start=m.start(),
        end=pos,
    )


def words_after(scan: Scan, pos: int, end: int) -> tuple[Words, int]:
    """Words just after a citation that name its body ("of the Plenipotentiary
    Conference", "of this Conference", "(WTSA-16)"), and where they end."""
    g = scan.grammar
    m = g.after_body.match(scan.text, pos, end)
    if m is None:
        return NO_WORDS, pos
    if m.group("self"):
        body: str | None = "self"
    else:
        body = g.body_of(m.group("name") or m.group("paren") or "")
    found = (
        m.group("wyear")
        or m.group("pyear")
        or acronym_year(g, m.group("name"), m.group("acrsfx"))
        or place_year(g, body, m.group("wplace"))
    )
    year = int(found) if found else None
    return Words(body=body, year=year, start=pos, end=m.end()), m.end()


def place_year(g: Grammar, body: str | None, place: str | None) -> str | None:
    """The year of the one conference of a body held at a place ("the Antalya
    Plenipotentiary Conference" is 2006); None when it met there more than once."""
    if not body or not place:
        return None
    return _place_year(body, fold(place))


@lru_cache(maxsize=1024)
def _place_year(body: str, where: str) -> str | None:
    """``place_year`` in the gazetteer every grammar is built from, remembered."""
    found = {
        c.year
        for c in load_gazetteer().conferences
        if c.body == body and fold(c.place) == where
    }
    return str(found.pop()) if len(found) == 1 else None


def acronym_year(g: Grammar, name: str | None, suffix: str | None) -> str | None:
    """The year of a conference named by acronym: "WTPF-13" is 2013."""
    if not name or not suffix:
        return None
    conf = conference_by_acronym(name + suffix)
    return str(conf.year) if conf else None


_PIN_LAST: Final = frozenset("fFoOnNeE")  # the last letters of "of", "to", "in", "the"
# What every pinpoint holds: a digit, a closing bracket, "§" or "annex" (its
# label, paragraph, annex or appendix number); a cheap scan that spares most
# windows the pinpoint expression, which tries every heading word at every place.
_PIN_HINT: Final = re.compile(r"[\d)§]|(?i:annex)")


def _may_end_pinpoint(text: str, pos: int) -> bool:
    """Whether the text before ``pos`` can end a pinpoint: spaces after a word
    ending as "of", "to", "in" or "the" do (a non-ASCII letter may fold to one)."""
    if pos == 0 or not text[pos - 1].isspace():
        return False
    i = pos - 1
    while i > 0 and text[i].isspace():
        i -= 1
    c = text[i]
    return not c.isascii() or c in _PIN_LAST


def pinpoint(scan: Scan, pos: int) -> tuple[str | None, int]:
    """The part of the target cited just before ``pos`` ("resolves 2 of", "§ 15
    of the"), and where the citation then starts."""
    if not _may_end_pinpoint(scan.text, pos):
        return None, pos
    lo = lookback(scan, pos, 80)
    if _PIN_HINT.search(scan.text, lo, pos) is None:
        return None, pos
    m = scan.grammar.pinpoint.search(scan.text, lo, pos)
    if m is None:
        return None, pos
    return " ".join(m.group("pin").split()), m.start()


def sector_token(token: str) -> str | None:
    """The sector a sector token names: "ITU-T" and "CCITT" are ``itu-t``."""
    t = token.strip().upper()
    if t in ("ITU-T", "CCITT"):
        return "itu-t"
    if t in ("ITU-R", "CCIR"):
        return "itu-r"
    if t == "ITU-D":
        return "itu-d"
    return None


def sector_named(g: Grammar, label: str) -> str | None:
    """The sector a sector or body name stands for ("ITU-D", "WTDC" → itu-d)."""
    body = g.body_of(label)
    return g.sector_of(label) or (g.lexicon.sector_of(body) if body else None)


@lru_cache(maxsize=4)
def _sector_or_body(sector_names: str, body_names: str) -> re.Pattern[str]:
    """A sector or body name (compiled once: the names make a long expression)."""
    return re.compile(rf"(?P<s>{sector_names}|{body_names})(?![\w])")


def nearby_sector(scan: Scan, start: int, end: int) -> str | None:
    """The sector that the paragraph around a Question names nearest to it
    ("Study Group 2 Question 24/2, adopted by WTDC-10" is ITU-D's)."""
    text = scan.text
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    lo, hi = max(lo, start - 300), min(hi, end + 300)
    best: tuple[int, str] | None = None
    g = scan.grammar
    for n in _sector_or_body(g.sector_names, g.body_names).finditer(text, lo, hi):
        sector = sector_named(g, n.group("s"))
        if sector is None:
            continue
        distance = start - n.end() if n.end() <= start else n.start() - end
        if best is None or distance < best[0]:
            best = (distance, sector)
    return best[1] if best else None
