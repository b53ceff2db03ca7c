"""``itukg query`` and ``itukg sparql``: rows from the store, printed as a table,
JSON or CSV (``--format``; ``--wide`` shows table cells whole)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from itukg import console
from itukg.commands.context import read_store
from itukg.ontology.store import StoreError
from itukg.queries import Table, list_queries, run_query
from itukg.queries.errors import QueryParamError
from itukg.queries.run import table as to_table

F = TypeVar("F", bound=Callable[..., Any])
log = logging.getLogger(__name__)


def _table_format(func: F) -> F:
    """``--format`` and ``--wide`` of the commands that print rows."""
    func = click.option(
        "--wide",
        is_flag=True,
        help=f"Show every cell whole (else cut at {console.CELL} characters, "
        f"marked {console.CUT}).",
    )(func)
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "json", "csv"]),
        default="table",
        show_default=True,
        help="How to print the rows.",
    )(func)


def _print_table(t: Table, fmt: str, wide: bool = False) -> None:
    if fmt == "json":
        click.echo(json.dumps(t.records(), ensure_ascii=False, indent=1))
        return
    if fmt == "csv":
        click.echo(t.to_csv(), nl=False)
        return
    console.print_table(t, wide)


def _params(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for v in values:
        name, sep, val = v.partition("=")
        if not sep:
            raise click.BadParameter(f"{v!r} is not name=value", param_hint="--param")
        out[name] = val
    return out


@click.command()
@click.argument("name", required=False)
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A parameter of the query (repeatable).",
)
@_table_format
@click.pass_context
def query(
    ctx: click.Context,
    name: str | None,
    params: tuple[str, ...],
    fmt: str,
    wide: bool,
) -> None:
    """Run the named query NAME; without NAME, list the named queries.

    A key the graph does not know is an error (exit 2) that names the closest
    known keys."""
    if name is None:
        for q in list_queries():
            args = " ".join(f"--param {p.name}=…" for p in q.params)
            click.echo(f"{q.name:<24} {q.summary}" + (f"  [{args}]" if args else ""))
        return
    console.known_query(name)
    given, base = _params(params), ctx.obj["base"]
    store = read_store(ctx)
    log.debug("query %s with %s", name, given)
    table = run_query(store, name, given, base)
    log.info("%s: %d rows", name, len(table.rows))
    if not table.rows:
        unknown = console.unknown_keys(store, name, given, base)
        if unknown:
            raise QueryParamError("; ".join(unknown))
    _print_table(table, fmt, wide)


@click.command()
@click.argument("sparql", required=False, metavar="QUERY")
@click.option(
    "--file",
    "-f",
    "file",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    help="Read the query from a file (.rq); - reads standard input.",
)
@_table_format
@click.pass_context
def sparql(
    ctx: click.Context, sparql: str | None, file: Path | None, fmt: str, wide: bool
) -> None:
    """Run the SPARQL QUERY (- reads it from standard input); the default graph
    is the union of all graphs, and the project's prefixes (itu:, cito:, rdfs:
    …) are declared."""
    # imported here: the query processes of `serve` import the `itukg` command,
    # and should not pay for FastAPI before their first query
    from itukg.api.prefixes import shift, with_prefixes
    from itukg.api.problems import one_line

    text, added = with_prefixes(console.read_text_arg(sparql, file, "query"))
    store = read_store(ctx)
    try:
        result = store.query(text)
    except StoreError as exc:  # one line, at the place in the query as given
        raise StoreError(one_line(shift(str(exc), added))) from None
    _print_table(to_table(result, ctx.obj["base"]), fmt, wide)
