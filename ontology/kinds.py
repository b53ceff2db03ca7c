"""The closed sets of the keys: the kinds of conference instrument (``Kind``) and
the key schemes (``Scheme``), with the one table of their words. Every module
that names a kind (key segment, English word, ontology class, the noun shown by
the API and the networks) asks here."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from itukg.ontology.keys import Key

Scheme = Literal[
    "instrument", "opinion", "unga", "rec", "question", "provision", "wsis",
    "doc", "final-acts", "file",
]  # fmt: skip


class Kind(StrEnum):
    """A kind of conference instrument, by its key segment (``pp/res/130``)."""

    RES = "res"
    DEC = "dec"
    REC = "rec"
    OPINION = "opinion"

    @property
    def word(self) -> str:
        """The English word, capitalised as in titles: also the ontology class
        (``itu:Resolution``)."""
        return _WORDS[self]

    @classmethod
    def from_word(cls, word: str) -> Kind:
        """The kind a word names, whatever its case and number: "RESOLUTION",
        "Resolutions"; or its abbreviation, the key segment and a full stop
        ("Res.", "Rec.")."""
        w = word.lower()
        if w.endswith("."):
            return cls(w[:-1])
        return _BY_WORD[w.removesuffix("s")]


_WORDS = {
    Kind.RES: "Resolution",
    Kind.DEC: "Decision",
    Kind.REC: "Recommendation",
    Kind.OPINION: "Opinion",
}
_BY_WORD = {w.lower(): k for k, w in _WORDS.items()}

# what the API and the networks call an instrument of each scheme
_SCHEME_NOUNS: dict[str, str] = {
    "unga": "resolution",
    "rec": "recommendation",
    "question": "question",
    "provision": "provision",
    "wsis": "named instrument",
    "doc": "document",
    "file": "document",
    "final-acts": "final acts",
}


def noun(key: Key) -> str:
    """What a key names, in lowercase words: "resolution", "recommendation",
    "question", "document", "final acts" …"""
    if key.scheme in ("instrument", "opinion"):
        return Kind(key.kind).word.lower()
    return _SCHEME_NOUNS[key.scheme]
