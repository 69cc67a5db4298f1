"""The body shows its structure (editor/ui/widgets/body_highlighter.py): each construct's
format, per-line re-highlighting, fenced code across lines, palette changes, photo captions,
and the spelling underlines and find selection still showing over the highlighting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QHelpEvent,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QToolTip

import editor.ui.widgets.body_highlighter as body_highlighter
from editor.text.line_markup import is_fence_state
from editor.ui.menus import menu_named
from editor.ui.theme_table import contrast_ratio as contrast
from editor.ui.widgets.body_highlighter import BodyHighlighter
from editor.ui.widgets.markup_colours import markup_colours
from editor.ui.widgets.placement_captions import placement_in

from export_samples import efe_with_photos
from gui_helpers import wait_for_dom

pytestmark = pytest.mark.gui

SAMPLE = "\n".join(
    [
        "## A subhead",  # 0
        "Some *em*, **strong**, a [link](https://efe.com) and `code` here.",  # 1
        "> A quote",  # 2
        "- a point",  # 3
        "```",  # 4
        "fenced **not bold**",  # 5
        "```",  # 6
        "The toll is TK, [[check with the INM]].",  # 7
        "![](photo:p1)",  # 8
        "After the code.",  # 9
    ]
)


@pytest.fixture
def edit(qtbot):
    widget = QPlainTextEdit()
    qtbot.addWidget(widget)
    highlighter = BodyHighlighter(widget)
    widget.setPlainText(SAMPLE)
    widget.highlighter = highlighter  # kept alive with the widget
    return widget


def format_at(edit: QPlainTextEdit, line: int, column: int) -> QTextCharFormat:
    """The highlighter's format of the character at (line, column); empty when none."""
    block = edit.document().findBlockByNumber(line)
    ranges = block.layout().formats()
    for found in ranges:
        if found.start <= column < found.start + found.length:
            return QTextCharFormat(found.format)  # a copy: the list's own goes with the list
    return QTextCharFormat()


def column(edit: QPlainTextEdit, line: int, text: str) -> int:
    return edit.document().findBlockByNumber(line).text().index(text)


def test_each_construct_gets_its_format(edit) -> None:
    colours = markup_colours(edit.palette())
    body_size = edit.font().pointSizeF()
    subhead = format_at(edit, 0, column(edit, 0, "subhead"))
    assert subhead.fontWeight() == QFont.Weight.Bold
    assert subhead.fontPointSize() > body_size
    assert format_at(edit, 0, 0).foreground().color() == colours.marker  # the "#"s

    assert format_at(edit, 1, column(edit, 1, "em")).fontItalic()
    assert format_at(edit, 1, column(edit, 1, "*em")).foreground().color() == colours.marker
    assert format_at(edit, 1, column(edit, 1, "strong")).fontWeight() == QFont.Weight.Bold
    assert format_at(edit, 1, column(edit, 1, "link")).foreground().color() == colours.link
    address = format_at(edit, 1, column(edit, 1, "https"))
    assert address.foreground().color() == colours.marker
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
    assert format_at(edit, 1, column(edit, 1, "code")).fontFamilies() == [fixed]
    assert format_at(edit, 1, column(edit, 1, "here")) == QTextCharFormat()  # plain prose

    assert format_at(edit, 2, 0).foreground().color() == colours.marker  # ">"
    assert format_at(edit, 2, column(edit, 2, "quote")).fontItalic()
    assert format_at(edit, 3, 0).foreground().color() == colours.marker  # the bullet

    inside = format_at(edit, 5, column(edit, 5, "not bold"))
    assert inside.fontFamilies() == [fixed]
    assert inside.fontWeight() != QFont.Weight.Bold  # code, not Markdown

    tk = format_at(edit, 7, column(edit, 7, "TK"))
    note = format_at(edit, 7, column(edit, 7, "check"))
    assert tk.background().color() == colours.note_background
    assert note.background().color() == colours.note_background
    assert contrast(tk.foreground().color(), colours.note_background) >= 4.5

    assert format_at(edit, 8, 0).foreground().color() == colours.marker  # the placement
    assert placement_in(edit.document().findBlockByNumber(8)) == "p1"
    assert format_at(edit, 9, 0) == QTextCharFormat()  # after the fence: prose again


def test_a_keystroke_highlights_its_own_line_not_the_story(qtbot, monkeypatch) -> None:
    widget = QPlainTextEdit()
    qtbot.addWidget(widget)
    highlighter = BodyHighlighter(widget)
    widget.setPlainText("\n\n".join(f"Paragraph {n} with *emphasis*." for n in range(2_000)))
    calls: list[str] = []
    original = body_highlighter.line_markup

    def counted(text: str, state: int):
        calls.append(text)
        return original(text, state)

    monkeypatch.setattr(body_highlighter, "line_markup", counted)
    cursor = QTextCursor(widget.document().findBlockByNumber(2_000))
    cursor.insertText("x")
    assert 1 <= len(calls) <= 2, calls
    assert highlighter.document() is widget.document()


def test_a_fence_opened_by_typing_turns_the_lines_below_into_code_until_closed(edit) -> None:
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
    cursor = QTextCursor(edit.document().findBlockByNumber(2))
    cursor.insertText("```\n")  # line 2 opens a fence; the old fence lines now close/open
    document = edit.document()
    assert is_fence_state(document.findBlockByNumber(2).userState())
    assert format_at(edit, 3, column(edit, 3, "quote")).fontFamilies() == [fixed]
    # The old opening fence (now line 5) closes the new one; the old "fenced" line is prose.
    assert not is_fence_state(document.findBlockByNumber(5).userState())
    assert format_at(edit, 6, column(edit, 6, "not bold")).fontWeight() == QFont.Weight.Bold
    cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)
    cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
    cursor.removeSelectedText()  # the fence typed goes again: all as before
    assert format_at(edit, 2, column(edit, 2, "quote")).fontItalic()
    assert format_at(edit, 5, column(edit, 5, "not bold")).fontFamilies() == [fixed]


def _dark_palette() -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    for name, colour in (
        (role.Window, "#2b2b2b"),
        (role.WindowText, "#e6e6e6"),
        (role.Base, "#1e1e1e"),
        (role.Text, "#e6e6e6"),
        (role.Button, "#353535"),
        (role.ButtonText, "#e6e6e6"),
        (role.Highlight, "#3d7bd9"),
        (role.HighlightedText, "#ffffff"),
        (role.Link, "#0000ff"),  # Qt's default link blue: unreadable on dark grey
    ):
        palette.setColor(name, QColor(colour))
    return palette


def test_a_dark_palette_gives_dark_formats_readable_on_it(qtbot, edit) -> None:
    app = QApplication.instance()
    light = app.palette()
    light_link = format_at(edit, 1, column(edit, 1, "link")).foreground().color()
    light_marker = format_at(edit, 0, 0).foreground().color()
    try:
        app.setPalette(_dark_palette())
        qtbot.waitUntil(
            lambda: format_at(edit, 0, 0).foreground().color() != light_marker, timeout=5_000
        )
        base = QColor("#1e1e1e")
        link = format_at(edit, 1, column(edit, 1, "link")).foreground().color()
        marker = format_at(edit, 0, 0).foreground().color()
        assert link != light_link
        assert contrast(link, base) >= 4.5
        assert 3.0 <= contrast(marker, base) < contrast(QColor("#e6e6e6"), base)
        note = format_at(edit, 7, column(edit, 7, "TK"))
        assert contrast(note.foreground().color(), note.background().color()) >= 4.5
    finally:
        app.setPalette(light)
    qtbot.waitUntil(lambda: format_at(edit, 0, 0).foreground().color() == light_marker)


def test_spelling_underlines_show_over_the_highlighting(edit) -> None:
    highlighter = edit.highlighter
    line = edit.document().findBlockByNumber(1).text()
    start = line.index("strong")
    highlighter.set_result({line: ((start, start + 6, "strong"),)}, None)
    word = format_at(edit, 1, start)
    assert word.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    assert word.fontWeight() == QFont.Weight.Bold  # still bold under the wavy line
    assert format_at(edit, 1, line.index("em")).fontItalic()


def test_the_window_has_one_highlighter_on_the_body_and_a_switch(qtbot, window) -> None:
    body = window.body
    highlighters = body.document().findChildren(QSyntaxHighlighter)
    assert highlighters == [window.body_highlighting.highlighter]
    assert window.spelling.body is window.body_highlighting.highlighter

    action = window.body_highlighting.action
    assert action in menu_named(window, "&View").actions()
    assert action.isChecked()
    window.document.set_body("## Subhead\n\nText")
    body.show_text("## Subhead\n\nText")
    assert format_at(body, 0, 4).fontWeight() == QFont.Weight.Bold
    action.trigger()
    assert not action.isChecked()
    assert format_at(body, 0, 4).fontWeight() != QFont.Weight.Bold
    assert window.settings.value("view/highlight", type=bool) is False
    action.trigger()
    assert window.settings.value("view/highlight", type=bool) is True
    assert format_at(body, 0, 4).fontWeight() == QFont.Weight.Bold


def test_the_find_selection_shows_on_a_highlighted_subhead(qtbot, window) -> None:
    body = window.body
    body.show_text("## Caravan leaves Huixtla\n\nText")
    cursor = body.textCursor()
    cursor.setPosition(3)
    cursor.setPosition(10, QTextCursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)
    body.setFocus()
    qtbot.waitUntil(body.hasFocus, timeout=2_000)
    image = body.viewport().grab().toImage()
    wanted = {
        body.palette().color(group, QPalette.ColorRole.Highlight).rgb()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)
    }
    found = sum(
        image.pixel(x, y) in wanted
        for y in range(0, min(image.height(), 80))
        for x in range(0, image.width(), 2)
    )
    assert found > 20  # the selection is painted over the subhead's formats


def test_a_placement_shows_its_photos_caption(qtbot, window) -> None:
    article, media = efe_with_photos()
    window.document.replace(article, media, None)
    # The preview has the story before the test ends (its answers must not outlive the window).
    wait_for_dom(qtbot, window.preview, "document.querySelectorAll('figure').length > 0", True)
    body = window.body
    block = body.document().firstBlock()
    while block.isValid() and placement_in(block) is None:
        block = block.next()
    assert block.isValid()
    first = next(image for image in article.photos if image.id == placement_in(block))
    # The thumbnails are made in the background; the captions show them once there.
    qtbot.waitUntil(lambda: window.photos.thumbnail(first.id) is not None, timeout=20_000)
    body.setTextCursor(QTextCursor(block))
    body.centerCursor()
    rect = body.cursorRect(QTextCursor(block))
    position = QPoint(rect.left() + 4, rect.center().y())
    event = QHelpEvent(QEvent.Type.ToolTip, position, body.viewport().mapToGlobal(position))
    QApplication.sendEvent(body.viewport(), event)
    assert QToolTip.text() == first.caption
    QToolTip.hideText()

    # The caption is painted after the line: the layer over the viewport is not empty there
    # (once it has followed the scroll centerCursor made, which it does on the next turn).
    captions = window.body_highlighting.captions
    line_y = rect.center().y()

    def painted() -> int:
        image = captions.grab().toImage()
        return sum(
            image.pixelColor(x, line_y).alpha() > 0 for x in range(rect.left() + 150, image.width())
        )

    qtbot.waitUntil(lambda: painted() > 0, timeout=5_000)
    assert captions.geometry() == body.viewport().geometry()
    # The checks and spelling passes the story started end before the window goes.
    qtbot.waitUntil(lambda: window.checks.idle and window.spelling.idle, timeout=20_000)


def test_closing_the_window_mid_update_leaves_no_error_for_the_body_filters(qtbot, window) -> None:
    # The page answers its pending scripts while the window is destroyed (the fixture's
    # teardown); an error left pending there made the body's event filters, the next Python
    # code run, fail with SystemError.
    article, media = efe_with_photos()
    window.document.replace(article, media, None)
    window.body_highlighting.captions.grab()


def test_a_theme_change_redraws_the_body_without_editing_the_story(window, qtbot) -> None:
    """The highlighter redraws every line when the palette changes, and Qt reports that as a
    text change: it must not reach the story as an edit (a 20,000-word body sent again)."""
    window.document.set_body("## Subhead\n\nMigrants reached *Huixtla* on Wednesday.")
    window.body.show_text(window.document.article.body)
    edits: list[str] = []
    window.body.bodyEdited.connect(edits.append)
    try:
        window.theme.choose("dark")
        qtbot.wait(200)
        assert edits == []
        qtbot.keyClicks(window.body, "x")
        assert len(edits) == 1
    finally:
        window.theme.choose("system")


def test_formats_and_underlines_after_an_emoji_cover_their_own_characters(edit) -> None:
    """Qt counts an emoji as two units; the markup's and the speller's offsets are Python's."""
    edit.setPlainText("Dos 🙏🙏 y **fuerte** con tset.")
    line = edit.document().findBlockByNumber(0).text()
    qt_column = line.index("fuerte") + 2  # two emoji before it
    assert format_at(edit, 0, qt_column).fontWeight() == QFont.Weight.Bold
    assert format_at(edit, 0, qt_column + len("fuerte") - 1).fontWeight() == QFont.Weight.Bold
    assert format_at(edit, 0, qt_column + len("fuerte") + 2) == QTextCharFormat()  # " co"
    start = line.index("tset")
    edit.highlighter.set_result({line: ((start, start + 4, "tset"),)}, None)
    underlined = format_at(edit, 0, start + 2)
    assert underlined.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    assert format_at(edit, 0, start + 1).underlineStyle() != (
        QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    )
    span = edit.highlighter.span_at(start + 3)  # a Qt position inside the word
    assert span == (start + 2, start + 6, "tset")
