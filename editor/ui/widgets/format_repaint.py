"""A plain-text layout that repaints only the paragraph an edit or a highlighter changed.

A ``QSyntaxHighlighter`` that changes a paragraph's formats as a key is typed (the Markdown
colours, a spelling underline) marks the paragraph's characters as changed, and the document
reports the keystroke and the new formats as one change: the whole paragraph "removed" and
"added" again. ``QPlainTextDocumentLayout`` adds the two lengths to find the last paragraph
touched, so the range runs past the paragraph's end and the layout asks for the whole editor
to be repainted: 1-4 ms for a full body pane, on every keystroke, on the path to the screen.
Given only the characters now there, a paragraph that kept its height is repainted alone
(``updateBlock``), as in an editor without a highlighter.

Qt then decides whether the paragraph kept its height by comparing it with itself (the new
formats have already dropped its old lines), so the height it had is remembered here: a
paragraph that grew or shrank (a line wrapped, a line became a heading) repaints everything
below it, and the editor's scroll range follows.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

# Paragraph heights remembered at most (a long read has a few hundred paragraphs).
_HEIGHTS_KEPT = 20_000


class FormatRepaintLayout(QPlainTextDocumentLayout):
    """Repaints a changed paragraph alone (see the module's docstring)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        # Kept here: asking ``self.document()`` from inside ``documentChanged`` crashed.
        self._document = document
        self._block_count = document.blockCount()
        # Each edited paragraph's height after its last edit, by the paragraph's fragment
        # index (stable while the paragraph lives).
        self._heights: dict[int, float] = {}

    def documentChanged(self, position: int, removed: int, added: int) -> None:
        document = self._document
        block = document.findBlock(position)
        # With as many paragraphs as before, a change whose new characters lie in one
        # paragraph had its old ones there too (a paragraph break removed or added would
        # change the count): that paragraph is all there is to lay out and repaint. (A
        # deletion, with nothing added, is left to Qt: it finds the paragraph itself.)
        if not (
            removed
            and added
            and document.blockCount() == self._block_count
            and block.contains(position + added - 1)
        ):
            super().documentChanged(position, removed, added)
            self._block_count = document.blockCount()
            self._heights.clear()  # paragraphs came or went: heights are measured afresh
            return
        key = block.fragmentIndex()
        height_before = self._heights.get(key)
        super().documentChanged(position, 0, added)
        height = self.blockBoundingRect(block).height()
        if len(self._heights) >= _HEIGHTS_KEPT:
            self._heights.clear()
        self._heights[key] = height
        if height != height_before:
            # Taller or shorter, or not measured before: what follows moved. Qt's own reading
            # of the change lays out and repaints it all.
            super().documentChanged(position, removed, added)
