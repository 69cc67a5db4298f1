"""A tick beside each language of a Language list that has a spelling dictionary installed.

The list's items are language tags, and an editable list puts an item's text in the field as
the story's language, so what is installed cannot be written into the text; each item's
tooltip says which dictionary checks it, and the tick shows it at a glance. A language without
a tick gets a blank of the same size, so the tags stay in one column.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QComboBox

from editor.spelling import dictionary_for

ICON_PX = 16
HAS_DICTIONARY_ROLE = Qt.ItemDataRole.UserRole + 40  # True when a dictionary is installed


def _tick(colour: QColor | None, ratio: float) -> QIcon:
    pixmap = QPixmap(round(ICON_PX * ratio), round(ICON_PX * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    if colour is not None:
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(colour)
        pen.setWidthF(2.0)
        painter.setPen(pen)
        path = QPainterPath()
        box = QRectF(2, 2, ICON_PX - 4, ICON_PX - 4)
        path.moveTo(box.left(), box.center().y())
        path.lineTo(box.left() + box.width() * 0.38, box.bottom() - 1)
        path.lineTo(box.right(), box.top() + 1)
        painter.drawPath(path)
        painter.end()
    return QIcon(pixmap)


def mark_dictionaries(combo: QComboBox) -> None:
    """Tick the languages of ``combo`` whose spelling dictionary is installed."""
    ratio = combo.devicePixelRatioF()
    colour = combo.palette().color(combo.foregroundRole())
    ticked, blank = _tick(colour, ratio), _tick(None, ratio)
    for index in range(combo.count()):
        present = dictionary_for(combo.itemText(index)) is not None
        combo.setItemIcon(index, ticked if present else blank)
        combo.setItemData(index, present, HAS_DICTIONARY_ROLE)
