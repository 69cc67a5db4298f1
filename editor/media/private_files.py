"""Files in the user's caches that only the user may read, written whole or not at all: the
window's photo copies (``window_copies.py``) and the rendition store (``rendition_store.py``)
keep copies of photos whose sources a reporter protects."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


def private_folders(folder: Path) -> None:
    """``folder`` and the cache folders above it, readable by their owner only (a mkdir mode
    is cut by the umask, so the mode is set afterwards)."""
    for level in (folder.parent.parent, folder.parent, folder):
        level.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
        if level.stat().st_mode & 0o777 != PRIVATE_FOLDER:
            level.chmod(PRIVATE_FOLDER)


def write_private(path: Path, data: bytes) -> None:
    """Write whole or not at all (a reader in another window or process never sees half a
    file), readable by the owner only; no fsync: a copy lost in a crash is made again."""
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temp, PRIVATE_FILE)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
