"""Pasting into the form's fields: text only, and on one line where the field has one.

A headline copied from Word or a web page comes with its HTML, and often with a line break or a
tab at its end; a field keeps none of that. The clipboard's plain text is taken (the visible
text of its HTML when a program put only HTML there), and a one-line field gets it on one line:
line breaks and tabs become a space, the ends are trimmed. What these fields copy is plain text
too, so that pasting it into the body is not taken for formatted copy.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import (
    QContextMenuEvent,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QKeySequence,
    QTextCursor,
)
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

# Ctrl+Shift+V: "Paste as Plain Text", as browsers and word processors have it.
PLAIN_PASTE_KEYS = QKeySequence("Ctrl+Shift+V")


def mime_text(source: QMimeData | None) -> str:
    """The text a paste of ``source`` without formatting puts in ("" if none)."""
    if source is None:
        return ""
    if source.hasText():
        return source.text()
    if source.hasHtml():
        # Loaded on first use: the window opens without the import modules.
        from editor.ingest.pasted_text import html_plain_text

        return html_plain_text(source.html())
    return ""


def one_line_text(source: QMimeData | None) -> str:
    """The text of ``source`` on one line. Of HTML alone, only the start is read: a field
    holds a line, and converting megabytes would hold the window."""
    from editor.ingest.html_markdown import OFF_THREAD_CHARS
    from editor.ingest.pasted_text import html_plain_text, one_line

    if source is not None and not source.hasText() and source.hasHtml():
        return one_line(html_plain_text(source.html()[:OFF_THREAD_CHARS]))
    return one_line(mime_text(source))


def _large_html_only(source: QMimeData) -> bool:
    """HTML with no plain text beside it, too long to read on the GUI thread."""
    from editor.ingest.html_markdown import OFF_THREAD_CHARS

    return not source.hasText() and source.hasHtml() and len(source.html()) > OFF_THREAD_CHARS


def keep_clipboard_past_exit() -> None:
    """Put what this program copied back on the clipboard as data Qt made itself.

    The body's copies are QMimeData made in Python (``text_only``). Qt deletes the clipboard's
    data when the application goes, after Python has shut down, and deleting one made in Python
    then crashes the exit. Called while Python still runs, this replaces it with Qt's own copy
    of its text (or picture), which other programs can still paste from.
    """
    import shiboken6

    clipboard = QGuiApplication.clipboard()
    data = clipboard.mimeData()
    if data is None or not shiboken6.createdByPython(data):
        return
    if data.hasText():
        clipboard.setText(data.text())
    elif data.hasImage() and isinstance(data.imageData(), QImage):
        clipboard.setImage(data.imageData())
    else:
        clipboard.clear()


def text_only(cursor: QTextCursor) -> QMimeData:
    """What copying the cursor's selection puts on the clipboard: its text and nothing else."""
    copied = QMimeData()
    copied.setText(cursor.selection().toPlainText())
    return copied


class OneLineEdit(QLineEdit):
    """A one-line field: every paste (keys, Edit menu, context menu) is one line of text."""

    def paste(self) -> None:  # the Edit menu and the keys come here
        if self.isReadOnly():
            return
        text = one_line_text(QGuiApplication.clipboard().mimeData())
        if text or self.hasSelectedText():
            self.insert(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu()
        for action in menu.actions():
            if action.objectName() == "edit-paste":
                action.triggered.disconnect()
                action.triggered.connect(self.paste)
        menu.exec(event.globalPos())
        menu.deleteLater()


class PlainTextField(QPlainTextEdit):
    """A text field of a few lines (dek, editor's note) that takes pastes as plain text; on one
    line when ``one_line`` (a dek is one sentence, however the copy broke it)."""

    def __init__(self, *, one_line: bool = False) -> None:
        super().__init__()
        self.one_line = one_line
        self.converting = False  # a large paste is being read in the worker

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText() or source.hasHtml()

    def insertFromMimeData(self, source: QMimeData) -> None:
        if not self.one_line and _large_html_only(source):
            self._insert_in_background(source.html())
            return
        text = one_line_text(source) if self.one_line else mime_text(source)
        if text:
            self.textCursor().insertText(text)
            self.ensureCursorVisible()

    def _insert_in_background(self, html: str) -> None:
        """Read the text of a large HTML-only paste in the worker (10 MB takes seconds), the
        field read-only meanwhile so that the paste's place cannot move."""
        from editor.ingest.pasted_text import html_plain_text
        from editor.ui.worker import run_in_background

        was_read_only = self.isReadOnly()
        self.setReadOnly(True)
        self.converting = True

        def done(text: str) -> None:
            self.converting = False
            self.setReadOnly(was_read_only)
            if text:
                self.textCursor().insertText(text)
                self.ensureCursorVisible()

        def failed(_message: str) -> None:
            self.converting = False
            self.setReadOnly(was_read_only)

        run_in_background(
            lambda: html_plain_text(html), done, failed, self, what="Reading a pasted text"
        )

    def createMimeDataFromSelection(self) -> QMimeData:
        return text_only(self.textCursor())
