"""The View menu in the real window: focus mode dims the rest of the story (and keeps the
spelling underlines), typewriter scrolling keeps the line in the middle, zoom acts on body and
preview and is kept, F11 goes in and out of full screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor, QTextFormat, QWheelEvent
from PySide6.QtWidgets import QApplication, QTextEdit

from editor.ui.controllers.focus_mode import dimmed_text_colour
from editor.ui.settings_store import window_settings
from editor.ui.theme_table import contrast_ratio
from editor.ui.widgets.extra_selections import layers_of
from editor.ui.widgets.spelling_underlines import spans_by_line

from gui_helpers import fresh_view_settings  # noqa: F401

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("fresh_view_settings")]

CTRL = Qt.KeyboardModifier.ControlModifier
PARAGRAPHS = [
    "The caravan left Tapachula at dawn.",
    "Officials met the group at the checkpoint\nand asked for their papers.",
    "They waited for hours in the sun.",
]


def _load_body(window, text: str) -> None:
    window.body.show_text(text)
    window.document.set_body(text)


def _put_cursor(body, line: int) -> None:
    body.setTextCursor(QTextCursor(body.document().findBlockByNumber(line)))


def _dimmed_spans(window) -> list[tuple[int, int]]:
    colour = window.view_options.focus_mode.dimmed_colour
    spans = []
    for selection in window.body.extraSelections():
        if selection.format.foreground().color() == colour:
            spans.append((selection.cursor.selectionStart(), selection.cursor.selectionEnd()))
    return spans


# --- focus mode ----------------------------------------------------------------------------------


def test_focus_mode_dims_everything_but_the_cursors_paragraph(qtbot, window) -> None:
    text = "\n\n".join(PARAGRAPHS)
    _load_body(window, text)
    body = window.body
    _put_cursor(body, 3)  # the second paragraph's second line
    assert body.extraSelections() == []
    window.body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_F, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.view_options.focus_mode_action.isChecked()
    second = text.index(PARAGRAPHS[1])
    assert _dimmed_spans(window) == [
        (0, second),
        (second + len(PARAGRAPHS[1]), len(text)),
    ]
    # Dimmed, from the palette: about 2:1 against the background, not invisible.
    palette = body.palette()
    ratio = contrast_ratio(
        window.view_options.focus_mode.dimmed_colour, palette.color(QPalette.ColorRole.Base)
    )
    assert 1.8 <= ratio <= 2.2
    # The extra selections set only the colour: nothing else of the text changes.
    for selection in body.extraSelections():
        assert not selection.format.hasProperty(QTextFormat.Property.TextUnderlineStyle)
        assert not selection.format.hasProperty(QTextFormat.Property.BackgroundBrush)

    _put_cursor(body, 0)
    assert _dimmed_spans(window) == [(len(PARAGRAPHS[0]), len(text))]
    body.moveCursor(QTextCursor.MoveOperation.End)
    assert _dimmed_spans(window) == [(0, text.index(PARAGRAPHS[2]))]

    # Typing at the start of the paragraph: the new text is not dimmed.
    _put_cursor(body, 2)
    qtbot.keyClicks(body, "Later, ")
    text = body.toPlainText()
    assert _dimmed_spans(window)[0] == (0, text.index("Later, "))

    qtbot.keyClick(body, Qt.Key.Key_F, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert body.extraSelections() == []
    assert window_settings().value("view/focus_mode") in (False, "false")


def test_focus_mode_keeps_other_extra_selections(qtbot, window) -> None:
    _load_body(window, "\n\n".join(PARAGRAPHS))
    body = window.body
    mark = QTextEdit.ExtraSelection()
    mark.cursor = QTextCursor(body.document())
    mark.cursor.setPosition(4)
    mark.cursor.setPosition(11, QTextCursor.MoveMode.KeepAnchor)
    mark.format = QTextCharFormat()
    mark.format.setBackground(QColor("yellow"))
    layers_of(body).set_layer("search", [mark])
    window.view_options.focus_mode_action.trigger()
    _put_cursor(body, 3)
    backgrounds = [
        s
        for s in body.extraSelections()
        if s.format.hasProperty(QTextFormat.Property.BackgroundBrush)
    ]
    assert len(backgrounds) == 1 and len(body.extraSelections()) == 3
    window.view_options.focus_mode_action.trigger()
    assert len(body.extraSelections()) == 1  # the search's mark stays


def _red_pixels(window, rect) -> int:
    image = window.body.viewport().grab(rect).toImage()
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            # The wavy line is thin and smoothed: red well above green and blue.
            if colour.red() - max(colour.green(), colour.blue()) > 80:
                count += 1
    return count


def test_spelling_underlines_stay_under_dimmed_text(qtbot, window) -> None:
    text = "Migrants walk norht today.\n\nThe second paragraph."
    _load_body(window, text)
    body = window.body
    highlighter = window.spelling.body
    start = text.index("norht")
    highlighter.set_result(*spans_by_line(text, [(start, start + 5, "norht")]))
    first_line = (
        body.blockBoundingGeometry(body.document().firstBlock())
        .translated(body.contentOffset())
        .toRect()
    )
    qtbot.waitUntil(lambda: _red_pixels(window, first_line) > 0)
    window.view_options.focus_mode_action.trigger()
    body.moveCursor(QTextCursor.MoveOperation.End)  # the misspelled word's paragraph is dimmed
    assert _dimmed_spans(window) == [(0, text.index("The second"))]
    body.viewport().repaint()
    assert _red_pixels(window, first_line) > 0


def test_focus_mode_follows_a_dark_palette(qtbot, window) -> None:
    window.view_options.focus_mode_action.trigger()
    body = window.body
    light = window.view_options.focus_mode.dimmed_colour
    dark = QPalette(body.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e8e8e8"))
    body.setPalette(dark)
    dimmed = window.view_options.focus_mode.dimmed_colour
    assert dimmed != light
    assert 1.8 <= contrast_ratio(dimmed, QColor("#1e1e1e")) <= 2.2
    assert dimmed == dimmed_text_colour(dark)


# --- typewriter scrolling ----------------------------------------------------------------------


def _cursor_offset_from_middle(body) -> float:
    middle = body.viewport().height() / 2
    return abs(body.cursorRect().center().y() - middle)


def test_typewriter_scrolling_keeps_the_line_in_the_middle(qtbot, window) -> None:
    text = "\n\n".join(f"Paragraph {n} of the long read." for n in range(200))
    _load_body(window, text)
    body = window.body
    body.setFocus()
    line_height = body.fontMetrics().lineSpacing()
    window.view_options.typewriter_action.trigger()
    _put_cursor(body, 100)
    qtbot.keyClicks(body, "Typed ")
    assert _cursor_offset_from_middle(body) <= 1.5 * line_height
    for _ in range(6):
        qtbot.keyClick(body, Qt.Key.Key_Down)
        assert _cursor_offset_from_middle(body) <= 1.5 * line_height
    # The story's last line reaches the middle too.
    body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(body, " The end.")
    assert _cursor_offset_from_middle(body) <= 1.5 * line_height

    # Off: the view no longer follows to the middle.
    window.view_options.typewriter_action.trigger()
    _put_cursor(body, 0)
    assert body.cursorRect().center().y() < body.viewport().height() / 4


# --- zoom ----------------------------------------------------------------------------------------


def test_zoom_in_out_and_actual_size_act_on_body_and_preview(qtbot, window) -> None:
    zoom = window.view_options.zoom
    body = window.body
    base = body.font().pointSizeF()
    assert zoom.level == 100 and window.preview.zoomFactor() == pytest.approx(1.0)
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_Equal, CTRL)
    assert zoom.level == 110
    assert body.font().pointSizeF() == pytest.approx(base * 1.1)
    assert window.preview.zoomFactor() == pytest.approx(1.1)
    qtbot.keyClick(body, Qt.Key.Key_Plus, CTRL)
    assert zoom.level == 125
    assert window.view_options.zoom_label.text() == "Zoom 125 %"
    qtbot.keyClick(body, Qt.Key.Key_Minus, CTRL)
    qtbot.keyClick(body, Qt.Key.Key_Minus, CTRL)
    qtbot.keyClick(body, Qt.Key.Key_Minus, CTRL)
    assert zoom.level == 90
    assert window.preview.zoomFactor() == pytest.approx(0.9)
    qtbot.keyClick(body, Qt.Key.Key_0, CTRL)
    assert zoom.level == 100
    assert body.font().pointSizeF() == pytest.approx(base)
    assert window.view_options.zoom_label.isHidden()
    # From 50 % to 300 %, no further.
    for _ in range(20):
        zoom.zoom_in()
    assert zoom.level == 300 and window.preview.zoomFactor() == pytest.approx(3.0)
    for _ in range(20):
        zoom.zoom_out()
    assert zoom.level == 50 and not window.view_options.zoom_out_action.isEnabled()


def test_ctrl_wheel_on_the_body_zooms(qtbot, window) -> None:
    zoom = window.view_options.zoom
    viewport = window.body.viewport()
    point = QPointF(viewport.rect().center())

    def wheel(delta: int, modifiers) -> None:
        event = QWheelEvent(
            point,
            QPointF(viewport.mapToGlobal(point.toPoint())),
            QPoint(0, 0),
            QPoint(0, delta),
            Qt.MouseButton.NoButton,
            modifiers,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(viewport, event)

    wheel(120, CTRL)
    assert zoom.level == 110
    wheel(-240, CTRL)
    assert zoom.level == 90
    wheel(60, CTRL)  # half a notch (a touchpad): not yet
    assert zoom.level == 90
    wheel(60, CTRL)
    assert zoom.level == 100
    wheel(120, Qt.KeyboardModifier.NoModifier)  # a plain wheel scrolls
    assert zoom.level == 100


def test_zoom_is_kept_for_the_next_window(qtbot, window) -> None:
    from editor.ui.main_window import MainWindow

    window.view_options.zoom.zoom_in()
    window.view_options.zoom.zoom_in()
    assert window.view_options.zoom.level == 125
    body_size = window.body.font().pointSizeF()
    window.close()

    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    try:
        qtbot.waitUntil(lambda: again.preview.ready, timeout=20_000)
        assert again.view_options.zoom.level == 125
        assert again.body.font().pointSizeF() == pytest.approx(body_size)
        assert again.preview.zoomFactor() == pytest.approx(1.25)
        assert again.view_options.zoom_label.text() == "Zoom 125 %"
    finally:
        again.close()


# --- full screen ----------------------------------------------------------------------------------


def test_f11_goes_in_and_out_of_full_screen(qtbot, window) -> None:
    action = window.view_options.full_screen_action
    window.body.setFocus()
    assert not window.windowState() & Qt.WindowState.WindowFullScreen
    qtbot.keyClick(window.body, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: bool(window.windowState() & Qt.WindowState.WindowFullScreen))
    assert action.isChecked()
    qtbot.keyClick(window.body, Qt.Key.Key_Escape)  # Escape does not leave it
    assert window.windowState() & Qt.WindowState.WindowFullScreen
    qtbot.keyClick(window.body, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.windowState() & Qt.WindowState.WindowFullScreen)
    assert not action.isChecked()


def test_view_menu_lists_its_actions_with_distinct_mnemonics(qtbot, window) -> None:
    from editor.ui.menus import menu_named

    menu = menu_named(window, "&View")
    texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert {"&Outline", "&Focus Mode"} <= set(texts)
    mnemonics = [text[text.index("&") + 1].lower() for text in texts]
    assert len(mnemonics) == len(set(mnemonics))
    keys = [
        sequence.toString()
        for action in menu.actions()
        for sequence in action.shortcuts()
        if not sequence.isEmpty()
    ]
    assert len(keys) == len(set(keys))
    assert {"Ctrl+Shift+O", "Ctrl+Shift+F", "Ctrl++", "Ctrl+=", "Ctrl+-", "Ctrl+0", "F11"} <= set(
        keys
    )


def test_ctrl_wheel_on_the_preview_zooms_both(qtbot, window) -> None:
    zoom = window.view_options.zoom
    page_input = window.preview.focusProxy()
    assert page_input is not None
    point = QPointF(page_input.rect().center())
    event = QWheelEvent(
        point,
        QPointF(page_input.mapToGlobal(point.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        CTRL,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(page_input, event)
    assert zoom.level == 110
    assert window.preview.zoomFactor() == pytest.approx(1.1)
    assert window.body.font().pointSizeF() == pytest.approx(zoom.base_point_size * 1.1)
