"""The citation forms of other references: sector Recommendations, study group
Questions, Constitution / Convention / Radio Regulations provisions, WSIS documents
and action lines."""

from __future__ import annotations

import re

from itukg.ingest.mentions import (
    _LIST_SEP,
    _PROV_ITEM,
    _PROV_LEAD,
    _Q_ITEM,
    _REC_ITEM,
    _REC_TAIL,
    WINDOW,
    Mention,
    sector_of_body,
    sector_token,
)
from itukg.ingest.surroundings import Surroundings


class ReferenceForms(Surroundings):
    def recs(self, start: int, pos: int, sector: str | None) -> list[Mention]:
        text, end = self.text, min(len(self.text), pos + WINDOW)
        found: list[tuple[str, str, str | None, str | None]] = []
        last = pos
        while (m := _REC_ITEM.match(text, pos, end)) is not None:
            prefix = m.group(0)[: m.start("series") - m.start()].strip()
            sec = sector_token(prefix) or sector
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
            m.start(), kw.end() if kw else pos, sector_token(token.group(0))
        )

    def questions(self, m: re.Match[str]) -> list[Mention]:
        text, end = self.text, min(len(self.text), m.end() + WINDOW)
        pos = m.start() + len(re.match(r"(?i)questions?\s+", m.group(0)).group(0))  # type: ignore[union-attr]
        sector = None
        if text.startswith("ITU-", pos):
            sector = sector_token(text[pos : pos + 5])
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
                or sector_of_body(self.g, self.g.body_of(after.group("s")))
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
                or sector_of_body(self.g, self.g.body_of(before.group("s")))
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
