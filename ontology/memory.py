"""Memory this process freed, given back to the system: between the stages of an
ingest, so that each stage's peak is its own, not its own on top of what the
stages before it freed but the allocator kept (glibc keeps freed blocks, the
store's write buffers among them, for reuse: ``malloc_trim``; elsewhere only
Python's own collection)."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import sys


def release() -> None:
    gc.collect()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)
