"""Atomic writes and replaces: a reader (or a crash) sees the old file or the new, never half.

One implementation for every file Dateline writes: .article packages, recovery entries,
exports, the personal dictionary, the sites file and the publish queue. It raises ``OSError``
and nothing else of its own; each caller words the failure in its own layer's error
(PackageError, ExportError, SiteError...), so this module sits below all of them.

The steps: a temporary file beside the target (``os.replace`` is atomic only within one file
system), written, flushed and fsynced; an optional ``before_replace`` step given the temporary
file; the rename; an fsync of the folder, so the rename itself survives a power cut. On any
failure the temporary file is removed and the target is untouched.

Temporary files are named ``.<name>.<16 hex digits>.tmp``: ``editor.model.file_lock`` finds
those an interrupted save left behind by that shape.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import IO, TypeVar

_T = TypeVar("_T")

# Names longer than this are cut in the temporary file's name, which must stay a legal name.
_MAX_NAME_CHARS = 100


def temp_path_beside(target: Path) -> Path:
    """A fresh temporary file name in ``target``'s folder (the file is not created)."""
    return target.with_name(f".{target.name[:_MAX_NAME_CHARS]}.{secrets.token_hex(8)}.tmp")


def remove_quietly(path: Path) -> None:
    """Remove ``path`` if it is there; a failure to remove is not worth an error."""
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


def _create_temp_file(target: Path, mode: int | None) -> tuple[Path, int]:
    temp = temp_path_beside(target)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    # Created with its final permissions (the umask can only narrow them), so a private file
    # such as the personal dictionary is never readable by others while it is written; without
    # a mode, 0o666 lets the user's umask decide, as for any file.
    return temp, os.open(temp, flags, 0o666 if mode is None else mode)


def replace_atomically(
    target: Path,
    write: Callable[[IO[bytes]], _T],
    before_replace: Callable[[Path], None] | None = None,
    *,
    mode: int | None = None,
) -> _T:
    """Replace ``target`` with what ``write`` writes, so that a crash leaves the old file or the
    new one, never half. ``before_replace`` is given the temporary file once it is complete.
    ``mode`` sets the new file's permissions (by default the user's umask decides). On failure
    the temporary file is removed and the error raised; ``target`` is untouched. Returns what
    ``write`` returns."""
    temp, descriptor = _create_temp_file(target, mode)
    try:
        with open(descriptor, "wb") as out:
            result = write(out)
            out.flush()
            os.fsync(out.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        if before_replace is not None:
            before_replace(temp)
        os.replace(temp, target)
    except BaseException:
        remove_quietly(temp)
        raise
    sync_folder(target.parent)
    return result


def write_atomically(target: Path, data: bytes, *, mode: int | None = None) -> None:
    """Replace ``target`` with ``data``: a crash leaves the old file or the new one, never
    half. Raises OSError."""
    replace_atomically(target, lambda out: out.write(data), mode=mode)
