"""Draw a crop on a photo: drag inside to move it, drag a corner to resize, double-click to set
the focal point; from the keyboard, arrows move the crop and Ctrl+arrows resize it (Shift for
bigger steps). The geometry lives in ``editor.model.cropping``; this widget only paints and
turns the mouse and keys into calls to it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from editor.model.article import Crop
from editor.model.cropping import is_whole, moved, resized
from editor.ui.theme_table import named_colour

HANDLE = 9  # corner handle size in pixels
# Keyboard steps as fractions of the photo: small by default, large with Shift.
KEY_STEP = 0.01
KEY_STEP_LARGE = 0.10
ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}


class CropEditor(QWidget):
    """Emits ``cropEdited(crop_or_None, focal_or_None)`` when a drag or double-click ends."""

    cropEdited = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crop_editor")
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(
            QCoreApplication.translate(
                "CropEditor",
                "Drag the frame to move the crop, a corner to resize it; "
                "double-click the subject to set the focal point",
            )
        )
        self.setAccessibleName(QCoreApplication.translate("CropEditor", "Crop"))
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "CropEditor",
                "Arrow keys move the crop, Ctrl+arrow keys resize it; hold Shift for bigger steps",
            )
        )
        self._pixmap = QPixmap()
        self._size = (1, 1)  # the photo's upright size in pixels (for aspect ratios)
        self._crop = Crop()
        self._focal: tuple[float, float] | None = None
        self._aspect: float | None = None
        self._drag: tuple[str, QPointF, Crop] | None = None  # (what, start point, crop at start)
        self._keyed = False  # the keys changed the crop since the last cropEdited

    # --- state ---------------------------------------------------------------------------------

    def set_photo(
        self,
        pixmap: QPixmap,
        size: tuple[int, int],
        crop: Crop | None,
        focal: tuple[float, float] | None,
    ) -> None:
        self._pixmap = pixmap
        self._size = size
        self._crop = crop or Crop()
        self._focal = focal
        self._drag = None
        self._keyed = False
        self.updateGeometry()
        self.update()

    def set_aspect(self, aspect: float | None) -> None:
        self._aspect = aspect

    def crop(self) -> Crop | None:
        return None if is_whole(self._crop) else self._crop

    def sizeHint(self) -> QSize:
        return QSize(320, 220)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        w, h = self._size
        return max(self.minimumHeight(), min(420, round(width * h / max(w, 1))))

    # --- geometry ------------------------------------------------------------------------------

    def _image_rect(self) -> QRectF:
        """Where the photo is drawn: as large as fits, centred."""
        if self._pixmap.isNull():
            return QRectF(self.rect())
        w, h = self._size
        scale = min(self.width() / w, self.height() / h)
        rect = QRectF(0, 0, w * scale, h * scale)
        rect.moveCenter(QRectF(self.rect()).center())
        return rect

    def _crop_rect(self, crop: Crop | None = None) -> QRectF:
        crop = crop or self._crop
        image = self._image_rect()
        return QRectF(
            image.left() + crop.left * image.width(),
            image.top() + crop.top * image.height(),
            (crop.right - crop.left) * image.width(),
            (crop.bottom - crop.top) * image.height(),
        )

    def _fraction(self, point: QPointF) -> tuple[float, float]:
        image = self._image_rect()
        return (
            (point.x() - image.left()) / max(image.width(), 1),
            (point.y() - image.top()) / max(image.height(), 1),
        )

    def _hit(self, point: QPointF) -> str | None:
        rect = self._crop_rect()
        corners = {
            "tl": rect.topLeft(),
            "tr": rect.topRight(),
            "bl": rect.bottomLeft(),
            "br": rect.bottomRight(),
        }
        for name, corner in corners.items():
            if abs(point.x() - corner.x()) <= HANDLE and abs(point.y() - corner.y()) <= HANDLE:
                return name
        return "move" if rect.contains(point) else None

    # --- painting ------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        # A photo is judged on a dark canvas whatever the theme (editor/ui/theme_table.py).
        painter.fillRect(self.rect(), named_colour("crop_canvas"))
        if self._pixmap.isNull():
            painter.setPen(named_colour("crop_canvas_text"))
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                QCoreApplication.translate("CropEditor", "No photo selected"),
            )
            return
        image = self._image_rect()
        painter.drawPixmap(image, self._pixmap, QRectF(self._pixmap.rect()))
        crop = self._crop_rect()
        shade = QPainterPath()
        shade.addRect(image)
        shade.addRect(crop)  # odd-even fill: everything outside the crop is dimmed
        painter.fillPath(shade, QColor(0, 0, 0, 140))
        painter.setPen(QPen(named_colour("crop_frame"), 2))
        painter.drawRect(crop)
        painter.setBrush(named_colour("crop_frame"))
        for corner in (crop.topLeft(), crop.topRight(), crop.bottomLeft(), crop.bottomRight()):
            painter.drawRect(QRectF(corner.x() - 4, corner.y() - 4, 8, 8))
        if self.hasFocus():
            # The keyboard's place: a dashed frame in the desktop's focus colour.
            highlight = self.palette().color(QPalette.ColorRole.Highlight)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(highlight, 2, Qt.PenStyle.DashLine))
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        if self._focal is not None:
            x = image.left() + self._focal[0] * image.width()
            y = image.top() + self._focal[1] * image.height()
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(named_colour("crop_handle_edge"), 2))
            painter.drawEllipse(QPointF(x, y), 8, 8)
            painter.setPen(QPen(named_colour("crop_handle_active"), 2))
            painter.drawLine(QPointF(x - 12, y), QPointF(x + 12, y))
            painter.drawLine(QPointF(x, y - 12), QPointF(x, y + 12))

    # --- mouse ---------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._pixmap.isNull() or event.button() != Qt.MouseButton.LeftButton:
            return
        what = self._hit(event.position())
        if what is not None:
            self._drag = (what, event.position(), self._crop)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            hit = self._hit(event.position())
            cursors = {
                "tl": Qt.CursorShape.SizeFDiagCursor,
                "br": Qt.CursorShape.SizeFDiagCursor,
                "tr": Qt.CursorShape.SizeBDiagCursor,
                "bl": Qt.CursorShape.SizeBDiagCursor,
                "move": Qt.CursorShape.SizeAllCursor,
            }
            self.setCursor(cursors.get(hit or "", Qt.CursorShape.CrossCursor))
            return
        what, start, original = self._drag
        x, y = self._fraction(event.position())
        if what == "move":
            sx, sy = self._fraction(start)
            self._crop = moved(original, x - sx, y - sy)
        else:
            width, height = self._size
            self._crop = resized(original, what, x, y, width, height, self._aspect)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            self._drag = None
            self.cropEdited.emit(self.crop(), self._focal)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self._pixmap.isNull():
            return
        x, y = self._fraction(event.position())
        if 0 <= x <= 1 and 0 <= y <= 1:
            self._focal = (x, y)
            self._drag = None
            self.update()
            self.cropEdited.emit(self.crop(), self._focal)

    # --- keyboard ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        direction = ARROWS.get(Qt.Key(event.key()))
        if direction is None or self._pixmap.isNull():
            super().keyPressEvent(event)
            return
        modifiers = event.modifiers()
        step = KEY_STEP_LARGE if modifiers & Qt.KeyboardModifier.ShiftModifier else KEY_STEP
        dx, dy = direction[0] * step, direction[1] * step
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            # Resizing moves the bottom-right corner; the top-left one stays where it is.
            width, height = self._size
            crop = self._crop
            self._crop = resized(
                crop, "br", crop.right + dx, crop.bottom + dy, width, height, self._aspect
            )
        else:
            self._crop = moved(self._crop, dx, dy)
        self._keyed = True
        self.update()
        event.accept()

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        # One edit (one undo step) per key stroke, however long the key was held down.
        if self._keyed and not event.isAutoRepeat() and Qt.Key(event.key()) in ARROWS:
            self._keyed = False
            self.cropEdited.emit(self.crop(), self._focal)
            event.accept()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self._keyed:  # a key still held when focus moved on
            self._keyed = False
            self.cropEdited.emit(self.crop(), self._focal)
        self.update()
        super().focusOutEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)
