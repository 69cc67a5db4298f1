"""What a .article package is made of, shared by loading and saving: entry names, the
limits a package must keep, the one-line PackageError, and how messages name things."""

from __future__ import annotations

import errno
import re
import zipfile
import zlib
from pathlib import Path

from editor.model.article import (
    ImageRef,
)
from editor.model.media_store import DERIVED_DIR, MEDIA_DIR, ZipEntry
from editor.model.revisions import (
    MAX_REVISION_BYTES,
    MAX_REVISIONS_LOADED,
    MAX_REVISIONS_LOADED_BYTES,
    REVISIONS_DIR,
    RevisionStore,
    revision_number,
)

ARTICLE_JSON = "article.json"
BODY_MD = "body.md"

_KB = 1024
_MB = 1024 * _KB
_GB = 1024 * _MB

MAX_JSON_BYTES = 16 * _MB
MAX_BODY_BYTES = 16 * _MB
MAX_MEDIA_BYTES = 200 * _MB  # per file; also the limit for files under thumbs/
MAX_TOTAL_BYTES = 2 * _GB
MAX_ENTRIES = 10_000
# Photos barely compress, and Dateline stores them as they are: a photo file that expands 200
# times is a zip bomb. Text is another matter: a pasted table or a line of dashes deflates a
# thousand times over, so the ratio is never asked of the text entries (article.json, body.md,
# revisions), whose size is capped on its own and never read past that cap.
MAX_COMPRESSION_RATIO = 200
RATIO_CHECK_MIN_BYTES = 1 * _MB  # tiny files can have absurd ratios harmlessly
RATIO_CHECKED_FOLDERS = frozenset({MEDIA_DIR, DERIVED_DIR})

# Revisions are revisions/<n>.json; other safe names under revisions/ (a later version's) are
# accepted, ignored and not carried over by a save.
_FUTURE_FOLDERS = frozenset({REVISIONS_DIR})
# One part of an entry name. No leading dot, so "." and ".." can never match.
_SAFE_NAME_RE = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_.-]{0,119}")
_DRIVE_RE = re.compile(r"[A-Za-z]:")
_READABLE_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
# What zipfile raises for damaged data inside an entry: a bad CRC, a broken deflate stream, a
# local header that disagrees with the table of contents or asks for features nobody uses.
_CORRUPT_DATA_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    UnicodeDecodeError,
)
# What zipfile raises for a damaged table of contents (a hostile one can raise any of these).
_CORRUPT_ARCHIVE_ERRORS = (zipfile.BadZipFile, ValueError, EOFError)

# A zip entry's time: year, month, day, hour, minute, second (even), in years 1980..2107.
_ZipTime = tuple[int, int, int, int, int, int]
_ZIP_EARLIEST: _ZipTime = (1980, 1, 1, 0, 0, 0)
_ZIP_LATEST: _ZipTime = (2107, 12, 31, 23, 59, 58)
_COPY_CHUNK_BYTES = 1 * _MB

_OS_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EACCES: "permission was denied",
    errno.EPERM: "permission was denied",
    errno.ENOENT: "the file or folder does not exist",
    errno.EROFS: "the disk is read-only",
    errno.EISDIR: "a folder has that name",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EIO: "the disk reported a read or write error",
}
if hasattr(errno, "EDQUOT"):
    _OS_REASONS[errno.EDQUOT] = "the disk quota is used up"


class PackageError(Exception):
    """A package could not be opened or saved; ``str(error)`` is one line for the reporter."""

    def __init__(self, message: str) -> None:
        # The window shows the message in a single-line status; never let a name break it.
        super().__init__(" ".join(message.splitlines()))


# --- the limits, shared by loading and saving -----------------------------------------------


def size_limit(name: str) -> int:
    """The largest an entry of that name may be, unpacked."""
    if name == ARTICLE_JSON:
        return MAX_JSON_BYTES
    if name == BODY_MD:
        return MAX_BODY_BYTES
    if name.startswith(f"{REVISIONS_DIR}/"):
        return MAX_REVISION_BYTES
    return MAX_MEDIA_BYTES


def size_problem(entries: list[tuple[str, int]]) -> str | None:
    """Why a package of these (name, unpacked size) entries is refused, or None.

    The loader asks it of the sizes a zip declares and the saver of the entries it is about to
    write, so that a save never writes a file the loader would refuse.
    """
    if len(entries) > MAX_ENTRIES:
        return f"it holds {len(entries):,} files; the limit is {MAX_ENTRIES:,}"
    for name, size in entries:
        limit = size_limit(name)
        if size > limit:
            return (
                f"'{_printable(name)}' would be {_size_text(size)} when unpacked; "
                f"the limit is {_size_text(limit)}"
            )
    revisions = [size for name, size in entries if name.startswith(f"{REVISIONS_DIR}/")]
    if len(revisions) > MAX_REVISIONS_LOADED:
        return f"it holds {len(revisions):,} revisions; the limit is {MAX_REVISIONS_LOADED:,}"
    if sum(revisions) > MAX_REVISIONS_LOADED_BYTES:
        return (
            f"its revisions would take {_size_text(sum(revisions))} when unpacked; "
            f"the limit is {_size_text(MAX_REVISIONS_LOADED_BYTES)}"
        )
    total = sum(size for _name, size in entries)
    if total > MAX_TOTAL_BYTES:
        return (
            f"its files would take {_size_text(total)} when unpacked; "
            f"the limit is {_size_text(MAX_TOTAL_BYTES)}"
        )
    return None


def ratio_checked(name: str, size: int) -> bool:
    """Whether an entry's compression ratio tells a zip bomb (see MAX_COMPRESSION_RATIO)."""
    return size > RATIO_CHECK_MIN_BYTES and name.partition("/")[0] in RATIO_CHECKED_FOLDERS


# --- revisions on disk -----------------------------------------------------------------------


def revision_store_for(path: Path, entries: list[zipfile.ZipInfo]) -> RevisionStore:
    """Register every revision where it lies; none is read until the History view asks."""
    revisions = RevisionStore()
    for info in entries:
        number = revision_number(info.filename)
        if number is not None:
            revisions.add_zip_entry(number, ZipEntry(path, info.filename, info.file_size))
    return revisions


def revisions_in(path: Path | str) -> RevisionStore:
    """The revisions a package on disk holds (none if it is missing or not a readable zip)."""
    path = Path(path).absolute()
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (OSError, *_CORRUPT_ARCHIVE_ERRORS, NotImplementedError):
        return RevisionStore()
    return revision_store_for(path, entries)


# --- messages ----------------------------------------------------------------------------------


def _display_name(path: Path) -> str:
    return _printable(path.name or str(path))


def _printable(text: str, limit: int = 120) -> str:
    """``text`` safe to show on one line: control characters escaped, long names shortened."""
    shown = "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _photo_label(photo: ImageRef, index: int) -> str:
    name = f" ({_printable(photo.original_name, 60)})" if photo.original_name else ""
    return f"photo {index + 1}{name}"


def _size_text(size: int) -> str:
    for unit, name in ((_GB, "GB"), (_MB, "MB"), (_KB, "KB")):
        if size >= unit:
            return f"{round(size / unit, 1):g} {name}"
    return f"{size} bytes"


def _os_reason(error: OSError) -> str:
    if error.errno in _OS_REASONS:
        return _OS_REASONS[error.errno]
    reason = error.strerror or "the system reported an error"
    return _printable(reason[:1].lower() + reason[1:])
