"""The citation neighbourhood of an instrument, laid out for an inline SVG drawn
by the page template: what cites it on the left, what it cites on the right, the
instrument in the middle. Computed here, drawn by ``templates/_neighbourhood.html``
(no script, nothing from elsewhere)."""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 960
ROW = 24
TOP = 40
MAX_SIDE = 18
COLUMNS = {"left": 20, "centre": WIDTH // 2, "right": WIDTH - 20}


@dataclass(frozen=True)
class Node:
    key: str
    label: str
    x: int
    y: int
    side: str  # left, centre or right
    count: int = 1  # citations the edge stands for


@dataclass(frozen=True)
class Drawing:
    width: int
    height: int
    centre: Node
    left: list[Node]
    right: list[Node]
    more_left: int
    more_right: int


def _column(items: list[tuple[str, str, int]], side: str, height: int) -> list[Node]:
    shown = items[:MAX_SIDE]
    if not shown:
        return []
    # spread over the height, but no wider apart than two rows: a short column
    # stands in the middle, level with the instrument
    step = min((height - 2 * TOP) / max(1, len(shown) - 1), 2 * ROW)
    y0 = height / 2 - step * (len(shown) - 1) / 2
    return [
        Node(key, label, COLUMNS[side], round(y0 + i * step), side, count)
        for i, (key, label, count) in enumerate(shown)
    ]


def neighbourhood(
    key: str,
    label: str,
    citing: list[tuple[str, str, int]],
    cited: list[tuple[str, str, int]],
    totals: tuple[int, int],
) -> Drawing:
    """``citing`` and ``cited``: (key, label, citations) of each neighbour drawn,
    most citations first (at most ``MAX_SIDE`` of each are); ``totals``: how
    many neighbours each side has in all (the rest are "+N more")."""
    rows = max(len(citing[:MAX_SIDE]), len(cited[:MAX_SIDE]), 1)
    height = max(120, rows * ROW + 2 * TOP)
    centre = Node(key, label, COLUMNS["centre"], height // 2, "centre")
    left, right = _column(citing, "left", height), _column(cited, "right", height)
    return Drawing(
        width=WIDTH,
        height=height,
        centre=centre,
        left=left,
        right=right,
        more_left=max(0, totals[0] - len(left)),
        more_right=max(0, totals[1] - len(right)),
    )
