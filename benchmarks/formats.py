"""Reading speed of the formatted-document readers: pages per second for PDF,
documents per second for DOCX.

The files are the PDFs and DOCX files of ``$ITUKG_SHARED/corpus/real`` (default
``../shared`` beside the repository; skipped when missing) and the seed document
built at run time as a PDF (drawn strike-through lines) and as a DOCX (tracked
revisions), as the tests build them. Each set is read ``PASSES`` times in one
process, after start-up; the best pass counts. Two measures per format:

- read: ``read_document`` (the reader alone: parsing, layout, changes);
- extract: ``extract_document(read_document(path))``, the whole pipeline.
"""

from __future__ import annotations

import json
import os
import platform
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from pdfminer.pdfpage import PDFPage

from itukg.ingest import extract_document, read_document
from tests.ingest.formats_factory import build_docx, build_pdf, seed_lines

REPO = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results" / "formats.json"
SEED = "corpus/seed/000_0db5f33711737b4f.txt"
PASSES = 3


@dataclass(frozen=True)
class Rate:
    fmt: str
    files: int
    pages: int
    megabytes: float
    read_seconds: float
    extract_seconds: float
    pages_per_s: float  # read
    docs_per_s: float  # read
    extract_pages_per_s: float
    extract_docs_per_s: float


def shared_dir() -> Path:
    return Path(os.environ.get("ITUKG_SHARED") or REPO.parent / "shared")


def _pages(path: Path) -> int:
    if path.suffix.lower() != ".pdf":
        return 0
    with path.open("rb") as f:
        return sum(1 for _ in PDFPage.get_pages(f))


def _best(paths: list[Path], work: Callable[[Path], object]) -> float:
    best = float("inf")
    for _ in range(PASSES):
        start = time.perf_counter()
        for path in paths:
            work(path)
        best = min(best, time.perf_counter() - start)
    return best


def measure(fmt: str, paths: list[Path]) -> Rate:
    pages = sum(_pages(p) for p in paths)
    read_s = _best(paths, read_document)
    extract_s = _best(paths, lambda p: extract_document(read_document(p)))
    return Rate(
        fmt=fmt,
        files=len(paths),
        pages=pages,
        megabytes=round(sum(p.stat().st_size for p in paths) / 10**6, 2),
        read_seconds=round(read_s, 3),
        extract_seconds=round(extract_s, 3),
        pages_per_s=round(pages / read_s, 1),
        docs_per_s=round(len(paths) / read_s, 2),
        extract_pages_per_s=round(pages / extract_s, 1),
        extract_docs_per_s=round(len(paths) / extract_s, 2),
    )


def corpus(folder: Path) -> dict[str, list[Path]]:
    """The files of each format: the real ones and the seed built into ``folder``."""
    real = shared_dir() / "corpus" / "real"
    files = {
        fmt: sorted(real.glob(f"*.{fmt}")) if real.is_dir() else []
        for fmt in ("pdf", "docx")
    }
    seed = shared_dir() / SEED
    if seed.is_file():
        lines = seed_lines(seed.read_text(encoding="utf-8"))
        for fmt, data in (("pdf", build_pdf(lines)), ("docx", build_docx(lines))):
            path = folder / f"seed.{fmt}"
            path.write_bytes(data)
            files[fmt].append(path)
    return files


def run() -> list[Rate]:
    with tempfile.TemporaryDirectory(prefix="itukg-bench-formats-") as tmp:
        files = corpus(Path(tmp))
        return [measure(fmt, paths) for fmt, paths in files.items() if paths]


def table(rates: list[Rate]) -> str:
    rows = []
    for r in rates:
        pages = f", {r.pages} pages" if r.pages else ""
        size = f"{r.files} files{pages}, {r.megabytes} MB"
        if r.fmt == "pdf":
            speed = (
                f"{r.pages_per_s:.1f} pages/s read, "
                f"{r.extract_pages_per_s:.1f} pages/s extract"
            )
        else:
            speed = (
                f"{r.docs_per_s:.1f} docs/s read, {r.extract_docs_per_s:.1f} docs/s "
                "extract"
            )
        rows.append(f"{r.fmt:<5} {speed}  ({size})")
    return "\n".join(rows)


def main() -> None:
    rates = run()
    print("format readers")
    print(table(rates))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "rates": [asdict(r) for r in rates],
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
    }
    RESULTS.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
