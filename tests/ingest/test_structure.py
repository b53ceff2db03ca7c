# ruff: noqa: E501
# (the tables keep one row per line)
"""Where a citation stands and what it belongs to (design/contract.md, section 2).

Tables for the fields around the target: ``section`` and ``paragraph`` (the heading
and label path a citation stands under), ``pinpoint``, the ``current`` and
``previous`` views of a block with tracked changes (``~~struck~~``), the ``source``
of a citation inside a MOD/ADD/SUP block, the amendment records, the doc key, and
the offsets of ``text``. Texts are built with ``tests.ingest.factories``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from unittest.mock import ANY

import pytest

from itukg.ingest import extract_text
from tests.ingest.factories import (
    MOD_130_HEADER,
    MOD_182_HEADER,
    PP14_DOC,
    SUP_163_HEADER,
    block,
    in_resolution,
    mod_182,
    proposal,
    resolution,
)


def citations(text: str, view: str = "current", name: str = "case.txt") -> list[Any]:
    records = extract_text(text, name=name)
    found = [r for r in records if r.type == "citation" and r.view == view]
    return sorted(found, key=lambda r: r.start)


def amendments(text: str, name: str = "case.txt") -> list[Any]:
    return [r for r in extract_text(text, name=name) if r.type == "amendment"]


def the_citation(text: str, target: str, view: str = "current") -> Any:
    found = [c for c in citations(text, view) if c.target == target]
    assert len(found) == 1, [(c.target, c.text) for c in citations(text, view)]
    return found[0]


def ids(rows: Sequence[tuple[Any, ...]]) -> list[str]:
    return [row[0] for row in rows]


def params(rows: Sequence[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return [row[1:] for row in rows]


# ================================================================ (a) section and paragraph
# (id, text, target, section, paragraph)
SECTION_ROWS: list[tuple[str, str, str, str | None, str | None]] = [
    # -- preamble headings, lettered items
    (
        "recalling-a",
        resolution(
            "recalling",
            "a) Resolution 69 (Hyderabad, 2010) of the World Telecommunication Development Conference;",
        ),
        "wtdc/res/69/2010",
        "recalling",
        "a)",
    ),
    (
        "recalling-b",
        resolution(
            "recalling",
            "a) the importance of ICTs;",
            "b) Resolution 45 (Rev. Hyderabad, 2010), on spam;",
        ),
        "wtdc/res/45/2010",
        "recalling",
        "b)",
    ),
    (
        "considering-after-recalling",
        resolution(
            "recalling",
            "a) Resolution 69 (Hyderabad, 2010);",
            "considering",
            "a) Resolution 58 (Johannesburg, 2008);",
        ),
        "wtsa/res/58/2008",
        "considering",
        "a)",
    ),
    (
        "considering-further-c",
        resolution(
            "considering",
            "a) that ICTs matter;",
            "considering further",
            "a) that ICTs help;",
            "b) that ICTs grow;",
            "c) Resolution 73 (Johannesburg, 2008), on climate change;",
        ),
        "wtsa/res/73/2008",
        "considering further",
        "c)",
    ),
    (
        "recognizing-further-a",
        resolution(
            "recognizing",
            "a) that ICTs matter;",
            "recognizing further",
            "a) Opinion 4 (Lisbon, 2009), on collaborative strategies;",
        ),
        "wtpf/opinion/4/2009",
        "recognizing further",
        "a)",
    ),
    (
        "noting-with-appreciation-b",
        resolution(
            "noting with appreciation",
            "a) the work of the Bureau;",
            "b) the outcomes of Resolution 37 (Rev. Dubai, 2014);",
        ),
        "wtdc/res/37/2014",
        "noting with appreciation",
        "b)",
    ),
    (
        "aware-second-of-list",
        resolution(
            "aware",
            "a) that ITU has a role;",
            "b) that the groups work in accordance with Resolutions 50 and 52 (Rev. Johannesburg, 2008);",
        ),
        "wtsa/res/52/2008",
        "aware",
        "b)",
    ),
    (
        "seed-bulleted-label",
        resolution(
            "recognizing",
            "- a) Resolution 136 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference, on emergencies;",
        ),
        "pp/res/136/2010",
        "recognizing",
        "a)",
    ),
    # -- operative headings, numbered items
    (
        "instructs-sg-1",
        resolution(
            "instructs the Secretary-General",
            "1 to report on the implementation of Resolution 71 (Rev. Dubai, 2018);",
        ),
        "pp/res/71/2018",
        "instructs the secretary-general",
        "1",
    ),
    (
        "instructs-sg-2",
        resolution(
            "instructs the Secretary-General",
            "1 to propose an action plan to the Council;",
            "2 to cooperate in accordance with Resolution 100 (Minneapolis, 1998) of the Plenipotentiary Conference,",
        ),
        "pp/res/100/1998",
        "instructs the secretary-general",
        "2",
    ),
    (
        "instructs-director-1",
        resolution(
            "instructs the Director of the Telecommunication Development Bureau",
            "1 to implement Resolution 69 (Hyderabad, 2010);",
        ),
        "wtdc/res/69/2010",
        "instructs the director of the telecommunication development bureau",
        "1",
    ),
    (
        "invites-member-states-3",
        resolution(
            "invites Member States",
            "1 to contribute;",
            "2 to cooperate;",
            "3 to implement Recommendation ITU-T X.1205;",
        ),
        "itu-t/rec/x.1205",
        "invites member states",
        "3",
    ),
    (
        "seed-bulleted-number",
        resolution(
            "resolves",
            "- 1 to continue the work in accordance with Resolution 58 (Johannesburg, 2008);",
        ),
        "wtsa/res/58/2008",
        "resolves",
        "1",
    ),
    (
        "further-resolves-1",
        resolution(
            "resolves",
            "1 to act;",
            "further resolves",
            "1 to apply Resolution 64 (Rev. Dubai, 2012) of WTSA;",
        ),
        "wtsa/res/64/2012",
        "further resolves",
        "1",
    ),
    # -- nested labels: a roman item under a number
    (
        "resolves-1-ii",
        resolution(
            "resolves",
            "1 to study:",
            "i) the level of energy efficiency;",
            "ii) the matters in Resolution 73 (Johannesburg, 2008);",
        ),
        "wtsa/res/73/2008",
        "resolves",
        "1 ii)",
    ),
    (
        "resolves-2-ii",
        resolution(
            "resolves",
            "1 to act;",
            "2 to study:",
            "i) the level of energy efficiency;",
            "ii) the teams of Resolution 69 (Hyderabad, 2010);",
        ),
        "wtdc/res/69/2010",
        "resolves",
        "2 ii)",
    ),
    (
        "seed-bulleted-1-ii",
        resolution(
            "instructs the Director of the Telecommunication Standardization Bureau",
            "1 to assist the lead study group in the development of methodologies to assess:",
            "- i) the level of energy efficiency in the ICT sector; and",
            "- ii) the lifecycle emissions studied under Resolution 73 (Johannesburg, 2008);",
        ),
        "wtsa/res/73/2008",
        "instructs the director of the telecommunication standardization bureau",
        "1 ii)",
    ),
    (
        "back-to-top-level-after-nested",
        resolution(
            "resolves",
            "1 to study:",
            "i) energy;",
            "ii) emissions;",
            "2 to apply Resolution 58 (Johannesburg, 2008);",
        ),
        "wtsa/res/58/2008",
        "resolves",
        "2",
    ),
    # -- unlabelled paragraphs under a heading
    (
        "resolves-unlabelled",
        resolution(
            "resolves", "that Resolution 71 (Rev. Dubai, 2018) applies to all Sectors,"
        ),
        "pp/res/71/2018",
        "resolves",
        None,
    ),
    (
        "bearing-in-mind-unlabelled",
        resolution(
            "bearing in mind",
            "the work established by Resolution 58 (Johannesburg, 2008),",
        ),
        "wtsa/res/58/2008",
        "bearing in mind",
        None,
    ),
    (
        "requests-the-council-unlabelled",
        resolution(
            "requests the Council",
            "to include the report in the documents sent to Member States in accordance with No. 81 of the Convention,",
        ),
        "itu/convention/no/81",
        "requests the council",
        None,
    ),
    # -- before any heading
    (
        "plain-text",
        "Xyzland proposes to modify Resolution 182 (Guadalajara, 2010).\n",
        "pp/res/182/2010",
        None,
        None,
    ),
    (
        "proposal-cover",
        mod_182("recognizing", "a) Resolution 69 (Hyderabad, 2010);"),
        "pp/res/182/2010",
        None,
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "target", "section", "paragraph"),
    params(SECTION_ROWS),
    ids=ids(SECTION_ROWS),
)
def test_section_and_paragraph(
    text: str, target: str, section: str | None, paragraph: str | None
) -> None:
    cit = the_citation(text, target)
    assert (cit.section, cit.paragraph) == (section, paragraph)


# ================================================================ (b) pinpoints
# (id, text, target, pinpoint)
PINPOINT_ROWS: list[tuple[str, str, str, str | None]] = [
    # -- a part of a resolution
    (
        "considering-a",
        "pursuant to considering a) of Resolution 181 (Guadalajara, 2010), Member States",
        "pp/res/181/2010",
        "considering a)",
    ),
    (
        "resolves-3",
        "as set out in resolves 3 of Resolution 130 (Rev. Busan, 2014), ITU shall",
        "pp/res/130/2014",
        "resolves 3",
    ),
    (
        "recognizing-b",
        "as noted in recognizing b) of Resolution 130 (Rev. Busan, 2014), ITU shall",
        "pp/res/130/2014",
        "recognizing b)",
    ),
    (
        "recalling-a",
        "as noted in recalling a) of Resolution 139 (Rev. Dubai, 2018), ITU shall",
        "pp/res/139/2018",
        "recalling a)",
    ),
    (
        "resolves-1-wtsa",
        "under resolves 1 of Resolution 58 (Johannesburg, 2008), the Bureau",
        "wtsa/res/58/2008",
        "resolves 1",
    ),
    (
        "seed-missing-comma-in-instrument",
        in_resolution(
            "to develop measures pursuant to considering a) of Resolution 181 (Guadalajara 2010) and considering b) of this Resolution;",
            heading="resolves",
            label="1",
        ),
        "pp/res/181/2010",
        "considering a)",
    ),
    (
        "inside-a-recalling-item",
        in_resolution(
            "considering d) of Resolution 71 (Rev. Dubai, 2018) of the Plenipotentiary Conference;"
        ),
        "pp/res/71/2018",
        "considering d)",
    ),
    # -- a paragraph of a WSIS outcome document
    (
        "tunis-commitment",
        "e) § 15 of the Tunis Commitment, which states that",
        "wsis/tunis-commitment",
        "§ 15",
    ),
    (
        "tunis-agenda",
        "and § 39 of the Tunis Agenda, on building confidence",
        "wsis/tunis-agenda",
        "§ 39",
    ),
    (
        "geneva-plan-of-action",
        "as outlined in § 12 of the Geneva Plan of Action, and",
        "wsis/geneva-plan-of-action",
        "§ 12",
    ),
    (
        "action-line",
        "the text of § 20 of Action Line C7 calls for monitoring",
        "wsis/action-line/c7",
        "§ 20",
    ),
    # -- no pinpoint
    (
        "whole-resolution",
        "the teams of Resolution 69 (Hyderabad, 2010), particularly",
        "wtdc/res/69/2010",
        None,
    ),
    (
        "whole-unga-resolution",
        "the UNGA Resolution 70/125 on WSIS",
        "unga/res/70/125",
        None,
    ),
    (
        "whole-tunis-agenda",
        "identified in the Tunis Agenda for the Information Society as moderator",
        "wsis/tunis-agenda",
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "target", "pinpoint"), params(PINPOINT_ROWS), ids=ids(PINPOINT_ROWS)
)
def test_pinpoint(text: str, target: str, pinpoint: str | None) -> None:
    assert the_citation(text, target).pinpoint == pinpoint


# ================================================================ (c) views
# Each snippet is item a) under "recognizing" in a MOD block of Resolution 182 (seed
# layout). (id, snippet, targets in the current view, targets in the previous view)
VIEW_ROWS: list[tuple[str, str, set[str], set[str]]] = [
    (
        "substituted-place-year",
        "Resolution 66 (Rev. ~~Hyderabad, 2010~~ Dubai, 2014) of the World Telecommunication Development Conference (WTDC), on climate change;",
        {"wtdc/res/66/2014"},
        {"wtdc/res/66/2010"},
    ),
    (
        "substituted-place-year-no-space",
        "Resolution 54 (Rev. ~~Hyderabad, 2010~~Dubai, 2014) of WTDC, on ICT applications;",
        {"wtdc/res/54/2014"},
        {"wtdc/res/54/2010"},
    ),
    (
        "substituted-conference",
        "Resolution 644 (Rev. ~~WRC-07~~ WRC-12), on early warning;",
        {"wrc/res/644/2012"},
        {"wrc/res/644/2007"},
    ),
    (
        "substituted-number",
        "Resolution ~~45~~ 46 (Hyderabad, 2010), on spam;",
        {"wtdc/res/46/2010"},
        {"wtdc/res/45/2010"},
    ),
    (
        "struck-whole-citation",
        "Resolution 69 (Hyderabad, 2010)~~ and Resolution 45 (Rev. Hyderabad, 2010)~~, on CIRTs;",
        {"wtdc/res/69/2010"},
        {"wtdc/res/69/2010", "wtdc/res/45/2010"},
    ),
    (
        "struck-only-citation",
        "~~Resolution 45 (Rev. Hyderabad, 2010), on spam;~~ the work on CIRTs;",
        set(),
        {"wtdc/res/45/2010"},
    ),
    (
        "unchanged-citation",
        "Resolution 69 (Hyderabad, 2010), on ~~the creation of~~ CIRTs;",
        {"wtdc/res/69/2010"},
        {"wtdc/res/69/2010"},
    ),
    (
        "struck-words-beside",
        "Opinion 3 of the 2009 World Telecommunication Policy Forum, ~~on~~ (ICT and the environment), which recognizes the role of ICTs;",
        {"wtpf/opinion/3/2009"},
        {"wtpf/opinion/3/2009"},
    ),
    (
        "seed-question",
        "~~Question 24/2 of ITU-D~~ Study Group 2 ~~of the ITU Telecommunication Development Sector (ITU-D)~~ Question 24/2, on ICTs and climate change, adopted by ~~the~~ WTDC-10 (Hyderabad, 2010);",
        {"itu-d/question/24/2"},
        {"itu-d/question/24/2"},
    ),
]


def block_targets(text: str, view: str) -> set[str | None]:
    start = text.index("MOD XYZ/12/1")
    return {c.target for c in citations(text, view) if c.start > start}


@pytest.mark.parametrize(
    ("snippet", "current", "previous"), params(VIEW_ROWS), ids=ids(VIEW_ROWS)
)
def test_views_of_a_changed_block(
    snippet: str, current: set[str], previous: set[str]
) -> None:
    text = mod_182("recognizing", f"a) {snippet}")
    assert block_targets(text, "current") == current
    assert block_targets(text, "previous") == previous


def test_block_sources_are_the_header_versions_of_each_view() -> None:
    text = mod_182(
        "recognizing",
        "a) Resolution 66 (Rev. ~~Hyderabad, 2010~~ Dubai, 2014) of WTDC;",
    )
    start = text.index("MOD XYZ/12/1")
    current = [c for c in citations(text, "current") if c.start > start]
    previous = [c for c in citations(text, "previous") if c.start > start]
    assert [(c.source, c.target) for c in current] == [
        ("pp/res/182/2014", "wtdc/res/66/2014")
    ]
    assert [(c.source, c.target) for c in previous] == [
        ("pp/res/182/2010", "wtdc/res/66/2010")
    ]


# Texts with no block that carries tracked changes: no previous view at all.
NO_PREVIOUS_ROWS: list[tuple[str, str]] = [
    (
        "plain-text",
        "in accordance with Resolution 130 (Rev. Busan, 2014), Member States\n",
    ),
    ("instrument-file", in_resolution("Resolution 69 (Hyderabad, 2010);")),
    ("proposal-without-blocks", proposal()),
    (
        "mod-block-without-changes",
        proposal(
            block(
                "MOD",
                "XYZ/12/1",
                "RESOLUTION 130 (REV. BUSAN, 2014)",
                "recalling",
                "a) Resolution 69 (Hyderabad, 2010);",
                where="Busan, 2014",
            )
        ),
    ),
]


@pytest.mark.parametrize(
    "text", [row[1] for row in NO_PREVIOUS_ROWS], ids=ids(NO_PREVIOUS_ROWS)
)
def test_no_previous_view_without_tracked_changes(text: str) -> None:
    assert citations(text, "current")
    assert citations(text, "previous") == []


def test_text_outside_the_changed_block_has_no_previous_view() -> None:
    text = mod_182(
        "recognizing",
        "a) Resolution 66 (Rev. ~~Hyderabad, 2010~~ Dubai, 2014) of WTDC;",
    )
    start = text.index("MOD XYZ/12/1")
    cover = [c for c in citations(text, "current") if c.start < start]
    assert [(c.source, c.target) for c in cover] == [(PP14_DOC, "pp/res/182/2010")]
    assert all(c.start > start for c in citations(text, "previous"))


# ================================================================ (d) amendments
# Each block stands alone in a PP-14 proposal document (Document 12-E).
# (id, block, (action, proposal, target, result)); ANY: the contract leaves it open
AMENDMENT_ROWS: list[tuple[str, str, tuple[str, str, str | None, Any]]] = [
    (
        "mod-rev-struck-place",
        block(
            "MOD",
            "XYZ/12/1",
            MOD_130_HEADER,
            "recalling",
            "a) Resolution 130 (Rev. Antalya, 2006);",
        ),
        ("MOD", "XYZ/12/1", "pp/res/130/2010", "pp/res/130/2014"),
    ),
    (
        "mod-rev-added",
        block("MOD", "XYZ/12/1", MOD_182_HEADER),
        ("MOD", "XYZ/12/1", "pp/res/182/2010", "pp/res/182/2014"),
    ),
    (
        "mod-rev-to-rev",
        block(
            "MOD",
            "XYZ/12/4",
            "RESOLUTION 2 (REV. ~~ANTALYA, 2006~~ BUSAN, 2014)",
            where="~~Antalya, 2006~~ Busan, 2014",
        ),
        ("MOD", "XYZ/12/4", "pp/res/2/2006", "pp/res/2/2014"),
    ),
    (
        "mod-decision",
        block("MOD", "XYZ/12/5", "DECISION 5 (REV. ~~GUADALAJARA, 2010~~BUSAN, 2014)"),
        ("MOD", "XYZ/12/5", "pp/dec/5/2010", "pp/dec/5/2014"),
    ),
    (
        "sup",
        block("SUP", "XYZ/12/2", SUP_163_HEADER, where="Guadalajara, 2010"),
        ("SUP", "XYZ/12/2", "pp/res/163/2010", None),
    ),
    (
        "sup-rev",
        block(
            "SUP",
            "XYZ/12/6",
            "RESOLUTION 68 (REV. GUADALAJARA, 2010)",
            where="Guadalajara, 2010",
        ),
        ("SUP", "XYZ/12/6", "pp/res/68/2010", None),
    ),
    (
        "add-numbered",
        block("ADD", "XYZ/12/7", "RESOLUTION 201 (BUSAN, 2014)", where="Busan, 2014"),
        ("ADD", "XYZ/12/7", None, "pp/res/201/2014"),
    ),
    (
        "add-draft-new",
        block(
            "ADD",
            "XYZ/12/3",
            "DRAFT NEW RESOLUTION [XYZ-1] (BUSAN, 2014)",
            "resolves",
            "1 to apply Resolution 69 (Hyderabad, 2010);",
            where="Busan, 2014",
        ),
        ("ADD", "XYZ/12/3", None, ANY),
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), params(AMENDMENT_ROWS), ids=ids(AMENDMENT_ROWS)
)
def test_amendment(text: str, expected: tuple[str, str, str | None, Any]) -> None:
    found = amendments(proposal(text))
    assert [(a.action, a.proposal, a.target, a.result) for a in found] == [expected]
    assert [a.doc for a in found] == [PP14_DOC]


THREE_BLOCKS = proposal(
    block(
        "MOD",
        "XYZ/12/1",
        MOD_130_HEADER,
        "recalling",
        "a) Resolution 69 (Hyderabad, 2010) of the World Telecommunication Development Conference;",
    ),
    block("SUP", "XYZ/12/2", SUP_163_HEADER, where="Guadalajara, 2010"),
    block(
        "ADD",
        "XYZ/12/3",
        "DRAFT NEW RESOLUTION [XYZ-1] (BUSAN, 2014)",
        "resolves",
        "1 to apply Resolution 58 (Johannesburg, 2008);",
        where="Busan, 2014",
    ),
)


def test_amendments_of_a_proposal_in_order() -> None:
    found = amendments(THREE_BLOCKS)
    assert [(a.action, a.proposal) for a in found] == [
        ("MOD", "XYZ/12/1"),
        ("SUP", "XYZ/12/2"),
        ("ADD", "XYZ/12/3"),
    ]
    assert [(a.target, a.result) for a in found[:2]] == [
        ("pp/res/130/2010", "pp/res/130/2014"),
        ("pp/res/163/2010", None),
    ]
    assert found[2].target is None


def test_mod_block_citations_take_the_header_version_as_source() -> None:
    cit = the_citation(THREE_BLOCKS, "wtdc/res/69/2010", "current")
    assert cit.source == "pp/res/130/2014"
    cit = the_citation(THREE_BLOCKS, "wtdc/res/69/2010", "previous")
    assert cit.source == "pp/res/130/2010"


def test_cover_citations_take_the_document_as_source() -> None:
    start = THREE_BLOCKS.index("MOD XYZ/12/1")
    cover = [c for c in citations(THREE_BLOCKS) if c.start < start]
    assert [(c.source, c.target) for c in cover] == [
        (PP14_DOC, "pp/res/130/2010"),
        (PP14_DOC, "pp/res/163/2010"),
    ]


@pytest.mark.parametrize(
    "header",
    [MOD_130_HEADER, SUP_163_HEADER, "DRAFT NEW RESOLUTION [XYZ-1] (BUSAN, 2014)"],
)
def test_block_header_is_never_a_citation(header: str) -> None:
    start = THREE_BLOCKS.index(header)
    end = start + len(header)
    for view in ("current", "previous"):
        overlapping = [
            c for c in citations(THREE_BLOCKS, view) if c.start < end and c.end > start
        ]
        assert overlapping == [], view
    all_targets = {
        c.target for v in ("current", "previous") for c in citations(THREE_BLOCKS, v)
    }
    assert "pp/res/130/2014" not in all_targets


# ================================================================ doc keys
INSTRUMENT_FILE = (
    "RESOLUTION 1 (Rev. Hammamet, 2016)\n\n"
    "Rules of procedure of the ITU Telecommunication Standardization Sector\n\n"
    "(Helsinki, 1993; Geneva, 1996; Montreal, 2000; Florianópolis, 2004; "
    "Johannesburg, 2008; Dubai, 2012; Hammamet, 2016)\n\n"
    "The World Telecommunication Standardization Assembly (Hammamet, 2016),\n\n"
    "considering\n\n"
    "a) Resolution 165 (Guadalajara, 2010) of the Plenipotentiary Conference;\n"
)
WTSA16_COVER = "WORLD TELECOMMUNICATION STANDARDIZATION ASSEMBLY (WTSA-16)\nHammamet, 25 October – 3 November 2016"
WTSA20_COVER = (
    "WORLD TELECOMMUNICATION STANDARDIZATION ASSEMBLY (WTSA-20)\nGeneva, 1-9 March 2022"
)
PLAIN = "in accordance with Resolution 130 (Rev. Busan, 2014), Member States\n"

# (id, text, file name, doc key)
DOC_KEY_ROWS: list[tuple[str, str, str, str]] = [
    ("pp-14-proposal", proposal(), "anything.txt", "pp/2014/doc/12"),
    (
        "pp-14-addendum",
        proposal(document="Addendum 1 to\nDocument 12-E"),
        "anything.txt",
        "pp/2014/doc/12/add/1",
    ),
    (
        "pp-14-revision",
        proposal(document="Revision 1 to\nDocument 12-E"),
        "anything.txt",
        "pp/2014/doc/12/rev/1",
    ),
    (
        "wtsa-16-document",
        proposal(cover=WTSA16_COVER, document="Document 42-E", date="20 October 2016"),
        "anything.txt",
        "wtsa/2016/doc/42",
    ),
    (
        "wtsa-20-held-2022",
        proposal(cover=WTSA20_COVER, document="Document 42-E", date="20 February 2022"),
        "anything.txt",
        "wtsa/2022/doc/42",
    ),
    ("instrument-file", INSTRUMENT_FILE, "T-RES-T.1-2016.txt", "wtsa/res/1/2016"),
    ("plain-file", PLAIN, "case.txt", "doc/case"),
    ("plain-file-stem-lowercased", PLAIN, "Case-07.TXT", "doc/case-07"),
]


@pytest.mark.parametrize(
    ("text", "name", "doc"), params(DOC_KEY_ROWS), ids=ids(DOC_KEY_ROWS)
)
def test_doc_key(text: str, name: str, doc: str) -> None:
    records = extract_text(text, name=name)
    assert records
    assert {r.doc for r in records} == {doc}


def test_instrument_file_is_the_source_of_its_citations() -> None:
    found = citations(INSTRUMENT_FILE, name="T-RES-T.1-2016.txt")
    assert [(c.source, c.target) for c in found] == [
        ("wtsa/res/1/2016", "pp/res/165/2010")
    ]


# ================================================================ (e) offsets
# (id, text, words a citation's text must contain). Every citation of the text whose
# span holds no markup must have text == input[start:end], white space aside.
OFFSET_ROWS: list[tuple[str, str, str]] = [
    (
        "plain",
        "the teams of Resolution 69 (Hyderabad, 2010), particularly",
        "Resolution 69 (Hyderabad, 2010)",
    ),
    (
        "after-non-ascii",
        "(Florianópolis, 2004; Johannesburg, 2008)\n\nthe work under Resolution 58 (Johannesburg, 2008) continues",
        "Resolution 58 (Johannesburg, 2008)",
    ),
    (
        "list",
        "established by Resolutions 50 and 52 (Rev. Johannesburg, 2008), the groups",
        "52 (Rev. Johannesburg, 2008)",
    ),
    ("unga-lettered", "the UNGA Resolution 72/266 B on the budget", "72/266 B"),
    (
        "in-instrument",
        in_resolution("Resolution 69 (Hyderabad, 2010);"),
        "Resolution 69 (Hyderabad, 2010)",
    ),
    (
        "in-mod-block",
        mod_182(
            "recognizing",
            "a) Resolution 136 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference;",
        ),
        "Resolution 136 (Rev. Guadalajara, 2010)",
    ),
    (
        "nbsp",
        "in accordance with Resolution\u00a0130 (Rev.\u00a0Busan,\u00a02014), Member States",
        "Resolution 130 (Rev. Busan, 2014)",
    ),
    (
        "line-break",
        "in accordance with Resolution 130\n(Rev. Busan, 2014), Member States",
        "Resolution 130 (Rev. Busan, 2014)",
    ),
]


def squeeze(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("text", "core"), params(OFFSET_ROWS), ids=ids(OFFSET_ROWS))
def test_offsets_point_at_the_citation_text(text: str, core: str) -> None:
    found = citations(text, "current") + citations(text, "previous")
    assert any(core in squeeze(c.text) for c in found), [c.text for c in found]
    for c in found:
        if "~~" not in text[c.start : c.end]:
            assert squeeze(c.text) == squeeze(text[c.start : c.end])


# The contract's ``text`` is "the surface form" in "the text of the file as read":
# kept verbatim, odd white space included. (id, text, the citation's exact text)
VERBATIM_ROWS: list[tuple[str, str, str]] = [
    (
        "nbsp",
        "in accordance with Resolution\u00a0130 (Rev.\u00a0Busan,\u00a02014), Member States",
        "Resolution\u00a0130 (Rev.\u00a0Busan,\u00a02014)",
    ),
    (
        "line-break",
        "in accordance with Resolution 130\n(Rev. Busan, 2014), Member States",
        "Resolution 130\n(Rev. Busan, 2014)",
    ),
]


@pytest.mark.parametrize(
    ("text", "surface"), params(VERBATIM_ROWS), ids=ids(VERBATIM_ROWS)
)
def test_citation_text_is_verbatim(text: str, surface: str) -> None:
    [cit] = citations(text)
    assert (cit.text, text[cit.start : cit.end]) == (surface, surface)


def test_row_ids_are_unique() -> None:
    for rows in (
        SECTION_ROWS,
        PINPOINT_ROWS,
        VIEW_ROWS,
        NO_PREVIOUS_ROWS,
        AMENDMENT_ROWS,
        DOC_KEY_ROWS,
        OFFSET_ROWS,
        VERBATIM_ROWS,
    ):
        names = ids(rows)
        assert len(names) == len(set(names))
