"""The ``.article`` file: a zip holding ``article.json``, ``body.md`` and ``media/``.

Loading treats every file as hostile until checked: names that escape the package, duplicate or
unknown entries, sizes and compression ratios that only a zip bomb has, damaged data and newer
formats are all refused with a one-line message a reporter can act on. Nothing is extracted to
disk, and photo bytes are not read at all: the MediaStore reads them from the zip when asked.

Saving is atomic (a temporary file in the same folder, then a rename), deterministic (the same
article gives the same bytes) and fast (photos are copied from the old zip as stored bytes,
never decoded or recompressed). A save for the window also keeps the previous file as a backup
beside it (``story.article~``, replaced atomically on each save) and adds a revision inside the
package (``revisions/<n>.json``, see editor.model.revisions).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import re
import secrets
import shutil
import stat
import zipfile
import zlib
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from editor.model.article import (
    FORMAT_VERSION,
    Article,
    ArticleDataError,
    ImageRef,
    article_from_dict,
    article_to_dict,
)
from editor.model.media_store import DERIVED_DIR, MEDIA_DIR, MediaStore, ZipEntry
from editor.model.revisions import (
    MAX_REVISION_BYTES,
    MAX_REVISIONS_LOADED,
    MAX_REVISIONS_LOADED_BYTES,
    REVISIONS_DIR,
    RevisionStore,
    encode_revision,
    revision_name,
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
# Photos barely compress and text compresses about 3:1 to 10:1; only a zip bomb reaches 200:1.
MAX_COMPRESSION_RATIO = 200
RATIO_CHECK_MIN_BYTES = 1 * _MB  # tiny files can have absurd ratios harmlessly

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


@dataclass
class LoadedPackage:
    article: Article
    media: MediaStore
    revisions: RevisionStore = field(default_factory=RevisionStore)


# --- loading -----------------------------------------------------------------------------------


def load_package(path: Path | str) -> LoadedPackage:
    """Open an ``.article`` file, refusing anything damaged, hostile or too new."""
    path = Path(path).absolute()
    label = _display_name(path)
    if path.is_dir():
        raise PackageError(f"{label} is a folder, not a Dateline article")
    try:
        with open(path, "rb") as handle, _open_archive(handle, label) as archive:
            entries = _checked_entries(archive, label)
            article = _read_article(archive, label)
    except OSError as error:
        raise PackageError(f"{label} could not be opened: {_os_reason(error)}") from error
    _check_photos_present(article, {info.filename for info in entries}, label)
    return LoadedPackage(
        article, _media_store_for(path, entries), _revision_store_for(path, entries)
    )


def _open_archive(handle: IO[bytes], label: str) -> zipfile.ZipFile:
    start = handle.read(4)
    handle.seek(0)
    if not start:
        raise PackageError(f"{label} is not a Dateline article: the file is empty")
    try:
        return zipfile.ZipFile(handle)
    except _CORRUPT_ARCHIVE_ERRORS as error:
        if start == b"PK\x03\x04":  # a zip that lost its end, typically an interrupted copy
            raise PackageError(
                f"{label} is damaged: the file is incomplete or broken "
                "(perhaps an interrupted copy or download)"
            ) from error
        raise PackageError(f"{label} is not a Dateline article: it is not a zip archive") from error
    except NotImplementedError as error:
        raise PackageError(
            f"{label} cannot be opened: it was made with zip features Dateline cannot read"
        ) from error


def _checked_entries(archive: zipfile.ZipFile, label: str) -> list[zipfile.ZipInfo]:
    """The entries, once their number, names, encoding and sizes are known to be safe."""
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise PackageError(
            f"{label} is not a Dateline article: it holds {len(entries):,} files; "
            f"the limit is {MAX_ENTRIES:,}"
        )
    for info in entries:
        _check_entry_name(info.orig_filename, label)
    _check_no_duplicates(entries, label)
    for info in entries:
        _check_entry_readable(info, label)
    _check_sizes(entries, label)
    return entries


def _check_entry_name(name: str, label: str) -> None:
    if _escapes_package(name):
        raise PackageError(
            f"{label} is not a safe Dateline article: "
            f"the file name '{_printable(name)}' points outside the article"
        )
    if not _is_known_entry(name):
        raise PackageError(
            f"{label} is not a Dateline article: it holds an unexpected file '{_printable(name)}'"
        )


def _escapes_package(name: str) -> bool:
    """Names that would land outside a folder if some tool ever extracted the package."""
    return (
        "\x00" in name  # zipfile cuts names at NUL, so "a\x00/../x" would hide its real name
        or "\\" in name
        or name.startswith("/")
        or _DRIVE_RE.match(name) is not None
        or ".." in name.split("/")
    )


def _is_known_entry(name: str) -> bool:
    if name in (ARTICLE_JSON, BODY_MD, f"{MEDIA_DIR}/"):  # zip tools often add folder entries
        return True
    folder, slash, rest = name.partition("/")
    if not slash:
        return False
    if folder in (MEDIA_DIR, DERIVED_DIR):
        return _SAFE_NAME_RE.fullmatch(rest) is not None
    if folder in _FUTURE_FOLDERS:
        parts = rest.removesuffix("/").split("/") if rest else []
        return all(_SAFE_NAME_RE.fullmatch(part) for part in parts)
    return False


def _check_no_duplicates(entries: list[zipfile.ZipInfo], label: str) -> None:
    # Two entries with one name let a tool show one file and another tool the other.
    counts = Counter(info.orig_filename for info in entries)
    duplicate = next((name for name, count in counts.items() if count > 1), None)
    if duplicate is not None:
        raise PackageError(
            f"{label} is not a safe Dateline article: "
            f"it holds two files named '{_printable(duplicate)}'"
        )


def _check_entry_readable(info: zipfile.ZipInfo, label: str) -> None:
    name = _printable(info.orig_filename)
    if info.flag_bits & 0x1:
        raise PackageError(f"{label} cannot be opened: '{name}' is password-protected")
    if info.compress_type not in _READABLE_METHODS:
        raise PackageError(
            f"{label} cannot be opened: '{name}' is compressed in a way Dateline cannot read"
        )


def _check_sizes(entries: list[zipfile.ZipInfo], label: str) -> None:
    """Refuse by the sizes the zip declares, before anything is decompressed."""
    for info in entries:
        limit = _size_limit(info.filename)
        if info.file_size > limit:
            raise PackageError(
                f"{label} is not a safe Dateline article: '{_printable(info.filename)}' would be "
                f"{_size_text(info.file_size)} when unpacked; the limit is {_size_text(limit)}"
            )
    revisions = [info for info in entries if info.filename.startswith(f"{REVISIONS_DIR}/")]
    if len(revisions) > MAX_REVISIONS_LOADED:
        raise PackageError(
            f"{label} is not a safe Dateline article: it holds {len(revisions):,} revisions; "
            f"the limit is {MAX_REVISIONS_LOADED:,}"
        )
    revisions_total = sum(info.file_size for info in revisions)
    if revisions_total > MAX_REVISIONS_LOADED_BYTES:
        raise PackageError(
            f"{label} is not a safe Dateline article: its revisions would take "
            f"{_size_text(revisions_total)} when unpacked; "
            f"the limit is {_size_text(MAX_REVISIONS_LOADED_BYTES)}"
        )
    total = sum(info.file_size for info in entries)
    if total > MAX_TOTAL_BYTES:
        raise PackageError(
            f"{label} is not a safe Dateline article: its files would take "
            f"{_size_text(total)} when unpacked; the limit is {_size_text(MAX_TOTAL_BYTES)}"
        )
    for info in entries:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_CHECK_MIN_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise PackageError(
                f"{label} is not a safe Dateline article: '{_printable(info.filename)}' would "
                f"expand {ratio:,.0f} times when unpacked, as only a zip bomb does"
            )


def _size_limit(name: str) -> int:
    if name == ARTICLE_JSON:
        return MAX_JSON_BYTES
    if name == BODY_MD:
        return MAX_BODY_BYTES
    if name.startswith(f"{REVISIONS_DIR}/"):
        return MAX_REVISION_BYTES
    return MAX_MEDIA_BYTES


def _read_article(archive: zipfile.ZipFile, label: str) -> Article:
    json_text = _decode(_read_entry(archive, ARTICLE_JSON, MAX_JSON_BYTES, label), "utf-8-sig")
    if json_text is None:
        raise PackageError(f"{label} is damaged: {ARTICLE_JSON} is not valid UTF-8 text")
    # Strict UTF-8 for the body: a leading U+FEFF the reporter typed must survive a round trip.
    body = _decode(_read_entry(archive, BODY_MD, MAX_BODY_BYTES, label), "utf-8")
    if body is None:
        raise PackageError(f"{label} is damaged: {BODY_MD} is not valid UTF-8 text")
    data = _parse_json(json_text, label)
    _check_format_version(data, label)
    try:
        return article_from_dict(data, body)
    except ArticleDataError as error:
        raise PackageError(f"{label} is not a valid Dateline article: {error}") from error


def _read_entry(archive: zipfile.ZipFile, name: str, limit: int, label: str) -> bytes:
    """The entry's bytes, never decompressing more than ``limit`` whatever its header says."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise PackageError(f"{label} is not a Dateline article: it has no {name}") from None
    try:
        with archive.open(info) as stream:
            data = stream.read(limit + 1)
    except _CORRUPT_DATA_ERRORS as error:
        raise PackageError(f"{label} is damaged: {name} is corrupt") from error
    if len(data) > limit:
        raise PackageError(
            f"{label} is not a safe Dateline article: {name} is larger than {_size_text(limit)}"
        )
    return data


def _decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _parse_json(text: str, label: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise PackageError(
            f"{label} is damaged: {ARTICLE_JSON} is not valid JSON "
            f"(line {error.lineno}, column {error.colno})"
        ) from error
    except (ValueError, RecursionError) as error:  # absurdly long numbers, absurd nesting
        raise PackageError(f"{label} is damaged: {ARTICLE_JSON} is not valid JSON") from error
    if not isinstance(data, dict):
        raise PackageError(
            f"{label} is not a Dateline article: {ARTICLE_JSON} must hold a JSON object"
        )
    return data


def _check_format_version(data: dict[str, Any], label: str) -> None:
    if "format_version" not in data:
        raise PackageError(f"{label} is not a Dateline article: it has no format version")
    version = data["format_version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise PackageError(
            f"{label} is not a Dateline article: its format version is not a whole number"
        )
    if version > FORMAT_VERSION:
        raise PackageError(
            f"{label} was saved by a newer version of Dateline (format {version}); "
            f"this version reads format {FORMAT_VERSION}. Update Dateline to open it."
        )
    if version < 1:
        raise PackageError(
            f"{label} is not a Dateline article: its format version ({version}) is not valid"
        )


def _check_photos_present(article: Article, names: set[str], label: str) -> None:
    for index, photo in enumerate(article.photos):
        if photo.media_path and photo.media_path not in names:
            raise PackageError(
                f"{label} is damaged: {_photo_label(photo, index)} refers to "
                f"{photo.media_path}, which is missing from the file"
            )


def _media_store_for(path: Path, entries: list[zipfile.ZipInfo]) -> MediaStore:
    """Register every photo file (and derived image) where it lies; no photo bytes are read."""
    media = MediaStore()
    for info in entries:
        folder = info.filename.partition("/")[0]
        if folder in (MEDIA_DIR, DERIVED_DIR) and not info.is_dir():
            media.add_zip_entry(info.filename, ZipEntry(path, info.filename, info.file_size))
    return media


def _revision_store_for(path: Path, entries: list[zipfile.ZipInfo]) -> RevisionStore:
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
    return _revision_store_for(path, entries)


def backup_path(path: Path | str) -> Path:
    """Where a save keeps the previous version of ``path``: ``story.article~`` beside it."""
    path = Path(path)
    return path.with_name(path.name + "~")


# --- saving ------------------------------------------------------------------------------------


def save_package(
    path: Path | str,
    article: Article,
    media: MediaStore,
    *,
    revisions: RevisionStore | None = None,
    add_revision: bool = False,
    note: str = "",
    backup: bool = False,
) -> None:
    """Write ``article`` and the photo files it uses to ``path``, atomically.

    On failure the previous file is untouched and no temporary file is left. On success the
    store reads from the new file, and files no photo uses are dropped from it as from the file.

    ``revisions`` are the article's revisions (those of the file being replaced when None);
    with ``add_revision`` the article as saved joins them (with ``note``), and the oldest are
    dropped beyond the bounds. With ``backup`` the file being replaced becomes ``backup_path``.
    """
    target = Path(path).absolute()
    label = _display_name(target)
    json_bytes, body_bytes = _encode_article(article, label)
    media_paths = _referenced_media_paths(article, media, label)
    _check_fits_limits(media_paths, media, len(json_bytes) + len(body_bytes), label)
    stamp = _zip_timestamp(article)
    if revisions is None:
        revisions = revisions_in(target)
    plan = _plan_revisions(revisions, article, add_revision, note)
    try:
        temp, descriptor = _create_temp_file(target)
    except OSError as error:
        raise PackageError(f"{label} could not be saved: {_os_reason(error)}") from error
    try:
        with open(descriptor, "wb") as out:
            written = _write_zip(
                out, json_bytes, body_bytes, media_paths, media, plan, stamp, label
            )
            out.flush()
            os.fsync(out.fileno())
        _copy_permissions(target, temp)
        if backup:
            _keep_backup(target)
        os.replace(temp, target)
    except OSError as error:
        _remove_quietly(temp)
        raise PackageError(f"{label} could not be saved: {_os_reason(error)}") from error
    except BaseException:
        _remove_quietly(temp)
        raise
    sync_folder(target.parent)
    for unused in set(media.paths()) - set(media_paths):
        media.discard(unused)  # not in the new file, so a rebased entry would point at nothing
    media.rebase(target)
    revisions.replace_all({number: plan[number] for number in written})
    revisions.rebase(target)


def _plan_revisions(
    revisions: RevisionStore, article: Article, add: bool, note: str
) -> dict[int, bytes | ZipEntry]:
    """The revisions the new file holds, oldest first: the kept old ones and the new one."""
    sources = {number: revisions.source(number) for number in revisions.numbers()}
    if not add:
        return sources
    number = revisions.next_number()
    data = encode_revision(article, number, note)
    kept = revisions.kept_after_adding(number, len(data))
    sources[number] = data
    return {n: sources[n] for n in kept}


def _keep_backup(target: Path) -> None:
    """Make the file about to be replaced the backup, atomically; quietly skipped on failure.

    A hard link costs nothing whatever the photos weigh; where links are not possible (some
    network and removable disks) the file is copied.
    """
    if not target.exists():
        return
    backup = backup_path(target)
    temp = backup.with_name(f".{backup.name[:100]}.{secrets.token_hex(8)}.tmp")
    try:
        try:
            os.link(target, temp)
        except OSError:
            with open(target, "rb") as source, open(temp, "xb") as copy:
                shutil.copyfileobj(source, copy, _COPY_CHUNK_BYTES)
                copy.flush()
                os.fsync(copy.fileno())
        os.replace(temp, backup)
    except OSError:
        _remove_quietly(temp)


def _encode_article(article: Article, label: str) -> tuple[bytes, bytes]:
    """``article.json`` and ``body.md`` as bytes, refusing what loading would refuse."""
    data = article_to_dict(article)
    try:
        # A file this version could not open again must never replace a good one.
        article_from_dict(data, article.body)
    except ArticleDataError as error:
        raise PackageError(f"{label} was not saved: {error}") from error
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False)
    try:
        json_bytes = text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise PackageError(
            f"{label} was not saved: a field of the article holds an invalid character"
        ) from error
    try:
        body_bytes = article.body.encode("utf-8")
    except UnicodeEncodeError as error:
        raise PackageError(
            f"{label} was not saved: the story text holds an invalid character"
        ) from error
    _check_limit(len(json_bytes), MAX_JSON_BYTES, "the article's fields", label)
    _check_limit(len(body_bytes), MAX_BODY_BYTES, "the story text", label)
    return json_bytes, body_bytes


def _referenced_media_paths(article: Article, media: MediaStore, label: str) -> list[str]:
    for index, photo in enumerate(article.photos):
        if photo.media_path and photo.media_path not in media:
            raise PackageError(
                f"{label} was not saved: {_photo_label(photo, index)} refers to "
                f"{photo.media_path}, which is not among the article's photo files"
            )
    used = {photo.media_path for photo in article.photos if photo.media_path}
    derived = {path for media_path in used for path in media.derived_paths(media_path)}
    return sorted(used | derived)


def _check_fits_limits(
    media_paths: list[str], media: MediaStore, text_bytes: int, label: str
) -> None:
    total = text_bytes
    for media_path in media_paths:
        size = media.size(media_path)
        _check_limit(size, MAX_MEDIA_BYTES, f"the photo file {media_path}", label)
        total += size
    _check_limit(total, MAX_TOTAL_BYTES, "the article with its photos", label)


def _check_limit(size: int, limit: int, what: str, label: str) -> None:
    if size > limit:
        raise PackageError(
            f"{label} was not saved: {what} would take {_size_text(size)}; "
            f"the limit is {_size_text(limit)}"
        )


def _zip_timestamp(article: Article) -> _ZipTime:
    """The article's ``modified`` time in UTC, within the years a zip can record."""
    stamp = article.modified
    if stamp.tzinfo is not None:
        with contextlib.suppress(OverflowError):  # year 1 or 9999 with an offset
            stamp = stamp.astimezone(dt.UTC)
    fields = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    return min(max(fields, _ZIP_EARLIEST), _ZIP_LATEST)


def _create_temp_file(target: Path) -> tuple[Path, int]:
    """A new file next to ``target``, so the final rename never crosses disks."""
    temp = target.with_name(f".{target.name[:100]}.{secrets.token_hex(8)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    return temp, os.open(temp, flags, 0o666)  # 0o666 lets the user's umask decide, as for any file


def _write_zip(
    out: IO[bytes],
    json_bytes: bytes,
    body_bytes: bytes,
    media_paths: list[str],
    media: MediaStore,
    revisions: dict[int, bytes | ZipEntry],
    stamp: _ZipTime,
    label: str,
) -> list[int]:
    """Write the package; returns the revision numbers written."""
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(_entry_info(ARTICLE_JSON, stamp, zipfile.ZIP_DEFLATED), json_bytes)
        archive.writestr(_entry_info(BODY_MD, stamp, zipfile.ZIP_DEFLATED), body_bytes)
        _write_media(archive, media_paths, media, stamp, label)
        return _write_revisions(archive, revisions, stamp)


def _write_revisions(
    archive: zipfile.ZipFile, revisions: dict[int, bytes | ZipEntry], stamp: _ZipTime
) -> list[int]:
    """Revisions are deflated fast (level 1): old ones are recompressed on every save.

    One that cannot be read any more (its file was replaced by another program) is dropped:
    history is never a reason for a save to fail.
    """
    written = []
    holder = RevisionStore()
    holder.replace_all(revisions)
    for number in sorted(revisions):
        try:
            data = holder.read_bytes(number)
        except (OSError, KeyError, ValueError, *_CORRUPT_DATA_ERRORS):
            continue
        info = _entry_info(revision_name(number), stamp, zipfile.ZIP_DEFLATED)
        archive.writestr(info, data, compresslevel=1)
        written.append(number)
    return written


def _entry_info(name: str, stamp: _ZipTime, compress_type: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = compress_type
    info.create_system = 3  # Unix on every platform, so every save of an article is identical
    info.external_attr = 0o644 << 16
    return info


def _write_media(
    archive: zipfile.ZipFile,
    media_paths: list[str],
    media: MediaStore,
    stamp: _ZipTime,
    label: str,
) -> None:
    """Photos are stored, not deflated: they are compressed already, and saving stays fast."""
    with ExitStack() as stack:
        sources: dict[Path, zipfile.ZipFile] = {}  # each source zip is opened once per save
        for media_path in media_paths:
            info = _entry_info(media_path, stamp, zipfile.ZIP_STORED)
            info.file_size = media.size(media_path)  # lets zipfile choose zip64 up front
            source = media.source(media_path)
            with archive.open(info, "w") as dest:
                if isinstance(source, bytes):
                    dest.write(source)
                else:
                    _copy_zip_entry(source, sources, stack, dest, media_path, label)


def _copy_zip_entry(
    entry: ZipEntry,
    sources: dict[Path, zipfile.ZipFile],
    stack: ExitStack,
    dest: IO[bytes],
    media_path: str,
    label: str,
) -> None:
    problem = f"{label} could not be saved: the photo file {media_path} could not be read"
    try:
        if entry.archive not in sources:
            sources[entry.archive] = stack.enter_context(zipfile.ZipFile(entry.archive))
        with sources[entry.archive].open(entry.name) as stream:
            shutil.copyfileobj(stream, dest, _COPY_CHUNK_BYTES)
    except FileNotFoundError as error:
        raise PackageError(
            f"{problem}: {_display_name(entry.archive)} is no longer there"
        ) from error
    except (*_CORRUPT_DATA_ERRORS, KeyError) as error:
        raise PackageError(
            f"{problem}: it is damaged or missing in {_display_name(entry.archive)}"
        ) from error


def _copy_permissions(target: Path, temp: Path) -> None:
    """Saving over a file keeps its permissions, as editing it in place would."""
    with contextlib.suppress(OSError):
        os.chmod(temp, stat.S_IMODE(target.stat().st_mode))


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable; Windows cannot open a folder, and needs no such
    step."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


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
