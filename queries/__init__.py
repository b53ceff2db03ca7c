"""Named SPARQL queries (``*.rq`` with ``#+`` headers) and the one path that runs
them. Depends on ``ontology`` only."""

from itukg.queries.errors import QueryDefinitionError, QueryNotFound, QueryParamError
from itukg.queries.registry import Param, Query, get_query, list_queries
from itukg.queries.run import Table, run_query, run_update, run_updates

__all__ = [
    "Param",
    "Query",
    "QueryDefinitionError",
    "QueryNotFound",
    "QueryParamError",
    "Table",
    "get_query",
    "list_queries",
    "run_query",
    "run_update",
    "run_updates",
]
