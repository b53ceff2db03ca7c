"""The fast forms of the finder's expressions match what the plain forms match:
``grammar.alternation`` (a trie) as the alternation of its labels, longest first;
the annex scans of ``paragraphs`` as one expression; the pinpoint hint of
``surroundings`` wherever a pinpoint can be; the reline expressions read only where
their one-pass start scan stops."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itukg.ingest import identify, paragraphs, relines, surroundings
from itukg.ingest.grammar import alternation, load_grammar


def _longest_first(labels: list[str]) -> str:
    ordered = sorted(set(labels), key=lambda s: (-len(s), s))
    return "|".join(
        r"\s+".join(re.escape(w) for w in label.split()) for label in ordered
    )


def _label_sets() -> dict[str, tuple[list[str], bool]]:
    g = load_grammar()
    lex = g.lexicon
    bodies = [label for e in lex.bodies + lex.external_bodies for label in e.labels]
    return {
        "bodies": (bodies, True),
        "acronyms": ([b for b in bodies if b.isupper() and " " not in b], False),
        "places": (list(g.gazetteer.places), True),
        "headings": ([label for s in lex.sections for label in s.labels], True),
    }


_WORDS = ["of", "the", "Council", "WTSA", "world", "x", ",", "(", ")", "  ", "\n"]


@pytest.mark.parametrize("name", ["bodies", "acronyms", "places", "headings"])
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_trie_matches_as_alternation(name: str, data: st.DataObject) -> None:
    labels, fold = _label_sets()[name]
    flags = "(?i:{})" if fold else "(?-i:{})"
    words = data.draw(
        st.lists(st.sampled_from(labels + _WORDS), min_size=1, max_size=6)
    )
    text = " ".join(
        w.upper() if data.draw(st.booleans()) and fold else w for w in words
    )
    # a tail that must follow, so that the engine backtracks into the labels
    tail = data.draw(st.sampled_from(["", r"\s+of", r"\b", r"-\d{2}", r"\s*\("]))
    plain = re.compile(flags.format(_longest_first(labels)) + tail)
    trie = re.compile(flags.format(alternation(labels, fold=fold)) + tail)
    assert [m.span() for m in trie.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]


def test_trie_prefers_the_longest_label() -> None:
    pattern = re.compile(alternation(["ITU", "ITU Council", "ITU Council Group"]))
    found = pattern.match("ITU  Council Groups")
    assert found is not None and found.group() == "ITU  Council Group"


_ANNEX = re.compile(
    r"(?<![\w-])(?:ANNEX|APPENDIX|ATTACHMENT)(?:\s+(?:\d+|[A-Z]))?\s+TO\s+(?:THIS\s+)?"
    r"(?:RESOLUTION|DECISION|RECOMMENDATION|OPINION)"
    r"|^[ \t#*_]*(?:Annex|Appendix|Attachment)(?:\s+(?:\d+|[A-Z]))?\s+to\s+"
    r"(?:this\s+)?(?:Resolution|Decision|Recommendation|Opinion)\b[^\n]*$",
    re.M,
)
_ANNEX_PIECES = [
    "ANNEX 1 TO RESOLUTION",
    "APPENDIX TO THIS OPINION",
    "Annex 2 to Resolution 5",
    "## Appendix to this Decision",
    "x",
    "-",
    "_",
    "é",
    " ",
    "\n",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_ANNEX_PIECES), max_size=10),
    st.integers(0, 200),
    st.integers(0, 200),
)
def test_annex_start_as_one_expression(pieces: list[str], a: int, b: int) -> None:
    text = "".join(pieces)
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    m = _ANNEX.search(text, start, end)
    assert paragraphs._annex_start(text, start, end) == (  # noqa: SLF001
        m.start() if m else None
    )


_PIN_PIECES = [
    "resolves",
    " 2",
    " a)",
    " of",
    " to",
    " the",
    "§ 15",
    "Annex A",
    "paragraph 3",
    "appendix 4",
    " and ",
    "recognizing",
    "x",
    " ",
    ",",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIN_PIECES), max_size=10))
def test_every_pinpoint_has_the_hint(pieces: list[str]) -> None:
    text = "".join(pieces) + " "
    if load_grammar().pinpoint.search(text) is not None:
        assert surroundings._PIN_HINT.search(text) is not None  # noqa: SLF001


_RELINE_PIECES = [
    ", instructs the Director of the Telecommunication Development Bureau",
    "; further resolves",
    ". Invites ITU",
    ", resolves to instruct the Secretary-General",
    ", 1 to",
    "; 2 that",
    ",” 3 to",
    " 1 ",
    " to ",
    " that ",
    " further ",
    "further",
    "x",
    ",",
    " ",
    "\n",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_RELINE_PIECES), max_size=12))
def test_reline_matches_after_the_start_scan(pieces: list[str]) -> None:
    text = "".join(pieces)
    start, *patterns = relines._patterns()  # noqa: SLF001
    starts = [m.start() for m in start.finditer(text)]
    for pattern in patterns:
        assert [m.span() for m in relines._matches(pattern, text, starts)] == [  # noqa: SLF001
            m.span() for m in pattern.finditer(text)
        ]


_COVER_PIECES = ["WRC-15", "PP-2014", "WTSA-", "-1", "2", "RA", " ", "x", "-", "١٢"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_COVER_PIECES), max_size=10))
def test_every_acronym_has_the_hint(pieces: list[str]) -> None:
    text = "".join(pieces)
    acronym, _ = identify._patterns()  # noqa: SLF001
    if acronym.search(text) is not None:
        assert identify._ACRONYM_HINT.search(text) is not None  # noqa: SLF001
