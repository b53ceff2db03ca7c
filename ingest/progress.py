"""Progress of ``itukg ingest`` on standard error: files done of all, documents
per second and the time left at that pace."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

_EVERY = 0.5  # seconds between two redraws on a terminal
_EVERY_LINE = 5.0  # seconds between two lines elsewhere (a log)


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@dataclass
class Progress:
    """Called once per file done (``ingest_paths(progress=…)``); on a terminal
    the line is redrawn in place, elsewhere a line is written now and then."""

    total: int
    stream: TextIO
    done: int = 0
    started: float = field(default_factory=time.monotonic)
    shown: float = 0.0

    def __call__(self, _path: Path) -> None:
        self.done += 1
        now = time.monotonic()
        every = _EVERY if self.stream.isatty() else _EVERY_LINE
        if now - self.shown >= every or self.done == self.total:
            self.shown = now
            self._show(now)

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0.0
        return (
            f"ingesting {self.done}/{self.total} files, "
            f"{rate:.1f} documents/s, ETA {_clock(left)}"
        )

    def _show(self, now: float) -> None:
        if self.stream.isatty():
            # the last file in, the derivation of the whole graph follows
            end = (
                "\nderiving the graph of all documents…\n"
                if self.done == self.total
                else ""
            )
            self.stream.write("\r\x1b[K" + self.line(now) + end)
        else:
            self.stream.write(self.line(now) + "\n")
        self.stream.flush()
