"""Name what a document is (design/contract.md section 1): the key of the
document (a conference document, Final Acts, a file holding one instrument, or any
other file), the conference it belongs to, and the key each block header names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from itukg.ingest.find import find_citations
from itukg.ingest.grammar import (
    conference_by_acronym,
    conferences_at,
    conferences_in,
    load_grammar,
)
from itukg.ingest.mentions import Words
from itukg.ingest.resolve import Context, resolve_citation
from itukg.ingest.structure import HEADER, Block
from itukg.ontology import keys
from itukg.ontology.gazetteer import Conference
from itukg.ontology.kinds import Kind

_COVER: Final = 4000  # how far into a document its cover may reach
_DOCUMENT: Final = re.compile(
    r"(?:(?P<addk>Addendum|Revision)\s+(?P<addn>\d+)\s+to\s+)?Document\s+"
    r"(?:(?P<council>C\d{2})/)?(?P<n>\d{1,4}[A-Z]?)"
    r"(?:\s*\((?P<k>Add|Rev)\.\s*(?P<kn>\d+)\))?(?:\s*\((?P<k2>Add|Rev)\.\s*(?P<kn2>\d+)\))?"
    r"-[A-Z]\b"
)
_REC_TITLE: Final = re.compile(
    r"^[ \t*_#]*(?:Recommendation|RECOMMENDATION)\s+ITU-(?P<s>[TR])\s+"
    r"(?P<series>[A-Z]{1,3})\.(?P<n>\d{1,4}(?:\.\d{1,3})*)(?:-(?P<rev>\d{1,2}))?[*\s]*$",
    re.M,
)
_UNGA_SYMBOL: Final = re.compile(
    r"\bA/RES/(?P<s>\d{1,3})/(?P<n>\d{1,4})(?P<l>[A-D])?\b"
)
_UNGA_WORDS: Final = re.compile(r"General\s+Assembly")
_FINAL_ACTS: Final = re.compile(r"\b(?:FINAL\s+ACTS|Final\s+Acts)\b")
_PLACE_YEAR: Final = re.compile(
    r"\(\s*(?P<place>[^\W\d_][^\d,;()\n]{1,40}?),?\s*(?P<year>\d{4})\s*\)"
)
_PROSE: Final = re.compile(r"^[^\n]*?(?:\S+[ \t]+){19}\S+", re.M)
_YEAR: Final = re.compile(r"\b(19[6-9]\d|20\d\d)\b")


@dataclass(frozen=True)
class Identity:
    key: str
    conference: Conference | None


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    g = load_grammar()
    acr = re.compile(
        rf"\b(?:{'|'.join(g.gazetteer.acronym_prefixes)})-(?:\d{{4}}|\d{{2}})\b"
    )
    return acr, re.compile(rf"(?P<name>{g.body_names})")


# What every conference acronym holds ("WRC-15", "PP-2014"): a cheap scan that
# spares most texts the acronym expression, which tries each prefix everywhere.
_ACRONYM_HINT: Final = re.compile(r"-\d\d")


def _conference(cover: str) -> Conference | None:
    g = load_grammar()
    acr, names = _patterns()
    for m in acr.finditer(cover) if _ACRONYM_HINT.search(cover) else ():
        conf = conference_by_acronym(m.group(0))
        if conf is not None:
            return conf
    years: list[int] | None = None  # the cover's years, read at the first need
    for m in names.finditer(cover):
        body = g.body_of(m.group("name"))
        if body in (None, "external", "unga"):
            continue
        near = cover[m.end() : m.end() + 120]
        if (py := _PLACE_YEAR.search(near)) is not None:
            found = [
                c
                for c in conferences_at(py.group("place"), int(py.group("year")))
                if c.body == body
            ]
            if found:
                return found[0]
        if years is None:
            years = [int(y) for y in _YEAR.findall(cover)]
        for y in years:
            found = list(conferences_in(y, body))
            if found:
                return found[0]
    return None


def identify_document(text: str, stem: str, blocks: tuple[Block, ...]) -> Identity:
    """The document's key and conference, from its cover (the text before its first
    block) or, for a file that holds one instrument, from that instrument's header."""
    first = next((b.start for b in blocks if b.kind != "body"), len(text))
    cover = text[: min(first, _COVER)] if first > 0 else text[:_COVER]
    conf = _conference(cover)
    m = _DOCUMENT.search(cover)
    if m is not None and conf is not None:
        body, year = conf.body, conf.year
        if m.group("council"):
            body, year = "council", 2000 + int(m.group("council")[1:])
        kinds = {m.group("k"): m.group("kn"), m.group("k2"): m.group("kn2")}
        if m.group("addk"):
            kinds["Add" if m.group("addk") == "Addendum" else "Rev"] = m.group("addn")
        key = keys.document(
            body, year, m.group("n"), kinds.get("Add"), kinds.get("Rev")
        )
        return Identity(str(key), conf)
    if conf is not None and _FINAL_ACTS.search(cover[:1000]):
        return Identity(str(keys.final_acts(conf.body, conf.year)), conf)
    instruments = [b for b in blocks if b.kind == "instrument"]
    amendments = [b for b in blocks if b.kind == "amendment"]
    if not instruments and not amendments:
        held = _held_instrument(cover)
        if held is not None:
            return Identity(held, conf)
    if len(instruments) == 1 and not amendments:
        found = header_key(text, instruments[0], conf)
        if found is not None:
            return Identity(
                found, conf or _conference(text[instruments[0].start :][:_COVER])
            )
    return Identity(str(keys.file_key(stem)), conf)


def _prose_start(cover: str) -> int:
    """Where the first paragraph of prose (20 words or more) starts: a title line
    after it is a reference in the text or a table, not the file's title."""
    m = _PROSE.search(cover)
    return m.start() if m else len(cover)


def _held_instrument(cover: str) -> str | None:
    """A file that is one sector Recommendation ("Recommendation ITU-T A.1" as a
    title line) or one UNGA resolution ("A/RES/73/3" in its masthead)."""
    m = _REC_TITLE.search(cover, 0, _prose_start(cover))
    if m is not None:
        sector = "itu-t" if m.group("s") == "T" else "itu-r"
        return str(
            keys.recommendation(sector, m.group("series"), m.group("n"), m.group("rev"))
        )
    head = cover[:600]
    u = _UNGA_SYMBOL.search(head[:300])
    if u is not None and _UNGA_WORDS.search(head):
        letter = (u.group("l") or "").lower()
        return str(keys.unga_resolution(int(u.group("s")), int(u.group("n")), letter))
    return None


def header_key(text: str, block: Block, conf: Conference | None) -> str | None:
    """The version a block's header names: ``RESOLUTION 130 (REV. BUSAN, 2014)`` in
    the Plenipotentiary Conference's text is ``pp/res/130/2014``."""
    if block.header is None:
        return None
    a, b = block.header
    return _header_key(text[a:b], text[b : b + 600], conf)


def _header_key(line: str, after: str, conf: Conference | None) -> str | None:
    """The version a header line names, given the text after it (the conference
    it names, if any) and the document's conference. Not cached: a document's
    header lines differ, and a cache keyed on them hits only where a text repeats
    (as the throughput benchmark's corpus does: 0.45 s of 6.9 s served by it)."""
    h = HEADER.search(line)
    if h is None:
        return None
    mentions = find_citations(line)
    if not mentions:
        return None
    # The conference named after the header is read only where it counts: the
    # context's body resolves a mention only through "this conference" words.
    itself = mentions[0].form == "itu" and mentions[0].words.body == "self"
    res = resolve_citation(mentions[0], Context())
    if res is None or (res.target is not None and not itself):
        return None if res is None else res.target
    hint = _conference(after)
    body = hint.body if hint else (conf.body if conf else None)
    if itself:
        res = resolve_citation(mentions[0], Context(body=body))
        if res is None:
            return None
    if res.target is None and res.candidates and body:
        pick = [c for c in res.candidates if c.startswith(body + "/")]
        if len(pick) == 1:
            return pick[0]
    if res.target is None and h.group("qual") is None and body is not None:
        year = hint.year if hint else (conf.year if conf else None)
        kind = str(Kind.from_word(h.group("kw")))
        number = h.group("num").strip("[]").replace("/", "-").replace(" ", "-")
        return str(keys.conference_instrument(body, kind, number, year))
    if res.target is None and body is not None and h.group("qual"):
        # a header whose place and year the gazetteer does not know: the text's body
        q = mentions[0].qualifier
        if q is not None and q.year and (mentions[0].words.body is None):
            w = mentions[0].words
            words = Words(body, w.year, w.start, w.end, w.shared)
            again = resolve_citation(mentions[0].with_words(words), Context(body=body))
            return again.target if again else None
    return res.target


_HISTORY: Final = re.compile(
    r"^[ \t*_]*\((?P<items>[^()\n]*?\d{4}(?:\s*;\s*[^()\n;]*?\d{4})+)\s*\)[ \t*_.]*$",
    re.M,
)
_HISTORY_ITEM: Final = re.compile(
    r"(?P<place>[^\W\d_][^\d,;()]*?)\s*,?\s*(?P<year>\d{4})"
)


def history_versions(text: str, block: Block, header: str | None) -> list[str]:
    """The earlier versions an edition-history line under a header names:
    "(Florianópolis, 2004; Johannesburg, 2008)" under WTSA Resolution 50 gives
    wtsa/res/50/2004 and wtsa/res/50/2008."""
    if block.header is None or header is None:
        return []
    k = keys.parse_key(header)
    if k.scheme != "instrument" or k.body == "ra":
        return []
    m = _HISTORY.search(text, block.header[1], min(len(text), block.header[1] + 400))
    if m is None or "\n\n\n" in text[block.header[1] : m.start()]:
        return []
    found = []
    for item in _HISTORY_ITEM.finditer(m.group("items")):
        year = int(item.group("year"))
        v = str(keys.conference_instrument(k.body, k.kind, k.number, year))
        if v != header:
            found.append(v)
    return found
