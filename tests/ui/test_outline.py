"""The Outline dock in the real window: the story's subheads and photos in order, a click or
Enter goes there, the selection follows the body's cursor, and typing a subhead adds it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDockWidget

from editor.model.article import Article, ImageRef
from editor.model.media_store import MediaStore
from editor.text.story_outline import EntryKind
from editor.ui.settings_store import window_settings

from gui_helpers import fresh_view_settings  # noqa: F401

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("fresh_view_settings")]

BODY = (
    "The caravan left Tapachula at dawn.\n\n"  # line 0
    "## Mexico wants migrants in the south\n\n"  # line 2
    "Officials met the group at the checkpoint.\n\n"  # line 4
    "![](photo:p1)\n\n"  # line 6
    "### At the checkpoint\n\n"  # line 8
    "They waited for hours.\n\n"  # line 10
    "## The road north\n\n"  # line 12
    "Some turned back.\n\n"  # line 14
    "![](photo:p2)\n"  # line 16
)


def _load(window, body: str = BODY) -> None:
    article = Article(headline="Caravan reaches Huixtla", body=body)
    article.photos = [
        ImageRef(id="p1", original_name="huixtla.jpg", caption="Migrants walk north"),
        ImageRef(id="p2", original_name="checkpoint.jpg"),
    ]
    window.document.replace(article, MediaStore(), None)


def _show_outline(qtbot, window):
    options = window.view_options
    if not options.outline_action.isChecked():
        options.outline_action.trigger()
    qtbot.waitUntil(lambda: options.outline.idle and bool(options.outline.pane.entries))
    return options.outline.pane


def _titles(pane) -> list[tuple[str, str, int]]:
    return [(entry.kind.value, entry.title, entry.depth) for entry in pane.entries]


def test_outline_lists_subheads_and_photos_in_order(qtbot, window) -> None:
    _load(window)
    pane = _show_outline(qtbot, window)
    assert _titles(pane) == [
        ("headline", "Caravan reaches Huixtla", 0),
        ("subhead", "Mexico wants migrants in the south", 0),
        ("photo", "Migrants walk north", 1),
        ("subhead", "At the checkpoint", 1),
        ("subhead", "The road north", 0),
        ("photo", "checkpoint.jpg", 1),
    ]
    # The tree shows the same: ### under its ##, photos under their section.
    top = [pane.topLevelItem(i).text(0) for i in range(pane.topLevelItemCount())]
    assert top == [
        "Caravan reaches Huixtla",
        "Mexico wants migrants in the south",
        "The road north",
    ]
    first_section = pane.topLevelItem(1)
    assert [first_section.child(i).text(0) for i in range(first_section.childCount())] == [
        "Migrants walk north",
        "At the checkpoint",
    ]
    dock = window.findChild(QDockWidget, "outline_dock")
    assert dock is not None and dock.isVisible()
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert pane.accessibleName() == "Outline"


def test_click_goes_to_the_line_in_the_body(qtbot, window) -> None:
    _load(window)
    pane = _show_outline(qtbot, window)
    item = pane.topLevelItem(2)  # "The road north"
    rect = pane.visualItemRect(item)
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.body.textCursor().blockNumber() == 12
    assert window.body.textCursor().block().text() == "## The road north"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.body)
    # The line is in view.
    assert window.body.viewport().rect().contains(window.body.cursorRect().center())


def test_enter_on_an_item_goes_there(qtbot, window) -> None:
    _load(window)
    pane = _show_outline(qtbot, window)
    pane.setFocus()
    photo = pane.topLevelItem(1).child(0)  # the photo p1
    pane.setCurrentItem(photo)
    qtbot.keyClick(pane, Qt.Key.Key_Return)
    assert window.body.textCursor().block().text() == "![](photo:p1)"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.body)


def test_headline_item_goes_to_the_headline_field(qtbot, window) -> None:
    _load(window)
    pane = _show_outline(qtbot, window)
    pane.setFocus()
    pane.setCurrentItem(pane.topLevelItem(0))
    qtbot.keyClick(pane, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.fields.headline)


def test_current_section_follows_the_cursor_without_taking_focus(qtbot, window) -> None:
    _load(window)
    pane = _show_outline(qtbot, window)
    body = window.body
    body.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is body)
    for line, expected in (
        (0, "Caravan reaches Huixtla"),
        (4, "Mexico wants migrants in the south"),
        (6, "Mexico wants migrants in the south"),  # a photo is not a section
        (10, "At the checkpoint"),
        (16, "The road north"),
    ):
        body.setTextCursor(QTextCursor(body.document().findBlockByNumber(line)))
        assert pane.currentItem().text(0) == expected, line
    # Moving with the keys too, and the body keeps the focus.
    body.setTextCursor(QTextCursor(body.document().findBlockByNumber(10)))
    for _ in range(3):
        qtbot.keyClick(body, Qt.Key.Key_Down)
    assert pane.currentItem().text(0) == "The road north"
    assert QApplication.focusWidget() is body


def test_typing_a_subhead_adds_it(qtbot, window) -> None:
    _load(window)
    pane = _show_outline(qtbot, window)
    body = window.body
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClicks(body, "## Back in Tapachula")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClicks(body, "The shelters are full.")
    qtbot.waitUntil(lambda: pane.entries[-1].title == "Back in Tapachula", timeout=5_000)
    assert pane.entries[-1].kind is EntryKind.SUBHEAD
    assert body.document().findBlockByNumber(pane.entries[-1].line).text() == (
        "## Back in Tapachula"
    )
    # The cursor is in the new section.
    assert pane.currentItem().text(0) == "Back in Tapachula"
    # A headline edit shows too.
    window.document.set_field("headline", "Caravan reaches Tapachula")
    qtbot.waitUntil(lambda: pane.entries[0].title == "Caravan reaches Tapachula", timeout=5_000)


def test_outline_toggles_with_its_keys_and_stays_shown_after_a_restart(qtbot, window) -> None:
    from editor.ui.main_window import MainWindow

    dock = window.findChild(QDockWidget, "outline_dock")
    assert not dock.isVisible()  # hidden until asked for: the window has three columns already
    window.body.setFocus()
    qtbot.keyClick(
        window.body,
        Qt.Key.Key_O,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(dock.isVisible)
    assert window_settings().value("view/outline") in (True, "true")

    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    try:
        other = again.findChild(QDockWidget, "outline_dock")
        qtbot.waitUntil(other.isVisible)
        assert again.view_options.outline_action.isChecked()
    finally:
        again.close()

    # Closed with its button (or the keys again): hidden, and remembered so.
    qtbot.keyClick(
        window.body,
        Qt.Key.Key_O,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: not dock.isVisible())
    assert window_settings().value("view/outline") in (False, "false")


def test_showing_the_outline_keeps_the_fields_width(qtbot, window) -> None:
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: sum(window.splitter.sizes()) > 1400)
    before = window.splitter.sizes()
    window.view_options.outline_action.trigger()
    after = window.splitter.sizes()
    assert sum(after) < sum(before)  # the dock took room
    assert after[0] == before[0]  # not from the fields, whose form is cut when narrower
    window.view_options.outline_action.trigger()
    assert window.splitter.sizes()[0] == before[0]
