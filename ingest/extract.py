"""Extract the records of design/contract.md section 2 from a document: every
citation in every view, with its source, target, words, offsets, section,
paragraph and pinpoint, and every amendment block."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from itukg.ingest.find import Mention, find_citations
from itukg.ingest.identify import (
    Identity,
    header_key,
    history_versions,
    identify_document,
)
from itukg.ingest.mandates import find_mandates
from itukg.ingest.models import (
    Amendment,
    Citation,
    Document,
    Paragraph,
    Record,
    View,
)
from itukg.ingest.paragraphs import find_paragraphs
from itukg.ingest.pause import collector_paused
from itukg.ingest.resolve import Context, resolve_citation
from itukg.ingest.sources import read_document
from itukg.ingest.structure import Block, Layout, forget_document, segment_text
from itukg.ingest.views import ViewText, has_changes, render_view, substitutions
from itukg.ontology import keys
from itukg.ontology.errors import InvalidKey


@lru_cache(maxsize=4096)
def _body_of(key: str) -> str | None:
    try:
        parsed = keys.parse_key(key)
    except InvalidKey:
        return None
    return (
        parsed.body
        if parsed.scheme in ("instrument", "opinion", "doc", "final-acts")
        else None
    )


@lru_cache(maxsize=4096)
def _work(key: str) -> str:
    try:
        return keys.work_of(key)
    except InvalidKey:
        return key


@lru_cache(maxsize=256)
def _sector(body: str | None) -> str | None:
    from itukg.ingest.grammar import load_grammar

    return load_grammar().lexicon.sector_of(body) if body else None


def _amendment(
    doc_key: str, ident: Identity, block: Block, cur: str | None, prev: str | None
) -> Amendment:
    action = block.action or "MOD"
    if action == "ADD":
        return Amendment(doc_key, action, block.proposal, None, cur)
    if action == "SUP":
        return Amendment(doc_key, action, block.proposal, cur, None)
    if action == "NOC":
        return Amendment(doc_key, action, block.proposal, cur, cur)
    result = cur
    if cur is not None and cur == prev and ident.conference is not None:
        parsed = keys.parse_key(cur)
        conf = ident.conference
        if (
            parsed.body == conf.body
            and parsed.version
            and int(parsed.version) < conf.year
        ):
            result = str(keys.parse_key(cur).work) + f"/{conf.year}"
    return Amendment(doc_key, action, block.proposal, prev, result)


def _citations(
    mentions: list[Mention],
    view: ViewText,
    layout: Layout,
    block: Block,
    source: str,
    ctx: Context,
    doc_key: str,
) -> list[Citation]:
    out = []
    skip = block.header
    itself = (source, _work(source))  # a block's own instrument is no citation
    for m in mentions:
        if skip and m.start < skip[1] and m.end > skip[0]:
            continue
        res = resolve_citation(m, ctx)
        if res is None:
            continue
        if res.target is not None and res.target in itself:
            continue
        section, paragraph = layout.where(m.start)
        start, end = view.raw(m.start), view.raw_end(m.end)
        out.append(
            Citation(
                doc=doc_key,
                view=view.view,
                source=source,
                target=res.target,
                text=view.words[m.start : m.end],
                start=start,
                end=end,
                section=section,
                paragraph=paragraph,
                pinpoint=m.pinpoint,
                candidates=res.candidates,
            )
        )
    return out


def _by_block(
    mentions: list[Mention], blocks: tuple[Block, ...]
) -> list[list[Mention]]:
    """Mentions grouped by the block they start in (blocks are in text order)."""
    starts = [b.start for b in blocks]
    groups: list[list[Mention]] = [[] for _ in blocks]
    for m in mentions:
        i = bisect_right(starts, m.start) - 1
        if i >= 0:
            groups[i].append(m)
    return groups


def _mentions(
    doc: Document, vt: ViewText, blocks: tuple[Block, ...]
) -> list[tuple[Block, list[Mention]]]:
    """The blocks of a view whose citations are records, each with its mentions:
    every block of the current view; of the previous view, only the blocks that
    carry tracked changes, and the finder reads only those."""
    if vt.view == "current":
        return list(
            zip(blocks, _by_block(find_citations(vt.text), blocks), strict=True)
        )
    return [
        (b, find_citations(vt.text, b.start, b.end))
        for b in blocks
        if has_changes(doc, vt.raw(b.start), vt.raw_end(b.end))
    ]


@dataclass(frozen=True)
class Extraction:
    """What a document says: its records (design/contract.md) and the earlier
    versions that edition-history lines under its headers name."""

    records: list[Record]
    versions: tuple[str, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()


def extract_document(doc: Document) -> list[Record]:
    """All records of one document, citations in text order per view, then the
    amendments."""
    return extract(doc).records


def extract(doc: Document) -> Extraction:
    """The records of one document and the versions its history lines name."""
    with collector_paused():
        return _extract(doc)


def _extract(doc: Document) -> Extraction:
    forget_document()
    views: dict[View, ViewText] = {"current": render_view(doc, "current")}
    tracked = any(c.kind in ("del", "ins") for c in doc.changes) or substitutions(
        doc.text, doc.changes
    )
    if tracked:
        views["previous"] = render_view(doc, "previous")
    layouts = {v: segment_text(vt.text) for v, vt in views.items()}
    cur_text = views["current"].text
    ident = identify_document(cur_text, doc.stem, layouts["current"].blocks)
    doc_key = ident.key
    records: list[Record] = []
    versions: list[str] = []
    headers: dict[tuple[View, int], str | None] = {}
    for view, vt in views.items():
        layout = layouts[view]
        for block, mentions in _mentions(doc, vt, layout.blocks):
            raw_start = vt.raw(block.start)
            found = header_key(vt.text, block, ident.conference)
            headers[(view, raw_start)] = found
            if view == "current":
                versions += history_versions(vt.text, block, found)
            source = found or doc_key
            body = _body_of(source) or (
                ident.conference.body if ident.conference else None
            )
            ctx = Context(body=body, sector=_sector(body))
            records += _citations(mentions, vt, layout, block, source, ctx, doc_key)
    for block in layouts["current"].blocks:
        if block.kind != "amendment":
            continue
        raw_start = views["current"].raw(block.start)
        cur = headers.get(("current", raw_start))
        prev = headers.get(("previous", raw_start), cur)
        records.append(_amendment(doc_key, ident, block, cur, prev))
    read = {v: (views[v], layouts[v]) for v in views}
    paragraphs = _paragraphs(doc, doc_key, headers, read)
    citations = [r for r in records if isinstance(r, Citation)]
    records += find_mandates(paragraphs, citations)
    return Extraction(records, tuple(dict.fromkeys(versions)), tuple(paragraphs))


def _paragraphs(
    doc: Document,
    doc_key: str,
    headers: dict[tuple[View, int], str | None],
    read: dict[View, tuple[ViewText, Layout]],
) -> list[Paragraph]:
    """The paragraphs of the instruments whose headers the document's blocks name."""
    instruments = {
        key for key in headers.values() if key is not None and _is_instrument(key)
    }
    return find_paragraphs(doc, doc_key, headers, instruments, read)


def _is_instrument(key: str) -> bool:
    try:
        return keys.parse_key(key).scheme in ("instrument", "opinion")
    except InvalidKey:
        return False


def extract_path(path: Path) -> list[Record]:
    """Read a file and extract its records (raises UnreadableDocument)."""
    return extract_document(read_document(path))


def extract_text(text: str, name: str = "document.txt") -> list[Record]:
    """Extract the records of a text given as a string (as if read from ``name``)."""
    from itukg.ingest.readers import text as text_reader

    path = Path(name)
    return extract_document(text_reader.read(path, text.encode("utf-8")))
