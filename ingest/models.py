"""The values that flow through the ingest stages: frozen dataclasses."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from itukg.ontology.quick import quick

ChangeKind = Literal["del", "ins", "markup"]
View = Literal["current", "previous"]


@quick
@dataclass(frozen=True)
class Change:
    """A span of the document text that belongs to one view only (``del``: the
    previous view, ``ins``: the current view) or to neither (``markup``)."""

    start: int
    end: int
    kind: ChangeKind


@dataclass(frozen=True)
class Document:
    """A file as read: its plain text (all offsets refer to it) and its changes."""

    path: str
    stem: str
    text: str
    changes: tuple[Change, ...] = ()
    fmt: str = "text"


@quick
@dataclass(frozen=True)
class Citation:
    """One citation in one view, as ``itukg extract`` prints it."""

    doc: str
    view: View
    source: str
    target: str | None
    text: str
    start: int
    end: int
    section: str | None = None
    paragraph: str | None = None
    pinpoint: str | None = None
    candidates: tuple[str, ...] = field(default=())
    type: Literal["citation"] = "citation"

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["candidates"] = list(self.candidates)
        if self.target is not None:
            del out["candidates"]
        return {"type": out.pop("type"), **out}

    def to_dict(self) -> dict[str, Any]:
        """The record as the JSON object of `itukg extract --format jsonl`."""
        return self.to_json()


@quick
@dataclass(frozen=True)
class Amendment:
    """One MOD / ADD / SUP / NOC block of a proposal document."""

    doc: str
    action: str
    proposal: str | None
    target: str | None
    result: str | None
    type: Literal["amendment"] = "amendment"

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        return {"type": out.pop("type"), **out}

    def to_dict(self) -> dict[str, Any]:
        """The record as the JSON object of `itukg extract --format jsonl`."""
        return self.to_json()


@quick
@dataclass(frozen=True)
class Paragraph:
    """A top-level labelled paragraph of an instrument in one view (or the text of a
    heading that has no labelled paragraph, ``label`` None): the unit of mandates
    and of lineage (design/contract.md section 4)."""

    doc: str
    view: View
    source: str
    section: str
    label: str | None
    order: int  # its place among the paragraphs of (doc, view, source)
    text: str  # its words in that view, label excluded
    start: int  # offsets of those words in the document text
    end: int


@quick
@dataclass(frozen=True)
class Mandate:
    """What an operative paragraph tells whom to do, as ``itukg extract`` prints it."""

    doc: str
    view: View
    source: str
    verb: str
    addressees: tuple[str, ...]
    section: str
    paragraph: str | None
    text: str
    start: int
    end: int
    targets: tuple[str, ...] = ()
    type: Literal["mandate"] = "mandate"

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["addressees"] = list(self.addressees)
        out["targets"] = list(self.targets)
        return {"type": out.pop("type"), **out}

    def to_dict(self) -> dict[str, Any]:
        """The record as the JSON object of `itukg extract --format jsonl`."""
        return self.to_json()


Record = Citation | Amendment | Mandate


@dataclass(frozen=True)
class Lineage:
    """One paragraph between two consecutive versions of a work, as ``itukg
    lineage`` prints it (design/contract.md section 4); ``modified`` records also
    carry the words inserted and deleted."""

    work: str
    from_version: str
    to_version: str
    section: str | None
    from_paragraph: str | None
    to_paragraph: str | None
    status: str  # kept, modified, moved, added, deleted
    inserted: tuple[str, ...] = ()
    deleted: tuple[str, ...] = ()
    type: Literal["lineage"] = "lineage"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.type,
            "work": self.work,
            "from": self.from_version,
            "to": self.to_version,
            "section": self.section,
            "from_paragraph": self.from_paragraph,
            "to_paragraph": self.to_paragraph,
            "status": self.status,
        }
        if self.status == "modified":
            out["inserted"] = list(self.inserted)
            out["deleted"] = list(self.deleted)
        return out

    def to_dict(self) -> dict[str, Any]:
        """The record as the JSON object of `itukg lineage --format jsonl`."""
        return self.to_json()
