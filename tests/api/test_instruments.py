"""``/instruments/{key}`` against the store built from the seed: the lookups give
the same edges as the graph's named queries, with their evidence; work keys
aggregate their versions unless asked not to; long lists come in pages; JSON by
default, JSON-LD and Turtle by Accept; unknown and malformed keys are answered
404 and 422 with help, never a stack trace."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest
import rdflib
from fastapi.testclient import TestClient
from markupsafe import escape

from itukg.api.app import create_app
from itukg.api.config import Settings
from itukg.api.drawing import MAX_SIDE
from itukg.ontology.keys import parse_key
from itukg.ontology.store import open_store
from itukg.queries import run_query
from itukg.queries.run import table

CITO = rdflib.Namespace("http://purl.org/spar/cito/")
BASE = "https://w3id.org/itukg/"


def flat(item: dict[str, Any]) -> dict[str, Any]:
    """An API edge as a row of the named query (evidence fields at top level)."""
    out = {k: v for k, v in item.items() if k != "evidence"}
    out.update(item.get("evidence") or {})
    return out


def items(client: TestClient, path: str) -> list[dict[str, Any]]:
    r = client.get(path, params={"limit": 1000})
    assert r.status_code == 200, r.text
    found: list[dict[str, Any]] = r.json()["items"]
    return found


# (route, named query, key, fields the route adds to the query's row)
SAME_EDGES = [
    ("cites", "cites", "pp/res/130/2014", {}),
    ("cites", "cites", "pp/res/130", {}),
    ("cites", "cites", "wtsa/res/50/2016", {}),
    ("cites", "cites", "ra/res/55-3", {}),
    ("cited-by", "cited-by", "wtdc/res/69/2010", {}),
    ("cited-by", "cited-by", "unga/res/55/63", {}),
    ("cited-by", "cited-by", "pp/res/130", {}),
    ("versions", "versions", "pp/res/130", {}),
    ("supersedes", "supersedes", "pp/res/130/2014", {"version": "pp/res/130/2014"}),
    (
        "superseded-by",
        "superseded-by",
        "pp/res/182/2010",
        {"version": "pp/res/182/2010"},
    ),
    ("amendments", "amendments-proposed-by", "pp/2014/doc/82", {}),
]


@pytest.mark.parametrize(
    ("route", "query", "key", "added"),
    SAME_EDGES,
    ids=[f"{r}-{k}" for r, _, k, _ in SAME_EDGES],
)
def test_lookup_gives_the_edges_of_the_named_query(
    client: TestClient,
    store_path: str,
    route: str,
    query: str,
    key: str,
    added: dict[str, str],
) -> None:
    store = open_store(store_path, read_only=True)
    expected = run_query(store, query, {"key": key}).records()
    assert expected, f"{query} {key}: the fixture finds nothing"
    got = [flat(i) for i in items(client, f"/instruments/{key}/{route}")]
    assert len(got) == len(expected)
    for row, item in zip(expected, got, strict=True):
        assert {k: item[k] for k in row} == row
        assert {k: item[k] for k in added} == added


def test_every_citation_edge_carries_its_evidence(client: TestClient) -> None:
    for edge in items(client, "/instruments/pp/res/130/2014/cites"):
        ev = edge["evidence"]
        assert set(ev) == {
            "document",
            "view",
            "section",
            "paragraph",
            "pinpoint",
            "quote",
        }
        assert ev["document"] == "pp/2014/doc/82"
        assert ev["view"] in ("current", "previous")
        assert ev["quote"]


# Every citation of the store with its evidence as the Web Annotation states it
# (itu:inDocument; the oa:exact of its target's quote selector): what the
# lookups read more directly (the graph a citation is in; itu:quote on the node)
ANNOTATED = """
PREFIX itu: <https://w3id.org/itukg/ontology#>
PREFIX cito: <http://purl.org/spar/cito/>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?source ?target ?view ?quote ?document ?section ?paragraph ?pinpoint
WHERE {
  GRAPH ?g {
    ?c cito:hasCitingEntity ?source ; cito:hasCitedEntity ?target ; itu:view ?view ;
       itu:inDocument ?document ; oa:hasTarget/oa:hasSelector/oa:exact ?quote .
    OPTIONAL { ?c itu:section ?section }
    OPTIONAL { ?c itu:paragraph ?paragraph }
    OPTIONAL { ?c itu:pinpoint ?pinpoint }
  }
}
"""
EVIDENCE = ("source", "target", "view", "quote", "document", "section", "paragraph",
            "pinpoint")  # fmt: skip


@pytest.mark.parametrize(
    ("route", "key", "end"),
    [
        ("cites", "pp/res/130/2014", "source"),
        ("cites", "pp/res/130", "source"),
        ("cited-by", "wtdc/res/69/2010", "target"),
        ("cited-by", "pp/res/130", "target"),
        ("cited-by", "unga/res/55/63", "target"),
    ],
)
def test_each_row_has_the_evidence_its_annotation_states(
    client: TestClient, store_path: str, route: str, key: str, end: str
) -> None:
    """The rows of a long page and of short pages carry, as a multiset, the
    evidence the Web Annotation of each citation of the key states."""
    store = open_store(store_path, read_only=True)
    versions = {key}  # a work key: and those of its versions
    if not parse_key(key).is_version:
        found = run_query(store, "versions", {"key": key}).records()
        versions |= {str(v["version"]) for v in found}
    annotated = Counter(
        tuple(r[n] for n in EVIDENCE)
        for r in table(store.query(ANNOTATED)).records()
        if r[end] in versions
    )
    assert annotated, f"{key}: the fixture has no citation"
    whole = [flat(i) for i in items(client, f"/instruments/{key}/{route}")]
    assert Counter(tuple(e[n] for n in EVIDENCE) for e in whole) == annotated
    paged: list[dict[str, Any]] = []
    url: str | None = f"/instruments/{key}/{route}?limit=7"
    while url:
        body = client.get(url).json()
        paged += [flat(i) for i in body["items"]]
        url = body["next"]
    assert paged == whole


def test_a_work_aggregates_its_versions_unless_asked_not_to(
    client: TestClient,
) -> None:
    work = items(client, "/instruments/pp/res/130/cites")
    version = items(client, "/instruments/pp/res/130/2014/cites")
    assert {e["source"] for e in work} >= {"pp/res/130/2014"}
    assert all(e["source"].startswith("pp/res/130/") for e in work)
    assert [e for e in work if e["source"] == "pp/res/130/2014"] == version
    own = client.get("/instruments/pp/res/130/cites", params={"aggregate": "false"})
    assert own.status_code == 200
    assert own.json()["items"] == []  # the work itself has no text
    supersedes = items(client, "/instruments/pp/res/130/supersedes")
    assert {e["version"] for e in supersedes} == {"pp/res/130/2010", "pp/res/130/2014"}


# (route, work key): one query answers for all the versions of a work
WORK_EDGES = [
    ("supersedes", "pp/res/130"),
    ("superseded-by", "pp/res/130"),
    ("supersedes", "pp/res/182"),
    ("superseded-by", "pp/res/182"),
]


@pytest.mark.parametrize(("route", "work"), WORK_EDGES)
def test_a_work_has_the_edges_of_each_of_its_versions(
    client: TestClient, route: str, work: str
) -> None:
    """The edges of a work are those of each version asked on its own, in the
    order of the versions' keys (the work's own none)."""
    got = items(client, f"/instruments/{work}/{route}")
    versions = sorted(
        v["version"] for v in items(client, f"/instruments/{work}/versions")
    )
    each = [e for v in versions for e in items(client, f"/instruments/{v}/{route}")]
    assert got and got == each
    own = client.get(f"/instruments/{work}/{route}", params={"aggregate": "false"})
    assert own.json()["items"] == []


def test_long_lists_come_in_pages(client: TestClient) -> None:
    whole = items(client, "/instruments/pp/res/130/2014/cites")
    assert len(whole) > 20
    pages: list[dict[str, Any]] = []
    url: str | None = "/instruments/pp/res/130/2014/cites?limit=20"
    while url:
        r = client.get(url)
        body = r.json()
        assert body["total"] == len(whole)
        assert len(body["items"]) <= 20
        if body["next"]:
            assert r.headers["link"] == f'<{body["next"]}>; rel="next"'
        pages += body["items"]
        url = body["next"]
    assert pages == whole
    assert (
        client.get(url or "/instruments/pp/res/130/2014/cites?limit=0").status_code
        == 422
    )


# (offset, status, items): past every row an empty page; past what a store's
# OFFSET and a JSON number hold, refused as a bad request parameter
OFFSETS = [(0, 200, True), (10**6, 200, False), (2**53 - 1, 200, False),
           (2**53, 422, False), (2**102, 422, False)]  # fmt: skip


@pytest.mark.parametrize(
    ("route", "key"), [("cites", "pp/res/130/2014"), ("cited-by", "wtdc/res/69/2010")]
)
@pytest.mark.parametrize(("offset", "status", "rows"), OFFSETS)
def test_any_offset_gets_a_page_or_a_clear_refusal(
    client: TestClient, route: str, key: str, offset: int, status: int, rows: bool
) -> None:
    r = client.get(f"/instruments/{key}/{route}", params={"offset": offset})
    assert r.status_code == status, r.text
    if status == 200:
        assert bool(r.json()["items"]) == rows


# (route, key, aggregate, the end of each edge that is the key itself)
PAGED = [
    ("cites", "pp/res/130/2014", "true", None),
    ("cited-by", "wtdc/res/69/2010", "true", None),
    ("cited-by", "unga/res/55/63", "true", None),
    ("cited-by", "pp/res/130", "true", None),
    ("cited-by", "council/res/1305", "false", "target"),
    ("cites", "pp/res/130", "false", "source"),
]


@pytest.mark.parametrize(
    ("route", "key", "aggregate", "own"),
    PAGED,
    ids=[f"{r}-{k}-{a}" for r, k, a, _ in PAGED],
)
def test_pages_cut_by_the_query_walk_the_whole_list(
    client: TestClient, route: str, key: str, aggregate: str, own: str | None
) -> None:
    """Pages of 3 (each cut by the query, the total counted apart) walk the list
    the aggregate flag names, in its order, each total the length of it."""
    path = f"/instruments/{key}/{route}"
    whole = client.get(path, params={"limit": 1000, "aggregate": aggregate}).json()
    walked: list[dict[str, Any]] = []
    url: str | None = f"{path}?limit=3&aggregate={aggregate}"
    while url:
        body = client.get(url).json()
        assert body["total"] == len(whole["items"]) == whole["total"]
        walked += body["items"]
        url = body["next"]
    assert walked == whole["items"]
    if own is not None:
        assert all(e[own] == key for e in walked)
        assert walked or route == "cites", "the work itself is cited"
        everything = items(client, path)
        assert [e for e in everything if e[own] == key] == walked
        assert len(everything) > len(walked), "the versions' edges are left out"


# (route, key, aggregate): the version and amendment lookups, paged by the query
# too (their keys sorted by derive/56-key-order.ru's facts, the total counted)
PAGED_EDGES = [
    ("supersedes", "pp/res/130", "true"),
    ("supersedes", "pp/res/130/2014", "true"),
    ("superseded-by", "pp/res/182", "true"),
    ("superseded-by", "pp/res/182/2010", "true"),
    ("amendments", "pp/2014/doc/82", "true"),
    ("amendments", "pp/res/130", "true"),
    ("amendments", "pp/res/130", "false"),
    ("amendments", "pp/res/130/2014", "false"),
]


@pytest.mark.parametrize(
    ("route", "key", "aggregate"),
    PAGED_EDGES,
    ids=[f"{r}-{k}-{a}" for r, k, a in PAGED_EDGES],
)
def test_version_and_amendment_pages_walk_the_whole_list(
    client: TestClient, route: str, key: str, aggregate: str
) -> None:
    """Pages of 2 (each cut by the query, the total counted apart) are slices of
    the whole list, in its order, each with its total and the link to the next."""
    path = f"/instruments/{key}/{route}"
    whole = client.get(path, params={"limit": 1000, "aggregate": aggregate}).json()
    assert whole["total"] == len(whole["items"])
    assert whole["items"] or aggregate == "false", f"{key}: the fixture has none"
    offset = 0
    url: str | None = f"{path}?limit=2&aggregate={aggregate}"
    while url:
        r = client.get(url)
        body = r.json()
        assert body["total"] == whole["total"]
        assert body["offset"] == offset
        assert body["items"] == whole["items"][offset : offset + 2]
        url = body["next"]
        offset += 2
        if url:
            assert r.headers["link"] == f'<{url}>; rel="next"'
            assert f"offset={offset}" in url
    assert offset >= len(whole["items"])
    past = client.get(path, params={"offset": 10**6, "aggregate": aggregate}).json()
    assert past["items"] == [] and past["total"] == whole["total"]


@pytest.mark.parametrize("key", ["pp/res/130", "pp/res/130/2014", "pp/2014/doc/82"])
def test_amendments_not_aggregated_are_those_that_name_the_key(
    client: TestClient, key: str
) -> None:
    everything = items(client, f"/instruments/{key}/amendments")
    own = client.get(
        f"/instruments/{key}/amendments", params={"aggregate": "false", "limit": 1000}
    ).json()
    named = [e for e in everything if key in (e["document"], e["target"], e["result"])]
    assert own["items"] == named and own["total"] == len(named)


def test_summary(client: TestClient) -> None:
    r = client.get("/instruments/pp/res/130/2014")
    assert r.status_code == 200
    s = r.json()
    assert s["label"] == "Resolution 130 (Rev. Busan, 2014)"
    assert (s["key"], s["body"], s["kind"], s["level"], s["work"]) == (
        "pp/res/130/2014",
        "pp",
        "resolution",
        "version",
        "pp/res/130",
    )
    assert s["iri"] == BASE + "pp/res/130/2014"
    assert [v["version"] for v in s["versions"]] == [
        "pp/res/130/2006",
        "pp/res/130/2010",
        "pp/res/130/2014",
    ]
    cites = items(client, "/instruments/pp/res/130/2014/cites")
    assert s["counts"]["cites"] == len({e["target"] for e in cites})
    assert s["counts"]["citations_made"] == len(cites)
    cited_by = items(client, "/instruments/pp/res/130/2014/cited-by")
    assert s["counts"]["cited_by"] == len({e["source"] for e in cited_by})
    assert s["links"]["cites"].endswith("/instruments/pp/res/130/2014/cites")


COUNTED = ["pp/res/130", "pp/res/130/2014", "wtdc/res/69/2010", "unga/res/55/63",
           "pp/2014/doc/82", "pp/res/71"]  # fmt: skip


@pytest.mark.parametrize("key", COUNTED)
def test_derived_counts_are_those_of_the_edges(client: TestClient, key: str) -> None:
    """The citation counts, derived once per ingest, are those of the lists the
    lookups give (a work's versions included)."""
    counts = client.get(f"/instruments/{key}").json()["counts"]
    cites = items(client, f"/instruments/{key}/cites")
    cited_by = items(client, f"/instruments/{key}/cited-by")
    assert counts["cites"] == len({e["target"] for e in cites})
    assert counts["citations_made"] == len(cites)
    assert counts["cited_by"] == len({e["source"] for e in cited_by})
    assert counts["citations_received"] == len(cited_by)
    assert cites or cited_by, f"{key}: the fixture has no edge of it"


def test_a_document_key_is_an_instrument_too(client: TestClient) -> None:
    s = client.get("/instruments/pp/2014/doc/82").json()
    assert (s["kind"], s["label"]) == ("document", "Document 82 (PP-14)")
    assert s["counts"]["amendments"] == len(
        items(client, "/instruments/pp/2014/doc/82/amendments")
    )


ERRORS = [
    ("/instruments/pp/res/130/2015", 404, "pp/res/130/2014"),
    ("/instruments/pp/res/130/2015/cites", 404, "pp/res/130/2014"),
    ("/instruments/unga/res/55/64/cited-by", 404, "unga/res/55/63"),
    ("/instruments/pp/resolution/130", 422, None),
    ("/instruments/PP/RES/130/2014/versions", 422, None),
    ("/instruments/pp/res/130/2014 OR 1=1/amendments", 422, None),
]


@pytest.mark.parametrize(("path", "status", "closest"), ERRORS)
def test_unknown_and_malformed_keys(
    client: TestClient, path: str, status: int, closest: str | None
) -> None:
    r = client.get(path)
    assert r.status_code == status
    body = r.json()
    assert "Traceback" not in r.text
    if status == 404:
        assert body["error"] == "not-found"
        assert closest in body["closest"]
    else:
        assert body["error"] == "invalid-key"
        assert any("{body}/{res|dec|rec}/{n}" in g for g in body["grammar"])


def test_json_ld_and_turtle_by_accept(client: TestClient) -> None:
    path = "/instruments/pp/res/130/2014/cites"
    ld = client.get(path, headers={"Accept": "application/ld+json"})
    assert ld.headers["content-type"].startswith("application/ld+json")
    assert ld.json()["@context"]["@base"] == BASE
    ttl = client.get(path, headers={"Accept": "text/turtle"})
    assert ttl.headers["content-type"].startswith("text/turtle")
    g_ld = rdflib.Graph().parse(data=ld.text, format="json-ld")
    g_ttl = rdflib.Graph().parse(data=ttl.text, format="turtle")
    assert len(g_ld) == len(g_ttl) > 0
    targets = {str(o) for o in g_ttl.objects(None, CITO.hasCitedEntity)}
    assert BASE + "wtdc/res/69/2010" in targets
    assert "Accept" in ld.headers["vary"]
    summary = client.get(
        "/instruments/pp/res/130/2014", headers={"Accept": "text/turtle"}
    )
    g = rdflib.Graph().parse(data=summary.text, format="turtle")
    iri = rdflib.URIRef(BASE + "pp/res/130/2014")
    assert (
        iri,
        rdflib.RDFS.label,
        rdflib.Literal("Resolution 130 (Rev. Busan, 2014)"),
    ) in g
    assert client.get(path, headers={"Accept": "image/png"}).status_code == 406


def test_browsers_get_the_page(client: TestClient) -> None:
    r = client.get(
        "/instruments/pp/res/130/2014",
        headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"},
    )
    assert r.headers["content-type"].startswith("text/html")
    assert "Resolution 130 (Rev. Busan, 2014)" in r.text
    assert "<svg" in r.text and "/instruments/wtdc/res/69/2010" in r.text


HTML = {"Accept": "text/html"}
# (page length of the server, key): the instrument page shows that many
# citations each way at most, and links to the rest when there are more
FIRST_CITATIONS = [
    (100, "pp/res/130/2014"),
    (5, "pp/res/130/2014"),
    (5, "pp/res/130"),
    (5, "wtdc/res/69/2010"),
    (1, "unga/res/55/63"),
]


@pytest.mark.parametrize(("first", "key"), FIRST_CITATIONS)
def test_the_page_shows_the_first_citations_and_links_to_the_rest(
    store_path: str, first: int, key: str
) -> None:
    """Each way: the total from the counts, the first rows of the lookup (the
    same quotes in the same order), and the next rows one link away."""
    settings = Settings(store=store_path, page_size=first)
    with TestClient(create_app(settings)) as c:
        counts = c.get(f"/instruments/{key}").json()["counts"]
        page = c.get(f"/instruments/{key}", headers=HTML).text
        for direction, total in [
            ("cites", counts["citations_made"]),
            ("cited-by", counts["citations_received"]),
        ]:
            section = page.split(f'<h2 id="{direction}">')[1].split("<h2")[0]
            assert f"({total} citations)" in section
            lookup = c.get(f"/instruments/{key}/{direction}").json()
            assert lookup["total"] == total
            quotes = [str(escape(e["evidence"]["quote"])) for e in lookup["items"]]
            shown = re.findall(r"<blockquote>“(.*?)”</blockquote>", section, re.S)
            assert sorted(shown) == sorted(quotes) and len(shown) == min(first, total)
            rest = re.search(f'id="{direction}-rest".*?<a href="([^"]+)"', section)
            assert (rest is not None) == (total > first), direction
            if rest is not None:
                more = c.get(rest.group(1).replace("&amp;", "&"), headers=HTML)
                assert more.status_code == 200 and "<table" in more.text


@pytest.mark.parametrize("key", ["pp/res/130/2014", "pp/res/130", "wtdc/res/69/2010"])
def test_the_neighbourhood_counts_every_citation(client: TestClient, key: str) -> None:
    """The drawing shows the neighbours with the most citations each way, out of
    all of them (not only those of the citations on the page), and how many more
    there are."""
    citing = Counter(e["source"] for e in items(client, f"/instruments/{key}/cited-by"))
    cited = Counter(e["target"] for e in items(client, f"/instruments/{key}/cites"))

    def ranked(c: Counter[str]) -> list[tuple[str, int]]:
        return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_SIDE]

    page = client.get(f"/instruments/{key}", headers=HTML).text
    svg = page.split('<svg id="neighbourhood"')[1].split("</svg>")[0]
    drawn = re.findall(
        r'<a href="/instruments/([^"]+)"><title>.*? \((\d+) citations?\)</title>', svg
    )
    assert [(k, int(n)) for k, n in drawn] == ranked(citing) + ranked(cited)
    for side, found in (("end", cited), ("", citing)):
        more = max(0, len(found) - MAX_SIDE)
        assert (f"+{more} more" in svg) == (more > 0), side


def test_instrument_iris_dereference(client: TestClient) -> None:
    """The default base is https://w3id.org/itukg/: its IRIs reach the server
    as /itukg/{key} and are sent on (303) to the description."""
    r = client.get("/itukg/pp/res/130/2014", follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"].endswith("/instruments/pp/res/130/2014")
    page = client.get("/itukg/pp/res/130/2014", headers={"Accept": "text/html"})
    assert page.headers["content-type"].startswith("text/html")
    ttl = client.get("/itukg/unga/res/55/63", headers={"Accept": "text/turtle"})
    assert ttl.headers["content-type"].startswith("text/turtle")
    assert client.get("/itukg/pp/res/999/2014").status_code == 404
    assert client.get("/itukg/not-a-key").status_code == 404


@pytest.mark.parametrize(
    ("base", "path"),
    [
        ("https://w3id.org/itukg/", "/itukg/"),
        ("http://127.0.0.1:8000/", "/"),
        ("http://data.example.org/id", "/id/"),
    ],
)
def test_base_path(base: str, path: str) -> None:
    assert Settings(base=base).base_path == path
