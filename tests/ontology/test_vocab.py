"""vocab.py is what itu.ttl generates and the only place namespaces are declared;
every itu: term the data files use is declared in itu.ttl; IRIs are minted in
``ontology/`` only (no base IRI or namespace string anywhere else)."""

from __future__ import annotations

import re
from importlib import resources

import pytest
from rdflib import Graph

from itukg.ontology.codegen import render_vocab
from itukg.ontology.vocab import ITU, PREFIXES
from tests.conftest import ROOT

NS = PREFIXES["itu"]
PACKAGES = ("ontology", "queries", "ingest", "api", "itukg")


def test_vocab_is_generated_from_the_ontology() -> None:
    assert (ROOT / "ontology/vocab.py").read_text() == render_vocab()


def test_closed_namespace_refuses_unknown_terms() -> None:
    assert str(ITU.cites) == NS + "cites"
    with pytest.raises(AttributeError):
        _ = ITU.citez


@pytest.mark.parametrize(
    "name", ["lexicon.ttl", "conferences.ttl", "shapes.ttl", "actors.ttl"]
)
def test_data_uses_only_declared_terms(name: str) -> None:
    declared = set(render_vocab().split()) | {"Sections"}
    text = resources.files("itukg.ontology").joinpath(name).read_text("utf-8")
    used = {
        str(t)[len(NS) :]
        for triple in Graph().parse(data=text, format="turtle")
        for t in triple
        if str(t).startswith(NS)
    }
    assert {u for u in used if u + ":" not in declared and u not in declared} == set()


def _python_files() -> list[str]:
    return [
        str(p.relative_to(ROOT))
        for pkg in PACKAGES
        for p in sorted((ROOT / pkg).rglob("*.py"))
        if not p.is_symlink() and "itukg/" + pkg not in str(p.relative_to(ROOT))
    ]


# a namespace IRI of vocab.PREFIXES written out in Python (XML namespaces of
# OOXML, SVG and SPARQL results are not RDF vocabularies)
_WRITTEN = re.compile("|".join(re.escape(ns) for ns in PREFIXES.values()))


@pytest.mark.parametrize("path", _python_files())
def test_no_namespace_or_base_iri_outside_vocab(path: str) -> None:
    if path == "ontology/vocab.py":
        pytest.skip("the generated namespaces")
    text = (ROOT / path).read_text("utf-8")
    found = sorted(set(_WRITTEN.findall(text)))
    assert not found, f"{path} writes out {found}: use itukg.ontology.vocab / iri"
