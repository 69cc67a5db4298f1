"""Issue 14, class 6: "Import only takes photos the reporter meant."

A stringer's Markdown can name any image on the reporter's disk (``../``, an absolute path, a
link in the folder that points elsewhere): an ID scan or a source's photo, GPS and all, would be
copied into the story silently. Import takes only files inside the source's folder unless the
reporter says otherwise (``--allow-outside``, a question in the window), says which photos it
took (one ``note:`` line each) and warns about GPS as ``media add`` does.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from editor.ingest import import_file
from editor.model.package import load_package

from locations import DATA
from photo_files import jpeg_with_gps

ROCKET = DATA / "images" / "rocket.jpg"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "editor", *args], capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def story(tmp_path: Path) -> Path:
    """A story folder with one photo of its own, naming three files outside it: by ``../``,
    by absolute path, and through a link in the folder."""
    private = tmp_path / "private"
    private.mkdir()
    jpeg_with_gps(private / "id-scan.jpg")
    jpeg_with_gps(private / "source.jpg", size=(320, 240))
    jpeg_with_gps(private / "linked.jpg", size=(200, 100))
    folder = tmp_path / "story"
    folder.mkdir()
    shutil.copy(ROCKET, folder / "rocket.jpg")
    (folder / "innocent.jpg").symlink_to(private / "linked.jpg")
    markdown = folder / "story.md"
    markdown.write_text(
        "# Caravan reaches the border\n\n"
        "![The rocket](rocket.jpg)\n\n"
        "![A scan](../private/id-scan.jpg)\n\n"
        f"![A source]({private / 'source.jpg'})\n\n"
        "![Innocent](innocent.jpg)\n",
        encoding="utf-8",
    )
    return markdown


def _taken(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [image.original_name for image in result.article.photos if image.media_path]


def test_only_photos_inside_the_folder_are_taken(story: Path) -> None:
    result = import_file(story)
    assert _taken(result) == ["rocket.jpg"]
    assert len(result.article.photos) == 4  # the others stay as records without a file
    assert sorted(result.outside) == sorted(
        ["../private/id-scan.jpg", str(story.parent.parent / "private" / "source.jpg"),
         "innocent.jpg"]
    )  # fmt: skip
    assert [path for path in result.media.paths() if path.startswith("media/")] == [
        result.article.photos[0].media_path
    ]
    outside_warnings = [w for w in result.warnings if "outside" in w]
    assert len(outside_warnings) == 3


def test_allowed_outside_everything_named_is_taken_with_gps_warnings(story: Path) -> None:
    from editor.media.attach import gps_warning

    result = import_file(story, allow_outside=True)
    assert _taken(result) == [
        "rocket.jpg",
        "../private/id-scan.jpg",
        str(story.parent.parent / "private" / "source.jpg"),
        "innocent.jpg",
    ]
    assert gps_warning("id-scan.jpg") in result.warnings
    assert gps_warning("source.jpg") in result.warnings
    assert len(result.notes) == 4


def test_cli_import_notes_each_photo_and_warns_like_media_add(story: Path, tmp_path: Path) -> None:
    out = tmp_path / "story.article"
    result = run_cli("import", str(story), "-o", str(out))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    notes = [line for line in lines if line.startswith("note: ")]
    assert len(notes) == 1 and "rocket.jpg" in notes[0]
    assert sum(line.startswith("warning: Photo left out: ") for line in lines) == 3
    assert "--allow-outside" in result.stderr
    assert len([p for p in load_package(out).media.paths() if p.startswith("media/")]) == 1

    allowed = tmp_path / "allowed.article"
    result = run_cli("import", str(story), "-o", str(allowed), "--allow-outside")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len([line for line in lines if line.startswith("note: ")]) == 4
    # The same GPS warning as `media add` gives for the same file.
    media_add = run_cli(
        "media", "add", str(out), str(story.parent.parent / "private" / "id-scan.jpg")
    )
    gps_line = next(line for line in media_add.stderr.splitlines() if "GPS" in line)
    assert gps_line in lines
    assert len([p for p in load_package(allowed).media.paths() if p.startswith("media/")]) == 4


def test_a_link_inside_the_folder_to_a_file_inside_is_taken(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    (folder / "photos").mkdir(parents=True)
    shutil.copy(ROCKET, folder / "photos" / "rocket.jpg")
    (folder / "lead.jpg").symlink_to(folder / "photos" / "rocket.jpg")
    markdown = folder / "story.md"
    markdown.write_text("# Title\n\n![](lead.jpg)\n\n![](./photos/rocket.jpg)\n", encoding="utf-8")
    result = import_file(markdown)
    assert _taken(result) == ["lead.jpg", "./photos/rocket.jpg"]
    assert result.outside == []


@pytest.mark.gui
@pytest.mark.parametrize("answer", ["take", "leave", "cancel"])
def test_the_window_asks_before_taking_outside_photos(
    qtbot, window, story: Path, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    import editor.ui.controllers.file_actions as file_actions
    from editor.ui.dialogs import questions

    asked: list[str] = []
    chosen = {
        "take": getattr(file_actions, "TAKE_OUTSIDE_PHOTOS", "?"),
        "leave": getattr(file_actions, "LEAVE_OUTSIDE_PHOTOS", "?"),
        "cancel": None,
    }[answer]

    def reply(_parent, _title: str, message: str, choices: tuple[str, ...]) -> str | None:
        asked.append(message)
        assert chosen is None or chosen in choices
        return chosen

    monkeypatch.setattr(questions, "choose", reply)
    opened = window.open_path(story, confirmed=True)
    assert len(asked) == 1 and "id-scan.jpg" in asked[0] and "3 photos" in asked[0]
    taken = [p.original_name for p in window.document.article.photos if p.media_path]
    if answer == "cancel":
        assert not opened and window.document.article.photos == []
    elif answer == "leave":
        assert opened and taken == ["rocket.jpg"]
    else:
        assert opened and len(taken) == 4
