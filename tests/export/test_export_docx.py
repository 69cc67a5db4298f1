"""The ``docx`` export, read back with python-docx: Word's own styles for the page's structure,
real hyperlinks, photos with captions and credits, properties from the article, reproducible
bytes, and hostile fields that stay text."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from editor.export.docx import DocxExporter, normalised_zip
from editor.export.docx_body import xml_text
from editor.model.article import Article, Dateline
from editor.model.media_store import MediaStore

import factories
from export_samples import CREATED, EDITORS_NOTE, MODIFIED, efe_with_photos, front_matter_sample
from golden import assert_golden

HOSTILE = (
    '<script>alert(1)</script> <img src=x onerror=alert(1)> "><svg onload=alert(1)> '
    "]]></w:t><w:t>injected &amp; \x00\x0b\x1f\ud800 ' & \u2028"
)
HOSTILE_BODY = "\n\n".join(
    [
        "Opening paragraph.",
        "<script>alert(1)</script>",
        '<img src="https://evil.example/tracker.png"> <img src=x onerror=alert(1)>',
        "[x](javascript:alert(1)) and [v](vbscript:msgbox(1)) and [d](data:text/html,hi)",
        '<a href="JaVaScRiPt:alert(1)">link</a> <a href="file:///etc/passwd">file</a>',
        '<iframe src="https://evil.example/"></iframe>',
        "]]></w:t></w:r><w:r><w:t>xml in text \x00 \x0c",
        "Closing paragraph.",
    ]
)
RICH_BODY = """Intro with a [link](https://example.com/a?b=1&c=2), **bold**, *italic* and `code`.

## First subhead

> A quoted line with [a source](https://example.org/source).
>
> Second quoted paragraph.

1. one
2. two
    - nested a
    - nested b
3. three

Between the lists.

4. four
5. five

### Second subhead

| Place | Migrants |
|-------|----------|
| Huixtla | 1,500 |

```
line 1
  line 2
```

Mail the [desk](mailto:desk@example.com) or see [the same link](https://example.com/a?b=1&c=2).
"""


@pytest.fixture(scope="module")
def efe_docx() -> bytes:
    article, media = efe_with_photos()
    article.editors_note = EDITORS_NOTE
    return DocxExporter().render(article, media)


def read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def styled(document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style]


def one_line(value: str) -> str:
    return " ".join(xml_text(value).split())


def rich_article(**overrides: object) -> Article:
    values: dict[str, object] = {
        "headline": "Rich",
        "body": RICH_BODY,
        "language": "es",
    }
    return factories.article(**{**values, **overrides})


# --- the EFE story with photos -------------------------------------------------------------------


def test_header_in_title_and_subtitle_styles_with_dateline_and_byline(efe_docx: bytes) -> None:
    document = read(efe_docx)
    first = document.paragraphs[0]
    assert (first.style.name, first.text) == ("Title", "México pushes back Migrant Caravan!")
    assert styled(document, "Subtitle") == [
        "Authorities keep a caravan of 1,500 migrants from leaving Chiapas."
    ]
    credits = document.paragraphs[2]
    assert credits.text == "Tapachula, Mexico, Dec 3 (EFE).- By Juan Manuel Blanco"
    assert credits.runs[0].text == "Tapachula, Mexico, Dec 3 (EFE).-" and credits.runs[0].bold


def test_subheads_are_word_headings(efe_docx: bytes) -> None:
    assert styled(read(efe_docx), "Heading 2") == ["Mexico wants migrants in the south"]


def test_every_photo_is_an_inline_jpeg_fitted_to_the_text_width(efe_docx: bytes) -> None:
    document = read(efe_docx)
    shapes = document.inline_shapes
    assert len(shapes) == 5  # the lead photo and the four placed in the body
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    for shape in shapes:
        assert 0 < shape.width <= text_width
    assert max(shape.width for shape in shapes) == text_width
    images = [
        part for part in document.part.package.parts if part.content_type.startswith("image/")
    ]
    assert len(images) == 5 and {part.content_type for part in images} == {"image/jpeg"}
    for part in images:
        picture = Image.open(io.BytesIO(part.blob))
        assert picture.format == "JPEG" and picture.width <= 1600
        assert 0x8825 not in picture.getexif()  # no GPS block: a rendition, not the original


def test_captions_in_caption_style_with_credits(efe_docx: bytes) -> None:
    document = read(efe_docx)
    captions = [p for p in document.paragraphs if p.style.name == "Caption"]
    assert [p.text for p in captions] == [
        f"Migrants walk north from Huixtla, photo {n} of the caravan. EFE/Juan Manuel Blanco"
        for n in range(1, 6)
    ]
    for caption in captions:
        credit = caption.runs[-1]
        assert credit.text == "EFE/Juan Manuel Blanco" and credit.font.all_caps
        # The photo sits just above its caption and is kept on the same page.
        picture = caption._p.getprevious()
        assert picture.xpath(".//pic:pic") and picture.xpath("./w:pPr/w:keepNext")


def test_alt_text_is_the_drawing_description(efe_docx: bytes) -> None:
    document = read(efe_docx)
    descriptions = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    assert descriptions == [
        "Migrants on a highway in Chiapas, view 1",
        "Migrants on a highway in Chiapas, view 2",
        None,  # the reporter left this one without alt text
        "Migrants on a highway in Chiapas, view 4",
        "Migrants on a highway in Chiapas, view 5",
    ]


def test_end_mark_bold_and_sign_off_last(efe_docx: bytes) -> None:
    document = read(efe_docx)
    last_body = next(p for p in document.paragraphs if p.text.endswith("she said. EFE"))
    assert last_body.runs[-1].text == "EFE" and last_body.runs[-1].bold
    assert document.paragraphs[-1].text == "jmb/dgp/mcd"


def test_core_properties_from_the_article(efe_docx: bytes) -> None:
    properties = read(efe_docx).core_properties
    assert properties.title == "México pushes back Migrant Caravan!"
    assert properties.author == "Juan Manuel Blanco"
    assert properties.subject.startswith("Authorities keep a caravan")
    assert properties.keywords == "migration, Mexico, Chiapas"
    assert properties.category == "World"
    assert properties.language == "en"
    assert properties.created == CREATED and properties.modified == MODIFIED
    assert "python-docx" not in (properties.comments + properties.last_modified_by)


def test_editors_note_is_never_exported(efe_docx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(efe_docx)) as package:
        for name in package.namelist():
            assert b"EDITORS-NOTE" not in package.read(name), name


def test_paper_and_proofing_language_follow_the_article() -> None:
    letter = read(DocxExporter().render(rich_article(language="en-US"), MediaStore()))
    a4 = read(DocxExporter().render(rich_article(language="es"), MediaStore()))
    # Word's own page sizes, in twentieths of a point.
    letter_page, a4_page = letter.sections[0], a4.sections[0]
    assert (letter_page.page_width.twips, letter_page.page_height.twips) == (12240, 15840)
    assert (a4_page.page_width.twips, a4_page.page_height.twips) == (11906, 16838)
    lang = a4.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "es"


def test_chinese_is_east_asian_text_to_word() -> None:
    article, media = front_matter_sample("zh_wikinews_tiktok.md")
    document = read(DocxExporter().render(article, media))
    lang = document.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:lang')}")
    assert lang.get(qn("w:eastAsia")).startswith("zh")
    assert document.core_properties.language.startswith("zh")
    assert document.paragraphs[0].text == article.headline.strip()


def test_photos_without_a_file_are_left_out_with_their_captions() -> None:
    article, media = front_matter_sample("en_wikinews_nasa.md")
    assert article.photos and all(image.missing for image in article.photos)
    document = read(DocxExporter().render(article, media))
    assert not document.inline_shapes
    text = "\n".join(p.text for p in document.paragraphs)
    assert "not in the story package" not in text
    assert not styled(document, "Caption")


# --- structure of a rich body --------------------------------------------------------------------


@pytest.fixture(scope="module")
def rich_docx() -> docx.document.Document:
    return read(DocxExporter().render(rich_article(), MediaStore()))


def test_quotes_use_the_quote_style(rich_docx) -> None:
    assert styled(rich_docx, "Quote") == [
        "A quoted line with a source.",
        "Second quoted paragraph.",
    ]
    assert styled(rich_docx, "Heading 2") == ["First subhead"]
    assert styled(rich_docx, "Heading 3") == ["Second subhead"]


def test_links_are_word_hyperlinks_to_external_relationships(rich_docx) -> None:
    links = [(link.text, link.url) for p in rich_docx.paragraphs for link in p.hyperlinks]
    assert links == [
        ("link", "https://example.com/a?b=1&c=2"),
        ("a source", "https://example.org/source"),
        ("desk", "mailto:desk@example.com"),
        ("the same link", "https://example.com/a?b=1&c=2"),
    ]
    for paragraph in rich_docx.paragraphs:
        for link in paragraph.hyperlinks:
            relationship = rich_docx.part.rels[link._hyperlink.rId]
            assert relationship.is_external
            assert relationship.reltype == RELATIONSHIP_TYPE.HYPERLINK
            assert all(run.style.name == "Hyperlink" for run in link.runs)
    # One relationship per address, however often it is linked.
    targets = [
        rel.target_ref
        for rel in rich_docx.part.rels.values()
        if rel.reltype == RELATIONSHIP_TYPE.HYPERLINK
    ]
    assert sorted(targets) == sorted(set(targets)) and len(targets) == 3


def test_bold_italic_and_code_runs(rich_docx) -> None:
    intro = rich_docx.paragraphs[1]
    runs = {run.text: run for run in intro.runs}
    assert runs["bold"].bold and not runs["bold"].italic
    assert runs["italic"].italic and not runs["italic"].bold
    assert runs["code"].font.name == "Courier New"
    code = next(p for p in rich_docx.paragraphs if p.text.startswith("line 1"))
    assert code.text == "line 1\n  line 2"


def test_lists_use_list_styles_and_each_ordered_list_counts_from_its_start(rich_docx) -> None:
    items = [
        (p.style.name, p.text) for p in rich_docx.paragraphs if p.style.name.startswith("List")
    ]
    assert items == [
        ("List Number", "one"),
        ("List Number", "two"),
        ("List Bullet 2", "nested a"),
        ("List Bullet 2", "nested b"),
        ("List Number", "three"),
        ("List Number", "four"),
        ("List Number", "five"),
    ]
    numbered = [p for p in rich_docx.paragraphs if p.style.name == "List Number"]
    first_num = numbered[0]._p.pPr.numPr.numId.val
    second_num = numbered[3]._p.pPr.numPr.numId.val
    assert first_num != second_num  # "four" starts a list of its own
    numbering = rich_docx.part.numbering_part.element
    start = numbering.xpath(f'./w:num[@w:numId="{second_num}"]//w:startOverride/@w:val')
    assert start == ["4"]


def test_tables_become_word_tables(rich_docx) -> None:
    (table,) = rich_docx.tables
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Place", "Migrants"],
        ["Huixtla", "1,500"],
    ]
    assert table.rows[0].cells[0].paragraphs[0].runs[0].bold  # the header row


# --- reproducible bytes --------------------------------------------------------------------------


def test_same_article_gives_identical_bytes(efe_docx: bytes) -> None:
    article, media = efe_with_photos()
    article.editors_note = EDITORS_NOTE
    assert DocxExporter().render(article, media) == efe_docx


def test_zip_entries_sorted_and_stamped_with_the_modified_time(efe_docx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(efe_docx)) as package:
        names = package.namelist()
        assert names == sorted(names) and names[0] == "[Content_Types].xml"
        assert {info.date_time for info in package.infolist()} == {(2024, 12, 3, 16, 40, 0)}
        assert "docProps/thumbnail.jpeg" not in names  # the template's blank-page picture
        assert package.testzip() is None


def test_document_xml_matches_golden(efe_docx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(efe_docx)) as package:
        assert_golden("efe_with_photos.docx.document.xml", package.read("word/document.xml"))


def test_zip_times_before_1980_are_clamped() -> None:
    source = io.BytesIO()
    with zipfile.ZipFile(source, "w") as package:
        package.writestr("b.xml", "b")
        package.writestr("a.xml", "a")
    old = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    with zipfile.ZipFile(io.BytesIO(normalised_zip(source.getvalue(), old))) as package:
        assert package.namelist() == ["a.xml", "b.xml"]
        assert package.infolist()[0].date_time == (1980, 1, 1, 0, 0, 0)


# --- hostile input -------------------------------------------------------------------------------


def hostile_article() -> Article:
    return factories.article(
        headline=HOSTILE,
        dek=HOSTILE,
        byline=[HOSTILE, "Ana"],
        dateline=Dateline(place=HOSTILE, country="Mexico", source="EFE"),
        slug=HOSTILE,
        section=HOSTILE,
        tags=[HOSTILE],
        language=HOSTILE,
        sign_off=HOSTILE,
        end_mark=HOSTILE,
        editors_note=EDITORS_NOTE,
        body=HOSTILE_BODY,
    )


def test_hostile_fields_stay_text_and_links_stay_safe() -> None:
    data = DocxExporter().render(hostile_article(), MediaStore())
    document = read(data)
    assert document.paragraphs[0].text == one_line(HOSTILE)  # the headline, as text
    assert document.paragraphs[-1].text == one_line(HOSTILE)  # the sign-off
    texts = [p.text for p in document.paragraphs]
    start = texts.index("Opening paragraph.")
    closing = next(n for n, text in enumerate(texts) if text.startswith("Closing paragraph."))
    body = texts[start:closing]
    assert "xml in text" in " ".join(body)
    assert not [text for text in body if "alert" in text]  # scripts and handlers are gone
    assert "x and v and d" in body  # unsafe links keep their words, lose their targets
    targets = [rel.target_ref for rel in document.part.rels.values() if rel.is_external]
    assert targets == []  # no javascript:, file: or remote image became a relationship
    assert not document.inline_shapes
    assert document.core_properties.language == "en"  # an implausible tag falls back
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = package.read("word/document.xml")
        assert b"<w:t>injected" not in body and b"EDITORS-NOTE" not in body


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    headline=st.text(max_size=300),
    body=st.text(
        alphabet=st.sampled_from(list("ab *_#>-1.[]()<>/&\n\\`|:!\x00\x0b")) | st.characters(),
        max_size=400,
    ),
)
def test_any_text_gives_a_document_word_can_open(headline: str, body: str) -> None:
    article = factories.article(headline=headline, body=body)
    document = read(DocxExporter().render(article, MediaStore()))
    if one_line(headline):
        assert document.paragraphs[0].text == one_line(headline)
        assert document.core_properties.title == one_line(headline)[:255]
