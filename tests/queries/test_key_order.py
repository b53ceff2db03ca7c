"""derive/56-key-order.ru: ordered by their itu:keyOrder, then itu:keyOrderTail,
keys are in string order (code point order, as SPARQL sorts them), whatever
their length, shared prefixes or characters outside ASCII, and the integers
stay below 2^53."""

from __future__ import annotations

import pyoxigraph as ox

from itukg.ontology.store import open_store
from itukg.ontology.vocab import ITU
from itukg.queries.run import run_update, table

BASE = "https://w3id.org/itukg/"
KEYS = [
    "pp/res/1", "pp/res/1/1994", "pp/res/1/2002", "pp/res/10", "pp/res/1-a",
    "pp/2014/doc/82", "pp/2014/doc/8", "pp/2014/doc/82/add/1", "p", "pp",
    "wtdc/res/1/1994", "wtdc/res/1", "council/res/1001/2019",
    "council/res/1001/2015", "council/res/1002/2019", "ra/res/55-3",
    "itu-d/question/1/2", "unga/res/55/1", "unga/res/55/2", "zz/é/1", "zz/e/1",
    "zz/ü", "é/x", "é/y", "a~b", "a_b", "a-b", "A/1",
    "a-very-long-key/with/many/parts/beyond/any/tail/that/fits/inline/1",
    "a-very-long-key/with/many/parts/beyond/any/tail/that/fits/inline/2",
]  # fmt: skip


def test_key_order_is_string_order() -> None:
    store = open_store(None)
    facts = " ".join(f"{ox.NamedNode(BASE + k)} itu:versionOf <w> ." for k in KEYS)
    store.update(
        f"BASE <{BASE}> PREFIX itu: <{ITU}> "
        f"INSERT DATA {{ GRAPH <graph/instruments> {{ {facts} }} }}"
    )
    run_update(store, "56-key-order", BASE)
    found = table(
        store.query(
            f"BASE <{BASE}> PREFIX itu: <{ITU}> SELECT ?k ?n ?t WHERE {{ GRAPH "
            "<graph/derived> { ?k itu:keyOrder ?n ; itu:keyOrderTail ?t } }"
        ),
        BASE,
    ).rows
    assert len(found) == len(KEYS)
    assert all(isinstance(n, int) and 0 <= n < 2**53 for _, n, _ in found)
    by_facts = [k for k, _, _ in sorted(found, key=lambda r: (r[1], r[2]))]
    assert by_facts == sorted(KEYS)
