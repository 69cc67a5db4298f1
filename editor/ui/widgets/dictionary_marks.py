"""A tick beside each language of a Language list that has a spelling dictionary installed.

The list's items are language tags, and an editable list puts an item's text in the field as
the story's language, so what is installed cannot be written into the text; each item's
tooltip says which dictionary checks it, and the tick shows it at a glance in the open list.
The tick is drawn by the list's delegate, not set as the item's icon: an editable combo box
shows its current item's icon in the field, and the current item is not always the language
typed there.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from editor.spelling import dictionary_for

ICON_PX = 16
HAS_DICTIONARY_ROLE = Qt.ItemDataRole.UserRole + 40  # True when a dictionary is installed


def _tick(colour: QColor | None, ratio: float) -> QIcon:
    """A tick in ``colour``; with None, a blank of the same size."""
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


class DictionaryTickDelegate(QStyledItemDelegate):
    """Draws the tick (or a blank) before each language of the open list."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        ratio = parent.devicePixelRatioF()
        self._ticked = _tick(parent.palette().color(parent.foregroundRole()), ratio)
        self._blank = _tick(None, ratio)

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.icon = self._ticked if index.data(HAS_DICTIONARY_ROLE) else self._blank
        option.decorationSize = QSize(ICON_PX, ICON_PX)
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration


def mark_dictionaries(combo: QComboBox) -> None:
    """Tick the languages of ``combo``'s list whose spelling dictionary is installed."""
    for index in range(combo.count()):
        combo.setItemData(
            index, dictionary_for(combo.itemText(index)) is not None, HAS_DICTIONARY_ROLE
        )
    combo.setItemDelegate(DictionaryTickDelegate(combo))
