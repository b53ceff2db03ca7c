"""The gazetteer holds every conference of design/conferences.tsv, and answers the
look-ups the extractor relies on."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from itukg.ontology import load_gazetteer, load_lexicon


def test_every_design_conference_is_loaded(shared: Path) -> None:
    rows = list(
        csv.DictReader((shared / "design/conferences.tsv").open(), delimiter="\t")
    )
    loaded = {
        (c.body, c.acronym, c.place, c.year) for c in load_gazetteer().conferences
    }
    expected = {(r["body"], r["acronym"], r["place"], int(r["year"])) for r in rows}
    assert loaded == expected


AT = [
    ("Busan", 2014, {"pp"}),
    ("busan", 2014, {"pp"}),
    ("Hyderabad", 2010, {"wtdc"}),
    ("Dubai", 2012, {"wtsa", "wcit"}),
    ("Florianopolis", 2004, {"wtsa"}),
    ("Sharm el-Sheikh", 2019, {"wrc", "ra"}),
    ("Sharm El Sheikh", 2019, {"wrc", "ra"}),
    ("Geneva", 2022, {"wtsa"}),
    ("Nairobi", 1982, set()),
]


@pytest.mark.parametrize(
    ("place", "year", "bodies"), AT, ids=[f"{a[0]}-{a[1]}" for a in AT]
)
def test_at(place: str, year: int, bodies: set[str]) -> None:
    assert {c.body for c in load_gazetteer().at(place, year)} == bodies


ACRONYMS = [
    ("WRC-03", "wrc", 2003),
    ("WRC-2000", "wrc", 2000),
    ("WTSA-20", "wtsa", 2022),
    ("WTDC-17", "wtdc", 2017),
    ("PP-14", "pp", 2014),
    ("RA-2000", "ra", 2000),
    ("wrc-19", "wrc", 2019),
    ("WRC-2003", "wrc", 2003),
    ("WATTC-88", "wcit", 1988),
]


@pytest.mark.parametrize(
    ("text", "body", "year"), ACRONYMS, ids=[a[0] for a in ACRONYMS]
)
def test_by_acronym(text: str, body: str, year: int) -> None:
    conf = load_gazetteer().by_acronym(text)
    assert conf is not None
    assert (conf.body, conf.year) == (body, year)


def test_unknown_acronym() -> None:
    assert load_gazetteer().by_acronym("Orb-88") is None


def test_lexicon_names_every_body_of_the_contract() -> None:
    lex = load_lexicon()
    assert {b.notation for b in lex.bodies} >= {
        "pp",
        "council",
        "wtdc",
        "wtsa",
        "wrc",
        "ra",
        "wtpf",
        "wcit",
        "unga",
    }
    assert lex.issuers("opinion") == ("wtpf",)
    assert lex.sector_of("wtdc") == "itu-d"
    assert {s.name for s in lex.sections} >= {
        "recalling",
        "considering",
        "resolves",
        "instructs",
    }
