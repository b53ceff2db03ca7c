"""``structure.line_matches`` finds what ``finditer`` finds, for every line
pattern of the layout."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itukg.ingest import structure
from itukg.ingest.grammar import load_grammar

_PIECES = [
    "MOD ",
    "ADD ",
    "SUP ",
    "NOC ",
    "EUR/61A2/1",
    "RESOLUTION 5",
    " (Rev. Busan, 2014)",
    "Annex 1",
    "Reasons:",
    "(a) ",
    "1.2 ",
    "ii) ",
    "- ",
    "recognizing",
    "further ",
    "resolves",
    "instructs the Secretary-General",
    "text",
    " ",
    "\t",
    "\n",
    "\n\n",
    "#",
    "*",
    ">",
]


def _patterns() -> list[re.Pattern[str]]:
    return [
        structure.AMENDMENT,
        structure.HEADER,
        structure._BREAK,  # noqa: SLF001
        structure._REASONS,  # noqa: SLF001
        structure._LABEL,  # noqa: SLF001
        load_grammar().heading,
    ]


@pytest.mark.parametrize("index", range(6))
@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_same_matches_as_finditer(index: int, pieces: list[str]) -> None:
    pattern = _patterns()[index]
    text = "".join(pieces)
    found = [(m.span(), m.groups()) for m in structure.line_matches(pattern, text)]
    assert found == [(m.span(), m.groups()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("index", range(6))
@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=40),
    st.integers(0, 400),
    st.integers(0, 400),
)
def test_line_starts_as_finditer(index: int, pieces: list[str], a: int, b: int) -> None:
    """``line_starts`` gives each match's line start, groups and end, over the
    whole text or a part of it."""
    pattern = _patterns()[index]
    text = "".join(pieces)
    pos, endpos = sorted((min(a, len(text)), min(b, len(text))))
    found = [
        (start, m.groupdict(), m.end())
        for start, m in structure.line_starts(pattern, text, pos, endpos)
    ]
    expected = pattern.finditer(text, pos, endpos)
    assert found == [(m.start(), m.groupdict(), m.end()) for m in expected]
