"""Class 13: "Text from a file is never shown as rich text."

A received package chooses its zip entries' names, its headline, its photos' file names and its
metadata. None of it may become markup in the window (a heading, a working link), and none of it
may reach a terminal as a control sequence (a screen clear, an OSC 8 hyperlink, a bell).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from editor.model.article import Dateline
from editor.model.media_store import MediaStore
from editor.model.package import save_package

from factories import article, image_bytes, stored_photo

MARKUP = '<h2>Urgent</h2><a href="https://attacker.example/">fix your story here</a>'
# A file name cannot hold "/": its markup leaves its tags open, which HTML forgives.
PHOTO_NAME = "<h2>Urgent<a href=#fix>fix your story here<a>.jpg"


class ShownBox:
    """What a message box showed: its text, and the formats of the box and of its label."""

    def __init__(self, box: QMessageBox) -> None:
        label = box.findChild(QLabel, "qt_msgbox_label")
        assert label is not None
        self.text = box.text()
        self.box_format = box.textFormat()
        self.label_text = label.text()
        self.label_format = label.textFormat()


@pytest.fixture
def shown_boxes(qtbot):
    """Every modal message box shown while the test runs, recorded and then closed.

    Watching for the modal box (rather than replacing how boxes are made) sees the static
    QMessageBox helpers and hand-built boxes alike."""
    shown: list[ShownBox] = []

    def close_modal() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(ShownBox(box))
            box.done(0)

    timer = QTimer()
    timer.timeout.connect(close_modal)
    timer.start(20)
    yield shown
    timer.stop()


def _package_with_entry(path: Path, entry_name: str) -> Path:
    save_package(path, article(headline="Ours", body="A paragraph."), MediaStore())
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(entry_name, b"x")
    return path


def _assert_plain(box: ShownBox) -> None:
    # The markup is there, and Qt would guess HTML from it...
    assert QtGui.Qt.mightBeRichText(box.label_text)
    assert box.box_format == Qt.TextFormat.PlainText  # ...but it is shown as written
    assert box.label_format == Qt.TextFormat.PlainText


@pytest.mark.gui
def test_a_zip_entry_named_with_markup_is_shown_as_text(window, shown_boxes, tmp_path) -> None:
    shown = shown_boxes
    path = _package_with_entry(tmp_path / "story.article", MARKUP)
    assert not window.open_path(path)
    assert len(shown) == 1
    assert "<h2>Urgent</h2>" in shown[0].text  # shown literally: no heading, no link
    _assert_plain(shown[0])


@pytest.mark.gui
def test_every_question_and_refusal_box_is_plain_text(window, shown_boxes) -> None:
    from editor.ui.dialogs.questions import ask, choose, inform, refuse

    shown = shown_boxes
    refuse(window, "Cannot open", MARKUP)
    choose(window, "Choose", MARKUP, ("One",))
    ask(window, "Ask", MARKUP, QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Yes)
    inform(window, "About", MARKUP)
    assert len(shown) == 4
    for box in shown:
        _assert_plain(box)


@pytest.mark.gui
def test_labels_showing_a_package_never_turn_its_text_into_markup(qtbot, window, tmp_path) -> None:
    media = MediaStore()
    photo = stored_photo(media, "photo-1", image_bytes("JPEG"), PHOTO_NAME)
    story = article(
        headline=MARKUP,
        body=f"{MARKUP}\n\n![](photo-1)\n",
        dateline=Dateline(place=MARKUP, country="Mexico", style="efe-en"),
        photos=[photo],
    )
    path = tmp_path / "markup.article"
    save_package(path, story, media)
    assert window.open_path(path)
    window.side_tabs.setCurrentWidget(window.photos)
    window.photos.list.setCurrentRow(0)
    qtbot.waitUntil(lambda: "<h2>" in window.photos.file_label.text(), timeout=5000)
    qtbot.waitUntil(lambda: "<h2>" in window.fields.dateline_text.text(), timeout=5000)
    showing = [label for label in window.findChildren(QLabel) if "<h2>" in label.text()]
    assert {window.photos.file_label, window.fields.dateline_text} <= set(showing)
    for label in showing:
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()


def test_a_tooltip_quoting_the_story_is_escaped() -> None:
    from editor.ui.widgets.plain_text import plain_tooltip

    tooltip = plain_tooltip(MARKUP)
    assert "<h2>" not in tooltip and "<a " not in tooltip
    assert "&lt;h2&gt;Urgent&lt;/h2&gt;" in tooltip
