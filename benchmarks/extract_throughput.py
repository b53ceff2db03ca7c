"""Extraction throughput beside a plain regex scan of the same text.

The corpus is ``examples/*`` and the text, markdown, XML and JSON documents of
``$ITUKG_SHARED/corpus`` (default ``../shared`` beside the repository; whatever is
missing is skipped), written to a temporary folder as separate files of about
1.5 MB: each text or markdown document is repeated to that size (a repeated
document is still a document of its format), XML and JSON files are used as they
are, and text documents are written again, in turn, until the corpus reaches
``MIN_BYTES``.

Measured in one run, after start-up, in CPU seconds (``time.process_time``: the
machine is shared, and wall time measures the neighbours too):

- ours: ``extract_document(read_document(path))`` for every file, reading included;
- old: the same over the same files by the release before issue 13 (commit
  3f21cbc, a checkout whose top-level modules are ``ingest.*``, at
  ``$ITUKG_OLD_RELEASE``, default ``/tmp/old``), in a subprocess with that
  checkout on ``PYTHONPATH``; skipped (None) when the checkout is missing;
- baseline: ``re.compile("Resolution").finditer`` over the same files' text, already
  in memory, counting matches (best of ``BASELINE_REPEATS`` passes: one pass is
  too short to time reliably);
- eyecite (the ``bench`` extra): ``eyecite.get_citations`` over the first
  ``EYECITE_BYTES`` of the same texts (it runs at a fraction of a MB/s); None
  when it is not installed.

MB are 10**6 bytes of the files as written.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from itukg.ingest import extract_document, read_document

REPO = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results" / "extract.json"
MIN_BYTES = 20 * 10**6
FILE_BYTES = 3 * 10**6 // 2
BASELINE_REPEATS = 5
EYECITE_BYTES = 2 * 10**6
DEFAULT_OLD_RELEASE = "/tmp/old"
TEXT_SUFFIXES = (".txt", ".md")
AS_IS_SUFFIXES = (".xml", ".json")
MB = 10**6


@dataclass(frozen=True)
class Result:
    corpus_bytes: int
    files: int
    sources: list[str]
    ours_seconds: float
    ours_mb_per_s: float
    records: int
    records_per_s: float
    baseline_seconds: float
    baseline_mb_per_s: float
    baseline_matches: int
    ratio_ours_to_baseline: float
    old_release: str | None
    old_seconds: float | None
    old_mb_per_s: float | None
    old_records: int | None
    ratio_ours_to_old: float | None
    eyecite_bytes: int | None
    eyecite_mb_per_s: float | None
    eyecite_citations: int | None
    python: str
    machine: str
    cpus: int | None


# ---------------------------------------------------------------- the corpus


def shared_dir() -> Path:
    return Path(os.environ.get("ITUKG_SHARED") or REPO.parent / "shared")


def source_documents() -> list[Path]:
    """The documents the corpus is made of, in a stable order (gold files are
    answers, not documents)."""
    found = sorted((REPO / "examples").glob("*"))
    corpus = shared_dir() / "corpus"
    if corpus.is_dir():
        found += sorted(p for p in corpus.rglob("*") if p.is_file())
    suffixes = TEXT_SUFFIXES + AS_IS_SUFFIXES
    return [
        p
        for p in found
        if p.suffix.lower() in suffixes and not p.name.endswith(".gold.json")
    ]


def repeated(text: str, size: int) -> str:
    """``text`` repeated, paragraph after paragraph, to at least ``size``
    characters."""
    text = text.rstrip("\n") + "\n\n"
    return text * max(1, -(-size // len(text)))


def build_corpus(sources: list[Path], folder: Path, min_bytes: int) -> list[Path]:
    """Write the corpus files into ``folder``; return them."""
    texts = [p for p in sources if p.suffix.lower() in TEXT_SUFFIXES]
    if not texts:
        raise SystemExit("benchmark: no text or markdown documents found")
    written: list[Path] = []
    total = 0

    def write(source: Path, data: bytes, copy: int) -> None:
        nonlocal total
        path = folder / f"{source.stem}-{copy}{source.suffix}"
        path.write_bytes(data)
        written.append(path)
        total += len(data)

    for source in sources:
        data = source.read_bytes()
        if source.suffix.lower() in TEXT_SUFFIXES:
            data = repeated(data.decode("utf-8"), FILE_BYTES).encode("utf-8")
        write(source, data, 0)
    copy = 1
    while total < min_bytes:
        source = texts[(copy - 1) % len(texts)]
        text = repeated(source.read_text(encoding="utf-8"), FILE_BYTES)
        write(source, text.encode("utf-8"), 1 + (copy - 1) // len(texts))
        copy += 1
    return written


# ---------------------------------------------------------------- the measures


def measure_ours(paths: list[Path]) -> tuple[float, int]:
    """CPU seconds to read and extract every file, and the records found."""
    records = 0
    start = time.process_time()
    for path in paths:
        records += len(extract_document(read_document(path)))
    return time.process_time() - start, records


# Run by the old release's interpreter: its modules are top-level ``ingest.*``.
_OLD_SCRIPT = """
import sys, time
from pathlib import Path
from ingest.extract import extract_document
from ingest.sources import read_document
paths = [Path(p) for p in sys.argv[1:]]
start = time.process_time()
records = sum(len(extract_document(read_document(p))) for p in paths)
print(time.process_time() - start, records)
"""


def old_release(given: str | None = None) -> Path | None:
    """The checkout of the release before issue 13 (``given``, else
    ``$ITUKG_OLD_RELEASE``, else ``DEFAULT_OLD_RELEASE``), when there is one."""
    path = Path(given or os.environ.get("ITUKG_OLD_RELEASE") or DEFAULT_OLD_RELEASE)
    return path if (path / "ingest" / "extract.py").is_file() else None


def measure_old(root: Path, paths: list[Path]) -> tuple[float, int]:
    """CPU seconds the old release takes over the same files, and its records."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", _OLD_SCRIPT, *map(str, paths)],
        env=env,
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, records = done.stdout.split()
    return float(seconds), int(records)


def measure_eyecite(texts: list[str]) -> tuple[int, float, int] | None:
    """Bytes given to eyecite (the first ``EYECITE_BYTES`` of the texts), its CPU
    seconds and its citations; None when it is not installed."""
    try:
        from eyecite import get_citations  # type: ignore[import-untyped]
    except ImportError:
        return None
    sample = "".join(texts).encode("utf-8")[:EYECITE_BYTES].decode("utf-8", "ignore")
    start = time.process_time()
    found = len(get_citations(sample))
    return len(sample.encode("utf-8")), time.process_time() - start, found


def measure_baseline(texts: list[str]) -> tuple[float, int]:
    """Best CPU seconds of a ``Resolution`` scan over every text, and its matches."""
    pattern = re.compile("Resolution")
    best, matches = float("inf"), 0
    for _ in range(BASELINE_REPEATS):
        start = time.process_time()
        matches = sum(1 for text in texts for _ in pattern.finditer(text))
        best = min(best, time.process_time() - start)
    return best, matches


def run(min_bytes: int = MIN_BYTES, release: str | None = None) -> Result:
    sources = source_documents()
    with tempfile.TemporaryDirectory(prefix="itukg-bench-") as tmp:
        paths = build_corpus(sources, Path(tmp), min_bytes)
        size = sum(p.stat().st_size for p in paths)
        ours_s, records = measure_ours(paths)
        old = old_release(release)
        old_s, old_records = measure_old(old, paths) if old else (None, None)
        texts = [p.read_text(encoding="utf-8") for p in paths]
        base_s, matches = measure_baseline(texts)
        eyecite = measure_eyecite(texts)
    ours_rate, base_rate = size / MB / ours_s, size / MB / base_s
    old_rate = size / MB / old_s if old_s else None
    return Result(
        corpus_bytes=size,
        files=len(paths),
        sources=[label(p) for p in sources],
        ours_seconds=round(ours_s, 3),
        ours_mb_per_s=round(ours_rate, 3),
        records=records,
        records_per_s=round(records / ours_s, 1),
        baseline_seconds=round(base_s, 4),
        baseline_mb_per_s=round(base_rate, 1),
        baseline_matches=matches,
        ratio_ours_to_baseline=round(ours_rate / base_rate, 6),
        old_release=str(old) if old else None,
        old_seconds=round(old_s, 3) if old_s else None,
        old_mb_per_s=round(old_rate, 3) if old_rate else None,
        old_records=old_records,
        ratio_ours_to_old=round(ours_rate / old_rate, 3) if old_rate else None,
        eyecite_bytes=eyecite[0] if eyecite else None,
        eyecite_mb_per_s=round(eyecite[0] / MB / eyecite[1], 3) if eyecite else None,
        eyecite_citations=eyecite[2] if eyecite else None,
        python=platform.python_version(),
        machine=platform.machine(),
        cpus=os.cpu_count(),
    )


def label(path: Path) -> str:
    for root, name in ((REPO, ""), (shared_dir(), "$ITUKG_SHARED/")):
        if path.is_relative_to(root):
            return name + path.relative_to(root).as_posix()
    return str(path)


# ---------------------------------------------------------------- report


def table(r: Result) -> str:
    rows = [
        ("corpus", f"{r.corpus_bytes / MB:.1f} MB in {r.files} files"),
        ("ours", f"{r.ours_mb_per_s:.2f} MB/s ({r.ours_seconds:.1f} CPU s)"),
        ("old (3f21cbc)", _rate(r.old_mb_per_s, r.old_seconds)),
        ("ours/old", f"{r.ratio_ours_to_old:.2f}" if r.ratio_ours_to_old else "-"),
        ("baseline", f"{r.baseline_mb_per_s:.1f} MB/s (re 'Resolution')"),
        ("ours/baseline", f"{r.ratio_ours_to_baseline:.5f}"),
        ("eyecite", _rate(r.eyecite_mb_per_s, None)),
        ("records/s", f"{r.records_per_s:,.0f} ({r.records:,} records)"),
    ]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name:<{width}}  {value}" for name, value in rows)


def _rate(mb_per_s: float | None, seconds: float | None) -> str:
    if mb_per_s is None:
        return "- (not available)"
    return f"{mb_per_s:.2f} MB/s" + (f" ({seconds:.1f} CPU s)" if seconds else "")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "--release",
        help="checkout of the release before issue 13 (default $ITUKG_OLD_RELEASE, "
        f"else {DEFAULT_OLD_RELEASE})",
    )
    args = parser.parse_args(argv)
    result = run(release=args.release)
    print("extract throughput")
    print(table(result))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(asdict(result), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
