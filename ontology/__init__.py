"""The ITU ontology, the conference gazetteer, the lexicon and the instrument keys.

This package is the leaf of the stack: it depends on rdflib only. Its data lives in
Turtle files beside this module.
"""

from itukg.ontology.errors import (
    InvalidKey,
    ItukgError,
    UnreadableDocument,
    UnsupportedFormat,
)
from itukg.ontology.gazetteer import Conference, Gazetteer, load_gazetteer
from itukg.ontology.keys import Key, parse_key, work_of
from itukg.ontology.lexicon import Lexicon, load_lexicon

__all__ = [
    "Conference",
    "Gazetteer",
    "InvalidKey",
    "ItukgError",
    "Key",
    "Lexicon",
    "UnreadableDocument",
    "UnsupportedFormat",
    "load_gazetteer",
    "load_lexicon",
    "parse_key",
    "work_of",
]
