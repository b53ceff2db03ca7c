"""DOCX (Office Open XML), read directly with the standard library: the body's
paragraphs one per line (table cells and text boxes included), each footnote or
endnote as its own line after the paragraph that refers to it (the mark as a
superscript digit), tracked revisions (``w:ins``/``w:del``, moves, deleted
paragraph marks, deleted table rows) as changes, and formatting-only changes as
``ingest.readers.marks`` reads them. Non-breaking spaces and hyphens
(``w:noBreakHyphen``, as in "ITU‑T") become plain ones, soft hyphens, field codes,
hidden text, headers and footers are dropped, and "all caps" text is upper-cased as
shown."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import astuple, dataclass, replace
from io import BytesIO
from pathlib import Path

from itukg.ingest.models import ChangeKind, Document
from itukg.ingest.readers import limits
from itukg.ingest.readers.marks import Para, Run, compose, superscript
from itukg.ontology.errors import UnreadableDocument, UnsupportedFormat

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFF = {"0", "false", "off", "none"}
_PLAIN = str.maketrans({"\u00a0": " ", "\u2011": "-", "\u00ad": None})
_CHANGE: dict[str, ChangeKind] = {
    "ins": "ins",
    "moveTo": "ins",
    "del": "del",
    "moveFrom": "del",
}
_TRANSPARENT = {
    "smartTag",
    "customXml",
    "fldSimple",
    "sdtContent",
    "dir",
    "bdo",
}
_NOT_WORD = {
    "xl/workbook.xml": "an Excel workbook",
    "ppt/presentation.xml": "a PowerPoint presentation",
    "content.xml": "an OpenDocument file",
}


@dataclass(frozen=True)
class _Props:
    """The run properties that matter here; None = inherited."""

    strike: bool | None = None
    underline: bool | None = None
    colour: bool | None = None
    caps: bool | None = None
    vanish: bool | None = None
    raised: bool | None = None

    def over(self, base: _Props) -> _Props:
        mine, theirs = astuple(self), astuple(base)
        return _Props(
            *(a if a is not None else b for a, b in zip(mine, theirs, strict=True))
        )


@dataclass(frozen=True)
class _Ctx:
    """Where inline content stands: its tracked revision, in a link or not."""

    kind: ChangeKind | None = None
    link: bool = False
    pstyle: str | None = None

    def within(self, kind: ChangeKind | None) -> _Ctx:
        return replace(self, kind=_combine(self.kind, kind))


def _combine(outer: ChangeKind | None, inner: ChangeKind | None) -> ChangeKind | None:
    """Text inserted and then deleted (or the reverse) is in neither view."""
    if outer is None or inner is None or outer == inner:
        return outer or inner
    return "markup"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _val(el: ET.Element | None) -> str | None:
    return None if el is None else el.get(f"{W}val")


def _flag(rpr: ET.Element, *names: str) -> bool | None:
    found = [rpr.find(f"{W}{n}") for n in names]
    present = [e for e in found if e is not None]
    if not present:
        return None
    return any((_val(e) or "true").lower() not in _OFF for e in present)


def _props(rpr: ET.Element | None) -> _Props:
    if rpr is None:
        return _Props()
    u, colour = rpr.find(f"{W}u"), rpr.find(f"{W}color")
    return _Props(
        strike=_flag(rpr, "strike", "dstrike"),
        underline=None if u is None else (_val(u) or "single") not in _OFF,
        colour=None
        if colour is None
        else (_val(colour) or "auto").lower() not in ("auto", "000000"),
        caps=_flag(rpr, "caps"),
        vanish=_flag(rpr, "vanish"),
        raised=_raised(rpr),
    )


def _raised(rpr: ET.Element) -> bool | None:
    """Superscript, or set above the baseline by ``w:position``."""
    align, position = rpr.find(f"{W}vertAlign"), _val(rpr.find(f"{W}position"))
    if align is not None:
        return _val(align) == "superscript"
    if position is not None:
        return position.lstrip("-").isdigit() and int(position) > 0
    return None


class _Styles:
    """Paragraph and character styles, resolved through ``w:basedOn``."""

    def __init__(self, root: ET.Element | None) -> None:
        self.raw: dict[str, ET.Element] = {}
        self.links: set[str] = set()
        self.default_para: str | None = None
        self.resolved: dict[str, _Props] = {}
        self.defaults = _Props()
        if root is None:
            return
        self.defaults = _props(root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr"))
        for style in root.iter(f"{W}style"):
            sid = style.get(f"{W}styleId")
            if sid is None:
                continue
            self.raw[sid] = style
            name = _val(style.find(f"{W}name")) or ""
            if "hyperlink" in (sid + name).lower():
                self.links.add(sid)
            if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in (
                "1",
                "true",
            ):
                self.default_para = sid

    def props(self, sid: str | None, seen: frozenset[str] = frozenset()) -> _Props:
        if sid is None or sid not in self.raw or sid in seen:
            return _Props()
        if sid not in self.resolved:
            style = self.raw[sid]
            base = self.props(_val(style.find(f"{W}basedOn")), seen | {sid})
            self.resolved[sid] = _props(style.find(f"{W}rPr")).over(base)
        return self.resolved[sid]


def _children(el: ET.Element, name: str) -> Iterator[ET.Element]:
    """The ``w:{name}`` children of a table or row, also inside content controls
    (``w:sdt``) and custom XML, but not those of a nested table."""
    for child in el:
        local = _local(child.tag)
        if local == name:
            yield child
        elif local in ("sdt", "sdtContent", "customXml"):
            yield from _children(child, name)


@dataclass(frozen=True)
class _Package:
    """The parts of a Word package that are read."""

    body: ET.Element
    styles: _Styles
    notes: dict[tuple[str, str], ET.Element]  # (kind, id) -> w:footnote/w:endnote


def _inflate(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    with z.open(info) as part:
        while chunk := part.read(limits.CHUNK):
            yield chunk


def _xml(
    z: zipfile.ZipFile, name: str, path: Path, budget: limits.Budget
) -> ET.Element | None:
    """A part, parsed as it is inflated: refused past the caps of
    ``ingest.readers.limits`` (bytes actually inflated, elements, depth)."""
    try:
        info = z.getinfo(name)
    except KeyError:
        return None
    cap = min(budget.limits.inflated_part, budget.left)
    counted = _Counted(_inflate(z, info))
    try:
        return limits.parse_xml(str(path), name, counted, cap, budget.limits)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        reason = f"{name} cannot be inflated ({exc})"
        raise UnreadableDocument(str(path), reason) from None
    finally:
        budget.left -= counted.size


class _Counted:
    """Chunks passed through, their total size kept."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self.chunks = chunks
        self.size = 0

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.chunks:
            self.size += len(chunk)
            yield chunk


def _targets(
    z: zipfile.ZipFile, rels: str, base: str, path: Path, budget: limits.Budget
) -> dict[str, str]:
    """Relationship type (its last word) -> part name."""
    root = _xml(z, rels, path, budget)
    out: dict[str, str] = {}
    for rel in [] if root is None else root.iter(f"{_RELS}Relationship"):
        target = rel.get("Target", "")
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        if rel.get("TargetMode") == "External" or not target:
            continue
        name = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.join(base, target)
        )
        out.setdefault(kind, posixpath.normpath(name))
    return out


def _package(z: zipfile.ZipFile, path: Path) -> _Package:
    budget = limits.Budget()
    main = _targets(z, "_rels/.rels", "", path, budget).get(
        "officeDocument", "word/document.xml"
    )
    root = _xml(z, main, path, budget)
    body = None if root is None else root.find(f"{W}body")
    if body is None:
        names = set(z.namelist())
        what = next((v for k, v in _NOT_WORD.items() if k in names), None)
        raise UnsupportedFormat(
            str(path),
            f"unsupported format: {what or 'a ZIP container'} is not a Word document",
        )
    folder, leaf = posixpath.split(main)
    rels = posixpath.join(folder, "_rels", leaf + ".rels")
    parts = _targets(z, rels, folder, path, budget)
    notes: dict[tuple[str, str], ET.Element] = {}
    for kind in ("footnote", "endnote"):
        part = _xml(z, parts.get(kind + "s", f"word/{kind}s.xml"), path, budget)
        for note in [] if part is None else part.iter(f"{W}{kind}"):
            if note.get(f"{W}type") in (None, "normal"):
                notes[(kind, note.get(f"{W}id", ""))] = note
    styles = _Styles(_xml(z, parts.get("styles", "word/styles.xml"), path, budget))
    return _Package(body, styles, notes)


class _Reader:
    """Walks the body and collects its paragraphs of runs."""

    def __init__(self, package: _Package) -> None:
        self.pkg = package
        self.paras: list[Para] = []
        self.runs: list[Run] = []
        self.pending: list[tuple[ET.Element, _Ctx, str]] = []
        self.notes_seen = 0
        self.note_mark = ""

    def blocks(self, el: ET.Element, ctx: _Ctx) -> None:
        for child in el:
            name = _local(child.tag)
            if name == "p":
                self.paragraph(child, ctx)
            elif name == "tbl":
                self.table(child, ctx)
            elif name in _CHANGE:
                self.blocks(child, ctx.within(_CHANGE[name]))
            elif name in ("sdt", "sdtContent", "customXml"):
                self.blocks(child, ctx)

    def table(self, tbl: ET.Element, ctx: _Ctx) -> None:
        for row in _children(tbl, "tr"):
            kind: ChangeKind | None = None
            trpr = row.find(f"{W}trPr")
            if trpr is not None and trpr.find(f"{W}del") is not None:
                kind = "del"
            elif trpr is not None and trpr.find(f"{W}ins") is not None:
                kind = "ins"
            for cell in _children(row, "tc"):
                self.blocks(cell, ctx.within(kind))

    def paragraph(self, p: ET.Element, ctx: _Ctx) -> None:
        ppr = p.find(f"{W}pPr")
        pstyle = _val(ppr.find(f"{W}pStyle")) if ppr is not None else None
        mark = ppr.find(f"{W}rPr") if ppr is not None else None
        end: ChangeKind | None = None
        if mark is not None and mark.find(f"{W}del") is not None:
            end = "del"
        elif mark is not None and mark.find(f"{W}ins") is not None:
            end = "ins"
        pending: list[tuple[ET.Element, _Ctx, str]] = []
        self.runs, self.pending = [], pending
        self.inline(p, replace(ctx, pstyle=pstyle or self.pkg.styles.default_para))
        self.paras.append(Para(tuple(self.runs), _combine(ctx.kind, end)))
        for el, inner, mark_text in pending:
            saved, self.note_mark = self.note_mark, mark_text
            self.blocks(el, inner)
            self.note_mark = saved

    def inline(self, el: ET.Element, ctx: _Ctx) -> None:
        for child in el:
            name = _local(child.tag)
            if name == "r":
                self.run(child, ctx)
            elif name in _CHANGE:
                self.inline(child, ctx.within(_CHANGE[name]))
            elif name == "hyperlink":
                self.inline(child, replace(ctx, link=True))
            elif name in _TRANSPARENT or name == "sdt":
                self.inline(child, ctx)
            elif name == "AlternateContent" or name in ("drawing", "pict", "object"):
                self.boxes(child, ctx)

    def boxes(self, el: ET.Element, ctx: _Ctx) -> None:
        """Text boxes inside a drawing: their paragraphs follow this one."""
        if _local(el.tag) == "AlternateContent":
            choice = next(iter(el), None)  # mc:Choice, not its mc:Fallback copy
            if choice is not None:
                self.boxes(choice, ctx)
            return
        for child in el:
            if child.tag == f"{W}txbxContent":
                self.pending.append((child, ctx, ""))
            else:
                self.boxes(child, ctx)

    def run(self, r: ET.Element, ctx: _Ctx) -> None:
        styles = self.pkg.styles
        rpr = r.find(f"{W}rPr")
        rstyle = _val(rpr.find(f"{W}rStyle")) if rpr is not None else None
        props = (
            _props(rpr)
            .over(styles.props(rstyle))
            .over(styles.props(ctx.pstyle))
            .over(styles.defaults)
        )
        if props.vanish:
            return
        text = "".join(self.pieces(r, ctx)).translate(_PLAIN)
        if props.caps and len(text.upper()) == len(text):
            text = text.upper()
        if props.raised:
            text = superscript(text)
        link = ctx.link or rstyle in styles.links
        marked = bool(props.underline or props.colour) and not link
        self.runs.append(Run(text, ctx.kind, bool(props.strike), marked))

    def pieces(self, r: ET.Element, ctx: _Ctx) -> list[str]:
        out: list[str] = []
        for child in r:
            name = _local(child.tag)
            if name in ("t", "delText"):
                out.append(child.text or "")
            elif name in ("tab", "ptab"):
                out.append("\t")
            elif name in ("br", "cr"):  # a page or column break is not a line's end
                kind = child.get(f"{W}type")
                out.append(" " if kind in ("page", "column") else "\n")
            elif name == "noBreakHyphen":
                out.append("-")
            elif name in ("footnoteReference", "endnoteReference"):
                out.append(self.note(child, name[:-9], ctx))
            elif name in ("footnoteRef", "endnoteRef"):
                out.append(self.note_mark)
            elif name in ("drawing", "pict", "object", "AlternateContent"):
                self.boxes(child, ctx)
        return out

    def note(self, ref: ET.Element, kind: str, ctx: _Ctx) -> str:
        """A note reference: its mark here, its text after this paragraph."""
        note = self.pkg.notes.get((kind, ref.get(f"{W}id", "")))
        if note is None:
            return ""
        self.notes_seen += 1
        custom = ref.get(f"{W}customMarkFollows") in ("1", "true", "on")
        mark = "" if custom else superscript(str(self.notes_seen))
        self.pending.append((note, ctx, mark))
        return mark


def read(path: Path, data: bytes) -> Document:
    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            package = _package(z, path)
    except zipfile.BadZipFile as exc:
        raise UnreadableDocument(
            str(path), f"not a readable ZIP container ({exc})"
        ) from None
    reader = _Reader(package)
    reader.blocks(package.body, _Ctx())
    text, changes = compose(reader.paras)
    if not text.strip():
        raise UnreadableDocument(str(path), "the Word document has no text")
    return Document(
        path=str(path), stem=path.stem, text=text, changes=changes, fmt="docx"
    )
