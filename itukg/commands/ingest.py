"""``itukg ingest`` and ``itukg remove``: the commands that change the store.
Exit status 1 when any file or document failed; the others are still done."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from itukg import console
from itukg.commands.context import read_store, store_of
from itukg.commands.errors import skipped
from itukg.ingest.pipeline import ingest_paths, remove_documents
from itukg.ingest.progress import Progress
from itukg.ingest.sources import document_files


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Reading processes (default: one per core).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Files done, documents/s and ETA on stderr (default: on a terminal).",
)
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[Path, ...],
    jobs: int | None,
    progress: bool | None,
) -> None:
    """Ingest PATHS (files and folders, recursively) into the store.

    A changed file replaces its document's graph, an unchanged one is skipped
    (unless an older itukg model wrote it: then it is rebuilt).
    Exit status 1 when any file failed; the others are still ingested."""
    store = store_of(ctx)
    files = list(document_files(paths, skipped))
    show = sys.stderr.isatty() if progress is None else progress
    summary = ingest_paths(
        store,
        files,
        ctx.obj["base"],
        progress=Progress(len(files), sys.stderr) if show else None,
        workers=jobs,
    )
    store.close()
    for line in summary.errors:
        click.echo(f"itukg: {line}", err=True)
    for line in summary.notes if not console.quiet() else []:
        click.echo(f"itukg: note: {line}", err=True)
    click.echo(f"{len(files)} files: {summary.line()}")
    sys.exit(1 if summary.failed else 0)


@click.command()
@click.argument("targets", nargs=-1, required=True)
@click.pass_context
def remove(ctx: click.Context, targets: tuple[str, ...]) -> None:
    """Remove documents from the store, given by key or by the file they came from."""
    store = read_store(ctx, read_only=False)
    summary = remove_documents(store, targets, ctx.obj["base"])
    store.close()
    for line in summary.errors:
        click.echo(f"itukg: {line}", err=True)
    click.echo(f"{summary.removed} documents removed")
    sys.exit(1 if summary.failed else 0)
