"""Saving a .article package: atomically (see editor.files.replace_atomically), photos stored
not recompressed, revisions and the backup beside the file."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import shutil
import stat
import zipfile
from contextlib import ExitStack
from pathlib import Path
from typing import IO

from editor.files import remove_quietly, replace_atomically, temp_path_beside
from editor.model.article import (
    Article,
    ArticleDataError,
    article_from_dict,
    article_to_dict,
)
from editor.model.file_lock import DiskStamp, changed_on_disk
from editor.model.media_store import MediaStore, ZipEntry
from editor.model.package_format import (
    _COPY_CHUNK_BYTES,
    _CORRUPT_DATA_ERRORS,
    _ZIP_EARLIEST,
    _ZIP_LATEST,
    ARTICLE_JSON,
    BODY_MD,
    MAX_BODY_BYTES,
    MAX_JSON_BYTES,
    MAX_MEDIA_BYTES,
    MAX_TOTAL_BYTES,
    PackageError,
    _display_name,
    _os_reason,
    _photo_label,
    _size_text,
    _ZipTime,
    revisions_in,
    size_problem,
)
from editor.model.revisions import (
    MAX_REVISION_BYTES,
    RevisionStore,
    encode_revision,
    revision_name,
)

logger = logging.getLogger(__name__)


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
    mode: int | None = None,
    unchanged_since: DiskStamp | None = None,
) -> None:
    """Write ``article`` and the photo files it uses to ``path``, atomically.

    On failure the previous file is untouched and no temporary file is left. On success the
    store reads from the new file, and files no photo uses are dropped from it as from the file.

    ``revisions`` are the article's revisions (those of the file being replaced when None);
    with ``add_revision`` the article as saved joins them (with ``note``), and the oldest are
    dropped beyond the bounds. With ``backup`` the file being replaced becomes ``backup_path``.
    The new file keeps the permissions of the one it replaces, or takes ``mode`` when given
    (the recovery files: owner only). With ``unchanged_since`` (the file's stamp when it was
    read), a file that changed on disk since then is not replaced: PackageError.
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
    _check_loadable(json_bytes, body_bytes, media_paths, media, plan, label)

    def before_replace(temp: Path) -> None:
        if unchanged_since is not None and changed_on_disk(target, unchanged_since):
            raise PackageError(
                f"{label} was not saved: it was changed by another program since it was "
                "read; that version is kept, run the command again"
            )
        if mode is None:
            _copy_permissions(target, temp)
        if backup:
            _keep_backup(target)

    try:
        written = replace_atomically(
            target,
            lambda out: _write_zip(
                out, json_bytes, body_bytes, media_paths, media, plan, stamp, label
            ),
            before_replace,
            mode=mode,
        )
    except OSError as error:
        logger.debug("%s could not be saved", target, exc_info=True)
        raise PackageError(f"{label} could not be saved: {_os_reason(error)}") from error
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
    if len(data) > MAX_REVISION_BYTES:
        # Text that JSON escapes six times over ("\u0001") can make a revision larger than a
        # loader reads: the save goes ahead without it, as history never stops a save.
        logger.warning("revision %s takes %s bytes: not kept", number, len(data))
        return sources
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
    temp = temp_path_beside(backup)
    try:
        try:
            os.link(target, temp)
        except OSError:
            with open(target, "rb") as source, open(temp, "xb") as copy:
                shutil.copyfileobj(source, copy, _COPY_CHUNK_BYTES)
                copy.flush()
                os.fsync(copy.fileno())
        os.replace(temp, backup)
    except OSError as error:
        logger.warning("no backup of %s could be kept: %s", target, error)
        remove_quietly(temp)


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
        if len(json_bytes) > MAX_JSON_BYTES:
            # Indents are for people reading the file; a file that opened without them (written
            # by another tool) must save again, so the largest fields are written without.
            text = json.dumps(
                data, ensure_ascii=False, separators=(",", ":"), sort_keys=True, allow_nan=False
            )
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


def _check_loadable(
    json_bytes: bytes,
    body_bytes: bytes,
    media_paths: list[str],
    media: MediaStore,
    revisions: dict[int, bytes | ZipEntry],
    label: str,
) -> None:
    """Refuse, before writing, a package the loader would refuse by its sizes or count."""
    entries = [(ARTICLE_JSON, len(json_bytes)), (BODY_MD, len(body_bytes))]
    entries += [(path, media.size(path)) for path in media_paths]
    entries += [
        (revision_name(number), len(source) if isinstance(source, bytes) else source.size)
        for number, source in revisions.items()
    ]
    problem = size_problem(entries)
    if problem is not None:
        raise PackageError(f"{label} was not saved: it could not be opened again: {problem}")


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
    history is never a reason for a save to fail. Each old package is opened once for all its
    revisions, as for photos.
    """
    written = []
    sources: dict[Path, zipfile.ZipFile | None] = {}
    with ExitStack() as stack:
        for number in sorted(revisions):
            data = _revision_bytes(revisions[number], sources, stack)
            if data is None:
                continue
            info = _entry_info(revision_name(number), stamp, zipfile.ZIP_DEFLATED)
            archive.writestr(info, data, compresslevel=1)
            written.append(number)
    return written


def _revision_bytes(
    source: bytes | ZipEntry, sources: dict[Path, zipfile.ZipFile | None], stack: ExitStack
) -> bytes | None:
    """A revision's JSON bytes, or None if it can no longer be read (or is absurdly large)."""
    if isinstance(source, bytes):
        return source
    try:
        if source.archive not in sources:
            sources[source.archive] = stack.enter_context(zipfile.ZipFile(source.archive))
        old = sources[source.archive]
        if old is None:
            return None
        with old.open(source.name) as stream:
            data = stream.read(MAX_REVISION_BYTES + 1)
    except (OSError, KeyError, ValueError, *_CORRUPT_DATA_ERRORS):
        sources.setdefault(source.archive, None)  # an unreadable package: not tried again
        return None
    return data if len(data) <= MAX_REVISION_BYTES else None


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
