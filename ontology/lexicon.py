"""The words of ITU texts: names of bodies, sectors and named instruments, and the
headings citations stand under (lexicon.ttl, sections.ttl)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from itukg.ontology.kinds import Kind
from itukg.ontology.vocab import ITU, ITUKG

_BASE = str(ITUKG)


@dataclass(frozen=True)
class Entry:
    """A named thing and the words that name it."""

    notation: str  # key segment or key: "wtdc", "itu-d", "wsis/tunis-agenda"
    labels: tuple[str, ...]
    sector: str | None = None
    prefix: str | None = None  # provision prefix: CS, CV
    issues: tuple[str, ...] = ()  # kinds of instrument: res, dec, rec, opinion


@dataclass(frozen=True)
class Section:
    name: str  # the concept's preferred label: "recalling"
    labels: tuple[str, ...]
    part: str  # "preamble" or "operative"
    cites_as: str  # local name of the typed citation property


@dataclass(frozen=True)
class Lexicon:
    bodies: tuple[Entry, ...]
    external_bodies: tuple[Entry, ...]
    sectors: tuple[Entry, ...]
    instruments: tuple[Entry, ...]
    sections: tuple[Section, ...]

    def body(self, notation: str) -> Entry | None:
        return next((b for b in self.bodies if b.notation == notation), None)

    def issuers(self, kind: str) -> tuple[str, ...]:
        """The bodies that adopt instruments of ``kind`` (res, dec, rec, opinion)."""
        return tuple(b.notation for b in self.bodies if kind in b.issues)

    def sector_of(self, body: str) -> str | None:
        entry = self.body(body)
        return entry.sector if entry else None


def _labels(g: Graph, s: URIRef) -> tuple[str, ...]:
    found = [str(o) for o in g.objects(s, SKOS.prefLabel)]
    found += sorted(str(o) for o in g.objects(s, SKOS.altLabel))
    return tuple(found)


def _entries(g: Graph, cls: URIRef) -> tuple[Entry, ...]:
    out = []
    for s in sorted(g.subjects(RDF.type, cls), key=str):
        if not isinstance(s, URIRef):
            continue
        notation = g.value(s, SKOS.notation)
        sector = g.value(s, ITU.sector)
        prefix = g.value(s, ITU.provisionPrefix)
        issues = sorted(
            str(Kind.from_word(str(o).removeprefix(str(ITU))))
            for o in g.objects(s, ITU.issues)
        )
        out.append(
            Entry(
                notation=str(notation) if notation else str(s).removeprefix(_BASE),
                labels=_labels(g, s),
                sector=str(sector).removeprefix(_BASE) if sector else None,
                prefix=str(prefix) if prefix else None,
                issues=tuple(issues),
            )
        )
    return tuple(out)


def _read(name: str) -> Graph:
    data = resources.files("itukg.ontology").joinpath(name).read_text("utf-8")
    return Graph().parse(data=data, format="turtle")


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    g = _read("lexicon.ttl")
    sg = _read("sections.ttl")
    sections = []
    for s in sorted(sg.subjects(SKOS.inScheme, ITU.Sections), key=str):
        if not isinstance(s, URIRef):
            continue
        labels = _labels(sg, s)
        cites = sg.value(s, ITU.citesAs)
        sections.append(
            Section(
                name=labels[0],
                labels=labels,
                part=str(sg.value(s, ITU.part)),
                cites_as=str(cites).removeprefix(str(ITU)) if cites else "cites",
            )
        )
    return Lexicon(
        bodies=_entries(g, ITU.Body),
        external_bodies=_entries(g, ITU.ExternalBody),
        sectors=_entries(g, ITU.Sector),
        instruments=_entries(g, ITU.NamedInstrument),
        sections=tuple(sections),
    )
