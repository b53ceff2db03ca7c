"""Mandates and lineage over HTTP (issue 15): the routes give what the named
queries give, grouped; browsers get the pages; unknown keys are 404."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


def items(client: TestClient, path: str, **params: str) -> list[dict[str, Any]]:
    r = client.get(path, params={"limit": 1000, **params})
    assert r.status_code == 200, r.text
    found: list[dict[str, Any]] = r.json()["items"]
    return found


def test_mandates_of_an_instrument(client: TestClient) -> None:
    found = items(client, "/instruments/pp/res/130/2014/mandates")
    assert {m["view"] for m in found} == {"current"}
    [council] = [m for m in found if m["verb"] == "requests"]
    assert council["addressees"] == ["itu/council"]
    assert council["paragraph"] is None
    assert council["targets"] == ["itu/convention/no/81"]
    officials = [
        m
        for m in found
        if m["section"].startswith("instructs the secretary-general and")
    ]
    assert [m["paragraph"] for m in officials] == ["1", "2", "3", "4", "5", "6"]
    assert set(officials[0]["addressees"]) == {
        "itu/secretary-general",
        "itu/director/br",
        "itu/director/tsb",
        "itu/director/bdt",
    }
    resolves = [m for m in found if m["verb"] == "resolves"]
    assert [m["addressees"] for m in resolves] == [[], [], [], []]


def test_mandates_to_an_actor(client: TestClient) -> None:
    found = items(client, "/actors/itu/director/bdt/mandates")
    assert found and all(m["addressees"] == ["itu/director/bdt"] for m in found)
    assert {"pp/res/130/2014", "pp/res/130/2010"} <= {m["instrument"] for m in found}
    assert items(client, "/actors/itu/nobody/mandates") == []
    every = items(client, "/actors/itu/director/bdt/mandates", top="all")
    assert every[: len(found)] == found
    first = items(client, "/actors/itu/director/bdt/mandates", top="1")
    assert len({m["instrument"] for m in first}) == 1
    assert first == every[: len(first)]


def test_lineage_of_a_work(client: TestClient) -> None:
    found = items(client, "/instruments/pp/res/130/lineage")
    moved = [
        (r["from_paragraph"], r["to_paragraph"])
        for r in found
        if r["status"] == "moved"
    ]
    assert moved == [("2", "3"), ("3", "4")]
    assert {r["from_version"] for r in found} == {"pp/res/130/2010"}


def test_pages(client: TestClient) -> None:
    html = {"accept": "text/html"}
    page = client.get("/instruments/pp/res/130/2014/mandates", headers=html)
    assert page.status_code == 200 and "itu/director/bdt" in page.text
    side = client.get("/instruments/pp/res/182/lineage", headers=html)
    assert side.status_code == 200
    assert "<mark>Dubai, 2014)</mark>" in side.text
    instrument = client.get("/instruments/pp/res/130/2014", headers=html)
    assert "/instruments/pp/res/130/2014/mandates" in instrument.text


def test_unknown_instrument_is_404(client: TestClient) -> None:
    assert client.get("/instruments/pp/res/999/2014/mandates").status_code == 404
    assert client.get("/instruments/pp/res/999/lineage").status_code == 404
