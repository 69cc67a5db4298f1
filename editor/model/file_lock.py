"""Who is writing an article: a lock file beside it, and the file's state on disk.

``story.article`` open for writing has ``.story.article.lock`` beside it, created with
O_CREAT|O_EXCL and holding the process id, host name, when that process started and when the
lock was taken. A lock is stale, and is taken over, when its process no longer runs on this host
or when the process with that id started after the lock was taken (the id was reused). A crash
leaves a stale lock; closing the article removes it.

``DiskStamp`` records a file's size, modification time and SHA-256 at open and save, so that a
change by another program (a synced folder, a second editor) is noticed and a mere touch, which
keeps the bytes, is not.

Plain Python, no Qt.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import socket
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import psutil

_HASH_CHUNK = 1024 * 1024
# A temporary file of an interrupted save (see editor.files.temp_path_beside) older than
# this is removed when the article is locked again: its process is gone, or the lock would be
# live.
_STALE_TEMP_SECONDS = 60
# Linux's process table, where start times are counted in clock ticks.
_PROC = Path("/proc")
# How often a command waiting for a lock looks again.
_WAIT_STEP_SECONDS = 0.1


def lock_path(article: Path) -> Path:
    return article.with_name(f".{article.name}.lock")


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str
    process_started: float | None  # seconds since the epoch, None where it cannot be known
    locked_at: float
    # The command that holds the lock ("media add"), empty for the window.
    command: str = ""

    def describe(self) -> str:
        try:
            when = dt.datetime.fromtimestamp(self.locked_at).strftime("%Y-%m-%d %H:%M")
        except (OverflowError, OSError, ValueError):  # a lock file can say anything
            when = "an unknown time"
        holder = f"'dateline {self.command}'" if self.command else "Dateline"
        return f"{holder} (process {self.pid} on {self.host}) since {when}"


class ArticleLocked(Exception):
    """Another live Dateline has the article open for writing."""

    def __init__(self, path: Path, holder: LockHolder | None) -> None:
        self.path = path
        self.holder = holder
        who = holder.describe() if holder else "another Dateline window"
        super().__init__(f"{path.name} is open in {who}")


class ArticleLock:
    """A held lock on one article; ``release`` removes the lock file (only if it is still ours)."""

    def __init__(self, article: Path, content: bytes) -> None:
        self.article = article
        self.path = lock_path(article)
        self._content = content
        self.released = False

    @classmethod
    def acquire(cls, article: Path | str, *, command: str = "") -> ArticleLock:
        """Lock ``article`` for this process; raises ArticleLocked if a live holder has it.

        ``command`` names the command line's command that takes it (the window gives none).
        OSError when the lock cannot be written for another reason (a read-only folder); the
        caller may then open the article without a lock.
        """
        article = Path(article).absolute()
        target = lock_path(article)
        content = _lock_content(command)
        for _attempt in range(3):
            try:
                descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                existing = _read_holder(target)
                if existing is None:
                    continue  # released in the meantime
                judged, holder = existing
                # A lock that cannot be read is being written right now, or a crash cut it.
                live = _age(target) < 5 if holder is None else not is_stale(holder)
                if live:
                    raise ArticleLocked(article, holder) from None
                # Take over the exact file that was judged stale, never one another process
                # has created since.
                _remove_if_unchanged(target, judged)
                continue
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(content)
                handle.flush()
                os.fsync(handle.fileno())
            lock = cls(article, content)
            remove_interrupted_saves(article)
            return lock
        last_read = _read_holder(target)
        raise ArticleLocked(article, last_read[1] if last_read else None)

    @classmethod
    def acquire_waiting(
        cls, article: Path | str, wait_seconds: float, *, command: str = ""
    ) -> ArticleLock:
        """``acquire``, trying again for up to ``wait_seconds`` while a live holder has the
        lock (another command finishing its save); then ArticleLocked."""
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                return cls.acquire(article, command=command)
            except ArticleLocked:
                if time.monotonic() >= deadline:
                    raise
            time.sleep(min(_WAIT_STEP_SECONDS, max(deadline - time.monotonic(), 0.0)))

    def release(self) -> None:
        if self.released:
            return
        self.released = True
        _remove_if_unchanged(self.path, self._content)

    def still_held(self) -> bool:
        try:
            return self.path.read_bytes() == self._content
        except OSError:
            return False


def is_stale(holder: LockHolder) -> bool:
    if holder.host != socket.gethostname():
        return False  # another machine's process cannot be checked from here
    if not pid_running(holder.pid):
        return True
    started = process_start_time(holder.pid)
    if started is None:
        return False
    # The id now belongs to a process that started after the lock was taken: the holder is gone.
    return started > holder.locked_at + 1.0


def pid_running(pid: int) -> bool:
    """Whether a process with id ``pid`` exists on this machine, whoever runs it. Through
    psutil, not ``os.kill(pid, 0)``: on Windows that call terminates the process."""
    if pid <= 0:
        return False
    try:
        return psutil.pid_exists(pid)
    except (OSError, ValueError):
        return False


def process_start_ticks(pid: int) -> str | None:
    """When process ``pid`` started, as a string that is the same for the same process and
    differs for a later one with the same id: the clock ticks after boot the Linux kernel
    counts, elsewhere psutil's creation time. None if unknown."""
    try:
        stat = (_PROC / str(pid) / "stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        created = process_start_time(pid)
        return None if created is None else f"{created:.3f}"
    # The command name (field 2) may hold spaces and brackets: count from the last ")".
    fields = stat.rpartition(")")[2].split()
    return fields[19] if len(fields) > 19 else None  # field 22 of the whole line


def process_start_time(pid: int) -> float | None:
    """When process ``pid`` started, in seconds since the epoch (None if unknown)."""
    if pid <= 0:
        return None
    try:
        return float(psutil.Process(pid).create_time())
    except (psutil.Error, OSError, ValueError):
        return None


def _lock_content(command: str = "") -> bytes:
    data = {
        "command": command,
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "process_started": process_start_time(os.getpid()),
        "locked_at": time.time(),
        "app": "Dateline",
    }
    return json.dumps(data, sort_keys=True).encode("utf-8")


def _read_holder(target: Path) -> tuple[bytes, LockHolder | None] | None:
    """The lock file's bytes and holder (None if unreadable); None if there is no lock file."""
    try:
        with open(target, "rb") as handle:
            content = handle.read(4096)
    except FileNotFoundError:
        return None
    except OSError:
        return b"", None
    return content, parse_holder(content)


def parse_holder(content: bytes) -> LockHolder | None:
    try:
        data = json.loads(content.decode("utf-8"))
        pid, host, locked_at = data["pid"], data["host"], data["locked_at"]
        started = data.get("process_started")
        command = data.get("command", "")
        if not (isinstance(pid, int) and isinstance(host, str)):
            return None
        return LockHolder(
            pid,
            host[:200],
            float(started) if isinstance(started, int | float) else None,
            float(locked_at),
            command[:40] if isinstance(command, str) and command.isprintable() else "",
        )
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        return None


def _remove_if_unchanged(target: Path, content: bytes) -> bool:
    """Remove ``target`` if it still holds ``content``; False if it holds something else."""
    try:
        if target.read_bytes() != content:
            return False
        target.unlink()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return True


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def remove_interrupted_saves(article: Path) -> None:
    """Remove the temporary files an interrupted save left beside ``article``."""
    prefix = f".{article.name[:100]}."
    with contextlib.suppress(OSError):
        for entry in os.scandir(article.parent):
            name = entry.name
            if name.startswith(prefix) and name.endswith(".tmp") and len(name) == len(prefix) + 20:
                with contextlib.suppress(OSError):
                    if time.time() - entry.stat().st_mtime > _STALE_TEMP_SECONDS:
                        os.unlink(entry.path)


# --- the file's state on disk ------------------------------------------------------------------


class DiskStamp:
    """A file's size and time now, and the SHA-256 of its bytes, hashed in a thread.

    Hashing 200 MB of photos takes a noticeable part of a second, so opening and saving never
    wait for it: it is needed only when the size and time changed. If the file changes while it
    is hashed, the hash is dropped and any later difference counts as a change.
    """

    def __init__(self, size: int, mtime_ns: int, digest: str | Future[str | None] | None) -> None:
        self.size = size
        self.mtime_ns = mtime_ns
        self._digest = digest

    @property
    def digest(self) -> str | None:
        if isinstance(self._digest, Future):
            try:
                self._digest = self._digest.result()
            except OSError:
                self._digest = None
        return self._digest


_hasher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dateline-disk-stamp")


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _digest_if_unchanged(path: Path, size: int, mtime_ns: int) -> str | None:
    digest = file_digest(path)
    after = os.stat(path)
    return digest if (after.st_size, after.st_mtime_ns) == (size, mtime_ns) else None


def stamp_file(path: Path, *, wait: bool = False) -> DiskStamp | None:
    """The file's size and time now, its hash soon (now with ``wait``); None if unreadable."""
    try:
        now = os.stat(path)
    except OSError:
        return None
    size, mtime_ns = now.st_size, now.st_mtime_ns
    if wait:
        try:
            return DiskStamp(size, mtime_ns, _digest_if_unchanged(path, size, mtime_ns))
        except OSError:
            return None
    return DiskStamp(size, mtime_ns, _hasher.submit(_digest_if_unchanged, path, size, mtime_ns))


def changed_on_disk(path: Path, stamp: DiskStamp | None) -> bool:
    """True when ``path`` no longer holds the bytes ``stamp`` recorded (or is gone).

    A file with the same size and time is taken as unchanged without reading it; otherwise its
    bytes are hashed, so a touch or a copy of the same bytes is not a change.
    """
    if stamp is None:
        return False
    try:
        now = os.stat(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    if (now.st_size, now.st_mtime_ns) == (stamp.size, stamp.mtime_ns):
        return False
    if now.st_size != stamp.size or stamp.digest is None:
        return True
    try:
        return file_digest(path) != stamp.digest
    except OSError:
        return True


def keep_both_name(path: Path) -> Path:
    """A free name beside ``path``: ``story (2).article``, ``story (3).article``..."""
    stem, suffix = path.stem, path.suffix
    base = stem
    if stem.endswith(")") and " (" in stem:
        head, _, number = stem[:-1].rpartition(" (")
        if number.isdigit():
            base = head
    for count in range(2, 10_000):
        candidate = path.with_name(f"{base} ({count}){suffix}")
        if candidate != path and not candidate.exists() and not lock_path(candidate).exists():
            return candidate
    raise FileExistsError(path)
