"""Who operative headings address and with which verb (actors.ttl): the closed list
of addressee keys of design/contract.md section 4, the words that name them, and
the operative verbs with their forms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SKOS

from itukg.ontology.lexicon import load_lexicon
from itukg.ontology.vocab import ITU, ITUKG

_BASE = str(ITUKG)
OTHER = "other:"  # the key prefix of an addressee outside the closed list


@dataclass(frozen=True)
class Verb:
    key: str  # "calls-upon"
    forms: tuple[str, ...]  # "calls upon", "calls on"
    infinitives: tuple[str, ...]  # "call upon"
    self_addressed: bool  # resolves, decides: the conference itself


@dataclass(frozen=True)
class Actors:
    """Label (lowercase, one space) -> the addressee keys it names, in order."""

    names: dict[str, tuple[str, ...]]
    verbs: tuple[Verb, ...]
    collaboration: tuple[str, ...]  # "in collaboration with" …
    modifier_leads: frozenset[str]  # first words of a clause naming no one

    def verb(self, words: str) -> tuple[Verb, str] | None:
        """The verb a heading opens with and the rest of the heading."""
        forms = sorted(
            ((v, f) for v in self.verbs for f in v.forms), key=lambda p: -len(p[1])
        )
        for v, form in forms:
            if words == form or words.startswith((form + " ", form + ",")):
                return v, words[len(form) :].lstrip(" ,")
        return None

    def keys_of(self, name: str) -> tuple[str, ...]:
        """The keys a matched name stands for ("ITU-T Study Group 17" ->
        itu-t/sg/17)."""
        words = _norm(name)
        if self.names.get(words) == (OTHER,):
            return (OTHER + words,)
        if words in self.names:
            return self.names[words]
        number = re.search(r"\d+", words)
        if number is None:
            return ()
        found = self.names.get(words.replace(number.group(), "{n}", 1), ())
        return tuple(k.replace("{n}", number.group()) for k in found)


def _norm(label: str) -> str:
    return " ".join(label.lower().split())


def _strings(g: Graph, s: URIRef, p: URIRef) -> list[str]:
    return sorted(str(o) for o in g.objects(s, p) if isinstance(o, Literal))


def _labels(g: Graph, s: URIRef) -> list[str]:
    return _strings(g, s, SKOS.prefLabel) + _strings(g, s, SKOS.altLabel)


def _key(g: Graph, s: URIRef) -> str:
    notation = g.value(s, SKOS.notation)
    return str(notation) if notation else str(s).removeprefix(_BASE)


def _templates(g: Graph) -> dict[str, tuple[str, ...]]:
    """Study-group names: one label per sector label, {n} left as a pattern."""
    out: dict[str, tuple[str, ...]] = {}
    sectors = load_lexicon().sectors
    for s in g.subjects(RDF.type, ITU.ActorTemplate):
        if not isinstance(s, URIRef):
            continue
        notation = _key(g, s)
        for label in _labels(g, s):
            for sector in sectors:
                for name in sector.labels:
                    if "bureau" in name.lower() or "advisory" in name.lower():
                        continue
                    words = _norm(label.replace("{sector}", name))
                    key = notation.replace("{sector}", sector.notation)
                    out.setdefault(words, (key,))
    return out


@lru_cache(maxsize=1)
def load_actors() -> Actors:
    data = resources.files("itukg.ontology").joinpath("actors.ttl").read_text("utf-8")
    g = Graph().parse(data=data, format="turtle")
    names: dict[str, tuple[str, ...]] = {}
    for s in g.subjects(RDF.type, ITU.Actor):
        if isinstance(s, URIRef):
            for label in _labels(g, s):
                names[_norm(label)] = (_key(g, s),)
    for s in g.subjects(RDF.type, ITU.ActorGroup):
        members = g.value(s, ITU.members)
        if isinstance(s, URIRef) and members is not None:
            found = tuple(
                _key(g, m) for m in Collection(g, members) if isinstance(m, URIRef)
            )
            for label in _labels(g, s):
                names[_norm(label)] = found
    for s in g.subjects(RDF.type, ITU.OtherActor):
        if isinstance(s, URIRef):
            for label in _labels(g, s):
                names[_norm(label)] = (OTHER,)
    names.update(_templates(g))
    verbs = []
    for s in sorted(g.subjects(RDF.type, ITU.OperativeVerb), key=str):
        if isinstance(s, URIRef):
            verbs.append(
                Verb(
                    key=_key(g, s),
                    forms=tuple(_norm(f) for f in _strings(g, s, SKOS.altLabel)),
                    infinitives=tuple(_strings(g, s, ITU.infinitive)),
                    self_addressed=bool(g.value(s, ITU.selfAddressed)),
                )
            )
    scheme = ITU.Actors
    return Actors(
        names=names,
        verbs=tuple(verbs),
        collaboration=tuple(_strings(g, scheme, ITU.collaborationMarker)),
        modifier_leads=frozenset(_strings(g, scheme, ITU.modifierLead)),
    )


def actor_pattern(actors: Actors) -> re.Pattern[str]:
    """One alternation of every addressee name, longest first; {n} is a number."""
    ordered = sorted(actors.names, key=lambda s: (-len(s), s))
    alts = [
        r"\s+".join(re.escape(w) for w in label.split()).replace(
            re.escape("{n}"), r"\d+"
        )
        for label in ordered
    ]
    return re.compile(
        r"(?<![\w-])(?:(?:the|all|relevant|its|their)\s+)*(?P<name>"
        + "|".join(alts)
        + r")(?![\w-])",
        re.I,
    )
