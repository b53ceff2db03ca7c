"""Resolve mentions to instrument keys (design/contract.md section 1): the body from
the words, else from the place and year in the gazetteer; the most specific key the
text supports; ambiguity reported as candidates, never guessed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

from itukg.ingest.grammar import load_grammar
from itukg.ingest.mentions import Mention, Qualifier
from itukg.ontology import keys
from itukg.ontology.gazetteer import Conference


class Resolved:
    """What a mention resolves to: one key, or none with the candidate keys when
    the words leave two instruments open."""

    def __init__(self, target: str | None, candidates: tuple[str, ...] = ()) -> None:
        self.target: Final = target
        self.candidates: Final = candidates


@dataclass
class Context:
    """What a citation's surroundings say: the body of "this conference" and the
    sector of the citing text. ``seen`` remembers the keys already cited in the same
    instrument, so that a bare repeat ("that Resolution 69 provides") resolves to
    them."""

    body: str | None = None
    sector: str | None = None
    seen: dict[tuple[str, str, str], str] = field(default_factory=dict)


def _conferences(q: Qualifier, kind: str) -> tuple[Conference, ...] | None:
    """The conferences a qualifier names (None when it names no place or acronym)."""
    return _conferences_named(q.acronym, q.place, q.year, kind)


@lru_cache(maxsize=4096)  # keyed on the qualifier's fields: hashed in C
def _conferences_named(
    acronym: str | None, place: str | None, year: int | None, kind: str
) -> tuple[Conference, ...] | None:
    g = load_grammar()
    issuers = g.lexicon.issuers(kind)
    if acronym:
        conf = g.gazetteer.by_acronym(acronym)
        return (conf,) if conf else ()
    if place and year:
        return tuple(c for c in g.gazetteer.at(place, year) if c.body in issuers)
    return None


def _itu(m: Mention, ctx: Context) -> Resolved | None:
    body = m.words.body
    if body == "self":
        body = ctx.body
    confs = _conferences(m.qualifier, m.kind) if m.qualifier else None
    if m.words.shared and confs and all(c.body != body for c in confs):
        body = None  # the list's words yield to this citation's own conference
    if body in ("external", "unga"):
        return None
    year = m.words.year
    if m.qualifier and m.qualifier.year:
        year = m.qualifier.year
    if body is None and confs:
        if len(confs) > 1:
            cands = tuple(sorted(_mint(c.body, m, c.year) for c in confs))
            return Resolved(None, cands)
        body, year = confs[0].body, confs[0].year
    elif body is not None and confs and m.qualifier is not None:
        # the words name the body; a named conference gives the year
        year = confs[0].year
        for c in confs:
            if c.body == body:
                year = c.year
                break
    if body is None:
        seen = ctx.seen.get(("itu", m.kind, m.number))
        if seen and m.qualifier is None:
            return Resolved(seen)
        return Resolved(None)
    if m.kind == "opinion" and body != "wtpf":
        return Resolved(None)
    if m.kind == "opinion" and year is None:
        seen = ctx.seen.get(("itu", m.kind, m.number))
        return Resolved(seen)
    return Resolved(_mint(body, m, year))


def _mint(body: str, m: Mention, year: int | None) -> str:
    return _minted(body, m.kind, m.number, year)


_NOT_NUMBER: Final = re.compile(r"[^0-9a-z.]+")


@lru_cache(maxsize=8192)
def _minted(body: str, kind: str, raw: str, year: int | None) -> str:
    number = _NOT_NUMBER.sub("-", raw.lower()).strip("-") or "0"
    if body == "ra":
        return str(keys.ra_resolution(number, None))
    return str(keys.conference_instrument(body, kind, number, year))


def _rec(m: Mention, ctx: Context) -> Resolved:
    series, _, number = m.number.partition(".")
    sector = m.sector
    if sector is None:
        sector = "itu-r" if len(series) > 1 else ctx.sector
    if sector not in ("itu-t", "itu-r"):
        return Resolved(ctx.seen.get(("rec", "rec", m.number.lower())))
    return Resolved(str(keys.recommendation(sector, series, number, m.revision)))


def _question(m: Mention, ctx: Context) -> Resolved:
    sector = m.sector or ctx.seen.get(("question", "sector", m.number.lower()))
    if sector is None:
        sector = ctx.sector
    if sector is None:
        return Resolved(None)
    q, _, group = m.number.partition("/")
    return Resolved(str(keys.question(sector, q, group)))


def resolve_citation(m: Mention, ctx: Context) -> Resolved | None:
    """The key a mention cites in its context; None when it is no ITU or UNGA
    citation at all (e.g. an ECOSOC resolution)."""
    if m.form == "itu":
        res = _itu(m, ctx)
    elif m.form == "ra":
        res = Resolved(str(keys.ra_resolution(m.number, m.revision)))
    elif m.form == "unga":
        session, _, number = m.number.partition("/")
        letter = number.lstrip("0123456789")
        res = Resolved(
            str(
                keys.unga_resolution(
                    int(session), int(number[: len(number) - len(letter)]), letter
                )
            )
        )
    elif m.form == "rec":
        res = _rec(m, ctx)
    elif m.form == "question":
        res = _question(m, ctx)
    elif m.form == "provision":
        instrument, _, unit = m.kind.partition("/")
        res = Resolved(str(keys.provision(instrument, unit, m.number)))
    else:
        res = Resolved(m.kind)
    if res is not None and res.target is not None:
        _remember(m, res.target, ctx)
    return res


def _remember(m: Mention, target: str, ctx: Context) -> None:
    if m.form == "itu":
        ctx.seen.setdefault(("itu", m.kind, m.number), target)
    elif m.form == "rec":
        ctx.seen.setdefault(("rec", "rec", m.number.lower()), target)
    elif m.form == "question":
        ctx.seen.setdefault(
            ("question", "sector", m.number.lower()), target.split("/")[0]
        )
