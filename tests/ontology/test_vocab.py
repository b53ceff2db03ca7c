"""The closed namespace in vocab.py is what itu.ttl generates, and every itu: term
the data files use is declared in itu.ttl."""

from __future__ import annotations

from importlib import resources

import pytest
from rdflib import Graph

from itukg.ontology.codegen import NS, render_vocab
from itukg.ontology.vocab import ITU
from tests.conftest import ROOT


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
    text = resources.files("ontology").joinpath(name).read_text("utf-8")
    used = {
        str(t)[len(NS) :]
        for triple in Graph().parse(data=text, format="turtle")
        for t in triple
        if str(t).startswith(NS)
    }
    assert {u for u in used if u + ":" not in declared and u not in declared} == set()
