"""A dump cut into parts for the bulk loader (``ontology.parts``): every quad in
exactly one part, none larger than asked, the quads holding blank nodes all in
the last part, and no part left on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from itukg.ontology.parts import cut

PLAIN = [f'<http://x/s{i}> <http://x/p> "v {i}" <http://x/g> .\n' for i in range(25)]
BLANK = [f'_:b{i} <http://x/p> "w {i}" <http://x/g> .\n' for i in range(4)]


def _cut(tmp_path: Path, lines: list[str], size: int) -> list[list[str]]:
    dump = tmp_path / "quads.nq"
    dump.write_text("".join(lines))
    found = []
    for part in cut(dump, size):
        found.append(part.read_text().splitlines(keepends=True))
        part.unlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quads.nq"]
    return found


@pytest.mark.parametrize("size", [1, 5, 7, 25, 1000])
def test_every_quad_once_in_parts_of_at_most_size(tmp_path: Path, size: int) -> None:
    lines = PLAIN[:10] + BLANK[:2] + PLAIN[10:] + BLANK[2:]
    found = _cut(tmp_path, lines, size)
    assert found[-1] == BLANK
    plain = found[:-1]
    assert all(0 < len(p) <= size for p in plain)
    assert [line for p in plain for line in p] == PLAIN
    assert len(plain) == -(-len(PLAIN) // size)


def test_no_blank_node_no_last_part(tmp_path: Path) -> None:
    assert _cut(tmp_path, PLAIN, 10) == [PLAIN[:10], PLAIN[10:20], PLAIN[20:]]


def test_an_empty_dump_has_no_part(tmp_path: Path) -> None:
    assert _cut(tmp_path, [], 10) == []


def test_a_part_left_unused_is_removed(tmp_path: Path) -> None:
    """The caller need not remove a part: the next one's writing does."""
    dump = tmp_path / "quads.nq"
    dump.write_text("".join(PLAIN + BLANK))
    assert len(list(cut(dump, 10))) == 4
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quads.nq"]
