"""Ingest throughput, end to end, beside pyoxigraph's own bulk loader.

The corpus is ``examples/*`` and the text, markdown, XML and JSON documents of
``$ITUKG_SHARED/corpus`` as they are (whatever is missing is skipped), then copies
of the seed document and of the markdown documents, written under new file names
until the corpus reaches ``MIN_BYTES``. Every copy is a new document: a copy of a
markdown file is named by its file (``doc/<stem>``), a copy of a conference
document gets a new document number (``Document 82-E`` becomes ``Document 1001-E``),
and each copy ends with its own line, so no content hash repeats.

Measured in one process, after start-up:

- ours: ``ingest_paths`` into a fresh on-disk embedded store, flush included: read,
  extract, build each document's graph, one graph replacement per document, the
  reference graphs, and ``derive`` over the whole store at the end;
- bulk: the same quads (the store dumped as N-Quads) loaded by
  ``pyoxigraph.Store.bulk_load`` into another fresh on-disk store, flush included.

Triples are the quads of the final store (documents, reference data and derived
facts), the same for both. MB are 10**6 bytes of the input files as written.

Also reported: the store's size on disk right after the ingest and once reopened
(RocksDB drops its spent write-ahead log only then), beside the bulk-loaded
store; and the rate of the store writes alone, one transaction per graph, as the
pipeline writes them (``INSERT DATA``) and through ``Store.load``: the ceiling of
a transactional, per-document ingest. When ours is below a third of bulk, a second
ingest into a fresh store runs under cProfile and the result names the stages and
functions that take the time.
"""

from __future__ import annotations

import cProfile
import gc
import json
import os
import platform
import pstats
import re
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyoxigraph as ox

from benchmarks.extract_throughput import label, source_documents
from benchmarks.store_bytes import disk_bytes
from itukg.ingest.pipeline import ingest_paths
from itukg.ontology.store import EmbeddedStore
from itukg.queries import run_query

REPO = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results" / "ingest.json"
MIN_BYTES = 8 * 10**6
SEED_COPIES = 40  # conference documents dense with citations, ~2 MB
AIM = 1 / 3  # ours / bulk
MB = 10**6
_DOC_NUMBER = re.compile(r"\bDocument (\d{1,4})-([A-Z])\b")

# The stages of the pipeline, by the function that implements each (cProfile's
# cumulative time of that function).
STAGES = {
    "read": ("ingest/sources.py", "read_document"),
    "extract": ("ingest/extract.py", "extract"),
    "build": ("ingest/build.py", "build_graph"),
    "store replace": ("ontology/store.py", "replace_graph"),
    "content-hash lookups": ("ingest/pipeline.py", "_sha256"),
    "queries (skip / earlier-file lookups)": ("queries/run.py", "run_query"),
    "derive": ("ingest/pipeline.py", "derive"),
    "reference graphs": ("ingest/pipeline.py", "load_reference"),
}


@dataclass(frozen=True)
class Profile:
    seconds: float
    stages: dict[str, float]
    top_functions: list[str]


@dataclass(frozen=True)
class Result:
    corpus_bytes: int
    files: int
    documents: int
    sources: list[str]
    citations: int
    triples: int
    ours_seconds: float
    ours_mb_per_s: float
    ours_triples_per_s: float
    bulk_seconds: float
    bulk_triples_per_s: float
    ratio_ours_to_bulk: float
    meets_aim: bool
    store_bytes: int
    store_mb_per_input_mb: float
    store_bytes_reopened: int
    store_mb_per_input_mb_reopened: float
    bulk_store_bytes: int
    nquads_bytes: int
    python: str
    pyoxigraph: str
    machine: str
    cpus: int | None
    write_paths_triples_per_s: dict[str, float] = field(default_factory=dict)
    # ``--jobs`` 1 and 2 (worker processes reading and extracting): documents,
    # MB and triples per second of the same ingest into a fresh store
    jobs: dict[str, dict[str, float]] = field(default_factory=dict)
    profile: Profile | None = None


# ---------------------------------------------------------------- the corpus


def copy_text(text: str, copy: int) -> str:
    """A new document with the same body: its own document number, its own end."""
    text = _DOC_NUMBER.sub(lambda m: f"Document {1000 + copy}-{m[2]}", text, count=1)
    return text.rstrip("\n") + f"\n\n(Benchmark copy {copy}.)\n"


def build_corpus(sources: list[Path], folder: Path, min_bytes: int) -> list[Path]:
    """Write the corpus into ``folder``: every source as it is, then copies."""
    written: list[Path] = []

    def write(name: str, data: bytes) -> None:
        path = folder / name
        path.write_bytes(data)
        written.append(path)

    for source in sources:
        write(source.name, source.read_bytes())
    seeds = [p for p in sources if p.parent.name == "seed"]
    markdown = [p for p in sources if p.suffix == ".md" and p.stat().st_size > 10**4]
    if not markdown:
        raise SystemExit("benchmark: no markdown documents to copy")
    copy = 1
    for source in seeds[:1] * SEED_COPIES:
        text = copy_text(source.read_text(encoding="utf-8"), copy)
        write(f"{source.stem}-{copy}{source.suffix}", text.encode("utf-8"))
        copy += 1
    while sum(p.stat().st_size for p in written) < min_bytes:
        source = markdown[copy % len(markdown)]
        text = copy_text(source.read_text(encoding="utf-8"), copy)
        write(f"{source.stem}-{copy}{source.suffix}", text.encode("utf-8"))
        copy += 1
    return written


def folder_bytes(folder: Path) -> int:
    """Bytes under ``folder``, each inode once (snapshots are hard links)."""
    return disk_bytes(folder)


# ---------------------------------------------------------------- the measures


def measure_ours(paths: list[Path], folder: Path) -> tuple[float, int, int, bytes]:
    """Seconds to ingest every file into a fresh store; citations, documents and
    the store's quads as N-Quads. The store is closed on return."""
    store = EmbeddedStore(folder)
    start = time.perf_counter()
    summary = ingest_paths(store, paths)
    store.close()
    seconds = time.perf_counter() - start
    if summary.failed or summary.skipped:
        raise SystemExit(f"benchmark: ingest failed or skipped: {summary.errors}")
    documents = len(run_query(store, "documents").rows)
    data = store.raw.dump(format=ox.RdfFormat.N_QUADS)
    del store  # closes the store: what stays on disk is measured after this
    gc.collect()
    return (
        seconds,
        summary.citations,
        documents,
        data if isinstance(data, bytes) else b"",
    )


def measure_jobs(
    paths: list[Path], root: Path, size: int, triples: int
) -> dict[str, dict[str, float]]:
    """The same ingest with 1 and with 2 worker processes, each into a fresh store."""
    out = {}
    for jobs in (1, 2):
        store = EmbeddedStore(root / f"jobs-{jobs}")
        start = time.perf_counter()
        summary = ingest_paths(store, paths, workers=jobs)
        store.close()
        seconds = time.perf_counter() - start
        del store
        gc.collect()
        out[str(jobs)] = {
            "seconds": round(seconds, 3),
            "documents_per_s": round(summary.new / seconds, 2),
            "mb_per_s": round(size / MB / seconds, 3),
            "triples_per_s": round(triples / seconds, 1),
        }
    return out


def measure_bulk(data: bytes, folder: Path) -> tuple[float, int]:
    """Seconds for ``bulk_load`` of the N-Quads into a fresh store, and its quads.
    The store is closed on return."""
    store = ox.Store(str(folder))
    start = time.perf_counter()
    store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    store.flush()
    seconds = time.perf_counter() - start
    quads = len(store)
    del store
    gc.collect()
    return seconds, quads


def by_graph(data: bytes) -> dict[str, list[str]]:
    """The N-Quads as N-Triples lines per named graph (the default graph left out)."""
    graphs: dict[str, list[str]] = {}
    for q in ox.parse(data, format=ox.RdfFormat.N_QUADS):
        if isinstance(q.graph_name, ox.NamedNode):
            line = f"{q.subject} {q.predicate} {q.object} ."
            graphs.setdefault(q.graph_name.value, []).append(line)
    return graphs


def measure_write_paths(data: bytes, root: Path) -> dict[str, float]:
    """Triples per second of the store writes alone, one transaction per graph, into
    fresh stores: as the pipeline writes (``INSERT DATA`` text, via
    ``EmbeddedStore.replace_graph``) and through pyoxigraph's own parser
    (``Store.load`` of each graph's N-Triples)."""
    graphs = by_graph(data)
    triples = sum(len(lines) for lines in graphs.values())
    rates: dict[str, float] = {}
    ours = EmbeddedStore(root / "write-insert-data")
    start = time.perf_counter()
    for graph, lines in graphs.items():
        ours.replace_graph(graph, lines)
    ours.close()
    rates["insert_data_per_graph"] = round(triples / (time.perf_counter() - start), 1)
    del ours
    native = ox.Store(str(root / "write-load"))
    start = time.perf_counter()
    for graph, lines in graphs.items():
        native.load(
            "\n".join(lines).encode("utf-8"),
            format=ox.RdfFormat.N_TRIPLES,
            to_graph=ox.NamedNode(graph),
        )
    native.flush()
    rates["load_per_graph"] = round(triples / (time.perf_counter() - start), 1)
    del native
    gc.collect()
    return rates


def profile_ours(paths: list[Path], folder: Path) -> Profile:
    """Ingest again into a fresh store under cProfile: seconds per stage and the
    functions that take the most time of their own."""
    store = EmbeddedStore(folder)
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.runcall(ingest_paths, store, paths)
    store.close()
    seconds = time.perf_counter() - start
    stats = pstats.Stats(profiler)
    table = stats.stats  # type: ignore[attr-defined]
    stages: dict[str, float] = {}
    for stage, (file, func) in STAGES.items():
        stages[stage] = round(
            sum(
                row[3]
                for (path, _, name), row in table.items()
                if name == func and path.endswith(file)
            ),
            3,
        )
    stages["other"] = round(
        sum(row[3] for (_, _, name), row in table.items() if name == "ingest_paths")
        - sum(stages.values()),
        3,
    )
    own = sorted(table.items(), key=lambda kv: kv[1][2], reverse=True)[:12]
    top = [
        f"{row[2]:7.3f} s own, {row[3]:7.3f} s cum, {row[1]:>8} calls  "
        f"{short(path)}:{line}({name})"
        for (path, line, name), row in own
    ]
    return Profile(round(seconds, 3), stages, top)


def short(path: str) -> str:
    return path[len(str(REPO)) + 1 :] if path.startswith(str(REPO)) else path


def run(min_bytes: int = MIN_BYTES) -> Result:
    sources = source_documents()
    with tempfile.TemporaryDirectory(prefix="itukg-bench-") as tmp:
        root = Path(tmp)
        (root / "corpus").mkdir()
        paths = build_corpus(sources, root / "corpus", min_bytes)
        size = sum(p.stat().st_size for p in paths)
        ours_s, citations, documents, data = measure_ours(paths, root / "ours")
        store_bytes = folder_bytes(root / "ours")
        EmbeddedStore(root / "ours")  # reopened: the spent write-ahead log goes
        gc.collect()
        reopened = folder_bytes(root / "ours")
        bulk_s, triples = measure_bulk(data, root / "bulk")
        bulk_bytes = folder_bytes(root / "bulk")
        ours_rate, bulk_rate = triples / ours_s, triples / bulk_s
        write_paths = measure_write_paths(data, root)
        jobs = measure_jobs(paths, root, size, triples)
        profile = None
        if ours_rate / bulk_rate < AIM:
            profile = profile_ours(paths, root / "profiled")
    return Result(
        corpus_bytes=size,
        files=len(paths),
        documents=documents,
        sources=[label(p) for p in sources],
        citations=citations,
        triples=triples,
        ours_seconds=round(ours_s, 3),
        ours_mb_per_s=round(size / MB / ours_s, 3),
        ours_triples_per_s=round(ours_rate, 1),
        bulk_seconds=round(bulk_s, 3),
        bulk_triples_per_s=round(bulk_rate, 1),
        ratio_ours_to_bulk=round(ours_rate / bulk_rate, 4),
        meets_aim=ours_rate / bulk_rate >= AIM,
        store_bytes=store_bytes,
        store_mb_per_input_mb=round(store_bytes / size, 3),
        store_bytes_reopened=reopened,
        store_mb_per_input_mb_reopened=round(reopened / size, 3),
        bulk_store_bytes=bulk_bytes,
        nquads_bytes=len(data),
        python=platform.python_version(),
        pyoxigraph=ox.__version__,
        machine=platform.machine(),
        cpus=os.cpu_count(),
        write_paths_triples_per_s=write_paths,
        jobs=jobs,
        profile=profile,
    )


# ---------------------------------------------------------------- report


def table(r: Result) -> str:
    rows = [
        ("corpus", f"{r.corpus_bytes / MB:.1f} MB in {r.files} files"),
        (
            "graph",
            f"{r.documents} documents, {r.citations:,} citations, "
            f"{r.triples:,} triples",
        ),
        (
            "ours",
            f"{r.ours_mb_per_s:.2f} MB/s, {r.ours_triples_per_s:,.0f} "
            f"triples/s ({r.ours_seconds:.1f} s)",
        ),
        (
            "bulk_load",
            f"{r.bulk_triples_per_s:,.0f} triples/s ({r.bulk_seconds:.2f} s)",
        ),
        (
            "ours/bulk",
            f"{r.ratio_ours_to_bulk:.3f} (aim {AIM:.3f}: "
            f"{'met' if r.meets_aim else 'not met'})",
        ),
        (
            "store size",
            f"{r.store_bytes / MB:.1f} MB on disk after ingest "
            f"({r.store_mb_per_input_mb:.2f} MB per MB of input), "
            f"{r.store_bytes_reopened / MB:.1f} MB once reopened "
            f"({r.store_mb_per_input_mb_reopened:.2f}); "
            f"bulk-loaded {r.bulk_store_bytes / MB:.1f} MB",
        ),
        *(
            (f"write only ({name})", f"{rate:,.0f} triples/s")
            for name, rate in r.write_paths_triples_per_s.items()
        ),
        *(
            (
                f"--jobs {n}",
                f"{j['documents_per_s']:.1f} documents/s, {j['mb_per_s']:.2f} MB/s, "
                f"{j['triples_per_s']:,.0f} triples/s ({j['seconds']:.1f} s)",
            )
            for n, j in r.jobs.items()
        ),
    ]
    width = max(len(name) for name, _ in rows)
    lines = [f"{name:<{width}}  {value}" for name, value in rows]
    if r.profile:
        p = r.profile
        lines.append(f"profile (cProfile, {p.seconds:.1f} s with its overhead):")
        lines += [f"  {s:<40} {t:7.2f} s" for s, t in p.stages.items()]
        lines.append("  most time of their own:")
        lines += [f"    {f}" for f in p.top_functions[:8]]
    return "\n".join(lines)


def main() -> None:
    result = run()
    print("ingest throughput")
    print(table(result))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(asdict(result), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
