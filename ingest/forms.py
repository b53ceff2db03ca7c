"""The citation forms of conference instruments: ITU resolutions, decisions,
recommendations and opinions (lists, ranges, versions, body words), Radiocommunication
Assembly resolutions and UNGA resolutions."""

from __future__ import annotations

import re

from itukg.ingest.mentions import (
    _LIST_SEP,
    _NUMBER,
    _QUAL,
    _RA_ITEM,
    _RANGE,
    _ROMAN_ITEM,
    _SEP,
    _SESSION,
    _UNGA_ITEM,
    _UNGA_SEP,
    _UNGA_TAIL,
    WINDOW,
    Mention,
    Qualifier,
    Words,
    parse_qualifier,
    roman,
    unga_number,
)
from itukg.ingest.surroundings import Surroundings


class InstrumentForms(Surroundings):
    def itu(self, kw_start: int, pos: int, kind: str) -> list[Mention]:
        text, end = self.text, min(len(self.text), pos + WINDOW)
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
        text, end = self.text, min(len(self.text), pos + WINDOW)
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
        """A list of UNGA resolutions, numbered "55/63" or, for the early sessions,
        "2453 A (XXIII)", each maybe followed by its date ("of 20 December 1968")."""
        text, end = self.text, min(len(self.text), pos + WINDOW)
        items: list[str] = []
        last = pos
        while True:
            if (m := _ROMAN_ITEM.match(text, pos, end)) is not None:
                letter = (m.group("l") or "").lower()
                items.append(f"{roman(m.group('r'))}/{m.group('n')}{letter}")
            elif (m := _UNGA_ITEM.match(text, pos, end)) is not None:
                if int(m.group("s")) > 199:
                    break
                items.append(unga_number(m))
            else:
                break
            last = m.end()
            if t := _UNGA_TAIL.match(text, last, end):
                last = t.end()
            sep = _UNGA_SEP.match(text, last, end)
            if sep is None:
                break
            pos = sep.end()
        if not items:
            return []
        return self._unga_mentions(kw_start, last, items)

    def _unga_mentions(
        self, kw_start: int, last: int, items: list[str]
    ) -> list[Mention]:
        before = self.before(kw_start)
        words, wend = self.after(last, min(len(self.text), last + WINDOW))
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
        n = unga_number(item)
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
