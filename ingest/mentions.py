"""What the finder produces and the state it scans with: a mention is one cited
instrument as the text names it, before resolving (``resolve``); a ``Scan`` is the
text being read, its grammar and what the previous citation leaves for the next."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from itukg.ingest.grammar import Grammar
from itukg.ontology.kinds import Kind
from itukg.ontology.quick import quick

WINDOW: Final = 600  # how far a citation may run past its keyword
LOOKBACK: Final = 140  # how far words before a keyword may start


@quick
@dataclass(frozen=True)
class Qualifier:
    """A parenthesised version: ``(Rev. Busan, 2014)``, ``(WRC-03)``, ``(1996, last
    modified 2001)`` (parsed in ``versions``)."""

    acronym: str | None = None
    place: str | None = None
    year: int | None = None


class Words:
    """What the words around a citation say of its body (compared by value; a
    plain class with Final attributes: see Mention)."""

    def __init__(
        self,
        body: str | None = None,  # notation, "self" (this conference) or "external"
        year: int | None = None,  # "the 2009 World ... Forum", "at its 2009 session"
        start: int | None = None,
        end: int | None = None,
        shared: bool = False,  # the words of the list this citation is joined to
    ) -> None:
        self.body: Final = body
        self.year: Final = year
        self.start: Final = start
        self.end: Final = end
        self.shared: Final = shared

    def fields(self) -> tuple[str | None, int | None, int | None, int | None, bool]:
        return (self.body, self.year, self.start, self.end, self.shared)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Words) and self.fields() == other.fields()

    def __hash__(self) -> int:
        return hash(self.fields())

    def __repr__(self) -> str:
        body, year, start, end, shared = self.fields()
        return f"Words({body=!r}, {year=!r}, {start=!r}, {end=!r}, {shared=!r})"


NO_WORDS: Final = Words()  # shared: words are frozen, and most citations have none


# What the scanner makes once or more per trigger (Mention, Scan, Found; also
# resolutions._Entry, resolve.Resolved and structure.Block) are plain classes
# whose attributes are Final (no assignment passes mypy), which mypyc makes
# native classes, made in 30 ns; a frozen dataclass takes 350 ns with ``quick``
# and 1.2 us compiled by mypyc.
class Mention:
    """One cited instrument as the text names it, before resolving."""

    def __init__(
        self,
        form: str,  # itu, ra, unga, rec, question, provision, named
        kind: str,  # res dec rec opinion | question | constitution/no ... | named key
        number: str,
        start: int,
        end: int,
        qualifier: Qualifier | None = None,
        words: Words = NO_WORDS,
        revision: str | None = None,
        sector: str | None = None,
        pinpoint: str | None = None,
    ) -> None:
        self.form: Final = form
        self.kind: Final = kind
        self.number: Final = number
        self.start: Final = start
        self.end: Final = end
        self.qualifier: Final = qualifier
        self.words: Final = words
        self.revision: Final = revision
        self.sector: Final = sector
        self.pinpoint: Final = pinpoint

    def with_words(self, words: Words) -> Mention:
        """The same mention with other words around it."""
        return Mention(
            self.form,
            self.kind,
            self.number,
            self.start,
            self.end,
            self.qualifier,
            words,
            self.revision,
            self.sector,
            self.pinpoint,
        )


class Scan:
    """A text being scanned at one trigger: words before a citation never reach
    behind ``floor`` (the end of the previous citation), and ``carried`` are the
    leading words of the list of resolutions just before, which a list joined to it
    shares ("Resolutions 50 and 52 (…) and Resolution 58 (…)")."""

    def __init__(
        self, text: str, grammar: Grammar, floor: int = 0, carried: Words = NO_WORDS
    ) -> None:
        self.text: Final = text
        self.grammar: Final = grammar
        self.floor: Final = floor
        self.carried: Final = carried

    def window(self, pos: int, size: int = WINDOW) -> int:
        """Where a citation starting near ``pos`` must end at the latest."""
        return min(len(self.text), pos + size)


class Found:
    """The mentions a trigger gives, and the leading words a following list may
    share with them (only a list of conference instruments has such words)."""

    def __init__(
        self, mentions: list[Mention] | None = None, carried: Words = NO_WORDS
    ) -> None:
        self.mentions: Final = [] if mentions is None else mentions
        self.carried: Final = carried


# The kinds of conference instruments, by their keyword.
@lru_cache(maxsize=256)
def kind_of(keyword: str) -> str:
    """The kind a keyword names: "Resolutions" is ``res``, "Rec." is ``rec``."""
    return str(Kind.from_word(keyword))
