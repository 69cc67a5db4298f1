"""The welcome over an empty window: there at start, gone at the first sign of work and never
back for that window, off for good with "Show this at start"; its samples open with photos."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor.ui.settings_store import window_settings
from editor.ui.welcome import SAMPLES, SHOW_SETTING

from gui_helpers import read_dom, wait_for_dom

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _welcome_shown_at_start():
    window_settings().remove(SHOW_SETTING)
    yield
    window_settings().remove(SHOW_SETTING)


def test_an_empty_window_welcomes_over_the_body_and_preview(window) -> None:
    panel = window.welcome.panel
    assert panel.isVisible()
    covered = panel.geometry()
    body = window.body.mapTo(window, window.body.rect().center())
    preview = window.preview.mapTo(window, window.preview.rect().center())
    fields = window.fields.mapTo(window, window.fields.rect().center())
    assert covered.contains(body) and covered.contains(preview)
    assert not covered.contains(fields)  # the fields stay usable beside it
    buttons = [window.welcome.panel.new_button, panel.open_button, panel.import_button]
    assert all(button.accessibleName() for button in buttons + panel.sample_buttons)
    assert len(panel.sample_buttons) == len(SAMPLES) == 2


def test_typing_takes_the_welcome_away_for_good(qtbot, window) -> None:
    welcome = window.welcome
    qtbot.keyClicks(window.fields.headline, "Caravan")
    assert welcome.dismissed
    qtbot.waitUntil(lambda: not welcome.panel.isVisible())
    window.document.new()
    welcome.show_if_empty()  # an empty story again: it stays away
    assert welcome.dismissed


def test_escape_closes_the_welcome_and_the_body_takes_the_keyboard(qtbot, window) -> None:
    panel = window.welcome.panel
    window.activateWindow()
    panel.new_button.setFocus()
    qtbot.keyClick(panel.new_button, Qt.Key.Key_Escape)
    assert window.welcome.dismissed
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.body)


def test_show_at_start_off_keeps_the_next_window_plain(qtbot, window) -> None:
    from editor.ui.main_window import MainWindow

    window.welcome.panel.show_at_start.setChecked(False)
    assert window_settings().value(SHOW_SETTING) in (False, "false")
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.welcome.dismissed is False
    assert not second.welcome.panel.isVisible()
    second.deleteLater()


def test_the_photo_sample_opens_with_its_photos_in_the_preview(qtbot, window) -> None:
    panel = window.welcome.panel
    qtbot.mouseClick(panel.sample_buttons[0], Qt.MouseButton.LeftButton)
    assert window.welcome.dismissed
    assert window.document.path is None  # a copy: saving asks where, the bundle stays as it is
    assert not window.document.dirty
    assert window.fields.headline.text().startswith("A rocket")
    wait_for_dom(qtbot, window.preview, "document.querySelectorAll('figure img').length", 3)
    loaded = read_dom(
        qtbot,
        window.preview,
        "{missing: document.querySelectorAll('.photo-missing').length,"
        " captions: [...document.querySelectorAll('figcaption')].map(e => e.textContent)}",
    )
    assert loaded["missing"] == 0
    assert any("Falcon 9" in caption for caption in loaded["captions"])
    assert any("NASA" in caption for caption in loaded["captions"])
