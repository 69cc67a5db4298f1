"""The Markdown body editor."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class BodyPane(QPlainTextEdit):
    """Emits ``bodyEdited(text)`` for the reporter's edits; ``show_text`` loads silently."""

    bodyEdited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("body_editor")
        self.setPlaceholderText(
            "Write the story in Markdown.\n\n## A subhead\n\n> “A quote,” she said.\n\n"
            "[A link](https://example.org)"
        )
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.5) + 1)
        font.setStyleHint(QFont.StyleHint.SansSerif)
        self.setFont(font)
        self.document().setDocumentMargin(12)
        self._loading = False
        self.textChanged.connect(self._changed)

    def _changed(self) -> None:
        if not self._loading:
            self.bodyEdited.emit(self.toPlainText())

    def show_text(self, text: str) -> None:
        self._loading = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False
