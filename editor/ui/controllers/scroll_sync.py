"""Scroll sync: the editor and the preview follow each other through the blocks' source lines.

Moving the cursor or scrolling the editor brings the matching block into view in the preview;
scrolling the preview scrolls the editor; a double-click on a preview block puts the cursor on its
source line. The editor's side is gathered into one call after the event that moved it: a
keystroke moves the cursor and may scroll the editor too, and asking the page about the same line
on every keystroke would cost it a layout each time for nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from editor.ui.document import ArticleDocument
from editor.ui.panes.body import BodyPane
from editor.ui.panes.preview import PreviewPane


class ScrollSync(QObject):
    def __init__(
        self,
        document: ArticleDocument,
        body: BodyPane,
        preview: PreviewPane,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.body, self.preview = body, preview
        self._syncing = False  # one side moving the other must not bounce back
        self._editor_scrolled = False
        self._synced_cursor_line = -1  # the cursor line the preview was last brought to
        self._editor_sync = QTimer(self)
        self._editor_sync.setSingleShot(True)
        self._editor_sync.setInterval(0)
        self._editor_sync.timeout.connect(self._sync_preview_to_editor)
        self.body.cursorPositionChanged.connect(self._editor_sync.start)
        self.body.verticalScrollBar().valueChanged.connect(self._editor_scrolled_by)
        self.preview.scrolledToLine.connect(self._preview_scrolled_to)
        self.preview.lineActivated.connect(self.body.go_to_line)
        document.replaced.connect(self._forget_cursor_line)

    def _editor_scrolled_by(self, _value: int) -> None:
        if not self._syncing:
            self._editor_scrolled = True
            self._editor_sync.start()

    def _preview_scrolled_to(self, line: int) -> None:
        self._syncing = True
        try:
            self.body.show_line_at_top(line)
        finally:
            self._syncing = False

    def _forget_cursor_line(self) -> None:
        self._synced_cursor_line = -1

    def _sync_preview_to_editor(self) -> None:
        if self._editor_scrolled:
            self._editor_scrolled = False
            self.preview.show_line_at_top(self.body.top_line())
            self._synced_cursor_line = -1  # the cursor's block may have left the preview's view
        line = self.body.cursor_line()
        if line != self._synced_cursor_line:
            self._synced_cursor_line = line
            self.preview.scroll_to_line(line)
