"""Find the citations in a text: every form of design/contract.md, as mentions
that still need resolving to keys (``resolve``).

Linear time: literal scans for the first words of every form, then the trigger
expression and bounded anchored matches at each hit (never more than ``_WINDOW``
characters ahead)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ingest.grammar import EXACT_ANCHORS, Grammar, load_grammar

_WINDOW = 600  # how far a citation may run past its keyword
_LOOKBACK = 140  # how far words before a keyword may start


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
_UNGA_SEP = re.compile(
    r"(?:\s+of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?=(?:no\.?\s*)?\d{1,3}/\d)",
)
_UNGA_TAIL = re.compile(r"\s+of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}")
_ROMAN_ITEM = re.compile(r"(?P<n>\d{3,4})\s*\((?P<r>[IVXLC]{1,8})\)")
_RA_ITEM = re.compile(r"(?P<n>\d{1,3})(?:-(?P<r>\d{1,2}))?(?![\d/.]|-\d)")
_REC_ITEM = re.compile(
    r"(?:(?:ITU-[TR]|CCITT|CCIR)\s+)?(?P<series>[A-Z]{1,3})\.(?P<n>\d{1,4}(?:\.\d{1,3})*)"
    r"(?:-(?P<r>\d{1,2}))?(?![\w])"
)
_REC_TAIL = re.compile(r"\s*\((?:\d{2}/)?\d{4}\)")
_LIST_SEP = re.compile(r"\s*,\s*(?i:and\s+|or\s+)?|\s+(?i:and|or)\s+")
_Q_ITEM = re.compile(r"(?P<q>\d{1,3}[A-Z]?(?:-\d{1,2})?)/(?P<g>\d{1,2})(?![\d/])")
_PROV_ITEM = re.compile(r"(?P<n>\d{1,4}[A-Z]{0,2}(?:\.\d{1,4}[A-Z]{0,2})?)(?![\d])")
_JOIN = re.compile(r"\s*(?:,|;|,?\s*and|,?\s*or)\s*")
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


class _Scanner:
    def __init__(self, text: str, grammar: Grammar) -> None:
        self.text = text
        self.g = grammar
        self.floor = 0  # words before a citation never reach behind this
        self.shared = Words()  # the words before the previous citation, for a list

    # -- words around a citation --------------------------------------------------
    def before(self, pos: int) -> Words:
        """Words just before a keyword that name its body ("WTSA adopted
        Resolution …", "ITU Council Resolution …", "WTSA resolutions, in particular
        Resolution …"); else the words a list of citations shares with the one
        it is joined to ("Resolutions 50 and 52 (…) and Resolution 58 (…)")."""
        line = self.text.rfind("\n", 0, pos) + 1
        lo = max(self.floor, pos - _LOOKBACK, line)
        m = self.g.before_body.search(self.text, lo, pos)
        if m is not None:
            body = self.g.body_of(m.group("name"))
            found = (
                m.group("wyear")
                or m.group("pyear")
                or m.group("syear")
                or self._acronym_year(m.group("name"), m.group("acrsfx"))
            )
            return Words(
                body=body, year=int(found) if found else None, start=m.start(), end=pos
            )
        m = self.g.before_list.search(
            self.text, max(self.floor, pos - 2 * _LOOKBACK, line), pos
        )
        if m is not None:
            body = self.g.body_of(m.group("name") or m.group("name2"))
            return Words(body=body, start=m.start(), end=pos)
        if self.shared.body and _JOIN.fullmatch(self.text, self.floor, pos):
            return Words(body=self.shared.body, year=self.shared.year, shared=True)
        return Words()

    def after(self, pos: int, end: int) -> tuple[Words, int]:
        m = self.g.after_body.match(self.text, pos, end)
        if m is None:
            return Words(), pos
        if m.group("self"):
            body: str | None = "self"
        else:
            body = self.g.body_of(m.group("name") or m.group("paren") or "")
        found = m.group("wyear") or self._acronym_year(
            m.group("name"), m.group("acrsfx")
        )
        year = int(found) if found else None
        return Words(body=body, year=year, start=pos, end=m.end()), m.end()

    def _acronym_year(self, name: str | None, suffix: str | None) -> str | None:
        """The year of a conference named by acronym: "WTPF-13" is 2013."""
        if not name or not suffix:
            return None
        conf = self.g.gazetteer.by_acronym(name + suffix)
        return str(conf.year) if conf else None

    def pinpoint(self, pos: int) -> tuple[str | None, int]:
        lo = max(self.floor, pos - 80, self.text.rfind("\n", 0, pos) + 1)
        m = self.g.pinpoint.search(self.text, lo, pos)
        if m is None:
            return None, pos
        return " ".join(m.group("pin").split()), m.start()

    # -- the forms -------------------------------------------------------------------
    def instruments(self, kw: re.Match[str]) -> list[Mention]:
        text, end = self.text, min(len(self.text), kw.end() + _WINDOW)
        kind = _KINDS[
            kw.group(0).lower().rstrip("s")
            if not kw.group(0).endswith(".")
            else kw.group(0).lower()
        ]
        pos = kw.end()
        while pos < end and text[pos].isspace():
            pos += 1
        if "\t" in text[kw.end() : pos]:
            return []  # "Recommendations<tab>5": a table of contents, not a citation
        if kind == "res" and text.startswith("ITU-R", pos):
            return self.ra(kw, pos + 5)
        if kind == "res" and (
            _UNGA_ITEM.match(text, pos, end) or _ROMAN_ITEM.match(text, pos, end)
        ):
            return self.unga(kw.start(), pos)
        if kind == "rec" and _REC_ITEM.match(text, pos, end):
            return self.recs(kw.start(), pos, None)
        return self.itu(kw.start(), pos, kind)

    def itu(self, kw_start: int, pos: int, kind: str) -> list[Mention]:
        text, end = self.text, min(len(self.text), pos + _WINDOW)
        groups: list[tuple[list[str], Qualifier | None, Words, int]] = []
        pending: list[str] = []
        last = pos
        while True:
            m = _NUMBER.match(text, pos, end)
            if m is None:
                break
            n = m.group("n")
            items = [n]
            pos = m.end()
            r = _RANGE.match(text, pos, end)
            if r and n.isdigit() and 0 < int(r.group("n")) - int(n) <= 50:
                items = [str(i) for i in range(int(n), int(r.group("n")) + 1)]
                pos = r.end()
            pending += items
            last = pos
            qual = None
            q = _QUAL.match(text, pos, end)
            if q and (qual := parse_qualifier(q.group("inner"))) is not None:
                pos = last = q.end()
            words, wend = self.after(pos, end)
            if words.body:
                pos = last = wend
                q = _QUAL.match(text, pos, end) if qual is None else None
                if q and (qual := parse_qualifier(q.group("inner"))) is not None:
                    pos = last = q.end()
            if s := _SESSION.match(text, pos, end):
                words = Words(
                    body=words.body,
                    year=int(s.group("y")),
                    start=words.start,
                    end=s.end(),
                )
                pos = last = s.end()
            if qual is not None or words.body or words.year:
                groups.append((pending, qual, words, last))
                pending = []
            sep = _SEP.match(text, pos, end)
            if sep is None:
                break
            if groups and not pending and not self._qualified(sep.end(), end):
                break
            pos = sep.end()
        if pending:
            groups.append((pending, None, Words(), last))
        if not groups:
            return []
        before = self.before(kw_start)
        self.shared = before
        start = before.start if before.body and before.start is not None else kw_start
        pin, pstart = self.pinpoint(start)
        out = []
        inherited = Words()
        for items, qual, words, _ in reversed(groups):
            if words.body:
                inherited = words
            use = words if words.body else (inherited if inherited.body else before)
            if words.year and not use.year:
                use = Words(
                    body=use.body, year=words.year, start=use.start, end=use.end
                )
            out += [
                Mention(
                    form="itu",
                    kind=kind,
                    number=n,
                    start=pstart if pin else start,
                    end=last,
                    qualifier=qual,
                    words=use,
                    pinpoint=pin,
                )
                for n in reversed(items)
            ]
        out.reverse()
        return out

    def _qualified(self, pos: int, end: int) -> bool:
        """Whether a list goes on with a versioned item
        ("…, and 47 (Rev. Dubai, 2012)")."""
        m = _NUMBER.match(self.text, pos, end)
        while m is not None:
            q = _QUAL.match(self.text, m.end(), end)
            if q is not None:
                return parse_qualifier(q.group("inner")) is not None
            sep = _SEP.match(self.text, m.end(), end)
            if sep is None:
                return False
            m = _NUMBER.match(self.text, sep.end(), end)
        return False

    def ra(self, kw: re.Match[str], pos: int) -> list[Mention]:
        text, end = self.text, min(len(self.text), pos + _WINDOW)
        found: list[tuple[str, str | None]] = []
        while pos < end and text[pos].isspace():
            pos += 1
        last = pos
        while (m := _RA_ITEM.match(text, pos, end)) is not None:
            found.append((m.group("n"), m.group("r")))
            pos = last = m.end()
            if q := _QUAL.match(text, pos, end):
                pos = last = q.end()
            sep = _LIST_SEP.match(text, pos, end)
            if sep is None or not _RA_ITEM.match(text, sep.end(), end):
                break
            pos = sep.end()
        words, wend = self.after(last, end)
        if words.body:
            last = wend
        pin, pstart = self.pinpoint(kw.start())
        return [
            Mention(
                form="ra",
                kind="res",
                number=n,
                revision=r,
                start=pstart if pin else kw.start(),
                end=last,
                pinpoint=pin,
            )
            for n, r in found
        ]

    def unga(self, kw_start: int, pos: int) -> list[Mention]:
        text, end = self.text, min(len(self.text), pos + _WINDOW)
        items: list[str] = []
        last = pos
        if (m := _ROMAN_ITEM.match(text, pos, end)) is not None:
            while m is not None:
                items.append(f"{roman(m.group('r'))}/{m.group('n')}")
                last = m.end()
                sep = _LIST_SEP.match(text, last, end)
                m = _ROMAN_ITEM.match(text, sep.end(), end) if sep else None
        else:
            while (m := _UNGA_ITEM.match(text, pos, end)) is not None:
                if int(m.group("s")) > 199:
                    break
                items.append(_unga_number(m))
                last = m.end()
                sep = _UNGA_SEP.match(text, last, end)
                if sep is None:
                    if t := _UNGA_TAIL.match(text, last, end):
                        last = t.end()
                    break
                pos = sep.end()
        if not items:
            return []
        return self._unga_mentions(kw_start, last, items)

    def _unga_mentions(
        self, kw_start: int, last: int, items: list[str]
    ) -> list[Mention]:
        before = self.before(kw_start)
        words, wend = self.after(last, min(len(self.text), last + _WINDOW))
        body = words.body or before.body
        if body not in (None, "unga", "self"):
            return []  # ECOSOC, Human Rights Council, ...: not a UNGA resolution
        start = before.start if before.body and before.start is not None else kw_start
        end = wend if words.body else last
        pin, pstart = self.pinpoint(start)
        return [
            Mention(
                form="unga",
                kind="res",
                number=n,
                start=pstart if pin else start,
                end=end,
                pinpoint=pin,
            )
            for n in items
        ]

    def ares(self, m: re.Match[str]) -> list[Mention]:
        item = _UNGA_ITEM.match(
            self.text, m.start() + 6, min(len(self.text), m.end() + 40)
        )
        if item is None:
            return []
        n = _unga_number(item)
        pin, pstart = self.pinpoint(m.start())
        return [
            Mention(
                form="unga",
                kind="res",
                number=n,
                start=pstart if pin else m.start(),
                end=item.end(),
                pinpoint=pin,
            )
        ]

    def recs(self, start: int, pos: int, sector: str | None) -> list[Mention]:
        text, end = self.text, min(len(self.text), pos + _WINDOW)
        found: list[tuple[str, str, str | None, str | None]] = []
        last = pos
        while (m := _REC_ITEM.match(text, pos, end)) is not None:
            prefix = m.group(0)[: m.start("series") - m.start()].strip()
            sec = _sector_token(prefix) or sector
            sector = sec
            found.append((m.group("series"), m.group("n"), m.group("r"), sec))
            pos = last = m.end()
            if t := _REC_TAIL.match(text, pos, end):
                pos = last = t.end()
            sep = _LIST_SEP.match(text, pos, end)
            if sep is None or not _REC_ITEM.match(text, sep.end(), end):
                break
            pos = sep.end()
        pin, pstart = self.pinpoint(start)
        return [
            Mention(
                form="rec",
                kind="rec",
                number=f"{s}.{n}",
                revision=r,
                sector=sec,
                start=pstart if pin else start,
                end=last,
                pinpoint=pin,
            )
            for s, n, r, sec in found
        ]

    def sector_first(self, m: re.Match[str]) -> list[Mention]:
        token = re.match(r"ITU-[TR]|CCITT|CCIR", m.group(0))
        assert token is not None
        pos = m.start() + token.end()
        kw = re.compile(r"\s*(?:(?i:recommendations?|rec\.)\s+)?").match(self.text, pos)
        return self.recs(
            m.start(), kw.end() if kw else pos, _sector_token(token.group(0))
        )

    def questions(self, m: re.Match[str]) -> list[Mention]:
        text, end = self.text, min(len(self.text), m.end() + _WINDOW)
        pos = m.start() + len(re.match(r"(?i)questions?\s+", m.group(0)).group(0))  # type: ignore[union-attr]
        sector = None
        if text.startswith("ITU-", pos):
            sector = _sector_token(text[pos : pos + 5])
            pos += 5
            while text[pos].isspace():
                pos += 1
        found = []
        last = pos
        while (q := _Q_ITEM.match(text, pos, end)) is not None:
            found.append(f"{q.group('q')}/{q.group('g')}")
            pos = last = q.end()
            sep = _LIST_SEP.match(text, pos, end)
            if sep is None or not _Q_ITEM.match(text, sep.end(), end):
                break
            pos = sep.end()
        after = re.compile(
            rf"\s+(?i:of|from)\s+(?:(?i:the)\s+)?(?P<s>{self.g.sector_names}|{self.g.body_names})"
        ).match(text, last, end)
        if after:
            sector = (
                sector
                or self.g.sector_of(after.group("s"))
                or _sector_of_body(self.g, self.g.body_of(after.group("s")))
            )
            last = after.end()
        start = m.start()
        if sector is None:
            sector = self._nearby_sector(start, last)
        before = re.compile(
            rf"(?P<s>{self.g.sector_names}|{self.g.body_names})(?:-\d{{2,4}})?"
            r"(?:\s+(?i:study\s+group)\s+\d{1,2})?\s*$"
        ).search(text, max(self.floor, start - 60), start)
        if before:
            sector = (
                sector
                or self.g.sector_of(before.group("s"))
                or _sector_of_body(self.g, self.g.body_of(before.group("s")))
            )
            start = before.start()
        pin, pstart = self.pinpoint(start)
        return [
            Mention(
                form="question",
                kind="question",
                number=n,
                sector=sector,
                start=pstart if pin else start,
                end=last,
                pinpoint=pin,
            )
            for n in found
        ]

    def _nearby_sector(self, start: int, end: int) -> str | None:
        """The sector that the paragraph around a Question names nearest to it
        ("Study Group 2 Question 24/2, adopted by WTDC-10" is ITU-D's)."""
        text = self.text
        lo = text.rfind("\n", 0, start) + 1
        hi = text.find("\n", end)
        hi = len(text) if hi < 0 else hi
        lo, hi = max(lo, start - 300), min(hi, end + 300)
        best: tuple[int, str] | None = None
        names = re.compile(rf"(?P<s>{self.g.sector_names}|{self.g.body_names})(?![\w])")
        for n in names.finditer(text, lo, hi):
            sector = self.g.sector_of(n.group("s")) or _sector_of_body(
                self.g, self.g.body_of(n.group("s"))
            )
            if sector is None:
                continue
            distance = start - n.end() if n.end() <= start else n.start() - end
            if best is None or distance < best[0]:
                best = (distance, sector)
        return best[1] if best else None

    def provisions(self, m: re.Match[str], unit: str) -> list[Mention]:
        text, end = self.text, min(len(self.text), m.end() + 200)
        lead = _PROV_LEAD.match(text, m.start())
        pos = lead.end() if lead else m.end()
        found: list[str] = []
        last = pos
        while (p := _PROV_ITEM.match(text, pos, end)) is not None:
            found.append(p.group("n"))
            pos = last = p.end()
            sep = re.compile(r"\s*,\s*(?i:and\s+)?|\s+(?i:and|to)\s+").match(
                text, pos, end
            )
            if sep is None or not _PROV_ITEM.match(text, sep.end(), end):
                break
            pos = sep.end()
        tail = re.compile(
            r"(?:\s+(?i:in)\s+(?i:article)\s+\d{1,3}[A-Z]?)?"
            rf"\s+(?i:of|in)\s+(?:(?i:the|this)\s+)?(?P<i>{self.g.instrument_names})(?![\w-])"
        ).match(text, last, end)
        instrument = self.g.instrument_of(tail.group("i")) if tail else None
        start = m.start()
        if instrument is None:
            before = re.compile(rf"(?P<i>{self.g.instrument_names})\s*$").search(
                text, max(self.floor, start - 40), start
            )
            if before is None:
                return []
            instrument = self.g.instrument_of(before.group("i"))
            start = before.start()
        else:
            last = tail.end()  # type: ignore[union-attr]
        if instrument is None:
            return []
        name = instrument.split("/")[-1]
        return [
            Mention(
                form="provision", kind=f"{name}/{unit}", number=n, start=start, end=last
            )
            for n in found
        ]

    def short_provision(self, m: re.Match[str]) -> list[Mention]:
        p = re.compile(r"C(?P<i>[SV])\s?(?P<n>\d{1,3}[A-Z]?)(?![\w])").match(
            self.text, m.start()
        )
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

    def action_lines(self, m: re.Match[str]) -> list[Mention]:
        text, end = self.text, min(len(self.text), m.end() + 120)
        items = re.compile(r"C\d{1,2}(?!\d)").finditer(text, m.end() - 2, end)
        found: list[str] = []
        last = m.end()
        for it in items:
            gap = text[last : it.start()] if found else ""
            if found and not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", gap):
                break
            found.append(it.group(0).lower())
            last = it.end()
        pin, pstart = self.pinpoint(m.start())
        return [
            Mention(
                form="named",
                kind=f"wsis/action-line/{c}",
                number=c,
                start=pstart if pin else m.start(),
                end=last,
                pinpoint=pin,
            )
            for c in found
        ]

    def wsis(self, m: re.Match[str]) -> list[Mention]:
        key = self.g.instrument_of(m.group("wsis"))
        if key is None:
            return []
        start = m.start()
        lead = re.compile(r"(?i:the\s+)?(?:WSIS\s+)?$").search(
            self.text, max(self.floor, start - 10), start
        )
        if lead and lead.start() < start:
            start = lead.start()
        pin, pstart = self.pinpoint(start)
        return [
            Mention(
                form="named",
                kind=key,
                number="",
                start=pstart if pin else start,
                end=m.end(),
                pinpoint=pin,
            )
        ]

    def dispatch(self, m: re.Match[str]) -> list[Mention]:
        group = m.lastgroup
        if group == "kw":
            return self.instruments(m)
        if group == "ares":
            return self.ares(m)
        if group == "sec":
            return self.sector_first(m)
        if group == "q":
            return self.questions(m)
        if group == "cs":
            return self.short_provision(m)
        if group == "no":
            return self.provisions(m, "no")
        if group == "art":
            return self.provisions(m, "art")
        if group == "al":
            return self.action_lines(m)
        if group == "wsis":
            return self.wsis(m)
        return []


def _unga_number(m: re.Match[str]) -> str:
    """``55/63``, ``72/266b`` from a matched UNGA item."""
    return f"{int(m.group('s'))}/{int(m.group('n'))}{(m.group('l') or '').lower()}"


def _sector_token(token: str) -> str | None:
    t = token.strip().upper()
    if t in ("ITU-T", "CCITT"):
        return "itu-t"
    if t in ("ITU-R", "CCIR"):
        return "itu-r"
    if t == "ITU-D":
        return "itu-d"
    return None


def _sector_of_body(g: Grammar, body: str | None) -> str | None:
    return g.lexicon.sector_of(body) if body else None


def _triggers(text: str, start: int, stop: int, g: Grammar) -> Iterator[re.Match[str]]:
    """The trigger matches in order: literal scans for the first words, then the
    full trigger expression anchored at each hit."""
    if stop - start < 4096:  # a short text: one pass of the trigger itself
        yield from g.trigger.finditer(text, start, stop)
        return
    folded = text.encode("ascii", "replace").lower()
    found = {m.start() for a in g.anchors for m in a.finditer(folded, start, stop)}
    found |= {m.start() for a in EXACT_ANCHORS for m in a.finditer(text, start, stop)}
    for pos in sorted(found):
        m = g.trigger.match(text, pos, stop)
        if m is not None:
            yield m


def find_citations(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Every citation mention in ``text[start:end]``, in order of appearance."""
    grammar = load_grammar()
    scanner = _Scanner(text, grammar)
    stop = len(text) if end is None else end
    found: list[Mention] = []
    consumed = start
    for m in _triggers(text, start, stop, grammar):
        if m.start() < consumed:
            continue
        scanner.floor = consumed
        mentions = scanner.dispatch(m)
        if mentions and mentions[0].form != "itu":
            scanner.shared = Words()  # a list of resolutions ends at another form
        if mentions:
            found += mentions
            consumed = max(consumed, max(x.end for x in mentions))
    return found
