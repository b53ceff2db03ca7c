"""Find the mandates of an instrument's operative part (design/contract.md section
4): one per paragraph under an operative heading, with the heading's verb, the
addressees it names (keys of the closed list in ontology/actors.ttl) and the keys
its paragraph cites."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

from itukg.ingest.models import Citation, Mandate, Paragraph
from itukg.ontology.actors import Actors, Verb, actor_pattern, load_actors

_LEADING: Final = re.compile(r"^(?:(?:further|also|moreover)\s+)+")
_TRAILING: Final = re.compile(r"^(?:(?:further|also|moreover)\b[\s,]*)+")
_PIECES: Final = re.compile(r"\s*(?:,|;|:|\band\b|\bor\b)\s*")
_ARTICLES: Final = re.compile(r"^(?:(?:the|all|relevant|its|their)\s+)+")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    return actor_pattern(load_actors())


@lru_cache(maxsize=64)
def _marker(marker: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(marker)}(?!\w)")


def _cut_collaborators(words: str, actors: Actors) -> str:
    """The heading's words before any "in collaboration with …"."""
    cut = len(words)
    for marker in actors.collaboration:
        m = _marker(marker).search(words)
        if m:
            cut = min(cut, m.start())
    return words[:cut]


def _others(gap: str, actors: Actors) -> tuple[list[str], bool]:
    """Names in text between known addressees ("other:…"), and whether a clause
    that names no one (", within the purview of …") began."""
    out: list[str] = []
    for piece in _PIECES.split(gap):
        piece = _ARTICLES.sub("", piece.strip(" .")).strip()
        if not piece:
            continue
        if piece.split()[0] in actors.modifier_leads:
            return out, True
        out.append(f"other:{piece}")
    return out, False


def addressees(words: str, actors: Actors | None = None) -> tuple[str, ...]:
    """The addressee keys a heading's words after the verb name, in order."""
    actors = actors or load_actors()
    words = _cut_collaborators(words, actors)
    out: list[str] = []
    pos = 0
    for m in _pattern().finditer(words):
        others, stop = _others(words[pos : m.start()], actors)
        out += others
        if stop:
            return tuple(dict.fromkeys(out))
        out += actors.keys_of(m.group("name"))
        pos = m.end()
    out += _others(words[pos:], actors)[0]
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=4096)
def read_heading(section: str) -> tuple[str, tuple[str, ...]] | None:
    """The verb and addressees of an operative heading, or None for a heading
    that gives no mandate: "resolves to instruct the Director of BDT" ->
    ("instructs", ("itu/director/bdt",))."""
    actors = load_actors()
    words = _LEADING.sub("", " ".join(section.lower().split()))
    found = actors.verb(words)
    if found is None:
        return None
    verb, rest = found
    rest = _TRAILING.sub("", rest)
    if verb.self_addressed and rest.startswith("to "):
        second = _infinitive(rest[3:], actors)
        if second is not None:
            verb, rest = second
    return verb.key, addressees(rest, actors)


def _infinitive(words: str, actors: Actors) -> tuple[Verb, str] | None:
    """The verb of "to instruct the …" after "resolves", and the words after it."""
    for v in actors.verbs:
        for inf in sorted(v.infinitives, key=len, reverse=True):
            if words == inf or words.startswith((inf + " ", inf + ",")):
                return v, words[len(inf) :].lstrip(" ,")
    return None


Cited = dict[tuple[str, str], tuple[list[int], list[Citation]]]


def _index(citations: list[Citation]) -> Cited:
    """Citations by (view, source), in order of their start."""
    groups: dict[tuple[str, str], list[Citation]] = {}
    for c in citations:
        groups.setdefault((c.view, c.source), []).append(c)
    out: Cited = {}
    for k, found in groups.items():
        found.sort(key=lambda c: c.start)
        out[k] = ([c.start for c in found], found)
    return out


def _targets(p: Paragraph, cited: Cited) -> tuple[str, ...]:
    starts, found = cited.get((p.view, p.source), ([], []))
    lo = bisect_left(starts, p.start)
    hi = bisect_left(starts, max(p.end, p.start + 1))
    return tuple(dict.fromkeys(c.target for c in found[lo:hi] if c.target is not None))


def find_mandates(
    paragraphs: Iterable[Paragraph], citations: list[Citation]
) -> list[Mandate]:
    """One mandate per paragraph under an operative heading."""
    cited = _index(citations)
    out = []
    for p in paragraphs:
        heading = read_heading(p.section)
        if heading is None:
            continue
        verb, whom = heading
        out.append(
            Mandate(
                doc=p.doc,
                view=p.view,
                source=p.source,
                verb=verb,
                addressees=whom,
                section=p.section,
                paragraph=p.label,
                text=p.text,
                start=p.start,
                end=p.end,
                targets=_targets(p, cited),
            )
        )
    return out
