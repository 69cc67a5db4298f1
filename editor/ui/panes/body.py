"""The Markdown body editor."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    SIGNAL,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMimeData,
    Signal,
)
from PySide6.QtGui import (
    QDropEvent,
    QFont,
    QFontDatabase,
    QImage,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from editor.text.format_edits import changed_span
from editor.text.utf16 import qt_length, qt_position
from editor.ui.panes.photos import PHOTO_SUFFIXES
from editor.ui.story_files import dropped_story
from editor.ui.widgets.directional_layout import use_directional_layout
from editor.ui.widgets.pasting import text_only
from editor.ui.widgets.text_spans import selection_text


def _photo_files(source: QMimeData) -> list[Path]:
    urls = source.urls() if source.hasUrls() else []
    paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
    return [path for path in paths if path.suffix.lower() in PHOTO_SUFFIXES]


class BodyPane(QPlainTextEdit):
    """Emits ``bodyEdited(text)`` for the reporter's edits; ``show_text`` loads silently.

    Photo files dropped on the text, and images pasted into it, are announced with the position
    where they should be placed (``photosDropped``, ``imagePasted``).
    """

    # The text as a Python object: a str signal argument is converted to a QString and back,
    # two copies of the whole story on every keystroke.
    bodyEdited = Signal(object)
    photosDropped = Signal(list, int)  # list[Path], text position
    imagePasted = Signal(bytes, int)  # PNG bytes, text position
    # HTML pasted (Word, Google Docs, a web page): the HTML, the clipboard's plain text ("" if
    # none) and the text position; editor.ui.controllers.paste converts it.
    htmlPasted = Signal(str, str, int)
    storyDropped = Signal(object)  # Path of a story file (.article, .md, .txt, .docx) dropped

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # First, before anything holds the document: each paragraph aligned by its direction.
        use_directional_layout(self)
        self.setObjectName("body_editor")
        self.setAccessibleName(QCoreApplication.translate("BodyPane", "Body"))
        self.setAccessibleDescription(
            QCoreApplication.translate("BodyPane", "The story's text in Markdown")
        )
        self.setPlaceholderText(
            QCoreApplication.translate(
                "BodyPane",
                "Write the story in Markdown.\n\n## A subhead\n\n> “A quote,” she said.\n\n"
                "[A link](https://example.org)\n\nDrop photos here to place them.",
            )
        )
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.5) + 1)
        font.setStyleHint(QFont.StyleHint.SansSerif)
        self.setFont(font)
        self.document().setDocumentMargin(12)
        self._loading = False
        self._text = ""  # the text last loaded or announced
        # Qt's positions in the text are not its indexes: it holds a character Qt counts as two
        # units (an emoji), or half of one, which Python never sees (either way the text is
        # shorter in Python than in Qt).
        self._text_not_indexed = False
        # Asked first on every paste: True when it took the paste (an address pasted over
        # selected words makes a link: editor.ui.controllers.formatting).
        self.paste_over_selection: Callable[[QMimeData], bool] | None = None
        # An edit is announced from contentsChange, which Qt sends as soon as the characters
        # changed, before the highlighters restyle the paragraph and the layout lays it out
        # again (about 0.7 ms of a keystroke in a long read): the preview's patch is on its way
        # to the page while this thread does the rest. Qt also sends it for a change of formats
        # (the length removed and added then equal), so the text is compared with the last one.
        # The listeners must not read the body's layout: it is not up to date yet.
        self.document().contentsChange.connect(self._characters_change)

    def _characters_change(self, position: int, removed: int, added: int) -> None:
        if self._loading or not (removed or added):
            return
        text = self._text_after(position, removed, added)
        if text != self._text:
            self._text = text
            self.bodyEdited.emit(text)

    def _text_after(self, position: int, removed: int, added: int) -> str:
        """The text once ``removed`` characters at ``position`` became ``added`` ones: the last
        text with the new characters spliced in, rather than the whole document copied out
        (``toPlainText``: 0.4 ms of a keystroke at 20,000 words, before the preview's patch can
        leave). The copy is still made when Qt's positions are not Python's indexes (the text
        holds an emoji, say), and when the new characters are not one Python character per Qt
        unit (the splice then does not come out as long as the document)."""
        length = self.document().characterCount() - 1  # without the closing separator
        if not self._text_not_indexed:
            cursor = QTextCursor(self.document())
            cursor.setPosition(min(position, length))
            cursor.setPosition(min(position + added, length), QTextCursor.MoveMode.KeepAnchor)
            inserted = selection_text(cursor)
            text = self._text[:position] + inserted + self._text[position + removed :]
            if len(text) == length:
                return text
        text = self.toPlainText()
        self._text_not_indexed = len(text) != length
        return text

    def _remember(self, text: str) -> None:
        """``text`` is the editor's now: what the next edit is spliced into."""
        self._text = text
        self._text_not_indexed = len(text) != self.document().characterCount() - 1

    def show_text(self, text: str) -> None:
        """Load a new article's body (clears undo: it is another story)."""
        self._loading = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False
        self._remember(self.toPlainText())

    def apply_text(self, text: str) -> None:
        """Bring the editor in line with a body changed elsewhere, as one undoable edit.

        Only the changed span is replaced, so the cursor and the rest of the undo history stay.
        """
        old = self.toPlainText()
        if old == text:
            return
        start, end, replacement = changed_span(old, text)
        cursor = QTextCursor(self.document())
        cursor.setPosition(qt_position(old, start))
        cursor.setPosition(qt_position(old, end), QTextCursor.MoveMode.KeepAnchor)
        self._loading = True
        try:
            cursor.insertText(replacement)
        finally:
            self._loading = False
        self._remember(self.toPlainText())

    def replace_as_one_step(self, text: str) -> None:
        """Like ``apply_text``, but always one step of the undo history, even when the text
        stays the same (a restored revision that changed only fields is still one step the
        reporter can undo here). An empty body cannot hold such a step."""
        old = self.toPlainText()
        if old != text:
            self.apply_text(text)
            return
        position, anchor = self.textCursor().position(), self.textCursor().anchor()
        cursor = QTextCursor(self.document())
        cursor.setPosition(0)
        cursor.setPosition(qt_length(old), QTextCursor.MoveMode.KeepAnchor)
        self._loading = True
        try:
            cursor.insertText(old)  # the same characters: a step that changes nothing
        finally:
            self._loading = False
        shown = self.textCursor()
        shown.setPosition(anchor)
        shown.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(shown)

    # --- scroll sync -------------------------------------------------------------------------

    def cursor_line(self) -> int:
        return self.textCursor().blockNumber()

    def top_line(self) -> int:
        """The source line at the top of the view."""
        return self.firstVisibleBlock().blockNumber()

    def show_line_at_top(self, line: int) -> None:
        """Scroll (without moving the cursor) so that source ``line`` is at the top."""
        # The scroll bar counts laid-out lines: a wrapped paragraph counts several.
        offset = 0
        block = self.document().firstBlock()
        while block.isValid() and block.blockNumber() < line:
            offset += max(1, block.lineCount())
            block = block.next()
        self.verticalScrollBar().setValue(offset)

    def go_to_line(self, line: int) -> None:
        block = self.document().findBlockByNumber(max(0, line))
        cursor = QTextCursor(block)
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus()

    def insert_block(self, markdown: str, position: int | None = None) -> None:
        """Insert ``markdown`` as a block of its own after the paragraph at ``position``."""
        cursor = self.textCursor()
        if position is not None:
            cursor.setPosition(min(position, len(self.toPlainText())))
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        before = "\n\n" if cursor.block().text().strip() else ""
        cursor.insertText(f"{before}{markdown}\n")
        self.setTextCursor(cursor)

    # --- photos in, by drop and paste -------------------------------------------------------------

    def dropEvent(self, event: QDropEvent) -> None:
        # A Word file or a story dropped on the text is a story to open, not its path to type.
        path = dropped_story(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.storyDropped.emit(path)
            return
        super().dropEvent(event)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return (
            bool(_photo_files(source)) or source.hasImage() or super().canInsertFromMimeData(source)
        )

    def insertFromMimeData(self, source: QMimeData) -> None:
        if self.paste_over_selection is not None and self.paste_over_selection(source):
            return
        files = _photo_files(source)
        position = self.textCursor().position()
        if files:
            self.photosDropped.emit(files, position)
        elif source.hasImage() and not source.hasText():
            # A copied picture (a browser adds its <img> as HTML): the picture itself.
            image = source.imageData()
            if isinstance(image, QImage) and not image.isNull():
                self.imagePasted.emit(_png_bytes(image), position)
        elif source.hasHtml() and self.receivers(SIGNAL("htmlPasted(QString,QString,int)")):
            self.htmlPasted.emit(source.html(), source.text() if source.hasText() else "", position)
        else:
            super().insertFromMimeData(source)

    def createMimeDataFromSelection(self) -> QMimeData:
        # The body is Markdown source: copied, it is text, so that pasting it back (here or in
        # another Dateline window) gives the same Markdown rather than a conversion of it.
        return text_only(self.textCursor())

    def insert_pasted(self, text: str, position: int, *, as_block: bool | None = None) -> None:
        """Insert ``text`` at ``position`` as one undo step. Blocks (``as_block``; by default
        text of several paragraphs) stand apart from the text around them by blank lines."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(max(0, min(position, self.document().characterCount() - 1)))
        if as_block is None:
            as_block = "\n\n" in text.strip("\n")
        if as_block:
            text = text.strip("\n")
            block = cursor.block()
            before = block.text()[: cursor.positionInBlock()]
            after = block.text()[cursor.positionInBlock() :]
            if before.strip():
                text = "\n\n" + text
            elif block.previous().isValid() and block.previous().text().strip():
                text = "\n" + text
            if after.strip():
                text += "\n\n"
            elif block.next().isValid() and block.next().text().strip():
                text += "\n"
        cursor.beginEditBlock()
        cursor.insertText(text)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()


def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6's stubs ask for the format as bytes, but the binding takes only a str here.
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    return bytes(data.data())
