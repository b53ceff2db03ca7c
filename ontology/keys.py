"""Instrument keys (design/contract.md section 1): the only place they are minted,
parsed and turned into IRIs.

A key is a lowercase path such as ``pp/res/130/2014`` or ``unga/res/55/63``.
``Key`` holds its parts; ``str(key)`` mints the path and ``parse_key`` reads it
back, so ``parse_key(str(k)) == k`` for every key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from itukg.ontology.errors import InvalidKey
from itukg.ontology.quick import quick

CONFERENCE_BODIES = ("pp", "council", "wtdc", "wtsa", "wrc", "ra", "wtpf", "wcit")
SECTORS = ("itu-t", "itu-r", "itu-d")

_B = "|".join(CONFERENCE_BODIES)
_NUM = r"[0-9a-z][0-9a-z.\-]*"

# scheme -> (pattern, template). Templates use the Key's field names.
_SCHEMES: dict[str, tuple[str, str]] = {
    "instrument": (
        rf"(?P<body>{_B})/(?P<kind>res|dec|rec)/(?P<number>{_NUM})(?:/(?P<version>\d{{4}}))?",
        "{body}/{kind}/{number}",
    ),
    "opinion": (
        r"(?P<body>wtpf)/(?P<kind>opinion)/(?P<number>\d+[a-z]?)/(?P<version>\d{4})",
        "{body}/{kind}/{number}",
    ),
    "unga": (
        r"(?P<body>unga)/(?P<kind>res)/(?P<number>\d{1,3}/\d{1,4}[a-z]?)",
        "{body}/{kind}/{number}",
    ),
    "rec": (
        r"(?P<body>itu-t|itu-r)/(?P<kind>rec)/(?P<number>[a-z]{1,4}\.\d+(?:\.\d+)*)"
        r"(?:-(?P<version>\d+))?",
        "{body}/{kind}/{number}",
    ),
    "question": (
        r"(?P<body>itu-t|itu-r|itu-d)/(?P<kind>question)/(?P<number>\d+[a-z]?(?:-\d+)?/\d+)",
        "{body}/{kind}/{number}",
    ),
    "provision": (
        r"(?P<body>itu)/(?P<kind>(?:constitution|convention|rr)/(?:art|no))"
        r"/(?P<number>\d+[a-z]*(?:\.\d+[a-z]*)*)",
        "{body}/{kind}/{number}",
    ),
    "wsis": (
        r"(?P<body>wsis)/(?P<kind>geneva-declaration|geneva-plan-of-action|tunis-commitment"
        r"|tunis-agenda|action-line)(?:/(?P<number>c\d{1,2}))?",
        "{body}/{kind}",
    ),
    "doc": (
        rf"(?P<body>{_B}|wsis)/(?P<year>\d{{4}})/(?P<kind>doc)/(?P<number>\d+[a-z]?"
        r"(?:/(?:add|rev)/\d+)*)",
        "{body}/{year}/{kind}/{number}",
    ),
    "final-acts": (
        rf"(?P<body>{_B}|wsis)/(?P<year>\d{{4}})/(?P<kind>final-acts)",
        "{body}/{year}/{kind}",
    ),
    "file": (r"(?P<body>doc)/(?P<number>[^/\s]+)", "{body}/{number}"),
}
_COMPILED = {s: re.compile(p, re.ASCII) for s, (p, _) in _SCHEMES.items()}


@quick
@dataclass(frozen=True)
class Key:
    """The parts of an instrument key. ``version`` is a year (conference instruments),
    a revision number (``ra/res/1-8``, ``itu-r/rec/m.1036-6``) or None."""

    scheme: str
    body: str
    kind: str = ""
    number: str = ""
    version: str | None = None
    year: str | None = None

    def __str__(self) -> str:
        path = _SCHEMES[self.scheme][1].format(
            body=self.body, kind=self.kind, number=self.number, year=self.year
        )
        if self.scheme == "wsis" and self.number:
            path += "/" + self.number
        if self.version is None:
            return path
        sep = "-" if self.scheme in ("rec",) or self.body == "ra" else "/"
        return f"{path}{sep}{self.version}"

    @property
    def work(self) -> Key:
        """The key without its version (the work a version realizes). A WTPF
        opinion is its own work: numbers restart at each forum."""
        if self.scheme == "opinion":
            return self
        return replace(self, version=None)

    @property
    def is_version(self) -> bool:
        return self.version is not None


@lru_cache(maxsize=8192)
def parse_key(text: str) -> Key:
    """Read a key; raise InvalidKey when it is not of a form of the contract."""
    for scheme, pattern in _COMPILED.items():
        m = pattern.fullmatch(text)
        if m is None:
            continue
        parts = {k: v for k, v in m.groupdict().items() if v is not None}
        if scheme == "instrument" and parts["body"] == "ra":
            return _parse_ra(text, parts)
        key = Key(scheme=scheme, **parts)
        if str(key) == text:
            return key
    raise InvalidKey(f"not an instrument key: {text!r}")


def _parse_ra(text: str, parts: dict[str, str]) -> Key:
    if "version" in parts or parts["kind"] != "res":
        raise InvalidKey(f"not an instrument key: {text!r}")
    number, _, rev = parts["number"].partition("-")
    if not number.isdigit() or (rev and not rev.isdigit()):
        raise InvalidKey(f"not an instrument key: {text!r}")
    return Key(
        scheme="instrument", body="ra", kind="res", number=number, version=rev or None
    )


@lru_cache(maxsize=8192)
def work_of(text: str) -> str:
    """The work key of a key (itself when it has no version)."""
    return str(parse_key(text).work)


def conference_instrument(body: str, kind: str, number: str, year: int | None) -> Key:
    """``{body}/{kind}/{n}[/{year}]``; WTPF opinions are ``wtpf/opinion/{n}/{year}``."""
    version = None if year is None else str(year)
    scheme = "opinion" if kind == "opinion" else "instrument"
    return Key(
        scheme=scheme, body=body, kind=kind, number=number.lower(), version=version
    )


def ra_resolution(number: str, revision: str | None) -> Key:
    return Key(
        scheme="instrument", body="ra", kind="res", number=number, version=revision
    )


def unga_resolution(session: int, number: int, letter: str = "") -> Key:
    return Key(
        scheme="unga",
        body="unga",
        kind="res",
        number=f"{session}/{number}{letter.lower()}",
    )


def recommendation(sector: str, series: str, number: str, revision: str | None) -> Key:
    version = revision if sector == "itu-r" else None
    return Key(
        scheme="rec",
        body=sector,
        kind="rec",
        number=f"{series}.{number}".lower(),
        version=version,
    )


def question(sector: str, number: str, group: str) -> Key:
    return Key(
        scheme="question",
        body=sector,
        kind="question",
        number=f"{number}/{group}".lower(),
    )


def provision(instrument: str, unit: str, number: str) -> Key:
    """``instrument``: constitution, convention or rr; ``unit``: art or no."""
    return Key(
        scheme="provision",
        body="itu",
        kind=f"{instrument}/{unit}",
        number=number.lower(),
    )


def named(path: str) -> Key:
    """A named instrument such as ``wsis/tunis-agenda`` or ``wsis/action-line/c5``."""
    return parse_key(path)


def document(
    body: str,
    year: int,
    number: str,
    addendum: str | None = None,
    revision: str | None = None,
) -> Key:
    n = number.lower()
    if addendum:
        n += f"/add/{addendum}"
    if revision:
        n += f"/rev/{revision}"
    return Key(scheme="doc", body=body, kind="doc", number=n, year=str(year))


def final_acts(body: str, year: int) -> Key:
    return Key(scheme="final-acts", body=body, kind="final-acts", year=str(year))


def file_key(stem: str) -> Key:
    cleaned = re.sub(r"\s+", "-", stem.strip().lower()) or "unnamed"
    return Key(scheme="file", body="doc", number=cleaned.replace("/", "-"))
