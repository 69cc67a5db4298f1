"""The Outline pane: the story's headline, subheads and photos as a tree, in reading order.

It only shows entries (``editor.text.story_outline``) and says which one the reporter chose;
``editor.ui.controllers.outline`` feeds it and moves the body's cursor.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from editor.text.story_outline import EntryKind, OutlineEntry

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


def kind_name(kind: EntryKind) -> str:
    """What an entry is, for its tooltip ("" for a photo: its caption says so)."""
    names = {
        EntryKind.HEADLINE: QCoreApplication.translate("OutlinePane", "Headline"),
        EntryKind.SUBHEAD: QCoreApplication.translate("OutlinePane", "Subhead"),
    }
    return names.get(kind, "")


class OutlinePane(QTreeWidget):
    """Emits ``entryChosen(index)`` when an entry is clicked or Enter is pressed on it."""

    entryChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outline_tree")
        self.setAccessibleName(QCoreApplication.translate("OutlinePane", "Outline"))
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "OutlinePane",
                "The story's headline, subheads and photos in order. Enter or a click goes there.",
            )
        )
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setRootIsDecorated(False)
        self.setIndentation(16)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.entries: tuple[OutlineEntry, ...] = ()
        self._items: list[QTreeWidgetItem] = []
        self.itemClicked.connect(self._chosen)
        self.itemActivated.connect(self._chosen)

    def show_entries(self, entries: tuple[OutlineEntry, ...]) -> bool:
        """Show ``entries``; False (and nothing redrawn) when they are the ones shown."""
        if entries == self.entries:
            return False
        current = self.current_index()
        self.entries = entries
        self.setUpdatesEnabled(False)
        try:
            self.clear()
            self._items = []
            parents: list[QTreeWidgetItem] = []  # the last item at each depth
            for index, entry in enumerate(entries):
                depth = min(entry.depth, len(parents))
                del parents[depth:]
                item = QTreeWidgetItem([entry.title])
                item.setData(0, ENTRY_ROLE, index)
                kind = kind_name(entry.kind)
                item.setToolTip(
                    0,
                    QCoreApplication.translate("OutlinePane", "{kind}: {title}").format(
                        kind=kind, title=entry.title
                    )
                    if kind
                    else entry.title,
                )
                if entry.kind is EntryKind.HEADLINE:
                    font = QFont(self.font())
                    font.setBold(True)
                    item.setFont(0, font)
                elif entry.kind is EntryKind.PHOTO:
                    font = QFont(self.font())
                    font.setItalic(True)
                    item.setFont(0, font)
                if parents:
                    parents[-1].addChild(item)
                else:
                    self.addTopLevelItem(item)
                parents.append(item)
                self._items.append(item)
            self.expandAll()
        finally:
            self.setUpdatesEnabled(True)
        if 0 <= current < len(self._items):
            self.mark_current(current)
        return True

    def current_index(self) -> int:
        item = self.currentItem()
        return int(item.data(0, ENTRY_ROLE)) if item is not None else -1

    def mark_current(self, index: int) -> None:
        """Select entry ``index`` as the section the cursor is in: no navigation, no focus."""
        if not 0 <= index < len(self._items) or index == self.current_index():
            return
        item = self._items[index]
        self.setCurrentItem(item)
        self.scrollToItem(item)

    def _chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.entryChosen.emit(int(item.data(0, ENTRY_ROLE)))
