"""Regenerate ``vocab.py`` from ``itu.ttl``: ``python -m itukg.ontology.codegen``.

``vocab.py`` is the project's only declaration of namespaces: the closed ``ITU``
namespace (one attribute per term of the ontology) and every prefix ``itu.ttl``
declares (``PREFIXES``, and one ``Namespace`` per prefix), and ``MODEL``, the
version of the model (the ontology's ``owl:versionInfo``). A test checks that the
committed file is what this prints, so it never drifts from the ontology."""

from __future__ import annotations

from importlib import resources

from rdflib import Graph
from rdflib.namespace import OWL, RDF


def _ontology() -> Graph:
    data = resources.files("itukg.ontology").joinpath("itu.ttl").read_text("utf-8")
    return Graph().parse(data=data, format="turtle")


def _prefixes(g: Graph) -> dict[str, str]:
    declared = {p: str(ns) for p, ns in g.namespace_manager.namespaces() if p}
    text = resources.files("itukg.ontology").joinpath("itu.ttl").read_text("utf-8")
    return {p: ns for p, ns in sorted(declared.items()) if f"@prefix {p}:" in text}


def render_vocab() -> str:
    """The source of ``ontology/vocab.py``."""
    g = _ontology()
    prefixes = _prefixes(g)
    ns = prefixes["itu"]
    names = sorted({str(s)[len(ns) :] for s in g.subjects() if str(s).startswith(ns)})
    lines = [
        '"""The namespaces of itukg. Generated from itu.ttl by',
        '``python -m itukg.ontology.codegen``; do not edit by hand."""',
        "",
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "from rdflib.term import URIRef",
        "",
        "PREFIXES: dict[str, str] = {",
        *(f'    "{p}": "{iri}",' for p, iri in prefixes.items()),
        "}",
        "",
        *(f'{p.upper()} = Namespace(PREFIXES["{p}"])' for p in prefixes if p != "itu"),
        "",
        "",
        "class ITU(DefinedNamespace):",
        '    _NS = Namespace(PREFIXES["itu"])',
        "    _fail = True",
        "",
    ]
    lines += [f"    {name}: URIRef" for name in names if name.isidentifier()]
    return "\n".join(lines) + "\n" + _model(g)


def _model(g: Graph) -> str:
    """The model's version (the ontology's owl:versionInfo): the extraction run of
    each document names it, and ingest rebuilds a document built by another."""
    ontology = g.value(predicate=RDF.type, object=OWL.Ontology)
    version = g.value(ontology, OWL.versionInfo)
    return f'\n\nMODEL = "{version}"  # the owl:versionInfo of itu.ttl\n'


if __name__ == "__main__":
    import sys

    sys.stdout.write(render_vocab())
