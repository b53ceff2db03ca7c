"""What the bytes of a store are: ``python -m benchmarks.store_bytes STORE``.

The store's quads (read from a read-only copy, so a live store is not disturbed)
are grouped by predicate and by the kind of graph that holds them (a document,
``graph/instruments``, ``graph/derived``, ``graph/lineage``, the reference
graphs). Each group is bulk-loaded alone into a fresh store and measured: its
bytes per quad, compressed (the bulk loader writes LZ4-compressed tables that
stay so while nothing compacts them). The whole store is also loaded both ways,
bulk and in one transaction (``Store.load``: memtables flushed to the levels
pyoxigraph leaves uncompressed), so the two costs of a quad are side by side.

Sizes count each file once (snapshots are hard links to the store's tables:
``disk_bytes`` counts an inode once), MB are 2**20 bytes.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

MB = 2**20
TOP = 24  # predicates measured one by one; the rest together


def disk_bytes(path: Path) -> int:
    """Bytes of the files under ``path``, each inode counted once (hard links,
    such as a snapshot's tables, are not counted twice)."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for f in path.rglob("*"):
        if f.is_file() and not f.is_symlink():
            st = f.stat()
            if (st.st_dev, st.st_ino) not in seen:
                seen.add((st.st_dev, st.st_ino))
                total += st.st_size
    return total


def by_suffix(path: Path) -> dict[str, int]:
    """Bytes of the store's own files by kind (``.sst`` tables, ``.log`` WAL)."""
    out: Counter[str] = Counter()
    for f in path.iterdir():
        if f.is_file():
            out[f.suffix or "other"] += f.stat().st_size
    return dict(out)


def graph_kind(graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> str:
    name = graph.value if isinstance(graph, ox.NamedNode) else ""
    if "/graph/" in name:
        return "graph/" + name.rsplit("/graph/", 1)[1]
    return "document" if name else "default"


@dataclass(frozen=True)
class Group:
    name: str
    quads: int
    bytes: int

    @property
    def per_quad(self) -> float:
        return self.bytes / self.quads if self.quads else 0.0


def _loaded(quads: list[ox.Quad], bulk: bool) -> int:
    """Bytes on disk of a fresh store holding ``quads``, closed."""
    with tempfile.TemporaryDirectory(prefix="itukg-bytes-") as tmp:
        store = ox.Store(tmp)
        data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
        assert isinstance(data, bytes)
        if bulk:
            store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        else:
            store.load(data, format=ox.RdfFormat.N_QUADS)
        store.flush()
        del store
        return disk_bytes(Path(tmp))


def read_quads(path: Path) -> list[ox.Quad]:
    """The quads of the store at ``path`` (through a copy of its files)."""
    with tempfile.TemporaryDirectory(prefix="itukg-copy-") as tmp:
        copy = Path(tmp) / "store"
        shutil.copytree(path, copy, ignore=shutil.ignore_patterns("snapshots"))
        store = ox.Store.read_only(str(copy))
        quads = list(store)
        del store
        return quads


def groups(quads: Iterable[ox.Quad]) -> dict[str, list[ox.Quad]]:
    """Quads by predicate (the ``TOP`` most frequent; the rest as one group)
    and, for the top ones, the kind of graph they sit in."""
    quads = list(quads)
    counts = Counter(q.predicate.value for q in quads)
    top = {p for p, _ in counts.most_common(TOP)}
    out: dict[str, list[ox.Quad]] = {}
    for q in quads:
        p = q.predicate.value
        name = f"{_short(p)} in {graph_kind(q.graph_name)}" if p in top else "other"
        out.setdefault(name, []).append(q)
    return out


def _short(iri: str) -> str:
    for cut in ("#", "/"):
        if cut in iri:
            iri = iri.rsplit(cut, 1)[1] if not iri.endswith(cut) else iri
    return iri


def measure(path: Path) -> tuple[dict[str, int], list[Group]]:
    quads = read_quads(path)
    totals = {
        "store on disk": disk_bytes(path),
        "bulk-loaded": _loaded(quads, bulk=True),
        "one transaction": _loaded(quads, bulk=False),
        **{f"store {k}": v for k, v in by_suffix(path).items()},
    }
    measured = [
        Group(name, len(qs), _loaded(qs, bulk=True))
        for name, qs in groups(quads).items()
    ]
    measured.sort(key=lambda g: -g.bytes)
    totals["quads"] = len(quads)
    return totals, measured


def report(totals: dict[str, int], measured: list[Group]) -> str:
    lines = [f"{k:<22} {v / MB:8.1f} MB" if k != "quads" else f"quads {v}"
             for k, v in totals.items()]  # fmt: skip
    empty = _loaded([], bulk=True)
    lines += ["", f"{'group (bulk-loaded alone)':<48} {'quads':>7} {'MB':>6} B/quad"]
    for g in measured:
        net = max(g.bytes - empty, 0)
        lines.append(
            f"{g.name:<48} {g.quads:>7} {net / MB:6.2f} {net / max(g.quads, 1):6.0f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("store", type=Path)
    args = parser.parse_args(argv)
    print(report(*measure(args.store)))


if __name__ == "__main__":
    main()
