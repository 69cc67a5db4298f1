"""The photo files of one article, addressed by their path inside the package.

Files are named by the SHA-256 of their bytes, so the same photo added twice is stored once.
A loaded package's files stay in its zip until asked for (opening an article with twenty 10 MB
photos must not read 200 MB); newly added files are held in memory until the next save.

The images derived from a photo (the window's thumbnail and display copy) are held apart, in
memory, and only ever made by this program from the photo's own bytes: a package's ``thumbs/``
(or a recovery file's) are never read, because anyone can replace them with another picture and
the reporter would approve one photo and publish another. Saving still writes the copies made
here, for versions of Dateline that show a package's copies.
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import Path

MEDIA_DIR = "media"
# Images derived from a photo (thumbnail, preview-size display copy).
DERIVED_DIR = "thumbs"
DERIVED_KINDS = ("thumb", "display")


@dataclass(frozen=True)
class ZipEntry:
    """A file that lives in a package on disk."""

    archive: Path
    name: str
    size: int


class MediaStore:
    def __init__(self) -> None:
        self._sources: dict[str, bytes | ZipEntry] = {}
        # Derived images made in this process from the originals above, by derived path.
        self._derived: dict[str, bytes] = {}

    @staticmethod
    def path_for(data: bytes, extension: str) -> str:
        digest = hashlib.sha256(data).hexdigest()
        return f"{MEDIA_DIR}/{digest}.{extension.lower().lstrip('.')}"

    @staticmethod
    def derived_path(media_path: str, kind: str) -> str:
        """Where an image derived from ``media_path`` lives: thumbs/<sha>-<kind>.jpg."""
        stem = media_path.rsplit("/", 1)[-1].split(".", 1)[0]
        return f"{DERIVED_DIR}/{stem}-{kind}.jpg"

    @staticmethod
    def is_derived(path: str) -> bool:
        return path.startswith(f"{DERIVED_DIR}/")

    def derived_paths(self, media_path: str) -> list[str]:
        """The derived images of ``media_path`` that the store holds."""
        paths = (self.derived_path(media_path, kind) for kind in DERIVED_KINDS)
        return [path for path in paths if path in self._derived]

    def set_bytes(self, path: str, data: bytes) -> None:
        """Store ``data`` under ``path``: a derived image made here from its original (whose
        name is not a content hash), or a photo file's bytes (a recovered article's)."""
        if self.is_derived(path):
            self._derived[path] = data
        else:
            self._sources[path] = data

    def add_bytes(self, data: bytes, extension: str) -> str:
        """Store ``data`` and return its package path; adding the same bytes again is free."""
        media_path = self.path_for(data, extension)
        self._sources.setdefault(media_path, data)
        return media_path

    def add_zip_entry(self, media_path: str, entry: ZipEntry) -> None:
        """Register a file that lies in a zip; a derived image there is ignored (never trusted:
        the window makes its own from the original)."""
        if not self.is_derived(media_path):
            self._sources[media_path] = entry

    def __contains__(self, media_path: object) -> bool:
        return media_path in self._sources or media_path in self._derived

    def paths(self) -> list[str]:
        return sorted([*self._sources, *self._derived])

    def size(self, media_path: str) -> int:
        source = self.source(media_path)
        return len(source) if isinstance(source, bytes) else source.size

    def read(self, media_path: str) -> bytes:
        source = self.source(media_path)
        if isinstance(source, bytes):
            return source
        with zipfile.ZipFile(source.archive) as archive:
            return archive.read(source.name)

    def source(self, media_path: str) -> bytes | ZipEntry:
        derived = self._derived.get(media_path)
        return derived if derived is not None else self._sources[media_path]

    def discard(self, media_path: str) -> None:
        self._sources.pop(media_path, None)
        self._derived.pop(media_path, None)

    def rebase(self, archive: Path) -> None:
        """After a save to ``archive``, read files from there (the old file may be gone).

        Derived images stay in memory: read back from the file, they would be a file's copies.
        """
        self._sources = {
            media_path: ZipEntry(archive, media_path, self.size(media_path))
            for media_path in self._sources
        }
