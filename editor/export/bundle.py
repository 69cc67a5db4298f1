"""Writing a multi-file export (a page with its photos, a post with its media) as a folder or a zip.

An export that is several files is given here as one mapping {relative path: bytes} and written
whole or not at all:

* ``OUT.zip`` (any case of the suffix) becomes one zip archive, entries sorted by path, every
  entry dated ``date_time`` with fixed permissions and one compression level, so the same mapping
  always gives the same bytes.
* Any other ``OUT`` becomes a folder. The files are written into a hidden sibling folder first,
  which is then renamed into place, so nobody ever sees half an export.

A folder export never overwrites someone's files: ``OUT`` may be absent, an empty folder, or a
folder an earlier export wrote (it holds our ``MARKER_NAME`` file, written in every folder
export and never in a zip). Anything else there is refused with an ExportError naming it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from editor.export.base import ExportError, ExportOptions, write_export_file
from editor.model.article import Article
from editor.model.media_store import MediaStore

# Marks a folder as written by an export, so that exporting again may replace it.
MARKER_NAME = ".dateline-export"
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
        files = self.files(article, media, options)
        (options or ExportOptions()).check_cancelled()
        zip_folder = out_path.stem if self.zip_in_own_folder else None
        write_bundle(out_path, files, modified=article.modified, zip_folder=zip_folder)


def write_folder(out_path: Path, files: Mapping[str, bytes]) -> None:
    """Write ``files`` into the folder ``out_path``, replacing an earlier export there."""
    _check_replaceable(out_path)
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
        (staging / MARKER_NAME).write_bytes(b"")
        for folder in [staging, *(p for p in staging.rglob("*") if p.is_dir())]:
            os.chmod(folder, 0o755)  # mkdtemp's folder is private; an export is for sharing
        _move_into_place(staging, out_path)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise ExportError(f"cannot write {out_path}: {error.strerror or error}") from error


def _check_replaceable(out_path: Path) -> None:
    if out_path.is_symlink():
        raise ExportError(f"{out_path} is a link; choose a folder name that is not taken")
    if not out_path.exists():
        if not out_path.parent.is_dir():
            raise ExportError(f"cannot write {out_path}: the folder {out_path.parent} is missing")
        return
    if not out_path.is_dir():
        raise ExportError(f"{out_path} is a file; choose a new folder name or a .zip")
    entries = list(out_path.iterdir())
    if entries and not (out_path / MARKER_NAME).is_file():
        raise ExportError(
            f"{out_path} already holds other files; choose a new or empty folder, or a .zip"
        )


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
