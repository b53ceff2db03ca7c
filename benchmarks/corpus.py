"""A generated corpus for scale tests: ``python -m benchmarks.corpus OUT --docs N
[--seed S]`` writes N documents in the contract's forms, each with its gold file
(``NAME.gold.json``, the format ``score-extract`` reads).

What is in it, drawn from the real documents' shapes (``examples/``, the seed):
proposals to a conference of every body (cover text with citations, then MOD
blocks with ``~~`` deletions and substitutions in their headers and bodies, ADD,
SUP and NOC blocks), files that hold one resolution of a conference, assembly or
the Council, and Final Acts of a conference with several resolutions. Citations
come in every form the contract names: place and year with and without the
body's name, "Rev." and acronyms (WRC-15), Council texts with their sessions,
Decisions, lists ("Resolutions 50 and 52 (…)"), pinpoints ("resolves 2 of …"),
UNGA resolutions in their several spellings (lettered ones too), Recommendations
of both Sectors and ITU-D Questions; a place and year that names two bodies
("Dubai, 2012") with no words to decide gives no gold edge. Targets follow a
Zipf law, so a few popular instruments are cited by most documents, as real
proposals all cite Resolution 71 or UNGA 70/1. Between the citing paragraphs
run paragraphs of plain prose that cite nothing, as in real resolutions, so the
documents have the length and the citation density of the shared corpus's ITU
texts (``DENSITY``: about 0.6 to 1.6 citations per 1,000 characters, 5 to 15 KB
per resolution; see ``tests/test_generated_corpus.py``). A share of the documents is
written as DOCX (tracked changes) and PDF (drawn strike-through) by the format
tests' factory; their gold is that of their text.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from itukg.ontology.gazetteer import Conference, load_gazetteer

BODY_NAMES = {
    "pp": "Plenipotentiary Conference",
    "wtdc": "World Telecommunication Development Conference",
    "wtsa": "World Telecommunication Standardization Assembly",
    "wrc": "World Radiocommunication Conference",
}
OPENING = {
    "pp": "The Plenipotentiary Conference of the International Telecommunication Union",
    "wtdc": "The World Telecommunication Development Conference",
    "wtsa": "The World Telecommunication Standardization Assembly",
    "wrc": "The World Radiocommunication Conference",
}
NUMBERS = {"pp": 210, "wtdc": 90, "wtsa": 100, "wrc": 780}
PREAMBLE = ("recalling", "considering", "noting", "recognizing", "bearing in mind")
OPERATIVE = (
    "resolves",
    "instructs the Secretary-General",
    "instructs the Director of the Telecommunication Development Bureau",
    "invites Member States",
)
# Citations per 1,000 characters in the shared corpus's ITU texts, as measured
# with `itukg extract` (current view): RR Vol. 3 WRC resolutions 0.56, PP-18
# Final Acts 0.92, WTSA Resolution 1 1.57, PP-14 Document 82 1.64. The generated
# documents must fall in this band (a test checks it).
DENSITY = (0.5, 2.0)
# Prose that cites nothing, from which the uncited paragraphs are drawn.
SUBJECTS = (
    "telecommunications and information and communication technologies",
    "the work of the three Sectors",
    "the activities of the regional offices",
    "cooperation among Member States and Sector Members",
    "the development of broadband infrastructure",
    "capacity building in developing countries",
    "the participation of small and medium enterprises",
    "the financial situation of the Union",
)
CLAIMS = (
    "are essential to the economic, social and cultural development of all nations",
    "need sustained attention from the membership and the secretariat",
    "depend on the availability of adequate human and financial resources",
    "have grown in importance since the last conference",
    "call for close coordination with other international organizations",
    "deserve particular attention in the least developed countries",
    "should be carried out within the available budget",
    "benefit from the exchange of information and best practices",
)
TAILS = (
    "taking into account the needs of users in rural and remote areas",
    "with due regard to the principle of equitable access",
    "in a manner consistent with the strategic plan of the Union",
    "so that the results can be reported to the next conference",
    "while avoiding duplication of effort between the Sectors",
    "in cooperation with the relevant regional telecommunication organizations",
)
COUNTRIES = ("ACP", "EUR", "APT", "ARB", "IAP", "RCC", "INS", "BRA", "KEN", "USA")
WORDS = (
    "on the role of telecommunications in the sustainable development of nations",
    "on building confidence and security in the use of information technologies",
    "on the strategic plan of the Union and its follow-up",
    "on bridging the digital divide in developing countries",
    "on the protection of the environment and climate change",
    "on international Internet-related public policy matters",
)


@dataclass(frozen=True)
class Cite:
    """A citation's words, its key in the current view and in the previous one."""

    text: str
    current: tuple[str, ...]
    previous: tuple[str, ...]


@dataclass
class Gold:
    doc: str
    citations: dict[str, dict[str, list[str]]] = field(
        default_factory=lambda: {"current": {}, "previous": {}}
    )
    amendments: list[dict[str, str | None]] = field(default_factory=list)

    def add(self, source: str, cite: Cite, previous: str | None = None) -> None:
        for view, src, keys in (
            ("current", source, cite.current),
            ("previous", previous, cite.previous),
        ):
            if src is None:
                continue
            got = self.citations[view].setdefault(src, [])
            got += [k for k in keys if k not in got and k != src]

    def as_json(self) -> dict[str, object]:
        cites = {
            v: {s: t for s, t in d.items() if t} for v, d in self.citations.items()
        }
        return {"doc": self.doc, "citations": cites, "amendments": self.amendments}


class Generator:
    """Documents and gold from one random seed."""

    def __init__(self, seed: int) -> None:
        self.rnd = random.Random(seed)
        gaz = load_gazetteer()
        self.confs = {
            b: sorted(
                (
                    c
                    for c in gaz.conferences
                    if c.body == b
                    and c.year >= 1994
                    and (b == "wrc" or len(gaz.at(c.place, c.year)) == 1)
                ),
                key=lambda c: c.year,
            )
            for b in BODY_NAMES
        }
        self.gaz = gaz
        self.used: set[str] = set()
        self.doc_numbers: dict[str, int] = defaultdict(int)
        self.year = 9999  # of the document being written: it cites older texts
        self.in_doc: set[int] = set()  # resolution numbers a proposal changes

    # ------------------------------------------------------------ targets
    def zipf(self, n: int) -> int:
        """1..n, the small numbers far more often (a few popular instruments)."""
        return min(n, int(self.rnd.paretovariate(1.1)))

    def conference(self, body: str, before: int = 0) -> Conference:
        before = min(before or self.year + 1, self.year + 1)
        confs = [c for c in self.confs[body] if c.year < before] or self.confs[body][:1]
        return confs[-1 - min(len(confs) - 1, self.zipf(len(confs)) - 1)]

    def resolution(self, body: str = "", before: int = 0) -> Cite:
        body = body or self.rnd.choice(("pp", "pp", "wtdc", "wtsa", "wrc"))
        n = self.zipf(NUMBERS[body])
        conf = self.conference(body, before)
        key = f"{body}/res/{n}/{conf.year}"
        rev = self.rnd.choice(("Rev. ", ""))
        if body == "wrc":
            return Cite(f"Resolution {n} ({rev}{conf.acronym})", (key,), (key,))
        place = f"{conf.place}, {conf.year}"
        unique = len(self.gaz.at(conf.place, conf.year)) == 1
        if unique and self.rnd.random() < 0.4:
            return Cite(f"Resolution {n} ({rev}{place})", (key,), (key,))
        text = f"Resolution {n} ({rev}{place}) of the {BODY_NAMES[body]}"
        return Cite(text, (key,), (key,))

    def substituted(self, body: str) -> Cite:
        """``Resolution n (Rev. ~~old~~ new) of the …``: two keys, one per view."""
        new = self.conference(body)
        old = self.conference(body, new.year)
        if old.year >= new.year:
            return self.resolution(body)
        n = self.zipf(NUMBERS[body])
        text = (
            f"Resolution {n} (Rev. ~~{old.place}, {old.year}~~ {new.place}, "
            f"{new.year}) of the {BODY_NAMES[body]}"
        )
        return Cite(
            text, (f"{body}/res/{n}/{new.year}",), (f"{body}/res/{n}/{old.year}",)
        )

    def listed(self) -> Cite:
        body = self.rnd.choice(("pp", "wtdc", "wtsa"))
        conf = self.conference(body)
        a = self.zipf(NUMBERS[body])
        b = a + self.rnd.randint(1, 9)
        text = (
            f"Resolutions {a} and {b} (Rev. {conf.place}, {conf.year}) of the "
            f"{BODY_NAMES[body]}"
        )
        keys = (f"{body}/res/{a}/{conf.year}", f"{body}/res/{b}/{conf.year}")
        return Cite(text, keys, keys)

    def unga(self) -> Cite:
        session = 55 + self.zipf(24) - 1
        n = self.zipf(300)
        letter = self.rnd.random() < 0.05
        key = f"unga/res/{session}/{n}" + ("b" if letter else "")
        number = f"{session}/{n}" + (" B" if letter else "")
        form = self.rnd.choice(
            (
                "UNGA Resolution {}",
                "United Nations General Assembly Resolution {}",
                "General Assembly resolution {}",
            )
        )
        return Cite(form.format(number), (key,), (key,))

    def other(self) -> Cite:
        r = self.rnd.random()
        if r < 0.2:
            n, year = 1000 + self.zipf(400), self.rnd.choice((2015, 2019, 2021))
            key = f"council/res/{n}/{year}"
            return Cite(f"Council Resolution {n} (Rev. {year})", (key,), (key,))
        if r < 0.35:
            conf = self.conference("pp")
            d = self.zipf(12)
            key = f"pp/dec/{d}/{conf.year}"
            return Cite(
                f"Decision {d} (Rev. {conf.place}, {conf.year})", (key,), (key,)
            )
        if r < 0.6:
            s, n = self.rnd.choice("DEGHXY"), self.zipf(1200)
            key = f"itu-t/rec/{s.lower()}.{n}"
            return Cite(f"Recommendation ITU-T {s}.{n}", (key,), (key,))
        if r < 0.75:
            s, n, v = self.rnd.choice("BMPS"), self.zipf(2000), self.rnd.randint(1, 9)
            key = f"itu-r/rec/{s.lower()}.{n}-{v}"
            return Cite(f"Recommendation ITU-R {s}.{n}-{v}", (key,), (key,))
        q, sg = self.zipf(9), self.rnd.randint(1, 2)
        key = f"itu-d/question/{q}/{sg}"
        return Cite(f"ITU-D Question {q}/{sg}", (key,), (key,))

    def cite(self, body: str, tracked: bool) -> Cite:
        r = self.rnd.random()
        if tracked and r < 0.12:
            return self.substituted(self.rnd.choice(("pp", "wtdc", "wtsa")))
        if r < 0.55:
            return self.resolution()
        if r < 0.62:
            return self.listed()
        if r < 0.8:
            return self.unga()
        return self.other()

    # ------------------------------------------------------------ paragraphs
    def clause(self, cite: Cite, heading: str, label: str) -> str:
        words = self.rnd.choice(WORDS)
        if heading in OPERATIVE:
            if self.rnd.random() < 0.15:
                return f"{label} to take into account resolves 2 of {cite.text};"
            return f"{label} to implement {cite.text}, {words};"
        if self.rnd.random() < 0.3:
            return f"{label} that {cite.text} calls for action {words};"
        return f"{label} {cite.text}, {words};"

    def prose(self, heading: str, label: str) -> str:
        """A paragraph of two or three sentences that cites nothing."""
        sentences = [
            f"{self.rnd.choice(SUBJECTS)} {self.rnd.choice(CLAIMS)}, "
            f"{self.rnd.choice(TAILS)}"
            for _ in range(self.rnd.randint(2, 3))
        ]
        lead = "to ensure that" if heading in OPERATIVE else "that"
        return f"{label} {lead} " + "; ".join(sentences) + ";"

    def body(
        self, body: str, tracked: bool, gold: Gold, src: str, prev: str | None
    ) -> list[str]:
        """Headings with labelled paragraphs, some citing something, most plain
        prose (the real texts' density, ``DENSITY``)."""
        out: list[str] = []
        headings = self.rnd.sample(PREAMBLE, 3) + self.rnd.sample(OPERATIVE, 2)
        for heading in headings:
            out += [heading, ""]
            citing = [True] * self.rnd.randint(1, 3) + [False] * self.rnd.randint(2, 5)
            self.rnd.shuffle(citing)
            for i, cites in enumerate(citing):
                label = f"{i + 1}" if heading in OPERATIVE else f"{'abcdefgh'[i]})"
                if not cites:
                    out += [self.prose(heading, label), ""]
                    continue
                cite = self.cite(body, tracked)
                gold.add(src, cite, prev)
                out += [self.clause(cite, heading, label), ""]
        return out

    # ------------------------------------------------------------ documents
    def number(self, body: str, year: int) -> int:
        self.doc_numbers[f"{body}/{year}"] += 1
        return self.doc_numbers[f"{body}/{year}"]

    def proposal(self) -> tuple[str, Gold]:
        """A conference document proposing MOD / ADD / SUP / NOC blocks."""
        body = self.rnd.choice(("pp", "pp", "wtdc", "wtsa"))
        conf = self.rnd.choice(self.confs[body][1:])
        n = self.number(body, conf.year)
        doc = f"{body}/{conf.year}/doc/{n}"
        self.year = conf.year
        self.in_doc = set()
        gold = Gold(doc)
        cc = self.rnd.choice(COUNTRIES)
        lines = [
            f"{BODY_NAMES[body]} ({conf.acronym})",
            f"{conf.place}, {conf.year}",
            "",
            "PLENARY MEETING",
            "",
            f"Document {n}-E",
            f"1 September {conf.year}",
            "Original: English",
            "",
            f"{cc} Administrations",
            "",
            "PROPOSALS FOR THE WORK OF THE CONFERENCE",
            "",
        ]
        for _ in range(self.rnd.randint(1, 3)):
            cite = self.cite(body, False)
            gold.add(doc, cite)
            lines += [f"The administrations take into account {cite.text}.", ""]
        if self.rnd.random() < 0.1:  # a place and year of two bodies, no words
            lines += [
                "Some contributions also pointed to Resolution 5 (Dubai, 2012) "
                "without saying more.",
                "",
            ]
        for k in range(1, self.rnd.randint(2, 5)):
            lines += [f"ANNEX {k}", ""]
            lines += self.block(body, conf, f"{cc}/{n}/{k}", gold)
        return "\n".join(lines) + "\n", gold

    def block(self, body: str, conf: Conference, pid: str, gold: Gold) -> list[str]:
        action = self.rnd.choices(("MOD", "ADD", "SUP", "NOC"), (6, 2, 1, 1))[0]
        old = self.conference(body, conf.year)
        n = self.zipf(NUMBERS[body]) + (300 if action == "ADD" else 0)
        while n in self.in_doc:  # a proposal changes each resolution once
            n += 1
        self.in_doc.add(n)
        head = [f"{action} {pid}", ""]
        title = self.rnd.choice(WORDS).removeprefix("on ").capitalize()
        if action == "MOD":
            new_key, old_key = (
                f"{body}/res/{n}/{conf.year}",
                f"{body}/res/{n}/{old.year}",
            )
            gold.amendments.append(
                {"action": "MOD", "proposal": pid, "target": old_key, "result": new_key}
            )
            return [
                *head,
                f"RESOLUTION {n} (REV. ~~{old.place.upper()}, {old.year}~~ "
                f"{conf.place.upper()}, {conf.year})",
                "",
                title,
                "",
                f"{OPENING[body]} (~~{old.place}, {old.year}~~ {conf.place}, "
                f"{conf.year}),",
                "",
                *self.body(body, True, gold, new_key, old_key),
            ]
        key = f"{body}/res/{n}/{(conf if action == 'ADD' else old).year}"
        gold.amendments.append(
            {
                "action": action,
                "proposal": pid,
                "target": None if action == "ADD" else key,
                "result": None if action == "SUP" else key,
            }
        )
        at = conf if action == "ADD" else old
        rev = "" if action == "ADD" else "REV. "
        lines = [*head, f"RESOLUTION {n} ({rev}{at.place.upper()}, {at.year})", ""]
        lines += [title, "", f"{OPENING[body]} ({at.place}, {at.year}),", ""]
        if action == "ADD":
            lines += self.body(body, False, gold, key, None)
        else:
            lines += ["Reasons: The tasks set out in this Resolution are done.", ""]
        return lines

    def instrument(self) -> tuple[str, Gold] | None:
        """A file holding one resolution of a conference or assembly."""
        body = self.rnd.choice(("pp", "wtdc", "wtsa", "wtsa"))
        conf = self.rnd.choice(self.confs[body])
        n = self.rnd.randint(1, NUMBERS[body])
        key = f"{body}/res/{n}/{conf.year}"
        if key in self.used:
            return None
        self.used.add(key)
        self.year = conf.year
        gold = Gold(key)
        title = self.rnd.choice(WORDS).removeprefix("on ").capitalize()
        lines = [
            f"RESOLUTION {n} (REV. {conf.place.upper()}, {conf.year})",
            "",
            title,
            "",
            f"({conf.place}, {conf.year})",
            "",
            f"{OPENING[body]} ({conf.place}, {conf.year}),",
            "",
            *self.body(body, False, gold, key, None),
        ]
        return "\n".join(lines) + "\n", gold

    def final_acts(self) -> tuple[str, Gold] | None:
        """The Final Acts of a PP conference: several resolutions, each a source."""
        left = [
            c for c in self.confs["pp"] if f"pp/{c.year}/final-acts" not in self.used
        ]
        if not left:
            return None
        conf = self.rnd.choice(left)
        self.year = conf.year
        gold = Gold(f"pp/{conf.year}/final-acts")
        self.used.add(gold.doc)
        lines = [
            f"FINAL ACTS OF THE PLENIPOTENTIARY CONFERENCE ({conf.place.upper()}, "
            f"{conf.year})",
            "",
        ]
        for n in sorted(self.rnd.sample(range(1, NUMBERS["pp"]), 6)):
            key = f"pp/res/{n}/{conf.year}"
            title = self.rnd.choice(WORDS).removeprefix("on ").capitalize()
            lines += [f"RESOLUTION {n} (REV. {conf.place.upper()}, {conf.year})", ""]
            lines += [title, "", f"{OPENING['pp']} ({conf.place}, {conf.year}),", ""]
            lines += self.body("pp", False, gold, key, None)
        return "\n".join(lines) + "\n", gold

    def document(self) -> tuple[str, Gold]:
        while True:
            r = self.rnd.random()
            made = (
                self.final_acts()
                if r < 0.02
                else self.proposal()
                if r < 0.57
                else self.instrument()
            )
            if made is not None:
                return made


def write_corpus(
    out: Path, docs: int, seed: int = 1, formats: bool = True
) -> list[Path]:
    """Write ``docs`` documents and their gold files into ``out``; the paths of
    the documents. About one in ten is DOCX and one in twenty PDF."""
    gen = Generator(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(docs):
        text, gold = gen.document()
        stem = f"{i:05d}_{gold.doc.replace('/', '-')}"
        path = out / f"{stem}.{_format(i) if formats else 'txt'}"
        path.write_bytes(_render(text, path.suffix))
        record = gold.as_json() | {"chars": len(text)}  # MB of text, for the bench
        (out / f"{stem}.gold.json").write_text(json.dumps(record, indent=1))
        paths.append(path)
    return paths


def _format(i: int) -> str:
    """Two in twenty documents are DOCX and one in twenty PDF, at fixed places, so
    that any twenty consecutive documents hold every format."""
    return {3: "docx", 13: "docx", 7: "pdf"}.get(i % 20, "txt")


def _render(text: str, suffix: str) -> bytes:
    if suffix == ".txt":
        return text.encode("utf-8")
    from tests.ingest.formats_factory import build_docx, build_pdf, seed_lines

    lines = seed_lines(text)
    return build_docx(lines) if suffix == ".docx" else build_pdf(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.corpus")
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--text-only", action="store_true", help="no DOCX or PDF")
    args = parser.parse_args(argv)
    paths = write_corpus(args.out, args.docs, args.seed, not args.text_only)
    print(f"{len(paths)} documents in {args.out}")  # noqa: T201


if __name__ == "__main__":
    main()
