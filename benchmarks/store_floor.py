"""How small the store could be: ``python -m benchmarks.store_floor STORE --text-mb M``.

Issue 13 asks for at most 5 MB on disk per MB of text. This measures what is
left of a store's size when its quads are cut down, step by step, to what the
design cannot do without, each step bulk-loaded into a fresh store (the
loader's LZ4-compressed tables: the smallest a pyoxigraph store holds these
quads in) and then settled by ``Store.optimize()`` (the merge RocksDB makes when
the store is next opened for writing):

1. ``store``: every quad;
2. ``document graphs``: only what the documents say (the named graph of each
   document: citations with their evidence, mandates, paragraphs, proposals);
   the instruments, the derived facts, the lineage and the reference data go;
3. ``... lean``: also without what the graph name, the ontology or another
   triple already says: ``itu:inDocument`` (the graph is the document), every
   ``rdf:type`` but ``itu:Citation`` (the ``rdfs:domain`` of their properties
   gives them), the ``oa:TextQuoteSelector`` (``itu:quote`` keeps its words);
4. ``... without paragraphs``: also without the paragraph nodes (their text,
   label, order and instrument) and the mandates' links to them, which the
   paragraph lineage and the mandates' words are read from.

Step 4 already breaks the design (``design/ontology.md``: paragraph-level
lineage, mandates with their source paragraph); a store below 5 MB per MB must
be smaller still. MB are 2**20 bytes; ``--text-mb`` is the text's size in
millions of characters (as ``benchmarks.scale`` counts it).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from benchmarks.store_bytes import disk_bytes
from itukg.ontology.vocab import PREFIXES

MB = 2**20
ITU = PREFIXES["itu"]
OA = PREFIXES["oa"]
TYPE = PREFIXES["rdf"] + "type"
GRAPHS = PREFIXES["itukg"] + "graph/"


@dataclass(frozen=True)
class Step:
    name: str
    quads: int
    loaded: int  # bytes, bulk-loaded
    settled: int  # bytes, after optimize()
    seconds: float


@dataclass(frozen=True)
class Nodes:
    """Subjects the lean steps leave out, found in a first pass."""

    paragraphs: frozenset[str]
    quote_selectors: frozenset[str]


def _iri(term: object) -> str:
    return term.value if isinstance(term, ox.NamedNode) else ""


def _in_document(q: ox.Quad) -> bool:
    g = q.graph_name
    return isinstance(g, ox.NamedNode) and not g.value.startswith(GRAPHS)


def _nodes(store: ox.Store) -> Nodes:
    paragraphs = {
        _iri(q.subject)
        for q in store.quads_for_pattern(None, ox.NamedNode(TYPE), None)
        if q.object == ox.NamedNode(ITU + "Paragraph") and _in_document(q)
    }
    quotes = {
        _iri(q.subject)
        for q in store.quads_for_pattern(None, ox.NamedNode(OA + "exact"), None)
    }
    return Nodes(frozenset(paragraphs), frozenset(quotes))


def _lean(q: ox.Quad, nodes: Nodes) -> bool:
    p = q.predicate.value
    if p in (ITU + "inDocument", OA + "exact"):
        return False
    if p == TYPE:
        return q.object == ox.NamedNode(ITU + "Citation")
    return not (p == OA + "hasSelector" and _iri(q.object) in nodes.quote_selectors)


def _without_paragraphs(q: ox.Quad, nodes: Nodes) -> bool:
    return (
        _iri(q.subject) not in nodes.paragraphs
        and q.predicate.value != ITU + "onParagraph"
    )


def steps(nodes: Nodes) -> list[tuple[str, Callable[[ox.Quad], bool]]]:
    """Each step's test of a quad; a step keeps what it and every step before keep."""
    return [
        ("store", lambda q: True),
        ("document graphs", _in_document),
        ("document graphs, lean", lambda q: _lean(q, nodes)),
        ("... without paragraphs", lambda q: _without_paragraphs(q, nodes)),
    ]


def _kept(store: ox.Store, tests: list[Callable[[ox.Quad], bool]]) -> Iterator[str]:
    for q in store:
        if all(test(q) for test in tests):
            yield f"{q.subject} {q.predicate} {q.object} {q.graph_name} .\n"


def _measure(store: ox.Store, name: str, tests: list[Callable[[ox.Quad], bool]],
             work: Path) -> Step:  # fmt: skip
    quads = work / "step.nq"
    count = 0
    with quads.open("w", encoding="utf-8") as out:
        for line in _kept(store, tests):
            out.write(line)
            count += 1
    folder = work / "step"
    shutil.rmtree(folder, ignore_errors=True)
    started = time.monotonic()
    fresh = ox.Store(str(folder))
    fresh.bulk_load(path=str(quads), format=ox.RdfFormat.N_QUADS)
    fresh.flush()
    loaded = disk_bytes(folder)
    fresh.optimize()
    fresh.flush()
    settled = disk_bytes(folder)
    del fresh
    quads.unlink()
    return Step(name, count, loaded, settled, time.monotonic() - started)


def measure(path: Path, work: Path) -> list[Step]:
    copy = work / "copy"
    shutil.copytree(path, copy, ignore=shutil.ignore_patterns("snapshots"))
    store = ox.Store.read_only(str(copy))
    nodes = _nodes(store)
    tests: list[Callable[[ox.Quad], bool]] = []
    out = []
    for name, test in steps(nodes):
        tests.append(test)
        out.append(_measure(store, name, tests, work))
    return out


def report(measured: list[Step], text_mb: float) -> str:
    lines = [f"{'step':<26} {'quads':>10} {'loaded MB':>10} {'per MB':>7} "
             f"{'settled MB':>11} {'per MB':>7}"]  # fmt: skip
    for s in measured:
        lines.append(
            f"{s.name:<26} {s.quads:>10} {s.loaded / MB:>10.1f} "
            f"{s.loaded / MB / text_mb:>7.1f} {s.settled / MB:>11.1f} "
            f"{s.settled / MB / text_mb:>7.1f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--text-mb", type=float, required=True)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="itukg-floor-", dir=args.work) as tmp:
        print(report(measure(args.store, Path(tmp)), args.text_mb))


if __name__ == "__main__":
    main()
