"""Regenerate ``vocab.py`` from ``itu.ttl``: ``python -m ontology.codegen``.

A test checks that the committed ``vocab.py`` is what this prints, so the closed
namespace never drifts from the ontology."""

from __future__ import annotations

from importlib import resources

from rdflib import Graph

NS = "https://w3id.org/itukg/ontology#"


def render_vocab() -> str:
    """The source of ``ontology/vocab.py``: one attribute per term of itu.ttl."""
    data = resources.files("itukg.ontology").joinpath("itu.ttl").read_text("utf-8")
    g = Graph().parse(data=data, format="turtle")
    names = sorted({str(s)[len(NS) :] for s in g.subjects() if str(s).startswith(NS)})
    lines = [
        '"""The itukg ontology as a closed namespace. Generated from itu.ttl by',
        '``python -m ontology.codegen``; do not edit by hand."""',
        "",
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "from rdflib.term import URIRef",
        "",
        "",
        "class ITU(DefinedNamespace):",
        f'    _NS = Namespace("{NS}")',
        "    _fail = True",
        "",
    ]
    lines += [f"    {name}: URIRef" for name in names if name.isidentifier()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import sys

    sys.stdout.write(render_vocab())
