"""Paragraph lineage (design/contract.md section 4): the paragraphs of consecutive
attested versions of a work, aligned one to one, each pair kept, modified or moved,
each paragraph left over added or deleted; the two views of a proposal count as
two versions. Derived from the paragraph nodes in the store after each ingest or
removal, written as PROV (``prov:wasRevisionOf`` between paragraph nodes, with an
``itu:LineageStep`` that holds the status) into the graph ``graph/lineage``: all
works at once when most of them changed, else only the works whose paragraphs the
documents written or removed hold or held (the steps of the others stay,
renumbered), with the same graph as a result."""

from __future__ import annotations

import hashlib
import heapq
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import pyoxigraph as ox

from itukg.ingest.build import ITU, PROV, RDF, XSD
from itukg.ingest.models import Lineage
from itukg.ingest.spill import grouped
from itukg.ontology import iri, keys
from itukg.ontology.errors import InvalidKey
from itukg.ontology.store import GraphStore
from itukg.queries import run_query, run_update
from itukg.queries.run import bound_query, value

_INTEGER = ox.NamedNode(XSD + "integer")
_SIMILAR = 0.5  # word overlap above which a changed paragraph continues another
_SAME_HEADING = 0.8


@dataclass(frozen=True)
class Side:
    """A labelled paragraph of one version, as the store holds it."""

    node: str  # the paragraph's key (IRI without the base)
    section: str
    label: str
    text: str


Pair = tuple[Side | None, Side | None]


def word_diff(old: str, new: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The runs of words ``new`` inserts and the runs it deletes."""
    a, b = old.split(), new.split()
    inserted, deleted = [], []
    for tag, i1, i2, j1, j2 in SequenceMatcher(
        None, a, b, autojunk=False
    ).get_opcodes():
        if tag in ("replace", "insert"):
            inserted.append(" ".join(b[j1:j2]))
        if tag in ("replace", "delete"):
            deleted.append(" ".join(a[i1:i2]))
    return tuple(inserted), tuple(deleted)


def _bound(la: int, lb: int) -> float:
    """``SequenceMatcher.real_quick_ratio`` of sequences of these lengths, without
    building a matcher."""
    return 2.0 * min(la, lb) / (la + lb) if la + lb else 1.0


def _same_heading(a: str, b: str) -> bool:
    """Headings are the same when their words barely differ ("mandates" and
    "mandate" under one heading)."""
    return (
        a == b or SequenceMatcher(None, a, b, autojunk=False).ratio() >= _SAME_HEADING
    )


def align(old: list[Side], new: list[Side]) -> list[Pair]:
    """Pair the paragraphs of two versions: identical runs in order first, then
    identical words anywhere (moves), then the most similar words (changes)."""
    matcher = SequenceMatcher(
        None, [p.text for p in old], [p.text for p in new], autojunk=False
    )
    pairs: list[Pair] = []
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            pairs.append((old[block.a + k], new[block.b + k]))
    used = {id(s) for pair in pairs for s in pair}
    left = [p for p in old if id(p) not in used]
    right = [p for p in new if id(p) not in used]
    for pick in (_identical_pairs, _similar_pairs):
        chosen = pick(left, right)
        pairs += [(left[i], right[j]) for i, j in chosen]
        taken_a, taken_b = {i for i, _ in chosen}, {j for _, j in chosen}
        left = [a for i, a in enumerate(left) if i not in taken_a]
        right = [b for j, b in enumerate(right) if j not in taken_b]
    pairs += [(a, None) for a in left] + [(None, b) for b in right]
    return _in_order(pairs, old, new)


Scores = Iterator[tuple[float, int, int]]


def _identical(left: list[Side], right: list[Side]) -> Scores:
    """Pairs with the same words (a move when number or heading differs)."""
    at: dict[str, list[int]] = defaultdict(list)
    for j, b in enumerate(right):
        at[b.text].append(j)
    for i, a in enumerate(left):
        for j in at.get(a.text, ()):
            yield 1.0, i, j


def _greedy(scores: Scores) -> list[tuple[int, int]]:
    """The pairs taken best score first (then by place), each paragraph once."""
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    chosen = []
    for _, i, j in sorted(scores, key=lambda t: (-t[0], t[1], t[2])):
        if i not in taken_a and j not in taken_b:
            taken_a.add(i)
            taken_b.add(j)
            chosen.append((i, j))
    return chosen


def _identical_pairs(left: list[Side], right: list[Side]) -> list[tuple[int, int]]:
    return _greedy(_identical(left, right))


def _similar_pairs(left: list[Side], right: list[Side]) -> list[tuple[int, int]]:
    """Pairs whose words overlap enough for one to continue the other, taken as
    ``_greedy`` takes them, but lazily: a heap holds each pair under an upper
    bound of its score (the distinct words one lacks, then ``quick_ratio``,
    then the exact ``ratio``) and refines the one on top, so a pair is scored
    further only while it could be taken, never once one of its paragraphs is."""
    mine = _Words.of(left)
    theirs = _Words.of(right)
    scorer = _Scorer(theirs.words)
    heap = [
        (-bound, i, j, 0)
        for i in range(len(left))
        for j in range(len(right))
        if (bound := mine.bound(i, theirs, j)) >= _SIMILAR
    ]
    heapq.heapify(heap)
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    chosen = []
    while heap:
        _, i, j, level = heapq.heappop(heap)
        if i in taken_a or j in taken_b:
            continue
        if level == 2:  # the best exact score left, ties by place
            taken_a.add(i)
            taken_b.add(j)
            chosen.append((i, j))
            continue
        score = scorer.score(mine.words[i], j, exact=level == 1)
        if score >= _SIMILAR:
            heapq.heappush(heap, (-score, i, j, level + 1))
    return chosen


@dataclass(frozen=True)
class _Words:
    """The words of some paragraphs, and their sets of distinct words."""

    words: list[list[str]]
    distinct: list[frozenset[str]]

    @staticmethod
    def of(sides: list[Side]) -> _Words:
        words = [s.text.split() for s in sides]
        return _Words(words, [frozenset(w) for w in words])

    def bound(self, i: int, other: _Words, j: int) -> float:
        """An upper bound of ``quick_ratio``: within the length bound, each
        distinct word one side lacks costs that side at least one match."""
        la, lb = len(self.words[i]), len(other.words[j])
        if _bound(la, lb) < _SIMILAR:
            return 0.0
        a, b = self.distinct[i], other.distinct[j]
        matches = min(la - len(a - b), lb - len(b - a))
        return 2.0 * matches / (la + lb) if la + lb else 1.0


@dataclass(frozen=True)
class _Scorer:
    """One matcher per right paragraph, its words indexed once (difflib keeps
    the b side), the left ones set against it."""

    right: list[list[str]]
    matchers: dict[int, SequenceMatcher[str]] = field(default_factory=dict)

    def score(self, a: list[str], j: int, exact: bool) -> float:
        matcher = self.matchers.get(j)
        if matcher is None:
            matcher = SequenceMatcher(None, [], self.right[j], autojunk=False)
            self.matchers[j] = matcher
        matcher.set_seq1(a)
        return matcher.ratio() if exact else matcher.quick_ratio()


def _in_order(pairs: list[Pair], old: list[Side], new: list[Side]) -> list[Pair]:
    """Pairs in the order of the new version, a deleted paragraph after the new
    place of the paragraph before it."""
    at_new = {id(b): j for j, b in enumerate(new)}
    at_old = {id(a): i for i, a in enumerate(old)}
    place: dict[int, float] = {}
    for a, b in pairs:
        if a is not None and b is not None:
            place[at_old[id(a)]] = at_new[id(b)]

    def key(pair: Pair) -> tuple[float, int]:
        a, b = pair
        if b is not None:
            return (at_new[id(b)], 0)
        i = at_old[id(a)]
        before = [place[k] for k in place if k < i]
        return ((max(before) if before else -1) + 0.5, i)

    return sorted(pairs, key=key)


def _status(a: Side | None, b: Side | None) -> str:
    if a is None:
        return "added"
    if b is None:
        return "deleted"
    if a.text != b.text:
        return "modified"
    if a.label == b.label and _same_heading(a.section, b.section):
        return "kept"
    return "moved"


def compare_versions(
    work: str, versions: tuple[str, str], old: list[Side], new: list[Side]
) -> Iterator[tuple[Lineage, Pair]]:
    """The lineage records of two consecutive versions, with the pairs they
    describe."""
    for a, b in align(old, new):
        status = _status(a, b)
        inserted, deleted = (
            word_diff(a.text, b.text) if a and b and status == "modified" else ((), ())
        )
        shown = b or a
        assert shown is not None
        record = Lineage(
            work=work,
            from_version=versions[0],
            to_version=versions[1],
            section=shown.section,
            from_paragraph=a.label if a else None,
            to_paragraph=b.label if b else None,
            status=status,
            inserted=inserted,
            deleted=deleted,
        )
        yield record, (a, b)


def _order(version: str) -> tuple[int, str]:
    try:
        v = keys.parse_key(version).version
    except InvalidKey:
        v = None
    return (int(v) if v and v.isdigit() else 0, version)


@dataclass(frozen=True)
class _Text:
    """One document's text of one version in one view."""

    proposed: bool
    doc: str
    view: str
    sides: tuple[Side, ...]


def _texts(rows: Iterable[Mapping[str, object]]) -> dict[str, dict[str, list[_Text]]]:
    """work -> version -> the texts of it the store holds."""
    grouped: dict[tuple[str, str, str, str, bool], list[tuple[int, Side]]] = (
        defaultdict(list)
    )
    for r in rows:
        k = (str(r["work"]), str(r["version"]), str(r["doc"]), str(r["view"]))
        side = Side(
            str(r["paragraph"]), str(r["section"]), str(r["label"]), str(r["text"])
        )
        grouped[(*k, bool(r["proposed"]))].append((int(str(r["order"])), side))
    out: dict[str, dict[str, list[_Text]]] = defaultdict(lambda: defaultdict(list))
    for (work, version, doc, view, proposed), found in grouped.items():
        # ties (a paragraph node with two labels or texts) in a fixed order,
        # whatever order the store gives the rows in
        sides = tuple(s for _, s in sorted(found, key=_place))
        out[work][version].append(_Text(proposed, doc, view, sides))
    return out


def _place(item: tuple[int, Side]) -> tuple[int, str, str, str, str]:
    order, s = item
    return (order, s.label, s.section, s.text, s.node)


def lineage_of(
    texts: dict[str, list[_Text]], work: str
) -> Iterator[tuple[Lineage, Pair]]:
    """The records of every two consecutive versions of one work; of the texts of
    a version the store holds, an adopted one is preferred to a proposed one."""
    versions = sorted(texts, key=_order)
    chosen = {
        v: min(texts[v], key=lambda t: (t.proposed, t.doc, t.view)).sides
        for v in versions
    }
    for old, new in zip(versions, versions[1:], strict=False):
        yield from compare_versions(
            work, (old, new), list(chosen[old]), list(chosen[new])
        )


def _lit(value: str) -> str:
    return str(ox.Literal(value))


def _triples(base: str, record: Lineage, pair: Pair, order: int) -> Iterator[str]:
    a, b = pair
    ends = f"{record.from_version}|{record.to_version}"
    digest = hashlib.sha1(f"{ends}|{a and a.node}|{b and b.node}".encode())
    s = f"<{base}lineage/{digest.hexdigest()[:20]}>"
    yield f"{s} <{RDF}type> <{ITU}LineageStep> ."
    yield f"{s} <{ITU}order> {ox.Literal(str(order), datatype=_INTEGER)} ."
    yield f"{s} <{ITU}status> {_lit(record.status)} ."
    yield f"{s} <{ITU}work> <{base}{record.work}> ."
    yield f"{s} <{ITU}fromVersion> <{base}{record.from_version}> ."
    yield f"{s} <{ITU}toVersion> <{base}{record.to_version}> ."
    if record.section:
        yield f"{s} <{ITU}section> {_lit(record.section)} ."
    for run in record.inserted:
        yield f"{s} <{ITU}insertedWords> {_lit(run)} ."
    for run in record.deleted:
        yield f"{s} <{ITU}deletedWords> {_lit(run)} ."
    if a is not None:
        yield f"{s} <{ITU}fromParagraph> <{base}{a.node}> ."
        yield f"{s} <{PROV}entity> <{base}{a.node}> ."
    if b is not None:
        yield f"{s} <{ITU}toParagraph> <{base}{b.node}> ."
    if a is not None and b is not None:
        yield f"<{base}{b.node}> <{PROV}wasRevisionOf> <{base}{a.node}> ."
        yield f"<{base}{b.node}> <{PROV}qualifiedRevision> {s} ."


Steps = dict[str, list[tuple[Lineage, Pair]]]


def derive_lineage(
    store: GraphStore,
    base: str = iri.DEFAULT_BASE,
    docs: Iterable[str] | None = None,
) -> int:
    """Derive the lineage graph; the number of lineage steps. With ``docs`` (the
    keys of the documents an ingest wrote or a removal dropped), only the works
    whose paragraphs those documents hold or held are recomputed, the steps of the
    others stay (renumbered where needed): the same graph as recomputing all."""
    if docs is None:
        return _derive_all(store, base)
    changed = set(docs)
    starts = _starts(store, base)
    works = _doc_works(store, base)
    touched = {w for d, w in works if d in changed} | _dangling(store, base)
    if 2 * len(touched) > len({w for _, w in works}):
        return _derive_all(store, base)
    return _derive_some(store, base, starts, touched)


_COLUMNS = (
    "work", "version", "doc", "view", "proposed", "order",
    "section", "label", "text", "paragraph",
)  # fmt: skip


def _derive_all(store: GraphStore, base: str) -> int:
    """Recompute the lineage graph from every paragraph in the store, one work
    at a time (works in key order, as ``_merge_lines`` numbers them): the
    paragraphs are spilled to disk as the store gives them, and the steps are
    written as they come, so memory is bounded by the largest work."""
    count = [0]

    def lines() -> Iterator[str]:
        order = 0
        for work, rows in grouped(_COLUMNS, _paragraph_rows(store, base), "work"):
            for record, pair in lineage_of(_texts(rows)[work], work):
                yield from _triples(base, record, pair, order)
                order += 1
        count[0] = order

    store.write_graph(iri.graph_iri("lineage", base), lines())
    return count[0]


def _paragraph_rows(store: GraphStore, base: str) -> Iterator[tuple[str | int, ...]]:
    """The rows of the ``paragraphs`` query as they come, with the values
    ``_texts`` reads of a ``run_query`` table."""
    result = store.query(bound_query("paragraphs", {}, base))
    assert isinstance(result, ox.QuerySolutions)
    for sol in result:
        v = [value(sol[c], base) for c in _COLUMNS]
        yield (
            *(str(x) for x in v[:4]),
            int(bool(v[4])),
            int(str(v[5])),
            *(str(x) for x in v[6:]),
        )


def _steps(texts: dict[str, dict[str, list[_Text]]]) -> Steps:
    return {work: list(lineage_of(found, work)) for work, found in texts.items()}


def _starts(store: GraphStore, base: str) -> dict[str, tuple[int, int]]:
    """work -> the order of its first step and its number of steps."""
    rows = run_query(store, "lineage-starts", {}, base).rows
    return {str(w): (int(str(s)), int(str(n))) for w, s, n in rows}


def _doc_works(store: GraphStore, base: str) -> set[tuple[str, str]]:
    """(document, work) for every document holding paragraphs of the work."""
    return {
        (str(d), str(w)) for d, w in run_query(store, "paragraph-works", {}, base).rows
    }


def _dangling(store: GraphStore, base: str) -> set[str]:
    """The works with a step whose paragraph is gone (its document removed)."""
    return {str(w) for (w,) in run_query(store, "lineage-dangling", {}, base).rows}


def _derive_some(
    store: GraphStore,
    base: str,
    starts: dict[str, tuple[int, int]],
    touched: set[str],
) -> int:
    """Recompute the touched works, each from its own paragraphs; the others'
    steps stay, moved by the difference their numbering makes. The new steps and
    the plan go to two scratch graphs that one update merges."""
    steps: Steps = {w: [] for w in touched}
    for work in sorted(touched):
        found = run_query(store, "paragraphs-of", {"work": base + work}, base)
        steps.update(_steps(_texts(found.records())))
    lines, plan, total = _merge_lines(base, starts, steps)
    store.replace_graph(iri.graph_iri("lineage-new", base), lines)
    store.replace_graph(iri.graph_iri("lineage-plan", base), plan)
    run_update(store, "lineage-merge", base)
    return total


def _merge_lines(
    base: str, starts: dict[str, tuple[int, int]], steps: Steps
) -> tuple[list[str], list[str], int]:
    """The recomputed works' steps numbered as a full recompute numbers them (works
    in key order, steps one after another), and the plan: each recomputed work an
    ``itu:Work``, each other work whose first step moves its ``itu:order`` shift."""
    counts = {w: n for w, (_, n) in starts.items()} | {
        w: len(found) for w, found in steps.items()
    }
    lines: list[str] = []
    plan: list[str] = []
    order = 0
    for work in sorted(counts):
        node = f"<{base}{work}>"
        if work in steps:
            plan.append(f"{node} <{RDF}type> <{ITU}Work> .")
            for k, (record, pair) in enumerate(steps[work]):
                lines += _triples(base, record, pair, order + k)
        elif starts[work][0] != order:
            shift = ox.Literal(str(order - starts[work][0]), datatype=_INTEGER)
            plan.append(f"{node} <{ITU}order> {shift} .")
        order += counts[work]
    return lines, plan, order
