"""A photo placement in the body, ``![](photo:p1)``, shows which photo it is: the photo's
caption (and its thumbnail, when the Photos pane has one) is painted after the line's text,
and a tooltip on the line says it in full.

A highlighter can only format the text that is there, so the captions are painted by a
see-through layer over the body's viewport that ignores the mouse and the keyboard. It paints
only the lines on screen, and reads captions from the photo records (one caption truth);
thumbnails come already decoded from the Photos pane and are scaled once per photo.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QFont, QHelpEvent, QPainter, QPaintEvent, QPixmap, QTextBlock
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from editor.model.photos import PHOTO_SCHEME
from editor.text.body_scan import PLACEMENT_RE
from editor.text.line_markup import is_fence_state
from editor.ui.widgets.markup_colours import markup_colours

GAP = 12  # pixels between the line's text and its caption
MIN_ROOM = 48  # narrower than this, no caption is painted (the tooltip still says it)

CaptionOf = Callable[[str], "str | None"]  # photo id -> caption ("" none yet; None: no photo)
ThumbnailOf = Callable[[str], "QPixmap | None"]


def placement_in(block: QTextBlock) -> str | None:
    """The photo id the block places (None: none, or the line is fenced code)."""
    text = block.text()
    if PHOTO_SCHEME not in text.lower() or is_fence_state(block.userState()):
        return None
    match = PLACEMENT_RE.search(text)
    return match["id"] if match else None


def caption_line(photo_id: str, caption: str | None) -> str:
    if caption is None:
        return QCoreApplication.translate(
            "PlacementCaptions", "No photo “{photo}” in this story"
        ).format(photo=photo_id)
    return caption.strip() or QCoreApplication.translate(
        "PlacementCaptions", "Photo {photo}: no caption yet"
    ).format(photo=photo_id)


class PlacementCaptions(QWidget):
    """Paints each visible placement's caption after its line; shows it as a tooltip too."""

    def __init__(
        self, body: QPlainTextEdit, caption_of: CaptionOf, thumbnail_of: ThumbnailOf
    ) -> None:
        # A sibling above the viewport, not its child: scrolling moves a viewport's children.
        super().__init__(body)
        self.setObjectName("placement_captions")
        self.setAccessibleName(
            QCoreApplication.translate("PlacementCaptions", "Photo captions in the body")
        )
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._body = body
        self._caption_of = caption_of
        self._thumbnail_of = thumbnail_of
        self._scaled: dict[tuple[str, int, int], QPixmap] = {}
        self._viewport = viewport = body.viewport()
        viewport.installEventFilter(self)
        body.updateRequest.connect(self._body_updated)
        self.setGeometry(viewport.geometry())
        self.raise_()
        self.show()

    def _body_updated(self, rect: QRect, scrolled_by: int) -> None:
        # Only what the body repaints (a cursor blink is a few pixels): a whole-layer update
        # would repaint the whole viewport beneath it on every keystroke.
        if scrolled_by or rect.contains(self.rect()):
            self.update()
        else:
            self.update(rect)

    def refresh(self) -> None:
        """The photos or their captions changed."""
        self._scaled.clear()
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Nothing here may call the body: it may be half destroyed while its viewport goes.
        if watched is self._viewport:
            if event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
                self.setGeometry(self._viewport.geometry())
            elif event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
                return self._tooltip(event)
        return False

    def _tooltip(self, event: QHelpEvent) -> bool:
        block = self._body.cursorForPosition(event.pos()).block()
        photo_id = placement_in(block)
        if photo_id is None:
            return False
        QToolTip.showText(
            event.globalPos(), caption_line(photo_id, self._caption_of(photo_id)), self._body
        )
        return True

    def paintEvent(self, event: QPaintEvent) -> None:
        body = self._body
        painter = QPainter(self)
        colours = markup_colours(body.palette())
        font = QFont(body.font())
        font.setItalic(True)
        painter.setFont(font)
        painter.setPen(colours.marker)
        metrics = painter.fontMetrics()
        offset = body.contentOffset()
        # Only the paragraphs in the area being painted, found once each: a keystroke repaints
        # its paragraph, and going through every block on screen (several calls into the
        # layout for each) made this paint, which follows every keystroke, cost 0.9 ms.
        area = event.rect()
        block = body.cursorForPosition(QPoint(0, area.top())).block()
        last = body.cursorForPosition(QPoint(0, area.bottom())).block().blockNumber()
        while block.isValid() and block.blockNumber() <= last:
            photo_id = placement_in(block) if block.isVisible() else None
            layout = block.layout()
            if photo_id is not None and layout is not None and layout.lineCount():
                geometry = body.blockBoundingGeometry(block).translated(offset)
                line = layout.lineAt(layout.lineCount() - 1)
                left = int(geometry.left() + line.x() + line.naturalTextWidth()) + GAP
                top = int(geometry.top() + line.y())
                height = int(line.height())
                room = self.width() - left - GAP
                if room >= MIN_ROOM:
                    pixmap = self._thumbnail(photo_id, height)
                    if pixmap is not None:
                        painter.drawPixmap(
                            QPoint(left, top + (height - pixmap.height()) // 2), pixmap
                        )
                        left += pixmap.width() + GAP // 2
                        room -= pixmap.width() + GAP // 2
                    text = metrics.elidedText(
                        caption_line(photo_id, self._caption_of(photo_id)),
                        Qt.TextElideMode.ElideRight,
                        max(0, room),
                    )
                    rect = QRect(left, top, max(0, room), height)
                    painter.drawText(rect, int(Qt.AlignmentFlag.AlignVCenter), text)
            block = block.next()
        painter.end()

    def _thumbnail(self, photo_id: str, height: int) -> QPixmap | None:
        pixmap = self._thumbnail_of(photo_id)
        if pixmap is None or pixmap.isNull() or height < 8:
            return None
        key = (photo_id, pixmap.cacheKey(), height)
        scaled = self._scaled.get(key)
        if scaled is None:
            scaled = pixmap.scaledToHeight(
                max(8, height - 2), Qt.TransformationMode.SmoothTransformation
            )
            self._scaled[key] = scaled
        return scaled
