"""The running window tells the desktop who it is: our application id and icon, and the About
box shows that icon with the version, the licence and where Dateline keeps its files."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from editor import __version__
from editor.desktop import APP_ID, ICON_SIZES
from editor.paths import data_dir, state_dir
from editor.ui.dialogs.about import about_box, about_text

pytestmark = pytest.mark.gui


def test_the_application_carries_our_id_and_icon(qapp) -> None:
    assert qapp.desktopFileName() == APP_ID
    icon = qapp.windowIcon()
    assert not icon.isNull()
    assert {size.width() for size in icon.availableSizes()} == set(ICON_SIZES)


def test_about_shows_the_icon_version_licence_and_files_folder(qapp) -> None:
    box = about_box(None)
    try:
        assert box.text() == about_text(__version__, data_dir(), state_dir())
        assert f"Dateline {__version__}" in box.text()
        assert "GPL-3.0-or-later" in box.text()
        assert str(data_dir()) in box.text()
        assert str(state_dir()) in box.text()
        pixmap = box.iconPixmap()
        assert not pixmap.isNull() and pixmap.width() == 64
        assert box.icon() == QMessageBox.Icon.NoIcon  # no stock "information" picture
    finally:
        box.deleteLater()


def test_about_text_is_plain_text(qapp) -> None:
    from PySide6.QtCore import Qt

    box = about_box(None)
    try:
        assert box.textFormat() == Qt.TextFormat.PlainText
    finally:
        box.deleteLater()
