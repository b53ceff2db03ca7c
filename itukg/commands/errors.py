"""The one place the ``itukg`` commands map errors to stderr and exit status.

An unreadable file is one line on stderr (``itukg: FILE: reason``) and exit
status 1, while the other files are still processed (``file_failed``, used by
``extract`` and ``text``); any other error of the project (an unknown query, a
bad parameter, a store that cannot be reached) is one line on stderr and exit
status 2 (``MappedErrors``, the class of the ``itukg`` group, so every command
gets it)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from itukg.ontology.errors import ItukgError


class MappedErrors(click.Group):
    """A group whose commands' project errors are one stderr line and exit 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ItukgError as exc:
            click.echo(f"itukg: {exc}", err=True)
            sys.exit(2)


def file_failed(shown: Path, read: Path, exc: ItukgError) -> None:
    """The stderr line of a file that could not be read: ``itukg: FILE: reason``,
    naming the file as the user gave it (``shown``), not the one ``read`` (a
    temporary copy of standard input)."""
    reason = str(exc).replace(str(read), str(shown))
    if not reason.startswith(str(shown)):
        reason = f"{shown}: {reason}"
    click.echo(f"itukg: {reason}", err=True)


def skipped(path: Path, why: str) -> None:
    """The stderr note of a file below a folder that is left out."""
    click.echo(f"itukg: note: {path}: skipped ({why})", err=True)
