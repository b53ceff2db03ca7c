"""Validate a graph against ontology/shapes.ttl (pySHACL); shared by the tests."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from pyshacl import validate
from rdflib import Graph


@lru_cache(maxsize=1)
def shapes() -> Graph:
    data = resources.files("ontology").joinpath("shapes.ttl").read_text("utf-8")
    return Graph().parse(data=data, format="turtle")


def conforms(graph: Graph) -> tuple[bool, str]:
    ok, _, text = validate(graph, shacl_graph=shapes(), inference="none")
    return bool(ok), str(text)


def graph_of(lines: Iterable[str]) -> Graph:
    return Graph().parse(data="\n".join(lines), format="nt")
