"""Each paragraph of a plain-text editor aligned by its own direction.

Qt lays out every paragraph of a QPlainTextEdit in its own direction (the first strong
character, with the document's text direction left on auto), but aligns them all by the
document's one text option: an Arabic paragraph comes out right to left yet flush left, its
full stop against the text's left edge, ragged at the right. ``QPlainTextDocumentLayout`` reads
no block format and takes the document's option for every block, so this layout gives each
block's ``QTextLayout`` the alignment of its direction whenever Qt asks where the block is
(painting, the cursor's rectangle and a click's position all ask first). Setting a layout's
option does not lay it out again: the alignment is applied when a line is drawn or measured.

Qt asks for every block on screen at every paint, so the Python override is on the path from a
keystroke to the screen. Until the document holds a right-to-left character (noted as it
changes), every block is left to right and flush left, the layout's own alignment: the override
then only passes the question on.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QTextBlock, QTextDocument, QTextOption
from PySide6.QtWidgets import QPlainTextEdit

from editor.ui.widgets.format_repaint import FormatRepaintLayout

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
# Characters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan,
# Mandaic, their presentation forms) and the right-to-left marks and overrides.
_RIGHT_TO_LEFT_RE = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200f\u202b\u202e\u2067"
    "\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


class DirectionalLayout(FormatRepaintLayout):
    """A plain-text layout that aligns right-to-left paragraphs to the right (and repaints a
    re-formatted paragraph alone: ``FormatRepaintLayout``)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        # Whether the document has held a right-to-left character (never reset: a paragraph
        # aligned right must be aligned back when its text changes).
        self._right_to_left_seen = False
        document.contentsChange.connect(self._note_direction)

    def note_right_to_left(self) -> None:
        """From now on, align each block by its direction (the text holds, or is laid out in,
        a right-to-left direction)."""
        self._right_to_left_seen = True

    def _note_direction(self, position: int, _removed: int, added: int) -> None:
        if self._right_to_left_seen or not added:
            return
        # A keystroke's character is read alone; a paste's from the whole text, read once.
        character = self._document.characterAt
        text = (
            self._document.toPlainText()[position : position + added]
            if added > 64
            else "".join(character(index) for index in range(position, position + added))
        )
        if _RIGHT_TO_LEFT_RE.search(text):
            self._right_to_left_seen = True

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:
        rect = super().blockBoundingRect(block)  # lays the block out if it was not yet
        if not self._right_to_left_seen:
            return rect  # every block left to right: the document's own alignment holds
        layout = block.layout()
        if layout is not None:
            right = block.textDirection() == Qt.LayoutDirection.RightToLeft
            wanted = _RIGHT if right else _LEFT
            option = layout.textOption()
            if option.alignment() != wanted:
                option.setAlignment(wanted)
                layout.setTextOption(option)
        return rect


def use_directional_layout(edit: QPlainTextEdit) -> None:
    """Give ``edit`` a new, empty document laid out by ``DirectionalLayout``.

    Call it before anything connects to the edit's document: the old one is replaced.
    """
    document = QTextDocument(edit)
    document.setDocumentLayout(DirectionalLayout(document))
    edit.setDocument(document)


def set_base_direction(edit: QPlainTextEdit, right_to_left: bool) -> None:
    """Lay out every paragraph of ``edit`` right to left, or (False) each by its own text."""
    document = edit.document()
    option = QTextOption(document.defaultTextOption())
    wanted = (
        Qt.LayoutDirection.RightToLeft if right_to_left else Qt.LayoutDirection.LayoutDirectionAuto
    )
    layout = document.documentLayout()
    if right_to_left and isinstance(layout, DirectionalLayout):
        layout.note_right_to_left()
    if option.textDirection() != wanted:
        option.setTextDirection(wanted)
        document.setDefaultTextOption(option)
