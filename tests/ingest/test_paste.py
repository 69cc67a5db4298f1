"""Pasting HTML as a story (editor.ingest.paste): photos from the paste, the folder and the web,
the status line, and ``dateline import --as-paste``."""

from __future__ import annotations

import base64
import io
import shutil
from pathlib import Path

import pytest
from PIL import Image

from editor.cli import main
from editor.ingest.html_markdown import HtmlConversion
from editor.ingest.paste import import_html_paste, paste_html, paste_summary
from editor.ingest.text import IngestError
from editor.model.package import load_package

from locations import DATA

INTAKE = DATA / "intake"


def _png(width: int = 30, height: int = 20) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (10, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def test_libreoffice_html_takes_its_picture_from_its_folder(tmp_path: Path) -> None:
    pasted = import_html_paste(INTAKE / "libreoffice-writer.html")
    article = pasted.result.article
    assert article.headline == "Floods close the coastal road"
    assert "![](photo:p1)" in article.body
    assert "libreoffice-story_html" not in article.body
    (photo,) = article.photos
    assert photo.media_path in pasted.result.media
    assert (photo.width, photo.height, photo.alt) == (40, 30, "Flooded road")
    assert photo.caption == "Flooded road"  # no caption under it: the alt text


def test_data_uri_picture_becomes_a_stored_photo_with_its_caption() -> None:
    pasted = import_html_paste(INTAKE / "browser-clipboard.html")
    (photo,) = pasted.result.article.photos
    assert photo.media_path in pasted.result.media
    assert photo.caption == "Cranes idle at the container terminal on Monday."
    assert photo.alt == "Cranes idle at the container terminal"
    assert (photo.width, photo.height) == (8, 6)
    assert "data:" not in pasted.result.article.body
    assert pasted.summary == (
        "Pasted the headline, 5 paragraphs, 1 heading, 1 list, 1 table, 1 link, 1 photo; "
        "dropped page formatting, 1 tracking pixel"
    )


def test_web_pictures_are_records_that_are_not_downloaded() -> None:
    pasted = import_html_paste(INTAKE / "google-docs-clipboard.html")
    (photo,) = pasted.result.article.photos
    assert photo.original_name.startswith("https://lh7-us.googleusercontent.com/")
    assert not photo.media_path
    assert any("not downloaded" in warning for warning in pasted.result.warnings)
    assert pasted.result.article.body.count("![](photo:p1)") == 1


def test_local_pictures_outside_the_folder_are_left_out_unless_allowed(tmp_path: Path) -> None:
    story = tmp_path / "story"
    story.mkdir()
    (tmp_path / "outside.png").write_bytes(_png())
    (story / "inside.png").write_bytes(_png(12, 8))
    clip = story / "clip.html"
    clip.write_text(
        '<p>One</p><img src="inside.png" alt="In"><img src="../outside.png" alt="Out">'
        f'<img src="{(tmp_path / "outside.png").as_uri()}" alt="Out by address">',
        encoding="utf-8",
    )
    pasted = import_html_paste(clip)
    inside, outside, by_address = pasted.result.article.photos
    assert inside.media_path and (inside.width, inside.height) == (12, 8)
    assert not outside.media_path and not by_address.media_path
    assert len(pasted.result.outside) == 2
    allowed = import_html_paste(clip, allow_outside=True)
    assert all(photo.media_path for photo in allowed.result.article.photos)


def test_broken_data_uri_leaves_a_record_and_a_warning() -> None:
    bad = base64.b64encode(b"not a picture at all").decode()
    pasted = paste_html(f'<p>Text</p><img src="data:image/png;base64,{bad}" alt="Broken">')
    (photo,) = pasted.result.article.photos
    assert not photo.media_path
    assert photo.alt == "Broken"
    assert any("could not be used" in warning for warning in pasted.result.warnings)


def test_summary_names_what_was_pasted_and_dropped() -> None:
    conversion = HtmlConversion(
        "x",
        counts={"paragraphs": 6, "links": 2, "headings": 0, "footnotes": 0},
        dropped={"styles": 40, "office markup": 3},
        source="word",
    )
    assert paste_summary(conversion, photos=1) == (
        "Pasted 6 paragraphs, 2 links, 1 photo; dropped Word formatting"
    )
    assert paste_summary(HtmlConversion("", counts={})) == "Nothing to paste"
    too_large = HtmlConversion("", dropped={"too large": 1})
    assert paste_summary(too_large) == "Nothing pasted: the HTML is larger than 50 MB"


def test_html_file_in_a_legacy_charset_and_empty_or_binary_files(tmp_path: Path) -> None:
    legacy = tmp_path / "legacy.html"
    legacy.write_bytes('<meta charset="windows-1252"><p>Peña “dijo”</p>'.encode("cp1252"))
    assert import_html_paste(legacy).result.article.body == "Peña “dijo”"
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"  \n")
    with pytest.raises(IngestError, match="empty"):
        import_html_paste(empty)
    binary = tmp_path / "binary.html"
    binary.write_bytes(b"\x00\x01\x02PK" * 100)
    with pytest.raises(IngestError, match="binary"):
        import_html_paste(binary)


def test_cli_import_as_paste_writes_the_story_and_says_what_was_pasted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("libreoffice-writer.html", "libreoffice-story_html_f689078066fa787f.png"):
        shutil.copy(INTAKE / name, tmp_path / name)
    out = tmp_path / "story.article"
    code = main(["import", str(tmp_path / "libreoffice-writer.html"), "--as-paste", "-o", str(out)])
    assert code == 0
    stderr = capsys.readouterr().err
    assert stderr.splitlines()[-1] == (
        "Pasted the headline, 3 paragraphs, 1 heading, 2 lists, 1 table, 1 link, 1 footnote, "
        "1 photo; dropped LibreOffice formatting"
    )
    loaded = load_package(out)
    assert loaded.article.headline == "Floods close the coastal road"
    assert loaded.article.body.startswith("**ALICANTE, Spain, Oct 9 (EFE).-** Heavy rain")
    assert loaded.article.photos[0].media_path in loaded.media


def test_cli_import_as_paste_refuses_a_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["import", str(tmp_path / "none.html"), "--as-paste", "-o", str(tmp_path / "o")])
    assert code == 1
    assert "does not exist" in capsys.readouterr().err
