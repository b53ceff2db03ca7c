"""Reading speed of the formatted-document readers: pages per second for PDF,
documents per second for DOCX.

The files are the PDFs and DOCX files of ``$ITUKG_SHARED/corpus/real`` (default
``../shared`` beside the repository; skipped when missing) and the seed document
built at run time as a PDF (drawn strike-through lines) and as a DOCX (tracked
revisions), as the tests build them. Each set is read ``PASSES`` times in one
process, after start-up; the best pass counts, in CPU seconds of the process
(the machine is shared; the readers are single-threaded). Two measures per
format:

- read: ``read_document`` (the reader alone: parsing, layout, changes);
- extract: ``extract_document(read_document(path))``, the whole pipeline.

PDF reading is also compared, on the real PDFs, with:

- the peer: pypdfium2's text, every character's box and every page object's
  type and position, from a plain Python loop over its documented helpers (what
  any PDFium-based reader must at least do);
- the release before the PDFium reader (commit 3f21cbc, pdfminer.six), when
  ``$ITUKG_OLD_RELEASE`` names a checkout of it and pdfminer.six is installed: it
  runs in a subprocess (its modules are top-level ``ingest.*``) on the same files.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import pypdfium2 as pdfium

from itukg.ingest import extract_document, read_document
from itukg.ingest.readers import pdf
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
    document = pdfium.PdfDocument(path)
    try:
        return len(document)
    finally:
        document.close()


def _best(paths: list[Path], work: Callable[[Path], object]) -> float:
    best = float("inf")
    for _ in range(PASSES):
        start = time.process_time()
        for path in paths:
            work(path)
        best = min(best, time.process_time() - start)
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


@dataclass(frozen=True)
class PdfComparison:
    """PDF reading on the same real files, in pages per CPU second."""

    files: int
    pages: int
    this_reader: float
    peer: float  # pypdfium2 text + character boxes + path objects, plain loop
    old_release: float | None  # 3f21cbc (pdfminer.six), when a checkout is given

    @property
    def speedup(self) -> float | None:
        return None if not self.old_release else self.this_reader / self.old_release


def _peer(path: Path) -> None:
    """What a PDFium-based reader must at least do, with pypdfium2's helpers."""
    document = pdfium.PdfDocument(path)
    for page in document:
        textpage = page.get_textpage()
        textpage.get_text_range()
        for i in range(textpage.count_chars()):
            textpage.get_charbox(i)
        for obj in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_PATH]):
            obj.get_bounds()
        textpage.close()
        page.close()
    document.close()


def _this_reader(path: Path) -> None:
    pdf.read(path, path.read_bytes())


_OLD_READER = """
import sys, time
from pathlib import Path
from ingest.readers import pdf
paths, best = [Path(p) for p in sys.argv[2:]], float("inf")
for _ in range(int(sys.argv[1])):
    start = time.process_time()
    for path in paths:
        pdf.read(path, path.read_bytes())
    best = min(best, time.process_time() - start)
print(best)
"""


def _old_release(paths: list[Path]) -> float | None:
    """CPU seconds of the old release's PDF reader on ``paths`` (best pass)."""
    checkout = os.environ.get("ITUKG_OLD_RELEASE")
    if not checkout:
        return None
    done = subprocess.run(
        [sys.executable, "-c", _OLD_READER, str(PASSES), *map(str, paths)],
        cwd=checkout,
        env={**os.environ, "PYTHONPATH": checkout},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["failed"])[-1]
        print(f"old release not measured: {last}", file=sys.stderr)
        return None
    return float(done.stdout.strip())


def compare_pdf(paths: list[Path]) -> PdfComparison:
    pages = sum(_pages(p) for p in paths)
    old = _old_release(paths)
    return PdfComparison(
        files=len(paths),
        pages=pages,
        this_reader=round(pages / _best(paths, _this_reader), 1),
        peer=round(pages / _best(paths, _peer), 1),
        old_release=round(pages / old, 1) if old else None,
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


def run() -> tuple[list[Rate], PdfComparison | None]:
    with tempfile.TemporaryDirectory(prefix="itukg-bench-formats-") as tmp:
        files = corpus(Path(tmp))
        rates = [measure(fmt, paths) for fmt, paths in files.items() if paths]
    real = shared_dir() / "corpus" / "real"
    pdfs = sorted(real.glob("*.pdf")) if real.is_dir() else []
    return rates, compare_pdf(pdfs) if pdfs else None


def comparison(c: PdfComparison) -> str:
    old = (
        f"{c.old_release:.1f} pages/s, this reader x{c.speedup:.1f}"
        if c.old_release and c.speedup
        else "not measured (set ITUKG_OLD_RELEASE to a checkout of 3f21cbc)"
    )
    return (
        f"PDF read on {c.files} real files, {c.pages} pages (CPU time):\n"
        f"  this reader  {c.this_reader:.1f} pages/s\n"
        f"  peer         {c.peer:.1f} pages/s (pypdfium2 text + char boxes + "
        "path objects, plain Python loop)\n"
        f"  old release  {old}"
    )


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
    rates, pdfs = run()
    print("format readers")
    print(table(rates))
    if pdfs is not None:
        print(comparison(pdfs))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "rates": [asdict(r) for r in rates],
        "pdf_comparison": None if pdfs is None else asdict(pdfs),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
    }
    RESULTS.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
