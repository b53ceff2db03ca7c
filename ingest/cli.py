"""The ``itukg`` command line. Errors are mapped here, once: an unreadable file is
one line on stderr (``itukg: FILE: reason``) and exit status 1, while the other
files are still processed."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from ingest.extract import extract_document
from ingest.models import Citation, Record
from ingest.sources import read_document
from ontology.errors import ItukgError


def _files(paths: tuple[Path, ...]) -> Iterator[Path]:
    """Files as given, and every file below a folder (hidden files and gold files
    skipped), in a stable order."""
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p)
                if (
                    f.is_file()
                    and not any(part.startswith(".") for part in rel.parts)
                    and not f.name.endswith(".gold.json")
                ):
                    yield f
        else:
            yield p


def _fail(path: Path, exc: Exception) -> None:
    reason = str(exc)
    if not reason.startswith(str(path)):
        reason = f"{path}: {reason}"
    click.echo(f"itukg: {reason}", err=True)


def _table_row(r: Record) -> str:
    if isinstance(r, Citation):
        target = r.target or ("? " + " | ".join(r.candidates) if r.candidates else "?")
        where = " ".join(x for x in (r.section or "", r.paragraph or "") if x)
        return f"{r.view:<8} {r.source:<22} {target:<26} {where[:30]:<30} {r.text[:70]}"
    proposal, target, result = r.proposal or "-", r.target or "-", r.result or "-"
    return f"{r.action:<8} {proposal:<22} {target:<26} -> {result}"


@click.group()
@click.version_option(package_name="itukg")
def main() -> None:
    """itukg: a knowledge graph of cross-references between ITU resolutions."""


@main.command()
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

    Exit status 0 when every file was read, 1 when any could not be (one line on
    stderr per such file); the other files' records are still printed."""
    failed = 0
    out = sys.stdout
    for path in _files(files):
        try:
            records = extract_document(read_document(path))
        except ItukgError as exc:
            _fail(path, exc)
            failed += 1
            continue
        if fmt == "jsonl":
            for r in records:
                out.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")
        else:
            out.write(f"# {path}\n")
            for r in records:
                out.write(_table_row(r) + "\n")
        out.flush()
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
def text(file: Path) -> None:
    """Print the plain text FILE yields (the text that record offsets refer to)."""
    try:
        doc = read_document(file)
    except ItukgError as exc:
        _fail(file, exc)
        sys.exit(1)
    sys.stdout.write(doc.text)
