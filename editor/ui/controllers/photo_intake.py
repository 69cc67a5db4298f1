"""Photos coming in (file dialog, drops, clipboard) are checked and decoded off the GUI thread.

Each file is read and prepared (safe opening, metadata, thumbnail and display copy) in the
thread pool; the result is attached to the document on the GUI thread. A file that turns out
not to be a usable photo is reported in one line, and nothing else changes.

An opened article's photos get their window copies the same way, made from the originals
(or found in the cache under the original's hash): a package's own copies are never shown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from editor.media.errors import MediaError
from editor.media.probe import PreparedPhoto, prepare_photo
from editor.media.window_copies import remember_window_copies, window_copies
from editor.model.article import ImageRef
from editor.model.media_store import MediaStore
from editor.ui.document import ArticleDocument
from editor.ui.worker import run_in_background

logger = logging.getLogger(__name__)

MAX_PHOTO_FILE_BYTES = 200 * 1024 * 1024


def _unreadable(path: Path, error: OSError) -> str:
    return QCoreApplication.translate("PhotoIntake", "{name} could not be read: {reason}").format(
        name=path.name, reason=error.strerror
    )


def _read_and_prepare(path: Path) -> tuple[bytes, PreparedPhoto]:
    try:
        size = path.stat().st_size
    except OSError as error:
        raise MediaError(_unreadable(path, error)) from None
    if size > MAX_PHOTO_FILE_BYTES:
        raise MediaError(
            QCoreApplication.translate(
                "PhotoIntake", "{name} is too large to be a photo ({size} MB)"
            ).format(name=path.name, size=size // 2**20)
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise MediaError(_unreadable(path, error)) from None
    return data, _prepare_and_remember(data, path.name)


def _prepare_and_remember(data: bytes, name: str) -> PreparedPhoto:
    prepared = prepare_photo(data, name)
    remember_window_copies(data, prepared.thumbnail, prepared.display)
    return prepared


def _copies_of_stored(media: MediaStore, media_path: str, name: str) -> tuple[bytes, bytes]:
    return window_copies(media.read(media_path), name)


class PhotoIntake(QObject):
    """Adds photos to the document; reports each one as it arrives."""

    photoAdded = Signal(object, bool)  # ImageRef, is_new
    photoRefused = Signal(str)  # one line: the file and the reason
    photoNote = Signal(str)  # e.g. an animated GIF: the first frame is used

    def __init__(self, document: ArticleDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.pending = 0

    def add_files(self, paths: list[Path], on_added: Callable[[ImageRef, bool], None]) -> None:
        for path in paths:
            self._prepare(path.name, partial(_read_and_prepare, path), on_added)

    def add_bytes(self, data: bytes, name: str, on_added: Callable[[ImageRef, bool], None]) -> None:
        """A photo pasted from the clipboard (already encoded, e.g. as PNG)."""
        self._prepare(name, lambda: (data, _prepare_and_remember(data, name)), on_added)

    def _prepare(
        self,
        name: str,
        work: Callable[[], tuple[bytes, PreparedPhoto]],
        on_added: Callable[[ImageRef, bool], None],
    ) -> None:
        document = self._document
        generation = document.article  # a photo for an article since closed is dropped
        self.pending += 1

        def done(result: tuple[bytes, PreparedPhoto]) -> None:
            self.pending -= 1
            if document.article is not generation:
                return
            data, prepared = result
            image, is_new = document.attach_photo(data, prepared, name)
            for note in prepared.notes:
                self.photoNote.emit(f"{name}: {note}")
            on_added(image, is_new)
            self.photoAdded.emit(image, is_new)

        def failed(message: str) -> None:
            self.pending -= 1
            self.photoRefused.emit(message)

        run_in_background(work, done, failed, logger=logger, what=f"Adding the photo {name}")

    def ensure_derived(self) -> None:
        """Make the window copies (thumbnail, display image) of the opened article's photos
        from their originals; the document says when each is ready."""
        document = self._document
        media = document.media
        for image in document.article.photos:
            if image.missing or image.media_path not in media:
                continue
            if len(media.derived_paths(image.media_path)) == 2:
                continue  # made in this session (added, imported)
            media_path = image.media_path
            generation = document.article
            self.pending += 1

            def done(
                copies: tuple[bytes, bytes], media_path: str = media_path, generation=generation
            ) -> None:
                self.pending -= 1
                if document.article is generation:
                    document.set_window_copies(media_path, *copies)

            def failed(message: str) -> None:
                self.pending -= 1
                self.photoRefused.emit(message)

            run_in_background(
                partial(_copies_of_stored, media, media_path, image.original_name),
                done,
                failed,
                logger=logger,
                what=f"Preparing the thumbnails of {image.original_name}",
            )
