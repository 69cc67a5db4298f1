"""The photos pane: thumbnails, and for the chosen photo its caption, credit, copyright, alt
text, crop and focal point, and (folded away until asked for) its details: where, when and of
whom it was taken, its keywords, source and special instructions. Everything the reporter does
goes out as a ``...Requested``/``...Edited`` signal; the window applies it to the document.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.model.article import ImageRef
from editor.model.cropping import ASPECT_PRESETS, largest_crop
from editor.model.photos import ALT_TEXT_HINT, join_list
from editor.ui.theme_table import named_hex
from editor.ui.widgets.crop_editor import CropEditor
from editor.ui.widgets.palette_style import set_palette_style
from editor.ui.widgets.placeholder import example
from editor.ui.widgets.plain_text import plain_label

PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".tif", ".tiff", ".svg"}
# The Crop list's first entry (its item data): back to the whole photo, no crop.
WHOLE_PHOTO = "whole"


def dropped_files(event: QDropEvent | QDragEnterEvent) -> list[Path]:
    """Local files in a drag from the file manager."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]


class _PhotoList(QListWidget):
    """Thumbnails in story order; drag one to reorder, drop files from outside to add them."""

    filesDropped = Signal(list)
    moved = Signal(str, int)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("photo_list")
        self.setAccessibleName(QCoreApplication.translate("PhotosPane", "Photos"))
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "PhotosPane", "The story's photos in order; choose one to edit it"
            )
        )
        self.setIconSize(QSize(96, 72))
        self.setSpacing(2)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAcceptDrops(True)
        self.setWordWrap(True)
        self.setMinimumHeight(150)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_files(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_files(event)
        if files:
            event.acceptProposedAction()
            self.filesDropped.emit(files)
            return
        item = self.currentItem()
        super().dropEvent(event)
        if item is not None:
            self.moved.emit(item.data(Qt.ItemDataRole.UserRole), self.row(item))


class PhotosPane(QWidget):
    addRequested = Signal()
    filesDropped = Signal(list)  # list[Path]
    insertRequested = Signal(str)  # place this photo in the body at the cursor
    removeRequested = Signal(str)
    moveRequested = Signal(str, int)
    featuredRequested = Signal(object)  # photo id, or None for no lead photo
    photoEdited = Signal(str, str, str)  # photo id, field, value
    cropEdited = Signal(str, object, object)  # photo id, Crop | None, focal | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._photos: list[ImageRef] = []
        self._thumbnails: dict[str, QPixmap] = {}
        self._current: ImageRef | None = None
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(self._buttons())
        self.list = _PhotoList()
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.list.filesDropped.connect(self.filesDropped)
        self.list.moved.connect(self.moveRequested)
        self.details = self._details()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.details)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields take the keyboard
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self.list)
        split.addWidget(scroll)
        split.setSizes([220, 600])
        layout.addWidget(split, 1)
        self.setAcceptDrops(True)
        self._show_current()

    # --- building ------------------------------------------------------------------------------

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = QPushButton(QCoreApplication.translate("PhotosPane", "Add photos…"))
        self.add_button.setObjectName("photo_add")
        self.add_button.clicked.connect(self.addRequested)
        self.insert_button = QPushButton(QCoreApplication.translate("PhotosPane", "Place in body"))
        self.insert_button.setObjectName("photo_place")
        self.insert_button.setToolTip(
            QCoreApplication.translate("PhotosPane", "Place the photo in the body at the cursor")
        )
        self.insert_button.clicked.connect(lambda: self._emit_for_current(self.insertRequested))
        self.remove_button = QPushButton(QCoreApplication.translate("PhotosPane", "Remove"))
        self.remove_button.setObjectName("photo_remove")
        self.remove_button.setAccessibleName(
            QCoreApplication.translate("PhotosPane", "Remove photo")
        )
        self.remove_button.clicked.connect(lambda: self._emit_for_current(self.removeRequested))
        for button in (self.add_button, self.insert_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _details(self) -> QWidget:
        box = QWidget()
        outer = QVBoxLayout(box)
        outer.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)  # rows stay together at the top, however tall the pane
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.gps_warning = plain_label()
        self.gps_warning.setObjectName("gps_warning")
        self.gps_warning.setWordWrap(True)
        set_palette_style(
            self.gps_warning,
            lambda: (
                f"background: {named_hex('alert_background')};"
                f" color: {named_hex('alert_text')}; border: 1px solid {named_hex('alert_border')};"
                " border-radius: 4px; padding: 6px; font-weight: 600;"
            ),
        )
        form.addRow(self.gps_warning)
        self.file_label = plain_label()
        self.file_label.setObjectName("photo_file")
        self.file_label.setWordWrap(True)
        set_palette_style(self.file_label, lambda: "color: palette(placeholder-text);")
        form.addRow(self.file_label)
        self.crop_editor = CropEditor()
        self.crop_editor.cropEdited.connect(self._crop_edited)
        form.addRow(self.crop_editor)
        self.aspect = QComboBox()
        self.aspect.setObjectName("crop_aspect")
        self.aspect.setAccessibleName(QCoreApplication.translate("PhotosPane", "Crop shape"))
        self.aspect.addItem(QCoreApplication.translate("PhotosPane", "Whole photo"), WHOLE_PHOTO)
        for name in ASPECT_PRESETS:
            # Ratios read the same in every language; only "Free" is a word.
            text = QCoreApplication.translate("PhotosPane", "Free") if name == "Free" else name
            self.aspect.addItem(text, name)
        self.aspect.activated.connect(self._aspect_chosen)
        form.addRow(QCoreApplication.translate("PhotosPane", "C&rop"), self.aspect)
        self.caption = QPlainTextEdit()
        self.caption.setObjectName("photo_caption")
        self.caption.setTabChangesFocus(True)
        self.caption.setFixedHeight(self.caption.fontMetrics().lineSpacing() * 3 + 14)
        self.caption.setPlaceholderText(
            QCoreApplication.translate("PhotosPane", "Who, what, where, when")
        )
        self.caption.textChanged.connect(
            lambda: self._edited("caption", self.caption.toPlainText())
        )
        form.addRow(QCoreApplication.translate("PhotosPane", "&Caption"), self.caption)
        self.credit = self._line("credit", example("EFE/Juan Manuel Blanco"))
        form.addRow(QCoreApplication.translate("PhotosPane", "Cre&dit"), self.credit)
        self.copyright = self._line("copyright", example("© EFE 2024"))
        form.addRow(QCoreApplication.translate("PhotosPane", "Cop&yright"), self.copyright)
        self.alt = QPlainTextEdit()
        self.alt.setObjectName("photo_alt")
        self.alt.setTabChangesFocus(True)
        self.alt.setFixedHeight(self.alt.fontMetrics().lineSpacing() * 3 + 14)
        self.alt.setPlaceholderText(
            QCoreApplication.translate(
                "PhotosPane", "What the photo shows, for readers who cannot see it"
            )
        )
        self.alt.textChanged.connect(self._alt_changed)
        form.addRow(QCoreApplication.translate("PhotosPane", "&Alt text"), self.alt)
        self.alt_hint = plain_label()
        self.alt_hint.setObjectName("alt_hint")
        form.addRow("", self.alt_hint)
        set_palette_style(self.alt_hint, self._alt_hint_style)
        # Short: a check box cannot wrap, and a long one would push the form wider than a
        # narrow pane (a 200 % screen) and cut off every field's right edge.
        self.featured = QCheckBox(QCoreApplication.translate("PhotosPane", "&Lead photo"))
        self.featured.setObjectName("photo_featured")
        self.featured.setToolTip(
            QCoreApplication.translate(
                "PhotosPane", "The lead photo leads the piece and illustrates shares"
            )
        )
        self.featured.setAccessibleDescription(
            QCoreApplication.translate("PhotosPane", "Leads the piece and illustrates shares")
        )
        self.featured.toggled.connect(self._featured_toggled)
        form.addRow(self.featured)
        self._photo_details(form)
        return box

    def _photo_details(self, form: QFormLayout) -> None:
        """The details the desk needs from the file, below the everyday fields and folded
        away: most stories never need them, and each photo's file usually filled them in.
        They are rows of the one form, so that their labels line up with the others."""
        self.details_toggle = QToolButton()
        self.details_toggle.setObjectName("photo_details_toggle")
        self.details_toggle.setText(QCoreApplication.translate("PhotosPane", "Details"))
        self.details_toggle.setAccessibleName(
            QCoreApplication.translate("PhotosPane", "Photo details")
        )
        self.details_toggle.setAccessibleDescription(
            QCoreApplication.translate(
                "PhotosPane",
                "Shows or hides place, date, keywords, source, instructions and persons shown",
            )
        )
        self.details_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.details_toggle.setCheckable(True)
        self.details_toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.details_toggle.setAutoRaise(True)
        self.details_toggle.toggled.connect(self._details_toggled)
        form.addRow(self.details_toggle)
        self.city = self._line("city", example("Tapachula"))
        form.addRow(QCoreApplication.translate("PhotosPane", "Ci&ty"), self.city)
        self.country = self._line("country", example("Mexico"))
        form.addRow(QCoreApplication.translate("PhotosPane", "Cou&ntry"), self.country)
        self.keywords = self._line("keywords", example("migrants, caravan"))
        self.keywords.setToolTip(
            QCoreApplication.translate("PhotosPane", "Separate keywords with commas")
        )
        form.addRow(QCoreApplication.translate("PhotosPane", "Key&words"), self.keywords)
        self.date_taken = self._line("date_taken", example("2024-12-03T09:41-06:00"))
        self.date_taken.setToolTip(
            QCoreApplication.translate(
                "PhotosPane", "A date (YYYY-MM-DD), or a date and time with its time zone"
            )
        )
        form.addRow(QCoreApplication.translate("PhotosPane", "Date ta&ken"), self.date_taken)
        self.source = self._line("source", example("EFE"))
        form.addRow(QCoreApplication.translate("PhotosPane", "So&urce"), self.source)
        self.instructions = self._line("instructions", example("Embargoed until 12:00 GMT"))
        form.addRow(
            QCoreApplication.translate("PhotosPane", "Special &instructions"), self.instructions
        )
        self.persons = self._line("persons", example("Ana Pérez, Luis Gómez"))
        self.persons.setToolTip(
            QCoreApplication.translate("PhotosPane", "Separate the names with commas")
        )
        form.addRow(QCoreApplication.translate("PhotosPane", "Person&s shown"), self.persons)
        accessible = {
            self.city: QCoreApplication.translate("PhotosPane", "City"),
            self.country: QCoreApplication.translate("PhotosPane", "Country"),
            self.keywords: QCoreApplication.translate("PhotosPane", "Keywords"),
            self.date_taken: QCoreApplication.translate("PhotosPane", "Date taken"),
            self.source: QCoreApplication.translate("PhotosPane", "Source"),
            self.instructions: QCoreApplication.translate("PhotosPane", "Special instructions"),
            self.persons: QCoreApplication.translate("PhotosPane", "Persons shown"),
        }
        for edit, name in accessible.items():
            edit.setAccessibleName(name)
        self._details_form = form
        self.details_fields: tuple[QLineEdit, ...] = tuple(accessible)
        self._details_toggled(False)

    def _details_toggled(self, shown: bool) -> None:
        self.details_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        for edit in self.details_fields:
            self._details_form.setRowVisible(edit, shown)

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(f"photo_{name}")
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(lambda text: self._edited(name, text))
        return edit

    # --- showing -------------------------------------------------------------------------------

    def show_photos(self, photos: list[ImageRef], thumbnails: dict[str, QPixmap]) -> None:
        """Refill the list (keeping the selection) from the article's photos."""
        current_id = self._current.id if self._current else None
        self._photos = list(photos)
        self._thumbnails = thumbnails
        self._loading = True
        try:
            self.list.clear()
            for image in photos:
                item = QListWidgetItem(self._item_text(image))
                item.setData(Qt.ItemDataRole.UserRole, image.id)
                pixmap = thumbnails.get(image.id)
                if pixmap is not None and not pixmap.isNull():
                    item.setIcon(QIcon(pixmap))
                self.list.addItem(item)
            ids = [image.id for image in photos]
            row = ids.index(current_id) if current_id in ids else (0 if ids else -1)
            self.list.setCurrentRow(row)
        finally:
            self._loading = False
        self._show_current()

    def thumbnail(self, photo_id: str) -> QPixmap | None:
        """The photo's thumbnail as the list shows it (None: none decoded yet)."""
        pixmap = self._thumbnails.get(photo_id)
        return pixmap if pixmap is not None and not pixmap.isNull() else None

    def select(self, photo_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == photo_id:
                self.list.setCurrentRow(row)

    def refresh_item(self, image: ImageRef) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == image.id:
                item.setText(self._item_text(image))

    def show_crop(self, image: ImageRef) -> None:
        """The crop of ``image`` changed (a drag, a preset, undo): redraw it if shown."""
        if self._current is not None and self._current.id == image.id:
            pixmap = self._thumbnails.get(image.id, QPixmap())
            size = (image.width or 1, image.height or 1)
            self.crop_editor.set_photo(pixmap, size, image.crop, image.focal)

    @staticmethod
    def _item_text(image: ImageRef) -> str:
        flags = []
        if image.featured:
            flags.append(QCoreApplication.translate("PhotosPane", "LEAD"))
        if image.missing:
            flags.append(QCoreApplication.translate("PhotosPane", "MISSING"))
        if image.has_gps:
            flags.append(QCoreApplication.translate("PhotosPane", "GPS"))
        if not image.caption.strip():
            flags.append(QCoreApplication.translate("PhotosPane", "no caption"))
        if not image.credit.strip():
            flags.append(QCoreApplication.translate("PhotosPane", "no credit"))
        if not image.alt.strip():
            flags.append(QCoreApplication.translate("PhotosPane", "no alt text"))
        name = Path(image.original_name).name or image.id
        caption = image.caption.strip().replace("\n", " ")
        caption = caption[:60] + "…" if len(caption) > 60 else caption
        head = f"{image.id} · {name}" + (f"  [{', '.join(flags)}]" if flags else "")
        return f"{head}\n{caption}" if caption else head

    def _show_current(self) -> None:
        item = self.list.currentItem()
        photo_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        self._current = next((p for p in self._photos if p.id == photo_id), None)
        image = self._current
        self._loading = True
        try:
            self.details.setEnabled(image is not None)
            for button in (self.insert_button, self.remove_button):
                button.setEnabled(image is not None)
            self.caption.setPlainText(image.caption if image else "")
            self.credit.setText(image.credit if image else "")
            self.copyright.setText(image.copyright if image else "")
            self.alt.setPlainText(image.alt if image else "")
            self.city.setText(image.city if image else "")
            self.country.setText(image.country if image else "")
            self.keywords.setText(join_list(image.keywords) if image else "")
            self.date_taken.setText(image.date_taken if image else "")
            self.source.setText(image.source if image else "")
            self.instructions.setText(image.instructions if image else "")
            self.persons.setText(join_list(image.persons) if image else "")
            self.featured.setChecked(bool(image and image.featured))
            self.aspect.setCurrentIndex(0)
            self._show_file(image)
        finally:
            self._loading = False
        self._update_alt_hint()

    def _show_file(self, image: ImageRef | None) -> None:
        pixmap = self._thumbnails.get(image.id, QPixmap()) if image else QPixmap()
        size = (image.width or 1, image.height or 1) if image else (1, 1)
        crop, focal = (image.crop, image.focal) if image else (None, None)
        self.crop_editor.set_photo(pixmap, size, crop, focal)
        self.crop_editor.setVisible(image is not None and not image.missing)
        self.aspect.setEnabled(image is not None and not image.missing)
        if image is None:
            self.file_label.setText(
                QCoreApplication.translate(
                    "PhotosPane", "Add photos with the button above, or drop them here."
                )
            )
        elif image.missing:
            self.file_label.setText(
                QCoreApplication.translate(
                    "PhotosPane",
                    "The file of this photo is not in the story: {name}. "
                    "Add the photo itself to show it.",
                ).format(name=image.original_name)
            )
        else:
            self.file_label.setText(
                f"{Path(image.original_name).name} · {image.format} · "
                f"{image.width} × {image.height} px"
            )
        self.gps_warning.setVisible(bool(image and image.has_gps))
        self.gps_warning.setText(
            QCoreApplication.translate(
                "PhotosPane",
                "This photo records where it was taken (GPS). Dateline keeps the original as "
                "it came, and removes the location from every copy it exports.",
            )
        )

    def _alt_hint_style(self) -> str:
        over = len(self.alt.toPlainText()) > ALT_TEXT_HINT
        colour = named_hex("error_text") if over else "palette(placeholder-text)"
        return f"color: {colour}; font-size: 11px;"

    def _update_alt_hint(self) -> None:
        length = len(self.alt.toPlainText())
        over = length > ALT_TEXT_HINT
        style = self._alt_hint_style()
        if self.alt_hint.styleSheet() != style:
            self.alt_hint.setStyleSheet(style)
        # One text for one and one for many, the count filled in after translating: lupdate
        # marks no entry as a plural (%n) one when the count is a variable, and Qt then finds
        # the translation of such an entry only for a count of one.
        if over:
            hint = QCoreApplication.translate(
                "PhotosPane", "{count} characters (aim for under {limit})"
            ).format(count=length, limit=ALT_TEXT_HINT)
        elif length == 1:
            hint = QCoreApplication.translate("PhotosPane", "{count} character").format(
                count=length
            )
        else:
            hint = QCoreApplication.translate("PhotosPane", "{count} characters").format(
                count=length
            )
        self.alt_hint.setText(hint)

    # --- edits ---------------------------------------------------------------------------------

    def _emit_for_current(self, signal: SignalInstance) -> None:
        if self._current is not None:
            signal.emit(self._current.id)

    def _edited(self, name: str, value: str) -> None:
        if not self._loading and self._current is not None:
            self.photoEdited.emit(self._current.id, name, value)

    def _alt_changed(self) -> None:
        self._update_alt_hint()
        self._edited("alt", self.alt.toPlainText())

    def _featured_toggled(self, checked: bool) -> None:
        if not self._loading and self._current is not None:
            self.featuredRequested.emit(self._current.id if checked else None)

    def _crop_edited(self, crop, focal) -> None:
        if self._current is not None:
            self.cropEdited.emit(self._current.id, crop, focal)

    def _aspect_chosen(self) -> None:
        image = self._current
        if image is None or not (image.width and image.height):
            return
        name = self.aspect.currentData()
        aspect = ASPECT_PRESETS.get(name)
        self.crop_editor.set_aspect(aspect)
        if name == WHOLE_PHOTO:
            crop = None
        elif aspect is None:  # free: keep the crop, drop the ratio constraint
            return
        else:
            crop = largest_crop(image.width, image.height, aspect, image.focal)
        self.cropEdited.emit(image.id, crop, image.focal)

    # --- drops on the whole pane ---------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_files(event)
        if files:
            event.acceptProposedAction()
            self.filesDropped.emit(files)
