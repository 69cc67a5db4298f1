"""Renditions made once: the encoded pixels of every published copy, kept in the user's cache.

Making the copies of twenty 24-megapixel photos takes seconds (decoding, cropping, scaling,
encoding); copying them takes milliseconds. So each copy's pixels are kept under a key made of
everything that decides them: the SHA-256 of the original's bytes (never the name a package
gives the file: anyone can name a file after another photo's hash), the crop, the widest width
of the ladder the copy was scaled from, its own width, its format, and a generation that names
the encoders' settings and versions. Orientation and colour profile are read from the original's
bytes, so its hash covers them.

Where: a per-user cache (``editor.paths.cache_dir``), not the story package. A copy can always
be made again from the original, so losing it costs only time; a package stays the size of its
originals, small enough to mail, and a package made elsewhere can never hand us copies it
claims are of its photos (the reason ``editor.model.media_store`` ignores a package's
thumbnails). The cache is shared by the window, which fills it when a photo arrives or its
crop changes, and the command line, which fills it on a first export.

What is kept is pixels only: the caption, credit and the rest change far more often than a
crop, and are written in (``renditions.finish_renditions``) at export, which costs a few
milliseconds a copy and gives the very bytes a fresh rendition has. Each entry is written
whole or not at all and carries the SHA-256 of its bytes, checked on every read: a damaged or
cut entry is deleted and made again. The folder is pruned to ``MAX_CACHE_BYTES``, least
recently used first; it is readable by its owner only.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import logging
import os
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import PIL

from editor.media.private_files import private_folders, write_private
from editor.media.renditions import (
    JPEG_QUALITY,
    WEBP_QUALITY,
    Encoding,
    Rendition,
    RenditionJob,
    finish_renditions,
    make_encodings,
    rendition_plan,
    run_jobs,
)
from editor.paths import cache_dir

logger = logging.getLogger(__name__)

CACHE_FOLDER = "renditions"
# Bump RECIPE whenever making a copy changes (filters, decode scale, colour handling): copies
# made otherwise are then never mixed with these. Pillow's version stands for its encoders.
RECIPE = 1
GENERATION = f"v{RECIPE}-jpeg{JPEG_QUALITY}-webp{WEBP_QUALITY}-pillow{PIL.__version__}"
# About twenty stories of twenty photos at every export width.
MAX_CACHE_BYTES = 1024 * 1024 * 1024

_MAGIC = b"DLRN"
# Magic, width, height, then the SHA-256 of the encoded bytes that follow.
_HEADER = struct.Struct(">4sII32s")
_SUFFIX = ".rendition"
# An original's upright width, by its SHA-256, with a check: what a stored copy's key needs.
_WIDTH_SUFFIX = ".width"


@dataclass(frozen=True)
class EncodingKey:
    """What decides one copy's pixels (see the module's docstring)."""

    original: str  # SHA-256 of the original's bytes, hex
    crop: tuple[float, float, float, float]  # left, top, right, bottom, clamped to the picture
    top: int
    width: int
    format: str

    def file_name(self) -> str:
        crop = ",".join(repr(float(value)) for value in self.crop)
        text = f"{self.original}|{crop}|{self.top}|{self.width}|{self.format}"
        return hashlib.sha256(text.encode()).hexdigest() + _SUFFIX


class RenditionStore:
    """One folder of encoded copies; every failure to read or write it is passed over (the
    copy is then made, or made again next time)."""

    def __init__(self, folder: Path, max_bytes: int = MAX_CACHE_BYTES) -> None:
        self.folder = folder
        self.max_bytes = max_bytes

    @classmethod
    def for_user(cls) -> RenditionStore:
        return cls(cache_dir() / CACHE_FOLDER / GENERATION)

    def get(self, key: EncodingKey) -> Encoding | None:
        path = self.folder / key.file_name()
        try:
            stored = path.read_bytes()
        except OSError:
            return None
        encoding = _decoded(stored, key)
        if encoding is None:
            logger.info("a damaged cached photo copy is made again: %s", path.name)
            path.unlink(missing_ok=True)
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: pruned last
        return encoding

    def put(self, key: EncodingKey, encoding: Encoding) -> None:
        header = _HEADER.pack(
            _MAGIC, encoding.width, encoding.height, hashlib.sha256(encoding.data).digest()
        )
        try:
            private_folders(self.folder)
            write_private(self.folder / key.file_name(), header + encoding.data)
        except OSError:
            logger.debug("a photo copy could not be cached", exc_info=True)

    def upright_width(self, original: str) -> int | None:
        """The width of the original whose SHA-256 is ``original``, as remembered, or None."""
        try:
            text = (self.folder / f"{original}{_WIDTH_SUFFIX}").read_bytes()
            width = int(text.split()[1])
        except (OSError, ValueError, IndexError):
            return None
        return width if width > 0 and text == _width_text(original, width) else None

    def remember_width(self, original: str, width: int) -> None:
        try:
            private_folders(self.folder)
            write_private(self.folder / f"{original}{_WIDTH_SUFFIX}", _width_text(original, width))
        except OSError:
            logger.debug("a photo's width could not be cached", exc_info=True)

    def prune(self) -> None:
        """Delete the least recently used copies until the folder holds at most ``max_bytes``."""
        entries = []
        total = 0
        try:
            paths = [*self.folder.glob(f"*{_SUFFIX}"), *self.folder.glob(f"*{_WIDTH_SUFFIX}")]
        except OSError:
            return
        for path in paths:
            try:
                stat = path.stat()
            except OSError:
                continue
            entries.append((stat.st_mtime, stat.st_size, path))
            total += stat.st_size
        for _, size, path in sorted(entries):
            if total <= self.max_bytes:
                break
            path.unlink(missing_ok=True)
            total -= size


def stored_renditions(
    jobs: list[RenditionJob],
    store: RenditionStore,
    *,
    parallel: bool = True,
    parallel_min_bytes: int = 0,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, list[Rendition]]:
    """What ``make_all_renditions(jobs)`` gives, byte for byte, with the copies' pixels taken
    from ``store`` where it has them; those it lacks are made and stored (in worker processes
    when ``parallel`` and their originals hold at least ``parallel_min_bytes``). Keyed by
    photo id in the order of ``jobs``; after a cancel, the photos finished so far. A photo that
    cannot be used raises its MediaError."""
    found: dict[str, list[Encoding]] = {}
    keys: dict[str, list[EncodingKey]] = {}
    missing: list[RenditionJob] = []
    for job in jobs:
        keys[job.photo_id] = encoding_keys(job, store)
        cached = [store.get(key) for key in keys[job.photo_id]]
        if all(encoding is not None for encoding in cached):
            found[job.photo_id] = [encoding for encoding in cached if encoding is not None]
        else:
            missing.append(job)
    total, hits = len(jobs), len(found)
    if progress and hits:
        progress(hits, total)

    def made_progress(done: int, _: int) -> None:
        if progress:
            progress(hits + done, total)

    parallel = parallel and sum(len(job.data) for job in missing) >= parallel_min_bytes
    made = run_jobs(
        make_encodings, missing, parallel=parallel, progress=made_progress, cancelled=cancelled
    )
    for photo_id, encodings in made.items():
        for encoding in encodings:
            store.put(_key_of(encoding, keys[photo_id]), encoding)
        found[photo_id] = encodings
    if made:
        store.prune()
    return {
        job.photo_id: finish_renditions(found[job.photo_id], job)
        for job in jobs
        if job.photo_id in found
    }


def warm(job: RenditionJob, store: RenditionStore) -> bool:
    """Make and store the copies of ``job`` that ``store`` lacks (all of them, from one
    decode); True if any were made. MediaError if the photo is unusable."""
    keys = encoding_keys(job, store)
    if all(store.get(key) is not None for key in keys):
        return False
    for encoding in make_encodings(job):
        store.put(_key_of(encoding, keys), encoding)
    store.prune()
    return True


def encoding_keys(job: RenditionJob, store: RenditionStore | None = None) -> list[EncodingKey]:
    """The keys of the encodings ``make_encodings(job)`` makes, in its order; MediaError if
    the photo or its crop is unusable (as making it would). The photo's width is read from
    ``store`` when it holds it (reading the header walks every scan of the original)."""
    original = hashlib.sha256(job.data).hexdigest()
    known = store.upright_width(original) if store is not None else None
    crop, widths, upright_width = rendition_plan(job, known)
    if store is not None and known is None:
        store.remember_width(original, upright_width)
    if not widths:
        return []
    box = (crop.left, crop.top, crop.right, crop.bottom)
    return [
        EncodingKey(original, box, widths[-1], width, kind)
        for width in widths
        for kind in job.formats
    ]


def _key_of(encoding: Encoding, keys: list[EncodingKey]) -> EncodingKey:
    """The key an encoding made for ``keys``' photo and crop is stored under, from what it
    says it is (never from its position in the list)."""
    return dataclasses.replace(
        keys[0], top=encoding.top, width=encoding.ladder_width, format=encoding.format
    )


def _width_text(original: str, width: int) -> bytes:
    check = hashlib.sha256(f"{original} {width}".encode()).hexdigest()[:16]
    return f"{original} {width} {check}\n".encode()


def _decoded(stored: bytes, key: EncodingKey) -> Encoding | None:
    """The entry's encoding, or None if it is cut short, damaged or not an entry at all."""
    if len(stored) <= _HEADER.size:
        return None
    magic, width, height, digest = _HEADER.unpack_from(stored)
    data = stored[_HEADER.size :]
    if magic != _MAGIC or hashlib.sha256(data).digest() != digest or not width or not height:
        return None
    return Encoding(key.top, key.width, key.format, width, height, data)
