"""The instrument index: every known key with the words that name it (the named
query ``instrument-index``: what ingest stored once per instrument, read in flat
scans, so its cost follows the instruments, not the documents), kept in memory
for a while, to rank instruments against a text query and to suggest the
closest keys to an unknown one.

Ranking: the query's words are tokens (``55/63``, ``x.1205`` and ``22-1/1`` stay
whole; a key's parts count too); an instrument scores the share of query tokens
its key, labels or cited words contain (a whole token counts 1, a prefix of one
0.6), a little more when its key or label has them, and ties go to the more
cited."""

from __future__ import annotations

import difflib
import re
import threading
import time
from dataclasses import dataclass, field

from itukg.ontology.store import GraphStore
from itukg.queries import run_query

_TOKEN = re.compile(r"[0-9a-z]+(?:[./-][0-9a-z]+)*")
_SPLIT = re.compile(r"[./-]")
STOPWORDS = frozenset({"of", "the", "and", "on", "in", "for", "to", "a", "an", "no"})


def tokens(text: str) -> list[str]:
    """Lowercase tokens, stop words dropped, compound tokens kept whole."""
    return [t for t in _TOKEN.findall(text.lower()) if t not in STOPWORDS]


def _with_parts(words: list[str]) -> set[str]:
    out = set(words)
    for w in words:
        out.update(p for p in _SPLIT.split(w) if p)
    return out


@dataclass
class Entry:
    key: str
    body: str | None = None
    citations: int = 0
    labels: list[str] = field(default_factory=list)
    strong: set[str] = field(default_factory=set)  # key and label tokens
    weak: set[str] = field(default_factory=set)  # words of citations of it

    @property
    def label(self) -> str | None:
        # the Rev. form is how the instrument is cited; the shortest one otherwise
        return min(self.labels, key=lambda s: ("Rev." not in s, len(s)), default=None)


@dataclass(frozen=True)
class Hit:
    entry: Entry
    score: float


class InstrumentIndex:
    def __init__(self, entries: dict[str, Entry]) -> None:
        self.entries = entries
        self._keys = sorted(entries)

    @classmethod
    def build(cls, store: GraphStore, base: str) -> InstrumentIndex:
        entries: dict[str, Entry] = {}
        for row in run_query(store, "instrument-index", {}, base).records():
            key = str(row["instrument"])
            entry = entries.get(key)
            if entry is None:
                entry = entries[key] = Entry(key)
                entry.strong = _with_parts(tokens(key.replace("/", " / ")) + [key])
            field_ = row["field"]
            if field_ == "body":
                entry.body = str(row["body"])
            elif field_ == "citations":
                entry.citations = int(row["citations"] or 0)
            elif field_ == "quote":
                entry.weak |= _with_parts(tokens(str(row["text"])))
            else:
                entry.labels.append(str(row["text"]))
                entry.strong |= _with_parts(tokens(str(row["text"])))
        return cls(entries)

    def knows(self, key: str) -> bool:
        return key in self.entries

    def closest(self, key: str, n: int = 5) -> list[str]:
        """Known keys nearest to ``key``: its work and versions first, then the
        most similar spellings."""
        work = key.rsplit("/", 1)[0] if key.count("/") >= 3 else key
        family = [k for k in self._keys if k == work or k.startswith(work + "/")]
        similar = difflib.get_close_matches(key, self._keys, n=n, cutoff=0.6)
        out: list[str] = []
        for k in family[:n] + similar:
            if k not in out:
                out.append(k)
        return out[:n]

    def search(self, query: str) -> list[Hit]:
        """Instruments ranked against ``query`` (best first); empty for no words."""
        wanted = tokens(query)
        exact = query.strip().lower()
        if not wanted:
            return []
        hits = []
        for entry in self.entries.values():
            score = 0.0
            for t in wanted:
                score += _match(t, entry)
            if score <= 0:
                continue
            score /= len(wanted)
            if entry.key == exact:
                score += 1.0
            hits.append(Hit(entry, round(score, 4)))
        hits.sort(key=lambda h: (-h.score, -h.entry.citations, h.entry.key))
        return hits


def _match(token: str, entry: Entry) -> float:
    if token in entry.strong:
        return 1.0
    if token in entry.weak:
        return 0.8
    if len(token) >= 3 and not token.isdigit():
        if any(w.startswith(token) for w in entry.strong):
            return 0.6
        if any(w.startswith(token) for w in entry.weak):
            return 0.5
    return 0.0


class IndexCache:
    """The index of one store, rebuilt when older than ``seconds`` (an embedded
    store opened read-only never changes; a SPARQL server may)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._lock = threading.Lock()
        self._index: InstrumentIndex | None = None
        self._built = 0.0

    def get(self, store: GraphStore, base: str) -> InstrumentIndex:
        with self._lock:
            now = time.monotonic()
            if self._index is None or now - self._built > self.seconds:
                self._index = InstrumentIndex.build(store, base)
                self._built = now
            return self._index
