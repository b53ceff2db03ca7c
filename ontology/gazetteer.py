"""The conference gazetteer: which body met where and when (conferences.ttl)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rdflib import Graph
from rdflib.namespace import SKOS

from itukg.ontology.vocab import ITU, ITUKG

_BASE = str(ITUKG)


@dataclass(frozen=True)
class Conference:
    body: str  # the key segment: pp, wtdc, wtsa, wrc, ra, wtpf, wcit, wsis
    acronym: str  # as the texts write it: PP-14, WTSA-2000, WRC-03
    place: str
    year: int

    @property
    def label(self) -> str:
        return f"{self.place}, {self.year}"


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Case-, accent- and spacing-insensitive form of a name."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\s\-]+", " ", stripped).strip().casefold()


@dataclass(frozen=True)
class Gazetteer:
    conferences: tuple[Conference, ...]

    def at(self, place: str, year: int) -> tuple[Conference, ...]:
        """The conferences held at ``place`` in ``year`` (several where bodies met
        together, e.g. Dubai 2012: WTSA-12 and WCIT-12)."""
        p = fold(place)
        return tuple(
            c for c in self.conferences if c.year == year and fold(c.place) == p
        )

    def in_year(self, year: int, body: str | None = None) -> tuple[Conference, ...]:
        return tuple(
            c for c in self.conferences if c.year == year and body in (None, c.body)
        )

    def by_acronym(self, text: str) -> Conference | None:
        """``WRC-03``, ``Rev.WRC-15``-style acronyms, also with four-digit years."""
        m = re.fullmatch(r"([A-Za-z]+)\s*-\s*(\d{2}|\d{4})", text.strip())
        if m is None:
            return None
        prefix, digits = m.group(1).upper(), m.group(2)
        for c in self.conferences:
            cp, _, cd = c.acronym.partition("-")
            if cp != prefix:
                continue
            if cd == digits or (len(digits) == 4 and c.year == int(digits)):
                return c
            if len(digits) == 2 and len(cd) == 4 and cd[2:] == digits:
                return c
        return None

    @property
    def places(self) -> tuple[str, ...]:
        return tuple(
            sorted({c.place for c in self.conferences}, key=lambda p: (-len(p), p))
        )

    @property
    def acronym_prefixes(self) -> tuple[str, ...]:
        found = {c.acronym.partition("-")[0] for c in self.conferences}
        return tuple(sorted(found, key=lambda p: (-len(p), p)))

    def body_of_prefix(self, prefix: str) -> str | None:
        for c in self.conferences:
            if c.acronym.partition("-")[0] == prefix.upper():
                return c.body
        return None


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Read conferences.ttl (packaged beside this module)."""
    data = (
        resources.files("itukg.ontology").joinpath("conferences.ttl").read_text("utf-8")
    )
    g = Graph().parse(data=data, format="turtle")
    found = []
    for s in g.subjects(predicate=ITU.body):
        body = str(g.value(s, ITU.body)).removeprefix(_BASE)
        found.append(
            Conference(
                body=body,
                acronym=str(g.value(s, SKOS.notation)),
                place=str(g.value(s, ITU.place)),
                year=int(g.value(s, ITU.year).toPython()),  # type: ignore[union-attr]
            )
        )
    found.sort(key=lambda c: (c.year, c.body))
    return Gazetteer(tuple(found))
