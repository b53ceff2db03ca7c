"""The graph of a document: compared with its golden Turtle by isomorphism (with
a readable diff), and every graph ingest writes conforms to ontology/shapes.ttl."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from itukg.ingest import extract_path
from itukg.ingest.build import Meta, build_graph
from tests.conftest import ROOT
from tests.shacl import conforms, graph_of

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "documents"
GOLDEN = Path(__file__).resolve().parent / "golden"
DOCUMENTS = sorted(FIXTURES.glob("*.txt"))


def _graph(path: Path) -> Graph:
    records = extract_path(path)
    doc = records[0].doc if records else f"doc/{path.stem}"
    meta = Meta(
        doc=doc, path=path.name, sha256=hashlib.sha256(path.read_bytes()).hexdigest()
    )
    return graph_of(build_graph(records, meta))


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_graph_matches_golden(path: Path, request: pytest.FixtureRequest) -> None:
    got = _graph(path)
    golden = GOLDEN / f"{path.stem}.ttl"
    if request.config.getoption("--update-golden", default=False):
        golden.write_text(got.serialize(format="turtle"))
    assert golden.is_file(), f"no {golden.name}: run pytest --update-golden, review it"
    want = Graph().parse(golden)
    if not isomorphic(got, want):
        _, only_got, only_want = graph_diff(to_isomorphic(got), to_isomorphic(want))
        pytest.fail(
            "graph differs from golden\n+ "
            + "\n+ ".join(sorted(" ".join(map(str, t)) for t in only_got))
            + "\n- "
            + "\n- ".join(sorted(" ".join(map(str, t)) for t in only_want))
        )


EXAMPLES = sorted(
    p for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".md")
)


@pytest.mark.parametrize("path", DOCUMENTS + EXAMPLES, ids=lambda p: p.stem)
def test_graph_conforms_to_shapes(path: Path) -> None:
    ok, report = conforms(_graph(path))
    assert ok, report


@pytest.mark.parametrize(
    "name",
    ["corpus/seed/000_0db5f33711737b4f.txt", "corpus/real/pp18-final-acts-akn.xml"],
)
def test_real_graph_conforms_to_shapes(shared: Path, name: str) -> None:
    ok, report = conforms(_graph(shared / name))
    assert ok, report


def test_mini_document_facts() -> None:
    g = _graph(FIXTURES / "pp-res-mini.txt")
    q = """
    PREFIX itu: <https://w3id.org/itukg/ontology#>
    PREFIX eli: <http://data.europa.eu/eli/ontology#>
    PREFIX dcterms: <http://purl.org/dc/terms/>
    SELECT ?s ?o WHERE { ?s itu:cites ?o }"""
    base = "https://w3id.org/itukg/"
    edges = {
        (str(s).removeprefix(base), str(o).removeprefix(base)) for s, o in g.query(q)
    }
    assert ("pp/res/999/2022", "pp/res/71/2022") in edges  # current view
    assert ("pp/res/999/2018", "pp/res/71/2018") in edges  # previous view
    assert ("pp/res/999/2022", "unga/res/70/1") in edges
    # the ambiguous Dubai 2012 citation has candidates and no edge
    cands = {
        str(o).removeprefix(base)
        for _, o in g.query(
            "SELECT ?c ?o WHERE { ?c <https://w3id.org/itukg/ontology#candidate> ?o }"
        )
    }
    assert cands == {"wtsa/res/5/2012", "wcit/res/5/2012"}
    assert not any(o.endswith("/res/5/2012") for _, o in edges)
    typed = {
        str(p).rsplit("#", 1)[-1]
        for (p,) in g.query(
            "SELECT DISTINCT ?p WHERE { ?s ?p <https://w3id.org/itukg/pp/res/71/2022> }"
        )
    }
    assert {"cites", "recalls"} <= typed
