"""Issue 11, 2: no file takes the machine. Hostile files, generated here, are
each refused by ``itukg extract`` with one line on stderr, in bounded memory and
time (measured on the real command: its peak RSS, wall time)."""

from __future__ import annotations

import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

ITUKG = Path(sys.executable).parent / "itukg"
MB = 1024 * 1024
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
PEAK_MB = 512  # the most a refused file may cost
SECONDS = 60


def _docx(path: Path, parts: Callable[[zipfile.ZipFile], None]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        parts(z)


def zip_bomb(path: Path) -> None:
    """A DOCX under 1 MB whose document.xml inflates to 500 MB."""

    def parts(z: zipfile.ZipFile) -> None:
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(f"<w:document {W}><w:body><w:p><w:r><w:t>".encode())
            block = b"A" * MB
            for _ in range(500):
                f.write(block)
            f.write(b"</w:t></w:r></w:p></w:body></w:document>")

    _docx(path, parts)


def deep_docx(path: Path) -> None:
    def parts(z: zipfile.ZipFile) -> None:
        inner = "<w:sdt><w:sdtContent>" * 200_000
        z.writestr("word/document.xml", f"<w:document {W}><w:body>{inner}")

    _docx(path, parts)


def many_elements_docx(path: Path) -> None:
    def parts(z: zipfile.ZipFile) -> None:
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(f"<w:document {W}><w:body>".encode())
            for _ in range(100):
                f.write(b"<w:p/>" * 50_000)
            f.write(b"</w:body></w:document>")

    _docx(path, parts)


def big_text(path: Path) -> None:
    with path.open("wb") as f:
        for _ in range(70):
            f.write((b"Resolution 1 (Antalya, 2006) " * 36_000)[: MB - 1] + b"\n")


def many_lines(path: Path) -> None:
    path.write_bytes(b"x\n" * 3_000_000)


def long_line(path: Path) -> None:
    path.write_bytes(b"Resolution 1 " * 400_000)


def deep_json(path: Path) -> None:
    path.write_bytes(b"[" * 200_000 + b'"a b"' + b"]" * 200_000)


def deep_akn(path: Path) -> None:
    path.write_bytes(b"<akomaNtoso>" + b"<p>" * 200_000)


def laughs(path: Path) -> None:
    entities = ['<!ENTITY l0 "ha ha ">'] + [
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    doc = f"<?xml version='1.0'?><!DOCTYPE a [{''.join(entities)}]><akomaNtoso>&l9;"
    path.write_text(doc + "</akomaNtoso>")


def big_html(path: Path) -> None:
    with path.open("wb") as f:
        f.write(b"<!doctype html><html><body>")
        for _ in range(70):
            f.write(b"<p>Resolution 1</p>" * (MB // 19))
        f.write(b"</body></html>")


HOSTILE = [
    ("zip-bomb.docx", zip_bomb, "inflates past"),
    ("deep.docx", deep_docx, "deeper than"),
    ("elements.docx", many_elements_docx, "elements"),
    ("big.txt", big_text, "too large"),
    ("lines.txt", many_lines, "too many lines"),
    ("long-line.txt", long_line, "a line of"),
    ("deep.json", deep_json, "nested too deeply"),
    ("deep-akn.xml", deep_akn, "deeper than"),
    ("laughs.xml", laughs, "XML"),
    ("big.html", big_html, "too large"),
]


# The command runs under a small Python that reports its children's peak RSS: a
# direct child of pytest would inherit pytest's own peak (Linux keeps the old
# memory's high-water mark across exec), which says nothing of the command.
MEASURE = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(done.returncode)
"""


def run_measured(*args: str) -> tuple[int, str, float, float]:
    """Exit status, stderr, peak RSS (MB) and seconds of one command."""
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *args], capture_output=True, text=True
    )
    peak = int(done.stdout.split()[-1]) / 1024
    return done.returncode, done.stderr, peak, time.monotonic() - start


@pytest.mark.parametrize(
    ("name", "make", "reason"), HOSTILE, ids=[h[0] for h in HOSTILE]
)
def test_hostile_file_is_refused_in_bounded_memory_and_time(
    tmp_path: Path, name: str, make: Callable[[Path], None], reason: str
) -> None:
    path = tmp_path / name
    make(path)
    code, err, peak, seconds = run_measured(str(ITUKG), "extract", str(path))
    size = path.stat().st_size
    print(f"\n{name}: {size / MB:.1f} MB, peak {peak:.0f} MB, {seconds:.1f} s: {err}")
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"itukg: {path}: "), err
    assert reason in lines[0]
    assert peak < PEAK_MB and seconds < SECONDS
    if name == "zip-bomb.docx":
        assert size < 1 * MB
