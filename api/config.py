"""The service's settings, read from ``ITUKG_*`` environment variables (a frozen
dataclass rather than pydantic-settings: six values do not need another
dependency)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from urllib.parse import urlparse

from ontology.keys import DEFAULT_BASE


@dataclass(frozen=True)
class Settings:
    """``store``: a folder (embedded Oxigraph store, opened read-only) or the URL of
    a SPARQL 1.1 server; ``base``: the base IRI of instrument keys; the ``sparql_*``
    values bound what one query of ``/sparql`` may cost."""

    store: str = "data/store"
    base: str = DEFAULT_BASE
    sparql_timeout: float = 10.0  # seconds per /sparql query
    sparql_max_rows: int = 10_000  # rows (or triples) per /sparql answer
    sparql_workers: int = 2  # query processes per server process
    page_size: int = 100  # default length of a page of a list
    cache_size: int = 1024  # lookup results kept (0: none)
    cache_seconds: float = 60.0  # how long a SPARQL server's results are kept

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Every field from ``ITUKG_<FIELD>`` when set, else its default."""
        env = os.environ if environ is None else environ
        values: dict[str, str | float | int] = {}
        for f in fields(cls):
            raw = env.get(f"ITUKG_{f.name.upper()}")
            if raw is None or raw == "":
                continue
            kind = type(getattr(cls, f.name))
            try:
                values[f.name] = kind(raw)
            except ValueError:
                raise ValueError(
                    f"ITUKG_{f.name.upper()}={raw!r} is not a {kind.__name__}"
                ) from None
        return cls(**values)  # type: ignore[arg-type]

    @property
    def base_path(self) -> str:
        """The path part of the base IRI: instrument IRIs that reach this server
        (``{base_path}{key}``) are answered there."""
        path = urlparse(self.base).path or "/"
        return path if path.endswith("/") else path + "/"
