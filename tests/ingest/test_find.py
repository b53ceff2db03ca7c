# ruff: noqa: E501
# (the tables keep one row per line)
"""Citation forms → instrument keys (design/contract.md, section 1).

Each row is ``(id, text, expected)``: ``expected`` lists the targets of the
current-view citation records of ``text``, in order of appearance, with ``None`` for a
citation whose target is ambiguous. A plain row is a whole file (``case.txt``, no
header, so its doc key is ``doc/case``); rows that need an instrument around them
("of this Conference", self-mentions) are built with ``tests.ingest.factories``.
"""

from __future__ import annotations

from typing import Any

import pytest

from itukg.ingest import extract_text
from tests.ingest.factories import in_resolution, resolution

Row = tuple[str, str, list[str | None]]


def current_citations(text: str) -> list[Any]:
    records = extract_text(text, name="case.txt")
    found = [r for r in records if r.type == "citation" and r.view == "current"]
    return sorted(found, key=lambda r: r.start)


# ---------------------------------------------------------------- Plenipotentiary Conference
PP: list[Row] = [
    (
        "pp-rev",
        "in accordance with Resolution 130 (Rev. Busan, 2014), Member States",
        ["pp/res/130/2014"],
    ),
    (
        "pp-rev-with-body",
        "the scope of Resolution 130 (Rev. Antalya, 2006) of the Plenipotentiary Conference;",
        ["pp/res/130/2006"],
    ),
    (
        "pp-first-version",
        "the modification of Resolution 182 (Guadalajara, 2010) on climate change;",
        ["pp/res/182/2010"],
    ),
    (
        "pp-minneapolis-with-body",
        "in accordance with Resolution 100 (Minneapolis, 1998) of the Plenipotentiary Conference,",
        ["pp/res/100/1998"],
    ),
    (
        "pp-dubai-2018",
        "the strategic plan in Resolution 71 (Rev. Dubai, 2018);",
        ["pp/res/71/2018"],
    ),
    (
        "pp-bucharest",
        "under Resolution 2 (Rev. Bucharest, 2022), the forum",
        ["pp/res/2/2022"],
    ),
    (
        "pp-marrakesh",
        "as stated in Resolution 25 (Rev. Marrakesh, 2002);",
        ["pp/res/25/2002"],
    ),
    (
        "pp-kyoto-body-before-place",
        "the text of resolution 36 of the Plenipotentiary Conference (Kyoto, 1994),",
        ["pp/res/36/1994"],
    ),
    ("pp-nice", "adopted as Resolution 1 (Nice, 1989), the text", ["pp/res/1/1989"]),
    (
        "pp-app-geneva-1992",
        "under Resolution 2 (Geneva, 1992), the Union",
        ["pp/res/2/1992"],
    ),
    (
        "pp-doha-2026",
        "pursuant to Resolution 71 (Rev. Doha, 2026), the plan",
        ["pp/res/71/2026"],
    ),
    (
        "pp-acronym-before",
        "the PP Resolution 71 (Rev. Busan, 2014) on the strategic plan",
        ["pp/res/71/2014"],
    ),
    (
        "pp-body-words-no-year",
        "the plan set by Resolution 71 of the Plenipotentiary Conference,",
        ["pp/res/71"],
    ),
    (
        "pp-list-three-one-rev",
        "Resolutions 101, 102 and 133 (Rev. Guadalajara, 2010);",
        ["pp/res/101/2010", "pp/res/102/2010", "pp/res/133/2010"],
    ),
    (
        "pp-list-two-with-body",
        "Resolutions 130 and 174 (Rev. Busan, 2014) of the Plenipotentiary Conference;",
        ["pp/res/130/2014", "pp/res/174/2014"],
    ),
    (
        "pp-two-full-citations",
        "in Resolution 177 (Rev. Busan, 2014) and Resolution 200 (Busan, 2014);",
        ["pp/res/177/2014", "pp/res/200/2014"],
    ),
    (
        "pp-and-wtdc-with-bodies",
        "Resolution 139 (Rev. Dubai, 2018) of the Plenipotentiary Conference and Resolution 37 (Rev. Buenos Aires, 2017) of the World Telecommunication Development Conference;",
        ["pp/res/139/2018", "wtdc/res/37/2017"],
    ),
    (
        "pp-then-strategic-plan-years",
        "consistent with Resolution 71 (Rev. Guadalajara, 2010), on the strategic plan for the Union for 2012-2015,",
        ["pp/res/71/2010"],
    ),
    (
        "pp-seed-cover",
        "the relevant existing Resolutions, Resolution 130 (Rev. Guadalajara, 2010) on Strengthening the role of ITU and Resolution 181 (Guadalajara, 2010) on Definitions and terminology, as well as UN General Assembly Resolution no. 55/63 on Combating the criminal misuse of information technologies,",
        ["pp/res/130/2010", "pp/res/181/2010", "unga/res/55/63"],
    ),
    (
        "pp-seed-bold",
        "and hence, suppression of Resolution **163 (Guadalajara, 2010)**.",
        ["pp/res/163/2010"],
    ),
]

# ---------------------------------------------------------------- "of this Conference / Assembly"
THIS_CONFERENCE: list[Row] = [
    (
        "this-conference-pp",
        in_resolution("Resolution 71 (Rev. Guadalajara, 2010) of this Conference;"),
        ["pp/res/71/2010"],
    ),
    (
        "this-conference-pp-lowercase",
        in_resolution(
            "consistent with Resolution 71 (Rev. Guadalajara, 2010) of this conference, on the strategic plan;"
        ),
        ["pp/res/71/2010"],
    ),
    (
        "this-conference-pp-decision",
        in_resolution("Decision 5 (Rev. Guadalajara, 2010) of this Conference;"),
        ["pp/dec/5/2010"],
    ),
    (
        "this-conference-wtdc",
        in_resolution(
            "Resolution 37 (Rev. Hyderabad, 2010) of this Conference;", body="wtdc"
        ),
        ["wtdc/res/37/2010"],
    ),
    (
        "this-conference-wrc",
        in_resolution("Resolution 646 (Rev.WRC-12) of this Conference;", body="wrc"),
        ["wrc/res/646/2012"],
    ),
    (
        "this-assembly-wtsa",
        in_resolution(
            "Resolution 50 (Rev. Johannesburg, 2008) of this Assembly;", body="wtsa"
        ),
        ["wtsa/res/50/2008"],
    ),
    (
        "this-assembly-decides-dubai-2012",
        in_resolution("Resolution 64 (Dubai, 2012) of this Assembly;", body="wtsa"),
        ["wtsa/res/64/2012"],
    ),
    (
        "header-and-preamble-not-cited",
        in_resolution("Resolution 69 (Hyderabad, 2010);"),
        ["wtdc/res/69/2010"],
    ),
    (
        "earlier-version-inside-revision",
        in_resolution(
            "Resolution 130 (Rev. Antalya, 2006) of the Plenipotentiary Conference;",
            number=130,
        ),
        ["pp/res/130/2006"],
    ),
]

# ---------------------------------------------------------------- decisions and recommendations of conferences
DECISIONS: list[Row] = [
    ("pp-decision", "the budget in Decision 5 (Rev. Dubai, 2018);", ["pp/dec/5/2018"]),
    (
        "pp-decision-with-body",
        "Decision 11 (Rev. Busan, 2014) of the Plenipotentiary Conference;",
        ["pp/dec/11/2014"],
    ),
    (
        "pp-decisions-list",
        "Decisions 5 and 11 (Rev. Dubai, 2018);",
        ["pp/dec/5/2018", "pp/dec/11/2018"],
    ),
    (
        "pp-recommendation",
        "in line with Recommendation 7 (Rev. Busan, 2014);",
        ["pp/rec/7/2014"],
    ),
    (
        "wtdc-recommendation",
        "Recommendation 1 (Rev. Dubai, 2014) of the World Telecommunication Development Conference;",
        ["wtdc/rec/1/2014"],
    ),
    (
        "wrc-recommendation",
        "administrations should apply Recommendation 7 (Rev.WRC-97);",
        ["wrc/rec/7/1997"],
    ),
]

# ---------------------------------------------------------------- WTDC
WTDC: list[Row] = [
    (
        "wtdc-place-year",
        "the teams of Resolution 69 (Hyderabad, 2010), particularly",
        ["wtdc/res/69/2010"],
    ),
    (
        "wtdc-with-body-and-acronym",
        "Resolution 69 (Hyderabad, 2010) of the World Telecommunication Development Conference (WTDC), on the creation of national CIRTs;",
        ["wtdc/res/69/2010"],
    ),
    (
        "wtdc-seed-rev-with-body",
        "Resolution 66 (Rev. Dubai, 2014) of the World Telecommunication Development Conference (WTDC), on ICT and climate change;",
        ["wtdc/res/66/2014"],
    ),
    (
        "wtdc-of-acronym",
        "Resolution 54 (Rev. Dubai, 2014) of WTDC, on ICT applications;",
        ["wtdc/res/54/2014"],
    ),
    (
        "wtdc-acronym-before",
        "the WTDC Resolution 37 (Rev. Dubai, 2014) on the digital divide",
        ["wtdc/res/37/2014"],
    ),
    (
        "wtdc-buenos-aires-2017",
        "under Resolution 37 (Rev. Buenos Aires, 2017), the Bureau",
        ["wtdc/res/37/2017"],
    ),
    (
        "wtdc-buenos-aires-1994-words",
        "and resolution 7 of the World Telecommunication Development Conference (Buenos Aires, 1994),",
        ["wtdc/res/7/1994"],
    ),
    (
        "wtdc-valletta",
        "as provided by Resolution 19 (Valletta, 1998), the Bureau",
        ["wtdc/res/19/1998"],
    ),
    (
        "wtdc-istanbul-2002",
        "as in Resolution 30 (Rev. Istanbul, 2002);",
        ["wtdc/res/30/2002"],
    ),
    (
        "wtdc-doha-2006",
        "following Resolution 2 (Doha, 2006), the study groups",
        ["wtdc/res/2/2006"],
    ),
    (
        "wtdc-kigali",
        "as revised in Resolution 1 (Rev. Kigali, 2022);",
        ["wtdc/res/1/2022"],
    ),
    (
        "wtdc-baku",
        "as revised in Resolution 37 (Rev. Baku, 2025);",
        ["wtdc/res/37/2025"],
    ),
    (
        "wtdc-acronym-in-parens",
        "the mandate of Resolution 37 (WTDC-17), the Bureau",
        ["wtdc/res/37/2017"],
    ),
    (
        "wtdc-body-words-no-year",
        "the rules in Resolution 9 of the World Telecommunication Development Conference,",
        ["wtdc/res/9"],
    ),
    (
        "wtdc-repeated",
        "Resolution 69 (Hyderabad, 2010) and, once more, Resolution 69 (Hyderabad, 2010),",
        ["wtdc/res/69/2010", "wtdc/res/69/2010"],
    ),
    (
        "wtdc-list-two-places",
        "in accordance with Resolutions 45 (Rev. Hyderabad, 2010) and 69 (Hyderabad, 2010);",
        ["wtdc/res/45/2010", "wtdc/res/69/2010"],
    ),
    (
        "wtdc-seed-adopted-by",
        "the World Telecommunication Standardization Assembly (WTSA) adopted Resolution 58 (Johannesburg, 2008), on encouraging the creation of national CIRTs; and WTDC-10 adopted Resolution 69 (Hyderabad, 2010), on the creation of national CIRTs;",
        ["wtsa/res/58/2008", "wtdc/res/69/2010"],
    ),
]

# ---------------------------------------------------------------- WTSA
WTSA: list[Row] = [
    (
        "wtsa-with-body",
        "Resolution 73 (Johannesburg, 2008) of the World Telecommunication Standardization Assembly, on ICTs and climate change;",
        ["wtsa/res/73/2008"],
    ),
    (
        "wtsa-place-year",
        "in accordance with Resolution 58 (Johannesburg, 2008);",
        ["wtsa/res/58/2008"],
    ),
    (
        "wtsa-list-two-then-one",
        "the work of the ITU established by Resolutions 50 and 52 (Rev. Johannesburg, 2008) and 58 (Johannesburg, 2008);",
        ["wtsa/res/50/2008", "wtsa/res/52/2008", "wtsa/res/58/2008"],
    ),
    (
        "wtsa-hammamet",
        "the procedures of Resolution 1 (Rev. Hammamet, 2016), the study groups",
        ["wtsa/res/1/2016"],
    ),
    (
        "wtsa-20-held-2022",
        "the procedures of Resolution 2 (Rev. Geneva, 2022), the study groups",
        ["wtsa/res/2/2022"],
    ),
    (
        "wtsa-20-acronym",
        "as set out in Resolution 76 (Rev. WTSA-20), the Bureau",
        ["wtsa/res/76/2022"],
    ),
    (
        "wtsa-new-delhi",
        "as set out in Resolution 1 (Rev. New Delhi, 2024), the Bureau",
        ["wtsa/res/1/2024"],
    ),
    (
        "wtsa-florianopolis",
        "as set out in Resolution 1 (Rev. Florianópolis, 2004), the Bureau",
        ["wtsa/res/1/2004"],
    ),
    (
        "wtsa-montreal",
        "as set out in Resolution 7 (Montreal, 2000), the Bureau",
        ["wtsa/res/7/2000"],
    ),
    (
        "wtsc-helsinki",
        "as set out in Resolution 1 (Helsinki, 1993), the Bureau",
        ["wtsa/res/1/1993"],
    ),
    (
        "wtsa-body-words-no-year",
        "approved under Resolution 1 of the World Telecommunication Standardization Assembly (WTSA), the procedure",
        ["wtsa/res/1"],
    ),
    (
        "wtsa-acronym-before-list",
        "the rules of WTSA Resolutions 1 and 2 apply",
        ["wtsa/res/1", "wtsa/res/2"],
    ),
    (
        "wtsa-of-acronym",
        "the work under Resolution 18 (Rev. Geneva, 2022) of WTSA, the groups",
        ["wtsa/res/18/2022"],
    ),
    (
        "wtsa-seed-notably",
        "the relevant outcomes of WTSA-08, notably:\n - i) Resolution 50 (Rev. Johannesburg, 2008), on cybersecurity;\n - ii) Resolution 52 (Rev. Johannesburg, 2008), on countering and combating spam;",
        ["wtsa/res/50/2008", "wtsa/res/52/2008"],
    ),
    (
        "wtsa-and-wtdc-seed",
        "in accordance with Resolutions 50 and 52 (Rev. Johannesburg, 2008) and Resolutions 45 (Rev. Hyderabad, 2010) and 69 (Hyderabad, 2010);",
        [
            "wtsa/res/50/2008",
            "wtsa/res/52/2008",
            "wtdc/res/45/2010",
            "wtdc/res/69/2010",
        ],
    ),
]

# ---------------------------------------------------------------- WRC
WRC: list[Row] = [
    (
        "wrc-acronym",
        "such as Resolution 646 (WRC-03), on public protection",
        ["wrc/res/646/2003"],
    ),
    (
        "wrc-rev-space",
        "Resolution 644 (Rev. WRC-07), on radiocommunication resources",
        ["wrc/res/644/2007"],
    ),
    (
        "wrc-rev-no-space",
        "as stated in Resolution 49 (Rev.WRC-15), the Bureau",
        ["wrc/res/49/2015"],
    ),
    (
        "wrc-07",
        "or Resolution 673 (WRC-07), on the use of radiocommunication for Earth observation",
        ["wrc/res/673/2007"],
    ),
    ("wrc-12", "footnote: Resolution 612 (Rev.WRC-12) applies.", ["wrc/res/612/2012"]),
    ("wrc-shall-apply", "Resolution 743 (WRC-03) shall apply.", ["wrc/res/743/2003"]),
    (
        "wrc-23",
        "in accordance with Resolution 18 (Rev.WRC-23), administrations",
        ["wrc/res/18/2023"],
    ),
    (
        "wrc-19",
        "in accordance with Resolution 95 (Rev.WRC-19), administrations",
        ["wrc/res/95/2019"],
    ),
    (
        "wrc-2000",
        "in accordance with Resolution 80 (Rev.WRC-2000), administrations",
        ["wrc/res/80/2000"],
    ),
    (
        "wrc-97",
        "in accordance with Resolution 27 (Rev.WRC-97), administrations",
        ["wrc/res/27/1997"],
    ),
    (
        "wrc-95",
        "in accordance with Resolution 18 (WRC-95), administrations",
        ["wrc/res/18/1995"],
    ),
    (
        "wrc-list-each-conference",
        "Resolutions 644 (Rev.WRC-07) and 646 (WRC-03) apply",
        ["wrc/res/644/2007", "wrc/res/646/2003"],
    ),
    (
        "wrc-list-same-conference",
        "Resolutions 646 (Rev.WRC-15) and 647 (Rev.WRC-15) apply",
        ["wrc/res/646/2015", "wrc/res/647/2015"],
    ),
    (
        "wrc-words-decide-geneva-1997",
        "and resolution 644 of the World Radiocommunication Conference (Geneva, 1997),",
        ["wrc/res/644/1997"],
    ),
    (
        "wrc-body-words-no-year",
        "the plan in Resolution 646 of the World Radiocommunication Conference,",
        ["wrc/res/646"],
    ),
    (
        "wrc-seed-three",
        "relevant resolutions of world radiocommunication conferences and radiocommunication assemblies, such as Resolution 646 (WRC-03), on public protection and disaster relief; Resolution 644 (Rev. WRC-07), on radiocommunication resources for early warning; or Resolution 673 (WRC-07), on the use of radiocommunication for Earth observation, in collaboration with the World Meteorological Organization (WMO);",
        ["wrc/res/646/2003", "wrc/res/644/2007", "wrc/res/673/2007"],
    ),
]

# ---------------------------------------------------------------- Radiocommunication Assembly
RA: list[Row] = [
    ("ra-with-rev", "the methods of Resolution ITU-R 54-3 apply", ["ra/res/54-3"]),
    ("ra-without-rev", "the terms of Resolution ITU-R 44 apply", ["ra/res/44"]),
    (
        "ra-1-8",
        "the working methods in Resolution ITU-R 1-8, the groups",
        ["ra/res/1-8"],
    ),
    ("ra-23-1", "as required by Resolution ITU-R 23-1, the Bureau", ["ra/res/23-1"]),
    (
        "ra-assembly-in-parens",
        "the terms of Resolution ITU-R 44 (RA-2000) apply",
        ["ra/res/44"],
    ),
    (
        "ra-list",
        "the working methods in Resolutions ITU-R 1-8 and 2-8 apply",
        ["ra/res/1-8", "ra/res/2-8"],
    ),
    (
        "ra-body-words",
        "the terms of Resolution 44 of the Radiocommunication Assembly apply",
        ["ra/res/44"],
    ),
    (
        "ra-with-rev-and-body",
        "Resolution ITU-R 1-8 of the Radiocommunication Assembly applies",
        ["ra/res/1-8"],
    ),
]

# ---------------------------------------------------------------- Council
COUNCIL: list[Row] = [
    (
        "council-last-modified",
        "in line with Council Resolution 1106 (1996, last modified 2001), the fees",
        ["council/res/1106/2001"],
    ),
    (
        "council-rev-year",
        "in line with Council Resolution 1306 (Rev. 2015), the plan",
        ["council/res/1306/2015"],
    ),
    (
        "council-adopted-at-session",
        "Resolution 1143 adopted by the ITU Council at its 1999 session",
        ["council/res/1143/1999"],
    ),
    (
        "council-seed-1307",
        "Resolution 1307 adopted by the ITU Council at its 2009 session, on ICTs and climate change,",
        ["council/res/1307/2009"],
    ),
    (
        "council-seed-1305",
        "that ITU Council Resolution 1305, adopted at its 2009 session, identified the security",
        ["council/res/1305/2009"],
    ),
    (
        "council-year-in-parens",
        "in line with Council Resolution 1305 (2009), the Internet",
        ["council/res/1305/2009"],
    ),
    (
        "council-year-body-after",
        "Resolution 1305 (2009) of the Council applies",
        ["council/res/1305/2009"],
    ),
    (
        "council-no-year",
        "in line with Council Resolution 1305 on the Internet",
        ["council/res/1305"],
    ),
    (
        "council-no-year-itu",
        "the ITU Council Resolution 1305 on the Internet",
        ["council/res/1305"],
    ),
    (
        "council-body-after-no-year",
        "the rules of Resolution 1305 of the Council apply",
        ["council/res/1305"],
    ),
    (
        "council-administrative",
        "the rules of Resolution 895 of the Administrative Council apply",
        ["council/res/895"],
    ),
    (
        "council-list-no-year",
        "the Council Resolutions 1305 and 1336 apply",
        ["council/res/1305", "council/res/1336"],
    ),
    (
        "council-decision-year",
        "in line with Council Decision 517 (2009), the fees",
        ["council/dec/517/2009"],
    ),
    (
        "council-decision-adopted-at-session",
        "Decision 517 adopted by the Council at its 2009 session",
        ["council/dec/517/2009"],
    ),
    (
        "council-decision-no-year",
        "in line with Council Decision 517, the fees",
        ["council/dec/517"],
    ),
]

# ---------------------------------------------------------------- WTPF opinions
WTPF: list[Row] = [
    (
        "wtpf-place-year",
        "and Opinion 4 (Lisbon, 2009), on collaborative strategies",
        ["wtpf/opinion/4/2009"],
    ),
    (
        "wtpf-with-body",
        "Opinion 4 (Lisbon, 2009) of the World Telecommunication Policy Forum, on collaborative strategies;",
        ["wtpf/opinion/4/2009"],
    ),
    (
        "wtpf-year-before-body",
        "Opinion 3 of the 2009 World Telecommunication Policy Forum, on (ICT and the environment), which recognizes",
        ["wtpf/opinion/3/2009"],
    ),
    (
        "wtpf-range",
        "the outcome in Opinions 1 to 3 (Geneva, 2013), the Union",
        ["wtpf/opinion/1/2013", "wtpf/opinion/2/2013", "wtpf/opinion/3/2013"],
    ),
    (
        "wtpf-range-with-body",
        "Opinions 1 to 6 of the World Telecommunication/ICT Policy Forum (Geneva, 2013) ask",
        [
            "wtpf/opinion/1/2013",
            "wtpf/opinion/2/2013",
            "wtpf/opinion/3/2013",
            "wtpf/opinion/4/2013",
            "wtpf/opinion/5/2013",
            "wtpf/opinion/6/2013",
        ],
    ),
    (
        "wtpf-list",
        "the outcome in Opinions 1 and 2 (Lisbon, 2009), the Union",
        ["wtpf/opinion/1/2009", "wtpf/opinion/2/2009"],
    ),
    (
        "wtpf-acronym",
        "the outcome in Opinion 2 of WTPF-13, the Union",
        ["wtpf/opinion/2/2013"],
    ),
    (
        "wtpf-2021-with-body",
        "Opinion 1 of the World Telecommunication/ICT Policy Forum (Geneva, 2021) asks",
        ["wtpf/opinion/1/2021"],
    ),
    (
        "wtpf-geneva-2013",
        "the outcome in Opinion 6 (Geneva, 2013), the Union",
        ["wtpf/opinion/6/2013"],
    ),
]

# ---------------------------------------------------------------- WCIT / WATTC
WCIT: list[Row] = [
    (
        "wcit-melbourne",
        "as in Resolution 2 (Melbourne, 1988), the Regulations",
        ["wcit/res/2/1988"],
    ),
    (
        "wcit-melbourne-no",
        "as in Resolution No. 2 (Melbourne, 1988), the Regulations",
        ["wcit/res/2/1988"],
    ),
    (
        "wcit-acronym-decides",
        "Resolution 5 (Dubai, 2012) of WCIT on special measures",
        ["wcit/res/5/2012"],
    ),
    (
        "wcit-name-decides",
        "Resolution 5 (Dubai, 2012) of the World Conference on International Telecommunications;",
        ["wcit/res/5/2012"],
    ),
    (
        "wcit-12-acronym-decides",
        "Resolution 3 (Dubai, 2012) of WCIT-12 on the Internet",
        ["wcit/res/3/2012"],
    ),
]

# ---------------------------------------------------------------- ambiguous place and year (Dubai, 2012)
AMBIGUOUS: list[Row] = [
    (
        "ambiguous-dubai-2012",
        "in accordance with Resolution 5 (Dubai, 2012), Member States",
        [None],
    ),
    (
        "ambiguous-dubai-2012-list",
        "in accordance with Resolutions 5 and 6 (Dubai, 2012), Member States",
        [None, None],
    ),
    (
        "ambiguous-then-clear",
        "Resolution 5 (Dubai, 2012) and Resolution 1 (Rev. Hammamet, 2016) apply",
        [None, "wtsa/res/1/2016"],
    ),
    (
        "wtsa-name-decides",
        "Resolution 5 (Dubai, 2012) of the World Telecommunication Standardization Assembly;",
        ["wtsa/res/5/2012"],
    ),
    (
        "wtsa-acronym-decides",
        "Resolution 64 (Rev. Dubai, 2012) of WTSA, on IP addresses",
        ["wtsa/res/64/2012"],
    ),
    (
        "wtsa-acronym-before-decides",
        "the WTSA Resolution 64 (Dubai, 2012) on IP addresses",
        ["wtsa/res/64/2012"],
    ),
    (
        "wtsa-12-acronym-decides",
        "Resolution 64 (Dubai, 2012) of WTSA-12 on IP addresses",
        ["wtsa/res/64/2012"],
    ),
    (
        "list-words-decide",
        "WTSA resolutions, particularly Resolutions 50 and 52 (Rev. Hammamet, 2016) and Resolution 58 (Rev. Dubai, 2012), apply",
        ["wtsa/res/50/2016", "wtsa/res/52/2016", "wtsa/res/58/2012"],
    ),
    (
        "list-words-across-titles",
        "resolutions adopted at the World Telecommunication Standardization Assembly, including Resolution 47 (Rev. Dubai, 2012), on country code top-level domain names, and Resolution 48 (Rev. Dubai, 2012), on domain names",
        ["wtsa/res/47/2012", "wtsa/res/48/2012"],
    ),
    (
        "list-words-yield",
        "WTSA Resolution 1 (Rev. Hammamet, 2016), on rules, and Resolution 73 (Rev. Busan, 2014)",
        ["wtsa/res/1/2016", "pp/res/73/2014"],
    ),
]

# ---------------------------------------------------------------- UN General Assembly
UNGA: list[Row] = [
    ("unga-no", "under UNGA Resolution no. 55/63, States", ["unga/res/55/63"]),
    (
        "unga-un-general-assembly-no",
        "as well as UN General Assembly Resolution no. 55/63 on Combating the criminal misuse",
        ["unga/res/55/63"],
    ),
    (
        "unga-number-word",
        'the "Notes with appreciation" of UNGA Resolution number 55/63:',
        ["unga/res/55/63"],
    ),
    (
        "unga-symbol",
        "the overall review in A/RES/70/125, the Assembly",
        ["unga/res/70/125"],
    ),
    (
        "unga-symbol-55-63",
        "as set out in A/RES/55/63, Member States",
        ["unga/res/55/63"],
    ),
    (
        "unga-symbol-after-words",
        "the UNGA Resolution A/RES/70/125 on WSIS",
        ["unga/res/70/125"],
    ),
    (
        "unga-general-assembly-lower",
        "the General Assembly resolution 57/239 on a culture of cybersecurity",
        ["unga/res/57/239"],
    ),
    (
        "unga-list",
        "United Nations General Assembly Resolutions 58/199 and 64/211 on cybersecurity",
        ["unga/res/58/199", "unga/res/64/211"],
    ),
    (
        "unga-list-three",
        "UNGA Resolutions 56/183, 60/252 and 70/125 on WSIS",
        ["unga/res/56/183", "unga/res/60/252", "unga/res/70/125"],
    ),
    (
        "unga-seed-64-211",
        "which has been reflected in United Nations General Assembly Resolution 64/211,",
        ["unga/res/64/211"],
    ),
    (
        "unga-lettered",
        "the UNGA Resolution 72/266 B on the budget",
        ["unga/res/72/266b"],
    ),
    (
        "unga-lettered-a",
        "the General Assembly resolution 72/266 A on the budget",
        ["unga/res/72/266a"],
    ),
    (
        "unga-sdgs",
        "the General Assembly resolution 70/1 on the 2030 Agenda",
        ["unga/res/70/1"],
    ),
    (
        "unga-with-date",
        "the General Assembly resolution 70/266 of 8 June 2016 on HIV",
        ["unga/res/70/266"],
    ),
    (
        "unga-list-with-dates",
        "General Assembly resolutions 56/183 of 21 December 2001 and 57/238 of 20 December 2002",
        ["unga/res/56/183", "unga/res/57/238"],
    ),
    (
        "unga-body-after",
        "the resolution 70/125 of the United Nations General Assembly on WSIS",
        ["unga/res/70/125"],
    ),
    (
        "unga-acronym-in-parens",
        "the United Nations General Assembly (UNGA) Resolution 70/125 on WSIS",
        ["unga/res/70/125"],
    ),
    (
        "unga-roman-session",
        "Resolution 1721 (XVI) of the General Assembly of the United Nations",
        ["unga/res/16/1721"],
    ),
    (
        "unga-roman-list",
        "General Assembly Resolutions 2065 (XX), 3160 (XXVIII) and 31/49",
        ["unga/res/20/2065", "unga/res/28/3160", "unga/res/31/49"],
    ),
    (
        "unga-mixed-list-dates",
        "Recalling its resolutions 2453 A (XXIII) of 20 December 1968, 37/90 of 10 December 1982 and 72/79 of 7 December 2017,",
        ["unga/res/23/2453a", "unga/res/37/90", "unga/res/72/79"],
    ),
]

# ---------------------------------------------------------------- other UN symbols: no unga key
NOT_UNGA: list[Row] = [
    (
        "un-report-symbol",
        "the report of the Secretary-General (A/72/492) on the budget",
        [],
    ),
    ("un-draft-symbol", "the draft in document A/70/L.33 on WSIS", []),
    ("ecosoc", "the ECOSOC Resolution 2012/24 on the follow-up to WSIS", []),
    (
        "ecosoc-full-name",
        "the Economic and Social Council resolution 2006/46 on WSIS",
        [],
    ),
    (
        "human-rights-council",
        "the Human Rights Council Resolution 20/8 on the Internet",
        [],
    ),
    (
        "security-council",
        "the Security Council resolution 1373 (2001) on terrorism",
        [],
    ),
    ("world-health-assembly", "the WHA Resolution 58.28 on eHealth", []),
    ("unga-without-number", "all relevant resolutions of the UNGA on ICTs", []),
]

# ---------------------------------------------------------------- sector Recommendations
RECOMMENDATIONS: list[Row] = [
    (
        "itut-rec",
        "the overview in Recommendation ITU-T X.1205, the terms",
        ["itu-t/rec/x.1205"],
    ),
    (
        "itut-rec-old-order",
        "numbering under ITU-T Recommendation E.164, the plan",
        ["itu-t/rec/e.164"],
    ),
    (
        "itut-rec-list",
        "the architecture of Recommendations ITU-T X.805 and X.1500 applies",
        ["itu-t/rec/x.805", "itu-t/rec/x.1500"],
    ),
    (
        "itut-rec-list-three",
        "the plans of Recommendations ITU-T E.164, E.212 and E.118 apply",
        ["itu-t/rec/e.164", "itu-t/rec/e.212", "itu-t/rec/e.118"],
    ),
    (
        "itut-rec-list-old-order",
        "the directory of ITU-T Recommendations X.509 and X.500 applies",
        ["itu-t/rec/x.509", "itu-t/rec/x.500"],
    ),
    (
        "itut-rec-edition",
        "the principles of Recommendation ITU-T D.50 (05/2013) apply",
        ["itu-t/rec/d.50"],
    ),
    (
        "itut-rec-edition-old-order",
        "the overview in ITU-T Recommendation X.1205 (04/2008) applies",
        ["itu-t/rec/x.1205"],
    ),
    (
        "itut-rec-edition-y",
        "the overview in Recommendation ITU-T Y.2060 (06/2012) applies",
        ["itu-t/rec/y.2060"],
    ),
    (
        "itut-rec-supplement",
        "the guidance in Supplement 5 to Recommendation ITU-T E.164 applies",
        ["itu-t/rec/e.164"],
    ),
    (
        "itut-rec-a1",
        "the working methods of Recommendation ITU-T A.1 apply",
        ["itu-t/rec/a.1"],
    ),
    (
        "itut-rec-j61",
        "the circuits of ITU-T Recommendation J.61 apply",
        ["itu-t/rec/j.61"],
    ),
    (
        "itur-rec-rev-0",
        "the vision of Recommendation ITU-R M.2083-0 applies",
        ["itu-r/rec/m.2083-0"],
    ),
    (
        "itur-rec-rev-6",
        "the arrangements of Recommendation ITU-R M.1036-6 apply",
        ["itu-r/rec/m.1036-6"],
    ),
    (
        "itur-rec-no-rev",
        "the method of Recommendation ITU-R BT.500 applies",
        ["itu-r/rec/bt.500"],
    ),
    (
        "itur-rec-bo",
        "the planning of Recommendation ITU-R BO.600-1 applies",
        ["itu-r/rec/bo.600-1"],
    ),
    (
        "itur-rec-abbreviated",
        "the planning of Rec. ITU-R BO.600-1 applies",
        ["itu-r/rec/bo.600-1"],
    ),
    (
        "itur-rec-old-order",
        "the monitoring of ITU-R Recommendation SM.1046-3 applies",
        ["itu-r/rec/sm.1046-3"],
    ),
    (
        "itur-rec-two-letter-series",
        "the criteria of Recommendation ITU-R SA.1154 apply",
        ["itu-r/rec/sa.1154"],
    ),
    (
        "itur-rec-list",
        "the models of Recommendations ITU-R P.525-4 and P.526-15 apply",
        ["itu-r/rec/p.525-4", "itu-r/rec/p.526-15"],
    ),
    (
        "itut-and-itur",
        "both Recommendation ITU-T G.709 and Recommendation ITU-R F.1101 apply",
        ["itu-t/rec/g.709", "itu-r/rec/f.1101"],
    ),
]

# ---------------------------------------------------------------- study group Questions
QUESTIONS: list[Row] = [
    (
        "itud-question",
        "the studies called for in ITU-D Question 22-1/1, the group",
        ["itu-d/question/22-1/1"],
    ),
    (
        "itud-question-with-title",
        "ITU-D Question 22-1/1 (Securing information and communications networks: best practices for developing a culture of cybersecurity), which",
        ["itu-d/question/22-1/1"],
    ),
    (
        "itud-question-sector-after",
        "the work on Question 24/2 of ITU-D Study Group 2 on climate change",
        ["itu-d/question/24/2"],
    ),
    (
        "itud-question-sector-name-after",
        "the work on Question 5/1 of the ITU Telecommunication Development Sector,",
        ["itu-d/question/5/1"],
    ),
    (
        "itud-question-list",
        "the work on ITU-D Questions 3/1 and 4/1 continues",
        ["itu-d/question/3/1", "itu-d/question/4/1"],
    ),
    (
        "itut-question",
        "the work on ITU-T Question 6/17 continues",
        ["itu-t/question/6/17"],
    ),
    (
        "itur-question",
        "the studies under Question ITU-R 229/5 continue",
        ["itu-r/question/229/5"],
    ),
    (
        "itud-question-and-unga-seed",
        "that ITU-D Study Group 1 continues to carry out the studies called for in ITU-D Question 22-1/1, which has been reflected in United Nations General Assembly Resolution 64/211,",
        ["itu-d/question/22-1/1", "unga/res/64/211"],
    ),
]

# ---------------------------------------------------------------- Constitution, Convention, Radio Regulations
TREATIES: list[Row] = [
    (
        "cs-short",
        "the settlement of disputes under CS233 applies",
        ["itu/constitution/no/233"],
    ),
    (
        "cs-short-list",
        "special arrangements (CS193 and CS194) would become subordinate",
        ["itu/constitution/no/193", "itu/constitution/no/194"],
    ),
    (
        "cs-short-letter",
        "the provision CS145A was retained",
        ["itu/constitution/no/145a"],
    ),
    ("cv-short", "the provision CV81 applies", ["itu/convention/no/81"]),
    (
        "cv-no",
        "the documents sent to Member States in accordance with No. 81 of the Convention,",
        ["itu/convention/no/81"],
    ),
    (
        "cv-no-192",
        "the procedure in No. 192 of the Convention applies",
        ["itu/convention/no/192"],
    ),
    (
        "cv-no-letter",
        "the procedure in No. 184A of the Convention applies",
        ["itu/convention/no/184a"],
    ),
    (
        "cs-no-letter",
        "the procedure in No. 145A of the Constitution applies",
        ["itu/constitution/no/145a"],
    ),
    (
        "cv-nos-list",
        "the procedure in Nos. 58 and 59 of the Convention applies",
        ["itu/convention/no/58", "itu/convention/no/59"],
    ),
    (
        "cs-no-with-place-year",
        "the obligations of No. 195 of the Constitution (Geneva, 1992) apply",
        ["itu/constitution/no/195"],
    ),
    (
        "cs-article",
        "the ratification required by Article 52 of the Constitution, Member States",
        ["itu/constitution/art/52"],
    ),
    (
        "cs-article-itu",
        "the financial provisions of Article 28 of the ITU Constitution remain",
        ["itu/constitution/art/28"],
    ),
    (
        "cs-articles-list",
        "the Sector under Articles 17, 18, 19, 20 of the ITU Constitution works",
        [
            "itu/constitution/art/17",
            "itu/constitution/art/18",
            "itu/constitution/art/19",
            "itu/constitution/art/20",
        ],
    ),
    (
        "cv-article",
        "the amendment procedure of Article 42 of the Convention remains",
        ["itu/convention/art/42"],
    ),
    (
        "cs-and-cv",
        "both Article 4 of the Constitution and No. 81 of the Convention apply",
        ["itu/constitution/art/4", "itu/convention/no/81"],
    ),
    (
        "rr-no",
        "the definition in No. 1.170 of the Radio Regulations applies",
        ["itu/rr/no/1.170"],
    ),
    (
        "rr-no-acronym",
        "the allocation in No. 5.340 of the RR applies",
        ["itu/rr/no/5.340"],
    ),
    (
        "rr-article",
        "the procedure of Article 21 of the Radio Regulations applies",
        ["itu/rr/art/21"],
    ),
]

# ---------------------------------------------------------------- WSIS outcome documents
WSIS: list[Row] = [
    (
        "wsis-tunis-commitment",
        "§ 15 of the Tunis Commitment, which states that",
        ["wsis/tunis-commitment"],
    ),
    (
        "wsis-tunis-agenda-para",
        "and § 39 of the Tunis Agenda, on building confidence",
        ["wsis/tunis-agenda"],
    ),
    (
        "wsis-tunis-agenda-full",
        "with ITU identified in the Tunis Agenda for the Information Society as moderator",
        ["wsis/tunis-agenda"],
    ),
    (
        "wsis-geneva-plan",
        "by undertaking activities as outlined in § 12 of the Geneva Plan of Action, and",
        ["wsis/geneva-plan-of-action"],
    ),
    (
        "wsis-geneva-declaration",
        "the principles of the Geneva Declaration of Principles apply",
        ["wsis/geneva-declaration"],
    ),
    (
        "wsis-action-line",
        "and established Action Line C5 (Building confidence and security in the use of ICTs), with",
        ["wsis/action-line/c5"],
    ),
    (
        "wsis-action-line-prefixed",
        "the facilitation of WSIS Action Line C7 continues",
        ["wsis/action-line/c7"],
    ),
    (
        "wsis-action-line-c11",
        "the facilitation of Action Line C11 continues",
        ["wsis/action-line/c11"],
    ),
    (
        "wsis-action-lines-list",
        "the facilitation of Action Lines C2 and C5 continues",
        ["wsis/action-line/c2", "wsis/action-line/c5"],
    ),
]

# ---------------------------------------------------------------- hard text: breaks, special characters, case
HARD_TEXT: list[Row] = [
    (
        "break-before-paren",
        "in accordance with Resolution 130\n(Rev. Busan, 2014), Member States",
        ["pp/res/130/2014"],
    ),
    (
        "break-inside-paren",
        "the teams of Resolution 69 (Hyderabad,\n2010), particularly",
        ["wtdc/res/69/2010"],
    ),
    (
        "break-after-word",
        "in accordance with Resolution\n58 (Johannesburg, 2008), the Bureau",
        ["wtsa/res/58/2008"],
    ),
    (
        "break-in-list",
        "established by Resolutions 50 and\n52 (Rev. Johannesburg, 2008), the groups",
        ["wtsa/res/50/2008", "wtsa/res/52/2008"],
    ),
    (
        "break-in-body-words",
        "under Resolution 1 of the World Telecommunication\nStandardization Assembly, the procedure",
        ["wtsa/res/1"],
    ),
    (
        "break-in-itu-t",
        "the overview in Recommendation ITU-T\nX.1205, the terms",
        ["itu-t/rec/x.1205"],
    ),
    (
        "nbsp",
        "in accordance with Resolution\u00a0130 (Rev.\u00a0Busan,\u00a02014), Member States",
        ["pp/res/130/2014"],
    ),
    ("nbsp-unga", "the UNGA Resolution\u00a070/125 on WSIS", ["unga/res/70/125"]),
    (
        "nbsp-cv",
        "in accordance with No.\u00a081 of the Convention,",
        ["itu/convention/no/81"],
    ),
    (
        "nb-hyphen-wrc",
        "such as Resolution 646 (WRC\u201103), on public protection",
        ["wrc/res/646/2003"],
    ),
    (
        "nb-hyphen-rev-wrc",
        "Resolution 644 (Rev.\u00a0WRC\u201107), on radiocommunication resources",
        ["wrc/res/644/2007"],
    ),
    (
        "nb-hyphen-itut",
        "the overview in Recommendation ITU\u2011T X.1205, the terms",
        ["itu-t/rec/x.1205"],
    ),
    (
        "hyphen-itur-rev",
        "the arrangements of Recommendation ITU\u2010R M.1036\u20106 apply",
        ["itu-r/rec/m.1036-6"],
    ),
    (
        "en-dash-itut",
        "numbering under ITU\u2013T Recommendation E.164, the plan",
        ["itu-t/rec/e.164"],
    ),
    (
        "nb-hyphen-ra",
        "the methods of Resolution ITU\u2011R 54\u20113 apply",
        ["ra/res/54-3"],
    ),
    (
        "nb-hyphen-itud-question",
        "the studies called for in ITU\u2011D Question 22\u20111/1, the group",
        ["itu-d/question/22-1/1"],
    ),
    (
        "all-caps-in-running-text",
        "Member States are invited, pursuant to RESOLUTION 130 (REV. BUSAN, 2014), to act.",
        ["pp/res/130/2014"],
    ),
    (
        "all-caps-wrc",
        "as required by RESOLUTION 646 (WRC-03), administrations shall act.",
        ["wrc/res/646/2003"],
    ),
    (
        "rev-without-space",
        "the rules in Resolution 72 (Rev.Busan, 2014), the Bureau",
        ["pp/res/72/2014"],
    ),
    (
        "rev-lower-case",
        "in accordance with Resolution 130 (rev. busan, 2014), Member States",
        ["pp/res/130/2014"],
    ),
    (
        "missing-comma",
        "pursuant to considering a) of Resolution 181 (Guadalajara 2010), Member States",
        ["pp/res/181/2010"],
    ),
    (
        "missing-space-after-comma",
        "in accordance with Resolution 130 (Rev. Busan,2014), Member States",
        ["pp/res/130/2014"],
    ),
    (
        "double-spaces",
        "in accordance with Resolution  130  (Rev.  Busan,  2014), Member States",
        ["pp/res/130/2014"],
    ),
    (
        "footnote-marker-glued",
        "the rules in Resolution 72 (Rev. Busan, 2014)1 of the Plenipotentiary Conference apply",
        ["pp/res/72/2014"],
    ),
    (
        "abbreviated-res",
        "in accordance with Res. 130 (Rev. Busan, 2014), Member States",
        ["pp/res/130/2014"],
    ),
    ("markdown-italic", "Resolution *49 (Rev.WRC-12)* applies.", ["wrc/res/49/2012"]),
]

# ---------------------------------------------------------------- not citations
NEGATIVES: list[Row] = [
    ("edition-history", "(Florianópolis, 2004; Johannesburg, 2008)", []),
    (
        "edition-history-long",
        "(Helsinki, 1993; Geneva, 1996; Montreal, 2000; Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012; Hammamet, 2016)",
        [],
    ),
    (
        "edition-history-in-instrument",
        resolution(
            "recalling",
            "a) that ICTs matter;",
            body="wtsa",
            history="(Helsinki, 1993; Geneva, 1996; Montreal, 2000; Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012; Hammamet, 2016)",
        ),
        [],
    ),
    ("conference-acronym-place", "adopted by WTDC-10 (Hyderabad, 2010);", []),
    (
        "conference-acronym-place-wtdc-17",
        "the delegations to WTDC-17 (Buenos Aires, 2017) agreed",
        [],
    ),
    (
        "conference-name-place",
        "submitted to the Plenipotentiary Conference (Busan, 2014) for decision",
        [],
    ),
    (
        "conference-preamble-line",
        "The Plenipotentiary Conference of the International Telecommunication Union (Busan, 2014), decides",
        [],
    ),
    ("conference-acronym-alone", "the relevant outcomes of WTSA-08 and WTDC-10", []),
    ("conference-agenda-item", "the studies for WRC-19 agenda item 1.13 continue", []),
    (
        "conference-ordinal",
        "submitted to the 2014 plenipotentiary conference for its consideration",
        [],
    ),
    (
        "wsis-summit-acronym",
        "the World Summit on the Information Society (WSIS) affirmed",
        [],
    ),
    (
        "wsis-summit-place-year",
        "the World Summit on the Information Society (Geneva, 2003), calling for",
        [],
    ),
    ("wsis-the-action-line", "as moderator/facilitator for the action line, and", []),
    ("study-group", "the work of Study Group 17 on security", []),
    (
        "study-group-session",
        "spam was characterized by ITU-T Study Group 2, at its June 2006 session, as a term",
        [],
    ),
    (
        "study-groups-list",
        "Study Groups 1 and 2 of the Telecommunication Development Sector (ITU-D) continue",
        [],
    ),
    ("section-above", "the matters listed in § 3 above", []),
    ("this-resolution", "on the implementation of this resolution", []),
    ("relevant-resolutions", "taking into account all relevant ITU resolutions", []),
    ("recommendations-no-number", "the relevant ITU-T Recommendations on security", []),
    (
        "action-plan-programme",
        "Programme 2 of the Hyderabad Action Plan on cybersecurity",
        [],
    ),
    ("year-range", "the Strategic Plan for the Union for 2016-2019 gives priority", []),
    (
        "dates",
        "the Conferences held in Indonesia in December 2007 and in Copenhagen in December 2009",
        [],
    ),
    ("annexes", "as contained in Annexes 1, 2 and 3, respectively.", []),
    (
        "council-session-mention",
        "established by the extraordinary session of Council in 2010",
        [],
    ),
    (
        "self-pinpoint-above",
        in_resolution(
            "to implement the plan referred to in instructs the Secretary-General 1 above;",
            heading="instructs the Secretary-General",
            label="2",
        ),
        [],
    ),
    (
        "self-pinpoint-this-resolution",
        in_resolution(
            "pursuant to considering b) of this Resolution;",
            heading="resolves",
            label="1",
        ),
        [],
    ),
    (
        "self-unversioned-mention",
        in_resolution(
            "the procedures of WTSA Resolution 1 apply to all study groups;",
            body="wtsa",
            number=1,
            heading="resolves",
            label="1",
        ),
        [],
    ),
    (
        "own-annex-header",
        "DECISION 5 (REV. DUBAI, 2018)\n\nIncome and expenses for the Union\n\nThe Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),\n\ndecides\n\n1 to adopt the plan in the Annex.\n\nANNEX 2 TO DECISION 5 (REV. DUBAI, 2018)\n\nExpenses of the Union.\n",
        [],
    ),
]

# ---------------------------------------------------------------- issue 10: versions named by words after the number
VERSION_WORDS: list[Row] = [
    (
        "words-title-then-adopted-by-year-body",
        "Recalling also resolution 140 on ITU's role in implementing the outcomes of the World Summit on the Information Society and the 2030 Agenda for Sustainable Development, adopted by the 2014 Plenipotentiary Conference of the Union,",
        ["pp/res/140/2014"],
    ),
    (
        "words-title-then-adopted-by-body-place-year",
        "Noting resolution 174 on ITU's role with regard to international public policy issues, adopted by the ITU Plenipotentiary Conference (Busan, 2014),",
        ["pp/res/174/2014"],
    ),
    (
        "words-title-then-adopted-by-council-session",
        "Council Resolution 1143 on services for the deaf, adopted by the ITU Council at its 1999 session,",
        ["council/res/1143/1999"],
    ),
    (
        "words-title-entitled-then-adopted",
        "resolution 69 entitled Non-discriminatory access, adopted by the 2010 World Telecommunication Development Conference;",
        ["wtdc/res/69/2010"],
    ),
    (
        "words-of-year-place-body",
        "Recalling Resolution 11 of the 2006 Antalya Plenipotentiary Conference on ITU Telecom events,",
        ["pp/res/11/2006"],
    ),
    (
        "words-of-place-body-no-year",
        "Recalling Resolution 11 of the Antalya Plenipotentiary Conference,",
        ["pp/res/11/2006"],
    ),
    (
        "words-of-place-year-body",
        "Recalling Resolution 11 of the Antalya 2006 Plenipotentiary Conference,",
        ["pp/res/11/2006"],
    ),
    (
        "words-list-of-year-place-body",
        "Resolutions 1 and 2 of the 2016 Hammamet World Telecommunication Standardization Assembly",
        ["wtsa/res/1/2016", "wtsa/res/2/2016"],
    ),
    (
        "words-body-before-keyword-un-style",
        "Noting the ITU Plenipotentiary Conference resolution 130 (Busan, 2014) on strengthening the role of ITU,",
        ["pp/res/130/2014"],
    ),
    (
        "words-adopted-at-place-in-year",
        "Recalling Resolution 71 adopted at Dubai in 2018,",
        ["pp/res/71/2018"],
    ),
    (
        "words-adopted-at-place-in-year-by-body",
        "Recalling Resolution 71 adopted at Dubai in 2018 by the Plenipotentiary Conference,",
        ["pp/res/71/2018"],
    ),
    (
        "words-adopted-in-place-comma-year",
        "as stated in resolution 71 adopted in Busan, 2014,",
        ["pp/res/71/2014"],
    ),
    (
        "words-body-held-in-place-country-year",
        "Recalling Resolution 11 of the Plenipotentiary Conference held in Antalya, Turkey, in 2006,",
        ["pp/res/11/2006"],
    ),
    (
        "words-body-held-in-place-dates",
        "resolution 130 of the Plenipotentiary Conference held in Busan, Republic of Korea, from 20 October to 7 November 2014",
        ["pp/res/130/2014"],
    ),
    (
        "words-body-in-place-in-year",
        "Recalling Resolution 130 adopted by the Plenipotentiary Conference in Busan in 2014,",
        ["pp/res/130/2014"],
    ),
    (
        "words-body-held-in-before-keyword",
        "Recalling that the World Telecommunication Development Conference held in Buenos Aires in 2017, in its resolution 37, called for",
        ["wtdc/res/37/2017"],
    ),
    (
        "words-body-held-at-before-keyword-adopted",
        "the Plenipotentiary Conference held at Dubai in 2018 adopted Resolution 200 on the Connect 2030 Agenda",
        ["pp/res/200/2018"],
    ),
    (
        "words-title-stops-at-another-citation",
        "resolution 140 on ITU's role and resolution 71, adopted by the 2014 Plenipotentiary Conference",
        [None, "pp/res/71/2014"],
    ),
    (
        "words-title-stops-at-sentence-end",
        "resolution 140 on ITU's role. The texts were adopted by the 2014 Plenipotentiary Conference",
        [None],
    ),
]

# ---------------------------------------------------------------- issue 10: punctuation damaged in conversion
DAMAGED: list[Row] = [
    (
        "damaged-stray-open-bracket",
        "recalling Resolution 76 (Rev. (Dubai, 2012) of the WTSA on testing",
        ["wtsa/res/76/2012"],
    ),
    (
        "damaged-doubled-open-bracket",
        "recalling Resolution 35 ((Rev. Hammamet, 2016) of the World Telecommunication Standardization Assembly",
        ["wtsa/res/35/2016"],
    ),
    (
        "damaged-square-brackets",
        "recalling Resolution 76 [Rev. Dubai, 2012] of the WTSA on testing",
        ["wtsa/res/76/2012"],
    ),
    (
        "damaged-doubled-comma",
        "in accordance with Resolution 130 (Rev. Busan,, 2014),",
        ["pp/res/130/2014"],
    ),
    (
        "damaged-period-for-comma",
        "in accordance with Resolution 130 (Rev. Busan. 2014),",
        ["pp/res/130/2014"],
    ),
    (
        "damaged-semicolon-for-comma",
        "in accordance with Resolution 130 (Rev. Busan; 2014),",
        ["pp/res/130/2014"],
    ),
    (
        "damaged-unclosed-bracket",
        "recalling Resolution 76 (Rev. Dubai, 2012 of the WTSA on testing",
        ["wtsa/res/76/2012"],
    ),
    (
        "damaged-glued-footnote-mark",
        "recalling Resolution 76 (Rev. Dubai, 2012)1 of the WTSA on testing",
        ["wtsa/res/76/2012"],
    ),
    (
        "damaged-glued-footnote-marks",
        "recalling Resolution 76 (Rev. Dubai, 2012)1, 2 of the World Telecommunication Standardization Assembly",
        ["wtsa/res/76/2012"],
    ),
    (
        "damaged-no-opening-bracket",
        "recalling Resolution 76 Rev. Dubai, 2012) of the WTSA on testing",
        ["wtsa/res/76/2012"],
    ),
    (
        "damaged-spaces-inside",
        "in accordance with Resolution 130 ( Rev . Busan , 2014 )",
        ["pp/res/130/2014"],
    ),
    (
        "number-sign-degree",
        "in accordance with Resolution N\u00b0 130 (Rev. Busan, 2014) and Resolution n\u00ba 71 (Rev. Dubai, 2018)",
        ["pp/res/130/2014", "pp/res/71/2018"],
    ),
    (
        "damaged-no-spaces",
        "in accordance with Resolution 72(Rev.Busan,2014)of the Plenipotentiary Conference",
        ["pp/res/72/2014"],
    ),
    (
        "damaged-line-break-in-qualifier",
        "in accordance with Resolution 130 (Rev.\nBusan, 2014) of this Conference",
        ["pp/res/130/2014"],
    ),
]

# ---------------------------------------------------------------- issue 10: paragraph and heading boundaries
BOUNDARIES: list[Row] = [
    (
        "boundary-heading-then-clause-number",
        "The study groups shall take into account the following Recommendations\nC.2.4 The clause applies",
        [],
    ),
    (
        "boundary-heading-then-numbered-clause",
        "Decisions\n2 The Director shall report",
        [],
    ),
    (
        "boundary-blank-line",
        "the following ITU-T Recommendations\n\nX.1205 Overview of cybersecurity",
        [],
    ),
    (
        "boundary-list-stops-at-paragraph",
        "in Resolutions 1 and\n2 The Assembly resolves",
        [None],
    ),
    (
        "boundary-heading-then-clause-number-alone",
        "the following ITU-T Recommendations\nC.2.4\nScope of the clause",
        [],
    ),
    (
        "boundary-wrapped-number-then-qualifier",
        "in accordance with Resolution \n212 \n(Rev.WRC-23) of the Radio Regulations",
        ["wrc/res/212/2023"],
    ),
    (
        "boundary-wrapped-line-is-no-boundary",
        "in accordance with Resolution\n770 (WRC-19) of the Radio Regulations",
        ["wrc/res/770/2019"],
    ),
    (
        "boundary-wrapped-recommendation",
        "as described in Recommendation\nITU-R P.525",
        ["itu-r/rec/p.525"],
    ),
]

# ---------------------------------------------------------------- issue 10: not Recommendations; dual numbers; drafts
NOT_RECOMMENDATIONS: list[Row] = [
    ("notrec-series-wildcard", "Recommendations ITU-T X.8xx-series on security", []),
    ("notrec-dotted-wildcard", "the work on Recommendation ITU-T Q.1700.x-series", []),
    ("notrec-letter-series", "the ITU-T H-series Recommendations on multimedia", []),
    (
        "notrec-number-series",
        "Recommendations ITU-T Q.1700-series and ITU-T X.500 series",
        [],
    ),
    ("notrec-range", "Recommendations ITU-T X.800-X.849 on security", []),
    (
        "notrec-outcome-label",
        "contributes to outcome ITU-R R.2-a and outcome ITU-T T.1-b",
        [],
    ),
    (
        "notrec-outcome-label-after-keyword",
        "Improved conformance to ITU-T recommendations T.1-b: enhanced",
        [],
    ),
    ("notrec-council-document", "see Document C19/55(Rev.2) for the report", []),
    (
        "notrec-council-document-in-brackets",
        "Council Resolution 1305 (Document C19/55(Rev.2))",
        ["council/res/1305"],
    ),
    (
        "notrec-conference-document",
        "as set out in Document WTDC-17/45(Add.1)(Rev.1) and Document 82-E",
        [],
    ),
    (
        "dual-number-first",
        "Recommendation ITU-T G.8261/Y.1361 on timing",
        ["itu-t/rec/g.8261"],
    ),
    (
        "dual-number-list",
        "Recommendations ITU-T G.8261/Y.1361 (08/2013) and G.8262/Y.1362",
        ["itu-t/rec/g.8261", "itu-t/rec/g.8262"],
    ),
    ("dual-number-sector-second", "ITU-T Y.1540/I.380 applies", ["itu-t/rec/y.1540"]),
    (
        "dual-number-same-series",
        "as specified in Recommendation ITU-T Y.2060/Y.4000 on the IoT",
        ["itu-t/rec/y.2060"],
    ),
    (
        "same-series-slash-is-a-list",
        "ITU-T A.4/A.5/A.6 qualifications",
        ["itu-t/rec/a.4", "itu-t/rec/a.5", "itu-t/rec/a.6"],
    ),
    (
        "notrec-itu-t-output-with-number",
        "the ITU-T outputs ITU-T T.2-1 and T.3-1: relevant databases",
        [],
    ),
    (
        "rec-itu-r-revision-kept",
        "the ITU-T outputs T.2-1; Recommendation ITU-R M.1036-6",
        ["itu-r/rec/m.1036-6"],
    ),
    (
        "question-short-notation",
        "the work of ITU-T Q.10/17 and ITU-T Q.1/2 on security",
        ["itu-t/question/10/17", "itu-t/question/1/2"],
    ),
    (
        "question-short-notation-not-a-rec",
        "Recommendations ITU-T Q.1700 and Q.10/17",
        ["itu-t/rec/q.1700"],
    ),
    (
        "rec-sector-first-rec-without-period",
        "as in ITU-R Rec BT.500 and ITU-T Rec G.709",
        ["itu-r/rec/bt.500", "itu-t/rec/g.709"],
    ),
    (
        "notrec-report",
        "as described in Report ITU-R M.2410-0 and in Recommendation ITU-R M.2083",
        ["itu-r/rec/m.2083"],
    ),
    (
        "notrec-report-list",
        "Reports ITU-R S.2199, ITU-R M.2109 and ITU-R S.2368 and Recommendation ITU-R S.1503",
        ["itu-r/rec/s.1503"],
    ),
    ("notrec-handbook", "see the ITU-R Handbook ITU-R SM.2153 on monitoring", []),
    (
        "draft-recommendation",
        "draft Recommendation ITU-T X.1060 on security operations",
        ["itu-t/rec/x.1060"],
    ),
    (
        "draft-new-recommendation",
        "the draft new Recommendation ITU-R M.2150-1 on IMT",
        ["itu-r/rec/m.2150-1"],
    ),
    (
        "draft-revised-recommendation",
        "Draft revised Recommendation ITU-T E.164 (ex E.164-rev)",
        ["itu-t/rec/e.164"],
    ),
    (
        "rec-hyphenated-use-kept",
        "an ITU-T E.164-based numbering resource",
        ["itu-t/rec/e.164"],
    ),
]

# ---------------------------------------------------------------- issue 10: words that lead a list, in real texts
LIST_WORDS: list[Row] = [
    (
        "list-outcomes-of-body-bullets",
        "facilitate projects deriving from the outcomes of WTSA, in particular: \u2022 Resolution 50 (Rev. Hammamet, 2016), on cybersecurity; \u2022 Resolution 52 (Rev. Dubai, 2012), on countering spam;",
        ["wtsa/res/50/2016", "wtsa/res/52/2012"],
    ),
    (
        "list-work-of-body-including",
        "the work of the World Telecommunication Standardization Assembly, including Resolution 5 (Dubai, 2012)",
        ["wtsa/res/5/2012"],
    ),
    (
        "list-council-next-session",
        "that the Council adopted at its 2015 session Decision 584, on the creation of CWGs, and at its 2016 session Resolution 1333 (Rev. 2016), on guiding principles",
        ["council/dec/584/2015", "council/res/1333/2016"],
    ),
    (
        "list-council-next-session-no-revision",
        "the ITU Council, at its 2009 session, Resolution 1305 and, at its 2011 session, Resolution 1336",
        ["council/res/1305/2009", "council/res/1336/2011"],
    ),
]

# ---------------------------------------------------------------- issue 10: Radiocommunication Assembly resolutions
RA_LISTS: list[Row] = [
    (
        "ra-without-revision-place-year",
        "Resolution ITU-R 9 (Geneva, 2015) on liaison",
        ["ra/res/9"],
    ),
    (
        "ra-at-end-of-wrc-list",
        "taking into account Resolutions 646 (Rev.WRC-15), 647 (Rev.WRC-15) and ITU-R 55 (Geneva, 2015),",
        ["wrc/res/646/2015", "wrc/res/647/2015", "ra/res/55"],
    ),
    (
        "ra-at-end-of-wrc-list-semicolons",
        "Resolutions 646 (Rev.WRC-15); 647 (Rev.WRC-15); ITU-R 55 (Geneva, 2015)",
        ["wrc/res/646/2015", "wrc/res/647/2015", "ra/res/55"],
    ),
    (
        "ra-keyword-after-wrc-list",
        "Resolutions 646 (Rev.WRC-15) and 647 (Rev.WRC-15) and Resolution ITU-R 55 (Geneva, 2015);",
        ["wrc/res/646/2015", "wrc/res/647/2015", "ra/res/55"],
    ),
    (
        "ra-list-repeats-sector",
        "Resolutions ITU-R 9 (Geneva, 2015) and ITU-R 55-2",
        ["ra/res/9", "ra/res/55-2"],
    ),
    (
        "ra-sector-before-keyword",
        "ITU-R Resolution 9 (Geneva, 2015) and ITU-R Resolutions 55 and 57-1",
        ["ra/res/9", "ra/res/55", "ra/res/57-1"],
    ),
    (
        "ra-sector-before-wrc-resolution",
        "the ITU-R Resolution 646 (WRC-03) on public protection",
        ["wrc/res/646/2003"],
    ),
]

ROWS: list[Row] = [
    *PP,
    *THIS_CONFERENCE,
    *DECISIONS,
    *WTDC,
    *WTSA,
    *WRC,
    *RA,
    *COUNCIL,
    *WTPF,
    *WCIT,
    *AMBIGUOUS,
    *UNGA,
    *NOT_UNGA,
    *RECOMMENDATIONS,
    *QUESTIONS,
    *TREATIES,
    *WSIS,
    *HARD_TEXT,
    *NEGATIVES,
    *VERSION_WORDS,
    *DAMAGED,
    *BOUNDARIES,
    *NOT_RECOMMENDATIONS,
    *RA_LISTS,
    *LIST_WORDS,
]


@pytest.mark.parametrize(
    ("text", "expected"), [row[1:] for row in ROWS], ids=[row[0] for row in ROWS]
)
def test_find_citation_targets(text: str, expected: list[str | None]) -> None:
    assert [c.target for c in current_citations(text)] == expected


def test_row_ids_are_unique() -> None:
    ids = [row[0] for row in ROWS]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


# ---------------------------------------------------------------- candidates of an ambiguous citation
# (id, text, candidate sets of the citations, in order)
CANDIDATE_ROWS: list[tuple[str, str, list[set[str]]]] = [
    (
        "dubai-2012",
        "in accordance with Resolution 5 (Dubai, 2012), Member States",
        [{"wtsa/res/5/2012", "wcit/res/5/2012"}],
    ),
    (
        "dubai-2012-list",
        "in accordance with Resolutions 5 and 6 (Dubai, 2012), Member States",
        [
            {"wtsa/res/5/2012", "wcit/res/5/2012"},
            {"wtsa/res/6/2012", "wcit/res/6/2012"},
        ],
    ),
    (
        "decided-has-none",
        "Resolution 5 (Dubai, 2012) of the World Telecommunication Standardization Assembly;",
        [set()],
    ),
    (
        "unambiguous-has-none",
        "in accordance with Resolution 130 (Rev. Busan, 2014), Member States",
        [set()],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [row[1:] for row in CANDIDATE_ROWS],
    ids=[row[0] for row in CANDIDATE_ROWS],
)
def test_ambiguous_citation_lists_candidates(
    text: str, expected: list[set[str]]
) -> None:
    citations = current_citations(text)
    assert [set(c.candidates) for c in citations] == expected
    for c in citations:
        assert isinstance(c.candidates, tuple)
        assert (c.target is None) == bool(c.candidates)
