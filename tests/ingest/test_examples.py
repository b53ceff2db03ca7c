"""End-to-end cases: every ``examples/*.gold.json`` against the extractor.

Each gold file sits beside its document (``<stem>.txt`` or ``<stem>.md``) and is
scored exactly like ``../shared/tools/score-extract``: citation edges are compared as
sets of ``(view, source, target)`` restricted to the scored key prefixes of
design/contract.md, ignoring targets equal to their source or to the source's work
key; amendments are compared as sets of ``(action, proposal, target, result)``.

Beyond the scorer, a gold file may list ``ambiguous`` citations (reported with
``target`` null and a set of ``candidates``) and ``unscored`` keys (``itu/...``,
``wsis/...``), which are checked for form only.
"""

from __future__ import annotations

import functools
import importlib
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
GOLDS = sorted(EXAMPLES.glob("*.gold.json"))
DOC_SUFFIXES = (".txt", ".md", ".html")

SCORED = frozenset(
    {"pp", "council", "wtdc", "wtsa", "wrc", "ra", "wtpf", "wcit", "unga"}
    | {"itu-t", "itu-r", "itu-d"}
)
VIEWS = ("current", "previous")
ACTIONS = ("MOD", "ADD", "SUP", "NOC")

Edge = tuple[str, str, str]
AmendmentRow = tuple[str, str | None, str | None, str | None]

# The key grammar of design/contract.md section 1, one alternative per row.
_BODY = r"(?:pp|council|wtdc|wtsa|wrc|ra|wtpf|wcit)"
KEY = re.compile(
    "|".join(
        [
            rf"{_BODY}/(?:res|dec|rec)/[0-9a-z]+(?:/\d{{4}})?",
            r"wtpf/opinion/\d+/\d{4}",
            r"ra/res/\d+(?:-\d+)?",
            r"unga/res/\d{1,3}/\d{1,4}[a-z]?",
            r"itu-t/rec/[a-z]{1,4}\.\d+(?:\.\d+)*",
            r"itu-r/rec/[a-z]{1,4}\.\d+(?:\.\d+)*(?:-\d+)?",
            r"itu-[tdr]/question/\d+[a-z]?(?:-\d+)?/\d+",
            r"itu/(?:constitution|convention|rr)/(?:art|no)/\d+[a-z]*(?:\.\d+[a-z]*)*",
            r"wsis/(?:geneva-declaration|geneva-plan-of-action|tunis-commitment"
            r"|tunis-agenda|action-line/c(?:[1-9]|1[01]))",
            rf"{_BODY}/\d{{4}}/doc/\d+(?:/(?:add|rev)/\d+)?",
            rf"{_BODY}/\d{{4}}/final-acts",
            r"doc/[^/\s]+",
        ]
    )
)


# ---------------------------------------------------------------- scoring rules


def scored(key: object) -> bool:
    return isinstance(key, str) and key.split("/", 1)[0] in SCORED


def work_of(key: str) -> str | None:
    """The work key of a version key ending in a year: pp/res/130/2014 -> pp/res/130."""
    head, _, last = key.rpartition("/")
    return head if len(last) == 4 and last.isdigit() else None


def gold_edges(gold: dict[str, Any]) -> set[Edge]:
    return {
        (view, source, target)
        for view, by_source in gold.get("citations", {}).items()
        for source, targets in by_source.items()
        for target in targets
        if scored(target)
    }


def gold_amendments(gold: dict[str, Any]) -> set[AmendmentRow]:
    return {
        (a["action"], a.get("proposal"), a.get("target"), a.get("result"))
        for a in gold.get("amendments", [])
    }


def record_edges(records: Iterable[Any]) -> set[Edge]:
    edges = set()
    for r in citations(records):
        if scored(r.target) and r.target not in (r.source, work_of(r.source)):
            edges.add((r.view, r.source, r.target))
    return edges


def record_amendments(records: Iterable[Any]) -> set[AmendmentRow]:
    return {
        (r.action, r.proposal, r.target, r.result)
        for r in records
        if r.type == "amendment"
    }


def citations(records: Iterable[Any]) -> list[Any]:
    return [r for r in records if r.type == "citation"]


# ---------------------------------------------------------------- fixtures


def document_of(gold_path: Path) -> Path:
    stem = gold_path.name.removesuffix(".gold.json")
    for suffix in DOC_SUFFIXES:
        candidate = gold_path.with_name(stem + suffix)
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"no document beside {gold_path.name}")


def stem_of(gold_path: Path) -> str:
    return gold_path.name.removesuffix(".gold.json")


def load_gold(gold_path: Path) -> dict[str, Any]:
    gold: dict[str, Any] = json.loads(gold_path.read_text(encoding="utf-8"))
    return gold


@functools.cache
def extract(doc_path: Path) -> tuple[Any, ...]:
    extract_path = getattr(importlib.import_module("ingest"), "extract_path", None)
    if extract_path is None:
        pytest.skip("ingest.extract_path is not available yet")
    return tuple(extract_path(doc_path))


def with_ambiguity(paths: list[Path]) -> list[Path]:
    return [p for p in paths if load_gold(p).get("ambiguous")]


def diff_message(stem: str, missed: set[Any], extra: set[Any]) -> str:
    lines = [f"{stem}: {len(missed)} missed, {len(extra)} extra"]
    lines += [f"  missed {row}" for row in sorted(missed, key=str)]
    lines += [f"  extra  {row}" for row in sorted(extra, key=str)]
    return "\n".join(lines)


def edge_message(stem: str, gold: set[Edge], found: set[Edge]) -> str:
    lines = [f"{stem}: {len(gold - found)} missed, {len(found - gold)} extra"]
    for view in sorted({e[0] for e in gold | found}, key=str):
        g = {e for e in gold if e[0] == view}
        f = {e for e in found if e[0] == view}
        if g == f:
            continue
        lines.append(f"  view {view}: gold {len(g)}, found {len(f)}")
        lines += [f"    missed {s} -> {t}" for _, s, t in sorted(g - f)]
        lines += [f"    extra  {s} -> {t}" for _, s, t in sorted(f - g, key=str)]
    return "\n".join(lines)


# ---------------------------------------------------------------- the gold itself


def test_examples_exist() -> None:
    assert GOLDS, f"no gold files in {EXAMPLES}"


@pytest.mark.parametrize("gold_path", GOLDS, ids=stem_of)
def test_gold_is_well_formed(gold_path: Path) -> None:
    """The gold follows the contract, so every miss it reports is reachable."""
    gold = load_gold(gold_path)
    text = document_of(gold_path).read_text(encoding="utf-8")
    problems = []
    keys = [gold["doc"]]
    for view, by_source in gold["citations"].items():
        if view not in VIEWS:
            problems.append(f"unknown view {view!r}")
        for source, targets in by_source.items():
            keys += [source, *targets]
            if len(set(targets)) != len(targets):
                problems.append(f"duplicate targets under {view} {source}")
            for target in targets:
                if not scored(target):
                    problems.append(f"unscored target {target} belongs in 'unscored'")
                if target in (source, work_of(source)):
                    problems.append(f"self-citation {source} -> {target}")
    for a in gold["amendments"]:
        if a["action"] not in ACTIONS:
            problems.append(f"unknown action {a['action']!r}")
        if (a["action"] == "ADD") != (a["target"] is None):
            problems.append(f"ADD and only ADD has no target: {a}")
        if (a["action"] == "SUP") != (a["result"] is None):
            problems.append(f"SUP and only SUP has no result: {a}")
        keys += [k for k in (a["target"], a["result"]) if k is not None]
    for entry in gold.get("ambiguous", []):
        if entry["view"] not in VIEWS or entry["text"] not in text:
            problems.append(f"ambiguous entry not in the document: {entry}")
        keys += [entry["source"], *entry["candidates"]]
    for source, unscored_keys in gold.get("unscored", {}).items():
        keys.append(source)
        for key in unscored_keys:
            keys.append(key)
            if key.split("/", 1)[0] not in ("itu", "wsis"):
                problems.append(f"'unscored' holds {key}")
    problems += [f"malformed key {k!r}" for k in keys if not KEY.fullmatch(k)]
    assert not problems, f"{gold_path.name}:\n  " + "\n  ".join(problems)


# ---------------------------------------------------------------- the extractor


@pytest.mark.parametrize("gold_path", GOLDS, ids=stem_of)
def test_citation_edges(gold_path: Path) -> None:
    gold = gold_edges(load_gold(gold_path))
    found = record_edges(extract(document_of(gold_path)))
    assert found == gold, edge_message(stem_of(gold_path), gold, found)


@pytest.mark.parametrize("gold_path", GOLDS, ids=stem_of)
def test_amendments(gold_path: Path) -> None:
    gold = gold_amendments(load_gold(gold_path))
    found = record_amendments(extract(document_of(gold_path)))
    assert found == gold, diff_message(stem_of(gold_path), gold - found, found - gold)


@pytest.mark.parametrize("gold_path", with_ambiguity(GOLDS), ids=stem_of)
def test_ambiguous_citations(gold_path: Path) -> None:
    """An ambiguous citation is reported with no target and all its candidates."""
    unresolved = {
        (r.view, r.source, frozenset(r.candidates))
        for r in citations(extract(document_of(gold_path)))
        if r.target is None
    }
    missing = [
        entry
        for entry in load_gold(gold_path)["ambiguous"]
        if (entry["view"], entry["source"], frozenset(entry["candidates"]))
        not in unresolved
    ]
    assert not missing, (
        f"{stem_of(gold_path)}: ambiguous citations not reported as unresolved:\n  "
        + "\n  ".join(map(str, missing))
        + f"\n  unresolved records: {sorted(map(str, unresolved))}"
    )


@pytest.mark.parametrize("gold_path", GOLDS, ids=stem_of)
def test_citation_spans(gold_path: Path) -> None:
    """Every citation carries its surface text and offsets inside the file."""
    doc_path = document_of(gold_path)
    size = len(doc_path.read_text(encoding="utf-8"))
    bad = [
        r
        for r in citations(extract(doc_path))
        if not r.text or not 0 <= r.start < r.end <= size
    ]
    assert not bad, f"{doc_path.name}: bad spans (file has {size} chars):\n  " + (
        "\n  ".join(f"{r.start}-{r.end} {r.text!r} -> {r.target}" for r in bad)
    )


@pytest.mark.parametrize("gold_path", GOLDS, ids=stem_of)
def test_doc_key(gold_path: Path) -> None:
    """Every record names the document by the key the contract gives it."""
    expected = load_gold(gold_path)["doc"]
    found = {r.doc for r in extract(document_of(gold_path))}
    assert found <= {expected}, f"{stem_of(gold_path)}: doc {found} != {expected!r}"
