"""The graph model at scale (issue 12): facts about an instrument are stated once,
in ``graph/instruments``, however many documents name it; document graphs keep
what only they say (citations, proposals, which versions they hold and attest);
the standard edges (ELI, CiTO, DCTERMS) are stated once in ``graph/derived``; a
key no document names any more is forgotten."""

from __future__ import annotations

import shutil

import pytest

from itukg.ingest.pipeline import ingest_paths, remove_documents
from itukg.ontology.store import EmbeddedStore, open_store
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"
MINI = ROOT / "tests" / "fixtures" / "documents" / "pp-res-mini.txt"
BASE = "https://w3id.org/itukg/"
PREFIXES = f"""BASE <{BASE}>
PREFIX itu: <https://w3id.org/itukg/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX cito: <http://purl.org/spar/cito/>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


def rows(store: EmbeddedStore, where: str) -> list[tuple[str, ...]]:
    result = store.query(PREFIXES + where)
    return [tuple(str(t.value) for t in sol) for sol in result]  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> EmbeddedStore:
    s = open_store(str(tmp_path_factory.mktemp("model") / "store"))
    assert isinstance(s, EmbeddedStore)
    folder = tmp_path_factory.mktemp("docs")
    files = [p for p in EXAMPLES.iterdir() if not p.name.endswith(".gold.json")]
    for p in [*files, MINI]:
        shutil.copy(p, folder / p.name)
    summary = ingest_paths(s, sorted(folder.iterdir()))
    assert summary.failed == 0, summary.errors
    return s


def test_every_key_is_described_once_in_the_instruments_graph(
    store: EmbeddedStore,
) -> None:
    where = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?i itu:key ?k } }"
    assert rows(store, where) == [(BASE + "graph/instruments",)]
    twice = """SELECT ?i WHERE { GRAPH <graph/instruments> { ?i itu:key ?k } }
               GROUP BY ?i HAVING (COUNT(?k) > 1)"""
    assert rows(store, twice) == []
    where = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?v itu:versionOf ?w } }"
    assert rows(store, where) == [(BASE + "graph/instruments",)]


def test_documents_say_which_versions_they_attest(store: EmbeddedStore) -> None:
    where = """SELECT ?g WHERE { GRAPH ?g { <pp/res/71/2022> itu:attestedIn ?g } }"""
    assert rows(store, where) == [(BASE + "pp/2022/doc/7",)]
    once = """SELECT ?g WHERE { GRAPH ?g { <pp/res/71/2022> itu:attested true } }"""
    assert rows(store, once) == [(BASE + "graph/derived",)]


def test_standard_edges_are_stated_once_per_distinct_edge(
    store: EmbeddedStore,
) -> None:
    ours = rows(store, "SELECT DISTINCT ?s ?t WHERE { ?s itu:cites ?t }")
    for p in ("eli:cites", "cito:cites", "dcterms:references"):
        theirs = rows(store, f"SELECT ?s ?t WHERE {{ ?s {p} ?t }}")
        assert sorted(theirs) == sorted(ours), p
    assert ("pp/res/999/2022", "unga/res/70/1") in {
        (s.removeprefix(BASE), t.removeprefix(BASE)) for s, t in ours
    }


def test_a_key_no_document_names_is_forgotten(store: EmbeddedStore) -> None:
    ask = "SELECT ?k WHERE { GRAPH <graph/instruments> { <%s> itu:key ?k } }"
    assert rows(store, ask % "pp/res/999") == [("pp/res/999",)]
    summary = remove_documents(store, ["pp/2022/doc/7"])
    assert summary.removed == 1, summary.errors
    assert rows(store, ask % "pp/res/999") == []
    assert rows(store, ask % "pp/res/130/2014") == [("pp/res/130/2014",)]
