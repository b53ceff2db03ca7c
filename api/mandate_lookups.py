"""The mandate and lineage lookups: each runs a named query (``mandates-of``,
``mandates-to``, ``lineage``) and shapes its rows into response models; and what
the pages draw from them (the operative part grouped by addressee, two versions
side by side with the changed words marked)."""

from __future__ import annotations

from difflib import SequenceMatcher

from pydantic import BaseModel, Field

from itukg.api.cache import Runner
from itukg.api.schemas import Value

NO_ADDRESSEE = "(the conference itself)"


class MandateOut(BaseModel):
    """What one operative paragraph tells whom to do (design/contract.md section 4)."""

    instrument: str
    document: str
    view: str
    section: str
    paragraph: str | None = None
    verb: str
    addressees: list[str] = Field(description="actor keys; other:… outside the list")
    targets: list[str] = Field(default_factory=list, description="keys it cites")
    text: str
    in_force: bool | None = None


class LineageOut(BaseModel):
    """One paragraph between two consecutive versions of a work."""

    work: str
    from_version: str
    to_version: str
    section: str | None = None
    from_paragraph: str | None = None
    to_paragraph: str | None = None
    status: str
    from_text: str | None = None
    to_text: str | None = None


def _str(v: Value) -> str | None:
    return None if v is None else str(v)


def mandates_of(q: Runner, key: str) -> list[MandateOut]:
    """The mandates of a version, one per paragraph, addressees gathered."""
    found: dict[tuple[str, str, str, str | None, str], MandateOut] = {}
    for r in q.run("mandates-of", {"instrument": key}).records():
        ident = (str(r["doc"]), str(r["view"]), str(r["section"]),
                 _str(r["paragraph"]), str(r["text"]))  # fmt: skip
        m = found.get(ident)
        if m is None:
            m = found[ident] = MandateOut(
                instrument=key,
                document=ident[0],
                view=ident[1],
                section=ident[2],
                paragraph=ident[3],
                verb=str(r["verb"]),
                addressees=[],
                targets=str(r["targets"] or "").split(),
                text=ident[4],
            )
        if r["addressee"] is not None and str(r["addressee"]) not in m.addressees:
            m.addressees.append(str(r["addressee"]))
    return list(found.values())


def mandates_to(q: Runner, addressee: str, top: str | None = None) -> list[MandateOut]:
    """What instruments ask of one addressee, versions in force first: those of
    the first ``top`` versions (the query's default when None; "all")."""
    params = {"addressee": addressee} | ({} if top is None else {"top": top})
    return [
        MandateOut(
            instrument=str(r["instrument"]),
            document=str(r["doc"]),
            view=str(r["view"]),
            section=str(r["section"]),
            paragraph=_str(r["paragraph"]),
            verb=str(r["verb"]),
            addressees=[addressee],
            text=str(r["text"]),
            in_force=bool(r["in_force"]),
        )
        for r in q.run("mandates-to", params).records()
    ]


def lineage(q: Runner, work: str) -> list[LineageOut]:
    return [
        LineageOut(
            work=str(r["work_key"]),
            from_version=str(r["from_version"]),
            to_version=str(r["to_version"]),
            section=_str(r["section"]),
            from_paragraph=_str(r["from_paragraph"]),
            to_paragraph=_str(r["to_paragraph"]),
            status=str(r["status"]),
            from_text=_str(r["from_text"]),
            to_text=_str(r["to_text"]),
        )
        for r in q.run("lineage", {"work": work}).records()
    ]


def by_addressee(mandates: list[MandateOut]) -> list[tuple[str, list[MandateOut]]]:
    """The operative part of one view grouped by addressee, in order of appearance
    (a paragraph addressed to two actors stands under both)."""
    groups: dict[str, list[MandateOut]] = {}
    for m in mandates:
        for who in m.addressees or [NO_ADDRESSEE]:
            groups.setdefault(who, []).append(m)
    return list(groups.items())


Run = tuple[str, bool]  # words and whether they changed


def marked(old: str, new: str) -> tuple[list[Run], list[Run]]:
    """The words of two paragraphs in runs, the changed runs flagged on each side."""
    a, b = old.split(), new.split()
    left: list[Run] = []
    right: list[Run] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(
        None, a, b, autojunk=False
    ).get_opcodes():
        if i2 > i1:
            left.append((" ".join(a[i1:i2]), tag != "equal"))
        if j2 > j1:
            right.append((" ".join(b[j1:j2]), tag != "equal"))
    return left, right
