"""``itukg serve``: the HTTP service under uvicorn. The only command that imports
``itukg.api`` to run it (lazily: the other commands do not pay for FastAPI)."""

from __future__ import annotations

import os
from typing import Any

import click

from itukg import console

_SETTINGS_VAR = "ITUKG_SERVE_SETTINGS"


@click.command()
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


def app_factory() -> Any:
    """The app of one uvicorn worker of ``itukg serve --workers N``: the settings
    the command built, passed as JSON."""
    from itukg.api.app import create_app
    from itukg.api.config import Settings

    return create_app(Settings.from_json(os.environ[_SETTINGS_VAR]))
