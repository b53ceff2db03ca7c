"""Issue 11, 6: links a folder holds that lead nowhere are named, and the bulk
loader's temporary files do not outlive a crash."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from itukg.ontology.store import open_store

ITUKG = Path(sys.executable).parent / "itukg"
LOAD = """
import sys
from itukg.ontology.store import open_store
store = open_store(sys.argv[1])
lines = [f'<http://a/{i}> <http://b/p> "{i} {i} {i}" .' for i in range(1_500_000)]
print("loading", flush=True)
store.add_graphs([("http://g/1", lines)], "http://b/last")
"""


def test_links_that_lead_nowhere_are_named(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("recalling Resolution 130 (Rev. Busan, 2014)\n")
    (folder / "broken.txt").symlink_to(folder / "gone.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "up").symlink_to(folder)
    (folder / "b.txt").symlink_to(folder / "a.txt")  # a link to a file is read
    done = subprocess.run(
        [str(ITUKG), "extract", str(folder), "--format", "jsonl"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    notes = sorted(done.stderr.splitlines())
    assert notes == [
        f"itukg: note: {folder / 'broken.txt'}: skipped (a broken symbolic link)",
        f"itukg: note: {folder / 'loop.txt'}: skipped (a symbolic link loop)",
        f"itukg: note: {folder / 'up'}: skipped (a symbolic link to a folder, "
        "not followed)",
    ]
    assert len(done.stdout.splitlines()) == 2  # a.txt and b.txt


@pytest.mark.slow
def test_bulk_files_of_a_killed_load_are_cleaned(tmp_path: Path) -> None:
    path = tmp_path / "store"
    proc = subprocess.Popen(
        [sys.executable, "-c", LOAD, str(path)], stdout=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stdout.readline() == b"loading\n"
    deadline = time.monotonic() + 60
    while not list(path.glob("bulk-*.sst")) and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.kill()
    proc.wait(10)
    assert list(path.glob("bulk-*.sst")), "the load ended before a bulk file showed"
    store = open_store(str(path))  # the next writer cleans up
    assert not list(path.glob("bulk-*.sst"))
    store.add_graphs(
        [("http://g/2", ["<http://a/x> <http://b/p> <http://a/y> ."])], "x"
    )
    assert not list(path.glob("bulk-*.sst"))
