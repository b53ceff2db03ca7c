"""``find._short_triggers`` (the trigger scan of texts under 64 characters, such as
header lines) finds what ``trigger.finditer`` finds: a table of the edge cases,
then text built from the triggers' pieces."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itukg.ingest.find import _short_triggers
from itukg.ingest.grammar import load_grammar

CASES = [
    "RESOLUTION 130 (REV. BUSAN, 2014)",
    "Resolutions 5, Res. 6 and Rec. 7",
    "Action\nLines C7 and action  line C1",  # any space inside "action lines"
    "ITU-T Recommendation X.1 and CS 5, CV12",
    "A/RES/55/2, No. 5, nos. 6, Question 5, Article 3",
    "WSIS Tunis Agenda; Geneva  Declaration of Principles",
    "xResolution 5, ICs 5, Resolution5 (Dubai, 2012)",
    "Reſolution 5 and Resolution 6",  # not ASCII: "ſ" is "s" ignoring case
    "",
]

_PIECES = [
    "Resolution", "resolutions", "RES.", "Rec.", "Decision", "Opinion", "Question",
    "Article", "No.", "nos.", "Action", "line", "lines", "ITU-T", "ITU-R", "CCITT",
    "CCIR", "CS", "CV", "A/RES/", "WSIS", "Tunis", "Geneva", "Declaration",
    "X.1", "5", "12", "(", ")", " ", "  ", "\n", ",", "x", "ſ",
]  # fmt: skip


def _spans(found: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in found]


@pytest.mark.parametrize("text", CASES)
@pytest.mark.parametrize("start", [0, 1])
def test_short_scan_finds_what_finditer_finds(text: str, start: int) -> None:
    g = load_grammar()
    stop = len(text)
    want = _spans(g.trigger.finditer(text, start, stop))
    assert _spans(_short_triggers(text, start, stop, g)) == want


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.integers(0, 3))
def test_short_scan_on_pieces(pieces: list[str], start: int) -> None:
    g = load_grammar()
    text = "".join(pieces)
    start = min(start, len(text))
    want = _spans(g.trigger.finditer(text, start, len(text)))
    assert _spans(_short_triggers(text, start, len(text), g)) == want
