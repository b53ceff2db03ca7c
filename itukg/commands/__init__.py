"""The commands of ``itukg``, one module per group: ``extract`` (``extract``,
``text``), ``ingest`` (``ingest``, ``remove``), ``query`` (``query``,
``sparql``), ``export``, ``serve``; ``errors`` maps errors to stderr and exit
statuses, once; ``context`` gives a command the store of the global options.
``itukg.cli`` assembles them under the ``itukg`` group."""
