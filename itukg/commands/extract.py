"""``itukg extract`` and ``itukg text``: what files yield, without a store.

An unreadable file is one stderr line and exit status 1 (``errors.file_failed``);
the other files' records are still printed."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

import click

from itukg import console
from itukg.commands.errors import file_failed, skipped
from itukg.ingest.extract import extract_document
from itukg.ingest.models import Citation, Mandate, Record
from itukg.ingest.sources import document_files, read_document
from itukg.ontology.errors import ItukgError


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
    help="jsonl: one JSON record per line (the public "
    "contract); table: a readable table.",
)
def extract(files: tuple[Path, ...], fmt: str) -> None:
    """Extract the citations and amendments of FILES (files or folders).

    FILE - reads standard input. Exit status 0 when every file was read, 1 when
    any could not be (one line on stderr per such file); the other files'
    records are still printed. On a terminal, a progress bar on stderr while
    the records go to a file or a pipe."""
    failed = 0
    with contextlib.ExitStack() as stack:
        paths = _inputs(files, stack)
        steps = len(paths) if not sys.stdout.isatty() else 0
        with console.progress(steps, "extracting") as step:
            for shown, path in paths:
                failed += not _extract_one(shown, path, fmt)
                step()
    sys.exit(1 if failed else 0)


def _inputs(
    files: tuple[Path, ...], stack: contextlib.ExitStack
) -> list[tuple[Path, Path]]:
    """``(name shown, file read)`` of each input: ``-`` is stdin, saved to a
    temporary file; a folder gives its documents."""
    out: list[tuple[Path, Path]] = []
    for f in files:
        if console.is_stdin(f):
            out.append((f, stack.enter_context(console.stdin_file())))
        else:
            out += [(p, p) for p in document_files([f], skipped)]
    return out


def _extract_one(shown: Path, path: Path, fmt: str) -> bool:
    """Print the records of one file; False when it could not be read."""
    out = sys.stdout
    try:
        records = extract_document(read_document(path))
    except ItukgError as exc:
        file_failed(shown, path, exc)
        return False
    if fmt == "jsonl":
        for r in records:
            out.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")
    else:
        out.write(f"# {shown}\n")
        for r in records:
            out.write(_table_row(r) + "\n")
    out.flush()
    return True


def _table_row(r: Record) -> str:
    if isinstance(r, Citation):
        target = r.target or ("? " + " | ".join(r.candidates) if r.candidates else "?")
        where = " ".join(x for x in (r.section or "", r.paragraph or "") if x)
        return f"{r.view:<8} {r.source:<22} {target:<26} {where[:30]:<30} {r.text[:70]}"
    if isinstance(r, Mandate):
        whom = ", ".join(r.addressees) or "-"
        para = r.paragraph or "-"
        return f"{r.view:<8} {r.source:<22} {r.verb:<12} {whom[:40]:<40} {para}"
    proposal, target, result = r.proposal or "-", r.target or "-", r.result or "-"
    return f"{r.action:<8} {proposal:<22} {target:<26} -> {result}"


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
def text(file: Path) -> None:
    """Print the plain text FILE yields (the text that record offsets refer to);
    FILE - reads standard input."""
    with contextlib.ExitStack() as stack:
        path = (
            stack.enter_context(console.stdin_file())
            if console.is_stdin(file)
            else file
        )
        try:
            doc = read_document(path)
        except ItukgError as exc:
            file_failed(file, path, exc)
            sys.exit(1)
    sys.stdout.write(doc.text)
