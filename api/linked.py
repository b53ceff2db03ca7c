"""The lookups as linked data: a JSON answer plus one JSON-LD context is its
JSON-LD; Turtle is that JSON-LD read by Oxigraph and written again.

Keys resolve against the base IRI (``@base``); fields with a standard term get it
(CiTO, Web Annotation, RDFS, SKOS, DCTERMS, Hydra for pages, the ITU ontology);
the rest are terms of the API's own documents, ``{base}api#field``.
"""

from __future__ import annotations

import json
from typing import Any

import pyoxigraph as ox

from itukg.ontology.vocab import PREFIXES as VOCAB_PREFIXES

PREFIXES = {
    p: VOCAB_PREFIXES[p]
    for p in ("itu", "cito", "oa", "rdfs", "skos", "dcterms", "hydra", "xsd")
}


def _ref(term: str) -> dict[str, str]:
    return {"@id": term, "@type": "@id"}


_TERMS: dict[str, Any] = {
    "iri": "@id",
    "types": "@type",
    "key": "skos:notation",
    "label": "rdfs:label",
    "labels": "rdfs:label",
    "body": "itu:body",
    "year": "itu:year",
    "revision": "itu:revision",
    "conference": _ref("itu:conference"),
    "work": _ref("itu:versionOf"),
    # citation edges: the citation node, its two ends and its evidence
    "source": _ref("cito:hasCitingEntity"),
    "target": _ref("cito:hasCitedEntity"),
    "relation": _ref("itu:relation"),
    "evidence": "@nest",
    "document": _ref("itu:inDocument"),
    "view": "itu:view",
    "section": "itu:section",
    "paragraph": "itu:paragraph",
    "pinpoint": "itu:pinpoint",
    "quote": "oa:exact",
    # amendments
    "result": _ref("itu:proposesVersion"),
    "action": "itu:action",
    "proposal": "itu:proposalId",
    # pages of a list
    "total": "hydra:totalItems",
    "next": _ref("hydra:next"),
}

# the items of each list, where an item field names the node itself
_ITEM_ID = {
    "versions": "version",
    "search": "key",
}


def context(base: str, items: str | None = None) -> dict[str, Any]:
    """The JSON-LD context of one kind of answer (``items``: the kind of list)."""
    ctx: dict[str, Any] = {
        "@version": 1.1,
        "@base": base,
        "@vocab": base + "api#",
        **PREFIXES,
        **_TERMS,
    }
    versions: dict[str, Any] = {"@id": "dcterms:hasVersion", "@container": "@set"}
    versions["@context"] = {"version": "@id"}
    ctx["versions"] = versions
    # inside these, field names are the API's own terms again
    own = {"versions": base + "api#versions"}
    ctx["counts"] = {"@id": base + "api#counts", "@context": own}
    ctx["links"] = {"@id": base + "api#links", "@context": own}
    member: dict[str, Any] = {"@id": "hydra:member", "@container": "@set"}
    if items in _ITEM_ID:
        member["@context"] = {_ITEM_ID[items]: "@id"}
    ctx["items"] = member
    return ctx


def to_jsonld(
    payload: dict[str, Any], base: str, items: str | None, iri: str
) -> dict[str, Any]:
    """The JSON answer as JSON-LD: its context first, ``@id`` the answer's IRI."""
    body = {k: v for k, v in payload.items() if v is not None}
    node = body.pop("iri", iri)
    return {"@context": context(base, items), "@id": node, **body}


def to_turtle(document: dict[str, Any]) -> bytes:
    """JSON-LD as Turtle (the triples Oxigraph reads from it)."""
    quads = ox.parse(json.dumps(document).encode("utf-8"), format=ox.RdfFormat.JSON_LD)
    triples = list(dict.fromkeys(q.triple for q in quads))
    out = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return out if isinstance(out, bytes) else b""
