"""Missing photos never ship silently: one rule for every format, the command line and publishing.

A story whose photo records have no file is refused with one line naming them; told to go on
without them, every export leaves them out, and no export of any sample, in any format, holds
the editor's placeholder, a ``photo:`` address or the editor's note.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from editor.cli import main
from editor.export import EXPORTERS, get_exporter
from editor.export.base import ExportOptions
from editor.export.missing_photos import (
    MissingPhotosError,
    checked_for_export,
    describe,
    photos_without_file,
    without_photos,
)
from editor.ingest import import_file
from editor.model.article import Article, ImageRef
from editor.model.media_store import MediaStore
from editor.model.package import save_package

from export_samples import DATA
from factories import EDITORS_NOTE

SAMPLES = sorted(path.name for path in DATA.glob("*.md") if path.name != "README.md")
# What only the editor shows: the preview's placeholder for a photo without its file, its
# classes, the body's own photo address, and the preview's source-line marks.
EDITOR_ONLY = re.compile(
    r"not in the story package|photo-placeholder|photo-missing|photo:|data-line=", re.IGNORECASE
)


def sample(name: str) -> tuple[Article, MediaStore]:
    result = import_file(DATA / name)
    result.article.editors_note = EDITORS_NOTE
    return result.article, result.media


def test_the_refusal_names_the_photos_in_one_line() -> None:
    article, _media = sample("caravan-efe.md")
    missing = photos_without_file(article)
    assert len(missing) >= 2
    with pytest.raises(MissingPhotosError) as refused:
        checked_for_export(article, without_missing_photos=False)
    message = str(refused.value)
    assert "\n" not in message
    assert message.startswith(f"{len(missing)} photos have no file: {missing[0].id} ")
    assert missing[0].original_name in message
    assert message.endswith("; add the files or export with --without-missing-photos")
    assert describe(missing[:1]).startswith("1 photo has no file: ")


def test_a_long_list_stays_one_short_line() -> None:
    photos = [ImageRef(id=f"p{n}", original_name=f"photo {n}.jpg") for n in range(9)]
    text = describe(photos)
    assert text.startswith("9 photos have no file: p0 photo 0.jpg, ")
    assert text.endswith("p4 photo 4.jpg, and 4 more")


def test_leaving_out_takes_the_records_and_their_placements() -> None:
    kept = ImageRef(id="kept", original_name="kept.jpg", media_path="media/kept.jpg")
    gone = ImageRef(id="gone", original_name="gone.jpg")  # no media_path: no file
    body = (
        "First paragraph.\n\n![](photo:gone)\n\nSecond ![x](photo:gone) inline.\n\n"
        "![](photo:kept)\n\n```\n![](photo:gone)\n```\n"
    )
    article = Article(headline="H", body=body, photos=[kept, gone])
    result = without_photos(article, {"gone"})
    assert [image.id for image in result.photos] == ["kept"]
    assert result.body == (
        "First paragraph.\n\nSecond  inline.\n\n![](photo:kept)\n\n```\n![](photo:gone)\n```\n"
    )
    assert article.body == body and len(article.photos) == 2  # the story itself is untouched
    assert checked_for_export(result, without_missing_photos=False) is result


def export_text(out: Path) -> str:
    """Every text the export wrote (documents, pages, zips' entries, a PDF's text)."""
    if out.is_dir():
        return "\n".join(export_text(path) for path in sorted(out.rglob("*")) if path.is_file())
    beside = out.parent / f"{out.stem}-photos"
    extra = export_text(beside) if beside.is_dir() and out.suffix != "" else ""
    if out.suffix == ".pdf":
        return subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
    if out.suffix == ".docx":
        with zipfile.ZipFile(out) as archive:
            xml = "".join(
                archive.read(name).decode("utf-8")
                for name in archive.namelist()
                if name.endswith((".xml", ".rels"))
            )
        return xml + "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    if out.suffix in (".jpg", ".png", ".webp", ".gif", ".css"):
        return ""  # photos; the stylesheet (which styles the preview's placeholder too)
    text = out.read_bytes().decode("utf-8", "replace")
    return re.sub(r"<style>.*?</style>", "", text, flags=re.DOTALL) + extra


@pytest.mark.slow
@pytest.mark.parametrize("name", SAMPLES)
def test_no_export_of_any_sample_holds_what_only_the_editor_shows(
    name: str, tmp_path: Path, qapp
) -> None:
    article, media = sample(name)
    ready = checked_for_export(article, without_missing_photos=True)
    assert not photos_without_file(ready)
    for fmt, exporter in sorted(EXPORTERS.items()):
        suffix = exporter.extension or ""
        out = tmp_path / f"{fmt}-story{suffix}"
        exporter.export(ready, media, out, ExportOptions(parallel=False))
        text = export_text(out)
        found = EDITOR_ONLY.search(text)
        assert found is None, f"{fmt}: {text[max(0, found.start() - 80) : found.end() + 80]!r}"
        assert "hold until the minister confirms" not in text, fmt


@pytest.mark.slow
def test_images_the_story_has_no_record_of_are_left_out_of_every_format(
    tmp_path: Path, qapp
) -> None:
    """A placement of an id with no record (a typo), an image at an outside address and raw
    HTML images: the preview shows placeholders (and Checks says why); exports leave them out."""
    article, media = sample("caravan-efe.md")
    article = checked_for_export(article, without_missing_photos=True)
    article.body = (
        "Before.\n\n![](photo:typo)\n\nText ![a](photo:nope) and ![b](/wp-content/x.jpg) go"
        ' on.\n\n<p><img src="/wp-content/y.jpg" alt="raw"></p>\n\n' + article.body
    )
    for fmt, exporter in sorted(EXPORTERS.items()):
        out = tmp_path / f"{fmt}-story{exporter.extension or ''}"
        exporter.export(article, media, out, ExportOptions(parallel=False))
        text = export_text(out)
        found = EDITOR_ONLY.search(text)
        assert found is None, f"{fmt}: {text[max(0, found.start() - 80) : found.end() + 80]!r}"
        assert "Text" in text and "go on." in text.replace("  ", " "), fmt


def saved_sample(tmp_path: Path, name: str = "caravan-efe.md") -> Path:
    article, media = sample(name)
    path = tmp_path / "story.article"
    save_package(path, article, media)
    return path


def test_the_command_line_refuses_then_leaves_out_and_names_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = saved_sample(tmp_path)
    out = tmp_path / "page.html"
    assert main(["export", str(story), "-f", "html", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "photos have no file: p1 " in err and "--without-missing-photos" in err
    assert not out.exists()

    code = main(["export", str(story), "-f", "html", "-o", str(out), "--without-missing-photos"])
    assert code == 0
    err = capsys.readouterr().err
    assert err.startswith("left out: ") and "photos have no file: p1 " in err
    assert EDITOR_ONLY.search(export_text(out)) is None


def test_every_format_refuses_alike(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = saved_sample(tmp_path)
    for fmt in sorted(EXPORTERS):
        get_exporter(fmt)
        out = tmp_path / f"out-{fmt}{EXPORTERS[fmt].extension}"
        assert main(["export", str(story), "-f", fmt, "-o", str(out)]) == 1, fmt
        assert "--without-missing-photos" in capsys.readouterr().err, fmt
        assert not out.exists(), fmt
