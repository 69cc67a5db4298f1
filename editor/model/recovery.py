"""Recovery files: what the window autosaves so that a crash loses a few seconds at most.

Plain Python (no Qt). The window takes a ``Snapshot`` on the GUI thread (cheap: copies of the
article's records and of the photo table, no photo bytes, no system call) and a worker thread
writes it with ``RecoverySlot.write``. Each open article has one slot in the recovery folder,
``$XDG_DATA_HOME/dateline/recovery/`` (the same convention as the personal dictionary):

- ``<slot>.json`` holds the article's fields and body, the file it belongs to (or none), the
  time of the autosave, the file's modification time and size when it was opened or last
  saved, and the process that wrote it. It is rewritten at every autosave.
- ``<slot>.article`` is an ordinary package that carries the photo files the article's own file
  does not hold safely: every photo of a never-saved article, a photo added since the last save,
  or all of them when the file changed on disk since it was opened. It is rewritten only when
  that set of photos grows, so typing never copies photos; photos are stored, not recompressed.

Every file is written atomically (a temporary file, fsync, rename, fsync of the folder), the
package before the text, and the text removed before the package: a crash at any moment leaves
either the previous autosave or the new one. A slot's name starts with the writer's process id;
``<slot>.json`` also records the process's start time, so a slot still owned by a running
Dateline (the same process id started at the same moment) is never offered for recovery.

Reading treats every recovery file as hostile: a damaged or foreign one is skipped with a note,
never a crash.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import json
import os
import re
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor.files import remove_quietly, write_atomically
from editor.model.article import (
    Article,
    ArticleDataError,
    ImageRef,
    article_from_dict,
    article_to_dict,
    count_words,
    snapshot_article,
    time_in_range,
)
from editor.model.file_lock import pid_running, process_start_ticks
from editor.model.media_store import MEDIA_DIR, MediaStore, ZipEntry
from editor.model.package import PackageError, load_package, save_package
from editor.model.revisions import RevisionStore
from editor.paths import data_dir

RECOVERY_FORMAT = 1
FOLDER_NAME = "recovery"
MAX_ENTRY_BYTES = 40 * 1024 * 1024  # fields and body of the largest story a package may hold
_SLOT_RE = re.compile(r"(?P<pid>[0-9]{1,10})-[0-9a-f]{16}")
# A story in progress may name sources: its recovery files are the owner's alone, in a folder
# only the owner can enter.
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


def _private_folder(folder: Path) -> None:
    """Make ``folder`` (and its parents) if missing; the folder itself is the owner's only."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    if folder.stat().st_mode & 0o777 != PRIVATE_FOLDER:
        folder.chmod(PRIVATE_FOLDER)  # made by an older Dateline with the umask's permissions


def default_recovery_dir() -> Path:
    """``$XDG_DATA_HOME/dateline/recovery`` or ``~/.local/share/dateline/recovery``."""
    return data_dir() / FOLDER_NAME


# --- processes and files -----------------------------------------------------------------------


def process_alive(pid: int, start: str | None) -> bool:
    """True if ``pid`` runs (perhaps as someone else's process) and, where start times are
    known, is the process that started at ``start`` (see ``process_start_ticks``)."""
    if not pid_running(pid):
        return False
    if start is None:
        return True
    current = process_start_ticks(pid)
    return current is None or current == start


@dataclass(frozen=True)
class FileStamp:
    """A file's modification time and size: if either changed, someone wrote the file."""

    mtime_ns: int
    size: int

    def to_dict(self) -> dict[str, int]:
        return {"mtime_ns": self.mtime_ns, "size": self.size}


def file_stamp(path: Path | None) -> FileStamp | None:
    if path is None:
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    return FileStamp(info.st_mtime_ns, info.st_size)


# --- the snapshot (GUI thread) -----------------------------------------------------------------


@dataclass
class Snapshot:
    """What one autosave writes, taken on the GUI thread in microseconds: no system call (each
    one would let a busy worker keep the interpreter for up to 5 ms), no photo bytes."""

    article: Article
    path: Path | None
    base: FileStamp | None  # the file when it was opened or last saved
    sources: dict[str, bytes | ZipEntry]  # the photo files to keep, and where they are now
    package_path: Path | None

    def placement(self) -> tuple[list[str], dict[str, bytes | ZipEntry]]:
        """(files read back from the article's own file on recovery, files the slot's package
        must carry). Runs in the worker: it looks at the file on disk.

        A photo file may be read back from the article's file when the store reads it from
        there and the file is as it was when opened or saved; every other one is carried.
        """
        path = self.path
        intact = path is not None and self.base is not None and file_stamp(path) == self.base
        from_file: list[str] = []
        carried: dict[str, bytes | ZipEntry] = {}
        for name, source in self.sources.items():
            if intact and isinstance(source, ZipEntry) and source.archive == path:
                from_file.append(name)
            else:
                carried[name] = source
        return sorted(from_file), carried


def take_snapshot(
    article: Article,
    media: MediaStore,
    path: Path | None,
    base: FileStamp | None,
    package_path: Path | None = None,
) -> Snapshot:
    """The article, and the photo files it needs with where each is now. Files the store reads
    from ``package_path`` (the slot's package, after a recovery) are kept even when no photo
    uses them now: an undo may bring the photo back."""
    path = Path(path).absolute() if path is not None else None
    used = {image.media_path for image in article.photos if image.media_path}
    needed = used | {derived for name in used for derived in media.derived_paths(name)}
    sources: dict[str, bytes | ZipEntry] = {}
    for name in media.paths():
        source = media.source(name)
        in_package = isinstance(source, ZipEntry) and source.archive == package_path
        if name in needed or in_package:
            sources[name] = source
    return Snapshot(snapshot_article(article), path, base, sources, package_path)


# --- one open article's slot (written by a worker) ---------------------------------------------


class RecoverySlot:
    """The recovery files of one open article. ``write`` runs in a worker, ``remove`` on the
    GUI thread; a lock keeps them apart, and a removed slot is never written again."""

    def __init__(self, folder: Path, slot_id: str | None = None) -> None:
        self.folder = folder
        self.id = slot_id or f"{os.getpid()}-{secrets.token_hex(8)}"
        self.entry_path = folder / f"{self.id}.json"
        self.package_path = folder / f"{self.id}.article"
        self.packaged: frozenset[str] = frozenset()  # photo files the package holds
        self.writes = 0
        self._lock = threading.Lock()
        self._removed = False

    @property
    def removed(self) -> bool:
        return self._removed

    def write(self, snapshot: Snapshot, now: dt.datetime | None = None) -> bool:
        """Write ``snapshot``; False if the slot was removed meanwhile (nothing written)."""
        with self._lock:
            if self._removed:
                return False
            _private_folder(self.folder)
            from_file, carried = snapshot.placement()
            problem: PackageError | None = None
            if not frozenset(carried) <= self.packaged:
                try:
                    self._write_package(snapshot.article, carried)
                    self.packaged = frozenset(carried)
                except PackageError as error:
                    # The previous package is untouched; the text matters most: write it.
                    problem = error
            now = now or dt.datetime.now(dt.UTC)
            self._write_entry(snapshot, from_file, sorted(self.packaged & set(carried)), now)
            self.writes += 1
        if problem is not None:
            raise PackageError(f"the photos were not autosaved: {problem}")
        return True

    def _write_package(self, article: Article, carried: dict[str, bytes | ZipEntry]) -> None:
        """A package whose only purpose is to carry photo files (its own text is a stub)."""
        media = MediaStore()
        for name, source in carried.items():
            if isinstance(source, bytes):
                media.set_bytes(name, source)
            else:
                media.add_zip_entry(name, source)
        by_file = {image.media_path: image for image in article.photos}
        photos = []
        for number, name in enumerate(sorted(carried), start=1):
            if name.startswith(f"{MEDIA_DIR}/"):
                image = copy.copy(by_file.get(name)) or ImageRef(id="", media_path=name)
                image.id, image.featured = f"carried-{number}", False
                photos.append(image)
        holder = Article(headline="Recovery photos", photos=photos)
        # A holder of photos has no history: no need to look for revisions in the old one.
        save_package(self.package_path, holder, media, revisions=RevisionStore(), mode=PRIVATE_FILE)

    def _write_entry(
        self, snapshot: Snapshot, from_file: list[str], packaged: list[str], now: dt.datetime
    ) -> None:
        article = snapshot.article
        entry = {
            "recovery_format": RECOVERY_FORMAT,
            "pid": os.getpid(),
            "process_start": process_start_ticks(os.getpid()),
            "saved_at": now.isoformat(),
            "path": str(snapshot.path) if snapshot.path is not None else None,
            "file": snapshot.base.to_dict() if snapshot.base is not None else None,
            "headline": article.headline,
            "words": count_words(article.body),
            "from_file": from_file,
            "package_media": packaged,
            "article": article_to_dict(article),
            "body": article.body,
        }
        text = json.dumps(entry, ensure_ascii=False, allow_nan=False)
        data = text.encode("utf-8", "surrogatepass")
        write_atomically(self.entry_path, data, mode=PRIVATE_FILE)

    def retire(self) -> None:
        """Never write this slot again (its files stay until ``remove``)."""
        self._removed = True

    def remove(self) -> None:
        """The article was saved, or closed on purpose: its recovery files go, for good. Waits
        for a write in flight to finish."""
        self._removed = True
        with self._lock:
            remove_quietly(self.entry_path)
            remove_quietly(self.package_path)
            self.packaged = frozenset()


# --- reading the folder at start-up ------------------------------------------------------------


@dataclass
class RecoveryEntry:
    """One autosaved article found in the recovery folder."""

    slot_id: str
    entry_path: Path
    package_path: Path
    pid: int
    process_start: str | None
    saved_at: dt.datetime
    path: Path | None
    base: FileStamp | None
    headline: str
    words: int
    from_file: list[str]
    package_media: list[str]
    data: dict[str, Any] = field(repr=False)

    def is_newer_than_file(self) -> bool:
        """True if this autosave holds work its file lacks.

        A never-saved article, or one whose file is gone, always does. Otherwise the file is
        as it was when opened or saved (so the autosave came later), or it changed but before
        the autosave was taken; a file written after the autosave (by another program or
        another Dateline) is newer.
        """
        if self.path is None:
            return True
        current = file_stamp(self.path)
        if current is None or current == self.base:
            return True
        file_time = dt.datetime.fromtimestamp(current.mtime_ns / 1e9, dt.UTC)
        return self.saved_at > file_time

    def owned_by_running_process(self) -> bool:
        return self.pid == os.getpid() or process_alive(self.pid, self.process_start)


@dataclass
class Recovered:
    """An autosaved article read back, ready to open as a modified document."""

    article: Article
    media: MediaStore
    path: Path | None
    notes: list[str]


class RecoveryStore:
    """The recovery folder: slots for the window, entries and recovery for start-up."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_recovery_dir()

    def new_slot(self) -> RecoverySlot:
        return RecoverySlot(self.folder)

    def adopt(self, entry: RecoveryEntry) -> RecoverySlot:
        """The slot of a recovered article, continued by this process."""
        slot = RecoverySlot(self.folder, entry.slot_id)
        slot.packaged = frozenset(entry.package_media)
        return slot

    def entries(self) -> tuple[list[RecoveryEntry], list[str]]:
        """Every readable entry, newest first, and one note per recovery file skipped."""
        entries: list[RecoveryEntry] = []
        notes: list[str] = []
        try:
            names = sorted(p for p in self.folder.glob("*.json") if _SLOT_RE.fullmatch(p.stem))
        except OSError:
            return [], []
        for entry_path in names:
            try:
                entries.append(_read_entry(entry_path))
            except (OSError, ValueError, TypeError, KeyError, RecursionError) as error:
                reason = " ".join(str(error).split()) or type(error).__name__
                notes.append(f"Recovery file {entry_path.name} was skipped: {reason}")
        entries.sort(key=lambda entry: entry.saved_at, reverse=True)
        return entries, notes

    def candidates(
        self, owned: Callable[[RecoveryEntry], bool] | None = None
    ) -> tuple[list[RecoveryEntry], list[str]]:
        """Entries to offer at start-up: not owned by a running Dateline, newer than their
        file. Entries older than their file are removed (the file holds later work)."""
        owned = owned or RecoveryEntry.owned_by_running_process
        entries, notes = self.entries()
        offered = []
        for entry in entries:
            if owned(entry):
                continue
            if entry.is_newer_than_file():
                offered.append(entry)
            else:
                self.discard(entry)
                notes.append(
                    f"An autosave of {entry.path.name if entry.path else 'an article'} "
                    "was older than its file and was removed"
                )
        return offered, notes

    def remove_orphans(self, owned: Callable[[int], bool] | None = None) -> None:
        """Packages and temporary files left by a process that died before writing (or after
        removing) the text they belong to."""
        owned = owned or (lambda pid: pid == os.getpid() or process_alive(pid, None))
        with contextlib.suppress(OSError):
            for path in self.folder.iterdir():
                stem = path.name.lstrip(".").split(".", 1)[0]
                match = _SLOT_RE.fullmatch(stem)
                if match is None or owned(int(match["pid"])):
                    continue
                if path.suffix == ".tmp" or (
                    path.suffix == ".article" and not path.with_suffix(".json").exists()
                ):
                    remove_quietly(path)

    def discard(self, entry: RecoveryEntry) -> None:
        remove_quietly(entry.entry_path)
        remove_quietly(entry.package_path)

    def recover(self, entry: RecoveryEntry) -> Recovered:
        """The article with its photos; a photo that cannot be found is kept as missing, with a
        note. Raises ValueError if the entry's article itself is unreadable."""
        notes: list[str] = []
        try:
            article = article_from_dict(entry.data.get("article"), entry.data.get("body", ""))
        except ArticleDataError as error:
            raise ValueError(f"the autosaved article is damaged: {error}") from error
        media = MediaStore()
        if entry.from_file and entry.path is not None:
            _copy_entries(entry.path, entry.from_file, media, notes)
        if entry.package_media:
            _copy_entries(entry.package_path, entry.package_media, media, notes)
        for index, image in enumerate(article.photos):
            if image.media_path and image.media_path not in media:
                name = f" ({image.original_name})" if image.original_name else ""
                notes.append(f"Photo {index + 1}{name} could not be recovered")
                image.media_path = ""
        return Recovered(article, media, entry.path, notes)


def _copy_entries(package: Path, names: list[str], media: MediaStore, notes: list[str]) -> None:
    try:
        loaded = load_package(package)
    except PackageError as error:
        notes.append(str(error))
        return
    for name in names:
        if name in loaded.media:
            source = loaded.media.source(name)
            if isinstance(source, bytes):
                media.set_bytes(name, source)
            else:
                media.add_zip_entry(name, source)


def _read_entry(entry_path: Path) -> RecoveryEntry:
    with open(entry_path, "rb") as handle:
        raw = handle.read(MAX_ENTRY_BYTES + 1)
    if len(raw) > MAX_ENTRY_BYTES:
        raise ValueError("it is larger than any story")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError("it is damaged (not valid JSON)") from error
    if not isinstance(data, dict):
        raise ValueError("it is not a recovery file")
    version = data.get("recovery_format")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError("it is not a recovery file")
    if version > RECOVERY_FORMAT:
        raise ValueError("it was written by a newer version of Dateline")
    pid = data["pid"]
    saved_at = time_in_range(dt.datetime.fromisoformat(_text(data["saved_at"])))
    path = data.get("path")
    file_data = data.get("file")
    base = None
    if file_data is not None:
        mtime, size = file_data["mtime_ns"], file_data["size"]
        if not (_is_int(mtime) and _is_int(size)):
            raise ValueError("its file stamp is not valid")
        base = FileStamp(mtime, size)
    if not _is_int(pid) or not isinstance(data.get("article"), dict):
        raise ValueError("it is not a recovery file")
    start = data.get("process_start")
    words = data.get("words", 0)
    return RecoveryEntry(
        slot_id=entry_path.stem,
        entry_path=entry_path,
        package_path=entry_path.with_suffix(".article"),
        pid=pid,
        process_start=start if isinstance(start, str) else None,
        saved_at=saved_at,
        path=Path(_text(path)) if path is not None else None,
        base=base,
        headline=_text(data.get("headline", "")),
        words=words if _is_int(words) else 0,
        from_file=_names(data.get("from_file", [])),
        package_media=_names(data.get("package_media", [])),
        data=data,
    )


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("a field has the wrong type")
    return value


def _names(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError("its photo list is not valid")
    return list(value)


# --- what the prompt shows ---------------------------------------------------------------------


def file_words(path: Path | None) -> int | None:
    """The word count of the article as saved in ``path``, or None if it cannot be read."""
    if path is None:
        return None
    try:
        return count_words(load_package(path).article.body)
    except PackageError:
        return None


def difference_text(entry: RecoveryEntry) -> str:
    """How the autosave differs from the file: "+120 words since saved", "never saved"..."""
    if entry.path is None:
        return "never saved"
    if not entry.path.exists():
        return f"{entry.path.name} no longer exists"
    saved = file_words(entry.path)
    if saved is None:
        return f"{entry.path.name} cannot be read"
    change = entry.words - saved
    if change == 0:
        return "same word count as saved, other changes"
    unit = "word" if abs(change) == 1 else "words"
    return f"{change:+,} {unit} since saved"
