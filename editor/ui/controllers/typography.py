"""Smart punctuation as the reporter types, in the body and the text fields (headline, dek,
photo caption and alt text), through an event filter: the panes keep their own key handling.

The straight character goes in first and the replacement follows as an edit of its own, so one
Ctrl+Z turns “ back into ". Settings (kept in the window's QSettings): on or off (Edit > Smart
Punctuation, on by default) and Spanish quotes, angle « » (default) or curly “ ”.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRegularExpression, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QWidget

from editor.text.typography import (
    ANGLE,
    CURLY,
    TRIGGERS,
    Replacement,
    inside_code_block,
    smart_replacement,
)
from editor.text.utf16 import python_index
from editor.ui.document import ArticleDocument

ENABLED_KEY = "typing/smartPunctuation"
SPANISH_STYLE_KEY = "typing/spanishQuotes"
_TYPING_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


# A line that opens or closes a fenced code block (editor.text.typography reads which).
_FENCE = QRegularExpression(r"^[ \t]{0,3}(```|~~~)")


def _fence_lines_above(edit: QPlainTextEdit) -> Iterator[str]:
    """The fence lines above the cursor's line, found by the document's own (C++) search: a
    Python walk over the blocks of a 20,000-word body costs 2 ms a keystroke, this a fraction."""
    document = edit.document()
    current = edit.textCursor().block().position()
    found = document.find(_FENCE, 0)
    while not found.isNull() and found.block().position() < current:
        yield found.block().text()
        following = found.block().next()
        if not following.isValid():
            return
        found = document.find(_FENCE, following.position())


class SmartPunctuation(QObject):
    """The event filter on the text widgets. ``body`` is the Markdown editor (no replacement
    inside a fenced code block there); ``widgets`` are the other text widgets; ``window`` is
    the top-level widget that holds them all (see ``_detach``)."""

    def __init__(
        self,
        document: ArticleDocument,
        settings: QSettings,
        body: QPlainTextEdit,
        widgets: Sequence[QWidget],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.document = document
        self.window_ = window
        self.settings = settings
        self.enabled = _flag(self.settings.value(ENABLED_KEY, True))
        style = str(self.settings.value(SPANISH_STYLE_KEY, ANGLE))
        self.spanish_style = style if style in (ANGLE, CURLY) else ANGLE
        self.body = body
        self.widgets: list[QWidget] = [body, *widgets]
        self.toggle_action: QAction | None = None  # Edit > Smart Punctuation, once in a menu
        for widget in self.widgets:
            widget.installEventFilter(self)
        # Let go of the widgets before the window deletes them (see ``_detach``).
        window.installEventFilter(self)

    # --- settings ------------------------------------------------------------------------------

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        self.settings.setValue(ENABLED_KEY, enabled)

    def set_spanish_style(self, style: str) -> None:
        if style in (ANGLE, CURLY):
            self.spanish_style = style
            self.settings.setValue(SPANISH_STYLE_KEY, style)

    # --- typing --------------------------------------------------------------------------------

    def _detach(self) -> None:
        """Remove the filters: a Python filter called while the window's children are being
        destroyed would see half-deleted widgets."""
        self.enabled = False
        for widget in (*self.widgets, self.window_):
            if shiboken6.isValid(widget):
                widget.removeEventFilter(self)
        self.widgets = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.widgets:
            return False
        if watched is self.window_:
            if event.type() == QEvent.Type.DeferredDelete:
                self._detach()
            return False
        if (
            self.enabled
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.text() in TRIGGERS
            and event.text() != ""
            and not (event.modifiers() & ~_TYPING_MODIFIERS)
        ):
            if isinstance(watched, QPlainTextEdit) and not watched.isReadOnly():
                return self._typed_in_text(watched, event.text())
            if isinstance(watched, QLineEdit) and not watched.isReadOnly():
                return self._typed_in_line(watched, event.text())
        return False

    def _replacement(self, line_before: str, typed: str) -> Replacement | None:
        return smart_replacement(
            line_before, typed, self.document.article.language, self.spanish_style
        )

    def _typed_in_text(self, edit: QPlainTextEdit, typed: str) -> bool:
        cursor = edit.textCursor()
        if cursor.hasSelection():
            return False  # typing over a selection: as Qt does it
        line = cursor.block().text()
        line_before = line[: python_index(line, cursor.positionInBlock())]
        replacement = self._replacement(line_before, typed)
        # Whether a fenced code block is open needs the lines above: only looked at when a
        # replacement is due (a quote, a second dash or third dot), only in the body, and only
        # when the body has a fence at all (a substring test on the document's copy: 10 µs).
        if replacement is None or (edit is self.body and self._in_fenced_code(edit)):
            return False
        cursor.beginEditBlock()
        cursor.insertText(typed)
        cursor.endEditBlock()
        end = cursor.position()
        start = end - 1 - replacement.delete_before
        cursor.beginEditBlock()
        # Insert first and delete after, so that the next typed character is not merged into
        # this edit by the undo stack: Ctrl+Z then undoes the typing, and then the replacement.
        cursor.setPosition(start)
        cursor.insertText(replacement.text)
        cursor.setPosition(cursor.position() + end - start, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        cursor.endEditBlock()
        edit.setTextCursor(cursor)
        edit.ensureCursorVisible()
        return True

    def _in_fenced_code(self, edit: QPlainTextEdit) -> bool:
        body = self.document.article.body
        if "```" not in body and "~~~" not in body:
            return False
        return inside_code_block(_fence_lines_above(edit))

    def _typed_in_line(self, edit: QLineEdit, typed: str) -> bool:
        if edit.hasSelectedText():
            return False
        line = edit.text()
        replacement = self._replacement(line[: python_index(line, edit.cursorPosition())], typed)
        if replacement is None:
            return False
        edit.insert(typed)
        end = edit.cursorPosition()
        # Replacing a selection is an undo step of its own in a line edit.
        edit.setSelection(end - 1 - replacement.delete_before, 1 + replacement.delete_before)
        edit.insert(replacement.text)
        return True


def _flag(value: object) -> bool:
    if isinstance(value, str):
        return value.lower() not in ("false", "0", "no", "")
    return bool(value)


def add_typography_actions(hook: SmartPunctuation, menu: QMenu) -> None:
    """Smart punctuation's switches, at the end of ``menu`` (the Edit menu)."""
    menu.addSeparator()
    toggle = QAction(QCoreApplication.translate("Typography", "S&mart Punctuation"), menu)
    toggle.setObjectName("smart_punctuation_action")
    toggle.setCheckable(True)
    toggle.setChecked(hook.enabled)
    toggle.setStatusTip(
        QCoreApplication.translate(
            "Typography", "Curly quotes, em dashes and ellipses as you type (never in code or URLs)"
        )
    )
    toggle.toggled.connect(hook.set_enabled)
    menu.addAction(toggle)
    spanish = menu.addMenu(QCoreApplication.translate("Typography", "Spanish &Quotes"))
    group = QActionGroup(spanish)
    for text, style in (
        (QCoreApplication.translate("Typography", "&Angle quotes « »"), ANGLE),
        (QCoreApplication.translate("Typography", "&Curly quotes “ ”"), CURLY),
    ):
        action = QAction(text, spanish)
        action.setObjectName(f"spanish_quotes_{style}")
        action.setCheckable(True)
        action.setChecked(hook.spanish_style == style)
        action.triggered.connect(lambda _=False, s=style: hook.set_spanish_style(s))
        group.addAction(action)
        spanish.addAction(action)
    hook.toggle_action = toggle
