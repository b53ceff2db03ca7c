"""Build the paragraph and mandate nodes of one document's graph: every paragraph
of every instrument it holds (per view, with its words), and every mandate with
its verb, its addressees (``itu:Actor`` IRIs, actors.ttl), its paragraph, the
citations and targets of that paragraph and its words as a Web Annotation target.
N-Triples lines, added to the lines of ``build.build_graph``."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from itukg.ingest.build import ITU, OA, RDF, XSD, citation_iri
from itukg.ingest.models import Citation, Mandate, Paragraph, Record
from itukg.ontology import iri


def _lit(value: str | int) -> str:
    if isinstance(value, int):
        return str(ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer")))
    return str(ox.Literal(value))


def _digest(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:20]


def paragraph_iri(base: str, p: Paragraph) -> str:
    return iri.paragraph_iri(_digest(p.doc, p.view, p.source, p.order), base)


def _paragraph(base: str, p: Paragraph) -> Iterator[str]:
    s = f"<{paragraph_iri(base, p)}>"
    yield f"{s} <{RDF}type> <{ITU}Paragraph> ."
    yield f"{s} <{ITU}paragraphOf> <{base}{p.source}> ."
    yield f"{s} <{ITU}inDocument> <{base}{p.doc}> ."
    yield f"{s} <{ITU}view> {_lit(p.view)} ."
    yield f"{s} <{ITU}section> {_lit(p.section)} ."
    if p.label is not None:
        yield f"{s} <{ITU}paragraph> {_lit(p.label)} ."
    yield f"{s} <{ITU}order> {_lit(p.order)} ."
    yield f"{s} <{ITU}text> {_lit(p.text)} ."


def _selectors(n: str, base: str, m: Mandate) -> Iterator[str]:
    target = f"<{n}#target>"
    yield f"<{n}> <{OA}hasTarget> {target} ."
    yield f"{target} <{OA}hasSource> <{base}{m.doc}> ."
    # no quote selector: the mandate's words are its paragraph's (itu:text)
    if m.end > m.start:
        yield f"{target} <{OA}hasSelector> <{n}#position> ."
        yield f"<{n}#position> <{OA}start> {_lit(m.start)} ."
        yield f"<{n}#position> <{OA}end> {_lit(m.end)} ."


def _mandate(
    base: str, m: Mandate, p: Paragraph, citations: list[Citation]
) -> Iterator[str]:
    n = iri.mandate_iri(_digest(p.doc, p.view, p.source, p.order), base)
    s = f"<{n}>"
    yield f"{s} <{RDF}type> <{ITU}Mandate> ."
    yield f"{s} <{ITU}verb> {_lit(m.verb)} ."
    for who in m.addressees:
        if who.startswith("other:"):
            yield f"{s} <{ITU}otherAddressee> {_lit(who.removeprefix('other:'))} ."
        else:
            yield f"{s} <{ITU}addressee> <{base}{who}> ."
    # its instrument, document, view, section and label are its paragraph's
    yield f"{s} <{ITU}onParagraph> <{paragraph_iri(base, p)}> ."
    for target in m.targets:
        yield f"{s} <{ITU}mandateTarget> <{base}{target}> ."
    for c in citations:
        if c.view == m.view and c.source == m.source and m.start <= c.start < m.end:
            yield f"{s} <{ITU}hasCitation> <{citation_iri(base, m.doc, c)}> ."
    yield from _selectors(n, base, m)


def build_mandates(
    records: Iterable[Record],
    paragraphs: Iterable[Paragraph],
    base: str = iri.DEFAULT_BASE,
) -> list[str]:
    """The N-Triples lines of a document's paragraphs and mandates."""
    records = list(records)
    citations = [r for r in records if isinstance(r, Citation)]
    by_span: dict[tuple[str, str, int, str | None], Paragraph] = {}
    lines: list[str] = []
    for p in paragraphs:
        by_span[(p.view, p.source, p.start, p.label)] = p
        lines += _paragraph(base, p)
    for r in records:
        if isinstance(r, Mandate):
            found = by_span.get((r.view, r.source, r.start, r.paragraph))
            if found is not None:
                lines += _mandate(base, r, found, citations)
    return lines
