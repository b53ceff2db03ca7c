"""The cyclic garbage collector paused while one document is extracted.

Extraction makes a few million short-lived containers (matches, tuples, records)
and almost no reference cycles: reference counting frees them, and the collector,
which runs every 700 allocations and now and then walks every live object (the
records made so far among them), only costs time: 10 % of extraction on the
benchmark corpus. It is paused for one document at a time and resumed after it,
so whatever cycles a document leaves are collected as before. Reading a text,
JSON or Akoma Ntoso file pauses it likewise (not a PDF or office file: the
objects of their libraries may hold cycles)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector (when it runs) for the block."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
