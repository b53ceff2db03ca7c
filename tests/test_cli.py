"""The ``itukg`` console script as users run it (design/contract.md §2).

Every case runs the installed executable in a subprocess, with a timeout so that a
hang fails the test instead of blocking the suite. Inputs are written under
``tmp_path`` at test time; nothing large is committed.

The bad-input table gives each bad file *before* a small good ITU text, and checks
the exit status (0 when every file was read, 1 when any could not be), one stderr
line per unreadable file naming the file and the reason, a stdout of JSON lines
only, and that the good file's records are still printed, unchanged.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ITUKG = Path(sys.executable).with_name("itukg")
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TIMEOUT = 60.0  # seconds; generous, only there to turn a hang into a failure

GOOD_TEXT = """\
The Council,

recalling Resolution 130 (Rev. Busan, 2014) of the Plenipotentiary Conference,

recalling further

a) Resolution 69 (Hyderabad, 2010) of the World Telecommunication Development
Conference;

b) Resolution 646 (WRC-03),
"""
GOOD_TARGETS = {"pp/res/130/2014", "wtdc/res/69/2010", "wrc/res/646/2003"}

# One paragraph of an ITU resolution; repeated to make a large but valid document.
PARAGRAPH = """\
recalling

a) Resolution 130 (Rev. Busan, 2014) of the Plenipotentiary Conference, on
strengthening the role of ITU in building confidence and security in the use of
information and communication technologies;

b) Resolution 69 (Hyderabad, 2010) of the World Telecommunication Development
Conference, and Resolution 646 (WRC-03),

considering

that the work of the Union continues to grow and that its membership expects
timely results from the study groups,

"""

# Inputs built to make a careless regex backtrack or a careless loop go quadratic.
PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "resolution-open-paren": lambda n: "Resolution (" * n,
    "nested-parens": lambda n: "(" * n,
    "resolutions-list": lambda n: "Resolutions 1, " * n,
    "strike-marks": lambda n: "~~" * n,
    "unclosed-headers": lambda n: "RESOLUTION 1 (\n" * n,
}


# ---------------------------------------------------------------- running the script


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.stdout.splitlines()

    @property
    def errors(self) -> list[str]:
        return self.stderr.splitlines()

    def records(self) -> list[dict[str, Any]]:
        """stdout as JSON records; fails unless every line is a JSON object with a
        ``type``."""
        out = []
        for i, line in enumerate(self.lines):
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                pytest.fail(f"stdout line {i} is not JSON ({exc}): {line[:200]!r}")
            assert isinstance(record, dict), f"stdout line {i} is not an object"
            kinds = ("citation", "amendment", "mandate")
            assert record.get("type") in kinds, line[:200]
            out.append(record)
        return out


def itukg(*args: str | Path, timeout: float = TIMEOUT) -> Run:
    proc = subprocess.run(
        [str(ITUKG), *map(str, args)],
        capture_output=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def extract(*paths: Path, timeout: float = TIMEOUT) -> Run:
    return itukg("extract", *paths, "--format", "jsonl", timeout=timeout)


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A small good ITU text and the JSON lines it yields on its own."""
    path = tmp_path_factory.mktemp("good") / "good.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    run = extract(path)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert {r.get("target") for r in run.records()} >= GOOD_TARGETS
    return path, run.lines


# ---------------------------------------------------------------- the bad-input table


@dataclass(frozen=True)
class Case:
    """A bad input: ``write`` makes it under a folder and returns its path;
    ``reason`` is None when the file must be read (exit 0), else a regex the
    stderr line must match; ``records`` says the file itself yields citations."""

    write: Callable[[Path], Path]
    reason: str | None = None
    records: bool = False
    timeout: float = TIMEOUT


def writer(name: str, data: bytes | Callable[[], bytes]) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data() if callable(data) else data)
        return path

    return write


def text_writer(name: str, text: str) -> Callable[[Path], Path]:
    return writer(name, text.encode("utf-8"))


def random_binary() -> bytes:
    rng = random.Random(20240229)
    return rng.randbytes(4096) + b"\x00\x00" + rng.randbytes(4096)


def big_text(size: int) -> Callable[[], bytes]:
    def make() -> bytes:
        block = PARAGRAPH.encode("utf-8")
        return block * (size // len(block) + 1)

    return make


def long_line(size: int) -> Callable[[], bytes]:
    def make() -> bytes:
        unit = b"the Council noted Resolution 130 (Rev. Busan, 2014) in its work "
        return (unit * (size // len(unit) + 1))[:size].rstrip(b"\n")

    return make


def missing(folder: Path) -> Path:
    return folder / "missing.txt"


def empty_folder(folder: Path) -> Path:
    path = folder / "empty-folder"
    path.mkdir()
    return path


def pathological(name: str, n: int) -> Callable[[Path], Path]:
    return text_writer(f"{name}-{n}.txt", PATHOLOGICAL[name](n))


CASES = [
    pytest.param(Case(text_writer("empty.txt", ""), "empty"), id="empty-file"),
    pytest.param(Case(text_writer("blank.txt", " \n\t\n"), "empty"), id="blank-file"),
    pytest.param(Case(writer("random.bin", random_binary), "binary"), id="binary-file"),
    pytest.param(
        Case(
            writer("latin1.txt", "Résolution 130 (Rev. Busan, 2014)".encode("latin-1")),
            "UTF-8",
        ),
        id="invalid-utf8",
    ),
    pytest.param(Case(missing, "No such file"), id="missing-file"),
    pytest.param(
        Case(
            writer("paper.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
            "not a readable PDF",
        ),
        id="pdf-magic",
    ),
    pytest.param(
        Case(
            writer("paper.docx", b"PK\x03\x04\x14\x00\x06\x00" + bytes(64)),
            "not a readable ZIP container",
        ),
        id="docx-magic",
    ),
    pytest.param(
        Case(
            writer("paper.txt", b"PK\x03\x04\x14\x00\x06\x00" + bytes(64)),
            "not a readable ZIP container",
        ),
        id="zip-magic-named-txt",
    ),
    # A folder is read as the files below it (none here): nothing to refuse.
    pytest.param(Case(empty_folder), id="empty-folder"),
    pytest.param(
        Case(writer("big.txt", big_text(50 * 1024 * 1024)), records=True, timeout=300),
        id="50mb-text",
        marks=pytest.mark.slow,
    ),
    pytest.param(
        Case(writer("line.txt", long_line(1024 * 1024)), records=True),
        id="1mb-line-no-newline",
    ),
    *(
        pytest.param(Case(pathological(name, 100_000)), id=f"{name}-100k")
        for name in PATHOLOGICAL
    ),
]


@pytest.mark.parametrize("case", CASES)
def test_bad_input(case: Case, good: tuple[Path, list[str]], tmp_path: Path) -> None:
    good_path, good_lines = good
    bad = case.write(tmp_path)

    run = extract(bad, good_path, timeout=case.timeout)

    records = run.records()  # every stdout line is a JSON record with a type
    if case.reason is None:
        assert run.returncode == 0, run.stderr
        assert run.errors == []
    else:
        assert run.returncode == 1
        assert len(run.errors) == 1, run.stderr
        assert str(bad) in run.errors[0]
        assert re.search(case.reason, run.errors[0]), run.errors[0]
    # The good file comes after the bad one: its records are all there, unchanged.
    assert run.lines[len(run.lines) - len(good_lines) :] == good_lines
    own = records[: len(records) - len(good_lines)]
    if case.records:
        assert any(r["type"] == "citation" and r["target"] for r in own)
    if case.reason is not None:
        assert own == []


def test_two_bad_files_two_lines(good: tuple[Path, list[str]], tmp_path: Path) -> None:
    good_path, good_lines = good
    empty = text_writer("empty.txt", "")(tmp_path)
    gone = missing(tmp_path)

    run = extract(empty, good_path, gone)

    assert run.returncode == 1
    assert len(run.errors) == 2, run.stderr
    assert str(empty) in run.errors[0] and str(gone) in run.errors[1]
    assert run.lines == good_lines


# ---------------------------------------------------------------- `itukg text`

TEXT_CASES = [
    pytest.param(empty_folder, "directory", id="folder"),
    pytest.param(missing, "No such file", id="missing-file"),
    pytest.param(text_writer("empty.txt", ""), "empty", id="empty-file"),
    pytest.param(writer("paper.pdf", b"%PDF-1.4\n"), "not a readable PDF", id="pdf"),
]


@pytest.mark.parametrize(("write", "reason"), TEXT_CASES)
def test_text_bad_input(
    write: Callable[[Path], Path], reason: str, tmp_path: Path
) -> None:
    bad = write(tmp_path)

    run = itukg("text", bad)

    assert run.returncode == 1
    assert run.stdout == ""
    assert len(run.errors) == 1, run.stderr
    assert str(bad) in run.errors[0] and reason in run.errors[0]


# ---------------------------------------------------- linearity, without timing


@pytest.mark.parametrize("n", [10_000, 100_000], ids=["10k", "100k"])
@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_input_completes(name: str, n: int, tmp_path: Path) -> None:
    """Ten times the input must still finish well inside the timeout: a quadratic
    scan of 100,000 repetitions would not. No durations are asserted."""
    path = pathological(name, n)(tmp_path)

    run = extract(path, timeout=TIMEOUT)

    assert run.returncode == 0, run.stderr
    run.records()


# ---------------------------------------------------------------- help and `itukg text`


@pytest.mark.parametrize(
    "args",
    [["--help"], ["extract", "--help"], ["text", "--help"]],
    ids=["itukg", "extract", "text"],
)
def test_help(args: list[str]) -> None:
    run = itukg(*args)

    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Usage: itukg")


EXAMPLE_DOCS = sorted([*EXAMPLES.glob("*.txt"), *EXAMPLES.glob("*.md")])
STRUCK = re.compile(r"~~.*?~~", re.S)


def words(s: str) -> str:
    return " ".join(s.split())


def unmarked(s: str) -> str:
    return s.replace("~~", "").replace("*", "")


def is_subsequence(small: str, big: str) -> bool:
    chars = iter(big)
    return all(c in chars for c in small)


@pytest.mark.parametrize("doc", EXAMPLE_DOCS, ids=[p.name for p in EXAMPLE_DOCS])
def test_text_gives_the_offsets_of_the_records(doc: Path) -> None:
    """``itukg text`` prints the text record offsets index (for a text file: the
    file itself). ``[start:end]`` of it spans the record's words exactly: with the
    markup removed and whitespace collapsed it *is* ``text``; where struck text lies
    in the span, the current view drops it, and the previous view keeps the struck
    words and drops what replaced them."""
    printed = itukg("text", doc)
    assert printed.returncode == 0, printed.stderr
    text = printed.stdout
    assert text == doc.read_text(encoding="utf-8")

    run = extract(doc)
    assert run.returncode == 0, run.stderr
    citations = [r for r in run.records() if r["type"] == "citation"]
    assert citations, f"{doc.name}: no citations"
    for r in citations:
        span = text[r["start"] : r["end"]]
        where = f"{doc.name} {r['view']} [{r['start']}:{r['end']}] {span!r}"
        assert r["text"] and not r["text"][0].isspace(), where
        assert span[:1] == r["text"][:1] and span[-1:] == r["text"][-1:], where
        if "~~" not in span:
            assert words(unmarked(span)) == words(r["text"]), where
        elif r["view"] == "current":
            assert words(unmarked(STRUCK.sub("", span))) == words(r["text"]), where
        else:
            kept = "".join(unmarked(span).split())
            assert is_subsequence("".join(r["text"].split()), kept), where


def test_folders_give_their_documents_only(tmp_path: Path) -> None:
    """A folder gives its documents (hidden files, gold files and tables left
    out); a table named on its own is still read."""
    (tmp_path / "a.txt").write_text("recalling Resolution 130 (Rev. Busan, 2014)\n")
    (tmp_path / "list.tsv").write_text(
        "file\tnote\nx\tResolution 71 (Rev. Dubai, 2018)\n"
    )
    (tmp_path / "a.gold.json").write_text("{}")
    (tmp_path / ".hidden.txt").write_text("Resolution 1 (Rev. Busan, 2014)\n")
    itukg = Path(sys.executable).with_name("itukg")
    folder = subprocess.run(
        [str(itukg), "extract", str(tmp_path), "--format", "jsonl"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    docs = {json.loads(line)["doc"] for line in folder.stdout.splitlines()}
    assert (folder.returncode, docs) == (0, {"doc/a"})
    table = subprocess.run(
        [str(itukg), "extract", str(tmp_path / "list.tsv"), "--format", "jsonl"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert json.loads(table.stdout.splitlines()[0])["target"] == "pp/res/71/2018"


# ---------------------------------------------------------------- CLI habits


def run(*args: str | Path, stdin: str = "", cwd: Path | None = None) -> Run:
    proc = subprocess.run(
        [str(ITUKG), *map(str, args)],
        input=stdin,
        capture_output=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        check=False,
        cwd=cwd,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture(scope="module")
def store(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    from tests.api.live import build_store

    return build_store(shared, tmp_path_factory.mktemp("cli") / "store")


READ_COMMANDS = [
    ["query", "most-cited"],
    ["sparql", "ASK {}"],
    ["export", "--format", "ttl"],
    ["remove", "doc/x"],
    ["serve", "--port", "1"],
    ["lineage", "pp/res/130"],
]


@pytest.mark.parametrize("args", READ_COMMANDS, ids=[a[0] for a in READ_COMMANDS])
def test_read_commands_refuse_a_missing_store(args: list[str], tmp_path: Path) -> None:
    r = run("--store", "mistyped/store", *args, cwd=tmp_path)
    assert r.returncode == 2
    assert r.errors == [
        "itukg: mistyped/store: no store there (build it with `itukg ingest`, "
        "or give --store)"
    ]
    assert r.stdout == ""
    assert not (tmp_path / "mistyped").exists()
    assert not (tmp_path / "data").exists()


def test_an_unknown_key_or_query_names_the_closest(store: str) -> None:
    r = run("--store", store, "query", "cites", "-p", "key=pp/res/130/2015")
    assert r.returncode == 2 and r.stdout == ""
    assert len(r.errors) == 1
    assert "no instrument 'pp/res/130/2015'" in r.errors[0]
    assert "pp/res/130/2014" in r.errors[0]
    r = run("--store", store, "query", "cite")
    assert r.returncode == 2
    assert r.errors == [
        "itukg: no query named 'cite' (closest: cites, cited-by, most-cited)"
    ]


def test_stdin_for_extract_and_text() -> None:
    r = run("extract", "-", "--format", "jsonl", stdin=GOOD_TEXT)
    assert r.returncode == 0, r.stderr
    assert {rec.get("target") for rec in r.records()} >= GOOD_TARGETS
    assert all(rec["source"] == "doc/stdin" or rec["source"] for rec in r.records())
    t = run("text", "-", stdin=GOOD_TEXT)
    assert t.returncode == 0 and t.stdout == GOOD_TEXT


QUERY = "SELECT ?key WHERE { ?i itu:key ?key } ORDER BY ?key LIMIT 3"


def test_sparql_from_stdin_and_file_with_the_prefixes_declared(
    store: str, tmp_path: Path
) -> None:
    arg = run("--store", store, "sparql", QUERY, "--format", "json")
    assert arg.returncode == 0, arg.stderr
    rows = json.loads(arg.stdout)
    assert len(rows) == 3 and set(rows[0]) == {"key"}
    piped = run("--store", store, "sparql", "-", "--format", "json", stdin=QUERY)
    assert json.loads(piped.stdout) == rows
    file = tmp_path / "q.rq"
    file.write_text(QUERY, encoding="utf-8")
    by_file = run("--store", store, "sparql", "--file", file, "--format", "json")
    assert json.loads(by_file.stdout) == rows
    both = run("--store", store, "sparql", QUERY, "--file", file)
    assert both.returncode == 2 and "not both" in both.stderr
    bad = run("--store", store, "sparql", "SELECT * WHERE { ?s nope:x ?o }")
    assert bad.returncode == 2
    assert bad.errors == [
        "itukg: bad SPARQL: error at 1:27: a prefix that no PREFIX line declares"
    ]


def test_tables_mark_cut_cells_and_wide_shows_them(store: str) -> None:
    args = ["--store", store, "query", "cites", "-p", "key=pp/res/130/2014"]
    cut = run(*args)
    assert cut.returncode == 0
    assert "…" in cut.stdout
    assert max(len(line) for line in cut.lines) < 400
    wide = run(*args, "--wide")
    assert "…" not in "".join(w for w in wide.lines if w.startswith("source"))
    assert max(len(line) for line in wide.lines) > max(len(line) for line in cut.lines)
    assert cut.lines[-1] == wide.lines[-1]  # (N rows)


def test_short_help_quiet_and_verbose(store: str) -> None:
    assert run("-h").stdout.startswith("Usage: itukg")
    assert run("query", "-h").stdout.startswith("Usage: itukg query")
    said = {}
    for flag in ("-q", "-v", "-vv"):
        r = run(flag, "--store", store, "query", "most-cited", "--format", "csv")
        assert r.returncode == 0 and r.stdout.startswith("target"), r.stderr
        said[flag] = r.errors
    assert said["-q"] == []
    assert f"itukg: store: {store}" in said["-v"]
    assert any(line.startswith("itukg: query most-cited") for line in said["-vv"])
