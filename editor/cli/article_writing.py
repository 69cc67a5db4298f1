"""How a command rewrites an article without losing another writer's work.

A command that saves an ``.article`` (``media add``, ``import``) holds the article's lock for
the whole read-change-save, as the window does while the article is open: a second command
waits a short bounded time for the first to finish, then fails in one line. The file's stamp,
taken before it is read, is checked again just before the new file replaces it, so that a
program that writes without the lock (a synced folder, an older Dateline) is never overwritten
either.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from editor.cli.common import CommandError
from editor.model.file_lock import ArticleLock, ArticleLocked, DiskStamp, stamp_file

# Long enough for another command's save of a large story, short enough for a script to notice.
LOCK_WAIT_SECONDS = 10.0


@contextmanager
def article_for_writing(path: Path | str, command: str) -> Iterator[DiskStamp | None]:
    """Hold ``path``'s lock for the block; gives the file's stamp as it is now (None if it does
    not exist yet), for ``save_package(..., unchanged_since=...)``.

    CommandError (one line) when the article stays locked. Where no lock can be written (a
    read-only folder) the block runs without one: its save will fail there on its own.
    """
    path = Path(path)
    try:
        lock: ArticleLock | None = ArticleLock.acquire_waiting(
            path, LOCK_WAIT_SECONDS, command=command
        )
    except ArticleLocked as error:
        holder = error.holder.describe() if error.holder else "another Dateline"
        raise CommandError(
            f"{path.name} is open in Dateline on this machine or being changed by another "
            f"command ({holder}); close it or try again when that is done"
        ) from None
    except OSError:
        lock = None
    try:
        yield stamp_file(path)
    finally:
        if lock is not None:
            lock.release()
