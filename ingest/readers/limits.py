"""How much of a file the readers take in, enforced while reading: a hostile or
broken file is refused with a one-line reason before it can take the machine.

- text, markdown, JSON, Akoma Ntoso and HTML: the file's size and its number of
  lines;
- XML (Akoma Ntoso, and each part of a DOCX package): parsed incrementally, with
  caps on the bytes actually inflated from the ZIP container (whatever its
  headers declare: a zip bomb stops at the cap), on the number of elements and on
  their nesting depth;
- every format: the length of a line of the text a reader yields.

The figures are far above any real document of the corpus (its largest file is
1.5 MB; a DOCX's document.xml rarely passes 20 MB)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from itukg.ontology.errors import UnreadableDocument

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    text_bytes: int = 64 * MB  # a text-like file (text, markdown, JSON, XML, HTML)
    lines: int = 2_000_000  # lines of a text-like file
    line_chars: int = 4_000_000  # characters of one line of the text read
    inflated_part: int = 96 * MB  # bytes inflated from one part of a package
    inflated_total: int = 192 * MB  # bytes inflated from all parts of a package
    elements: int = 1_000_000  # XML elements of one part or file
    depth: int = 256  # nesting of XML elements


LIMITS = Limits()
CHUNK = 1 << 20


def check_text(path: str, data: bytes, limits: Limits = LIMITS) -> None:
    """Refuse a text-like file past the size or line caps."""
    if len(data) > limits.text_bytes:
        raise UnreadableDocument(
            path, f"too large for a text document ({len(data)} bytes; limit "
            f"{limits.text_bytes})",
        )  # fmt: skip
    lines = data.count(b"\n")
    if lines > limits.lines:
        raise UnreadableDocument(
            path, f"too many lines ({lines}; limit {limits.lines})"
        )


def check_lines(path: str, text: str, limits: Limits = LIMITS) -> None:
    """Refuse a text (as a reader yields it) with a line past the cap."""
    if len(text) <= limits.line_chars:
        return  # no line of it can be longer (the scan below reads every line)
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > limits.line_chars:
            raise UnreadableDocument(
                path, f"a line of {end - start} characters (limit {limits.line_chars})"
            )
        start = end + 1


class Budget:
    """The bytes a package may still inflate (all its parts together)."""

    def __init__(self, limits: Limits = LIMITS) -> None:
        self.limits = limits
        self.left = limits.inflated_total


def parse_xml(
    path: str, what: str, chunks: Iterable[bytes], cap: int, limits: Limits = LIMITS
) -> ET.Element:
    """Parse XML fed in chunks; refuse it past ``cap`` bytes, the element cap or
    the depth cap, and when it is not well-formed."""
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start", "end"))
    size = depth = elements = 0
    root: ET.Element | None = None
    try:
        for chunk in chunks:
            size += len(chunk)
            if size > cap:
                raise UnreadableDocument(
                    path, f"{what} inflates past {cap} bytes (a zip bomb?)"
                )
            parser.feed(chunk)
            for event in parser.read_events():
                kind, el = cast(tuple[str, Any], event)
                if kind == "end":
                    depth -= 1
                    continue
                if root is None and isinstance(el, ET.Element):
                    root = el
                depth, elements = depth + 1, elements + 1
                if depth > limits.depth or elements > limits.elements:
                    raise UnreadableDocument(path, _too_much(what, depth, limits))
        parser.close()
    except ET.ParseError as exc:
        raise UnreadableDocument(path, f"{what} is not well-formed ({exc})") from None
    if root is None:
        raise UnreadableDocument(path, f"{what} is empty")
    return root


def _too_much(what: str, depth: int, limits: Limits) -> str:
    if depth > limits.depth:
        return f"{what} nests elements deeper than {limits.depth}"
    return f"{what} has more than {limits.elements} elements"


def pieces(data: bytes) -> Iterable[bytes]:
    """``data`` in chunks, for ``parse_xml``."""
    for start in range(0, len(data), CHUNK):
        yield data[start : start + CHUNK]
