"""Akoma Ntoso XML: the text of every block on its own line (headings, recitals,
numbered paragraphs with their ``num``), ``ins``/``del`` as tracked changes, and the
header of each instrument of a collection (``docType`` + ``docNumber``)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from itukg.ingest.models import Change, Document
from itukg.ingest.readers import limits
from itukg.ontology.errors import UnreadableDocument

_SKIP = {"meta", "componentRef", "noteRef"}
_BLOCKS = {
    "p",
    "heading",
    "subheading",
    "intro",
    "wrapUp",
    "recital",
    "paragraph",
    "point",
    "item",
    "list",
    "blockList",
    "container",
    "formula",
    "hcontainer",
    "component",
    "longTitle",
    "preface",
    "preamble",
    "mainBody",
    "conclusions",
    "attachment",
    "tblock",
    "li",
    "tr",
    "section",
    "article",
    "clause",
    "subparagraph",
    "citation",
    "citations",
    "recitals",
    "body",
    "annex",
}
_SPACED = {"docType", "num", "docStatus", "docProponent"}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


class _Renderer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.changes: list[Change] = []
        self.line_has_text = False
        self.line_is_label = False

    def write(self, s: str) -> None:
        if not s:
            return
        s = " ".join(s.split()) + (" " if s[-1:].isspace() else "")
        if s.strip() == "":
            s = " " if self.line_has_text and not self._ends_space() else ""
        if not self.line_has_text:
            s = s.lstrip()
        if not s:
            return
        self.parts.append(s)
        self.size += len(s)
        self.line_has_text = True

    def _ends_space(self) -> bool:
        return bool(self.parts) and self.parts[-1][-1:] in " \n"

    def newline(self) -> None:
        if self.line_has_text and not self.line_is_label:
            while self.parts and self.parts[-1].endswith(" "):
                self.parts[-1] = self.parts[-1][:-1]
                self.size -= 1
            self.parts.append("\n")
            self.size += 1
            self.line_has_text = False

    def render(self, el: ET.Element) -> None:
        name = _local(el.tag)
        if name in _SKIP:
            return
        block = name in _BLOCKS
        if block:
            self.newline()
        start = self.size
        if name == "num":
            self.line_is_label = True
        elif block:
            self.line_is_label = False
        self.write(el.text or "")
        for child in el:
            self.render(child)
            self.write(child.tail or "")
        if name in ("del", "ins"):
            self.changes.append(
                Change(start, self.size, "del" if name == "del" else "ins")
            )
        if name in _SPACED and not self._ends_space():
            self.write(" ")
        if block:
            self.line_is_label = False
            self.newline()
        if name == "component":
            self.parts.append("\n")
            self.size += 1


def read(path: Path, data: bytes) -> Document:
    if not data.strip():
        raise UnreadableDocument(str(path), "empty file")
    limits.check_text(str(path), data)
    root = limits.parse_xml(
        str(path), "the XML", limits.pieces(data), limits.LIMITS.text_bytes
    )
    if _local(root.tag) != "akomaNtoso":
        raise UnreadableDocument(
            str(path),
            f"unsupported format: XML root <{_local(root.tag)}> is not Akoma Ntoso",
        )
    r = _Renderer()
    r.render(root)
    text = "".join(r.parts).strip("\n") + "\n"
    lead = len("".join(r.parts)) - len("".join(r.parts).lstrip("\n"))
    changes = tuple(
        Change(c.start - lead, c.end - lead, c.kind)
        for c in r.changes
        if c.end > c.start
    )
    return Document(
        path=str(path), stem=path.stem, text=text, changes=changes, fmt="akn"
    )
