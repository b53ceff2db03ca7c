"""An N-Quads dump cut into parts the bulk loader takes one batch at a time.

Why: one ``bulk_load`` of a whole dump keeps up to three of its batches (a
million quads each, in Oxigraph 0.5) in memory: the one it reads while two
threads write the two before it. A load of at most one batch holds one.

The parts are files beside the dump, written one at a time while the dump is
read line by line (N-Quads: one quad a line), so that the parts on disk and in
memory are one batch whatever the dump's size. A quad that holds a blank node
goes to one last part with all the others: each load names the blank nodes it
reads afresh, so a blank node whose quads were in two loads would become two."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

SIZE = 1_000_000  # quads per part: the bulk loader's own batch (Oxigraph 0.5)
BLANK = b"_:"  # in a line: the quad may hold a blank node


def cut(dump: Path, size: int) -> Iterator[Path]:
    """Parts of ``dump``, ``size`` quads each (the quads holding blank nodes
    together, last), each a file its caller may remove once it has used it."""
    blanks = dump.with_name(f"{dump.name}.blank")
    with dump.open("rb") as lines, blanks.open("wb") as held:
        number = 0
        while True:
            part = dump.with_name(f"{dump.name}.{number}")
            with part.open("wb") as out:
                count = _fill(lines, out, held, size)
            if count:
                yield part
            part.unlink(missing_ok=True)
            if count < size:
                break
            number += 1
    if blanks.stat().st_size:
        yield blanks
    blanks.unlink(missing_ok=True)


def _fill(lines: BinaryIO, out: BinaryIO, held: BinaryIO, size: int) -> int:
    """Up to ``size`` quads of ``lines`` without a blank node into ``out`` (the
    others into ``held``): how many went into ``out``."""
    count = 0
    for line in lines:
        if BLANK in line:
            held.write(line)
        elif line.strip():
            out.write(line)
            count += 1
            if count == size:
                break
    return count
