"""Every fixture in shapes/valid conforms to ontology/shapes.ttl and every one in
shapes/invalid does not (Brick's test_shapes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from tests.shacl import conforms

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "shapes"
VALID = sorted((FIXTURES / "valid").glob("*.ttl"))
INVALID = sorted((FIXTURES / "invalid").glob("*.ttl"))


@pytest.mark.parametrize("path", VALID, ids=[p.stem for p in VALID])
def test_valid_fixture_conforms(path: Path) -> None:
    ok, report = conforms(Graph().parse(path))
    assert ok, report


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_fixture_is_refused(path: Path) -> None:
    ok, report = conforms(Graph().parse(path))
    assert not ok
    expected = path.read_text().splitlines()[0].removeprefix("# violation: ").strip()
    assert expected in report, report


def test_there_are_fixtures() -> None:
    assert len(VALID) >= 1 and len(INVALID) >= 5
