"""Image references, the story's photo records, and the local photo files they are read from.

Local photo files are copied into the MediaStore; web addresses are never fetched.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote

from PIL import Image

from editor.model.article import ImageRef
from editor.model.ingest.text import _plain
from editor.model.media_store import MediaStore

# Far above any camera's JPEG; keeps a stray video or disk image out of memory.
MAX_PHOTO_BYTES = 100 * 1024 * 1024

_IMAGE_RE = re.compile(
    r"!\[(?P<alt>[^\]\n]*)\]\(\s*(?:<(?P<angled>[^>\n]*)>|(?P<src>[^)\s]*))"
    r"""(?:\s+(?:"(?P<title>[^"\n]*)"|'(?P<single>[^'\n]*)'))?\s*\)"""
)
_IMAGE_LINE_RE = re.compile(rf"\s*(?:{_IMAGE_RE.pattern})\s*")
_PILLOW_EXTENSIONS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
# Only these decoders see the file (Pillow's JPEG decoder also opens multi-picture MPO files).
_PILLOW_DECODERS = ["JPEG", "PNG", "GIF", "WEBP"]
_SWAPPED_ORIENTATIONS = {5, 6, 7, 8}  # EXIF orientations that turn the picture by 90°
_EXIF_ORIENTATION = 0x0112


def _is_image_line(line: str) -> bool:
    return _IMAGE_LINE_RE.fullmatch(line) is not None


def _image_parts(match: re.Match[str]) -> tuple[str, str, str]:
    """Alt text, source and title of a Markdown image."""
    src = match["angled"] if match["angled"] is not None else match["src"]
    title = match["title"] if match["title"] is not None else (match["single"] or "")
    return match["alt"].strip(), src.strip(), title.strip()


class _PhotoRefused(Exception):
    """A local photo file that cannot be used; the message says why."""


class _Photos:
    """The story's photo records, numbered p1, p2... in order, with their files when found."""

    def __init__(self, base_dir: Path | None, media: MediaStore, warnings: list[str]) -> None:
        self.base_dir = base_dir
        self.media = media
        self.warnings = warnings
        self.records: list[ImageRef] = []
        self._by_key: dict[str, ImageRef] = {}

    def add(self, image: ImageRef, file: str, keys: Iterable[str] = ()) -> ImageRef:
        """Number ``image``, load ``file`` into it if found, and index it under ``keys``."""
        image.id = f"p{len(self.records) + 1}"
        self.records.append(image)
        for key in keys:
            if key:
                self._by_key.setdefault(key, image)
        self._attach_file(image, file)
        return image

    def place_all(self, line: str, *, reuse: bool) -> tuple[str, list[ImageRef]]:
        """``line`` with each image replaced by a placement of its photo record.

        With ``reuse``, an image whose source names a known record (front matter) places that
        record; otherwise every image gets a record of its own.
        """
        placed: list[ImageRef] = []

        def placement(match: re.Match[str]) -> str:
            image = self._record_for(match, reuse=reuse)
            placed.append(image)
            return f"![](photo:{image.id})"

        return _IMAGE_RE.sub(placement, line), placed

    def _record_for(self, match: re.Match[str], *, reuse: bool) -> ImageRef:
        alt, src, title = _image_parts(match)
        known = self._find(src) if reuse else None
        if known is None:
            record = ImageRef(id="", original_name=src, alt=alt, caption=title)
            return self.add(record, src, keys=(src,))
        self._merge_alt(known, alt)
        return known

    def _find(self, src: str) -> ImageRef | None:
        return self._by_key.get(src) or self._by_key.get(src.removeprefix("photo:"))

    def _merge_alt(self, image: ImageRef, alt: str) -> None:
        if not alt or _plain(alt) == _plain(image.alt):
            return
        if not image.alt:
            image.alt = alt
            return
        self.warnings.append(
            f"Photo {image.original_name or image.id}: the body's alt text differs from the "
            f"front matter's; kept the front matter's (body: {alt})"
        )

    def _attach_file(self, image: ImageRef, src: str) -> None:
        path = self._local_path(src)
        if path is None:
            remote = re.match(r"(?i)(?:https?|ftp)://|//", src) is not None
            note = " (web addresses are not downloaded)" if remote else ""
            self.warnings.append(f"Photo not found: {src or image.id}{note}")
            return
        try:
            data = _read_photo_bytes(path)
            image_format, width, height = _identify_photo(data)
        except _PhotoRefused as error:
            self.warnings.append(f"Photo could not be used: {src} ({error})")
            return
        image.media_path = self.media.add_bytes(data, _PILLOW_EXTENSIONS[image_format])
        image.format = "JPEG" if image_format == "MPO" else image_format
        image.width, image.height = width, height

    def _local_path(self, src: str) -> Path | None:
        """The existing file ``src`` names, or None (web addresses are never fetched)."""
        if not src or re.match(r"[A-Za-z][A-Za-z0-9+.-]+:|//", src):
            return None
        for candidate in dict.fromkeys((src, unquote(src))):
            path = Path(candidate)
            if not path.is_absolute():
                if self.base_dir is None:
                    continue
                path = self.base_dir / path
            if _is_regular_file(path):
                return path
        return None


def _is_regular_file(path: Path) -> bool:
    """Whether ``path`` is a regular file (never a device or pipe that would block a read)."""
    try:
        return path.is_file()
    except (OSError, ValueError):  # a name too long for the file system, say
        return False


def _read_photo_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_PHOTO_BYTES:
            raise _PhotoRefused(f"{size // (1024 * 1024)} MB; the limit is 100 MB")
        return path.read_bytes()
    except OSError as error:
        raise _PhotoRefused(error.strerror or str(error)) from None


def _identify_photo(data: bytes) -> tuple[str, int, int]:
    """Pillow's format name and the upright width and height of a photo file."""
    try:
        with Image.open(io.BytesIO(data), formats=_PILLOW_DECODERS) as picture:
            image_format = picture.format or ""
            width, height = picture.size
            orientation = picture.getexif().get(_EXIF_ORIENTATION)
    # Pillow's decoders raise many kinds of errors on broken or hostile files (OSError,
    # SyntaxError, struct.error, DecompressionBombError...); any of them only refuses the photo.
    except Exception as error:
        raise _PhotoRefused(_pillow_reason(error)) from None
    if image_format not in _PILLOW_EXTENSIONS:
        raise _PhotoRefused(f"{image_format or 'unknown'} images are not supported")
    if orientation in _SWAPPED_ORIENTATIONS:
        width, height = height, width
    return image_format, width, height


def _pillow_reason(error: Exception) -> str:
    if isinstance(error, Image.DecompressionBombError):
        return "too many pixels to be a photo"
    if isinstance(error, Image.UnidentifiedImageError):
        return "not a JPEG, PNG, GIF or WebP image"
    return str(error).splitlines()[0] if str(error) else type(error).__name__
