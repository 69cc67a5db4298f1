"""A span of text in the window's text widgets (the one-line fields and the multi-line ones):
selected to show the reporter a place, or replaced as the reporter would type it.

The Checks tab (going to a finding, applying its fix) and Find and Replace both work on spans
of the text a widget shows; offsets are Python indexes into that text (Qt's positions count
UTF-16 units: an emoji is two).
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from editor.text.utf16 import qt_position

TextWidget = QLineEdit | QPlainTextEdit

# What ``toPlainText`` makes of the characters a selection's text keeps: paragraph and line
# separators (and frame marks) become line breaks, a no-break space a space
# (QTextDocument::toPlainText).
_AS_PLAIN_TEXT = str.maketrans(
    {"\u2029": "\n", "\u2028": "\n", "\ufdd0": "\n", "\ufdd1": "\n", "\u00a0": " "}
)


def selection_text(cursor: QTextCursor) -> str:
    """The text ``cursor`` selects, as ``toPlainText`` would give it."""
    return cursor.selectedText().translate(_AS_PLAIN_TEXT)


def widget_text(widget: TextWidget) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()


def select_span(widget: TextWidget, start: int, end: int) -> None:
    """Select ``start:end`` (cut to the text's length: a span may be a little stale)."""
    text = widget_text(widget)
    start, end = qt_position(text, min(start, len(text))), qt_position(text, min(end, len(text)))
    if isinstance(widget, QLineEdit):
        widget.setSelection(start, end - start)
        return
    cursor = QTextCursor(widget.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    widget.setTextCursor(cursor)


def replace_span(widget: TextWidget, start: int, end: int, text: str) -> None:
    """Replace ``start:end`` with ``text`` as one undoable edit; the cursor ends after it, as
    typing would leave it, and the widget's edit signal reaches the document."""
    shown = widget_text(widget)
    start, end = qt_position(shown, start), qt_position(shown, end)
    if isinstance(widget, QLineEdit):
        widget.setSelection(start, end - start)
        widget.insert(text)
        return
    cursor = widget.textCursor()
    cursor.beginEditBlock()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(text)
    cursor.endEditBlock()
    widget.setTextCursor(cursor)
