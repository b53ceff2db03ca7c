"""The rows of a query too large to hold, grouped by one column: spilled to a
temporary SQLite table as the store gives them, then read back one group at a
time, groups in code-point order of their key (SQLite's BINARY collation
compares UTF-8 bytes, which orders as Python orders ``str``). Memory is bounded
by the largest group, not by the rows (the paragraphs of every document, for
the lineage)."""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing
from itertools import groupby, islice
from pathlib import Path

Row = tuple[str | int, ...]
_BATCH = 10_000  # rows inserted together


def grouped(
    columns: Sequence[str], rows: Iterable[Row], key: str
) -> Iterator[tuple[str, list[dict[str, str | int]]]]:
    """``rows`` (values of ``columns``) by their ``key`` column: each key once,
    in order, with its rows as records."""
    with tempfile.TemporaryDirectory(prefix="itukg-spill-") as folder:
        db = sqlite3.connect(Path(folder) / "rows.db")
        with closing(db):
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            names = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" for _ in columns)
            db.execute(f"CREATE TABLE spill ({names})")
            it = iter(rows)
            while batch := list(islice(it, _BATCH)):
                db.executemany(f"INSERT INTO spill VALUES ({marks})", batch)
            db.commit()
            at = columns.index(key)
            found = db.execute(f'SELECT {names} FROM spill ORDER BY "{key}"')
            for group, members in groupby(found, key=lambda r: r[at]):
                yield str(group), [dict(zip(columns, r, strict=True)) for r in members]
