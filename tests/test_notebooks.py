"""Issue #6 ("Notebooks: citation networks researchers can see and reuse"):

- every notebook in ``notebooks/`` is committed without outputs or execution counts
  (plain json, style 4.5);
- every notebook executes end to end (nbclient, the kernel a researcher's Jupyter
  uses) in a temporary working folder, under a minute, drawing figures, without
  writing into the repository; notebook 01 writes an interactive page that opens
  offline;
- the networkx graph agrees with SPARQL: on a store built from the seed document,
  ``to_digraph(run_query(store, "citation-edges"))`` restricted to one source has
  exactly the (target, relation) pairs that ``run_query(store, "cites", key)`` gives;
- unit tables for ``queries.networks`` and ``queries.drawing``.
"""

from __future__ import annotations

import base64
import json
import os
import re
import time
from pathlib import Path
from typing import Any

import matplotlib
import networkx as nx
import pytest

from itukg.ingest.corpus import corpus_files, corpus_folders, open_corpus
from itukg.ingest.pipeline import ingest_paths
from itukg.ontology.store import GraphStore, open_store
from itukg.queries import run_query
from itukg.queries.drawing import body_colour, draw, edge_groups, relation_part, to_html
from itukg.queries.explore import MAX_QUOTE, explore_graph, widget
from itukg.queries.networks import (
    by_work,
    cited_pairs,
    compare_citations,
    members,
    neighbourhood,
    ranking,
    simple,
    store_digraph,
    to_digraph,
    work_key,
)
from itukg.queries.run import Table
from tests.conftest import ROOT, shared_dir

matplotlib.use("Agg")

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
NAMES = [p.name for p in NOTEBOOKS]
SEED = "corpus/seed/000_0db5f33711737b4f.txt"
SECONDS = 60.0  # each notebook, end to end (the limit)


# ------------------------------------------------- (a) committed without outputs


def test_the_notebooks_are_there() -> None:
    assert {
        "01-citation-network.ipynb",
        "02-versions-and-amendments.ipynb",
        "03-sparql-recipes.ipynb",
        "05-ask-your-own-question.ipynb",
    } <= set(NAMES)
    for name in NAMES:
        assert re.fullmatch(r"\d\d-[a-z0-9]+(?:-[a-z0-9]+)*\.ipynb", name), name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_committed_without_outputs(path: Path) -> None:
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["nbformat"] == 4
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"cell {i} has outputs"
            assert cell.get("execution_count") is None, f"cell {i} has a count"
        assert "attachments" not in cell, f"cell {i} has attachments"


# ------------------------------------------------- (b) executed end to end


def _outputs(nb: Any) -> list[dict[str, Any]]:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]


def _text(outputs: list[dict[str, Any]]) -> str:
    return "\n".join(
        str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", ""))
        for o in outputs
    )


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_notebook_runs_end_to_end(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import nbformat
    from nbclient import NotebookClient

    shared = shared_dir()
    if os.environ.get("CI") == "true":
        assert (shared / "corpus").is_dir(), f"no shared corpus at {shared} (CI)"
    monkeypatch.setenv("ITUKG_SHARED", str(shared))
    monkeypatch.delenv("ITUKG_STORE", raising=False)
    before = sorted(p.name for p in path.parent.iterdir())
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=SECONDS * 2,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    started = time.perf_counter()
    client.execute()  # raises CellExecutionError when a cell fails
    seconds = time.perf_counter() - started
    print(f"{path.name}: {seconds:.1f} s")

    assert seconds < SECONDS, f"{path.name} took {seconds:.0f} s"
    assert sorted(p.name for p in path.parent.iterdir()) == before
    outputs = _outputs(nb)
    figures = [o for o in outputs if "image/png" in o.get("data", {})]
    assert figures, f"{path.name} draws no figure"
    for f in figures:
        assert len(base64.b64decode(f["data"]["image/png"])) > 10_000
    if (shared / "corpus").is_dir():
        assert "shared documents from" in _text(outputs)
    if path.name.startswith("01-"):
        page = tmp_path / "01-citation-neighbourhood.html"
        offline_page(page.read_text(encoding="utf-8"))


def offline_page(html: str) -> None:
    """A page that opens without the network: no external scripts or styles."""
    assert "<svg" in html and "<script>" in html
    assert not re.search(r"<script[^>]*\bsrc=", html, re.I)
    assert not re.search(r"<link[^>]*\bhref=\"?https?:", html, re.I)
    assert "@import" not in html


# ------------------------------------------------- (c) networkx agrees with SPARQL


@pytest.fixture(scope="module")
def seed_store(shared: Path) -> GraphStore:
    store = open_store(None)
    summary = ingest_paths(store, [shared / SEED])
    assert summary.failed == 0, summary.errors
    return store


@pytest.fixture(scope="module")
def seed_graph(seed_store: GraphStore) -> nx.MultiDiGraph:
    return to_digraph(run_query(seed_store, "citation-edges"))


def sparql_pairs(store: GraphStore, key: str) -> set[tuple[str, str]]:
    rows = run_query(store, "cites", {"key": key}).records()
    return {(str(r["target"]), str(r["relation"])) for r in rows}


def sparql_edges(store: GraphStore, key: str) -> set[tuple[str, str, str, str]]:
    rows = run_query(store, "cites", {"key": key}).records()
    return {
        (str(r["target"]), str(r["relation"]), str(r["view"]), str(r["section"] or ""))
        for r in rows
    }


def graph_edges(g: nx.MultiDiGraph, key: str) -> set[tuple[str, str, str, str]]:
    return {
        (t, d["relation"], d["view"], d["section"])
        for _, t, d in g.out_edges(key, data=True)
    }


# (key, least number of (target, relation) pairs): versions in both views of the
# seed, the document's own text, a suppressed resolution.
SEED_KEYS = [
    ("pp/res/130/2014", 30),
    ("pp/res/130/2010", 30),
    ("pp/res/182/2014", 10),
    ("pp/res/182/2010", 10),
    ("pp/2014/doc/82", 1),
    ("pp/res/163/2010", 0),
]


@pytest.mark.shared
@pytest.mark.parametrize(("key", "least"), SEED_KEYS, ids=[k for k, _ in SEED_KEYS])
def test_graph_edges_of_a_source_are_its_cites(
    seed_store: GraphStore, seed_graph: nx.MultiDiGraph, key: str, least: int
) -> None:
    expected = sparql_pairs(seed_store, key)
    assert len(expected) >= least
    assert cited_pairs(seed_graph, key) == expected
    assert graph_edges(seed_graph, key) == sparql_edges(seed_store, key)


@pytest.mark.shared
def test_every_source_agrees(
    seed_store: GraphStore, seed_graph: nx.MultiDiGraph
) -> None:
    sources = {u for u, _ in seed_graph.edges()}
    assert {"pp/res/130/2014", "pp/res/182/2010"} <= sources
    for key in sorted(sources):
        assert cited_pairs(seed_graph, key) == sparql_pairs(seed_store, key), key


@pytest.mark.shared
def test_a_work_key_stands_for_its_versions(
    seed_store: GraphStore, seed_graph: nx.MultiDiGraph
) -> None:
    versions = members(seed_graph, "pp/res/130")
    assert {"pp/res/130/2010", "pp/res/130/2014"} <= set(versions)
    union = {p for v in versions for p in cited_pairs(seed_graph, v)}
    assert union == sparql_pairs(seed_store, "pp/res/130")


@pytest.mark.shared
def test_store_digraph_is_the_citation_edges(
    seed_store: GraphStore, seed_graph: nx.MultiDiGraph
) -> None:
    g = store_digraph(seed_store)
    assert sorted(g.edges(keys=True)) == sorted(seed_graph.edges(keys=True))
    assert dict(g.nodes(data=True)) == dict(seed_graph.nodes(data=True))
    assert g.number_of_edges() == len(run_query(seed_store, "citation-edges").rows)


@pytest.mark.shared
def test_the_seed_gives_the_updated_wtdc_citations(
    seed_graph: nx.MultiDiGraph,
) -> None:
    rows = compare_citations(seed_graph, "pp/res/182/2010", "pp/res/182/2014")
    changed = {r[:3] for r in rows.rows if r[0] != "kept"}
    assert changed == {
        ("updated", "wtdc/res/54/2010", "wtdc/res/54/2014"),
        ("updated", "wtdc/res/66/2010", "wtdc/res/66/2014"),
    }
    same = compare_citations(seed_graph, "pp/res/130/2010", "pp/res/130/2014")
    assert {r[0] for r in same.rows} == {"kept"}


# ------------------------------------------------- the explorable network


@pytest.mark.shared
def test_the_widget_data_nodes_edges_and_evidence(
    seed_store: GraphStore, seed_graph: nx.MultiDiGraph
) -> None:
    key = "pp/res/130/2014"
    part = neighbourhood(seed_graph, key)
    g = explore_graph(part, seed_graph, seed_store)
    cited_by = dict(simple(seed_graph).in_degree())
    assert set(g) == set(part)
    for node, data in g.nodes(data=True):
        assert data["citations"] == cited_by.get(node, 0)
        assert data["body"] and data["label"]
    assert {(u, v) for u, v in part.edges()} == set(g.edges())
    rows = run_query(seed_store, "cites", {"key": key}).records()
    assert rows
    for target in {str(r["target"]) for r in rows}:
        edge = g.edges[key, target]
        mine = [r for r in rows if r["target"] == target]
        assert edge["citations"] == len(mine) == len(edge["evidence"].splitlines())
        for r in mine:
            assert str(r["quote"])[: MAX_QUOTE - 1] in edge["evidence"]
            assert str(r["section"] or "") in edge["sections"]
            assert str(r["document"]) in edge["evidence"]
        assert str(mine[0]["relation"]) in edge["relations"]
    view = widget(g, centre=key)
    assert type(view).__name__ == "Sigma"
    assert view.height == "560px"


# ------------------------------------------------- the corpus helper


def test_corpus_falls_back_to_examples(tmp_path: Path) -> None:
    assert corpus_folders(tmp_path) == [ROOT / "examples"]
    files = corpus_files([ROOT / "examples"])
    assert files and not any(f.name.endswith(".gold.json") for f in files)


def test_corpus_of_the_shared_folder(shared: Path) -> None:
    folders = corpus_folders(shared)
    assert folders == [shared / "corpus/seed", shared / "corpus/real"]
    names = {f.name for f in corpus_files(folders)}
    assert SEED.rsplit("/", 1)[1] in names
    assert "MANIFEST.tsv" not in names
    assert not any(n.endswith(".gold.json") for n in names)


def test_an_existing_store_is_opened_as_it_is(tmp_path: Path) -> None:
    location = str(tmp_path / "store")
    open_store(location).close()
    corpus = open_corpus(store=location)
    assert corpus.source == "store" and corpus.summary is None
    assert "existing store" in corpus.describe()


# ------------------------------------------------- unit tables


COLUMNS = (
    "source",
    "source_label",
    "source_body",
    "source_year",
    "target",
    "target_label",
    "target_body",
    "target_year",
    "relation",
    "view",
    "section",
)
A, A2 = "pp/res/1/2010", "pp/res/1/2014"
UNGA, TUNIS = "unga/res/55/63", "wsis/tunis-agenda"
W10, W14 = "wtdc/res/69/2010", "wtdc/res/69/2014"
EDGES: list[tuple[str, str, str | None, str | None]] = [
    # source, target, relation, section
    (A, UNGA, "itu:recalls", "recalling"),
    (A, UNGA, "itu:resolvesOn", "resolves"),
    (A, W10, None, None),
    (A2, UNGA, "itu:recalls", "recalling"),
    (A2, W14, "itu:recalls", "recalling"),
    (A2, TUNIS, "itu:instructsOn", "instructs the secretary-general"),
    (A2, A, "itu:recalls", "recalling"),
    ("doc/x", A2, None, None),
]
LABELS = {A: "Resolution 1 (Rev. Guadalajara, 2010)", A2: "Resolution 1 (Busan, 2014)"}


@pytest.fixture()
def small() -> nx.MultiDiGraph:
    rows = tuple(
        (s, LABELS.get(s), "pp" if s.startswith("pp") else None, None)
        + (t, LABELS.get(t), None, 2010 if t == A else None)
        + (rel, "current", section)
        for s, t, rel, section in EDGES
    )
    return to_digraph(Table(COLUMNS, rows))


NODES = [
    # key, label, body, kind, year
    (A, LABELS[A], "pp", "resolution", 2010),
    (A2, LABELS[A2], "pp", "resolution", 2014),
    (UNGA, UNGA, "unga", "resolution", 0),
    (W10, W10, "wtdc", "resolution", 2010),
    (TUNIS, TUNIS, "wsis", "named instrument", 0),
    ("doc/x", "doc/x", "doc", "document", 0),
]


@pytest.mark.parametrize(("key", "label", "body", "kind", "year"), NODES)
def test_to_digraph_nodes(
    small: nx.MultiDiGraph, key: str, label: str, body: str, kind: str, year: int
) -> None:
    assert small.nodes[key] == {
        "key": key,
        "label": label,
        "body": body,
        "kind": kind,
        "year": year,
    }


def test_to_digraph_edges(small: nx.MultiDiGraph) -> None:
    assert small.number_of_edges() == len(EDGES)
    assert small.number_of_edges(A, UNGA) == 2
    assert small.get_edge_data(A, W10) == {
        0: {"relation": "itu:cites", "view": "current", "section": ""}
    }
    assert cited_pairs(small, A) == {
        (UNGA, "itu:recalls"),
        (UNGA, "itu:resolvesOn"),
        (W10, "itu:cites"),
    }
    assert cited_pairs(small, UNGA) == set()


@pytest.mark.parametrize(
    ("key", "work"),
    [
        ("pp/res/130/2014", "pp/res/130"),
        ("pp/res/130", "pp/res/130"),
        ("unga/res/55/63", "unga/res/55/63"),
        ("itu-r/rec/m.1036-6", "itu-r/rec/m.1036"),
        ("wtpf/opinion/4/2009", "wtpf/opinion/4/2009"),  # numbers restart each forum
        ("not a key", "not a key"),
    ],
)
def test_work_key(key: str, work: str) -> None:
    assert work_key(key) == work


def test_members(small: nx.MultiDiGraph) -> None:
    assert members(small, A) == [A]
    assert members(small, "pp/res/1") == [A, A2]
    with pytest.raises(KeyError):
        members(small, "pp/res/2")


@pytest.mark.parametrize(
    ("key", "radius", "nodes"),
    [
        (UNGA, 0, {UNGA}),
        (UNGA, 1, {UNGA, A, A2}),
        (UNGA, 2, {UNGA, A, A2, W10, W14, TUNIS, "doc/x"}),
        (TUNIS, 1, {TUNIS, A2}),
        ("pp/res/1", 1, {A, A2, UNGA, W10, W14, TUNIS, "doc/x"}),
        ("wtdc/res/69", 1, {W10, W14, A, A2}),
    ],
)
def test_neighbourhood(
    small: nx.MultiDiGraph, key: str, radius: int, nodes: set[str]
) -> None:
    h = neighbourhood(small, key, radius)
    assert set(h) == nodes
    assert h.number_of_edges() == sum(
        1 for u, v in small.edges() if u in nodes and v in nodes
    )


def test_simple_counts_rows(small: nx.MultiDiGraph) -> None:
    d = simple(small)
    assert d[A][UNGA]["weight"] == 2 and d[A][W10]["weight"] == 1
    assert d.number_of_edges() == len(EDGES) - 1


def test_by_work_merges_versions(small: nx.MultiDiGraph) -> None:
    w = by_work(small)
    assert set(w) == {"pp/res/1", UNGA, "wtdc/res/69", TUNIS, "doc/x"}
    assert w.nodes["pp/res/1"]["label"] == "Resolution 1"
    assert not list(nx.selfloop_edges(w))  # 2014 recalling 2010
    assert w.number_of_edges("pp/res/1", "wtdc/res/69") == 2
    assert w.number_of_edges("pp/res/1", UNGA) == 3


def test_ranking(small: nx.MultiDiGraph) -> None:
    table = ranking(small, top=3)
    assert table.columns == (
        "key",
        "label",
        "body",
        "cited_by",
        "citations",
        "pagerank",
    )
    assert [r[:5] for r in table.rows] == [
        (UNGA, UNGA, "unga", 2, 3),
        (A, LABELS[A], "pp", 1, 1),
        (A2, LABELS[A2], "pp", 1, 1),
    ]
    every = ranking(small, top=100)
    assert len(every.rows) == small.number_of_nodes()
    assert sum(float(r[5] or 0) for r in every.rows) == pytest.approx(1, abs=1e-3)


def test_compare_citations(small: nx.MultiDiGraph) -> None:
    table = compare_citations(small, A, A2)
    assert table.columns[:3] == ("change", "old_target", "new_target")
    assert [r[:3] for r in table.rows] == [
        ("added", "", A),
        ("added", "", TUNIS),
        ("updated", W10, W14),
        ("kept", UNGA, UNGA),
    ]
    kept = table.rows[-1]
    assert kept[4:] == ("recalling, resolves", "recalling")
    assert [r[0] for r in compare_citations(small, A, "pp/res/1/2018").rows] == [
        "dropped",
        "dropped",
    ]


@pytest.mark.parametrize(
    ("relation", "part"),
    [
        ("itu:recalls", "preamble"),
        ("itu:takesNoteOf", "preamble"),
        ("itu:resolvesOn", "operative"),
        ("itu:instructsOn", "operative"),
        ("itu:cites", "none"),
        ("itu:unknown", "none"),
    ],
)
def test_relation_part(relation: str, part: str) -> None:
    assert relation_part(relation) == part


def test_colours_and_edge_groups(small: nx.MultiDiGraph) -> None:
    assert body_colour("pp") != body_colour("unga")
    assert body_colour("nobody") == body_colour("")
    groups = edge_groups(small)
    assert groups[(A, UNGA, "preamble")] == ["itu:recalls"]
    assert groups[(A, UNGA, "operative")] == ["itu:resolvesOn"]
    assert groups[(A, W10, "none")] == ["itu:cites"]


def test_draw(small: nx.MultiDiGraph, tmp_path: Path) -> None:
    ax = draw(small, centre="pp/res/1", title="t")
    assert ax.get_title() == "t"
    texts = {t.get_text() for t in ax.texts}
    assert set(small) <= texts
    ax.figure.savefig(tmp_path / "f.png")
    assert (tmp_path / "f.png").stat().st_size > 10_000


def test_to_html(small: nx.MultiDiGraph) -> None:
    small.nodes[TUNIS]["label"] = "</script><b>x</b>"
    page = to_html(small, "A <title>", centre=A)
    offline_page(page)
    assert "A &lt;title&gt;" in page
    assert "</script><b>" not in page
    for key in small:
        assert f'data-k="{key}"' in page
    data = re.search(r'<script type="application/json" id="data">(.*?)</script>', page)
    assert data is not None
    nodes = json.loads(data.group(1))
    assert set(nodes) == set(small)
    assert nodes[A]["cites"][UNGA] == ["itu:recalls", "itu:resolvesOn"]
    assert nodes[UNGA]["cited_by"] == {
        A: ["itu:recalls", "itu:resolvesOn"],
        A2: ["itu:recalls"],
    }
