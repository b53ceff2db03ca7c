"""Human labels for instrument keys: ``pp/res/130/2014`` is "Resolution 130
(Busan, 2014)", ``wrc/res/646/2003`` "Resolution 646 (WRC-03)"."""

from __future__ import annotations

from itukg.ontology.gazetteer import load_gazetteer
from itukg.ontology.keys import Key, parse_key
from itukg.ontology.kinds import Kind
from itukg.ontology.lexicon import load_lexicon

_PROVISION = {
    "constitution": "the Constitution",
    "convention": "the Convention",
    "rr": "the Radio Regulations",
}
_BY_ACRONYM = {"wrc", "ra"}  # bodies whose texts name the conference by acronym


def _conference(body: str, year: int, revised: bool) -> str:
    gaz = load_gazetteer()
    found = gaz.in_year(year, body)
    rev = "Rev. " if revised else ""
    if not found:
        return f"({rev}{year})"
    conf = found[0]
    if body in _BY_ACRONYM:
        return f"({rev}{conf.acronym})"
    return f"({rev}{conf.place}, {conf.year})"


def _body_name(body: str) -> str:
    entry = load_lexicon().body(body)
    return entry.labels[0] if entry else body.upper()


def _instrument(k: Key, revised: bool) -> str:
    kind = Kind(k.kind).word
    if k.body == "council":
        year = f" ({k.version})" if k.version else ""
        return f"Council {kind} {k.number}{year}"
    if k.body == "ra":
        rev = f"-{k.version}" if k.version else ""
        return f"Resolution ITU-R {k.number}{rev}"
    if k.version is None:
        return f"{kind} {k.number} of the {_body_name(k.body)}"
    return f"{kind} {k.number} {_conference(k.body, int(k.version), revised)}"


def label(key: str, revised: bool = False) -> str:
    """A key's human label; ``revised`` adds "Rev." to a version's conference."""
    k = parse_key(key)
    if k.scheme in ("instrument", "opinion"):
        return _instrument(k, revised)
    if k.scheme == "unga":
        return f"UNGA Resolution {k.number.upper()}"
    if k.scheme == "rec":
        rev = f"-{k.version}" if k.version else ""
        return f"Recommendation {k.body.upper()} {k.number.upper()}{rev}"
    if k.scheme == "question":
        return f"Question {k.number} ({k.body.upper()})"
    if k.scheme == "provision":
        instrument, unit = k.kind.split("/")
        what = "Article" if unit == "art" else "No."
        return f"{what} {k.number.upper()} of {_PROVISION[instrument]}"
    if k.scheme == "wsis":
        entry = next((e for e in load_lexicon().instruments if e.notation == key), None)
        if entry:
            return entry.labels[0]
        return f"WSIS Action Line {k.number.upper()}"
    if k.scheme == "doc":
        return f"Document {k.number.upper()} ({_acronym(k)})"
    if k.scheme == "final-acts":
        return f"Final Acts ({_acronym(k)})"
    return k.number


def _acronym(k: Key) -> str:
    found = load_gazetteer().in_year(int(k.year or 0), k.body)
    return found[0].acronym if found else f"{k.body.upper()} {k.year}"
