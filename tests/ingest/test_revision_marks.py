"""Issue 10: revision marks shown by formatting only (struck, underlined or
coloured text) count only inside a MOD, ADD or SUP block (design/contract.md
section 1). A guide that strikes a phrase to illustrate keeps it in its one view;
a proposal that strikes inside a MOD block gets both views. DOCX and HTML files are
built at test time and extracted as files are."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from itukg.ingest import extract_path
from tests.ingest.formats_factory import docx_package

STRIKE, UNDERLINE = "strike", "underline"
# A paragraph is a list of (text, mark) runs, mark None for plain text.
Paragraph = list[tuple[str, str | None]]

GUIDE: list[Paragraph] = [
    [("Guide to revision marks", None)],
    [("To show that a reference is deleted, strike it through: ", None)],
    [
        ("see ", None),
        ("Resolution 1 (Rev. Hammamet, 2016)", STRIKE),
        (" of the World Telecommunication Standardization Assembly.", None),
    ],
    [
        ("Underline new text: ", None),
        ("Recommendation ITU-T A.8", UNDERLINE),
        (".", None),
    ],
]
PROPOSAL: list[Paragraph] = [
    [("MOD INS/82/1", None)],
    [("RESOLUTION 130 (REV. BUSAN, 2014)", None)],
    [("recalling", None)],
    [
        ("a) Resolution 66 (Rev. ", None),
        ("Hyderabad, 2010", STRIKE),
        (" ", None),
        ("Dubai, 2014", UNDERLINE),
        (") of the World Telecommunication Development Conference;", None),
    ],
]
BOTH: list[Paragraph] = [
    [("As the guide shows, ", None), ("Resolution 2 (Rev. Busan, 2014)", STRIKE)],
    *PROPOSAL,
]


def _docx(paras: list[Paragraph]) -> bytes:
    props = {STRIKE: "<w:strike/>", UNDERLINE: '<w:u w:val="single"/>', None: ""}
    body = "".join(
        "<w:p>"
        + "".join(
            f"<w:r><w:rPr>{props[mark]}</w:rPr>"
            f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
            for text, mark in para
        )
        + "</w:p>"
        for para in paras
    )
    return docx_package(body)


def _html(paras: list[Paragraph]) -> bytes:
    tags = {STRIKE: "s", UNDERLINE: "u"}
    body = "".join(
        "<p>"
        + "".join(
            f"<{tags[mark]}>{escape(text)}</{tags[mark]}>" if mark else escape(text)
            for text, mark in para
        )
        + "</p>"
        for para in paras
    )
    return f"<html><body>{body}</body></html>".encode()


BUILDERS = {"docx": _docx, "html": _html}


def _edges(path: Path) -> set[tuple[str, str, str | None]]:
    return {
        (r.view, r.source, r.target) for r in extract_path(path) if r.type == "citation"
    }


@pytest.mark.parametrize("fmt", sorted(BUILDERS))
def test_guide_striking_outside_any_block_is_plain_text(
    tmp_path: Path, fmt: str
) -> None:
    path = tmp_path / f"guide.{fmt}"
    path.write_bytes(BUILDERS[fmt](GUIDE))
    assert _edges(path) == {
        ("current", "doc/guide", "wtsa/res/1/2016"),
        ("current", "doc/guide", "itu-t/rec/a.8"),
    }


@pytest.mark.parametrize("fmt", sorted(BUILDERS))
def test_proposal_striking_inside_a_mod_block_has_two_views(
    tmp_path: Path, fmt: str
) -> None:
    path = tmp_path / f"proposal.{fmt}"
    path.write_bytes(BUILDERS[fmt](PROPOSAL))
    assert _edges(path) == {
        ("current", "pp/res/130/2014", "wtdc/res/66/2014"),
        ("previous", "pp/res/130/2014", "wtdc/res/66/2010"),
    }


@pytest.mark.parametrize("fmt", sorted(BUILDERS))
def test_strike_before_a_block_stays_in_the_current_view(
    tmp_path: Path, fmt: str
) -> None:
    path = tmp_path / f"both.{fmt}"
    path.write_bytes(BUILDERS[fmt](BOTH))
    edges = _edges(path)
    assert ("current", "doc/both", "pp/res/2/2014") in edges
    assert not any(view == "previous" and src == "doc/both" for view, src, _ in edges)
    assert ("previous", "pp/res/130/2014", "wtdc/res/66/2010") in edges
