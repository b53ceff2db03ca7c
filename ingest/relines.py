"""Put run-in operative headings and paragraph labels on lines of their own.

Some conversions run a resolution's structure into one line: "…regional offices,
instructs the Director of the Telecommunication Development Bureau 1 to conduct …;
2 to work closely …" (the PP-18 Final Acts in Akoma Ntoso). ``reline_text`` turns
the space before such a heading, before its words and before each label into a
line break, one character for one, so that offsets do not move. A run-in heading
must follow a clause's punctuation and name a known addressee (ontology/actors.ttl):
"…, invites ITU to pursue …" inside a recital is left alone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from itukg.ingest.grammar import alternation
from itukg.ontology.actors import actor_pattern, load_actors


@lru_cache(maxsize=1)
def _patterns() -> tuple[
    re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]
]:
    actors = load_actors()
    forms = alternation([f for v in actors.verbs for f in v.forms], fold=True)
    own = alternation(
        [f for v in actors.verbs if v.self_addressed for f in v.forms], fold=True
    )
    infinitives = alternation(
        [i for v in actors.verbs for i in v.infinitives], fold=True
    )
    names = actor_pattern(actors).pattern.removeprefix("(?<![\\w-])")
    names = names.replace("(?P<name>", "(?:")
    heading = re.compile(
        rf"[,;:.] (?P<head>(?:further\s+)?(?:{forms})"
        rf"(?:\s+to\s+(?:{infinitives}))?\s+(?=(?:the\s+|all\s+)?(?:{names}))"
        rf"[^;:\n]{{0,240}}?)"
        rf"(?:(?P<gap> )(?=(?:\d{{1,2}} )?(?:to(?!\s+(?:{infinitives})\b)|that) )"
        rf"|[ ,]*(?=\n|$))",
        re.I,
    )
    # "…, further resolves to strengthen …": the conference's own heading
    itself = re.compile(
        rf"[,;:.] (?P<head>(?:further\s+)?(?:{own})(?:\s+further)?)"
        rf"(?P<gap> )(?=(?:\d{{1,2}} )?(?:to(?!\s+(?:{infinitives})\b)|that) )",
        re.I,
    )
    label = re.compile(
        r"[;,:.][’”\"']? (?=\d{1,2}(?:bis)? (?:to|that|upon|"
        r"consistent|without|in|with|within|on|as|subject|taking|where)\b)"
    )
    # where any of the three can start: punctuation before a verb form or a number
    # (one pass over the text instead of three)
    start = re.compile(rf"[,;:.](?= (?i:(?:further\s+)?(?:{forms}))|[’”\"']? \d)")
    return start, heading, itself, label


def _matches(
    pattern: re.Pattern[str], text: str, starts: list[int]
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that matches only at ``starts``
    (sorted): the first match at or after the end of the one before."""
    last = 0
    for pos in starts:
        if pos >= last and (m := pattern.match(text, pos)) is not None:
            last = m.end()
            yield m


def reline_text(text: str) -> str:
    """``text`` with run-in headings and labels put on lines of their own."""
    start, heading, itself, label = _patterns()
    starts = [m.start() for m in start.finditer(text)]
    breaks: set[int] = set()
    for m in (*_matches(heading, text, starts), *_matches(itself, text, starts)):
        breaks.add(m.start("head") - 1)
        if m.group("gap"):
            breaks.add(m.start("gap"))
    breaks |= {m.end() - 1 for m in _matches(label, text, starts)}
    spaces = sorted(p for p in breaks if 0 <= p < len(text) and text[p] == " ")
    if not spaces:
        return text
    # the spaces replaced by cutting the text at them and joining the pieces with
    # line breaks, one character for one (no list of every character)
    pieces, last = [], 0
    for pos in spaces:
        pieces.append(text[last:pos])
        last = pos + 1
    pieces.append(text[last:])
    return "\n".join(pieces)
