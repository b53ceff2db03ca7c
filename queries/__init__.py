"""Named SPARQL queries (``*.rq`` with ``#+`` headers) and the one path that runs
them. Depends on ``ontology`` only."""

from queries.errors import QueryDefinitionError, QueryNotFound, QueryParamError
from queries.registry import Param, Query, get_query, list_queries
from queries.run import Table, run_query, run_update

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
]
