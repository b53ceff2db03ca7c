"""Every IRI the project mints or reads, in one module (as cobalt's ``uri.py``):
instrument keys, documents' named graphs, citations, proposals, extraction runs
and conferences. The base is configurable (``--base``); its default and every
namespace come from ``vocab.py``."""

from __future__ import annotations

from itukg.ontology.errors import InvalidKey
from itukg.ontology.keys import parse_key
from itukg.ontology.vocab import ITUKG

DEFAULT_BASE = str(ITUKG)


def key_iri(key: str, base: str = DEFAULT_BASE) -> str:
    """The IRI of an instrument or document key: ``base + key``."""
    return base + key


def key_of(iri: str, base: str = DEFAULT_BASE) -> str:
    """The key an IRI under ``base`` names (raises InvalidKey)."""
    if not iri.startswith(base):
        raise InvalidKey(f"not under {base}: {iri!r}")
    key = iri[len(base) :]
    parse_key(key)
    return key


def graph_iri(name: str, base: str = DEFAULT_BASE) -> str:
    """A named graph of reference or derived data: ``graph/itu``, ``graph/derived``."""
    return f"{base}graph/{name}"


def citation_iri(digest: str, base: str = DEFAULT_BASE) -> str:
    """A citation node (``digest`` identifies document, view, ends and span)."""
    return f"{base}citation/{digest}"


def paragraph_iri(digest: str, base: str = DEFAULT_BASE) -> str:
    """A paragraph of an instrument version as one document shows it in one view."""
    return f"{base}paragraph/{digest}"


def mandate_iri(digest: str, base: str = DEFAULT_BASE) -> str:
    """The mandate of such a paragraph."""
    return f"{base}mandate/{digest}"


def proposal_iri(doc: str, proposal: str, base: str = DEFAULT_BASE) -> str:
    """A MOD / ADD / SUP / NOC proposal of a document."""
    return f"{base}{doc}/proposal/{proposal}"


def run_iri(content_hash: str, base: str = DEFAULT_BASE) -> str:
    """The extraction run that produced a document's graph."""
    return f"{base}run/{content_hash[:16]}"


def agent_iri(version: str, base: str = DEFAULT_BASE) -> str:
    """The software agent of an extraction run (this extractor, by version)."""
    return f"{base}agent/itukg-{version}"


def conference_iri(body: str, year: int, base: str = DEFAULT_BASE) -> str:
    """A conference of the gazetteer (``wtdc/2010``)."""
    return f"{base}{body}/{year}"
