"""Each paragraph of a plain-text editor aligned by its own direction.

Qt lays out every paragraph of a QPlainTextEdit in its own direction (the first strong
character, with the document's text direction left on auto), but aligns them all by the
document's one text option: an Arabic paragraph comes out right to left yet flush left, its
full stop against the text's left edge, ragged at the right. ``QPlainTextDocumentLayout`` reads
no block format and takes the document's option for every block, so this layout gives each
block's ``QTextLayout`` the alignment of its direction whenever Qt asks where the block is
(painting, the cursor's rectangle and a click's position all ask first). Setting a layout's
option does not lay it out again: the alignment is applied when a line is drawn or measured.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QTextBlock, QTextDocument, QTextOption
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute


class DirectionalLayout(QPlainTextDocumentLayout):
    """A plain-text layout that aligns right-to-left paragraphs to the right."""

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:
        rect = super().blockBoundingRect(block)  # lays the block out if it was not yet
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
    if option.textDirection() != wanted:
        option.setTextDirection(wanted)
        document.setDefaultTextOption(option)
