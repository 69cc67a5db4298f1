"""A Word file imported whole: the DOCX reader's fields and photos joined to the HTML converter's
Markdown, through ``import_file`` (what the window's File > Open and drop use) and the command
line. Each fixture's article is compared whole with ``NAME.expected.md`` next to it (regenerate
with ``UPDATE_GOLDEN=1`` and review the diff)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from editor.cli import main
from editor.ingest import IngestError, import_file
from editor.ingest.result import ImportResult
from editor.model.package import load_package

from locations import DATA

DOCX = DATA / "intake" / "docx"
FIXTURES = ["libreoffice-story.docx", "python-docx-story.docx", "python-docx-plain.docx"]


def _as_text(result: ImportResult) -> str:
    """The imported article as a reviewer reads it: fields, photos, notes, then the body."""
    article = result.article
    photos = "\n".join(
        f"- {photo.id}: {photo.original_name} {photo.width}x{photo.height}"
        f"\n  caption: {photo.caption}\n  alt: {photo.alt}"
        for photo in article.photos
    )
    return (
        f"<!-- headline: {article.headline} -->\n"
        f"<!-- dek: {article.dek} -->\n"
        f"<!-- byline: {article.byline} -->\n"
        f"<!-- dateline: {article.dateline} -->\n"
        f"<!-- language: {article.language} -->\n"
        f"<!-- editor's note: {article.editors_note} -->\n"
        f"<!-- photos:\n{photos}\n-->\n"
        f"<!-- notes: {result.notes} -->\n"
        f"<!-- warnings: {result.warnings} -->\n\n"
        f"{article.body}\n"
    )


@pytest.mark.parametrize("fixture", FIXTURES)
def test_word_file_imports_to_its_golden_article(fixture: str) -> None:
    produced = _as_text(import_file(DOCX / fixture))
    expected = DOCX / fixture.replace(".docx", ".expected.md")
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected.write_text(produced, encoding="utf-8")
    assert expected.exists(), f"no golden file {expected.name}; run with UPDATE_GOLDEN=1"
    assert produced == expected.read_text(encoding="utf-8")


def test_every_picture_is_a_placed_photo_with_its_caption_and_footnotes_are_markdown() -> None:
    result = import_file(DOCX / "libreoffice-story.docx")
    article = result.article
    assert [photo.id for photo in article.photos] == ["p1", "p2"]
    assert re.findall(r"!\[\]\(photo:(p\d+)\)", article.body) == ["p1", "p2"]
    assert "docx-image:" not in article.body
    assert all(photo.media_path in result.media for photo in article.photos)
    assert article.photos[0].caption.startswith("Families sleep in the Huixtla shelter")
    assert article.photos[0].alt == "Families sleep on mats in a shelter"
    # The caption is the photo's, not a paragraph of the body too.
    assert "Families sleep in the Huixtla shelter" not in article.body
    assert "[^1]" in article.body and "\n[^1]: Figure from the organisers" in article.body


def test_import_makes_thumbnails_and_leaves_display_copies_to_the_window() -> None:
    """A display copy costs about 25 times a thumbnail-size decode: the import of a 20-photo
    story would spend most of its time on them, and the window makes them anyway."""
    result = import_file(DOCX / "libreoffice-story.docx")
    for photo in result.article.photos:
        assert result.media.derived_paths(photo.media_path) == [
            result.media.derived_path(photo.media_path, "thumb")
        ]


def test_command_line_imports_a_word_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "story.article"
    assert main(["import", str(DOCX / "python-docx-plain.docx"), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "note: 1 photo taken from the document" in err
    loaded = load_package(out)
    assert loaded.article.headline == "La caravana migrante sale de Tapachula"
    assert loaded.article.language == "es"
    assert main(["info", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["photos"][0]["caption"].startswith("Foto:")


def test_a_file_named_docx_that_is_not_one_is_one_line(tmp_path: Path) -> None:
    fake = tmp_path / "story.docx"
    fake.write_text("Just text, renamed.", encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        import_file(fake)
    assert "\n" not in str(caught.value) and "story.docx" in str(caught.value)
