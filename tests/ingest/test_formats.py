"""Issue 5, real document formats: DOCX (tracked revisions and formatting-only
changes), PDF (drawn strike-through lines, lost strikes, scans), HTML and legacy
Word. The seed text is built, at test time, into each format; each must give the
seed's views and its gold score through the real ``itukg`` command."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from itukg.ingest.models import Document
from itukg.ingest.readers import doc as doc_reader
from itukg.ingest.readers import docx, html, pdf
from itukg.ingest.readers.pdflayout import Line, _Vocabulary
from itukg.ingest.sources import read_document
from itukg.ingest.views import render_view
from itukg.ontology.errors import UnreadableDocument, UnsupportedFormat
from tests.ingest.formats_factory import (
    Piece,
    build_docx,
    build_html,
    build_pdf,
    docx_package,
    seed_lines,
)

ITUKG = Path(sys.executable).with_name("itukg")
SEED = "corpus/seed/000_0db5f33711737b4f.txt"
GOLD = "corpus/seed/000_0db5f33711737b4f.gold.json"
BUILT = ["docx-tracked", "docx-formatting", "pdf", "html"]
REV = 'w:id="1" w:author="a" w:date="2014-10-07T00:00:00Z"'


def _has_soffice() -> bool:
    if shutil.which("soffice"):
        return True
    if os.environ.get("CI") == "true":
        pytest.fail("LibreOffice (soffice) is missing (CI=true): see .ci/run")
    pytest.skip("LibreOffice (soffice) is not installed")


@pytest.fixture(scope="session")
def built(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seed as each format, in a temporary folder."""
    lines = seed_lines((shared / SEED).read_text(encoding="utf-8"))
    folder = tmp_path_factory.mktemp("built")
    files = {
        "docx-tracked": ("seed-tracked.docx", build_docx(lines)),
        "docx-formatting": ("seed-formatting.docx", build_docx(lines, tracked=False)),
        "pdf": ("seed.pdf", build_pdf(lines)),
        "html": ("seed.html", build_html(lines)),
    }
    out = {}
    for name, (filename, data) in files.items():
        out[name] = folder / filename
        out[name].write_bytes(data)
    return out


def _f1(shared: Path, path: Path) -> str:
    records = subprocess.run(
        [str(ITUKG), "extract", str(path), "--format", "jsonl"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    ).stdout
    scored = subprocess.run(
        [sys.executable, str(shared / "tools/score-extract"), str(shared / GOLD)],
        input=records,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return scored.stdout.strip().splitlines()[-1]


def _lines(doc: Document, view: str) -> list[str]:
    """A view's non-blank lines, white space collapsed."""
    text = render_view(doc, view).text  # type: ignore[arg-type]
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@pytest.mark.slow
@pytest.mark.parametrize("name", BUILT)
def test_built_document_scores_as_the_seed(
    shared: Path, built: dict[str, Path], name: str
) -> None:
    assert _f1(shared, built[name]) == _f1(shared, shared / SEED) == "f1=1.000"


@pytest.mark.parametrize("name", BUILT)
@pytest.mark.parametrize("view", ["current", "previous"])
def test_built_document_has_the_seeds_views(
    shared: Path, built: dict[str, Path], name: str, view: str
) -> None:
    seed = read_document(shared / SEED)
    assert _lines(read_document(built[name]), view) == _lines(seed, view)


def test_pdf_running_heads_and_page_numbers_are_dropped(
    built: dict[str, Path],
) -> None:
    text = read_document(built["pdf"]).text
    assert "PP14/82-E" not in text
    assert "- 2 -" not in text


def test_legacy_doc_keeps_tracked_changes(
    shared: Path, built: dict[str, Path], tmp_path: Path
) -> None:
    """The tracked DOCX saved as Word 97 by LibreOffice reads back with the same
    views."""
    _has_soffice()
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
         "doc:MS Word 97", "--outdir", str(tmp_path), str(built["docx-tracked"])],
        capture_output=True,
        timeout=300,
        check=True,
    )  # fmt: skip
    converted = read_document(tmp_path / "seed-tracked.doc")
    seed = read_document(shared / SEED)
    assert converted.fmt == "doc"
    for view in ("current", "previous"):
        assert _lines(converted, view) == _lines(seed, view)


# --- DOCX ------------------------------------------------------------------------


def _p(*runs: str, ppr: str = "") -> str:
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def _r(text: str, rpr: str = "") -> str:
    return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def _views(doc: Document) -> tuple[str, str, str]:
    return (
        doc.text,
        render_view(doc, "current").text,
        render_view(doc, "previous").text,
    )


DELETED = f"<w:del {REV}><w:r><w:delText>Hyderabad, 2010</w:delText></w:r></w:del>"
INSERTED = f"<w:ins {REV}>{_r('Dubai, 2014')}</w:ins>"
DOCX_CASES = [
    (
        "tracked substitution",
        _p(_r("Resolution 66 (Rev. "), DELETED, INSERTED, _r(")")),
        "",
        (
            "Resolution 66 (Rev. Hyderabad, 2010Dubai, 2014)\n",
            "Resolution 66 (Rev. Dubai, 2014)\n",
            "Resolution 66 (Rev. Hyderabad, 2010)\n",
        ),
    ),
    (
        "moves",
        _p(
            f"<w:moveFrom {REV}>{_r('old ')}</w:moveFrom>",
            _r("kept"),
            f"<w:moveTo {REV}>{_r(' new')}</w:moveTo>",
        ),
        "",
        ("old kept new\n", "kept new\n", "old kept\n"),
    ),
    (
        "inserted then deleted is in neither view",
        _p(_r("a"), f"<w:ins {REV}><w:del {REV}>{_r('x')}</w:del></w:ins>", _r("b")),
        "",
        ("axb\n", "ab\n", "ab\n"),
    ),
    (
        "deleted paragraph mark joins paragraphs",
        _p(_r("first "), ppr=f"<w:pPr><w:rPr><w:del {REV}/></w:rPr></w:pPr>")
        + _p(_r("second")),
        "",
        ("first \nsecond\n", "first second\n", "first \nsecond\n"),
    ),
    (
        "deleted table row",
        "<w:tbl><w:tr><w:tc>" + _p(_r("kept")) + "</w:tc></w:tr>"
        f"<w:tr><w:trPr><w:del {REV}/></w:trPr><w:tc>"
        + _p(_r("gone"))
        + "</w:tc></w:tr></w:tbl>",
        "",
        ("kept\ngone\n", "kept\n", "kept\ngone\n"),
    ),
    (
        "formatting in a MOD block: struck deleted, underlined inserted, link kept",
        _p(_r("MOD INS/82/1"))
        + _p(
            _r("Resolution 66 (Rev. "),
            _r("Hyderabad, 2010", "<w:strike/>"),
            _r(" "),
            _r("Dubai, 2014", '<w:u w:val="single"/>'),
            _r(") "),
            '<w:hyperlink r:id="x" xmlns:r="urn:r">'
            + _r("www.itu.int", '<w:rStyle w:val="Hyperlink"/>')
            + "</w:hyperlink>",
        ),
        "",
        (
            "MOD INS/82/1\n"
            "Resolution 66 (Rev. Hyderabad, 2010 Dubai, 2014) www.itu.int\n",
            "MOD INS/82/1\nResolution 66 (Rev.  Dubai, 2014) www.itu.int\n",
            "MOD INS/82/1\nResolution 66 (Rev. Hyderabad, 2010 ) www.itu.int\n",
        ),
    ),
    (
        "formatting outside any block is plain text",
        _p(
            _r("Resolution 66 (Rev. "),
            _r("Hyderabad, 2010", "<w:strike/>"),
            _r(" "),
            _r("Dubai, 2014", '<w:u w:val="single"/>'),
            _r(")"),
        ),
        "",
        ("Resolution 66 (Rev. Hyderabad, 2010 Dubai, 2014)\n",) * 3,
    ),
    (
        "formatting after a MOD block's Reasons is plain text",
        _p(_r("MOD INS/82/1"))
        + _p(_r("a "), _r("b", "<w:strike/>"))
        + _p(_r("Reasons: "), _r("c", "<w:strike/>")),
        "",
        (
            "MOD INS/82/1\na b\nReasons: c\n",
            "MOD INS/82/1\na \nReasons: c\n",
            "MOD INS/82/1\na b\nReasons: c\n",
        ),
    ),
    (
        "formatting in an annex of a MOD block is a change",
        _p(_r("MOD INS/82/1"))
        + _p(_r("ANNEX 1"))
        + _p(_r("a "), _r("b", "<w:strike/>")),
        "",
        (
            "MOD INS/82/1\nANNEX 1\na b\n",
            "MOD INS/82/1\nANNEX 1\na \n",
            "MOD INS/82/1\nANNEX 1\na b\n",
        ),
    ),
    (
        "strike through a character style in a MOD block",
        _p(_r("MOD INS/82/1"))
        + _p(_r("a "), _r("b", '<w:rStyle w:val="Deleted"/>'), _r(" c")),
        "",
        (
            "MOD INS/82/1\na b c\n",
            "MOD INS/82/1\na  c\n",
            "MOD INS/82/1\na b c\n",
        ),
    ),
    (
        "tracked changes count outside any block",
        _p(_r("Resolution 66 (Rev. "), DELETED, INSERTED, _r(")")),
        "",
        (
            "Resolution 66 (Rev. Hyderabad, 2010Dubai, 2014)\n",
            "Resolution 66 (Rev. Dubai, 2014)\n",
            "Resolution 66 (Rev. Hyderabad, 2010)\n",
        ),
    ),
    (
        "underline without any strike is plain text",
        _p(_r("Resolution 1 ("), _r("Dubai, 2014", "<w:u/>"), _r(")")),
        "",
        ("Resolution 1 (Dubai, 2014)\n",) * 3,
    ),
    (
        "footnote after its paragraph, marks as superscript digits",
        _p(
            _r("(Hammamet, 2016)"),
            '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            '<w:footnoteReference w:id="1"/></w:r>',
        )
        + _p(_r("next")),
        '<w:footnote w:id="1"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/>'
        "</w:rPr><w:footnoteRef/></w:r>"
        + _r(" Previously published (Geneva, 1956).")
        + "</w:p></w:footnote>",
        ("(Hammamet, 2016)¹\n¹ Previously published (Geneva, 1956).\nnext\n",) * 3,
    ),
    (
        "table cells on lines of their own",
        "<w:tbl><w:tr><w:tc>"
        + _p(_r("Resolution 1"))
        + "</w:tc><w:tc>"
        + _p(_r("WTSA-16"))
        + "</w:tc></w:tr></w:tbl>",
        "",
        ("Resolution 1\nWTSA-16\n",) * 3,
    ),
    (
        "nested table read once",
        "<w:tbl><w:tr><w:tc>"
        + _p(_r("outer"))
        + "<w:tbl><w:tr><w:tc>"
        + _p(_r("inner"))
        + "</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>",
        "",
        ("outer\ninner\n",) * 3,
    ),
    (
        "non-breaking hyphens and spaces, soft hyphens",
        _p(
            "<w:r><w:t>ITU</w:t><w:noBreakHyphen/><w:t>T Resolution\u00a01 tele</w:t>"
            "<w:softHyphen/><w:t>communication</w:t></w:r>"
        ),
        "",
        ("ITU-T Resolution 1 telecommunication\n",) * 3,
    ),
    (
        "text box once (mc:Choice, not its mc:Fallback)",
        _p(
            _r("body"),
            "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><x>"
            "<w:txbxContent>" + _p(_r("box")) + "</w:txbxContent></x></w:drawing>"
            "</mc:Choice><mc:Fallback><w:pict><w:txbxContent>"
            + _p(_r("box"))
            + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>",
        ),
        "",
        ("body\nbox\n",) * 3,
    ),
    (
        "caps shown upper-case, hidden text and field codes dropped",
        _p(
            _r("Resolution", "<w:caps/>"),
            _r(" hidden", "<w:vanish/>"),
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            "<w:r><w:instrText> PAGE </w:instrText></w:r>"
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
            _r(" 1"),
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        ),
        "",
        ("RESOLUTION 1\n",) * 3,
    ),
]


@pytest.mark.parametrize(
    ("body", "notes", "expected"),
    [c[1:] for c in DOCX_CASES],
    ids=[c[0] for c in DOCX_CASES],
)
def test_docx(body: str, notes: str, expected: tuple[str, str, str]) -> None:
    doc = docx.read(Path("case.docx"), docx_package(body, notes))
    assert _views(doc) == expected


def test_docx_refuses_other_zip_containers() -> None:
    buffer = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedFormat, match="an Excel workbook is not a Word"):
        docx.read(Path("book.xlsx"), buffer.getvalue())


# --- HTML ------------------------------------------------------------------------

HTML_CASES = [
    (
        "del and ins",
        "<p>Resolution 66 (Rev. <del>Hyderabad, 2010</del><ins>Dubai, 2014</ins>)</p>",
        (
            "Resolution 66 (Rev. Dubai, 2014)\n",
            "Resolution 66 (Rev. Hyderabad, 2010)\n",
        ),
    ),
    (
        "s and u are formatting changes in a MOD block",
        "<p>MOD INS/82/1</p><p>a <s>b</s> <u>c</u> <strike>d</strike></p>",
        ("MOD INS/82/1\na  c \n", "MOD INS/82/1\na b  d\n"),
    ),
    (
        "s and u outside any block are plain text",
        "<p>a <s>b</s> <u>c</u> <strike>d</strike></p>",
        ("a b c d\n", "a b c d\n"),
    ),
    (
        "u alone is plain, links are never insertions",
        "<p>a <u>b</u> <a href='x'><u>c</u></a></p>",
        ("a b c\n", "a b c\n"),
    ),
    (
        "style line-through in a SUP block",
        "<p>SUP INS/82/3</p>"
        "<p>x <span style='text-decoration: line-through'>y</span> z</p>",
        ("SUP INS/82/3\nx  z\n", "SUP INS/82/3\nx y z\n"),
    ),
    (
        "del and ins count outside any block",
        "<p>a <del>b</del><ins>c</ins></p>",
        ("a c\n", "a b\n"),
    ),
    (
        "blocks, br, white space, entities; head and scripts dropped",
        "<html><head><title>T</title><style>p{}</style></head><body>"
        "<h1>RESOLUTION  1\n (REV. BUSAN,&nbsp;2014)</h1><script>x()</script>"
        "<p>a<br>b &sect; 1</p><ul><li>one</li><li>two</li></ul></body></html>",
        ("RESOLUTION 1 (REV. BUSAN, 2014)\na\nb § 1\none\ntwo\n",) * 2,
    ),
    (
        "footnote marks in sup",
        "<p>(Hammamet, 2016)<sup>1</sup></p>",
        ("(Hammamet, 2016)¹\n",) * 2,
    ),
]


@pytest.mark.parametrize(
    ("page", "expected"),
    [c[1:] for c in HTML_CASES],
    ids=[c[0] for c in HTML_CASES],
)
def test_html(page: str, expected: tuple[str, str]) -> None:
    doc = html.read(Path("case.html"), page.encode("utf-8"))
    assert _views(doc)[1:] == expected


# --- PDF -------------------------------------------------------------------------

JOINS = [
    ("telecom-", "munication sector", "-"),  # the joined word occurs elsewhere
    ("climate-", "change effects", ""),  # a compound broken at its hyphen
    ("(ITU-", "T) Recommendations", ""),
    ("technol\u00ad", "ogy", "-"),
    ("telecommunications/", "ICTs", ""),
    ("the", "Union", " "),
    ("2012-", "2015", " "),
]


@pytest.mark.parametrize(("left", "right", "join"), JOINS)
def test_pdf_line_joins(left: str, right: str, join: str) -> None:
    vocabulary = _Vocabulary(
        [_line("the telecommunication sector"), _line("on climate-change")]
    )
    assert vocabulary.joins(left, right) == join


def _line(text: str) -> Line:
    from itukg.ingest.readers.pdflayout import _Char

    chars = tuple(_Char(c) for c in text)
    return Line(0, chars, 0.0, 100.0, 0.0, 10.0, 10.0, 10.0)


RUN_TOGETHER = [
    (
        "RESOLUTION 130 (REV. DUBAI, 2018BUCHAREST, 2022)",
        "RESOLUTION 130 (REV. BUCHAREST, 2022)",
        "RESOLUTION 130 (REV. DUBAI, 2018)",
    ),
    (
        "Resolution 66 (Rev. Hyderabad, 2010Dubai, 2014) of WTDC",
        "Resolution 66 (Rev. Dubai, 2014) of WTDC",
        "Resolution 66 (Rev. Hyderabad, 2010) of WTDC",
    ),
    (
        "Resolution 646 (Rev.WRC-12WRC-15)",
        "Resolution 646 (Rev.WRC-15)",
        "Resolution 646 (Rev.WRC-12)",
    ),
    ("(Geneva, 1972; Kyoto, 1994)",) * 3,
    ("(Kyoto, 1994 and Minneapolis, 1998)",) * 3,
]


@pytest.mark.parametrize(("line", "current", "previous"), RUN_TOGETHER)
def test_pdf_lost_strike_is_a_substitution(
    tmp_path: Path, line: str, current: str, previous: str
) -> None:
    path = tmp_path / "lost.pdf"
    path.write_bytes(build_pdf([(Piece(line, "plain"),)], strike=False, heads=False))
    doc = read_document(path)
    assert (_lines(doc, "current"), _lines(doc, "previous")) == ([current], [previous])


def test_pdf_without_text_layer_is_refused(tmp_path: Path) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawImage(ImageReader(Image.new("L", (60, 80), 200)), 50, 50, 300, 400)
    canvas.showPage()
    canvas.save()
    with pytest.raises(UnreadableDocument, match="scanned PDF without a text layer"):
        pdf.read(Path("scan.pdf"), buffer.getvalue())


def test_damaged_pdf_is_refused() -> None:
    with pytest.raises(UnreadableDocument, match="not a readable PDF"):
        pdf.read(Path("bad.pdf"), b"%PDF-1.4\n%%EOF garbage")


# --- legacy Word and dispatch ------------------------------------------------------

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 56


def test_doc_without_libreoffice_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doc_reader.shutil, "which", lambda name: None)
    data = OLE + "WordDocument".encode("utf-16-le")
    with pytest.raises(UnreadableDocument, match="need LibreOffice"):
        doc_reader.read(Path("old.doc"), data)


def test_ole_file_that_is_not_word_is_refused() -> None:
    data = OLE + "Workbook".encode("utf-16-le")
    with pytest.raises(UnsupportedFormat, match="an Excel workbook is not a Word"):
        doc_reader.read(Path("old.xls"), data)


DISPATCH = [
    ("page.html", b"<p>Resolution 1</p>", "html"),
    ("page.txt", b"  <!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
    ("page.xhtml", b'<?xml version="1.0"?><html><body><p>x</p></body></html>', "html"),
    ("notes.md", b"Resolution 1 (~~Dubai, 2012~~)", "text"),
]


@pytest.mark.parametrize(("name", "data", "fmt"), DISPATCH)
def test_dispatch(tmp_path: Path, name: str, data: bytes, fmt: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert read_document(path).fmt == fmt


# --- the real corpus ---------------------------------------------------------------


def _scorer(shared: Path) -> ModuleType:
    """The team's scorer, loaded as a module: its own definition of scored edges."""
    loader = importlib.machinery.SourceFileLoader(
        "score_extract", str(shared / "tools/score-extract")
    )
    spec = importlib.util.spec_from_loader("score_extract", loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def _extract(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ITUKG), "extract", *map(str, paths), "--format", "jsonl"],
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.slow
def test_real_word_and_pdf_documents_are_read(shared: Path) -> None:
    """Every DOCX, .doc and PDF of the real corpus goes through ``itukg extract``
    with no error."""
    _has_soffice()
    real = sorted(
        p
        for p in (shared / "corpus/real").iterdir()
        if p.suffix in (".docx", ".doc", ".pdf")
    )
    assert len(real) >= 11
    done = _extract(*real)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    docs = {json.loads(line)["doc"] for line in done.stdout.splitlines()}
    # the Word file and the PDF of WTSA Resolution 1 name the same instrument
    assert "wtsa/res/1/2016" in docs
    assert len(docs) == len(real) - 1


# What the PDF re-rendering of WTSA Resolution 1 loses against its Word original:
# the PDF prints "WTSA Resolution44 (Rev.Hammamet, 2016)" with no space at all
# between the word and the number (not even a gap in the glyph positions), so the
# citation finder, which wants a space there, does not see it.
WTSA16_PDF_LOSES = {("current", "wtsa/res/1/2016", "wtsa/res/44/2016")}


@pytest.mark.slow
def test_wtsa16_docx_and_pdf_give_the_same_edges(shared: Path) -> None:
    scorer = _scorer(shared)
    edges = {}
    for name in ("wtsa16-res1.docx", "wtsa16-res1-render.pdf"):
        done = _extract(shared / "corpus/real" / name)
        assert done.returncode == 0, done.stderr
        edges[name], amendments, _ = scorer.record_sets(done.stdout.splitlines())
        assert not amendments
    word, rendered = edges["wtsa16-res1.docx"], edges["wtsa16-res1-render.pdf"]
    assert len(word) >= 14
    assert rendered - word == set()
    assert word - rendered <= WTSA16_PDF_LOSES
