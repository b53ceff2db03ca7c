"""HTML, with the standard library's parser: every block (paragraph, heading, list
item, table cell, ``<br>``) on its own line, white space collapsed as a browser
does (kept in ``<pre>``), scripts, styles and the ``<head>`` dropped. ``<del>``
is deleted and ``<ins>`` inserted text; ``<s>``, ``<strike>`` and a
``line-through`` style strike text, ``<u>`` and an ``underline`` style mark it, and
``ingest.readers.marks`` decides what those formatting marks mean."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from itukg.ingest.models import ChangeKind, Document
from itukg.ingest.readers import limits
from itukg.ingest.readers.marks import Para, Run, compose, superscript
from itukg.ontology.errors import UnreadableDocument

_BLOCKS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
}
_SKIPPED = {"head", "script", "style", "template", "noscript", "title"}
_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
_KINDS: dict[str, ChangeKind] = {"del": "del", "ins": "ins"}
_STRUCK = {"s", "strike"}
_MARKED = {"u"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)
_SPACE = re.compile(r"[ \t\r\n\f]+")


@dataclass(frozen=True)
class _Open:
    """An open element and the marks it puts on its text."""

    tag: str
    kind: ChangeKind | None = None
    struck: bool = False
    marked: bool = False
    link: bool = False
    raised: bool = False
    skipped: bool = False
    pre: bool = False


@dataclass
class _State:
    paras: list[Para] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)
    stack: list[_Open] = field(default_factory=list)


def _open(tag: str, attrs: list[tuple[str, str | None]]) -> _Open:
    style = " ".join(v or "" for k, v in attrs if k == "style").lower()
    return _Open(
        tag=tag,
        kind=_KINDS.get(tag),
        struck=tag in _STRUCK or "line-through" in style,
        marked=tag in _MARKED or "underline" in style,
        link=tag == "a" and any(k == "href" for k, _ in attrs),
        raised=tag == "sup",
        skipped=tag in _SKIPPED,
        pre=tag in ("pre", "textarea"),
    )


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.state = _State()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS or tag == "br":
            self.end_paragraph()
        if tag not in _VOID:
            self.state.stack.append(_open(tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS or tag == "br":
            self.end_paragraph()

    def handle_endtag(self, tag: str) -> None:
        stack = self.state.stack
        for i in range(len(stack) - 1, -1, -1):
            if stack[i].tag == tag:
                del stack[i:]
                break
        if tag in _BLOCKS:
            self.end_paragraph()

    def handle_data(self, data: str) -> None:
        stack = self.state.stack
        if any(o.skipped for o in stack):
            return
        if not any(o.pre for o in stack):
            data = _SPACE.sub(" ", data)
        if any(o.raised for o in stack):
            data = superscript(data)
        kind: ChangeKind | None = None
        for o in stack:
            if o.kind is not None:
                kind = o.kind if kind in (None, o.kind) else "markup"
        link = any(o.link for o in stack)
        self.state.runs.append(
            Run(
                data.replace("\u00a0", " "),
                kind,
                struck=any(o.struck for o in stack),
                marked=any(o.marked for o in stack) and not link,
            )
        )

    def end_paragraph(self) -> None:
        runs = _trim(self.state.runs)
        if runs:
            self.state.paras.append(Para(tuple(runs)))
        self.state.runs = []


def _trim(runs: list[Run]) -> list[Run]:
    """A paragraph's runs without the white space at its ends (and no doubled
    spaces where two runs meet)."""
    out: list[Run] = []
    spaced = True  # at the start, or after a space
    for run in runs:
        text = run.text
        if spaced and "\n" not in text:
            text = text.lstrip(" ")
        if text:
            out.append(Run(text, run.kind, run.struck, run.marked))
            spaced = text.endswith(" ")
    while out and not out[-1].text.rstrip(" "):
        out.pop()
    if out:
        last = out[-1]
        out[-1] = Run(last.text.rstrip(" "), last.kind, last.struck, last.marked)
    return out


def _decode(path: Path, data: bytes) -> str:
    m = _CHARSET.search(data[:4096])
    names = [m.group(1).decode("ascii", "replace")] if m else []
    for name in [*names, "utf-8-sig", "cp1252"]:
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    raise UnreadableDocument(str(path), "HTML in an unknown text encoding")


def read(path: Path, data: bytes) -> Document:
    if not data.strip():
        raise UnreadableDocument(str(path), "empty file")
    limits.check_text(str(path), data)
    parser = _Parser()
    parser.feed(_decode(path, data))
    parser.close()
    parser.end_paragraph()
    text, changes = compose(parser.state.paras)
    if not text.strip():
        raise UnreadableDocument(str(path), "the HTML page has no text")
    return Document(
        path=str(path), stem=path.stem, text=text, changes=changes, fmt="html"
    )
