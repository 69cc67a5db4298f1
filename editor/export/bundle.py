"""Writing a multi-file export (a page with its photos, a post with its media) as a folder or a zip.

An export that is several files is given here as one mapping {relative path: bytes} and written
whole or not at all:

* ``OUT.zip`` (any case of the suffix) becomes one zip archive, entries sorted by path, every
  entry dated ``date_time`` with fixed permissions and one compression level, so the same mapping
  always gives the same bytes.
* Any other ``OUT`` becomes a folder. The files are written into a hidden sibling folder first,
  which is then renamed into place, so nobody ever sees half an export.

A folder export never deletes or overwrites someone's files: ``OUT`` may be absent, an empty
folder, or a folder an earlier export wrote and nobody added to since. Every folder export
lists the files it wrote in its manifest (``MARKER_NAME``, never in a zip); a folder holding
anything the manifest does not list (a photo the reporter put there, a link) is refused with an
ExportError naming it, and so is a link in place of the folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from editor.export.base import (
    ExportError,
    ExportOptions,
    check_export_target,
    write_export_file,
)
from editor.model.article import Article
from editor.model.media_store import MediaStore

# The manifest of a folder export: the files it wrote, so that exporting again replaces those
# and nothing else.
MARKER_NAME = ".dateline-export.json"
_MANIFEST_KIND = "dateline-export"
_MAX_MANIFEST_BYTES = 4 * 1024 * 1024
# The earliest time a zip entry can carry (the format counts from 1980).
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_ZIP_COMPRESS_LEVEL = 9
_FILE_MODE = 0o644


def is_zip_path(out_path: Path) -> bool:
    return out_path.suffix.lower() == ".zip"


def zip_date_time(moment: dt.datetime | None) -> tuple[int, int, int, int, int, int]:
    """A zip entry's date for ``moment`` (its wall time, whole seconds; zips keep no zone)."""
    if moment is None or moment.year < 1980:
        return ZIP_EPOCH
    # Zips store seconds in steps of two; round down so that reading back gives the same value.
    second = moment.second // 2 * 2
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, second)


def checked_relative_path(name: str) -> PurePosixPath:
    """``name`` as a path inside the bundle; ValueError if it could point outside it."""
    path = PurePosixPath(name)
    if (
        not name
        or "\\" in name
        or "\x00" in name
        or path.is_absolute()
        or any(part in ("", ".", "..") for part in name.split("/"))
        or path.name == MARKER_NAME
    ):
        raise ValueError(f"not a file name inside an export: {name!r}")
    return path


def zip_bytes(files: Mapping[str, bytes], date_time: tuple[int, ...] = ZIP_EPOCH) -> bytes:
    """The files as a zip archive: sorted, equally dated, same bytes for the same files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            checked_relative_path(name)
            info = zipfile.ZipInfo(name, date_time=date_time)  # type: ignore[arg-type]
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever system wrote it: the mode bits below apply
            info.external_attr = (0o100000 | _FILE_MODE) << 16  # a regular file, rw-r--r--
            archive.writestr(info, files[name], compresslevel=_ZIP_COMPRESS_LEVEL)
    return buffer.getvalue()


def write_bundle(
    out_path: Path,
    files: Mapping[str, bytes],
    *,
    modified: dt.datetime | None = None,
    zip_folder: str | None = None,
) -> None:
    """Write ``files`` as a zip (``out_path`` ends in .zip) or as a folder; ExportError if not.

    ``modified`` dates the zip entries (the article's last change, say); folders' files get the
    time they are written, as any file does. With ``zip_folder``, the zip holds the files inside
    a folder of that name (a Hugo page bundle unzips as its own folder).
    """
    for name in files:
        try:
            checked_relative_path(name)
        except ValueError as error:
            raise ExportError(str(error)) from None
    check_bundle_target(out_path)
    if is_zip_path(out_path):
        if zip_folder is not None:
            files = {f"{zip_folder}/{name}": data for name, data in files.items()}
        write_export_file(out_path, zip_bytes(files, zip_date_time(modified)))
    else:
        write_folder(out_path, files)


class BundleExporter:
    """A format that is several files; subclasses give ``files``, this writes them."""

    extension = ""  # a folder (or a .zip)
    # Zipped, the files sit inside a folder of the zip's name (a Hugo page bundle unzips as its
    # own folder); otherwise at the top of the zip.
    zip_in_own_folder = False

    def files(
        self, article: Article, media: MediaStore, options: ExportOptions | None = None
    ) -> dict[str, bytes]:
        """Every file of the bundle by its relative path, without writing any."""
        raise NotImplementedError

    def export(
        self,
        article: Article,
        media: MediaStore,
        out_path: Path,
        options: ExportOptions | None = None,
    ) -> None:
        check_bundle_target(out_path)  # before the work, which can take long
        files = self.files(article, media, options)
        (options or ExportOptions()).check_cancelled()
        zip_folder = out_path.stem if self.zip_in_own_folder else None
        write_bundle(out_path, files, modified=article.modified, zip_folder=zip_folder)


def check_bundle_target(out_path: Path) -> None:
    """Refuse a destination a bundle may not be written to (see the module's docstring)."""
    check_export_target(out_path)
    if is_zip_path(out_path):
        if out_path.is_dir():
            raise ExportError(f"{out_path} is a folder; choose a file name")
        return
    problem = folder_problem(out_path)
    if problem is not None:
        raise ExportError(problem)


def write_folder(out_path: Path, files: Mapping[str, bytes]) -> None:
    """Write ``files`` into the folder ``out_path``, replacing an earlier export there."""
    check_export_target(out_path)
    problem = folder_problem(out_path)
    if problem is not None:
        raise ExportError(problem)
    try:
        staging = Path(tempfile.mkdtemp(dir=out_path.parent, prefix=f".{out_path.name}."))
    except OSError as error:
        raise ExportError(f"cannot write {out_path}: {error.strerror or error}") from error
    try:
        for name in sorted(files):
            target = staging.joinpath(*PurePosixPath(name).parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[name])
            os.chmod(target, _FILE_MODE)
        (staging / MARKER_NAME).write_bytes(_manifest(files))
        os.chmod(staging / MARKER_NAME, _FILE_MODE)
        for folder in [staging, *(p for p in staging.rglob("*") if p.is_dir())]:
            os.chmod(folder, 0o755)  # mkdtemp's folder is private; an export is for sharing
        _move_into_place(staging, out_path)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise ExportError(f"cannot write {out_path}: {error.strerror or error}") from error


def folder_problem(out_path: Path) -> str | None:
    """Why an export may not be written as the folder ``out_path`` (one line), or None when it
    is absent, empty, or an earlier export nobody added to."""
    if out_path.is_symlink():
        return f"{out_path} is a link; choose a folder name that is not taken"
    if not out_path.exists():
        if not out_path.parent.is_dir():
            return f"cannot write {out_path}: the folder {out_path.parent} is missing"
        return None
    if not out_path.is_dir():
        return f"{out_path} is a file; choose a new folder name or a .zip"
    try:
        listed = _listed_files(out_path)
        foreign = _first_foreign_entry(out_path, out_path, listed)
    except OSError as error:
        return f"cannot write {out_path}: {error.strerror or error}"
    if foreign is None:
        return None
    shown = "".join(char if char.isprintable() else "?" for char in foreign)[:120]
    return (
        f"{out_path} already holds other files ('{shown}' is not from an export); "
        "choose a new or empty folder, or a .zip"
    )


def photo_folder_name(out_path: Path) -> str:
    """The folder beside a document export (``story.json``) that holds its photos:
    ``story-photos``."""
    return f"{out_path.stem}-photos"


def check_document_beside_photos(out_path: Path, *, has_photos: bool) -> Path:
    """Refuse, before the work, a document name or photo folder an export may not write (see
    ``write_document_beside_photos``); the photo folder's path."""
    folder = out_path.parent / photo_folder_name(out_path)
    check_export_target(out_path)
    if has_photos or folder.is_symlink():
        try:
            check_bundle_target(folder)
        except ExportError as error:
            raise ExportError(f"the photo folder {error}") from None
    return folder


def write_document_beside_photos(
    out_path: Path,
    document: bytes,
    photos: Mapping[str, bytes],
    options: ExportOptions | None = None,
) -> None:
    """Write ``document`` as the file ``out_path`` and ``photos`` (names relative to the photo
    folder) into ``photo_folder_name(out_path)`` beside it: the folder first, then the document
    that names its files. Both destinations are checked before anything is written; the photo
    folder is replaced only if an earlier export made it and nobody added to it, and a folder
    of an earlier export is emptied of its photos when this document has none."""
    folder = check_document_beside_photos(out_path, has_photos=bool(photos))
    (options or ExportOptions()).check_cancelled()

    def put_photos_in_place(_document: Path) -> None:
        if photos or is_export_folder(folder):
            write_folder(folder, photos)

    write_export_file(out_path, document, put_photos_in_place)


def is_export_folder(out_path: Path) -> bool:
    """``out_path`` is a folder an export wrote (it has a manifest), links never."""
    return out_path.is_dir() and not out_path.is_symlink() and (out_path / MARKER_NAME).is_file()


def _manifest(files: Mapping[str, bytes]) -> bytes:
    data = {"kind": _MANIFEST_KIND, "files": sorted(files)}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _listed_files(folder: Path) -> frozenset[str] | None:
    """The files the folder's manifest lists; None if it has no manifest or a damaged one."""
    manifest = folder / MARKER_NAME
    if manifest.is_symlink() or not manifest.is_file():
        return None
    with open(manifest, "rb") as handle:
        raw = handle.read(_MAX_MANIFEST_BYTES + 1)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("kind") != _MANIFEST_KIND:
        return None
    files = data.get("files")
    if not isinstance(files, list) or not all(isinstance(name, str) for name in files):
        return None
    return frozenset(files)


def _first_foreign_entry(root: Path, folder: Path, listed: frozenset[str] | None) -> str | None:
    """The first file under ``folder`` (relative to ``root``) no manifest lists, or None.

    Links are never the export's (it writes none), whatever they are named; folders are the
    export's when everything in them is.
    """
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda entry: entry.name)
    for entry in entries:
        name = Path(entry.path).relative_to(root).as_posix()
        if entry.is_symlink():
            return name
        if entry.is_dir():
            found = _first_foreign_entry(root, Path(entry.path), listed)
            if found is not None:
                return found
        elif listed is None or (name not in listed and name != MARKER_NAME):
            return name  # with no readable manifest, nothing in the folder is the export's
    return None


def _move_into_place(staging: Path, out_path: Path) -> None:
    if not out_path.exists():
        os.rename(staging, out_path)
        return
    # An earlier export (or an empty folder): set it aside, move the new one in, then delete
    # the old. If the move fails, the old export goes back where it was.
    retired = Path(tempfile.mkdtemp(dir=out_path.parent, prefix=f".{out_path.name}.old."))
    os.rmdir(retired)
    os.rename(out_path, retired)
    try:
        os.rename(staging, out_path)
    except OSError:
        os.rename(retired, out_path)
        raise
    shutil.rmtree(retired, ignore_errors=True)


def safe_file_stem(name: str) -> str:
    """``name`` as a readable file name part: letters, digits, ``-`` and ``_`` only.

    A name that had to change gets a short hash of the original, so two names never meet.
    """
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-")[:64]
    if stem and stem == name:
        return stem
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
    return f"{stem}-{digest}" if stem else digest
