"""JSON documents (texts extracted by other tools): every prose string in
document order, each as its own paragraph. A string that opens with an
instrument header ("RESOLUTION 1 (REV.WRC-97) Notification of …") has the header
put on a line of its own, so that each instrument of a compendium is a block."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from itukg.ingest.models import Document
from itukg.ingest.readers.text import decode
from itukg.ontology.errors import UnreadableDocument

_HEADER = re.compile(
    r"^\s*((?:RESOLUTION|DECISION|RECOMMENDATION|OPINION)\s+(?:ITU-R\s+)?\d{1,4}[A-Z]?"
    r"(?:-\d{1,2})?\s*\([^()\n]{1,60}\))\s*"
)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        if " " in value.strip():
            yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def read(path: Path, data: bytes) -> Document:
    raw = decode(path, data)
    try:
        strings = list(_strings(json.loads(raw)))
    except json.JSONDecodeError as exc:
        raise UnreadableDocument(str(path), f"not valid JSON ({exc})") from None
    except RecursionError:
        raise UnreadableDocument(str(path), "JSON nested too deeply") from None
    parts = []
    for s in strings:
        s = s.replace("\r\n", "\n").strip()
        m = _HEADER.match(s)
        if m:
            s = m.group(1) + "\n" + s[m.end() :]
        parts.append(s)
    return Document(
        path=str(path), stem=path.stem, text="\n\n".join(parts) + "\n", fmt="json"
    )
