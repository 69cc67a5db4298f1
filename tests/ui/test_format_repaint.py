"""A keystroke in a highlighted body repaints its paragraph, not the whole pane; a paragraph that
grows or a new paragraph still moves (and repaints) everything below it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPlainTextEdit

from editor.ui.widgets.directional_layout import use_directional_layout

PARAGRAPHS = "\n\n".join(
    f"Paragraph {n} of the story, short enough for one line." for n in range(30)
)


class _GrowingUnderline(QSyntaxHighlighter):
    """Formats each paragraph's last word: its range grows with every letter typed there, as a
    spelling underline does under a word being typed."""

    def highlightBlock(self, text: str) -> None:
        start = text.rfind(" ") + 1
        underline = QTextCharFormat()
        underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        underline.setUnderlineColor(QColor("red"))
        self.setFormat(start, len(text) - start, underline)


@pytest.fixture
def edit(qtbot):
    edit = QPlainTextEdit()
    use_directional_layout(edit)
    qtbot.addWidget(edit)
    edit.setPlainText(PARAGRAPHS)
    edit.highlighter = _GrowingUnderline(edit.document())
    edit.resize(600, 500)
    edit.show()
    qtbot.waitExposed(edit)
    return edit


def _type(qtbot, edit: QPlainTextEdit, position: int, text: str) -> list[QRect]:
    """Type ``text`` at ``position``; the areas the editor asked to repaint meanwhile."""
    cursor = edit.textCursor()
    cursor.setPosition(position)
    edit.setTextCursor(cursor)
    asked: list[QRect] = []
    edit.updateRequest.connect(lambda rect, _dy: asked.append(QRect(rect)))
    QTest.keyClicks(edit, text)
    return asked


def _full(edit: QPlainTextEdit, rects: list[QRect]) -> bool:
    return any(rect.height() >= edit.viewport().height() for rect in rects)


def test_a_keystroke_repaints_its_paragraph_alone(qtbot, edit) -> None:
    first = edit.document().findBlockByNumber(0)
    asked = _type(qtbot, edit, first.position() + first.length() - 1, "xyz")
    assert asked, "the editor asked for no repaint"
    assert not _full(edit, asked)
    layout = edit.document().documentLayout()
    block_height = layout.blockBoundingRect(edit.document().findBlockByNumber(0)).height()
    assert max(rect.height() for rect in asked) <= block_height + 2
    assert edit.document().findBlockByNumber(0).text().endswith("line.xyz")


@pytest.mark.gui
def test_typing_in_the_window_repaints_the_paragraph_alone(qtbot, window) -> None:
    """The body as the reporter has it: Markdown highlighted, misspellings underlined."""
    from editor.model.article import Article
    from editor.model.media_store import MediaStore

    body = "\n\n".join(
        f"The caravan left Huixtal at dawn, [said](https://efe.com) the **INM** ({n})."
        for n in range(40)
    )
    window.document.replace(Article(headline="Caravan", body=body), MediaStore(), None)
    qtbot.waitUntil(lambda: window.spelling.idle, timeout=20_000)
    edit = window.body
    edit.setFocus()
    first = edit.document().findBlockByNumber(0)
    asked = _type(qtbot, edit, first.position() + first.length() - 1, " Tapachla")
    assert asked and not _full(edit, asked)
    assert edit.document().findBlockByNumber(0).text().endswith("(0). Tapachla")


def _tops(edit: QPlainTextEdit, count: int = 8) -> list[int]:
    """Where the first ``count`` paragraphs start on screen."""
    document = edit.document()
    return [edit.cursorRect(QTextCursor(document.findBlockByNumber(n))).top() for n in range(count)]


def test_a_paragraph_that_grows_moves_the_ones_below(qtbot, edit) -> None:
    tops = _tops(edit)
    first = edit.document().findBlockByNumber(0)
    asked = _type(qtbot, edit, first.position() + first.length() - 1, " and more" * 12)
    grown = _tops(edit)
    moved = grown[1] - tops[1]
    assert moved > 0  # the first paragraph wrapped onto more lines
    assert [top - moved for top in grown[1:]] == tops[1:]  # everything below moved with it
    assert _full(edit, asked)


def test_new_and_removed_paragraphs_are_laid_out(qtbot, edit) -> None:
    document = edit.document()
    count = document.blockCount()
    tops = _tops(edit)
    added = "\n\nA new paragraph."
    end_of_first = document.findBlockByNumber(0).length() - 1
    cursor = QTextCursor(document)
    cursor.setPosition(end_of_first)
    cursor.insertText(added)
    assert document.blockCount() == count + 2
    now = _tops(edit, 10)
    assert now[0] == tops[0] and now == sorted(set(now))
    # What followed the first paragraph is two lines (an empty one and the new one) lower.
    assert [top - (now[3] - tops[1]) for top in now[3:]] == tops[1:8]
    cursor.setPosition(end_of_first)
    cursor.setPosition(end_of_first + len(added), QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    assert document.blockCount() == count
    assert edit.toPlainText() == PARAGRAPHS
    assert _tops(edit) == tops
