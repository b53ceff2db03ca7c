"""The citation forms of sector Recommendations: "Recommendation ITU-T X.1205",
"ITU-R Recommendations M.1036-6 and M.2012", "Rec. ITU-T D.50 (05/2013)"."""

from __future__ import annotations

import re
from typing import Final

from itukg.ingest.lists import LIST_SEP, crosses_boundary, scan_list
from itukg.ingest.mentions import Mention, Scan
from itukg.ingest.surroundings import pinpoint, sector_token

# A number, not a series or wildcard ("X.8xx-series", "Q.1700.x", "X.500 series",
# "X.800-X.849"), a strategic-plan outcome label ("R.2-a") or a Question ("Q.10/17").
_ITEM: Final = re.compile(
    r"(?:(?:ITU-[TR]|CCITT|CCIR)\s+)?(?P<series>[A-Z]{1,3})\.(?P<n>\d{1,4}(?:\.\d{1,3})*)"
    r"(?:-(?P<r>\d{1,2}))?(?![\w])"
    r"(?!\.[xXn*](?![A-Za-z])|-[A-Za-z](?![A-Za-z])|\s*-?\s*(?i:series)\b"
    r"|\s*-\s*(?P=series)\.\d|/\d)"
)
# A study group Question in ITU-T's short notation: "ITU-T Q.10/17".
_QUESTION: Final = re.compile(
    r"Q\.(?P<q>\d{1,3}[A-Z]?(?:-\d{1,2})?)/(?P<g>\d{1,2})(?![\d/])"
)
# The other number of a dual-numbered Recommendation: "G.8261/Y.1361" and
# "Y.2060/Y.4000" are G.8261 and Y.2060 (but "A.4/A.5/A.6" are three).
_DUAL: Final = re.compile(
    r"/(?:(?:ITU-[TR]|CCITT|CCIR)\s+)?[A-Z]{1,3}\.\d{1,4}(?:\.\d{1,3})*"
    r"(?:-\d{1,2})?(?![\w])"
)
_SEP: Final = re.compile(rf"{LIST_SEP.pattern}|/(?=[A-Z]{{1,3}}\.\d)")
_EDITION: Final = re.compile(r"\s*\((?:\d{2}/)?\d{4}\)")  # "(05/2013)": not a version
_SECTOR: Final = re.compile(r"ITU-[TR]|CCITT|CCIR")
# Sector documents that are not Recommendations: "Report ITU-R M.2410".
_NOT_RECOMMENDATION: Final = re.compile(
    r"(?i:reports?|handbooks?|technical\s+papers?)\s+"
    r"(?:(?:ITU-[RT]\s+)?[A-Z]{1,3}\.\d[\d.\-]*\s*(?:,\s*(?i:and\s+)?|(?i:and|or)\s+))*$"
)
_KEYWORD: Final = re.compile(r"\s*(?:(?i:recommendations?|rec\.?)\s+)?")


class _Rec:
    """One Recommendation of a list (a plain class with Final attributes: see
    mentions.Mention)."""

    def __init__(
        self,
        series: str,
        number: str,
        revision: str | None,
        sector: str | None,  # the sector its own prefix names
    ) -> None:
        self.series: Final = series
        self.number: Final = number
        self.revision: Final = revision
        self.sector: Final = sector


def starts_recommendation(text: str, pos: int, end: int) -> bool:
    """Whether a keyword is followed by a Recommendation number ("X.1205")."""
    return _ITEM.match(text, pos, end) is not None


def _item(text: str, pos: int, end: int) -> tuple[_Rec, int] | None:
    m = _ITEM.match(text, pos, end)
    if m is None:
        return None
    prefix = m.group(0)[: m.start("series") - m.start()]
    rec = _Rec(m.group("series"), m.group("n"), m.group("r"), sector_token(prefix))
    dual = _DUAL.match(text, m.end(), end)
    chained = text[pos - 1 : pos] == "/" or (
        dual is not None and _DUAL.match(text, dual.end(), end) is not None
    )
    last = dual.end() if dual and not chained else m.end()
    edition = _EDITION.match(text, last, end)
    return rec, edition.end() if edition else last


def scan_recommendations(
    scan: Scan, start: int, pos: int, sector: str | None
) -> list[Mention]:
    """A list of Recommendations at ``pos``; an item without its own sector takes
    that of the item before it (or ``sector``, named before the list). An ITU-T
    number with a revision ("T.2-1") is a strategic-plan output label."""
    end = scan.window(pos)
    recs, last = scan_list(
        scan.text, pos, end, lambda p, e: _item(scan.text, p, e), _SEP
    )
    pin, start = pinpoint(scan, start)
    out = []
    for rec in recs:
        sector = rec.sector or sector
        if rec.revision and sector == "itu-t":
            continue  # "ITU-T T.2-1": a strategic-plan output; ITU-T has no revisions
        out.append(
            Mention(
                form="rec",
                kind="rec",
                number=f"{rec.series}.{rec.number}",
                revision=rec.revision,
                sector=sector,
                start=start,
                end=last,
                pinpoint=pin,
            )
        )
    return out


def scan_sector_first(scan: Scan, m: re.Match[str]) -> list[Mention]:
    """Recommendations named sector first: "ITU-T X.1205", "ITU-T Recommendation
    X.1205"; or a Question in short notation: "ITU-T Q.10/17". "Report ITU-R
    M.2410" is no Recommendation."""
    token = _SECTOR.match(m.group(0))
    before = max(scan.floor, m.start() - 300)
    if token is None or _NOT_RECOMMENDATION.search(scan.text, before, m.start()):
        return []
    pos = m.start() + token.end()
    kw = _KEYWORD.match(scan.text, pos)
    after = kw.end() if kw else pos
    if crosses_boundary(scan.text, pos, after):
        return []
    sector = sector_token(token.group(0))
    if q := _QUESTION.match(scan.text, after):
        number = f"{q.group('q')}/{q.group('g')}"
        return [
            Mention("question", "question", number, m.start(), q.end(), sector=sector)
        ]
    return scan_recommendations(scan, m.start(), after, sector)
