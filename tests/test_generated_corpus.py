"""The generated corpus of the scale tests (``benchmarks.corpus``, issue 12): a
small one, with DOCX and PDF files among the text, scores at least 0.99 against
its own gold, by the team's scorer on the output of the real ``itukg extract``."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from benchmarks.corpus import DENSITY, write_corpus

ITUKG = Path(sys.executable).with_name("itukg")


def test_generated_corpus_scores_its_gold(shared: Path, tmp_path: Path) -> None:
    paths = write_corpus(tmp_path, 24, seed=5)
    assert {p.suffix for p in paths} >= {".txt", ".docx", ".pdf"}
    out = subprocess.run(
        [str(ITUKG), "extract", str(tmp_path), "--format", "jsonl"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    by_doc: dict[str, list[str]] = defaultdict(list)
    for line in out.stdout.splitlines():
        by_doc[json.loads(line)["doc"]].append(line)
    scores = []
    for gold in sorted(tmp_path.glob("*.gold.json")):
        records = tmp_path / (gold.name.removesuffix(".gold.json") + ".jsonl")
        doc = json.loads(gold.read_text())["doc"]
        records.write_text("\n".join(by_doc[doc]) + "\n")
        scored = subprocess.run(
            [sys.executable, str(shared / "tools/score-extract"), str(gold),
             str(records), "--quiet"],
            capture_output=True, text=True,
        )  # fmt: skip
        last = scored.stdout.strip().splitlines()[-1]
        scores.append(float(last.removeprefix("f1=")))
    assert len(scores) == 24
    mean = sum(scores) / len(scores)
    assert mean >= 0.99, scores


@pytest.mark.parametrize("docs", [40])
def test_popular_instruments_are_cited_by_many(tmp_path: Path, docs: int) -> None:
    write_corpus(tmp_path, docs, seed=2, formats=False)
    cited: dict[str, int] = defaultdict(int)
    for gold in tmp_path.glob("*.gold.json"):
        targets = {
            t
            for by_source in json.loads(gold.read_text())["citations"].values()
            for ts in by_source.values()
            for t in ts
        }
        for t in targets:
            cited[t] += 1
    top = max(cited.values())
    assert top >= docs // 8, sorted(cited.items(), key=lambda kv: -kv[1])[:5]


def test_length_and_density_are_those_of_real_texts(tmp_path: Path) -> None:
    """Real resolutions are mostly prose: 0.6 to 1.6 citations per 1,000
    characters and 5 to 15 KB each (``DENSITY``); a generator that packs a
    citation into every line would measure the store on the wrong shape."""
    write_corpus(tmp_path, 60, seed=3, formats=False)
    chars = citations = 0
    lengths = []
    for gold in tmp_path.glob("*.gold.json"):
        record = json.loads(gold.read_text())
        chars += record["chars"]
        lengths.append(record["chars"])
        citations += sum(len(t) for t in record["citations"]["current"].values())
    low, high = DENSITY
    assert low <= citations / chars * 1000 <= high, (citations, chars)
    assert 5_000 <= sorted(lengths)[len(lengths) // 2] <= 15_000, lengths
