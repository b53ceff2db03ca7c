"""The words around a citation: the body named before or after it, the year a
session or a forum names, its pinpoint, and the sector a paragraph names."""

from __future__ import annotations

import re

from itukg.ingest.grammar import Grammar
from itukg.ingest.mentions import (
    _JOIN,
    LOOKBACK,
    Words,
    sector_of_body,
)


class Surroundings:
    """A text being scanned and what the previous citation left for the next."""

    def __init__(self, text: str, grammar: Grammar) -> None:
        self.text = text
        self.g = grammar
        self.floor = 0  # words before a citation never reach behind this
        self.shared = Words()  # the words before the previous citation, for a list

    def before(self, pos: int) -> Words:
        """Words just before a keyword that name its body ("WTSA adopted
        Resolution …", "ITU Council Resolution …", "WTSA resolutions, in particular
        Resolution …"); else the words a list of citations shares with the one
        it is joined to ("Resolutions 50 and 52 (…) and Resolution 58 (…)")."""
        line = self.text.rfind("\n", 0, pos) + 1
        lo = max(self.floor, pos - LOOKBACK, line)
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
            self.text, max(self.floor, pos - 2 * LOOKBACK, line), pos
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
            sector = self.g.sector_of(n.group("s")) or sector_of_body(
                self.g, self.g.body_of(n.group("s"))
            )
            if sector is None:
                continue
            distance = start - n.end() if n.end() <= start else n.start() - end
            if best is None or distance < best[0]:
                best = (distance, sector)
        return best[1] if best else None
