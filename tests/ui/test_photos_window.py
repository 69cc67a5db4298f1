"""Photos in the real window: add, caption, crop, lead photo, remove and undo, GPS warning."""

from __future__ import annotations

import base64
import io
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

from gui_helpers import read_dom, wait_for_dom
from locations import DATA
from photo_files import jpeg_with_gps

pytestmark = pytest.mark.gui


def add_and_wait(qtbot, window, path: Path) -> None:
    count = len(window.document.article.photos)
    window.photo_desk.add_files([path], place=True)
    qtbot.waitUntil(lambda: len(window.document.article.photos) == count + 1, timeout=10_000)


def test_added_photo_is_placed_and_its_caption_reaches_the_figure(qtbot, window, tmp_path) -> None:
    qtbot.keyClicks(window.body, "The caravan left Huixtla at dawn.")
    photo = shutil.copy(DATA / "images" / "rocket.jpg", tmp_path / "rocket.jpg")
    add_and_wait(qtbot, window, Path(photo))
    image = window.document.article.photos[0]
    assert f"![](photo:{image.id})" in window.body.toPlainText()
    assert window.document.media.derived_paths(image.media_path)  # thumbnail kept
    window.side_tabs.setCurrentWidget(window.photos)
    qtbot.keyClicks(window.photos.caption, "Migrants walk north on the coastal road.")
    qtbot.keyClicks(window.photos.credit, "EFE/Juan Manuel Blanco")
    qtbot.keyClicks(window.photos.alt, "A column of people on a highway")
    figure = wait_for_dom(
        qtbot,
        window.preview,
        "[document.querySelector('figure.photo figcaption .caption')?.textContent,"
        " document.querySelector('figure.photo figcaption .credit')?.textContent,"
        " document.querySelector('figure.photo img')?.alt]",
        [
            "Migrants walk north on the coastal road.",
            "EFE/Juan Manuel Blanco",
            "A column of people on a highway",
        ],
    )
    assert figure
    # The picture really loads in the preview (served from the package, not a broken image).
    wait_for_dom(
        qtbot,
        window.preview,
        "(() => { const i = document.querySelector('figure.photo img');"
        " return i.complete && i.naturalWidth > 0; })()",
        True,
    )


def test_crop_preset_changes_the_preview_image_shape(qtbot, window, tmp_path) -> None:
    photo = shutil.copy(DATA / "images" / "rocket.jpg", tmp_path / "rocket.jpg")
    add_and_wait(qtbot, window, Path(photo))
    image = window.document.article.photos[0]
    window.photos.aspect.setCurrentText("1:1")
    window.photos.aspect.activated.emit(window.photos.aspect.currentIndex())
    assert image.crop is not None
    wait_for_dom(
        qtbot,
        window.preview,
        "(() => { const i = document.querySelector('figure.photo img');"
        " return i && i.complete && i.naturalWidth > 0 &&"
        " Math.abs(i.naturalWidth - i.naturalHeight) <= 1; })()",
        True,
    )
    window.document.photo_undo.undo()
    assert image.crop is None


def test_gps_photo_is_flagged_and_lead_photo_leads(qtbot, window, tmp_path) -> None:
    add_and_wait(qtbot, window, jpeg_with_gps(tmp_path / "source.jpg"))
    image = window.document.article.photos[0]
    assert image.has_gps
    window.side_tabs.setCurrentWidget(window.photos)
    assert window.photos.gps_warning.isVisible()
    assert "GPS" in window.photos.list.item(0).text()
    assert image.credit == "Photographer Name"  # prefilled from EXIF Artist
    window.photos.featured.setChecked(True)
    assert image.featured
    wait_for_dom(qtbot, window.preview, "!!document.querySelector('#dl-header figure.photo')", True)
    window.body.clear()
    wait_for_dom(qtbot, window.preview, "!!document.querySelector('#dl-header figure.photo')", True)


# Where each photo shows in the preview: [in the header, in the body], by photo id.
WHERE_PHOTOS_SHOW = (
    "Object.fromEntries([...document.querySelectorAll('figure.photo')].map(f =>"
    " [f.dataset.photoId, f.closest('#dl-header') ? 'header' : 'body']))"
)
FIRST_IN_HEADER = "document.querySelector('#dl-header figure.photo')?.dataset.photoId ?? null"


def test_ticking_lead_photo_moves_it_to_the_top_and_unticking_puts_it_back(
    qtbot, window, tmp_path
) -> None:
    # The body places the photo under its second paragraph: ticking "Lead photo" shows it on
    # top, once; unticking puts it back in its place. The body text never changes.
    qtbot.keyClicks(window.body, "The caravan left Huixtla at dawn.")
    first = shutil.copy(DATA / "images" / "rocket.jpg", tmp_path / "rocket.jpg")
    add_and_wait(qtbot, window, Path(first))
    cursor = window.body.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.insertText("\n\nPolice stopped it at the river.\n\n")
    window.body.setTextCursor(cursor)
    second = tmp_path / "march.jpg"
    Image.new("RGB", (640, 400), (40, 110, 60)).save(second, "JPEG")
    add_and_wait(qtbot, window, second)
    upper, lower = (image.id for image in window.document.article.photos)
    body_text = window.body.toPlainText()
    assert body_text.index(f"photo:{upper}") < body_text.index(f"photo:{lower}")
    wait_for_dom(qtbot, window.preview, WHERE_PHOTOS_SHOW, {upper: "body", lower: "body"})

    window.side_tabs.setCurrentWidget(window.photos)
    window.photos.list.setCurrentRow(1)
    window.photos.featured.setChecked(True)
    assert window.document.article.featured_photo().id == lower
    wait_for_dom(qtbot, window.preview, WHERE_PHOTOS_SHOW, {upper: "body", lower: "header"})
    assert read_dom(qtbot, window.preview, FIRST_IN_HEADER) == lower
    count = f"document.querySelectorAll('figure[data-photo-id=\"{lower}\"]').length"
    assert read_dom(qtbot, window.preview, count) == 1
    assert window.body.toPlainText() == body_text

    window.photos.featured.setChecked(False)
    wait_for_dom(qtbot, window.preview, WHERE_PHOTOS_SHOW, {upper: "body", lower: "body"})
    assert read_dom(qtbot, window.preview, FIRST_IN_HEADER) is None
    assert window.body.toPlainText() == body_text


def test_remove_with_undo_restores_photo_and_placement(qtbot, window, tmp_path) -> None:
    photo = shutil.copy(DATA / "images" / "rocket.jpg", tmp_path / "rocket.jpg")
    add_and_wait(qtbot, window, Path(photo))
    image = window.document.article.photos[0]
    body_with_photo = window.body.toPlainText()
    window.photos.removeRequested.emit(image.id)
    assert window.document.article.photos == []
    assert "photo:" not in window.body.toPlainText()
    wait_for_dom(qtbot, window.preview, "document.querySelectorAll('figure').length", 0)
    window.document.photo_undo.undo()
    assert window.document.article.photos == [image]
    assert window.body.toPlainText() == body_with_photo
    wait_for_dom(qtbot, window.preview, "document.querySelectorAll('figure.photo').length", 1)


def test_hostile_file_is_refused_and_window_stays_usable(qtbot, window, tmp_path) -> None:
    for name in ("zero_bytes.jpg", "decompression_bomb.gif", "broken.png"):
        window.photo_desk.add_files([DATA / "hostile-images" / name], place=True)
    qtbot.waitUntil(lambda: window.photo_desk.intake.pending == 0, timeout=10_000)
    assert window.document.article.photos == []
    qtbot.keyClicks(window.fields.headline, "Still working")
    wait_for_dom(
        qtbot, window.preview, "document.querySelector('h1.headline')?.textContent", "Still working"
    )
    assert read_dom(qtbot, window.preview, "document.querySelectorAll('figure').length") == 0


def test_export_from_the_window_runs_in_the_background(qtbot, window, tmp_path) -> None:
    add_and_wait(qtbot, window, jpeg_with_gps(tmp_path / "road.jpg"))
    qtbot.keyClicks(window.fields.headline, "Caravan reaches Huixtla")
    out = tmp_path / "story.html"
    dialog = window.show_export_dialog()
    dialog.select_format("html")
    dialog.destination.setText(str(out))
    dialog.export_button.click()
    qtbot.keyClicks(window.body, " Typing goes on.")  # the export must not block this
    qtbot.waitUntil(
        lambda: "Exported story.html" in window.statusBar().currentMessage(), timeout=20_000
    )
    page = out.read_text(encoding="utf-8")
    assert "Caravan reaches Huixtla" in page
    assert "Typing goes on." not in page  # the export is of the story when Export was pressed
    encoded = re.search(r'src="data:image/jpeg;base64,([^"]+)"', page)[1]
    exported = Image.open(io.BytesIO(base64.b64decode(encoded)))
    assert not exported.getexif()  # the photo's GPS position did not leave with it
    assert dialog.open_folder_button.isVisible()
    assert dialog.status.text() == f"Wrote {out}"
    dialog.close()


def test_pasted_image_and_dropped_file_become_placed_photos(qtbot, window, tmp_path) -> None:
    from PySide6.QtCore import QMimeData, QUrl
    from PySide6.QtGui import QColor, QImage

    qtbot.keyClicks(window.body, "First paragraph.")
    pasted = QMimeData()
    picture = QImage(120, 80, QImage.Format.Format_RGB32)
    picture.fill(QColor("darkred"))
    pasted.setImageData(picture)
    window.body.insertFromMimeData(pasted)  # what Ctrl+V does with an image on the clipboard
    qtbot.waitUntil(lambda: len(window.document.article.photos) == 1, timeout=10_000)
    first = window.document.article.photos[0]
    assert (first.format, first.width, first.height) == ("PNG", 120, 80)

    dropped = QMimeData()
    photo = shutil.copy(DATA / "images" / "rocket.jpg", tmp_path / "rocket.jpg")
    dropped.setUrls([QUrl.fromLocalFile(str(photo))])
    assert window.body.canInsertFromMimeData(dropped)
    window.body.insertFromMimeData(dropped)  # a drop from the file manager ends up here
    qtbot.waitUntil(lambda: len(window.document.article.photos) == 2, timeout=10_000)
    body = window.body.toPlainText()
    assert body.index("First paragraph.") < body.index("photo:p1)") < body.index("photo:p2)")


def test_photo_details_are_folded_away_shown_from_the_file_and_editable(
    qtbot, window, tmp_path
) -> None:
    import pyexiv2
    from PySide6.QtCore import Qt

    photo = tmp_path / "border.jpg"
    data = pyexiv2.ImageData((DATA / "images" / "rocket.jpg").read_bytes())
    try:
        data.modify_xmp(
            {"Xmp.photoshop.Country": "Mexico", "Xmp.dc.subject": ["migrants", "caravan"]}
        )
        photo.write_bytes(data.get_bytes())
    finally:
        data.close()
    add_and_wait(qtbot, window, photo)
    image = window.document.article.photos[0]
    pane = window.photos
    window.side_tabs.setCurrentWidget(pane)
    assert not any(edit.isVisible() for edit in pane.details_fields)  # folded away
    assert pane.details_toggle.accessibleName() == "Photo details"
    pane.details_toggle.setFocus()
    qtbot.keyClick(pane.details_toggle, Qt.Key.Key_Space)  # the keyboard opens it
    assert all(edit.isVisible() for edit in pane.details_fields)
    assert pane.country.text() == "Mexico"
    assert pane.keywords.text() == "migrants, caravan"
    assert pane.city.accessibleName() == "City"

    qtbot.keyClicks(pane.city, "Tapachula")
    assert image.city == "Tapachula"
    pane.keywords.clear()
    qtbot.keyClicks(pane.keywords, "border; Chiapas")
    assert image.keywords == ["border", "Chiapas"]
    qtbot.keyClicks(pane.persons, "Ana Perez, Luis Gomez")  # QTest types ASCII only
    assert image.persons == ["Ana Perez", "Luis Gomez"]
    # Undo, as in the pane's other fields, is the field's own.
    qtbot.keyClick(pane.city, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert image.city == ""
