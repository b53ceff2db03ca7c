"""Text factories for the ingest tests.

They wrap a snippet in the layout of a real ITU text as ``itukg text`` prints it (the
seed document's conventions, ``~~struck~~`` for deleted text), so that a table row can
hold only the words under test: a resolution of a given body (for "of this Conference",
self-mentions, sections and labels) or a proposal document with MOD/ADD/SUP blocks
(for views, sources and amendments).
"""

from __future__ import annotations

# body -> (header with {n}, preamble, version key of that header with {n})
INSTRUMENTS: dict[str, tuple[str, str, str]] = {
    "pp": (
        "RESOLUTION {n} (REV. BUSAN, 2014)",
        "The Plenipotentiary Conference of the International Telecommunication Union "
        "(Busan, 2014),",
        "pp/res/{n}/2014",
    ),
    "wtsa": (
        "RESOLUTION {n} (REV. HAMMAMET, 2016)",
        "The World Telecommunication Standardization Assembly (Hammamet, 2016),",
        "wtsa/res/{n}/2016",
    ),
    "wtdc": (
        "RESOLUTION {n} (REV. DUBAI, 2014)",
        "The World Telecommunication Development Conference (Dubai, 2014),",
        "wtdc/res/{n}/2014",
    ),
    "wrc": (
        "RESOLUTION {n} (REV.WRC-15)",
        "The World Radiocommunication Conference (Geneva, 2015),",
        "wrc/res/{n}/2015",
    ),
}


def resolution(
    *paragraphs: str,
    body: str = "pp",
    number: int = 999,
    history: str | None = None,
) -> str:
    """A whole resolution of ``body``: header, title, [edition history], preamble,
    then ``paragraphs`` (headings and labelled items, one per paragraph)."""
    header, preamble, _ = INSTRUMENTS[body]
    parts = [header.format(n=number), "Title of the resolution"]
    if history is not None:
        parts.append(history)
    parts += [preamble, *paragraphs]
    return "\n\n".join(parts) + "\n"


def in_resolution(
    snippet: str,
    *,
    body: str = "pp",
    number: int = 999,
    heading: str = "recalling",
    label: str = "a)",
) -> str:
    """``snippet`` as item ``label`` under ``heading`` of a resolution of ``body``."""
    return resolution(heading, f"{label} {snippet}", body=body, number=number)


def source_of(body: str = "pp", number: int = 999) -> str:
    """The version key of the resolution that ``resolution(body=…)`` builds."""
    return INSTRUMENTS[body][2].format(n=number)


# ---------------------------------------------------------------- proposal documents

PP14_COVER = "PLENIPOTENTIARY CONFERENCE (PP-14)\nBusan, 20 October – 7 November 2014"
PP14_DOC = "pp/2014/doc/12"

PP_PREAMBLE = (
    "The Plenipotentiary Conference of the International Telecommunication Union\n"
    "({where}),"
)

INTRO = (
    "Xyzland proposes to modify Resolution 130 (Rev. Guadalajara, 2010), to suppress "
    "Resolution 163 (Guadalajara, 2010) and to add a new resolution."
)


def proposal(
    *blocks: str,
    document: str = "Document 12-E",
    cover: str = PP14_COVER,
    date: str = "1 October 2014",
    intro: str = INTRO,
) -> str:
    """A proposal document: the cover page (conference, ``document`` number,
    ``date``), an introduction in running text, then the MOD/ADD/SUP ``blocks``."""
    parts = [
        cover,
        "PLENARY MEETING",
        f"{document}\n{date}\nOriginal: English",
        "Xyzland (Republic of)",
        "PROPOSALS FOR THE WORK OF THE CONFERENCE",
        intro,
        *blocks,
    ]
    return "\n\n".join(parts) + "\n"


def block(
    action: str,
    number: str,
    header: str,
    *paragraphs: str,
    where: str = "~~Guadalajara, 2010~~Busan, 2014",
) -> str:
    """One ``action`` block (MOD, ADD, SUP) with proposal ``number``: the action
    line, the instrument's ``header``, a title, the preamble naming ``where``, then
    ``paragraphs``."""
    parts = [
        f"{action} {number}",
        header,
        "Title of the resolution",
        PP_PREAMBLE.format(where=where),
        *paragraphs,
    ]
    return "\n\n".join(parts)


MOD_130_HEADER = "RESOLUTION 130 (REV. ~~GUADALAJARA, 2010~~BUSAN, 2014)"
MOD_182_HEADER = "RESOLUTION 182 (~~GUADALAJARA, 2010~~ REV. BUSAN, 2014)"
SUP_163_HEADER = "RESOLUTION 163 (GUADALAJARA, 2010)"


def mod_182(*paragraphs: str) -> str:
    """A PP-14 proposal whose one block modifies Resolution 182 (Guadalajara, 2010)
    into Resolution 182 (Rev. Busan, 2014), as in the seed document."""
    return proposal(
        block("MOD", "XYZ/12/1", MOD_182_HEADER, *paragraphs),
        intro="Xyzland proposes to modify Resolution 182 (Guadalajara, 2010).",
    )
