"""What the ``itukg`` group keeps for its commands (``ctx.obj``: the global
``--store`` and ``--base``), and the two ways a command opens that store."""

from __future__ import annotations

import logging
from typing import Any

import click

from itukg import console
from itukg.ontology.store import GraphStore, open_store

log = logging.getLogger(__name__)


def store_of(ctx: click.Context) -> GraphStore:
    """The store of a command that writes it (created when missing)."""
    obj: dict[str, Any] = ctx.obj
    return open_store(obj["store"])


def read_store(ctx: click.Context, read_only: bool = True) -> GraphStore:
    """The store of a command that reads it: it must exist (exit 2 otherwise)."""
    log.info("store: %s", ctx.obj["store"])
    return console.existing_store(ctx.obj["store"], read_only)
