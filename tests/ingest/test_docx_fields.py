"""The rules that take a DOCX story's fields from the blocks before its body."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.shared import Cm
from PIL import Image

from editor.ingest.docx_story import DocxStory, read_docx

TODAY = dt.date(2026, 12, 7)


def story_of(*blocks: tuple[str, str], saved: dt.datetime | None = None) -> DocxStory:
    """A document of (style, text) paragraphs; the style "photo" places a small JPEG.

    python-docx keeps its template's dates (2013) unless told: the file is stamped as saved
    ``saved``, by default a week before TODAY, as Word stamps every save.
    """
    document = Document()
    document.core_properties.modified = saved or dt.datetime(2026, 11, 30, 12, 0)
    for style, text in blocks:
        if style == "photo":
            picture = io.BytesIO()
            Image.new("RGB", (40, 30), (10, 90, 160)).save(picture, "JPEG")
            document.add_picture(picture, width=Cm(3))
        elif style == "bold":
            document.add_paragraph().add_run(text).bold = True
        else:
            document.add_paragraph(text, style=style)
    out = io.BytesIO()
    document.save(out)
    return read_docx(out.getvalue(), "story.docx", today=TODAY)


def test_heading_1_is_the_headline_and_later_ones_become_subheads() -> None:
    story = story_of(
        ("Heading 1", "Rains flood the coast"),
        ("Normal", "The lead paragraph of the story, long enough to be one."),
        ("Heading 1", "What happens next"),
        ("Normal", "More text."),
    )
    assert story.headline == "Rains flood the coast"
    assert "<h2>What happens next</h2>" in story.body_html
    assert "<h1" not in story.body_html
    assert "1 Heading 1 after the headline became subheads" in story.notes


def test_a_sentence_opening_with_by_is_not_a_byline() -> None:
    story = story_of(
        ("Title", "Rains flood the coast"),
        ("Normal", "By the time the rain stopped, the river had burst its banks."),
    )
    assert story.byline == []
    assert story.body_html.startswith("<p>By the time the rain stopped")


def test_dateline_and_byline_on_one_line() -> None:
    story = story_of(
        ("Title", "Rains flood the coast"),
        ("Normal", "VERACRUZ, Mexico, Sep 14 (Reuters) - By Ana Pérez"),
        ("Normal", "The lead."),
    )
    assert story.byline == ["Ana Pérez"]
    assert story.dateline is not None and story.dateline.style == "reuters"
    assert story.dateline.date == dt.date(2026, 9, 14)
    assert story.body_html == "<p>The lead.</p>\n"


def test_the_year_comes_from_when_the_file_was_saved() -> None:
    story = story_of(
        ("Title", "Rains flood the coast"),
        ("Normal", "VERACRUZ, Mexico, Sep 14 (Reuters) - The lead."),
        saved=dt.datetime(2024, 10, 1, 9, 0),
    )
    assert story.dateline is not None and story.dateline.date == dt.date(2024, 9, 14)
    assert story.original_dateline == "VERACRUZ, Mexico, Sep 14 (Reuters) -"
    assert story.body_html == "<p>The lead.</p>\n"


def test_a_photo_above_the_headline_stays_in_the_body() -> None:
    story = story_of(
        ("photo", ""),
        ("Title", "Rains flood the coast"),
        ("bold", "Thousands leave their homes"),
        ("Normal", "The lead."),
    )
    assert story.headline == "Rains flood the coast"
    assert story.dek == "Thousands leave their homes"
    assert story.body_html.startswith('<figure><img src="docx-image:1"></figure>')
    assert [image.src for image in story.images] == ["docx-image:1"]


def test_a_long_first_paragraph_is_the_lead_not_a_headline() -> None:
    lead = "The river burst its banks on Tuesday night, " * 6
    story = story_of(("Normal", lead.strip()), ("Normal", "Second paragraph."))
    assert story.headline == ""
    assert story.body_html.startswith("<p>The river burst its banks")


def test_an_empty_document_reads_as_an_empty_story() -> None:
    story = story_of()
    assert (story.headline, story.body_html, story.images) == ("", "", [])


def test_a_dateline_across_formatting_leaves_the_rest_formatted() -> None:
    document = Document()
    document.core_properties.modified = dt.datetime(2026, 11, 30, 12, 0)
    document.add_paragraph("Rains flood the coast", style="Title")
    lead = document.add_paragraph()
    city = lead.add_run("TAPACHULA")
    city.bold = True
    city.italic = True
    lead.add_run(", Mexico, Dec 3 (EFE).- A ")
    lead.add_run("caravan").italic = True
    lead.add_run(" left.")
    out = io.BytesIO()
    document.save(out)
    story = read_docx(out.getvalue(), "story.docx", today=TODAY)
    assert story.dateline is not None and story.dateline.place == "TAPACHULA"
    assert story.original_dateline == "TAPACHULA, Mexico, Dec 3 (EFE).-"
    assert story.body_html == "<p>A <em>caravan</em> left.</p>\n"
