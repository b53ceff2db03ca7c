"""Build the RDF of one document from its records, in two parts.

- The document's own graph: what only this document says — the document node
  (its file, content hash and extraction run), every citation with its evidence
  (Web Annotation selectors) and its ``itu:cites`` / typed edge, every proposal,
  which versions it holds (``itu:heldIn``) and attests (``itu:attestedIn``).
- The descriptions of every key it names (the document's own key included):
  type, key, label, body, number, year, conference and work links. These are
  facts about the key, the same whichever document names it, so ingest states
  each of them once, in ``graph/instruments``, not once per citing document.

The ELI / CiTO / DCTERMS equivalents of the citation edges are materialised once
per distinct edge in ``graph/derived`` (``queries/derive/``), not per document.

Triples come out as N-Triples lines (serialised by pyoxigraph, so escaping is
right), ready for one atomic graph replacement in the store."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pyoxigraph as ox

from itukg.ingest.models import Amendment, Citation, Record
from itukg.ontology import iri, keys, vocab
from itukg.ontology.errors import InvalidKey
from itukg.ontology.gazetteer import load_gazetteer
from itukg.ontology.kinds import Kind
from itukg.ontology.labels import label
from itukg.ontology.lexicon import load_lexicon

ITU, RDF, RDFS, XSD = str(vocab.ITU), str(vocab.RDF), str(vocab.RDFS), str(vocab.XSD)
SKOS, ELI, CITO, DCT = (
    str(vocab.SKOS),
    str(vocab.ELI),
    str(vocab.CITO),
    str(vocab.DCTERMS),
)
PROV, OA, FRBR = str(vocab.PROV), str(vocab.OA), str(vocab.FRBR)

_SCHEME_CLASS = {
    "unga": "Resolution",
    "rec": "SectorRecommendation",
    "question": "Question",
    "provision": "Provision",
    "wsis": "NamedInstrument",
}

_VERSION_OF = (
    ITU + "versionOf",
    ELI + "realizes",
    FRBR + "realizationOf",
    DCT + "isVersionOf",
)
# (itu:hasVersion, the inverse of itu:versionOf, is stated by itu.ttl only)
_HAS_VERSION = (ELI + "is_realized_by", DCT + "hasVersion")


@dataclass(frozen=True)
class Description:
    """What the graph states about one key, whichever document names it: its
    label as this document names it (``label_line``) and the other facts."""

    key: str
    label: str
    label_line: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Built:
    """A document's own graph and the descriptions of the keys it names."""

    lines: tuple[str, ...]
    instruments: tuple[Description, ...]


@dataclass(frozen=True)
class Meta:
    """What the store needs to know of the file a document came from."""

    doc: str
    path: str
    sha256: str
    generated_at: str | None = None  # xsd:dateTime of the extraction run
    version: str = vocab.MODEL  # of the model ingest writes (itu.ttl's versionInfo)


def _iri(base: str, key: str) -> str:
    return f"<{iri.key_iri(key, base)}>"


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
    return iri.citation_iri(digest, base)


def citation_orders(base: str, doc: str, cites: list[Citation]) -> dict[str, int]:
    """The place of each citation node of a document in the order cites and
    cited-by give their rows: a number of the document (33 bits of a hash of
    its key, the same at every ingest) times 2**20, plus the node's rank in the
    document (by view, then reading position). Unique within the document, an
    inline integer that sorts without a dictionary lookup, below 2**53 (a
    double holds it exactly: Virtuoso lost rows joining on larger ones)."""
    number = int.from_bytes(hashlib.sha1(doc.encode()).digest()[:5]) >> 7
    nodes = {citation_iri(base, doc, c): c for c in cites}
    ranked = sorted(
        nodes,
        key=lambda n: (nodes[n].view, nodes[n].start, nodes[n].end, n),
    )
    return {n: (number << 20) + i for i, n in enumerate(ranked)}


class _Builder:
    def __init__(self, base: str) -> None:
        self.base = base
        self.lines: list[str] = []
        self.described: dict[str, Description] = {}
        self._into = self.lines

    def t(self, s: str, p: str, o: str) -> None:
        self._into.append(f"{s} <{p}> {o} .")

    def entity(self, key: str, revised: bool = False) -> None:
        """Describe a key (once per document: the first mention's label)."""
        if key in self.described:
            return
        try:
            k = keys.parse_key(key)
        except InvalidKey:
            return
        facts: list[str] = []
        self._into = facts
        try:
            self._describe(key, k)
        finally:
            self._into = self.lines
        name = label(key, revised)
        line = f"{_iri(self.base, key)} <{RDFS}label> {_lit(name)} ."
        self.described[key] = Description(key, name, line, tuple(facts))
        if k.version is not None and k.scheme != "opinion":
            self.entity(str(k.work))

    def _describe(self, key: str, k: keys.Key) -> None:
        """Type, key, body, year and work of an instrument key."""
        s = _iri(self.base, key)
        self.t(s, ITU + "key", _lit(key))  # itu:key is a skos:notation (itu.ttl)
        if k.scheme in ("doc", "final-acts", "file"):
            cls = "FinalActs" if k.scheme == "final-acts" else "Document"
            self.t(s, RDF + "type", f"<{ITU}{cls}>")
            self.t(s, RDF + "type", f"<{ELI}LegalResource>")
            if k.year:
                self._conference(s, k.body, int(k.year))
            return
        work = str(k.work)
        if k.scheme in ("instrument", "opinion"):
            cls = Kind(k.kind).word
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

    def _conference(self, s: str, body: str, year: int) -> None:
        self.t(s, ITU + "year", _lit(year))
        for conf in load_gazetteer().in_year(year, body):
            conference = iri.conference_iri(conf.body, conf.year, self.base)
            self.t(s, ITU + "conference", f"<{conference}>")

    def citation(self, c: Citation, doc: str, order: int) -> None:
        n = citation_iri(self.base, doc, c)
        s = f"<{n}>"
        src, dgraph = _iri(self.base, c.source), _iri(self.base, doc)
        self.entity(c.source)
        self.t(s, RDF + "type", f"<{ITU}Citation>")
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
        # the words on the node too (the selector's oa:exact below): a row of
        # cites / cited-by reads its evidence from the node alone
        self.t(s, ITU + "quote", _lit(c.text))
        if c.target is not None:
            revised = "(rev" in c.text.lower().replace(" ", "")
            self.entity(c.target, revised)
            tgt = _iri(self.base, c.target)
            self.t(s, CITO + "hasCitedEntity", tgt)
            # the row's place, on the node and on both keys (a key's rows are
            # one index scan of inline integers: queries cites, cited-by)
            self.t(s, ITU + "citationOrder", _lit(order))
            self.t(src, ITU + "citesAt", _lit(order))
            self.t(tgt, ITU + "citedAt", _lit(order))
            for p in dict.fromkeys((ITU + "cites", ITU + relation)):
                self.t(src, p, tgt)
        for cand in c.candidates:
            self.entity(cand)
            self.t(s, ITU + "candidate", _iri(self.base, cand))
        target = f"<{n}#target>"
        self.t(s, OA + "hasTarget", target)
        self.t(target, OA + "hasSource", dgraph)
        self.t(target, OA + "hasSelector", f"<{n}#quote>")
        self.t(target, OA + "hasSelector", f"<{n}#position>")
        self.t(f"<{n}#quote>", OA + "exact", _lit(c.text))
        self.t(f"<{n}#position>", OA + "start", _lit(c.start))
        self.t(f"<{n}#position>", OA + "end", _lit(c.end))

    def amendment(self, a: Amendment, doc: str) -> None:
        pid = (a.proposal or f"{a.action}-{a.target}").replace("/", "-")
        s = f"<{iri.proposal_iri(doc, pid, self.base)}>"
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


def _provenance(b: _Builder, meta: Meta, base: str) -> None:
    """The document node: its file, content hash and extraction run."""
    doc = _iri(base, meta.doc)
    b.entity(meta.doc)
    if keys.parse_key(meta.doc).scheme not in ("doc", "file"):
        # (a document key is typed itu:Document by its description already)
        b.t(doc, RDF + "type", f"<{ITU}Document>")
    b.t(doc, ITU + "sourceFile", _lit(meta.path))
    b.t(doc, ITU + "contentHash", _lit(meta.sha256))
    run, agent = (
        f"<{iri.run_iri(meta.sha256, base)}>",
        iri.agent_iri(meta.version, base),
    )
    b.t(doc, PROV + "wasGeneratedBy", run)
    b.t(run, RDF + "type", f"<{ITU}Extraction>")
    b.t(run, PROV + "wasAssociatedWith", f"<{agent}>")
    b.t(f"<{agent}>", RDF + "type", f"<{PROV}SoftwareAgent>")
    b.t(f"<{agent}>", RDFS + "label", _lit(f"itukg {meta.version}"))
    if meta.generated_at:
        dt = ox.Literal(meta.generated_at, datatype=ox.NamedNode(XSD + "dateTime"))
        b.t(doc, PROV + "generatedAtTime", str(dt))


def _attested(records: list[Record], doc: str, proposed: set[str]) -> set[str]:
    """The versions a document shows as existing (cited, amended, held as an
    adopted text, or the previous view of a block), as opposed to proposed."""
    cites = [r for r in records if isinstance(r, Citation)]
    sources = {r.source for r in cites}
    out = {r.target for r in cites if r.target}
    out |= {r.target for r in records if isinstance(r, Amendment) and r.target}
    out |= {r.source for r in cites if r.view == "previous"}
    out |= sources - proposed - {doc}
    return {k for k in out if k}


def build_document(
    records: list[Record],
    meta: Meta,
    base: str = iri.DEFAULT_BASE,
    versions: tuple[str, ...] = (),
) -> Built:
    """One document's named graph and the descriptions of the keys it names."""
    b = _Builder(base)
    doc = _iri(base, meta.doc)
    _provenance(b, meta, base)
    final_acts = keys.parse_key(meta.doc).scheme == "final-acts"
    cites = [r for r in records if isinstance(r, Citation)]
    orders = citation_orders(base, meta.doc, cites)
    for r in records:
        if isinstance(r, Citation):
            b.citation(r, meta.doc, orders[citation_iri(base, meta.doc, r)])
            if final_acts and r.source != meta.doc:
                b.t(_iri(base, r.source), ITU + "partOf", doc)
                b.t(_iri(base, r.source), ELI + "is_part_of", doc)
        elif isinstance(r, Amendment):
            b.amendment(r, meta.doc)
    proposed = {
        r.result
        for r in records
        if isinstance(r, Amendment) and r.action in ("MOD", "ADD") and r.result
    }
    sources = {r.source for r in records if isinstance(r, Citation)}
    for src in sorted(sources - proposed):
        b.t(_iri(base, src), ITU + "heldIn", doc)
    attested = _attested(records, meta.doc, proposed)
    for v in versions:  # earlier versions named by edition-history lines
        b.entity(v)
        attested.add(v)
    for key in sorted(attested):
        b.t(_iri(base, key), ITU + "attestedIn", doc)
    return Built(tuple(dict.fromkeys(b.lines)), tuple(b.described.values()))


def build_graph(
    records: list[Record],
    meta: Meta,
    base: str = iri.DEFAULT_BASE,
    versions: tuple[str, ...] = (),
) -> list[str]:
    """Every triple the document contributes, its graph's and its keys'
    descriptions together (what a store holding only this document would say,
    before derivation)."""
    built = build_document(records, meta, base, versions)
    lines = list(built.lines)
    for d in built.instruments:
        lines += [d.label_line, *d.lines]
    return list(dict.fromkeys(lines))
