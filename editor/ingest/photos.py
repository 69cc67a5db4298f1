"""Image references, the story's photo records, and the local photo files they are read from.

Local photo files are copied into the MediaStore; web addresses are never fetched. Only files
inside the story's own folder are taken unless the reporter allows more: a Markdown file from
someone else can name any picture on the disk (``../``, an absolute path, a link in the folder
that points elsewhere: links are followed before judging), an ID scan or a source's photo with
its GPS position. Each photo taken is noted, for the reporter to see what went in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote

from editor.ingest.text import _plain
from editor.media.attach import fill_details, gps_warning, store_photo
from editor.media.errors import MediaError
from editor.media.probe import prepare_photo
from editor.model.article import ImageRef
from editor.model.media_store import MediaStore

# Far above any camera's JPEG; keeps a stray video or disk image out of memory.
MAX_PHOTO_BYTES = 100 * 1024 * 1024

_IMAGE_RE = re.compile(
    r"!\[(?P<alt>[^\]\n]*)\]\(\s*(?:<(?P<angled>[^>\n]*)>|(?P<src>[^)\s]*))"
    r"""(?:\s+(?:"(?P<title>[^"\n]*)"|'(?P<single>[^'\n]*)'))?\s*\)"""
)
_IMAGE_LINE_RE = re.compile(rf"\s*(?:{_IMAGE_RE.pattern})\s*")


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

    def __init__(
        self,
        base_dir: Path | None,
        media: MediaStore,
        warnings: list[str],
        *,
        allow_outside: bool = False,
    ) -> None:
        self.base_dir = base_dir
        self.media = media
        self.warnings = warnings
        self.allow_outside = allow_outside
        self.notes: list[str] = []  # one per photo taken
        self.outside: list[str] = []  # sources left out for lying outside base_dir
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
        real = _real_path(path)
        if not self.allow_outside and not self._inside_folder(real):
            self.outside.append(src)
            self.warnings.append(f"Photo left out: {src} is outside the story's folder")
            return
        try:
            data = _read_photo_bytes(path)
            prepared = prepare_photo(data, path.name, display_copy=False)
        except (_PhotoRefused, MediaError) as error:
            self.warnings.append(f"Photo could not be used: {src} ({error})")
            return
        image.media_path = store_photo(self.media, data, prepared)
        image.format, image.width, image.height = prepared.format, prepared.width, prepared.height
        image.has_gps = prepared.has_gps
        shown = src if real is None or real == path.absolute() else f"{src} ({real})"
        self.notes.append(f"photo {image.id}: took {shown}")
        if prepared.has_gps:
            self.warnings.append(gps_warning(path.name))
        found = prepared.metadata  # what the text gave wins; the file fills the gaps
        image.caption = image.caption or found.caption
        image.credit = image.credit or found.credit or found.byline
        image.copyright = image.copyright or found.copyright
        image.alt = image.alt or found.alt
        fill_details(image, found)

    def _inside_folder(self, real: Path | None) -> bool:
        """Whether the file, links followed, lies in the story's folder (or below it)."""
        folder = _real_path(self.base_dir) if self.base_dir is not None else None
        return real is not None and folder is not None and real.is_relative_to(folder)

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


def _real_path(path: Path) -> Path | None:
    """``path`` absolute with every link followed; None if that cannot be told (a link loop)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
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
