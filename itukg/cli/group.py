"""The ``itukg`` group: the options every command takes before it (``--store``,
``--base``, ``-v``/``-q``), kept in the context, and the two ways a command opens
the store they name."""

from __future__ import annotations

import logging
import os
from typing import Any

import click

from itukg import console
from itukg.cli.errors import MappedErrors
from itukg.ontology import iri
from itukg.ontology.store import GraphStore, open_store

log = logging.getLogger(__name__)


@click.group(cls=MappedErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="itukg")
@click.option(
    "--store",
    default=lambda: os.environ.get("ITUKG_STORE", "data/store"),
    show_default="data/store, or $ITUKG_STORE",
    help="A folder (embedded Oxigraph store) or the URL of a SPARQL 1.1 server "
    "(e.g. http://127.0.0.1:7878 for `oxigraph serve --union-default-graph`).",
)
@click.option(
    "--base",
    default=lambda: os.environ.get("ITUKG_BASE", iri.DEFAULT_BASE),
    show_default=iri.DEFAULT_BASE,
    help="The base IRI of instrument keys.",
)
@click.option("-v", "--verbose", count=True, help="More messages on stderr (-vv).")
@click.option("-q", "--quiet", is_flag=True, help="Errors only on stderr.")
@click.pass_context
def main(ctx: click.Context, store: str, base: str, verbose: int, quiet: bool) -> None:
    """itukg: a knowledge graph of cross-references between ITU resolutions."""
    console.configure_logging(-1 if quiet else verbose)
    ctx.obj = {"store": store, "base": base}


def store_of(ctx: click.Context) -> GraphStore:
    """The store of a command that writes it (created when missing)."""
    obj: dict[str, Any] = ctx.obj
    return open_store(obj["store"])


def read_store(ctx: click.Context, read_only: bool = True) -> GraphStore:
    """The store of a command that reads it: it must exist (exit 2 otherwise)."""
    log.info("store: %s", ctx.obj["store"])
    return console.existing_store(ctx.obj["store"], read_only)
