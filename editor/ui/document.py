"""The open article as the window sees it: one object that edits the model and says what changed.

Panes never touch each other. They call ``set_field``/``set_body`` and listen to the signals,
refreshing only what they show (the preview re-renders the header for a field, the body for the
body).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from editor.model.article import Article, Dateline, now_utc
from editor.model.media_store import MediaStore
from editor.model.package import LoadedPackage, load_package, save_package

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


class ArticleDocument(QObject):
    fieldChanged = Signal(str)  # a field name, e.g. "headline" or "dateline.place"
    bodyChanged = Signal()
    photosChanged = Signal()
    replaced = Signal()  # a whole new article (new, open, import)
    pathChanged = Signal()
    dirtyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.article = Article()
        self.media = MediaStore()
        self.path: Path | None = None
        self._dirty = False

    # --- state ---------------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)

    def display_name(self) -> str:
        return self.path.name if self.path else "Untitled"

    # --- editing -------------------------------------------------------------------------------

    def field_value(self, name: str) -> Any:
        if name.startswith("dateline."):
            return getattr(self.article.dateline, name.removeprefix("dateline."))
        return getattr(self.article, name)

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

    def set_body(self, text: str) -> None:
        if text == self.article.body:
            return
        self.article.body = text
        self._touch()
        self.bodyChanged.emit()

    def _touch(self) -> None:
        self.article.modified = now_utc()
        self._set_dirty(True)

    # --- whole documents -----------------------------------------------------------------------

    def replace(self, article: Article, media: MediaStore, path: Path | None) -> None:
        self.article, self.media, self.path = article, media, path
        self._set_dirty(False)
        self.replaced.emit()
        self.pathChanged.emit()

    def new(self) -> None:
        self.replace(Article(), MediaStore(), None)

    def open(self, path: Path) -> None:
        """Load ``path``; raises PackageError (with a one-line message) and changes nothing then."""
        loaded: LoadedPackage = load_package(path)
        self.replace(loaded.article, loaded.media, path)

    def save(self, path: Path | None = None) -> None:
        """Save to ``path`` or the current file; on PackageError the document stays dirty."""
        target = path or self.path
        if target is None:
            raise ValueError("no file name to save to")
        save_package(target, self.article, self.media)
        if target != self.path:
            self.path = target
            self.pathChanged.emit()
        self._set_dirty(False)

    def mark_imported(self) -> None:
        """An imported story is new work: it has no file yet and needs saving."""
        self._set_dirty(True)
