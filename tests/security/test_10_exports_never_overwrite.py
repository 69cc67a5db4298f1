"""Class 10 of issue 14: "Exports never delete or overwrite what they did not make."

Every registered format: a folder it did not create is refused (an export folder lists what it
wrote in its manifest, and only that is replaced), a symlinked destination is never followed, a
failed export leaves nothing half-written, and ``-o`` never names an ``.article``.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from editor.cli import main
from editor.export import EXPORTERS
from editor.export.base import ExportError, ExportOptions
from editor.export.bundle import MARKER_NAME
from editor.export.ninjs import photo_folder_name
from editor.model.article import Article
from editor.model.media_store import MediaStore
from editor.model.package import save_package

from factories import caravan_article, image_bytes, stored_photo

ALL_FORMATS = sorted(EXPORTERS)
# PDF prints through Chromium: it takes part where the export is refused before any work, and
# writes its file the way html, docx and text do.
WRITING_FORMATS = [name for name in ALL_FORMATS if name != "pdf"]
FOLDER_FORMATS = [name for name in WRITING_FORMATS if EXPORTERS[name].extension == ""]
FILE_FORMATS = [name for name in WRITING_FORMATS if EXPORTERS[name].extension != ""]
SOMEONES_PHOTOS = {"caravan-1.jpg": b"the reporter's own photo", "DSC-0042.jpg": b"another"}


def _story() -> tuple[Article, MediaStore]:
    media = MediaStore()
    article = caravan_article(body="Hundreds left.\n\n![](photo:p1)\n")
    article.photos.append(stored_photo(media, "p1", image_bytes("JPEG"), "road.jpg"))
    return article, media


def _export(name: str, out_path: Path) -> None:
    article, media = _story()
    EXPORTERS[name].export(article, media, out_path, ExportOptions(parallel=False))


def _target(folder: Path, name: str) -> Path:
    return folder / f"story{EXPORTERS[name].extension}"


def _snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder``: a file's bytes, a link's target, "dir" for a folder."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.is_symlink():
            found[name] = f"link:{os.readlink(path)}"
        elif path.is_dir():
            found[name] = "dir"
        else:
            found[name] = path.read_bytes()
    return found


@pytest.mark.parametrize("name", ALL_FORMATS)
@pytest.mark.parametrize("file_name", ["story.article", "STORY.Article"])
def test_no_format_writes_an_article_file(tmp_path: Path, name: str, file_name: str) -> None:
    story = tmp_path / file_name
    story.write_bytes(b"the reporter's story")
    with pytest.raises(ExportError, match="article"):
        _export(name, story)
    assert _snapshot(tmp_path) == {file_name: b"the reporter's story"}


@pytest.mark.parametrize("name", ALL_FORMATS)
@pytest.mark.parametrize("victim_kind", ["file", "folder", "missing"])
def test_no_format_follows_a_symlinked_destination(
    tmp_path: Path, name: str, victim_kind: str
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    victim = elsewhere / "victim"
    if victim_kind == "file":
        victim.write_bytes(b"not the export's")
    elif victim_kind == "folder":
        victim.mkdir()
        (victim / "notes.txt").write_bytes(b"not the export's")
    out = tmp_path / "out"
    out.mkdir()
    target = _target(out, name)
    target.symlink_to(victim)
    before = _snapshot(tmp_path)
    with pytest.raises(ExportError, match="link"):
        _export(name, target)
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize("name", FOLDER_FORMATS)
def test_a_folder_format_refuses_a_folder_it_did_not_create(tmp_path: Path, name: str) -> None:
    out = tmp_path / "story"
    out.mkdir()
    for file_name, data in SOMEONES_PHOTOS.items():
        (out / file_name).write_bytes(data)
    before = _snapshot(tmp_path)
    with pytest.raises(ExportError, match="choose a new or empty folder"):
        _export(name, out)
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize("name", FOLDER_FORMATS)
def test_a_folder_export_replaces_its_own_files_and_nothing_added_to_them(
    tmp_path: Path, name: str
) -> None:
    out = tmp_path / "story"
    _export(name, out)
    manifest = json.loads((out / MARKER_NAME).read_text(encoding="utf-8"))
    assert sorted(manifest["files"]) == sorted(
        path for path, kind in _snapshot(out).items() if kind != "dir" and path != MARKER_NAME
    )
    _export(name, out)  # its own files: replaced
    (out / "caravan-1.jpg").write_bytes(b"the reporter's own photo, put in later")
    before = _snapshot(tmp_path)
    with pytest.raises(ExportError, match=r"caravan-1\.jpg"):
        _export(name, out)
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize("name", ["ninjs", "ninjs3"])
def test_ninjs_never_deletes_photos_it_did_not_make(tmp_path: Path, name: str) -> None:
    target = tmp_path / "story.json"
    photos = tmp_path / photo_folder_name(target)
    photos.mkdir()
    for file_name, data in {**SOMEONES_PHOTOS, "p1-2048.jpg": b"same name as a rendition"}.items():
        (photos / file_name).write_bytes(data)
    before = _snapshot(tmp_path)
    with pytest.raises(ExportError, match="choose a new or empty folder"):
        _export(name, target)
    assert _snapshot(tmp_path) == before
    # Its own folder is replaced; a photo put in it later is kept and the export refused.
    other = tmp_path / "other.json"
    _export(name, other)
    _export(name, other)
    own = tmp_path / photo_folder_name(other)
    (own / "DSC-0042.jpg").write_bytes(b"put in later")
    with pytest.raises(ExportError, match=r"DSC-0042\.jpg"):
        _export(name, other)
    assert (own / "DSC-0042.jpg").read_bytes() == b"put in later"


@pytest.mark.parametrize("name", ["ninjs", "ninjs3"])
def test_ninjs_never_follows_a_symlinked_photo_folder(tmp_path: Path, name: str) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "p1-2048.jpg").write_bytes(b"not the export's")
    target = tmp_path / "story.json"
    (tmp_path / photo_folder_name(target)).symlink_to(elsewhere)
    before = _snapshot(tmp_path)
    with pytest.raises(ExportError, match="link"):
        _export(name, target)
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize("name", WRITING_FORMATS)
def test_a_failed_export_leaves_nothing_half_written(
    tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills as the export is put in place: the earlier export stays whole, and no
    temporary file or folder is left."""
    out = tmp_path / "out"
    out.mkdir()
    target = _target(out, name)
    _export(name, target)
    before = _snapshot(tmp_path)

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    monkeypatch.setattr(os, "rename", disk_full)
    with pytest.raises(ExportError):
        _export(name, target)
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize("name", FILE_FORMATS)
def test_a_file_format_still_replaces_its_file(tmp_path: Path, name: str) -> None:
    target = _target(tmp_path, name)
    target.write_bytes(b"an earlier export")
    _export(name, target)
    assert target.read_bytes() != b"an earlier export"


@pytest.mark.parametrize("name", ["html", "nitf"])
def test_the_cli_refuses_output_onto_the_source_article_in_one_line(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Even when the story's file has another suffix, ``-o`` naming it is refused (exit 1)."""
    article, media = _story()
    story = tmp_path / "story.html"
    save_package(story, article, media)
    before = story.read_bytes()
    assert main(["export", str(story), "-f", name, "-o", str(story)]) == 1
    message = capsys.readouterr().err.strip()
    assert len(message.splitlines()) == 1 and "the story itself" in message
    assert story.read_bytes() == before
