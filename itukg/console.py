"""What the ``itukg`` commands share about the terminal: loggers under ``itukg``
on stderr (``-q``/``-v``), stores that must exist before they are read, ``-`` for
standard input, tables whose cut cells are marked (``--wide`` shows them whole),
the closest keys to an unknown one, and progress shown on a terminal only."""

from __future__ import annotations

import difflib
import logging
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from itukg.ontology.store import GraphStore, StoreError, open_store
from itukg.queries import QueryNotFound, Table, get_query, list_queries

log = logging.getLogger("itukg")
CELL = 40  # characters of a table cell unless --wide
CUT = "…"
STDIN = Path("-")


def configure_logging(verbosity: int) -> None:
    """``itukg`` loggers on stderr: warnings by default, -v info, -vv debug,
    -q errors only."""
    level = {-1: logging.ERROR, 0: logging.WARNING, 1: logging.INFO}.get(
        verbosity, logging.DEBUG
    )
    root = logging.getLogger("itukg")
    root.setLevel(level)
    if not any(isinstance(h, _Stderr) for h in root.handlers):
        handler = _Stderr()
        handler.setFormatter(logging.Formatter("itukg: %(message)s"))
        root.addHandler(handler)


class _Stderr(logging.Handler):
    """Writes to the ``sys.stderr`` of the moment (click's test runner swaps it)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(self.format(record) + "\n")
        except (OSError, ValueError):
            self.handleError(record)


def quiet() -> bool:
    """``-q``: only errors on stderr."""
    return log.getEffectiveLevel() > logging.WARNING


def check_store(location: str) -> None:
    """Raise StoreError when ``location`` is a folder that holds no store (a
    read command never creates one; a server URL is left to the request)."""
    if "://" in location:
        return
    folder = Path(location)
    if not folder.is_dir() or not any(folder.iterdir()):
        raise StoreError(
            f"{location}: no store there (build it with `itukg ingest`, "
            "or give --store)"
        )


def existing_store(location: str, read_only: bool = True) -> GraphStore:
    """The store at ``location``, which must exist (see ``check_store``)."""
    check_store(location)
    return open_store(location, read_only=read_only)


def is_stdin(path: Path) -> bool:
    return str(path) == "-"


@contextmanager
def stdin_file(name: str = "stdin") -> Iterator[Path]:
    """Standard input as a file ``name`` in a temporary folder (its content,
    not its name, tells the readers its format)."""
    with tempfile.TemporaryDirectory(prefix="itukg-") as folder:
        path = Path(folder) / name
        path.write_bytes(sys.stdin.buffer.read())
        yield path


def read_text_arg(value: str | None, file: Path | None, what: str) -> str:
    """A text given as an argument, as ``-`` (stdin) or by ``--file``."""
    if file is not None and value is not None:
        raise click.UsageError(f"give the {what} as an argument or by --file, not both")
    if file is not None:
        return sys.stdin.read() if is_stdin(file) else file.read_text("utf-8")
    if value is None:
        raise click.UsageError(f"give the {what} (an argument, - for stdin, or --file)")
    return sys.stdin.read() if value == "-" else value


def cell(value: Any, width: int | None) -> str:
    """A value as one table cell: one line, cut to ``width`` with a mark."""
    text = "" if value is None else " ".join(str(value).split())
    if width is not None and len(text) > width:
        return text[: width - 1] + CUT
    return text


def print_table(t: Table, wide: bool = False) -> None:
    """The rows as aligned columns; a cut cell ends with ``…`` (``--wide``: none
    is cut)."""
    limit = None if wide else CELL
    cells = [[cell(v, limit) for v in row] for row in t.rows]
    widths = [
        max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(t.columns)
    ]
    head = "  ".join(c.ljust(w) for c, w in zip(t.columns, widths, strict=True))
    click.echo(head.rstrip())
    for row in cells:
        line = "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True))
        click.echo(line.rstrip())
    click.echo(f"({len(t.rows)} rows)")


def unknown_keys(
    store: GraphStore, name: str, params: Mapping[str, str], base: str
) -> list[str]:
    """One message per key parameter whose instrument the graph does not know,
    with the closest known keys."""
    keys = [p.name for p in get_query(name).params if p.type == "key"]
    given = [params[k] for k in keys if k in params]
    if not given:
        return []
    from itukg.api.index import InstrumentIndex

    index = InstrumentIndex.build(store, base)
    out = []
    for key in given:
        if not index.knows(key):
            near = ", ".join(index.closest(key))
            hint = f" (closest: {near})" if near else ""
            out.append(f"no instrument {key!r} in the graph{hint}")
    return out


def on_terminal() -> bool:
    """Progress is for people: shown only when stderr is a terminal and logging
    is not quietened."""
    return sys.stderr.isatty() and log.getEffectiveLevel() <= logging.WARNING


@contextmanager
def progress(total: int, label: str) -> Iterator[Callable[[], None]]:
    """A step function that moves a progress bar on stderr (on a terminal, for
    more than one step); a no-op otherwise."""
    if total < 2 or not on_terminal():
        yield lambda: None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
        yield lambda: bar.update(1)


@contextmanager
def status(message: str) -> Iterator[None]:
    """``message…`` on stderr while a long step runs, then how long it took
    (on a terminal only)."""
    if not on_terminal():
        yield
        return
    click.echo(f"{message}…", err=True, nl=False)
    start = time.monotonic()
    yield
    click.echo(f" {time.monotonic() - start:.1f} s", err=True)


def known_query(name: str) -> None:
    """Raise QueryNotFound naming the closest query names when ``name`` is none."""
    try:
        get_query(name)
    except QueryNotFound:
        names = [q.name for q in list_queries()]
        near = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
        hint = (
            f" (closest: {', '.join(near)})" if near else " (`itukg query` lists them)"
        )
        raise QueryNotFound(f"no query named {name!r}{hint}") from None
