"""Rows grouped through a temporary SQLite table (``ingest.spill``, how the
lineage reads the paragraphs of every document): each key once, keys in the
order Python sorts them, every row in its group."""

from __future__ import annotations

import pytest

from itukg.ingest.spill import Row, grouped

COLUMNS = ("work", "n", "text")
KEYS = ["pp/res/2", "pp/res/10", "Z", "é", "e", "ü/x", "pp/res/1", "𝔘", ""]


@pytest.mark.parametrize(
    "rows",
    [
        [],
        [("a", 1, "x")],
        [(k, i, f"text {i}") for i, k in enumerate(KEYS * 3)],
        [("w", i, "é" * (i % 50)) for i in range(25_000)],  # more than one batch
    ],
)
def test_groups_in_key_order_with_all_their_rows(rows: list[Row]) -> None:
    found = list(grouped(COLUMNS, iter(rows), "work"))
    keys = sorted({str(r[0]) for r in rows})
    assert [k for k, _ in found] == keys
    for key, records in found:
        mine = sorted((r["n"], r["text"]) for r in records)
        assert mine == sorted((r[1], r[2]) for r in rows if r[0] == key)
