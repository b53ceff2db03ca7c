"""The ``itukg`` command line. Errors are mapped here, once: an unreadable file is
one line on stderr (``itukg: FILE: reason``) and exit status 1, while the other
files are still processed; any other error of the project (an unknown query, a bad
parameter, a store that cannot be reached) is one line on stderr and exit status 2."""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click
import pyoxigraph as ox

from itukg import console
from itukg.ingest.extract import extract_document
from itukg.ingest.models import Citation, Mandate, Record
from itukg.ingest.pipeline import ingest_paths, remove_documents
from itukg.ingest.progress import Progress
from itukg.ingest.sources import document_files, read_document
from itukg.ontology import iri
from itukg.ontology.errors import ItukgError
from itukg.ontology.store import GraphStore, StoreError, open_store
from itukg.queries import Table, get_query, list_queries, run_query
from itukg.queries.errors import QueryParamError
from itukg.queries.networks import to_digraph
from itukg.queries.run import table as to_table

F = TypeVar("F", bound=Callable[..., Any])
log = logging.getLogger("itukg.cli")


def _fail(path: Path, exc: Exception) -> None:
    reason = str(exc)
    if not reason.startswith(str(path)):
        reason = f"{path}: {reason}"
    click.echo(f"itukg: {reason}", err=True)


def _skipped(path: Path, why: str) -> None:
    click.echo(f"itukg: note: {path}: skipped ({why})", err=True)


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


def _errors(func: F) -> F:
    """Map the project's errors to one stderr line and exit status 2."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ItukgError as exc:
            click.echo(f"itukg: {exc}", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


def _store(ctx: click.Context) -> GraphStore:
    obj: dict[str, Any] = ctx.obj
    return open_store(obj["store"])


def _read_store(ctx: click.Context, read_only: bool = True) -> GraphStore:
    """The store of a command that reads it: it must exist (exit 2 otherwise)."""
    log.info("store: %s", ctx.obj["store"])
    return console.existing_store(ctx.obj["store"], read_only)


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
            out += [(p, p) for p in document_files([f], _skipped)]
    return out


def _extract_one(shown: Path, path: Path, fmt: str) -> bool:
    """Print the records of one file; False when it could not be read."""
    out = sys.stdout
    try:
        records = extract_document(read_document(path))
    except ItukgError as exc:
        _fail(shown, Exception(str(exc).replace(str(path), str(shown))))
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


@main.command()
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
            _fail(file, Exception(str(exc).replace(str(path), str(file))))
            sys.exit(1)
    sys.stdout.write(doc.text)


@main.command()
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
@_errors
def ingest(
    ctx: click.Context,
    paths: tuple[Path, ...],
    jobs: int | None,
    progress: bool | None,
) -> None:
    """Ingest PATHS (files and folders, recursively) into the store.

    A changed file replaces its document's graph, an unchanged one is skipped.
    Exit status 1 when any file failed; the others are still ingested."""
    store = _store(ctx)
    files = list(document_files(paths, _skipped))
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


@main.command()
@click.argument("targets", nargs=-1, required=True)
@click.pass_context
@_errors
def remove(ctx: click.Context, targets: tuple[str, ...]) -> None:
    """Remove documents from the store, given by key or by the file they came from."""
    store = _read_store(ctx, read_only=False)
    summary = remove_documents(store, targets, ctx.obj["base"])
    store.close()
    for line in summary.errors:
        click.echo(f"itukg: {line}", err=True)
    click.echo(f"{summary.removed} documents removed")
    sys.exit(1 if summary.failed else 0)


def _params(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for v in values:
        name, sep, val = v.partition("=")
        if not sep:
            raise click.BadParameter(f"{v!r} is not name=value", param_hint="--param")
        out[name] = val
    return out


@main.command()
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
@_errors
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
    store = _read_store(ctx)
    log.debug("query %s with %s", name, given)
    table = run_query(store, name, given, base)
    log.info("%s: %d rows", name, len(table.rows))
    if not table.rows:
        unknown = console.unknown_keys(store, name, given, base)
        if unknown:
            raise QueryParamError("; ".join(unknown))
    _print_table(table, fmt, wide)


@main.command()
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
@_errors
def sparql(
    ctx: click.Context, sparql: str | None, file: Path | None, fmt: str, wide: bool
) -> None:
    """Run the SPARQL QUERY (- reads it from standard input); the default graph
    is the union of all graphs, and the project's prefixes (itu:, cito:, rdfs:
    …) are declared."""
    # imported here: the query processes of `serve` import this module, and
    # should not pay for FastAPI before their first query
    from itukg.api.prefixes import shift, with_prefixes
    from itukg.api.problems import one_line

    text, added = with_prefixes(console.read_text_arg(sparql, file, "query"))
    store = _read_store(ctx)
    try:
        result = store.query(text)
    except StoreError as exc:  # one line, at the place in the query as given
        raise StoreError(one_line(shift(str(exc), added))) from None
    _print_table(to_table(result, ctx.obj["base"]), fmt, wide)


_RDF_FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "ttl": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
}


@main.command()
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(["trig", "nq", "ttl", "jsonld", "graphml", "gexf", "csv"]),
    help="trig, nq: every named graph; ttl, jsonld: their union; graphml, gexf, "
    "csv: the citation network (Gephi, Cytoscape, spreadsheets).",
)
@click.option(
    "--output", "-o", type=click.Path(path_type=Path), help="Default: stdout."
)
@click.pass_context
@_errors
def export(ctx: click.Context, fmt: str, output: Path | None) -> None:
    """Write the graph for other tools."""
    store = _read_store(ctx)
    data = _export(store, fmt, ctx.obj["base"])
    if output:
        output.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)


def _export(store: GraphStore, fmt: str, base: str) -> bytes:
    if fmt in ("trig", "nq"):
        return store.dump(_RDF_FORMATS[fmt])
    if fmt in ("ttl", "jsonld"):
        triples = store.query(get_query("union-graph").text)
        if not isinstance(triples, ox.QueryTriples):
            return b""
        data = ox.serialize(triples, format=_RDF_FORMATS[fmt])
        return data if isinstance(data, bytes) else b""
    edges = run_query(store, "citation-edges", {"top": "all"}, base)  # every edge
    if fmt == "csv":
        return edges.to_csv().encode("utf-8")
    import networkx as nx

    g = to_digraph(edges)
    out = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(g, out)
    else:
        nx.write_gexf(g, out)
    return out.getvalue()


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option(
    "--store",
    "store_opt",
    default=None,
    help="The store to serve (default: the global --store); opened read-only.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1),
    help="Server processes (uvicorn workers).",
)
@click.option(
    "--sparql-timeout",
    type=float,
    default=None,
    help="Seconds a /sparql query may run (default 10, or $ITUKG_SPARQL_TIMEOUT).",
)
@click.option(
    "--sparql-max-rows",
    type=int,
    default=None,
    help="Rows a /sparql answer may have (default 10000, or "
    "$ITUKG_SPARQL_MAX_ROWS); past it the answer is an error.",
)
@click.option(
    "--access-log/--no-access-log",
    default=True,
    show_default=True,
    help="One line per request on stderr.",
)
@click.pass_context
@_errors
def serve(
    ctx: click.Context,
    host: str,
    port: int,
    store_opt: str | None,
    workers: int,
    sparql_timeout: float | None,
    sparql_max_rows: int | None,
    access_log: bool,
) -> None:
    """Serve the HTTP API, the SPARQL endpoint and the HTML pages (uvicorn)."""
    import uvicorn

    from itukg.api.config import Settings
    from itukg.api.server import NoDelayH11Protocol

    store = store_opt or ctx.obj["store"]
    console.check_store(store)
    settings = Settings.from_env(
        os.environ,
        store=store,
        base=ctx.obj["base"],
        sparql_timeout=sparql_timeout,
        sparql_max_rows=sparql_max_rows,
    )
    if workers == 1:
        from itukg.api.app import create_app

        app: Any = create_app(settings)
    else:  # each uvicorn worker builds its own app from the same settings
        os.environ[_SETTINGS_VAR] = settings.to_json()
        app = "itukg.cli:app_factory"
    uvicorn.run(
        app,
        factory=workers > 1,
        host=host,
        port=port,
        workers=workers,
        access_log=access_log,
        http=NoDelayH11Protocol,
    )


_SETTINGS_VAR = "ITUKG_SERVE_SETTINGS"


def app_factory() -> Any:
    """The app of one uvicorn worker of ``itukg serve --workers N``: the settings
    the command built, passed as JSON."""
    from itukg.api.app import create_app
    from itukg.api.config import Settings

    return create_app(Settings.from_json(os.environ[_SETTINGS_VAR]))


from itukg.lineage_command import lineage  # noqa: E402

main.add_command(lineage)
