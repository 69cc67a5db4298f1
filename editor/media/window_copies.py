"""The window's copies of a photo (thumbnail, display image), made from the original and kept
in the user's cache under the SHA-256 of the original's bytes.

A package carries such copies too (``thumbs/``), but anyone can replace them with another
picture, and the reporter would approve one photo and publish another: they are never read
(see ``editor.model.media_store``). Opening a story makes them again in the background; the
cache, keyed by what the original's bytes are (never by the name a package gives them), makes
opening it again as quick as reading a package's copies was. The cache holds decoded pixels
only (no EXIF, so no GPS position), in a folder only its owner can read, and is pruned to a
size; losing it costs only time, so a cache that cannot be written is passed over.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from editor.media.private_files import private_folders, write_private
from editor.media.probe import (
    DISPLAY_QUALITY,
    DISPLAY_SIDE,
    THUMBNAIL_QUALITY,
    THUMBNAIL_SIDE,
    make_window_copies,
)
from editor.paths import cache_dir

logger = logging.getLogger(__name__)

CACHE_FOLDER = "photo-copies"
# Copies made with other sizes or qualities are never mixed with these.
_GENERATION = f"v1-{THUMBNAIL_SIDE}q{THUMBNAIL_QUALITY}-{DISPLAY_SIDE}q{DISPLAY_QUALITY}"
# About 700 photos' copies; the least recently used go first.
MAX_CACHE_BYTES = 256 * 1024 * 1024


def window_copies(data: bytes, name: str) -> tuple[bytes, bytes]:
    """The thumbnail and display JPEGs of the photo in ``data``, from the cache or made now
    (MediaError naming ``name`` if the photo is unusable). Safe to call from any thread."""
    digest = hashlib.sha256(data).hexdigest()
    folder = copies_folder()
    cached = _read_cached(folder, digest)
    if cached is not None:
        return cached
    thumbnail, display = make_window_copies(data, name)
    try:
        _store(folder, digest, thumbnail, display)
    except OSError:
        logger.debug("the copies of %s could not be cached", name, exc_info=True)
    return thumbnail, display


def remember_window_copies(data: bytes, thumbnail: bytes, display: bytes) -> None:
    """Cache the copies ``prepare_photo`` made of ``data`` when it was added, so that opening
    the story later finds them."""
    try:
        _store(copies_folder(), hashlib.sha256(data).hexdigest(), thumbnail, display)
    except OSError:
        logger.debug("the copies of a photo could not be cached", exc_info=True)


def copies_folder() -> Path:
    return cache_dir() / CACHE_FOLDER / _GENERATION


def _paths(folder: Path, digest: str) -> tuple[Path, Path]:
    return folder / f"{digest}-thumb.jpg", folder / f"{digest}-display.jpg"


def _read_cached(folder: Path, digest: str) -> tuple[bytes, bytes] | None:
    thumb_path, display_path = _paths(folder, digest)
    try:
        copies = thumb_path.read_bytes(), display_path.read_bytes()
        os.utime(display_path)  # recently used: pruned last
    except OSError:
        return None
    return copies if all(copies) else None


def _store(folder: Path, digest: str, thumbnail: bytes, display: bytes) -> None:
    private_folders(folder)
    for path, data in zip(_paths(folder, digest), (thumbnail, display), strict=True):
        write_private(path, data)
    _prune(folder, MAX_CACHE_BYTES)


def _prune(folder: Path, max_bytes: int) -> None:
    """Delete the least recently used copies until the folder holds at most ``max_bytes``."""
    entries = []
    total = 0
    for path in folder.glob("*-display.jpg"):
        digest = path.name.removesuffix("-display.jpg")
        thumb_path, _ = _paths(folder, digest)
        try:
            stat = path.stat()
            size = stat.st_size + (thumb_path.stat().st_size if thumb_path.exists() else 0)
        except OSError:
            continue
        entries.append((stat.st_mtime, size, path, thumb_path))
        total += size
    for _, size, display_path, thumb_path in sorted(entries):
        if total <= max_bytes:
            break
        display_path.unlink(missing_ok=True)
        thumb_path.unlink(missing_ok=True)
        total -= size
