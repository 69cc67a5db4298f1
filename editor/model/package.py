"""The ``.article`` file: a zip holding ``article.json``, ``body.md`` and ``media/``.

Loading treats every file as hostile until checked: names that escape the package, duplicate or
unknown entries, sizes and compression ratios that only a zip bomb has, damaged data and newer
formats are all refused with a one-line message a reporter can act on. Nothing is extracted to
disk, and photo bytes are not read at all: the MediaStore reads them from the zip when asked.

Saving is in editor.model.package_save, what both share in editor.model.package_format; this
module is where callers find all three: load_package, save_package, PackageError and the rest.
"""

from __future__ import annotations

import json
import logging
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from editor.files import sync_folder
from editor.model.article import (
    FORMAT_VERSION,
    Article,
    ArticleDataError,
    article_from_dict,
)
from editor.model.media_store import DERIVED_DIR, MEDIA_DIR, MediaStore, ZipEntry
from editor.model.package_format import (
    _CORRUPT_ARCHIVE_ERRORS,
    _CORRUPT_DATA_ERRORS,
    _DRIVE_RE,
    _FUTURE_FOLDERS,
    _READABLE_METHODS,
    _SAFE_NAME_RE,
    ARTICLE_JSON,
    BODY_MD,
    MAX_BODY_BYTES,
    MAX_COMPRESSION_RATIO,
    MAX_ENTRIES,
    MAX_JSON_BYTES,
    PackageError,
    _display_name,
    _os_reason,
    _photo_label,
    _printable,
    _size_text,
    ratio_checked,
    revision_store_for,
    revisions_in,
    size_problem,
)
from editor.model.package_save import backup_path, save_package
from editor.model.revisions import (
    RevisionStore,
)

logger = logging.getLogger(__name__)

__all__ = [
    "MAX_ENTRIES",
    "LoadedPackage",
    "PackageError",
    "backup_path",
    "load_package",
    "revisions_in",
    "save_package",
    "sync_folder",
]


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
        logger.debug("%s could not be opened", path, exc_info=True)
        raise PackageError(f"{label} could not be opened: {_os_reason(error)}") from error
    _check_photos_present(article, {info.filename for info in entries}, label)
    return LoadedPackage(
        article, _media_store_for(path, entries), revision_store_for(path, entries)
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
    problem = size_problem([(info.filename, info.file_size) for info in entries])
    if problem is not None:
        raise PackageError(f"{label} is not a safe Dateline article: {problem}")
    for info in entries:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio_checked(info.filename, info.file_size) and ratio > MAX_COMPRESSION_RATIO:
            raise PackageError(
                f"{label} is not a safe Dateline article: '{_printable(info.filename)}' would "
                f"expand {ratio:,.0f} times when unpacked, as only a zip bomb does"
            )


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
