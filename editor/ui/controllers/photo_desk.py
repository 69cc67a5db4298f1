"""Wires the photos pane and the body editor to the document for everything about photos:
adding (dialog, drops, paste), placing, editing, cropping, reordering, removing with undo.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from editor.model.article import ImageRef
from editor.model.photos import placement
from editor.ui.controllers.photo_intake import PhotoIntake
from editor.ui.controllers.rendition_warming import RenditionWarmer
from editor.ui.dialogs.questions import message_box
from editor.ui.document import ArticleDocument
from editor.ui.panes.body import BodyPane
from editor.ui.panes.photos import PhotosPane

PHOTO_PATTERNS = "(*.jpg *.jpeg *.png *.gif *.webp *.tif *.tiff)"


def photo_filter() -> str:
    """The Add Photos dialog's filters: translated descriptions, fixed patterns."""
    return (
        QCoreApplication.translate("PhotoDesk", "Photos")
        + f" {PHOTO_PATTERNS};;"
        + QCoreApplication.translate("PhotoDesk", "All files")
        + " (*)"
    )


class PhotoDesk(QObject):
    message = Signal(str)  # for the status bar
    photoCountChanged = Signal(int)

    def __init__(
        self,
        document: ArticleDocument,
        pane: PhotosPane,
        body: BodyPane,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.document = document
        self.pane = pane
        self.body = body
        self.window = window
        self.intake = PhotoIntake(document, self)
        # Published copies made ahead, so that exports only copy them.
        self.renditions = RenditionWarmer(document, self)
        self._thumbnail_cache: dict[str, QPixmap] = {}  # derived path -> pixmap
        self._wire()

    def _wire(self) -> None:
        pane, body, document = self.pane, self.body, self.document
        pane.addRequested.connect(self.add_dialog)
        pane.filesDropped.connect(lambda paths: self.add_files(paths, place=False))
        pane.insertRequested.connect(lambda photo_id: body.insert_block(placement(photo_id)))
        pane.removeRequested.connect(self._remove)
        pane.moveRequested.connect(document.move_photo)
        pane.featuredRequested.connect(document.set_featured)
        pane.photoEdited.connect(document.set_photo_field)
        pane.cropEdited.connect(document.set_photo_crop)
        body.photosDropped.connect(lambda paths, at: self.add_files(paths, place=True, at=at))
        body.imagePasted.connect(self._pasted)
        document.photosChanged.connect(self.show_photos)
        document.photoChanged.connect(self._photo_changed)
        document.bodyReplaced.connect(lambda: body.apply_text(document.article.body))
        document.replaced.connect(self._article_replaced)
        self.intake.photoRefused.connect(self._refused)
        self.intake.photoNote.connect(self.message)
        document.photoCopiesReady.connect(self.show_photos)

    # --- adding --------------------------------------------------------------------------------

    def add_dialog(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.window, QCoreApplication.translate("PhotoDesk", "Add photos"), "", photo_filter()
        )
        if names:
            self.add_files([Path(name) for name in names], place=True)

    def add_files(self, paths: list[Path], *, place: bool, at: int | None = None) -> None:
        """Add photos; each new one is placed in the body (at ``at``, else at the cursor)."""
        # lupdate reads a plural's count only as a plain name
        count = len(paths)
        self.message.emit(
            QCoreApplication.translate("PhotoDesk", "Adding %n photo(s)…", None, count)
        )
        self.intake.add_files(paths, lambda image, is_new: self._added(image, is_new, place, at))

    def _pasted(self, data: bytes, at: int) -> None:
        self.intake.add_bytes(
            data, "pasted-photo.png", lambda image, is_new: self._added(image, is_new, True, at)
        )

    def _added(self, image: ImageRef, is_new: bool, place: bool, at: int | None) -> None:
        if is_new and place:
            self.body.insert_block(placement(image.id), at)
        self.pane.select(image.id)
        if not is_new:
            self.message.emit(
                QCoreApplication.translate(
                    "PhotoDesk", "{name} is already in the story as {id}"
                ).format(name=image.original_name, id=image.id)
            )
        elif image.has_gps:
            self.message.emit(
                QCoreApplication.translate(
                    "PhotoDesk",
                    "{name} records where it was taken: the location is removed from every"
                    " exported copy",
                ).format(name=image.original_name)
            )
        else:
            self.message.emit(
                QCoreApplication.translate("PhotoDesk", "Added {name} as {id}").format(
                    name=image.original_name, id=image.id
                )
            )

    def _refused(self, message: str) -> None:
        self.message.emit(message)
        box = message_box(
            self.window,
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("PhotoDesk", "Photo refused"),
            message,
        )
        box.setObjectName("photo_refused")
        box.open()  # not modal-blocking: photos keep arriving while the notice is up

    # --- editing -------------------------------------------------------------------------------

    def _remove(self, photo_id: str) -> None:
        self.document.remove_photo(photo_id)
        self.message.emit(
            QCoreApplication.translate(
                "PhotoDesk", "Removed photo {id}: Photos ▸ Undo brings it back"
            ).format(id=photo_id)
        )

    def _photo_changed(self, photo_id: str) -> None:
        image = self.document.article.photo(photo_id)
        if image is not None:
            self.pane.refresh_item(image)
            self.pane.show_crop(image)

    def _article_replaced(self) -> None:
        self._thumbnail_cache.clear()
        self.show_photos()
        self.intake.ensure_derived()

    def show_photos(self) -> None:
        photos = self.document.article.photos
        self.pane.show_photos(photos, {image.id: self._thumbnail(image) for image in photos})
        self.photoCountChanged.emit(len(photos))

    def _thumbnail(self, image: ImageRef) -> QPixmap:
        media = self.document.media
        path = media.derived_path(image.media_path, "thumb") if image.media_path else ""
        if path not in media:
            return QPixmap()
        if path not in self._thumbnail_cache:
            pixmap = QPixmap()
            pixmap.loadFromData(media.read(path), "JPEG")
            self._thumbnail_cache[path] = pixmap
        return self._thumbnail_cache[path]
