"""Paragraph lineage (issue 15, design/contract.md section 4): alignment of two
versions' paragraphs, the statuses, the word-level difference, and the seed's
lineage gold through a real store and the ``itukg lineage`` command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from itukg.ingest.lineage import Side, compare_versions, word_diff

ITUKG = Path(sys.executable).with_name("itukg")
SEED = "corpus/seed/000_0db5f33711737b4f"


def side(section: str, label: str, text: str) -> Side:
    return Side(f"paragraph/{section}/{label}/{len(text)}", section, label, text)


OLD = [
    side("resolves", "1", "to do one thing;"),
    side("resolves", "2", "to do the second thing;"),
    side("resolves", "3", "to report to the Council,"),
    side("instructs the secretary-general", "1", "to be dropped entirely,"),
]
NEW = [
    side("resolves", "1", "to do one thing;"),
    side("resolves", "2", "to do a brand new thing;"),
    side("resolves", "3", "to do the second and better thing;"),
    side("resolves", "4", "to report to the Council,"),
]

EXPECTED = [
    ("1", "1", "kept"),
    (None, "2", "added"),
    ("2", "3", "modified"),
    ("3", "4", "moved"),
    ("1", None, "deleted"),
]


def test_statuses() -> None:
    found = [
        (r.from_paragraph, r.to_paragraph, r.status)
        for r, _ in compare_versions(
            "pp/res/9", ("pp/res/9/2010", "pp/res/9/2014"), OLD, NEW
        )
    ]
    assert sorted(found, key=str) == sorted(EXPECTED, key=str)


def test_a_renamed_heading_keeps_its_paragraphs() -> None:
    old = [side("instructs the directors, within their mandates", "1", "to act,")]
    new = [side("instructs the directors, within their mandate", "1", "to act,")]
    [(record, _)] = compare_versions("w", ("a", "b"), old, new)
    assert record.status == "kept"


@pytest.mark.parametrize(
    ("old", "new", "inserted", "deleted"),
    [
        (
            "Resolution 66 (Rev. Hyderabad, 2010)",
            "Resolution 66 (Rev. Dubai, 2014)",
            ("Dubai, 2014)",),
            ("Hyderabad, 2010)",),
        ),
        (
            "reduction of the carbon footprint",
            "reduction of carbon footprint",
            (),
            ("the",),
        ),
        ("a b", "a b c", ("c",), ()),
    ],
)
def test_word_diff(
    old: str, new: str, inserted: tuple[str, ...], deleted: tuple[str, ...]
) -> None:
    assert word_diff(old, new) == (inserted, deleted)


def test_modified_records_carry_the_changed_words() -> None:
    records = [r for r, _ in compare_versions("w", ("a", "b"), OLD, NEW)]
    [changed] = [r for r in records if r.status == "modified"]
    assert changed.to_json()["inserted"] == ["and better"]
    assert changed.to_json()["deleted"] == []
    assert "inserted" not in records[0].to_json()


def test_seed_mandates_and_lineage_score(shared: Path, tmp_path: Path) -> None:
    """`itukg extract` and `itukg lineage` output together, on the seed's gold."""
    store = tmp_path / "store"
    seed = shared / f"{SEED}.txt"
    run = [str(ITUKG), "--store", str(store)]
    subprocess.run(
        [*run, "ingest", str(seed)], check=True, capture_output=True, timeout=300
    )
    out = subprocess.run(
        [str(ITUKG), "extract", str(seed), "--format", "jsonl"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    gold = json.loads((shared / f"{SEED}.mandates.gold.json").read_text())
    for work in sorted({r["work"] for r in gold["lineage"]}):
        out += subprocess.run(
            [*run, "lineage", work, "--format", "jsonl"],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        ).stdout
    scored = subprocess.run(
        [
            sys.executable,
            str(shared / "tools/score-extract"),
            str(shared / f"{SEED}.mandates.gold.json"),
        ],
        input=out,
        capture_output=True,
        text=True,
        timeout=60,
    )
    lines = scored.stdout.strip().splitlines()
    assert float(lines[-1].removeprefix("f1=")) >= 0.95, scored.stdout
    assert any(line.startswith("lineage: ") and "f1=1.000" in line for line in lines)


STRUCK = """MOD XYZ/1/1

RESOLUTION 7 (REV. ~~ANTALYA, 2006~~ BUSAN, 2014)

Title

The Plenipotentiary Conference of the International Telecommunication Union
(Busan, 2014),

resolves

1 to do one thing;

2 to do ~~the~~ another thing;

~~3 to report to the Council,~~

instructs the Secretary-General

1 to act,
"""


def test_lineage_through_a_store(tmp_path: Path) -> None:
    """A paragraph struck out whole is deleted; each record names its own
    paragraphs (an added or deleted step matches no other paragraph)."""
    from itukg.ingest.pipeline import ingest_paths
    from itukg.lineage_command import lineage_records
    from itukg.ontology.store import open_store

    doc = tmp_path / "proposal.txt"
    doc.write_text(STRUCK, encoding="utf-8")
    store = open_store(None)
    assert ingest_paths(store, [doc]).failed == 0
    base = "https://w3id.org/itukg/"
    found = lineage_records(store, "pp/res/7", base, (None, None))
    assert [(r.from_paragraph, r.to_paragraph, r.status) for r in found] == [
        ("1", "1", "kept"),
        ("2", "2", "modified"),
        ("3", None, "deleted"),
        ("1", "1", "kept"),
    ]
    assert found[1].deleted == ("the",)
