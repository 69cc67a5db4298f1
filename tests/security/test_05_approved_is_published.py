"""Issue 14, class 5: "What the editor approves is what is published."

A package carries small copies of its photos under ``thumbs/``; anyone can replace them with
another picture, so the reporter would approve one photo and publish another. The copies the
window shows (the Photos pane, the preview, the Social card) are made from the originals,
cached outside the package by the hash of the original's bytes; a package's own are never read.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from editor.media.probe import prepare_photo
from editor.model.media_store import DERIVED_DIR, MediaStore
from editor.model.package import load_package, save_package

from factories import caravan_article, image_bytes, stored_photo

BLUE = (20, 40, 220)


def _window_copies():  # type: ignore[no-untyped-def]
    """The module under test, imported when used: these tests ran before it existed."""
    return importlib.import_module("editor.media.window_copies")


RED = (230, 20, 20)


def _colour_of(jpeg: bytes) -> tuple[int, int, int]:
    with Image.open(io.BytesIO(jpeg)) as image:
        red, green, blue = image.convert("RGB").resize((1, 1)).getpixel((0, 0))  # type: ignore[misc]
    return red, green, blue


def _near(colour: tuple[int, int, int], expected: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 24 for a, b in zip(colour, expected, strict=True))


def package_with_swapped_copies(folder: Path) -> tuple[Path, str]:
    """A story with a blue photo whose package copies under thumbs/ were replaced with red
    pictures; returns the package and the photo's media path."""
    media = MediaStore()
    image = stored_photo(media, "p1", image_bytes("JPEG", BLUE, (640, 480)), "sea.jpg")
    image.featured = True
    article = caravan_article(photos=[image], body="The sea.\n\n![](photo:p1)\n")
    honest = folder / "honest.article"
    save_package(honest, article, media)
    hostile = folder / "swapped.article"
    red = image_bytes("JPEG", RED, (640, 480))
    with zipfile.ZipFile(honest) as source, zipfile.ZipFile(hostile, "w") as target:
        names = source.namelist()
        assert any(name.startswith(f"{DERIVED_DIR}/") for name in names)
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith(f"{DERIVED_DIR}/"):
                data = red
            target.writestr(info, data)
    return hostile, image.media_path


def test_a_packages_own_copies_are_never_read(tmp_path: Path) -> None:
    hostile, media_path = package_with_swapped_copies(tmp_path)
    loaded = load_package(hostile)
    assert loaded.media.derived_paths(media_path) == []
    for kind in ("thumb", "display"):
        assert loaded.media.derived_path(media_path, kind) not in loaded.media


def test_saved_copies_are_the_ones_made_from_the_original(tmp_path: Path) -> None:
    """Saving again writes copies made from the original, not the package's red ones."""
    window_copies = _window_copies()
    hostile, media_path = package_with_swapped_copies(tmp_path)
    loaded = load_package(hostile)
    thumb, display = window_copies.window_copies(loaded.media.read(media_path), "sea.jpg")
    loaded.media.set_bytes(loaded.media.derived_path(media_path, "thumb"), thumb)
    loaded.media.set_bytes(loaded.media.derived_path(media_path, "display"), display)
    again = tmp_path / "again.article"
    save_package(again, loaded.article, loaded.media)
    with zipfile.ZipFile(again) as archive:
        for name in archive.namelist():
            if name.startswith(f"{DERIVED_DIR}/"):
                assert _near(_colour_of(archive.read(name)), BLUE), name


def test_window_copies_are_made_from_the_original_and_cached_by_its_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window_copies = _window_copies()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    blue = image_bytes("JPEG", BLUE, (640, 480))
    thumb, display = window_copies.window_copies(blue, "sea.jpg")
    assert _near(_colour_of(thumb), BLUE) and _near(_colour_of(display), BLUE)
    assert max(Image.open(io.BytesIO(display)).size) <= 1600
    digest = hashlib.sha256(blue).hexdigest()
    cached = sorted(path.name for path in (tmp_path / "cache").rglob("*.jpg"))
    assert cached == [f"{digest}-display.jpg", f"{digest}-thumb.jpg"]
    folder = next((tmp_path / "cache").rglob("*.jpg")).parent
    assert folder.stat().st_mode & 0o077 == 0  # the reporter's pictures are the reporter's

    def no_decoding(*_args: object) -> None:
        raise AssertionError("a cached photo was decoded again")

    monkeypatch.setattr(window_copies, "make_window_copies", no_decoding)
    assert window_copies.window_copies(blue, "sea.jpg") == (thumb, display)
    # The key is what the bytes are, never what a package calls them.
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    red_thumb, _ = window_copies.window_copies(image_bytes("JPEG", RED, (640, 480)), "sea.jpg")
    assert _near(_colour_of(red_thumb), RED)


def test_window_copies_are_the_ones_made_when_adding(tmp_path: Path) -> None:
    data = image_bytes("JPEG", BLUE, (2400, 1800))
    prepared = prepare_photo(data, "sea.jpg")
    assert _window_copies().window_copies(data, "sea.jpg") == (prepared.thumbnail, prepared.display)


@pytest.mark.gui
def test_the_window_shows_the_original_not_the_packages_copies(
    qtbot, window, tmp_path: Path
) -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from gui_helpers import wait_for_dom

    hostile, media_path = package_with_swapped_copies(tmp_path)
    assert window.open_path(hostile, confirmed=True)
    media = window.document.media
    display = media.derived_path(media_path, "display")
    qtbot.waitUntil(
        lambda: display in media and window.photo_desk.intake.pending == 0, timeout=20_000
    )
    # The Photos pane's thumbnail.
    pixmap = window.photos._thumbnails["p1"]
    assert not pixmap.isNull()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    assert _near(_colour_of(bytes(QByteArray(buffer.data()))), BLUE)
    # The preview and the Social card: the address they load, and what it serves.
    served = window.preview._media_lookup(display)
    assert served is not None and _near(_colour_of(served[0]), BLUE)
    wait_for_dom(
        qtbot,
        window.preview,
        "(() => { const i = document.querySelector('figure.photo img');"
        " return !!i && i.complete && i.naturalWidth > 0 && i.src.split('?')[0]; })()",
        f"dateline-media:/{display}",
    )
    window.preview.set_mode("social")
    wait_for_dom(
        qtbot,
        window.preview,
        "(() => { const i = document.querySelector('img.card-image');"
        " return !!i && i.src.split('?')[0]; })()",
        f"dateline-media:/{display}",
    )
