"""Build the RDF graph of one document from its records: the document, every
instrument it names (with its work, body, year and conference), every citation
with its evidence (Web Annotation selectors), typed citation edges with their
ELI / CiTO / DCTERMS equivalents materialised, and every proposal.

Triples come out as N-Triples lines (serialised by pyoxigraph, so escaping is
right), ready for one atomic graph replacement in the store."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pyoxigraph as ox

from itukg.ingest.models import Amendment, Citation, Record
from itukg.ontology import keys
from itukg.ontology.errors import InvalidKey
from itukg.ontology.gazetteer import load_gazetteer
from itukg.ontology.labels import label
from itukg.ontology.lexicon import load_lexicon

ITU = "https://w3id.org/itukg/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ELI = "http://data.europa.eu/eli/ontology#"
CITO = "http://purl.org/spar/cito/"
DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
FRBR = "http://purl.org/vocab/frbr/core#"

_CLASS = {
    "res": "Resolution",
    "dec": "Decision",
    "rec": "Recommendation",
    "opinion": "Opinion",
}
_SCHEME_CLASS = {
    "unga": "Resolution",
    "rec": "SectorRecommendation",
    "question": "Question",
    "provision": "Provision",
    "wsis": "NamedInstrument",
}
_CITES = (ITU + "cites", ELI + "cites", CITO + "cites", DCT + "references")
_VERSION_OF = (
    ITU + "versionOf",
    ELI + "realizes",
    FRBR + "realizationOf",
    DCT + "isVersionOf",
)
_HAS_VERSION = (ITU + "hasVersion", ELI + "is_realized_by", DCT + "hasVersion")


@dataclass(frozen=True)
class Meta:
    """What the store needs to know of the file a document came from."""

    doc: str
    path: str
    sha256: str
    generated_at: str | None = None  # xsd:dateTime of the extraction run
    version: str = "0.1.0"  # of the extractor


def _iri(base: str, key: str) -> str:
    return f"<{base}{key}>"


def _lit(value: str | int | bool) -> str:
    if isinstance(value, bool):
        return str(
            ox.Literal(str(value).lower(), datatype=ox.NamedNode(XSD + "boolean"))
        )
    if isinstance(value, int):
        return str(ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer")))
    return str(ox.Literal(value))


def citation_iri(base: str, doc: str, c: Citation) -> str:
    """The IRI of a citation node (mandates link their paragraph's citations)."""
    digest = hashlib.sha1(
        f"{doc}|{c.view}|{c.source}|{c.target}|{c.start}|{c.end}".encode()
    ).hexdigest()[:20]
    return f"{base}citation/{digest}"


class _Builder:
    def __init__(self, base: str) -> None:
        self.base = base
        self.lines: list[str] = []
        self.described: set[str] = set()

    def t(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"{s} <{p}> {o} .")

    def entity(self, key: str, revised: bool = False) -> None:
        """Type, key, label, body, year and work of an instrument key."""
        if key in self.described:
            return
        self.described.add(key)
        try:
            k = keys.parse_key(key)
        except InvalidKey:
            return
        s = _iri(self.base, key)
        self.t(s, ITU + "key", _lit(key))
        self.t(s, SKOS + "notation", _lit(key))
        self.t(s, RDFS + "label", _lit(label(key, revised)))
        if k.scheme in ("doc", "final-acts", "file"):
            cls = "FinalActs" if k.scheme == "final-acts" else "Document"
            self.t(s, RDF + "type", f"<{ITU}{cls}>")
            self.t(s, RDF + "type", f"<{ELI}LegalResource>")
            if k.year:
                self._conference(s, k.body, int(k.year))
            return
        work = str(k.work)
        if k.scheme in ("instrument", "opinion"):
            cls = _CLASS.get(k.kind, "Work")
        else:
            cls = _SCHEME_CLASS.get(k.scheme, "Work")
        bodies = {b.notation for b in load_lexicon().bodies}
        if k.scheme in ("instrument", "opinion", "unga") and k.body in bodies:
            self.t(s, ITU + "body", _iri(self.base, k.body))
        if k.number:
            self.t(s, ITU + "number", _lit(k.number))
        if k.version is None or k.scheme == "opinion":
            self.t(s, RDF + "type", f"<{ITU}{cls}>")
            self.t(s, RDF + "type", f"<{ELI}LegalResource>")
            if k.scheme == "opinion" and k.version:
                self._conference(s, k.body, int(k.version))
            return
        self.t(s, RDF + "type", f"<{ITU}Version>")
        self.t(s, RDF + "type", f"<{ELI}LegalExpression>")
        for p in _VERSION_OF:
            self.t(s, p, _iri(self.base, work))
        for p in _HAS_VERSION:
            self.t(_iri(self.base, work), p, s)
        if k.scheme in ("instrument", "opinion") and k.body != "ra":
            self._conference(s, k.body, int(k.version))
        else:
            self.t(s, ITU + "revision", _lit(int(k.version)))
        self.entity(work)

    def _conference(self, s: str, body: str, year: int) -> None:
        self.t(s, ITU + "year", _lit(year))
        for conf in load_gazetteer().in_year(year, body):
            self.t(s, ITU + "conference", _iri(self.base, f"{conf.body}/{conf.year}"))

    def citation(self, c: Citation, doc: str) -> None:
        n = citation_iri(self.base, doc, c)
        s = f"<{n}>"
        src, dgraph = _iri(self.base, c.source), _iri(self.base, doc)
        self.entity(c.source)
        self.t(s, RDF + "type", f"<{ITU}Citation>")
        self.t(s, RDF + "type", f"<{CITO}Citation>")
        self.t(s, CITO + "hasCitingEntity", src)
        self.t(s, ITU + "inDocument", dgraph)
        self.t(s, ITU + "view", _lit(c.view))
        for name, value in (
            ("section", c.section),
            ("paragraph", c.paragraph),
            ("pinpoint", c.pinpoint),
        ):
            if value:
                self.t(s, ITU + name, _lit(value))
        relation = _relation(c.section)
        self.t(s, ITU + "relation", f"<{ITU}{relation}>")
        if c.target is not None:
            revised = "(rev" in c.text.lower().replace(" ", "")
            self.entity(c.target, revised)
            tgt = _iri(self.base, c.target)
            self.t(s, CITO + "hasCitedEntity", tgt)
            for p in (*_CITES, ITU + relation):
                self.t(src, p, tgt)
        for cand in c.candidates:
            self.entity(cand)
            self.t(s, ITU + "candidate", _iri(self.base, cand))
        target = f"<{n}#target>"
        self.t(s, OA + "hasTarget", target)
        self.t(target, RDF + "type", f"<{OA}SpecificResource>")
        self.t(target, OA + "hasSource", dgraph)
        self.t(target, OA + "hasSelector", f"<{n}#quote>")
        self.t(target, OA + "hasSelector", f"<{n}#position>")
        self.t(f"<{n}#quote>", RDF + "type", f"<{OA}TextQuoteSelector>")
        self.t(f"<{n}#quote>", OA + "exact", _lit(c.text))
        self.t(f"<{n}#position>", RDF + "type", f"<{OA}TextPositionSelector>")
        self.t(f"<{n}#position>", OA + "start", _lit(c.start))
        self.t(f"<{n}#position>", OA + "end", _lit(c.end))

    def amendment(self, a: Amendment, doc: str) -> None:
        pid = (a.proposal or f"{a.action}-{a.target}").replace("/", "-")
        s = f"<{self.base}{doc}/proposal/{pid}>"
        self.t(s, RDF + "type", f"<{ITU}Proposal>")
        self.t(s, ITU + "action", _lit(a.action))
        if a.proposal:
            self.t(s, ITU + "proposalId", _lit(a.proposal))
        self.t(s, ITU + "proposedIn", _iri(self.base, doc))
        self.t(s, PROV + "wasDerivedFrom", _iri(self.base, doc))
        if a.target:
            self.entity(a.target)
            p = "proposesSuppressionOf" if a.action == "SUP" else "proposesAmendmentOf"
            self.t(s, ITU + p, _iri(self.base, a.target))
        if a.result:
            self.entity(a.result)
            self.t(s, ITU + "proposesVersion", _iri(self.base, a.result))
        if a.action == "MOD" and a.target and a.result and a.target != a.result:
            self.t(
                _iri(self.base, a.result),
                ITU + "proposedSupersession",
                _iri(self.base, a.target),
            )


def _relation(section: str | None) -> str:
    """The typed citation property of a heading (sections.ttl), or plain cites."""
    if not section:
        return "cites"
    words = (
        section.removeprefix("further ").removeprefix("also ").removeprefix("moreover ")
    )
    for s in load_lexicon().sections:
        if any(
            words == lab or words.startswith(lab + " ") or words.startswith(lab + ",")
            for lab in s.labels
        ):
            return s.cites_as
    return "cites"


def build_graph(
    records: list[Record],
    meta: Meta,
    base: str = keys.DEFAULT_BASE,
    versions: tuple[str, ...] = (),
) -> list[str]:
    """The N-Triples lines of one document's named graph."""
    b = _Builder(base)
    doc = _iri(base, meta.doc)
    b.entity(meta.doc)
    b.t(doc, RDF + "type", f"<{ITU}Document>")
    b.t(doc, RDF + "type", f"<{PROV}Entity>")
    b.t(doc, ITU + "sourceFile", _lit(meta.path))
    b.t(doc, ITU + "contentHash", _lit(meta.sha256))
    run = f"<{base}run/{meta.sha256[:16]}>"
    b.t(doc, PROV + "wasGeneratedBy", run)
    b.t(run, RDF + "type", f"<{ITU}Extraction>")
    b.t(run, PROV + "wasAssociatedWith", f"<{base}agent/itukg-{meta.version}>")
    b.t(f"<{base}agent/itukg-{meta.version}>", RDF + "type", f"<{PROV}SoftwareAgent>")
    b.t(
        f"<{base}agent/itukg-{meta.version}>",
        RDFS + "label",
        _lit(f"itukg {meta.version}"),
    )
    if meta.generated_at:
        dt = ox.Literal(meta.generated_at, datatype=ox.NamedNode(XSD + "dateTime"))
        b.t(doc, PROV + "generatedAtTime", str(dt))
    final_acts = keys.parse_key(meta.doc).scheme == "final-acts"
    for r in records:
        if isinstance(r, Citation):
            b.citation(r, meta.doc)
            if final_acts and r.source != meta.doc:
                b.t(_iri(base, r.source), ITU + "partOf", doc)
                b.t(_iri(base, r.source), ELI + "is_part_of", doc)
        elif isinstance(r, Amendment):
            b.amendment(r, meta.doc)
    proposed = {
        r.result
        for r in records
        if isinstance(r, Amendment) and r.action in ("MOD", "ADD")
    }
    sources = {r.source for r in records if isinstance(r, Citation)}
    for src in sorted(sources - proposed):
        b.t(_iri(base, src), ITU + "heldIn", doc)
    attested = {r.target for r in records if isinstance(r, Citation) and r.target}
    attested |= {r.target for r in records if isinstance(r, Amendment) and r.target}
    attested |= {
        r.source for r in records if isinstance(r, Citation) and r.view == "previous"
    }
    attested |= sources - proposed - {meta.doc}
    for v in versions:  # earlier versions named by edition-history lines
        b.entity(v)
        attested.add(v)
    for key in sorted(k for k in attested if k):
        b.t(_iri(base, key), ITU + "attested", _lit(True))
    return list(dict.fromkeys(b.lines))
