"""Instrument keys round-trip: every key of the contract parses, and minting the
parsed parts gives the same key back (cobalt's uri test table)."""

from __future__ import annotations

import pytest

from itukg.ontology import InvalidKey, iri, parse_key, work_of
from itukg.ontology import keys as k

ROUND_TRIP = [
    ("pp/res/130/2014", "instrument", "pp/res/130"),
    ("pp/res/130", "instrument", "pp/res/130"),
    ("wrc/res/646/2003", "instrument", "wrc/res/646"),
    ("wtdc/res/69/2010", "instrument", "wtdc/res/69"),
    ("council/res/1305/2009", "instrument", "council/res/1305"),
    ("council/dec/517/2009", "instrument", "council/dec/517"),
    ("pp/dec/5/2018", "instrument", "pp/dec/5"),
    ("pp/rec/7/2018", "instrument", "pp/rec/7"),
    ("wcit/res/1/2012", "instrument", "wcit/res/1"),
    ("wtpf/opinion/4/2009", "opinion", "wtpf/opinion/4/2009"),
    ("ra/res/1-8", "instrument", "ra/res/1"),
    ("ra/res/44", "instrument", "ra/res/44"),
    ("unga/res/55/63", "unga", "unga/res/55/63"),
    ("unga/res/72/266b", "unga", "unga/res/72/266b"),
    ("unga/res/20/2065", "unga", "unga/res/20/2065"),
    ("itu-t/rec/x.1205", "rec", "itu-t/rec/x.1205"),
    ("itu-t/rec/q.1912.5", "rec", "itu-t/rec/q.1912.5"),
    ("itu-r/rec/m.1036-6", "rec", "itu-r/rec/m.1036"),
    ("itu-r/rec/bt.500", "rec", "itu-r/rec/bt.500"),
    ("itu-d/question/22-1/1", "question", "itu-d/question/22-1/1"),
    ("itu-t/question/6/17", "question", "itu-t/question/6/17"),
    ("itu/constitution/art/52", "provision", "itu/constitution/art/52"),
    ("itu/constitution/no/233", "provision", "itu/constitution/no/233"),
    ("itu/constitution/no/145a", "provision", "itu/constitution/no/145a"),
    ("itu/convention/no/81", "provision", "itu/convention/no/81"),
    ("itu/rr/no/1.170", "provision", "itu/rr/no/1.170"),
    ("itu/rr/art/5", "provision", "itu/rr/art/5"),
    ("wsis/tunis-commitment", "wsis", "wsis/tunis-commitment"),
    ("wsis/geneva-plan-of-action", "wsis", "wsis/geneva-plan-of-action"),
    ("wsis/action-line/c5", "wsis", "wsis/action-line/c5"),
    ("pp/2014/doc/82", "doc", "pp/2014/doc/82"),
    ("pp/2014/doc/82/add/1", "doc", "pp/2014/doc/82/add/1"),
    ("wtdc/2017/doc/45/rev/2", "doc", "wtdc/2017/doc/45/rev/2"),
    ("pp/2018/final-acts", "final-acts", "pp/2018/final-acts"),
    ("doc/radio-regulations-2012", "file", "doc/radio-regulations-2012"),
]


@pytest.mark.parametrize(
    ("key", "scheme", "work"), ROUND_TRIP, ids=[r[0] for r in ROUND_TRIP]
)
def test_round_trip(key: str, scheme: str, work: str) -> None:
    parsed = parse_key(key)
    assert str(parsed) == key
    assert parse_key(str(parsed)) == parsed
    assert parsed.scheme == scheme
    assert work_of(key) == work


INVALID = [
    "PP/res/130/2014",
    "pp/res/130/14",
    "pp/resolution/130",
    "xx/res/1",
    "ra/res/1/2015",
    "unga/res/55",
    "itu-x/rec/x.1",
    "itu/constitution/art",
    "wsis/tunis",
    "",
    "pp/res/",
    "pp/res/130/2014/",
    "doc/a b",
]


@pytest.mark.parametrize("text", INVALID)
def test_invalid_keys_are_refused(text: str) -> None:
    with pytest.raises(InvalidKey):
        parse_key(text)


MINTED = [
    (k.conference_instrument("pp", "res", "130", 2014), "pp/res/130/2014"),
    (k.conference_instrument("council", "dec", "517", None), "council/dec/517"),
    (k.conference_instrument("wtpf", "opinion", "4", 2009), "wtpf/opinion/4/2009"),
    (k.ra_resolution("7", "3"), "ra/res/7-3"),
    (k.unga_resolution(72, 266, "B"), "unga/res/72/266b"),
    (k.recommendation("itu-r", "M", "2083", "0"), "itu-r/rec/m.2083-0"),
    (k.recommendation("itu-t", "D", "50", None), "itu-t/rec/d.50"),
    (k.question("itu-d", "22-1", "1"), "itu-d/question/22-1/1"),
    (k.provision("constitution", "no", "233"), "itu/constitution/no/233"),
    (k.document("pp", 2014, "82"), "pp/2014/doc/82"),
    (k.document("pp", 2022, "61", addendum="2"), "pp/2022/doc/61/add/2"),
    (k.final_acts("pp", 2018), "pp/2018/final-acts"),
    (k.file_key("Radio Regulations 2012"), "doc/radio-regulations-2012"),
]


@pytest.mark.parametrize(("key", "text"), MINTED, ids=[m[1] for m in MINTED])
def test_minting(key: k.Key, text: str) -> None:
    assert str(key) == text
    assert parse_key(text) == key


IRIS = [
    (iri.key_iri("pp/res/130/2014"), "https://w3id.org/itukg/pp/res/130/2014"),
    (iri.graph_iri("derived"), "https://w3id.org/itukg/graph/derived"),
    (iri.citation_iri("ab12"), "https://w3id.org/itukg/citation/ab12"),
    (
        iri.proposal_iri("pp/2014/doc/82", "INS-82-1"),
        "https://w3id.org/itukg/pp/2014/doc/82/proposal/INS-82-1",
    ),
    (iri.conference_iri("wtdc", 2010), "https://w3id.org/itukg/wtdc/2010"),
    (iri.agent_iri("0.1.0"), "https://w3id.org/itukg/agent/itukg-0.1.0"),
    (
        iri.run_iri("0123456789abcdef0123"),
        "https://w3id.org/itukg/run/0123456789abcdef",
    ),
    (
        iri.key_iri("unga/res/55/63", "http://example.org/x/"),
        "http://example.org/x/unga/res/55/63",
    ),
]


@pytest.mark.parametrize(("minted", "expected"), IRIS, ids=[e for _, e in IRIS])
def test_iris(minted: str, expected: str) -> None:
    assert minted == expected


def test_iri_round_trip() -> None:
    assert iri.key_of(iri.key_iri("pp/res/130/2014")) == "pp/res/130/2014"
    assert iri.key_of(
        "http://example.org/x/unga/res/55/63", "http://example.org/x/"
    ) == ("unga/res/55/63")
    with pytest.raises(InvalidKey):
        iri.key_of("http://example.org/pp/res/130")
