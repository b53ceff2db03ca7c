"""``views.has_changes`` by bisection answers as the scan of every change did."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from itukg.ingest.models import Change, Document
from itukg.ingest.views import has_changes

_change = st.builds(
    lambda a, n, kind: Change(a, a + n, kind),
    st.integers(0, 60),
    st.integers(0, 15),
    st.sampled_from(["del", "ins", "markup"]),
)


@given(st.lists(_change, max_size=12), st.integers(0, 80), st.integers(0, 20))
def test_same_answer_as_a_scan(changes: list[Change], start: int, size: int) -> None:
    doc = Document("d.txt", "d", "x" * 100, tuple(changes))
    end = start + size
    scan = any(
        c.kind in ("del", "ins") and c.start < end and c.end > start
        for c in doc.changes
    )
    assert has_changes(doc, start, end) == scan
    other = Document("e.txt", "e", "x" * 100, ())
    assert not has_changes(other, start, end)
    assert has_changes(doc, start, end) == scan  # the cache follows the document
