"""Focus mode: the paragraph being written at full contrast, the rest of the story dimmed.

Drawn as extra selections over the rest of the body (two of them: before and after the
paragraph), in their own layer (``editor.ui.widgets.extra_selections``), so that other extra
selections stay. They set only the text colour: what the highlighters set per character
(spelling underlines, subhead sizes) still shows, dimmed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from editor.ui.theme_table import contrast_ratio, mix
from editor.ui.widgets.extra_selections import ExtraSelection, layers_of

LAYER = "focus_mode"
# Dimmed text against the background: readable when looked at, quiet when not.
DIMMED_CONTRAST = 2.0
# A "paragraph" with no blank line for this many lines (a pasted list, a table) is cut here,
# so that a cursor move never walks a whole story.
MAX_PARAGRAPH_LINES = 400


def dimmed_text_colour(palette: QPalette, target: float = DIMMED_CONTRAST) -> QColor:
    """The palette's text colour mixed toward its base colour until its contrast against the
    base is about ``target``: works for light and dark palettes alike."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    if contrast_ratio(text, base) <= target:
        return text
    low, high = 0.0, 1.0  # share of base: low keeps the contrast above target
    for _ in range(16):
        middle = (low + high) / 2
        if contrast_ratio(mix(base, text, middle), base) > target:
            low = middle
        else:
            high = middle
    return mix(base, text, low)


def paragraph_blocks(cursor: QTextCursor) -> tuple[int, int]:
    """First and last block numbers of the paragraph (lines between blank lines) at
    ``cursor``."""
    block = cursor.block()
    if not block.text().strip():
        return block.blockNumber(), block.blockNumber()
    first = block
    for _ in range(MAX_PARAGRAPH_LINES):
        previous = first.previous()
        if not previous.isValid() or not previous.text().strip():
            break
        first = previous
    last = block
    for _ in range(MAX_PARAGRAPH_LINES):
        following = last.next()
        if not following.isValid() or not following.text().strip():
            break
        last = following
    return first.blockNumber(), last.blockNumber()


class FocusMode(QObject):
    """Dims ``editor``'s text outside the cursor's paragraph while enabled."""

    def __init__(self, editor: QPlainTextEdit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.enabled = False
        self._format = QTextCharFormat()
        self._colour_from_palette()
        editor.cursorPositionChanged.connect(self.refresh)
        editor.textChanged.connect(self.refresh)  # Delete joins paragraphs without moving
        editor.installEventFilter(self)

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        self.refresh()

    def refresh(self) -> None:
        layers = layers_of(self.editor)
        if not self.enabled:
            layers.set_layer(LAYER, [])
            return
        document = self.editor.document()
        first, last = paragraph_blocks(self.editor.textCursor())
        start = document.findBlockByNumber(first).position()
        end_block = document.findBlockByNumber(last)
        end = end_block.position() + end_block.length() - 1
        selections = []
        for span_start, span_end in ((0, start), (end, document.characterCount() - 1)):
            if span_end <= span_start:
                continue
            selection = ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(span_start)
            cursor.setPosition(span_end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = self._format
            selections.append(selection)
        layers.set_layer(LAYER, selections)

    @property
    def dimmed_colour(self) -> QColor:
        return self._format.foreground().color()

    def _colour_from_palette(self) -> None:
        self._format = QTextCharFormat()
        self._format.setForeground(dimmed_text_colour(self.editor.palette()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
        ):
            self._colour_from_palette()
            if self.enabled:
                self.refresh()
        return False
