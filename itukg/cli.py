"""The ``itukg`` command line (``itukg.cli:main``, also ``python -m itukg``): the
group, the options every command takes before it (kept in ``ctx.obj`` for
``itukg.commands.context``), and the commands mounted on it, from
``itukg.commands`` (one module per group of commands) and
``itukg.lineage_command``. The group's class maps the project's errors to one
stderr line and an exit status, once (``itukg.commands.errors``)."""

from __future__ import annotations

import os

import click

from itukg import console
from itukg.commands.errors import MappedErrors
from itukg.commands.export import export
from itukg.commands.extract import extract, text
from itukg.commands.ingest import ingest, remove
from itukg.commands.query import query, sparql
from itukg.commands.serve import app_factory, serve
from itukg.lineage_command import lineage
from itukg.ontology import iri

__all__ = ["app_factory", "main"]


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


for _command in (extract, text, ingest, remove, query, sparql, export, serve, lineage):
    main.add_command(_command)
