"""The service's settings: a frozen dataclass that the composition root (``itukg
serve``) builds from its options and ``ITUKG_*`` variables and hands to
``create_app`` (rather than pydantic-settings: eight values do not need another
dependency). The app itself never reads the environment."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from urllib.parse import urlparse

from itukg.ontology.iri import DEFAULT_BASE


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
    lookup_timeout: float = 10.0  # seconds per lookup query (0: in-process, no limit)
    lookup_workers: int = 2  # query processes for lookups per server process
    cache_seconds: float = 60.0  # how long a SPARQL server's results are kept

    @classmethod
    def from_env(
        cls, env: Mapping[str, str], **given: str | float | int | None
    ) -> Settings:
        """Every field from ``ITUKG_<FIELD>`` in ``env`` when set, else its default;
        ``given`` (non-None values) overrides both."""
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
        values.update({k: v for k, v in given.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    def to_json(self) -> str:
        """The settings as JSON, to reach uvicorn's worker processes."""
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> Settings:
        return cls(**json.loads(text))

    @property
    def base_path(self) -> str:
        """The path part of the base IRI: instrument IRIs that reach this server
        (``{base_path}{key}``) are answered there."""
        path = urlparse(self.base).path or "/"
        return path if path.endswith("/") else path + "/"
