"""The open article as the window sees it: one object that edits the model and says what changed.

Panes never touch each other. They call ``set_field``/``set_body`` and listen to the signals,
refreshing only what they show (the preview re-renders the header for a field, the body for the
body).

An article open for writing holds a lock beside its file (editor.model.file_lock), released when
another article replaces it or the window closes; without the lock it is open read-only. The
file's state on disk is recorded at open and save, so a change by another program is noticed.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from editor.media import attach as photo_files
from editor.media.probe import PreparedPhoto
from editor.model import photos as photo_ops
from editor.model.article import Article, Crop, Dateline, ImageRef, now_utc, snapshot_article
from editor.model.file_lock import ArticleLock, DiskStamp, changed_on_disk, stamp_file
from editor.model.media_store import MediaStore
from editor.model.package import LoadedPackage, PackageError, load_package, save_package
from editor.model.revisions import Revision, RevisionStore

# Fields a pane may set by name; the dateline's parts are "dateline.place" etc.
TEXT_FIELDS = frozenset(
    {
        "headline",
        "dek",
        "slug",
        "url_slug",
        "section",
        "language",
        "sign_off",
        "end_mark",
        "editors_note",
    }
)
LIST_FIELDS = frozenset({"byline", "tags"})
DATELINE_FIELDS = frozenset(f.name for f in dataclasses.fields(Dateline))
PHOTO_TEXT_FIELDS = frozenset(
    {
        "caption", "credit", "copyright", "alt", "city", "country", "date_taken", "source",
        "instructions",
    }
)  # fmt: skip
# Typed as one line, stored as a list (see editor.model.photos.split_list).
PHOTO_LIST_FIELDS = frozenset({"keywords", "persons"})
# Every field ``set_field`` takes, in a fixed order: what a restored revision puts back.
FIELD_NAMES = (
    *sorted(TEXT_FIELDS | LIST_FIELDS),
    *(f"dateline.{name}" for name in sorted(DATELINE_FIELDS)),
)


def field_of(article: Article, name: str) -> Any:
    """The value of ``set_field``'s field ``name`` in ``article``."""
    if name.startswith("dateline."):
        return getattr(article.dateline, name.removeprefix("dateline."))
    return getattr(article, name)


class ArticleDocument(QObject):
    fieldChanged = Signal(str)  # a field name, e.g. "headline" or "dateline.place"
    bodyChanged = Signal()
    photosChanged = Signal()  # photos added, removed, reordered or (un)featured
    photoChanged = Signal(str)  # one photo's caption, credit, alt text or crop, by id
    bodyReplaced = Signal()  # the body changed other than by typing (e.g. a photo removed)
    replaced = Signal()  # a whole new article (new, open, import)
    pathChanged = Signal()
    dirtyChanged = Signal(bool)
    readOnlyChanged = Signal(bool)
    revisionsChanged = Signal()  # a save added a revision, or another article came in
    # A revision's fields and body were put back; the Article is a snapshot of the story as it
    # was before. The window shows them as one undoable step (controllers/restore_undo.py).
    revisionRestored = Signal(object)
    # The window's copies of a photo (thumbnail, display image) were made from its original;
    # the article itself did not change.
    photoCopiesReady = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.article = Article()
        self.media = MediaStore()
        self.path: Path | None = None
        self._dirty = False
        self.revisions = RevisionStore()
        self.read_only = False
        self.lock: ArticleLock | None = None
        # The file as it was on disk when opened or last saved.
        self.disk_stamp: DiskStamp | None = None
        # Photo operations (add, remove, reorder, feature, crop) undo here; text fields and the
        # body keep their own undo.
        self.photo_undo = QUndoStack(self)

    # --- state ---------------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)

    def display_name(self) -> str:
        return (
            self.path.name
            if self.path
            else QCoreApplication.translate("ArticleDocument", "Untitled")
        )

    # --- editing -------------------------------------------------------------------------------

    def field_value(self, name: str) -> Any:
        return field_of(self.article, name)

    def set_field(self, name: str, value: Any) -> None:
        if name.startswith("dateline."):
            part = name.removeprefix("dateline.")
            if part not in DATELINE_FIELDS:
                raise KeyError(name)
            target: Any = self.article.dateline
            attribute = part
        elif name in TEXT_FIELDS or name in LIST_FIELDS:
            target, attribute = self.article, name
        else:
            raise KeyError(name)
        if getattr(target, attribute) == value:
            return
        setattr(target, attribute, list(value) if name in LIST_FIELDS else value)
        self._touch()
        self.fieldChanged.emit(name)

    def set_fields_of(self, source: Article) -> None:
        """Every field (and the keys no field shows) as in ``source``; each change is announced
        as an edit. The body is left as it is."""
        for name in FIELD_NAMES:
            self.set_field(name, field_of(source, name))
        if self.article.metadata != source.metadata:
            self.article.metadata = dict(source.metadata)
            self._touch()

    def set_body(self, text: str) -> None:
        if text == self.article.body:
            return
        self.article.body = text
        self._touch()
        self.bodyChanged.emit()

    def mark_changed(self) -> None:
        """Something of the article changed outside the fields and body (say, what it remembers
        of its post on a site): it has unsaved changes now."""
        self._touch()

    def _touch(self) -> None:
        self.article.modified = now_utc()
        self._set_dirty(True)

    # --- photos --------------------------------------------------------------------------------

    def attach_photo(
        self, data: bytes, prepared: PreparedPhoto, original_name: str
    ) -> tuple[ImageRef, bool]:
        """Store a photo (once, however often it is added); returns its record and if it is new."""
        image, is_new = photo_files.stored_photo_record(
            self.article, self.media, data, prepared, original_name
        )
        if is_new:
            after = [*self.article.photos, image]
            self.photo_undo.push(
                _PhotoListCommand(
                    self,
                    QCoreApplication.translate("ArticleDocument", "Add photo {photo}").format(
                        photo=image.id
                    ),
                    after,
                )
            )
        return image, is_new

    def add_photos_from(self, photos: list[ImageRef], media: MediaStore) -> dict[str, str]:
        """Take photos made apart from the article (a paste's) into it, files and all, as one
        step of the photo undo; returns each one's id here by its id there.

        Each gets an id no photo of the article has; a photo whose file the article already
        holds is that photo, as a photo added twice is.
        """
        after = list(self.article.photos)
        ids: dict[str, str] = {}
        for image in photos:
            path = image.media_path
            if path and path in media:
                self.media.set_bytes(path, media.read(path))
                for derived in media.derived_paths(path):
                    self.media.set_bytes(derived, media.read(derived))
                same_file = next((known for known in after if known.media_path == path), None)
                if same_file is not None:
                    ids[image.id] = same_file.id
                    continue
            added = dataclasses.replace(
                image, id=photo_ops.free_photo_id(known.id for known in after), featured=False
            )
            after.append(added)
            ids[image.id] = added.id
        count = len(after) - len(self.article.photos)
        if count:
            # One text for one and one for many, the count filled in after translating: Qt finds
            # the translation of a %n entry lupdate did not mark as plural only for one.
            text = (
                QCoreApplication.translate("ArticleDocument", "Paste {count} photo")
                if count == 1
                else QCoreApplication.translate("ArticleDocument", "Paste {count} photos")
            ).format(count=count)
            self.photo_undo.push(_PhotoListCommand(self, text, after))
        return ids

    def set_window_copies(self, media_path: str, thumbnail: bytes, display: bytes) -> None:
        """Keep the copies made from the original of ``media_path`` (see
        editor.media.window_copies); nothing of the article changes."""
        self.media.set_bytes(self.media.derived_path(media_path, "thumb"), thumbnail)
        self.media.set_bytes(self.media.derived_path(media_path, "display"), display)
        self.photoCopiesReady.emit()

    def remove_photo(self, photo_id: str) -> None:
        self.photo_undo.push(_RemovePhotoCommand(self, photo_id))

    def move_photo(self, photo_id: str, new_index: int) -> None:
        after = list(self.article.photos)
        image = next(p for p in after if p.id == photo_id)
        after.remove(image)
        after.insert(max(0, min(new_index, len(after))), image)
        self.photo_undo.push(
            _PhotoListCommand(
                self,
                QCoreApplication.translate("ArticleDocument", "Move photo {photo}").format(
                    photo=photo_id
                ),
                after,
            )
        )

    def set_featured(self, photo_id: str | None) -> None:
        self.photo_undo.push(_FeaturedCommand(self, photo_id))

    def set_photo_field(self, photo_id: str, name: str, value: str) -> None:
        if name not in PHOTO_TEXT_FIELDS | PHOTO_LIST_FIELDS:
            raise KeyError(name)
        image = self.article.photo(photo_id)
        stored: str | list[str] = (
            photo_ops.split_list(value) if name in PHOTO_LIST_FIELDS else value
        )
        if image is None or getattr(image, name) == stored:
            return
        setattr(image, name, stored)
        self._touch()
        self.photoChanged.emit(photo_id)

    def set_photo_crop(
        self, photo_id: str, crop: Crop | None, focal: tuple[float, float] | None
    ) -> None:
        image = self.article.photo(photo_id)
        if image is None or (image.crop, image.focal) == (crop, focal):
            return
        self.photo_undo.push(_CropCommand(self, image, crop, focal))

    def _photos_changed(self) -> None:
        self._touch()
        self.photosChanged.emit()

    # --- whole documents -----------------------------------------------------------------------

    def replace(
        self,
        article: Article,
        media: MediaStore,
        path: Path | None,
        *,
        revisions: RevisionStore | None = None,
        lock: ArticleLock | None = None,
        read_only: bool = False,
    ) -> None:
        self.article, self.media, self.path = article, media, path
        self.revisions = revisions or RevisionStore()
        self._take_lock(lock)
        self._set_read_only(read_only)
        self.disk_stamp = stamp_file(path) if path else None
        self.photo_undo.clear()
        self._set_dirty(False)
        self.replaced.emit()
        self.pathChanged.emit()
        self.revisionsChanged.emit()

    def new(self, article: Article | None = None) -> None:
        """A new unsaved story: ``article`` (one started from the preferences) or a blank one.
        Either way it has no unsaved changes until the reporter makes some."""
        self.replace(article or Article(), MediaStore(), None)

    def open(self, path: Path, *, read_only: bool = False) -> None:
        """Load ``path``; raises PackageError (with a one-line message) and changes nothing then.

        Unless ``read_only``, the article is locked first: ArticleLocked if another live
        Dateline window has it open for writing.
        """
        lock = None if read_only else self._lock_for(path)
        try:
            loaded: LoadedPackage = load_package(path)
        except BaseException:
            if lock is not None and lock is not self.lock:
                lock.release()
            raise
        self.replace(
            loaded.article,
            loaded.media,
            path,
            revisions=loaded.revisions,
            lock=lock,
            read_only=read_only,
        )

    def reload(self) -> None:
        """Read the file again as it is on disk now, dropping unsaved changes."""
        if self.path is None:
            raise ValueError("no file to reload")
        self.open(self.path, read_only=self.read_only)

    def save(self, path: Path | None = None, *, note: str = "") -> None:
        """Save to ``path`` or the current file; on PackageError the document stays dirty.

        The save keeps the previous file as a backup and adds a revision (with ``note``). A
        read-only article can only be saved under another name; saving under another name
        locks that file (ArticleLocked if another window has it) and unlocks this one.
        """
        target = path or self.path
        if target is None:
            raise ValueError("no file name to save to")
        same_file = self.path is not None and _same_path(target, self.path)
        if same_file and self.read_only:
            raise PackageError(
                QCoreApplication.translate(
                    "ArticleDocument",
                    "{name} is open read-only: use Save As to save it under another name",
                ).format(name=target.name)
            )
        lock = self.lock if same_file and self.lock is not None else self._lock_for(target)
        try:
            save_package(
                target,
                self.article,
                self.media,
                revisions=self.revisions,
                add_revision=True,
                note=note,
                backup=True,
            )
        except BaseException:
            if lock is not None and lock is not self.lock:
                lock.release()
            raise
        self._take_lock(lock)
        self._set_read_only(False)
        self.disk_stamp = stamp_file(target)
        if target != self.path:
            self.path = target
            self.pathChanged.emit()
        self._set_dirty(False)
        self.revisionsChanged.emit()

    def changed_on_disk(self) -> bool:
        """True when another program changed the file since it was opened or saved here."""
        if self.path is None:
            return False
        if changed_on_disk(self.path, self.disk_stamp):
            return True
        stamp = self.disk_stamp
        if stamp is not None and self.disk_state_now() != (stamp.size, stamp.mtime_ns):
            # Same bytes with a new time (a touch): remember the time, so they are not hashed
            # again. A file as it was stamped (every check on focus) is never read.
            fresh = stamp_file(self.path, wait=True)
            if fresh is not None and fresh.digest == stamp.digest:
                self.disk_stamp = fresh
        return False

    def disk_state_now(self) -> tuple[int, int] | None:
        """The file's size and time now: tells one change on disk from the next."""
        try:
            info = self.path.stat() if self.path else None
        except OSError:
            return None
        return (info.st_size, info.st_mtime_ns) if info else None

    def restore_revision(self, revision: Revision) -> None:
        """Put ``revision``'s fields and body back, as a new revision. It is the one the History
        view read (from ``self.revisions``), so it is not read from the package again.

        The current state is saved as a revision first (unless it is the newest already), so a
        restore can itself be undone from the history. RevisionError or PackageError if not.
        """
        if self.path is None or self.read_only:
            raise PackageError(
                QCoreApplication.translate(
                    "ArticleDocument", "Only an article open for writing can restore a revision"
                )
            )
        number = revision.number
        restored = revision.apply_to(self.article)
        if self.dirty or not len(self.revisions):
            # The history's notes are written in the window's language, as the reporter's own are.
            self.save(
                note=QCoreApplication.translate(
                    "ArticleDocument", "Before restoring revision {number}"
                ).format(number=number)
            )
        # An edit of this article, not another article: what the reporter had stays one undo
        # away (revisionRestored), and every pane follows the fields and body that changed.
        before = snapshot_article(self.article)
        changed = [
            name for name in FIELD_NAMES if field_of(restored, name) != field_of(before, name)
        ]
        for name in changed:
            target = self.article.dateline if name.startswith("dateline.") else self.article
            attribute = name.removeprefix("dateline.")
            value = field_of(restored, name)
            setattr(target, attribute, list(value) if name in LIST_FIELDS else value)
        self.article.metadata = dict(restored.metadata)
        self.article.body = restored.body
        self._touch()
        self.revisionRestored.emit(before)
        for name in changed:
            self.fieldChanged.emit(name)
        if restored.body != before.body:
            self.bodyChanged.emit()
        when = revision.saved.astimezone().strftime("%Y-%m-%d %H:%M")
        self.save(
            note=QCoreApplication.translate(
                "ArticleDocument", "Restored revision {number} of {when}"
            ).format(number=number, when=when)
        )

    def close_file(self) -> None:
        """The window is closing: release the article's lock (the article stays in memory)."""
        self._take_lock(None)

    def _lock_for(self, path: Path) -> ArticleLock | None:
        """This document's lock on ``path``, taking it if needed; None where locks cannot be
        written (a read-only folder), as a lock is then moot. ArticleLocked if held elsewhere."""
        if self.lock is not None and _same_path(self.lock.article, path):
            return self.lock
        try:
            return ArticleLock.acquire(path)
        except OSError:
            return None

    def _take_lock(self, lock: ArticleLock | None) -> None:
        old, self.lock = self.lock, lock
        if old is not None and old is not lock:
            old.release()

    def _set_read_only(self, read_only: bool) -> None:
        if read_only != self.read_only:
            self.read_only = read_only
            self.readOnlyChanged.emit(read_only)

    def mark_imported(self) -> None:
        """An imported story is new work: it has no file yet and needs saving."""
        self._set_dirty(True)


def _same_path(a: Path, b: Path) -> bool:
    return Path(a).absolute() == Path(b).absolute()


# --- undoable photo operations -----------------------------------------------------------------


class _PhotoListCommand(QUndoCommand):
    """Replace the order/contents of the photo list (add, reorder)."""

    def __init__(self, document: ArticleDocument, text: str, after: list[ImageRef]) -> None:
        super().__init__(text)
        self.document = document
        self.before = list(document.article.photos)
        self.after = list(after)

    def redo(self) -> None:
        self.document.article.photos[:] = self.after
        self.document._photos_changed()

    def undo(self) -> None:
        self.document.article.photos[:] = self.before
        self.document._photos_changed()


class _RemovePhotoCommand(QUndoCommand):
    """Remove a photo and its placements in the body; undo puts both back."""

    def __init__(self, document: ArticleDocument, photo_id: str) -> None:
        super().__init__(
            QCoreApplication.translate("ArticleDocument", "Remove photo {photo}").format(
                photo=photo_id
            )
        )
        self.document = document
        self.photo_id = photo_id
        self.saved: tuple[ImageRef, int, str] | None = None

    def redo(self) -> None:
        article = self.document.article
        self.saved = photo_ops.remove_photo(article, self.photo_id)
        if article.body != self.saved[2]:
            self.document.bodyReplaced.emit()
            self.document.bodyChanged.emit()
        self.document._photos_changed()

    def undo(self) -> None:
        assert self.saved is not None
        image, index, body = self.saved
        changed_body = self.document.article.body != body
        photo_ops.restore_photo(self.document.article, image, index, body)
        if changed_body:
            self.document.bodyReplaced.emit()
            self.document.bodyChanged.emit()
        self.document._photos_changed()


class _FeaturedCommand(QUndoCommand):
    def __init__(self, document: ArticleDocument, photo_id: str | None) -> None:
        super().__init__(QCoreApplication.translate("ArticleDocument", "Choose the lead photo"))
        self.document = document
        self.photo_id = photo_id
        featured = document.article.featured_photo()
        self.previous = featured.id if featured else None

    def _apply(self, photo_id: str | None) -> None:
        photo_ops.set_featured(self.document.article, photo_id)
        self.document._photos_changed()

    def redo(self) -> None:
        self._apply(self.photo_id)

    def undo(self) -> None:
        self._apply(self.previous)


class _CropCommand(QUndoCommand):
    def __init__(
        self,
        document: ArticleDocument,
        image: ImageRef,
        crop: Crop | None,
        focal: tuple[float, float] | None,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("ArticleDocument", "Crop photo {photo}").format(
                photo=image.id
            )
        )
        self.document = document
        self.image = image
        self.before = (image.crop, image.focal)
        self.after = (crop, focal)

    def _apply(self, values: tuple[Crop | None, tuple[float, float] | None]) -> None:
        self.image.crop, self.image.focal = values
        self.document._touch()
        self.document.photoChanged.emit(self.image.id)

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)

    def id(self) -> int:  # consecutive drags of one photo's crop merge into one undo step
        return 1001

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _CropCommand) or other.image is not self.image:
            return False
        self.after = other.after
        return True
