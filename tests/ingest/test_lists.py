# ruff: noqa: E501
# (the tables keep one row per line)
"""Lists of citations (``ingest.lists``): which words apply to each item.

``words_of_items`` is the rule, a table of (own words of each group, the list's
leading words) → the words each group takes; ``leading_words`` finds the leading
words in a text; the text rows check both through the whole finder.
"""

from __future__ import annotations

import pytest

from itukg.ingest.find import find_citations
from itukg.ingest.grammar import load_grammar
from itukg.ingest.lists import leading_words, words_of_items
from itukg.ingest.mentions import Scan, Words

PP = Words(body="pp", start=0, end=3)
WTSA = Words(body="wtsa", start=40, end=60)
WTDC = Words(body="wtdc", start=80, end=99)
SESSION = Words(year=2009, end=120)
NONE = Words()

# (id, own words of each group in order, leading words, words applied to each group)
RULE_ROWS: list[tuple[str, list[Words], Words, list[Words]]] = [
    ("one-group-no-words-takes-lead", [NONE], PP, [PP]),
    ("no-lead-no-words", [NONE, NONE], NONE, [NONE, NONE]),
    ("own-words-win-over-lead", [WTSA], PP, [WTSA]),
    ("earlier-group-takes-later-groups-words", [NONE, WTSA], PP, [WTSA, WTSA]),
    ("nearest-later-words", [NONE, WTSA, NONE, WTDC], NONE, [WTSA, WTSA, WTDC, WTDC]),
    ("trailing-group-takes-lead", [WTSA, NONE], PP, [WTSA, PP]),
    (
        "session-year-kept-with-lead",
        [SESSION],
        PP,
        [Words(body="pp", year=2009, start=0, end=3)],
    ),
    ("session-year-alone", [SESSION], NONE, [Words(year=2009)]),
    (
        "session-year-kept-with-later-words",
        [SESSION, WTSA],
        NONE,
        [Words(body="wtsa", year=2009, start=40, end=60), WTSA],
    ),
    (
        "lead-year-wins-over-session-year",
        [SESSION],
        Words(body="council", year=2001),
        [Words(body="council", year=2001)],
    ),
    (
        "shared-lead-kept",
        [NONE],
        Words(body="wtsa", shared=True),
        [Words(body="wtsa", shared=True)],
    ),
]


@pytest.mark.parametrize(
    ("own", "lead", "expected"),
    [row[1:] for row in RULE_ROWS],
    ids=[row[0] for row in RULE_ROWS],
)
def test_words_of_items(own: list[Words], lead: Words, expected: list[Words]) -> None:
    assert words_of_items(own, lead) == expected


# (id, text up to and including the keyword, body of the leading words, shared)
LEAD_ROWS: list[tuple[str, str, str | None, bool]] = [
    ("acronym-before", "the WTSA Resolution", "wtsa", False),
    ("name-adopted", "the Plenipotentiary Conference adopted Resolution", "pp", False),
    ("list-in-particular", "WTSA resolutions, in particular Resolution", "wtsa", False),
    (
        "list-including",
        "resolutions of the World Telecommunication Development Conference, including Resolution",
        "wtdc",
        False,
    ),
    ("list-such-as", "PP resolutions such as Resolution", "pp", False),
    (
        "outcomes-of-body-bullet",
        "the outcomes of WTSA, in particular: \u2022 Resolution",
        "wtsa",
        False,
    ),
    (
        "work-of-body-including",
        "the work of the Plenipotentiary Conference, including Resolution",
        "pp",
        False,
    ),
    (
        "body-held-in",
        "the World Telecommunication Development Conference held in Buenos Aires in 2017, in its resolution",
        "wtdc",
        False,
    ),
    (
        "council-at-its-session",
        "the ITU Council, at its 2009 session, Resolution",
        "council",
        False,
    ),
    ("nothing", "in accordance with Resolution", None, False),
    ("other-line", "WTSA resolutions, in particular\nResolution", None, False),
]


@pytest.mark.parametrize(
    ("text", "body", "shared"),
    [row[1:] for row in LEAD_ROWS],
    ids=[row[0] for row in LEAD_ROWS],
)
def test_leading_words(text: str, body: str | None, shared: bool) -> None:
    pos = text.lower().rindex("resolution")
    found = leading_words(Scan(text, load_grammar()), pos)
    assert (found.body, found.shared) == (body, shared)


def test_joined_list_shares_the_words_before() -> None:
    text = "WTSA Resolutions 50 and 52 (Hammamet, 2016) and Resolution 58"
    found = find_citations(text)
    assert [(m.number, m.words.body, m.words.shared) for m in found] == [
        ("50", "wtsa", False),
        ("52", "wtsa", False),
        ("58", "wtsa", True),
    ]


def test_another_form_ends_the_shared_words() -> None:
    text = "WTSA Resolution 50, Recommendation ITU-T X.1205 and Resolution 58"
    found = find_citations(text)
    assert [(m.number, m.words.body) for m in found] == [
        ("50", "wtsa"),
        ("X.1205", None),
        ("58", None),
    ]


# (id, text, (number, body, year, shared) of each mention): a list joined to the one
# before it shares that list's leading words (``Scan.carried``)
JOIN_ROWS: list[tuple[str, str, list[tuple[str, str | None, int | None, bool]]]] = [
    (
        "joined-by-and",
        "WTSA Resolutions 50 and 52 (Hammamet, 2016) and Resolution 58",
        [
            ("50", "wtsa", None, False),
            ("52", "wtsa", None, False),
            ("58", "wtsa", None, True),
        ],
    ),
    (
        "joined-after-title",
        "WTSA Resolution 47, on country code top-level domain names, and Resolution 48",
        [("47", "wtsa", None, False), ("48", "wtsa", None, True)],
    ),
    (
        "joined-by-bullet",
        "the outcomes of WTSA, in particular: \u2022 Resolution 50, on cybersecurity; \u2022 Resolution 52",
        [("50", "wtsa", None, False), ("52", "wtsa", None, True)],
    ),
    (
        "joined-with-next-session",
        "the Council adopted at its 2015 session Decision 584, on CWGs, and at its 2016 session Resolution 1333",
        [("584", "council", 2015, False), ("1333", "council", 2016, True)],
    ),
    (
        "not-joined-across-a-paragraph",
        "WTSA Resolution 50;\n\nResolution 58",
        [("50", "wtsa", None, False), ("58", None, None, False)],
    ),
    (
        "not-joined-across-a-sentence",
        "WTSA Resolution 50 applies. Resolution 58",
        [("50", "wtsa", None, False), ("58", None, None, False)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [row[1:] for row in JOIN_ROWS],
    ids=[row[0] for row in JOIN_ROWS],
)
def test_joined_lists_share_leading_words(
    text: str, expected: list[tuple[str, str | None, int | None, bool]]
) -> None:
    found = find_citations(text)
    assert [
        (m.number, m.words.body, m.words.year, m.words.shared) for m in found
    ] == expected
