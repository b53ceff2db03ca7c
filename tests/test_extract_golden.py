"""``itukg extract --format jsonl`` on every file of the shared corpus and of
``examples/`` gives exactly the lines of ``golden/extract/<file>.jsonl``: a
refactoring must leave the public records byte-identical, and a rule change shows
up as a reviewed diff (``pytest --update-golden`` rewrites the files; a missing
golden file fails)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from itukg.cli import main
from tests.conftest import ROOT, shared_dir

GOLDEN = Path(__file__).resolve().parent / "golden" / "extract"
SKIP = (".gold.json", ".tsv")


def _files() -> list[Path]:
    corpus = shared_dir() / "corpus"
    found = [
        *sorted((corpus / "seed").glob("*")),
        *sorted((corpus / "real").glob("*")),
        *sorted((ROOT / "examples").glob("*")),
    ]
    return [p for p in found if p.is_file() and not p.name.endswith(SKIP)]


FILES = _files()


@pytest.mark.shared
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_extract_is_byte_identical(
    path: Path, shared: Path, update_golden: bool
) -> None:
    result = CliRunner().invoke(main, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    golden = GOLDEN / f"{path.name}.jsonl"
    if update_golden:
        golden.write_text(result.stdout, encoding="utf-8")
    assert golden.is_file(), f"no {golden.name}: run pytest --update-golden, review it"
    want = golden.read_text(encoding="utf-8").splitlines()
    got = result.stdout.splitlines()
    missing = [line for line in want if line not in set(got)]
    extra = [line for line in got if line not in set(want)]
    assert got == want, (
        f"{path.name}: {len(missing)} records gone, {len(extra)} new\n- "
        + "\n- ".join(missing[:10])
        + "\n+ "
        + "\n+ ".join(extra[:10])
    )


def test_every_golden_file_has_its_document() -> None:
    """A golden file whose document is gone is stale, not silently kept."""
    if not (shared_dir() / "corpus").is_dir():
        pytest.skip("no shared corpus")
    names = {f"{p.name}.jsonl" for p in FILES}
    assert {p.name for p in GOLDEN.glob("*.jsonl")} <= names
