"""``/search``: text queries rank the instruments a person means first."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from itukg.api.index import tokens

# (query, the key expected first)
FIRST = [
    ("resolution 130 busan", "pp/res/130/2014"),
    ("Resolution 130 (Rev. Busan, 2014)", "pp/res/130/2014"),
    ("55/63", "unga/res/55/63"),
    ("UNGA 55/63", "unga/res/55/63"),
    ("unga/res/55/63", "unga/res/55/63"),
    ("pp/res/130/2014", "pp/res/130/2014"),
    ("resolution 69 hyderabad", "wtdc/res/69/2010"),
    ("tunis agenda", "wsis/tunis-agenda"),
    ("question 22-1/1", "itu-d/question/22-1/1"),
    ("E.164", "itu-t/rec/e.164"),
    ("opinion 4 lisbon", "wtpf/opinion/4/2009"),
]


@pytest.mark.parametrize(("q", "first"), FIRST, ids=[q for q, _ in FIRST])
def test_the_meant_instrument_ranks_first(
    client: TestClient, q: str, first: str
) -> None:
    r = client.get("/search", params={"q": q, "limit": 5})
    assert r.status_code == 200, r.text
    hits = r.json()["items"]
    assert hits and hits[0]["key"] == first, [h["key"] for h in hits]
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_words_of_citations_are_searched(client: TestClient) -> None:
    """A phrase that stands only in citing words still finds the instrument."""
    hits = client.get("/search", params={"q": "child online protection"}).json()
    assert hits["query"] == "child online protection"
    assert isinstance(hits["items"], list)  # the seed has none: an empty list
    found = client.get("/search", params={"q": "hyderabad"}).json()["items"]
    assert "wtdc/res/69/2010" in [h["key"] for h in found]


@pytest.mark.parametrize("q", ["!!!", "of the", "zzzzzz"])
def test_nothing_to_match_is_an_empty_list(client: TestClient, q: str) -> None:
    r = client.get("/search", params={"q": q})
    assert r.status_code == 200
    assert r.json()["items"] == []


def test_an_empty_query_is_refused(client: TestClient) -> None:
    assert client.get("/search", params={"q": ""}).status_code == 422
    assert client.get("/search").status_code == 422


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Resolution 130 (Rev. Busan, 2014)",
            ["resolution", "130", "rev", "busan", "2014"],
        ),
        ("UNGA 55/63", ["unga", "55/63"]),
        ("Recommendation ITU-T X.1205", ["recommendation", "itu-t", "x.1205"]),
        ("Question 22-1/1 of the ITU-D", ["question", "22-1/1", "itu-d"]),
    ],
)
def test_tokens(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected
