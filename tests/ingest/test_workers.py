"""Issue 11, 2 and 6: a reading process of ``itukg ingest`` that dies loses its
file only (named on stderr with the reason, the other files ingested, exit 1, no
traceback), and the reading processes end when ``itukg ingest`` itself is
killed. Real command, real store, real signals."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

ITUKG = Path(sys.executable).parent / "itukg"
SMALL = sorted((ROOT / "examples").glob("*.txt")) + sorted(
    (ROOT / "examples").glob("*.md")
)


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def cpu(pid: int) -> int:
    """Clock ticks of CPU time ``pid`` used so far (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def corpus(folder: Path) -> Path:
    """A slow file first (its reading takes many seconds), then small ones."""
    folder.mkdir()
    text = "".join(p.read_text() for p in SMALL)
    (folder / "a-slow.txt").write_text(text * 300)
    for p in SMALL:
        (folder / p.name).write_text(p.read_text())
    return folder


def busiest_worker(proc: subprocess.Popen[bytes]) -> int:
    """Once the small files are done, the one worker still reading: the slow
    file's (the others idle: their CPU time stands still)."""
    deadline = time.monotonic() + 90
    time.sleep(2)
    while time.monotonic() < deadline:
        before = {pid: cpu(pid) for pid in children(proc.pid)}
        time.sleep(0.5)
        busy = [pid for pid, ticks in before.items() if cpu(pid) > ticks]
        if len(before) > 1 and len(busy) == 1:
            return busy[0]
    raise AssertionError("no single busy reading process")


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGSEGV])
def test_a_dead_worker_costs_its_file_only(tmp_path: Path, sig: signal.Signals) -> None:
    folder = corpus(tmp_path / "in")
    store = tmp_path / "store"
    proc = subprocess.Popen(
        [str(ITUKG), "--store", str(store), "ingest", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    os.kill(busiest_worker(proc), sig)
    out, err = proc.communicate(timeout=120)
    text = err.decode()
    assert proc.returncode == 1, text
    assert "Traceback" not in text and "BrokenProcessPool" not in text
    lines = [line for line in text.splitlines() if "note:" not in line]
    assert len(lines) == 1 and "a-slow.txt: cannot be read: its process" in lines[0]
    assert sig.name in lines[0]
    assert f"{len(SMALL)} new" in out.decode() and "1 failed" in out.decode()


@pytest.mark.slow
def test_workers_end_with_the_ingest(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in")
    proc = subprocess.Popen(
        [str(ITUKG), "--store", str(tmp_path / "store"), "ingest", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(3)
    workers = children(proc.pid)
    assert workers
    proc.kill()
    proc.wait(10)
    deadline = time.monotonic() + 5
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(w) for w in workers)
