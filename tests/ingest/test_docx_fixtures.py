"""DOCX files written by LibreOffice and python-docx read into fields, body HTML and photos.

Each fixture's body is compared whole with its golden file (``NAME.expected.html`` next to it;
regenerate with ``UPDATE_GOLDEN=1`` and review the diff), and read again with a real HTML parser
to check the structure the HTML converter relies on.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import html5lib
import pytest

from editor.ingest.docx_story import DocxStory, read_docx, store_docx_photos
from editor.model.article import Dateline
from editor.model.media_store import MediaStore

FIXTURES = Path(__file__).parents[1] / "data" / "intake" / "docx"
TODAY = dt.date(2026, 12, 7)
NS = {"h": "http://www.w3.org/1999/xhtml"}


def read_fixture(name: str) -> DocxStory:
    return read_docx((FIXTURES / name).read_bytes(), name, today=TODAY)


def parsed_body(story: DocxStory):  # type: ignore[no-untyped-def]
    return html5lib.parseFragment(story.body_html, namespaceHTMLElements=True)


def texts(fragment, path: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [" ".join("".join(node.itertext()).split()) for node in fragment.findall(path, NS)]


@pytest.mark.parametrize(
    "name", ["libreoffice-story.docx", "python-docx-story.docx", "python-docx-plain.docx"]
)
def test_body_matches_its_golden_file(name: str) -> None:
    body = read_fixture(name).body_html
    golden = FIXTURES / name.replace(".docx", ".expected.html")
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_text(body, encoding="utf-8")
    assert body == golden.read_text(encoding="utf-8")


def test_libreoffice_story_fields() -> None:
    story = read_fixture("libreoffice-story.docx")
    assert story.headline == "Caravan reaches Huixtla after a night on the road"
    assert story.dek == "Families rest in a shelter before walking on"
    assert story.byline == ["Juan Manuel Blanco"]
    assert story.dateline == Dateline(
        place="HUIXTLA", country="Mexico", date=dt.date(2026, 12, 4), source="EFE"
    )
    assert story.original_dateline == "HUIXTLA, Mexico, Dec 4 (EFE).-"
    assert story.editors_note == "Maria Ortiz: Ask MSF for the number of patients."
    assert story.notes == [
        "Tracked changes were accepted (1 insertion, 1 deletion)",
        "1 comment went to the editor's note",
        "2 photos taken from the document",
    ]
    assert story.warnings == []


def test_libreoffice_story_body_structure() -> None:
    story = read_fixture("libreoffice-story.docx")
    body = parsed_body(story)
    # The dateline left the lead paragraph; the accepted insertion stays, the deletion goes.
    lead = texts(body, "h:p")[0]
    assert lead.startswith("The caravan of some 1,500 migrants reached this town on Thursday")
    assert "two thousand" not in story.body_html
    assert texts(body, ".//h:strong") == ["Thursday"]
    assert texts(body, ".//h:em") == ["tired but determined"]
    assert texts(body, "h:h2") == ["What comes next"]
    assert texts(body, "h:h3") == ["Numbers"]
    assert texts(body, "h:ul/h:li/h:ul/h:li") == ["About 30 km"]  # nested, as written
    assert texts(body, "h:ol/h:li") == ["1,500 walkers", "300 children"]
    assert texts(body, ".//h:td") == ["Town", "Km", "Huixtla", "40"]
    link = body.find(".//h:a[@href='https://www.msf.org/']", NS)
    assert link is not None and link.text == "Doctors Without Borders"
    # The footnote: a reference in the text and its note at the end, Python-Markdown's shape.
    assert body.find(".//h:sup[@id='fnref:1']/h:a[@href='#fn:1']", NS) is not None
    assert texts(body, "h:div[@class='footnote']/h:ol/h:li") == [
        "Figure from the organisers; the police counted fewer. \u21a9",
        "The charity's own figure. \u21a9",
        "Reporting by the EFE bureau in Tapachula. \u21a9",  # an endnote: numbered after them
    ]
    # Each ends with its way back to the text, as Python-Markdown writes it.
    assert [link.get("href") for link in body.findall(".//h:a[@class='footnote-backref']", NS)] == [
        "#fnref:1",
        "#fnref:2",
        "#fnref:3",
    ]
    assert [item.get("id") for item in body.findall(".//h:li[@id]", NS)] == [
        "fn:1",
        "fn:2",
        "fn:3",
    ]
    # Comments are not in the body.
    assert "Ask MSF" not in story.body_html


def test_libreoffice_story_photos_with_alt_and_captions() -> None:
    story = read_fixture("libreoffice-story.docx")
    body = parsed_body(story)
    figures = body.findall("h:figure", NS)
    assert [figure.find("h:img", NS).get("src") for figure in figures] == [
        "docx-image:1",
        "docx-image:2",
    ]
    assert [(image.src, image.alt, image.caption) for image in story.images] == [
        (
            "docx-image:1",
            "Families sleep on mats in a shelter",
            "Families sleep in the Huixtla shelter. EFE/Juan Manuel Blanco",
        ),
        ("docx-image:2", "A volunteer hands out water", "Foto: EFE/Juan Manuel Blanco"),
    ]
    assert texts(body, "h:figure/h:figcaption") == [image.caption for image in story.images]
    for image in story.images:
        assert image.content_type == "image/jpeg"
        assert image.prepared.format == "JPEG" and image.prepared.width == 240
        assert image.data.startswith(b"\xff\xd8\xff")


def test_python_docx_story_fields() -> None:
    story = read_fixture("python-docx-story.docx")
    assert story.headline == "Migrant caravan sets out from southern Mexico"
    assert story.dek == "Thousands walk north from Tapachula ahead of the holidays"
    assert story.byline == ["Ana Pérez", "John Smith"]
    assert story.dateline == Dateline(
        place="TAPACHULA", country="Mexico", date=dt.date(2026, 12, 3), source="EFE"
    )
    assert story.editors_note == (
        "Maria Ortiz: Check the nationalities with UNHCR.\n"
        "Luis Gómez: Numbers from the state police."
    )
    assert "Tracked changes were accepted (1 insertion, 1 deletion)" in story.notes
    assert "2 comments went to the editor's note" in story.notes


def test_python_docx_story_body() -> None:
    story = read_fixture("python-docx-story.docx")
    body = parsed_body(story)
    paragraphs = texts(body, "h:p")
    assert paragraphs[0].startswith("A caravan of about 1,500 migrants left this city on")
    assert paragraphs[1] == (
        "Officials said the group was mostly Venezuelan and Honduran, and that fifty "
        "families travelled with small children."
    )
    assert "dozens" not in story.body_html
    assert texts(body, "h:h2") == ["A long road north"]
    assert texts(body, "h:h3") == ["The route"]
    assert texts(body, "h:ol/h:li") == ["Tapachula to Huixtla", "Huixtla to Escuintla"]
    assert texts(body, "h:table/h:tbody/h:tr/h:td")[:2] == ["Year", "Asylum claims"]
    assert [(image.alt, image.caption) for image in story.images] == [
        (
            "Migrants walk along a highway",
            "Migrants walk along the coastal highway near Huixtla. EFE/Juan Manuel Blanco",
        ),
        ("A shelter in Huixtla at night", "Photo: Juan Manuel Blanco / EFE"),
    ]
    assert body.find(".//h:p/h:br", NS) is not None  # a line break inside a paragraph


def test_story_without_title_style_takes_its_first_line() -> None:
    story = read_fixture("python-docx-plain.docx")
    assert story.headline == "La caravana migrante sale de Tapachula"
    assert story.dek == "Unas 1.500 personas caminan hacia el norte antes de las fiestas"
    assert story.byline == ["María López"]
    assert story.dateline == Dateline(
        place="Tapachula", country="Mexico", date=dt.date(2026, 12, 3), source="EFE", style="efe-es"
    )
    body = parsed_body(story)
    assert texts(body, "h:p")[0] == (
        "Una caravana de unos 1.500 migrantes salió este miércoles de esta ciudad."
    )
    assert [image.caption for image in story.images] == ["Foto: EFE/Juan Manuel Blanco"]


def test_photo_records_are_stored_with_caption_and_alt() -> None:
    story = read_fixture("libreoffice-story.docx")
    media = MediaStore()
    warnings: list[str] = []
    records = store_docx_photos(story, media, warnings)
    assert list(records) == ["docx-image:1", "docx-image:2"]
    first = records["docx-image:1"]
    assert (first.id, first.alt, first.format, first.width, first.height) == (
        "p1",
        "Families sleep on mats in a shelter",
        "JPEG",
        240,
        160,
    )
    assert first.caption == "Families sleep in the Huixtla shelter. EFE/Juan Manuel Blanco"
    assert media.read(first.media_path) == story.images[0].data
    assert records["docx-image:2"].id == "p2"
    assert warnings == []
