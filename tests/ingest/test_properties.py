"""Properties of ``extract_text`` that hold for any input (design/contract.md §2).

Two sources of text: arbitrary unicode (``st.text()``) and text assembled from a
grammar of ITU-ish fragments, which reaches far more of the citation grammar
(lists, qualifiers, struck text, headers, amendment blocks) than random characters
do. For every input the extractor must not raise, and every record must be
well formed: offsets inside the text, a known view, keys the contract accepts,
and candidates only for citations left unresolved.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from itukg.ingest import extract_text
from itukg.ontology import InvalidKey, UnreadableDocument, parse_key

NAME = "x.txt"

FRAGMENTS = [
    "Resolution",
    "Resolutions",
    "RESOLUTION",
    "Decision",
    "Recommendation",
    "(Rev. Busan, 2014)",
    "(Rev. ~~Busan, 2014~~ Dubai, 2018)",
    "(WRC-03)",
    "(Rev.WRC-12)",
    "(Dubai, 2012)",
    "(Hyderabad, 2010)",
    "of this Conference",
    "of the Plenipotentiary Conference",
    "of the World Telecommunication Development Conference",
    "~~",
    "*",
    "**",
    "MOD ABC/1/2",
    "ADD EUR/61A2/1",
    "SUP",
    "RESOLUTION 5 (DUBAI, 2012)",
    "RESOLUTION 1 (",
    "recalling",
    "considering",
    "resolves",
    "a)",
    "1",
    "and",
    ",",
    ";",
    "/",
    "(",
    ")",
    "A/RES/",
    "UNGA Resolution",
    "ITU-T X.",
    "ITU-R",
    "Question",
    "No.",
    "Article",
    "of the Constitution",
    "\u00a0",  # non-breaking space
    "\u2011",  # non-breaking hyphen
    "\u2013",  # en dash
    "\u00ad",  # soft hyphen
]
SEPARATORS = ["", " ", " ", "\n", "\n\n", "\u00a0", "\t"]

numbers = st.one_of(
    st.integers(min_value=0, max_value=2100).map(str),
    st.sampled_from(["1-8", "55/63", "72/266 B", "22-1/1", "1205", "03", "0"]),
)
fragment = st.one_of(st.sampled_from(FRAGMENTS), numbers, st.text(max_size=3))
itu_text = st.lists(st.tuples(fragment, st.sampled_from(SEPARATORS)), max_size=60).map(
    lambda parts: "".join(f + sep for f, sep in parts)
)

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def is_key(value: Any) -> bool:
    """A key of the contract: accepted by ``parse_key`` and plain ASCII (keys become
    IRIs; ``parse_key`` alone also takes other scripts' digits, matched by ``\\d``)."""
    if not isinstance(value, str) or not value.isascii():
        return False
    try:
        parse_key(value)
    except InvalidKey:
        return False
    return True


def extract(text: str) -> list[Any]:
    """``extract_text`` reads the string as the file ``x.txt`` would be read, so it
    refuses exactly what the text reader refuses: a blank file or one holding NUL
    bytes. Anything else must not raise."""
    try:
        return list(extract_text(text, name=NAME))
    except UnreadableDocument:
        data = text.encode("utf-8")
        assert not data.strip() or b"\x00" in data[:65536], "refused a text document"
        return []


def check_records(text: str) -> None:
    """Run the extractor and check every record against the contract."""
    records = extract(text)
    for r in records:
        assert r.type in ("citation", "amendment"), r
        assert is_key(r.doc), f"doc is not a key: {r!r}"
        if r.type == "amendment":
            assert r.action in ("MOD", "ADD", "SUP", "NOC"), r
            assert r.target is None or is_key(r.target), r
            assert r.result is None or is_key(r.result), r
            continue
        assert 0 <= r.start <= r.end <= len(text), r
        assert r.view in ("current", "previous"), r
        assert is_key(r.source), f"source is not a key: {r!r}"
        assert r.target is None or is_key(r.target), f"target not a key: {r!r}"
        assert not (r.candidates and r.target is not None), r
        assert all(is_key(c) for c in r.candidates), r
        if "\r" not in text and not text.startswith("\ufeff"):
            check_words(text, r)


def check_words(text: str, r: Any) -> None:
    """``[start:end]`` spans the quoted words: it begins with their first character
    and ends with their last, and holds all of them in order (the span may hold
    more: markup, struck text in the current view, the replacing text in the
    previous one). Only for texts the reader keeps as they are (no CR, no BOM):
    offsets index the text as read, after newline normalisation."""
    span = text[r.start : r.end]
    where = f"{r.view} [{r.start}:{r.end}] {span!r} text={r.text!r}"
    assert r.text.strip(), where
    assert span[:1] == r.text[:1] and span[-1:] == r.text[-1:], where
    chars = iter(span)
    assert all(c in chars for c in "".join(r.text.split())), where


@SETTINGS
@given(st.text())
def test_arbitrary_text(text: str) -> None:
    check_records(text)


@SETTINGS
@given(itu_text)
@example("Resolution 66 (Rev. ~~Hyderabad, 2010~~ Dubai, 2014)")
@example("Resolutions 50 and 52 (Rev. Johannesburg, 2008) and 58 (Johannesburg, 2008)")
@example("MOD ABC/1/2\n\nRESOLUTION 5 (DUBAI, 2012)\n\nrecalling\n\na) Resolution")
@example("~~" * 7 + "Resolution 1 (" * 3)
@example("Resolution\u00a0101 (Rev.\u00a0Dubai,\u00a02018) and A/RES/55/63")
def test_itu_like_text(text: str) -> None:
    check_records(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("\u00a0\u2011~~*", id="only-marks"),
        pytest.param("RESOLUTION 5 (DUBAI, 2012)", id="header-alone"),
        pytest.param("Resolution 130 (Rev. Busan, 2014)", id="citation-alone"),
    ],
)
def test_edges(text: str) -> None:
    check_records(text)


# Digits of other scripts match ``\d`` in Python regexes. A citation written with
# them must give the key of the same number in ASCII digits, or no key, never a
# wrong or malformed one: digits of other scripts read as the ASCII digits.
DIGITS: list[Any] = [
    pytest.param(
        "Resolution \u0661\u0663\u0660 (Rev. Busan, 2014)",
        "pp/res/130/2014",
        id="arabic-indic-resolution-number",
    ),
    pytest.param(
        "Resolution 130 (Rev. Busan, \u0662\u0660\u0661\u0664)",
        "pp/res/130/2014",
        id="arabic-indic-year",
    ),
    pytest.param(
        "UNGA Resolution \u0665\u0665/\u0666\u0663",
        "unga/res/55/63",
        id="arabic-indic-unga",
    ),
    pytest.param(
        "Resolution \uff11\uff13\uff10 (WRC-\uff10\uff13)",
        "wrc/res/130/2003",
        id="fullwidth-wrc",
    ),
    pytest.param(
        "Recommendation ITU-T X.\u0661\u0662\u0660\u0665",
        "itu-t/rec/x.1205",
        id="arabic-indic-recommendation",
    ),
    pytest.param(
        "Resolution ITU-R \u0661-\u0668",
        "ra/res/1-8",
        id="arabic-indic-ra-resolution",
    ),
    pytest.param(
        "ITU-D Question \u0662\u0662-\u0661/\u0661",
        "itu-d/question/22-1/1",
        id="arabic-indic-question",
    ),
]


@pytest.mark.parametrize(("text", "key"), DIGITS)
def test_digits_of_other_scripts(text: str, key: str) -> None:
    for r in extract(text):
        if r.type == "citation":
            assert r.target in (None, key), r
            assert all(is_key(c) for c in r.candidates), r
