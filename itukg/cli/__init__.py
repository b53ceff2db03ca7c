"""The ``itukg`` command (``itukg.cli:main``, also ``python -m itukg``), assembled
here from one module per group of commands:

- ``group``: the ``itukg`` group and the options every command takes before it;
- ``errors``: the one mapping of errors to stderr lines and exit statuses;
- ``extract``: ``extract`` and ``text`` (files, no store);
- ``ingest``: ``ingest`` and ``remove`` (change the store);
- ``query``: ``query`` and ``sparql`` (rows from the store);
- ``export``: ``export`` (the graph for other tools);
- ``serve``: ``serve`` and ``app_factory`` (the HTTP service);
- ``itukg.lineage_command``: ``lineage``."""

from __future__ import annotations

from itukg.cli.export import export
from itukg.cli.extract import extract, text
from itukg.cli.group import main
from itukg.cli.ingest import ingest, remove
from itukg.cli.query import query, sparql
from itukg.cli.serve import app_factory, serve
from itukg.lineage_command import lineage

__all__ = ["app_factory", "main"]

for _command in (extract, text, ingest, remove, query, sparql, export, serve, lineage):
    main.add_command(_command)
