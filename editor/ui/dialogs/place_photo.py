"""Format > Insert Photo…: one of the story's photos to place at the cursor, or a new file.

The photo's caption, credit and alt text live in its record (the Photos tab); the body only
places it, so choosing here is all a reporter does to put a photo in the text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.model.article import ImageRef

# What ``finished`` reports when the reporter wants a photo from a file instead.
FROM_FILE = 2


class PlacePhotoDialog(QDialog):
    def __init__(self, photos: list[ImageRef], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("place_photo_dialog")
        self.setWindowTitle(QCoreApplication.translate("PlacePhotoDialog", "Insert Photo"))
        self.setAccessibleName(self.windowTitle())
        self.list = QListWidget()
        self.list.setObjectName("place_photo_list")
        self.list.setAccessibleName(
            QCoreApplication.translate("PlacePhotoDialog", "The story's photos")
        )
        self.list.setAccessibleDescription(
            QCoreApplication.translate(
                "PlacePhotoDialog", "The photo to place in the text at the cursor"
            )
        )
        for image in photos:
            words = (
                image.caption
                or image.original_name
                or QCoreApplication.translate("PlacePhotoDialog", "(no caption)")
            )
            item = QListWidgetItem(f"{image.id}: {words}")
            item.setData(Qt.ItemDataRole.UserRole, image.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        label = QLabel(QCoreApplication.translate("PlacePhotoDialog", "&Photo to place:"))
        label.setBuddy(self.list)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        place = buttons.button(QDialogButtonBox.StandardButton.Ok)
        place.setText(QCoreApplication.translate("PlacePhotoDialog", "&Place"))
        place.setObjectName("place_photo_ok")
        place.setAccessibleName(place.text().replace("&", ""))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(QCoreApplication.translate("PlacePhotoDialog", "Cancel"))
        from_file = QPushButton(QCoreApplication.translate("PlacePhotoDialog", "From a &File…"))
        from_file.setObjectName("place_photo_file")
        from_file.setAccessibleName(from_file.text().replace("&", "").rstrip("…"))
        from_file.setAccessibleDescription(
            QCoreApplication.translate("PlacePhotoDialog", "Add a photo from a file and place it")
        )
        buttons.addButton(from_file, QDialogButtonBox.ButtonRole.ActionRole)
        from_file.clicked.connect(lambda: self.done(FROM_FILE))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen_id(self) -> str:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""
