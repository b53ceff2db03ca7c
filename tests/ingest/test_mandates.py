"""Mandates (issue 15, design/contract.md section 4): the verb and addressees of
operative headings, renumbered labels, and the seed's mandate gold."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from itukg.ingest.extract import extract_text
from itukg.ingest.mandates import read_heading
from itukg.ingest.models import Mandate

ITUKG = Path(sys.executable).with_name("itukg")
SEED = "corpus/seed/000_0db5f33711737b4f"

HEADINGS = [
    ("resolves", ("resolves", ())),
    ("further resolves", ("resolves", ())),
    ("resolves further", ("resolves", ())),
    ("decides", ("decides", ())),
    ("instructs the secretary-general", ("instructs", ("itu/secretary-general",))),
    (
        "instructs the secretary-general, in collaboration with the directors of "
        "the three bureaux",
        ("instructs", ("itu/secretary-general",)),
    ),
    (
        "instructs the directors of the three bureaux, within the purview of their "
        "mandate",
        ("instructs", ("itu/director/br", "itu/director/tsb", "itu/director/bdt")),
    ),
    (
        "instructs the secretary-general and the directors of the bureaux",
        (
            "instructs",
            (
                "itu/secretary-general",
                "itu/director/br",
                "itu/director/tsb",
                "itu/director/bdt",
            ),
        ),
    ),
    (
        "further instructs the director of the telecommunication standardization "
        "bureau and the director of the telecommunication development bureau",
        ("instructs", ("itu/director/tsb", "itu/director/bdt")),
    ),
    ("instructs the bdt director", ("instructs", ("itu/director/bdt",))),
    (
        "invites member states, sector members and associates",
        (
            "invites",
            ("itu/member-states", "itu/sector-members", "itu/associates"),
        ),
    ),
    ("requests the council", ("requests", ("itu/council",))),
    ("invites the itu council", ("invites", ("itu/council",))),
    (
        "resolves to instruct the director of the telecommunication development bureau",
        ("instructs", ("itu/director/bdt",)),
    ),
    ("resolves to invite member states", ("invites", ("itu/member-states",))),
    ("calls upon member states", ("calls-upon", ("itu/member-states",))),
    ("instructs itu-t study group 17", ("instructs", ("itu-t/sg/17",))),
    ("invites the relevant itu-r study groups", ("invites", ("itu-r/study-groups",))),
    (
        "invites the secretary-general of the united nations",
        ("invites", ("un/secretary-general",)),
    ),
    (
        "invites regional telecommunication organizations",
        ("invites", ("other:regional telecommunication organizations",)),
    ),
    ("recognizing", None),
    ("noting with concern", None),
    ("considering further", None),
]


@pytest.mark.parametrize(
    ("section", "expected"), HEADINGS, ids=[h for h, _ in HEADINGS]
)
def test_read_heading(
    section: str, expected: tuple[str, tuple[str, ...]] | None
) -> None:
    assert read_heading(section) == expected


RENUMBERED = """MOD XYZ/1/1

RESOLUTION 7 (REV. ~~ANTALYA, 2006~~ BUSAN, 2014)

Title

The Plenipotentiary Conference of the International Telecommunication Union
(Busan, 2014),

resolves

1 to do one thing;

2 to do a new thing;

~~23~~ to do ~~the~~ a third thing, in accordance with Resolution 71 (Busan, 2014);

34 to do the last thing,

requests the Council

to report,
"""


def _mandates(text: str) -> list[Mandate]:
    return [r for r in extract_text(text, "x.txt") if isinstance(r, Mandate)]


def test_run_together_labels_are_renumberings() -> None:
    found = {(m.view, m.paragraph, m.text) for m in _mandates(RENUMBERED)}
    assert (
        "current",
        "3",
        "to do a third thing, in accordance with Resolution 71 (Busan, 2014);",
    ) in found
    assert (
        "previous",
        "2",
        "to do the a third thing, in accordance with Resolution 71 (Busan, 2014);",
    ) in found
    assert ("current", "4", "to do the last thing,") in found
    assert ("previous", "3", "to do the last thing,") in found
    assert ("current", None, "to report,") in found


def test_mandate_records_carry_their_citations_and_offsets() -> None:
    found = [
        m for m in _mandates(RENUMBERED) if m.paragraph == "3" and m.view == "current"
    ]
    assert [m.targets for m in found] == [("pp/res/71/2014",)]
    m = found[0]
    assert RENUMBERED[m.start : m.end].endswith("(Busan, 2014);")
    assert m.to_json()["type"] == "mandate"
    assert list(m.to_json())[:6] == [
        "type",
        "doc",
        "view",
        "source",
        "verb",
        "addressees",
    ]


def test_seed_mandates_score(shared: Path, tmp_path: Path) -> None:
    gold = json.loads((shared / f"{SEED}.mandates.gold.json").read_text())
    gold.pop("lineage")
    (tmp_path / "gold.json").write_text(json.dumps(gold))
    records = subprocess.run(
        [str(ITUKG), "extract", str(shared / f"{SEED}.txt"), "--format", "jsonl"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    scored = subprocess.run(
        [
            sys.executable,
            str(shared / "tools/score-extract"),
            str(tmp_path / "gold.json"),
        ],
        input=records,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert float(scored.stdout.strip().splitlines()[-1].removeprefix("f1=")) >= 0.95, (
        scored.stdout
    )


def test_seed_graph_with_paragraphs_and_mandates_conforms(shared: Path) -> None:
    from itukg.ingest.pipeline import prepare_file
    from tests.shacl import conforms, graph_of

    prepared = prepare_file(shared / f"{SEED}.txt", "0" * 64)
    assert prepared.error is None
    # the document's own graph and the descriptions of the keys it names (which
    # the store keeps once, in graph/instruments)
    described = [ln for d in prepared.instruments for ln in (d.label_line, *d.lines)]
    graph = graph_of([*prepared.lines, *described])
    ok, report = conforms(graph)
    assert ok, report
    itu = "https://w3id.org/itukg/ontology#"
    kinds = {str(o) for o in graph.objects(None, None) if str(o).startswith(itu)}
    assert {itu + "Mandate", itu + "Paragraph"} <= kinds


RUN_IN = [
    (
        "the regional offices, instructs the Director of the Telecommunication "
        "Development Bureau 1 to act; 2 to report,",
        "the regional offices,\ninstructs the Director of the Telecommunication "
        "Development Bureau\n1 to act;\n2 to report,",
    ),
    (
        "of WTDC, resolves to instruct the Secretary-General to act,",
        "of WTDC,\nresolves to instruct the Secretary-General\nto act,",
    ),
    (
        "budget-related reports, further resolves to strengthen the function,",
        "budget-related reports,\nfurther resolves\nto strengthen the function,",
    ),
    (  # a recital that names no addressee of the list stays as it is
        "Opinion 4 (Lisbon, 2009), invites ITU to pursue initiatives,",
        "Opinion 4 (Lisbon, 2009), invites ITU to pursue initiatives,",
    ),
]


@pytest.mark.parametrize(("text", "expected"), RUN_IN)
def test_run_in_headings_and_labels_get_lines_of_their_own(
    text: str, expected: str
) -> None:
    from itukg.ingest.relines import reline_text

    assert reline_text(text) == expected
