"""The citation grammar: regular expressions built once from the ontology's data
(body names, sector names, named instruments, headings, conference places).
No name of a body, place or heading is written here; they come from ``ontology``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from itukg.ontology.gazetteer import Conference, Gazetteer, fold, load_gazetteer
from itukg.ontology.lexicon import Lexicon, load_lexicon

_SPACE: Final = r"\s+"
_END: Final = ""  # the key that marks the end of a label in a trie node

Trie = dict[str, "Trie"]


def _tokens(label: str, fold: bool) -> list[str]:
    """A label's characters (lowercase when ``fold``), any white space as one
    ``\\s+`` token."""
    out: list[str] = []
    for i, word in enumerate(label.split()):
        if i:
            out.append(_SPACE)
        out += [c.lower() if fold and len(c.lower()) == 1 else c for c in word]
    return out


def _emit(node: Trie) -> str:
    """A trie node as a regex: its branches, optional when a label ends here
    (greedy, so a longer label is tried before a shorter one)."""
    branches = [
        (key if key == _SPACE else re.escape(key)) + _emit(child)
        for key, child in sorted(node.items())
        if key != _END
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END not in node:
        return body
    return f"(?:{body})?" if len(branches) > 1 or len(branches[0]) > 1 else body + "?"


def alternation(labels: list[str], fold: bool = False) -> str:
    """Labels as one regex that matches what the alternation of them, longest
    first, matches (any white space for a space), but as a trie: at each place the
    engine tries one branch per next character instead of every label. ``fold``:
    the regex is used case-insensitively (labels that differ in case share a
    branch)."""
    root: Trie = {}
    for label in set(labels):
        node = root
        for token in _tokens(label, fold):
            node = node.setdefault(token, {})
        node[_END] = {}
    return _emit(root)


def _names(acronyms: list[str], names: list[str]) -> str:
    """Acronyms match in their own case, names in any case."""
    parts = []
    if acronyms:
        parts.append(f"(?-i:{alternation(acronyms)})")
    if names:
        parts.append(f"(?i:{alternation(names, fold=True)})")
    return "|".join(parts)


def _is_acronym(label: str) -> bool:
    return label.isupper() and " " not in label


# The gazetteer's lookups read every conference; the finder asks the same few again
# and again (the acronyms, places and years of a text's qualifiers and covers).
@lru_cache(maxsize=4096)
def conference_by_acronym(text: str) -> Conference | None:
    """``load_gazetteer().by_acronym(text)``, remembered."""
    return load_gazetteer().by_acronym(text)


@lru_cache(maxsize=4096)
def conferences_at(place: str, year: int) -> tuple[Conference, ...]:
    """``load_gazetteer().at(place, year)``, remembered."""
    return load_gazetteer().at(place, year)


@lru_cache(maxsize=1024)
def conferences_in(year: int, body: str | None = None) -> tuple[Conference, ...]:
    """``load_gazetteer().in_year(year, body)``, remembered."""
    return load_gazetteer().in_year(year, body)


@dataclass(frozen=True)
class Grammar:
    gazetteer: Gazetteer
    lexicon: Lexicon
    label_to_body: dict[str, str]  # folded label -> body notation or "external"
    label_to_sector: dict[str, str]
    label_to_instrument: dict[str, str]
    body_names: str  # alternation of every body and external body label
    sector_names: str
    instrument_names: str  # Constitution / Convention / RR labels
    wsis_names: str
    place_names: str  # alternation of every conference place (any case)
    section_lead: str  # alternation of heading lead words
    trigger: re.Pattern[str]
    anchors: tuple[re.Pattern[bytes], ...]  # lowercase first words of every trigger
    first_words: tuple[str, ...]  # the same, whole first words (short texts)
    before_body: re.Pattern[str]
    before_list: re.Pattern[str]
    after_body: re.Pattern[str]
    pinpoint: re.Pattern[str]
    heading: re.Pattern[str]

    def body_of(self, label: str) -> str | None:
        return self.label_to_body.get(fold(_YEAR_SUFFIX.sub("", label)))

    def sector_of(self, label: str) -> str | None:
        return self.label_to_sector.get(fold(label))

    def instrument_of(self, label: str) -> str | None:
        return self.label_to_instrument.get(fold(label))


_YEAR_SUFFIX: Final = re.compile(r"-\d{2,4}$")
_TRIGGER_WORDS: Final = (
    "resolution",
    "decision",
    "recommendation",
    "opinion",
    "res.",
    "rec.",
    "question",
    "article",
    "action line",
    "no.",
    "nos.",
)
_TRIGGER_LITERALS: Final = ("A/RES/", "ITU-T", "ITU-R", "CCITT", "CCIR", "CS", "CV")


# Trigger words scanned as their shared prefix: one pass over the text, not two
# (each pass costs as much as the other; the trigger expression tells them apart).
_SHARED_PREFIX: Final = {
    "itu-r": "itu-",
    "itu-t": "itu-",
    "ccir": "cci",
    "ccitt": "cci",
}


def _anchors(names: list[str]) -> tuple[re.Pattern[bytes], ...]:
    """Literal patterns that every trigger starts with, lowercase, to scan the
    ASCII-folded lowercase bytes of a text (one byte per character, so offsets
    agree). A literal scan runs at memory speed, where one alternation of
    case-insensitive words would look at every position."""
    words = {w.lower() for w in _TRIGGER_LITERALS if len(w) > 2}
    words |= {w.lower() for w in _TRIGGER_WORDS + tuple(n.split()[0] for n in names)}
    words = {_SHARED_PREFIX.get(w, w) for w in words}
    return tuple(re.compile(re.escape(w.encode("ascii"))) for w in sorted(words))


def _first_words(names: list[str]) -> tuple[str, ...]:
    """The lowercase first word of every trigger ("action", since any space may
    follow it in "action lines"): in an ASCII text, every trigger starts where one
    of them is found in the lowercase text."""
    words = {w.lower() for w in _TRIGGER_LITERALS if len(w) > 2}
    words |= {w.lower().split()[0] for w in _TRIGGER_WORDS + tuple(names)}
    return tuple(sorted(words))


# Short literals scanned in their own case: lowercase "cs" would hit every "ICs".
EXACT_WORDS: Final = tuple(w for w in _TRIGGER_LITERALS if len(w) <= 2)
EXACT_ANCHORS: Final = tuple(re.compile(re.escape(w)) for w in EXACT_WORDS)


@dataclass(frozen=True)
class _Labels:
    """Labels of one kind of name, from label to notation, and as an alternation."""

    notation: dict[str, str]
    names: str
    first: str = ""  # what the first character of a name may be (a lookahead)


def _body_labels(gaz: Gazetteer, lex: Lexicon) -> _Labels:
    """Bodies (ITU conferences and assemblies, the Council, external bodies) and
    the conference acronym prefixes of the gazetteer (WTSC, WATTC, APP …)."""
    label_to_body: dict[str, str] = {}
    acr: list[str] = []
    names: list[str] = []
    for entry in lex.bodies:
        for label in entry.labels:
            label_to_body[fold(label)] = entry.notation
            (acr if _is_acronym(label) else names).append(label)
    for entry in lex.external_bodies:
        for label in entry.labels:
            label_to_body[fold(label)] = "external"
            (acr if _is_acronym(label) else names).append(label)
    for prefix in gaz.acronym_prefixes:
        body = gaz.body_of_prefix(prefix)
        if body and fold(prefix) not in label_to_body:
            label_to_body[fold(prefix)] = body
            acr.append(prefix)
    return _Labels(label_to_body, _names(acr, names), _first(acr, names))


def _first(acronyms: list[str], names: list[str]) -> str:
    """The first characters of the alternation ``_names`` makes: acronyms' in
    their own case, names' in any case."""
    parts = []
    if acronyms:
        parts.append(_first_letters(acronyms))
    if names:
        parts.append(f"(?i:{_first_letters(names)})")
    return "(?:" + "|".join(parts) + ")"


def _sector_labels(lex: Lexicon) -> _Labels:
    label_to_sector: dict[str, str] = {}
    acr: list[str] = []
    names: list[str] = []
    for entry in lex.sectors:
        for label in entry.labels:
            label_to_sector[fold(label)] = entry.notation
            (acr if _is_acronym(label) or "-" in label else names).append(label)
    return _Labels(label_to_sector, _names(acr, names))


def _instrument_labels(lex: Lexicon) -> tuple[_Labels, list[str]]:
    """Constitution, Convention and Radio Regulations labels; and, apart, the
    labels of WSIS documents."""
    label_to_instrument: dict[str, str] = {}
    acr: list[str] = []
    names: list[str] = []
    wsis: list[str] = []
    for entry in lex.instruments:
        for label in entry.labels:
            label_to_instrument[fold(label)] = entry.notation
            if entry.notation.startswith("wsis/"):
                wsis.append(label)
            else:
                (acr if _is_acronym(label) else names).append(label)
    return _Labels(label_to_instrument, _names(acr, names)), wsis


def _trigger(wsis_names: str) -> re.Pattern[str]:
    """The first words of every citation form, one named group per form."""
    return re.compile(
        r"(?P<kw>\b(?i:resolutions?|decisions?|recommendations?|opinions?|res\.|rec\.)"
        r"(?=\s|\d{1,4}\s*\())"
        r"|(?P<ares>\bA/RES/\d)"
        r"|(?P<sec>\b(?:ITU-[TR]|CCITT|CCIR)\s*(?:(?i:recommendations?|rec\.?)\s+)?"
        r"[A-Z]{1,3}\.\d)"
        r"|(?P<q>\b(?i:questions?)\s+(?:ITU-[DTR]\s+)?\d)"
        r"|(?P<cs>\bC[SV]\s?\d)"
        r"|(?P<no>\b(?i:nos?\.)\s*\d)"
        r"|(?P<art>\b(?i:articles?)\s+\d)"
        r"|(?P<al>\b(?i:action\s+lines?)\s+C\d)"
        rf"|(?P<wsis>\b(?:{wsis_names})\b)"
    )


def _before_body(body_names: str, first: str) -> re.Pattern[str]:
    """A body named just before a keyword ("WTSA-16", "the Council, in its",
    "the 2009 World … Policy Forum adopted", "the Plenipotentiary Conference held in
    Busan in 2014, in its")."""
    connector = (
        r"(?:\s*,)?\s*(?:(?:(?i:adopted|approved)\s+)?(?i:at|during)\s+(?i:its)\s+(?P<syear>\d{4})"
        r"\s+(?i:session)\s*,?\s*(?:(?i:adopted|approved)\s+)?|(?:has\s+|had\s+)?(?:adopted|approved|established|revised|endorsed)"
        r"\s+(?:in\s+)?(?:its\s+)?|in\s+adopting\s+|in\s+(?:its\s+)?|by\s+(?:its\s+)?|its\s+"
        r"|through\s+(?:its\s+)?)?(?:the\s+)?"
    )
    return re.compile(
        # the lookahead fails fast where no year or body name starts (the search
        # tries every place of the words before a keyword)
        rf"(?<![\w-])(?=\d|{first})"
        rf"(?:(?P<wyear>\d{{4}})\s+)?(?P<name>{body_names})(?P<acrsfx>-\d{{2,4}})?"
        rf"(?:\s*\((?:(?P<acr>[A-Z]{{2,6}})|[^()\n]{{1,40}}?,?\s*(?P<pyear>\d{{4}}))\))?"
        r"(?:\s*,?\s+(?i:held)\s+(?i:in|at)\s+[^;()\n]{1,60}?(?P<hyear>\d{4}))?"
        rf"{connector}$"
    )


def _before_list(body_names: str, first: str) -> re.Pattern[str]:
    """Words that introduce a list of one body's instruments ("WTSA resolutions,
    in particular", "Resolutions adopted by the Council, including")."""
    kind_words = ["resolutions?", "decisions", "recommendations", "opinions"]
    outcome_words = ["outcomes", "results", "work"]
    kinds = f"(?i:{'|'.join(kind_words)})"
    outcomes = f"(?i:{'|'.join(outcome_words)})"
    leads = f"(?i:{_first_letters(kind_words + outcome_words)})"
    return re.compile(
        rf"(?<![\w-])(?={first}|{leads})(?:(?P<name>{body_names})(?:-\d{{2,4}})?\s+{kinds}"
        rf"|(?:{kinds}\s+(?:(?i:adopted|approved)\s+)?(?i:at|by|of)|{outcomes}\s+(?i:of))"
        rf"\s+(?:(?i:the)\s+)?(?P<name2>{body_names})(?:-\d{{2,4}})?)"
        r"(?:\s*\([A-Z]{2,6}\))?\s*,?\s*"
        r"(?:(?i:particularly|in\s+particular|including|notably|such\s+as|namely|inter\s+alia"
        r"|especially|and)\s*[,:]?\s*)+(?:[\u2022\u00b7]\s*)?(?:(?i:the)\s+)?$"
    )


def _after_body(body_names: str, place_names: str) -> re.Pattern[str]:
    """A body named just after a citation ("of the Plenipotentiary Conference",
    "adopted by WTSA-16", "of the 2006 Antalya Plenipotentiary Conference", "of this
    Conference", "(WTDC)")."""
    return re.compile(
        r"[ \t]*,?\s*(?:"
        r"(?i:of|by|from|adopted\s+by|approved\s+by|established\s+by|issued\s+by)\s+"
        rf"(?:(?i:the|its)\s+)?(?:(?P<wyear>\d{{4}})\s+)?(?:(?P<wplace>{place_names})\s+)?"
        rf"(?:(?P<pyear>\d{{4}})\s+)?(?P<name>{body_names})"
        r"(?P<acrsfx>-\d{2,4})?(?:\s*\((?P<acr>[A-Z][A-Za-z\-]*\d*)\))?"
        r"|(?i:(?:of\s+)?this\s+(?P<self>conference|assembly|forum|council|summit|session))"
        rf"|\((?P<paren>{body_names})(?:-\d{{2,4}})?\)"
        r")"
    )


def _pinpoint(section_lead: str) -> re.Pattern[str]:
    """The part of an instrument cited before it ("resolves 2 of", "§ 15 of the").
    Every alternative holds a digit, ")", "§" or "annex": ``surroundings`` skips
    the windows without one."""
    label = r"(?:[a-z]\)|\d+(?:\.\d+)*(?:\s*[a-z]\))?|[ivx]+\))"
    para = r"\d[\d.]*[a-z]?(?:\s*[a-z]\))?"
    return re.compile(
        r"(?P<pin>"
        rf"(?:(?i:further|also)\s+)?{section_lead}\s+{label}(?:\s*(?:,|and|to)\s*{label})*"
        rf"|§§?\s*{para}(?:\s*(?:,|and|to|-)\s*{para})*"
        r"|(?i:paragraphs?|para\.)\s+\d[\w.]*"
        r"|(?i:annex(?:es)?)\s+(?:[A-Z]|\d+)\b"
        r"|(?i:appendix)\s+\d+"
        r")\s+(?i:of|to|in)\s+(?:(?i:the)\s+)?$"
    )


def _first_letters(labels: list[str]) -> str:
    """A character class of the first characters of ``labels``."""
    firsts = {re.escape(label.strip()[0]) for label in labels}
    return "[" + "".join(sorted(firsts)) + "]"


@lru_cache(maxsize=1)
def load_grammar() -> Grammar:
    gaz = load_gazetteer()
    lex = load_lexicon()
    bodies = _body_labels(gaz, lex)
    sectors = _sector_labels(lex)
    instruments, wsis = _instrument_labels(lex)
    wsis_names = _names([], wsis)
    place_names = f"(?i:{alternation(list(gaz.places), fold=True)})"
    leads = [label for s in lex.sections for label in s.labels]
    section_lead = f"(?i:{alternation(leads, fold=True)})"
    modifiers = ("further", "also", "moreover")
    heading = re.compile(
        # a line whose first letter cannot start a heading fails at the lookahead,
        # before the engine tries each lead word in turn (a quarter of the scan)
        rf"^(?=[ \t>#*_]*(?i:{_first_letters(leads + list(modifiers))}))"
        rf"[ \t>#*_]*(?:(?i:{'|'.join(modifiers)})\s+)?"
        rf"(?:{section_lead})(?![\w-])[^\n]*$",
        re.M,
    )
    return Grammar(
        gazetteer=gaz,
        lexicon=lex,
        label_to_body=bodies.notation,
        label_to_sector=sectors.notation,
        label_to_instrument=instruments.notation,
        body_names=bodies.names,
        sector_names=sectors.names,
        instrument_names=instruments.names,
        wsis_names=wsis_names,
        place_names=place_names,
        section_lead=section_lead,
        trigger=_trigger(wsis_names),
        anchors=_anchors(wsis),
        first_words=_first_words(wsis),
        before_body=_before_body(bodies.names, bodies.first),
        before_list=_before_list(bodies.names, bodies.first),
        after_body=_after_body(bodies.names, place_names),
        pinpoint=_pinpoint(section_lead),
        heading=heading,
    )
