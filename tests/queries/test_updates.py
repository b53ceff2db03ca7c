"""Named updates run together as one request: one prologue at the top, gathered
from the files' PREFIX lines (Oxigraph reads no prologue after a ``;``)."""

from __future__ import annotations

import pytest

from itukg.queries import QueryDefinitionError, list_queries
from itukg.queries.run import split_prologue

CASES = [
    ("#+ summary: x\nPREFIX a: <http://a/>\nDROP SILENT GRAPH <g>", {"a": "http://a/"}),
    (
        "PREFIX : <http://d/>\n\n# c\nPREFIX b: <http://b/>\nINSERT DATA {}",
        {"": "http://d/", "b": "http://b/"},
    ),
]


@pytest.mark.parametrize(("text", "prefixes"), CASES)
def test_split_prologue(text: str, prefixes: dict[str, str]) -> None:
    found, body = split_prologue("t", text)
    assert found == prefixes
    assert not body.lstrip().upper().startswith(("PREFIX", "#"))


@pytest.mark.parametrize(
    "text",
    [
        "BASE <x:>\nDROP ALL",
        "PREFIX a: <x:> PREFIX b: <y:>\nDROP ALL",
        "PREFIX a: <x:>",
    ],
)
def test_split_prologue_refuses(text: str) -> None:
    with pytest.raises(QueryDefinitionError):
        split_prologue("t", text)


def test_every_derive_file_splits() -> None:
    for q in list_queries("derive"):
        prefixes, body = split_prologue(q.name, q.text)
        assert body.split()[0].upper() in ("DROP", "INSERT", "DELETE", "CLEAR", "WITH")
