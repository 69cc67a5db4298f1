"""A right-to-left story in every format: the direction travels with the words.

The Arabic story of tests/data (a paragraph in English among Arabic ones) is exported and read
back with the tools a reader has: an HTML parser, the DOCX XML, the NewsML-G2 and NITF schemas,
the text's own characters, and poppler's pdftotext for the PDF.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import html5lib
import pytest
from lxml import etree

from editor.export import get_exporter
from editor.export.docx import DocxExporter
from editor.export.html import HtmlExporter
from editor.export.newsml import NewsmlExporter
from editor.export.nitf import NitfExporter
from editor.export.pdf import PdfExporter, page_furniture_css
from editor.export.text import TextExporter
from editor.ingest import import_file
from editor.model.article import Article
from editor.model.media_store import MediaStore
from editor.render import page
from editor.render.page import byline_text
from editor.render.wire import RLM

from iptc_schemas import SCHEMAS, load_schema
from locations import DATA

ARABIC_STORY = DATA / "ar_efe_cairo.md"
FIRST_WORDS = "افتتح رئيس الوزراء المصري اليوم الخميس"
LATIN_PARAGRAPH = "Spanish publishers from Madrid and Barcelona share a stand this year."
DATELINE = "القاهرة، 23 يناير (إفي).-"
XHTML = "{http://www.w3.org/1999/xhtml}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


# This checkout's stylesheet (the installed package may map another checkout's resources).
ARTICLE_CSS = Path(__file__).resolve().parents[2] / "resources" / "styles" / "article.css"


@pytest.fixture(scope="module", autouse=True)
def _own_stylesheet() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(page, "ARTICLE_CSS", ARTICLE_CSS)
        yield


def arabic_story() -> Article:
    return import_file(ARABIC_STORY).article


def test_the_fixture_is_an_arabic_story() -> None:
    article = arabic_story()
    assert article.language == "ar"
    assert article.dateline.style == "efe-ar"


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["سارة محمود"], "بقلم سارة محمود"),
        (["سارة محمود", "أحمد سعيد"], "بقلم سارة محمود وأحمد سعيد"),
        (["سارة", "أحمد", "ليلى"], "بقلم سارة، أحمد وليلى"),
        (["سارة", "Juan Pérez"], "بقلم سارة و Juan Pérez"),  # "و" joins Arabic letters only
    ],
)
def test_arabic_bylines(names: list[str], expected: str) -> None:
    assert byline_text(names, arabic=True) == expected


# --- HTML ----------------------------------------------------------------------------------------


def test_html_page_is_rtl_and_arabic() -> None:
    page = HtmlExporter().render(arabic_story(), MediaStore())
    document = html5lib.parse(page)  # as a browser parses it
    assert document.get("dir") == "rtl"
    assert document.get("lang") == "ar"
    isolated = [bdi.text for bdi in document.iter(f"{XHTML}bdi")]
    assert isolated == [DATELINE, "سارة محمود", "Juan Pérez"]


def test_an_english_page_keeps_no_dir() -> None:
    article = arabic_story()
    article.language = "en"
    document = html5lib.parse(HtmlExporter().render(article, MediaStore()))
    assert document.get("dir") is None and document.get("lang") == "en"


def test_an_unset_language_goes_by_the_headline() -> None:
    article = arabic_story()
    article.language = ""
    document = html5lib.parse(HtmlExporter().render(article, MediaStore()))
    assert document.get("dir") == "rtl"


# --- DOCX ----------------------------------------------------------------------------------------


def _docx_xml(article: Article, part: str = "word/document.xml") -> etree._Element:
    data = DocxExporter().render(article, MediaStore())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(part))


def _paragraphs(root: etree._Element) -> dict[str, etree._Element]:
    found = {}
    for paragraph in root.iter(f"{W}p"):
        text = "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
        if text:
            found[text] = paragraph
    return found


def test_docx_arabic_paragraphs_are_bidi_with_rtl_runs() -> None:
    paragraphs = _paragraphs(_docx_xml(arabic_story()))
    first = next(p for text, p in paragraphs.items() if text.startswith(FIRST_WORDS))
    assert first.find(f"{W}pPr/{W}bidi") is not None
    runs = list(first.iter(f"{W}r"))
    assert runs and all(run.find(f"{W}rPr/{W}rtl") is not None for run in runs)
    latin = paragraphs[LATIN_PARAGRAPH]
    assert latin.find(f"{W}pPr/{W}bidi") is None
    assert all(run.find(f"{W}rPr/{W}rtl") is None for run in latin.iter(f"{W}r"))
    headline = next(p for text, p in paragraphs.items() if text.startswith("افتتاح معرض"))
    assert headline.find(f"{W}pPr/{W}bidi") is not None


def test_docx_properties_keep_the_schema_order() -> None:
    """w:bidi goes before w:spacing and w:jc, w:rtl before w:lang: Word refuses other orders."""
    root = _docx_xml(arabic_story())
    for properties in root.iter(f"{W}pPr"):
        tags = [etree.QName(child).localname for child in properties]
        if "bidi" in tags:
            later = {"spacing", "ind", "jc", "rPr", "sectPr"} & set(tags)
            assert all(tags.index("bidi") < tags.index(tag) for tag in later), tags
    for properties in root.iter(f"{W}rPr"):
        tags = [etree.QName(child).localname for child in properties]
        if "rtl" in tags and "lang" in tags:
            assert tags.index("rtl") < tags.index("lang"), tags


def test_docx_complex_script_language_is_arabic() -> None:
    styles = _docx_xml(arabic_story(), "word/styles.xml")
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "ar" and lang.get(f"{W}bidi") == "ar"


def test_docx_of_a_left_to_right_story_has_no_bidi() -> None:
    article = arabic_story()
    article.language = "en"
    article.headline, article.body, article.byline = "Fair opens", "The fair opened.", ["Jo"]
    article.dek = ""
    article.dateline.style = "efe-en"
    article.dateline.place = "Cairo"
    root = _docx_xml(article)
    assert root.find(f".//{W}bidi") is None and root.find(f".//{W}rtl") is None


# --- the wire text -------------------------------------------------------------------------------


def test_wire_lines_open_with_a_right_to_left_mark() -> None:
    text = TextExporter().render(arabic_story())
    lines = [line for line in text.split("\n") if line]
    assert lines[0] == RLM + "افتتاح معرض الكتاب في القاهرة بمشاركة 80 دولة"
    assert lines[1] == RLM + "بقلم سارة محمود و Juan Pérez"
    dateline_line = next(line for line in lines if DATELINE in line)
    assert dateline_line.startswith(RLM + DATELINE + " " + FIRST_WORDS)
    assert LATIN_PARAGRAPH in lines  # a left-to-right paragraph gets no mark
    assert lines[-1] == RLM + "sm/jp"
    assert all(line.startswith(RLM) for line in lines if line != LATIN_PARAGRAPH)


def test_wire_text_of_a_left_to_right_story_has_no_marks() -> None:
    article = arabic_story()
    article.language = "es"
    assert RLM not in TextExporter().render(article)


# --- NewsML-G2, NITF, ninjs ----------------------------------------------------------------------

NEWSML_SCHEMA = load_schema(SCHEMAS / "newsml-g2" / "NewsML-G2_2.35-spec-All-Power.xsd")
NITF_SCHEMA = load_schema(SCHEMAS / "nitf" / "nitf-3-6.xsd")


def _valid(data: bytes, schema: etree.XMLSchema) -> etree._Element:
    root = etree.fromstring(data, etree.XMLParser(no_network=True, resolve_entities=False))
    assert schema.validate(root), schema.error_log.last_error
    return root


def test_newsml_item_says_rtl_and_arabic_and_validates() -> None:
    files = NewsmlExporter().render(arabic_story(), MediaStore())
    root = _valid(files["story.xml"], NEWSML_SCHEMA)
    assert root.get("dir") == "rtl" and root.get(XML_LANG) == "ar"
    language = root.find(".//{http://iptc.org/std/nar/2006-10-01/}language")
    assert language.get("tag") == "ar"
    (nitf,) = root.find(".//{http://iptc.org/std/nar/2006-10-01/}inlineXML")
    assert NITF_SCHEMA.validate(etree.ElementTree(nitf)), NITF_SCHEMA.error_log.last_error


def test_nitf_says_arabic_and_validates_with_the_arabic_dateline() -> None:
    files = NitfExporter().render(arabic_story(), MediaStore())
    root = _valid(files["story.xml"], NITF_SCHEMA)
    assert root.get(XML_LANG) == "ar" and root.get("baselang") == "ar"
    n = "{http://iptc.org/std/NITF/2006-10-18/}"
    dateline = root.find(f".//{n}dateline")
    assert "".join(dateline.itertext()) == DATELINE
    assert dateline.find(f".//{n}city").text == "القاهرة"
    assert dateline.find(f"{n}story.date").text == "23 يناير"


def test_ninjs_language_is_arabic(tmp_path: Path) -> None:
    out = tmp_path / "story.json"
    get_exporter("ninjs").export(arabic_story(), MediaStore(), out)
    assert json.loads(out.read_text(encoding="utf-8"))["language"] == "ar"


# --- PDF -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def arabic_pdf(qapp, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("pdf") / "arabic.pdf"
    PdfExporter().export(arabic_story(), MediaStore(), out)
    return out


_WORD_RE = re.compile(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" [^>]*>([^<]*)</word>')


def _words(pdf: Path) -> list[tuple[float, float, str]]:
    """(left, right, text) of each word on page 1, the text in the order drawn (visual)."""
    page = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    pattern = re.compile(
        r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" [^>]*>([^<]*)</word>'
    )
    return [(float(a), float(b), text) for a, b, text in pattern.findall(page)]


def test_pdf_text_reads_in_logical_order(arabic_pdf: Path) -> None:
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(arabic_pdf), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    # The proof sets two columns: a paragraph's lines break where its column does.
    plain = " ".join(BIDI_CONTROLS.sub("", text).split())
    assert " ".join(FIRST_WORDS.split()) in plain
    assert "وتستمر فعاليات المعرض حتى الخامس من فبراير" in plain
    assert " ".join(LATIN_PARAGRAPH.split()) in plain


def test_pdf_arabic_starts_at_the_right_and_its_full_stop_is_at_the_left(
    arabic_pdf: Path,
) -> None:
    words = _words(arabic_pdf)
    right_edge = max(right for _, right, _ in words)
    left_edge = min(left for left, _, _ in words)
    # The paragraph's first word is drawn at the right edge (its letters drawn reversed).
    first = next(w for w in words if w[2] == "افتتح"[::-1])
    assert first[1] == pytest.approx(right_edge, abs=2)
    # Its last word carries the full stop on its left: ".رشن" drawn, "نشر." read.
    drawn = ["نشر"[::-1] + ".", "." + "نشر"[::-1]]
    last = next(w for w in words if w[2] in drawn)
    assert last[2] == "." + "نشر"[::-1]
    latin = next(w for w in words if w[2] == "Spanish")
    assert latin[0] == pytest.approx(left_edge, abs=2)


def test_page_numbers_keep_their_order_on_a_right_to_left_page() -> None:
    article = arabic_story()
    assert "صفحة" in page_furniture_css(article)
    article.language = "ur"
    assert "direction: ltr" in page_furniture_css(article)
    article.language = "en"
    assert "direction" not in page_furniture_css(article)


def test_the_version_at_the_top_reads_left_to_right_on_a_right_to_left_page(
    arabic_pdf: Path,
) -> None:
    """The version reads 2026-12-07 15:03 UTC, not UTC 15:03 2026-12-07 as the page's direction
    would draw it."""
    words = _words(arabic_pdf)
    date = next(w for w in words if re.fullmatch(r"\d{4}-\d\d-\d\d", w[2]))
    time = next(w for w in words if re.fullmatch(r"\d\d:\d\d", w[2]))
    zone = next(w for w in words if w[2] == "UTC")
    assert date[0] < time[0] < zone[0]
