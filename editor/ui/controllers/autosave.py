"""Autosave and crash recovery in the window.

``install_autosave(window)`` writes the open article to its recovery slot (see
``editor.model.recovery``) a short pause after the reporter stops typing, and during continuous
typing at least every few seconds, so that every change is on disk within ``DEADLINE_S`` of
being made: ``IDLE_MS`` after the last change, and never more than ``MAX_WAIT_MS`` after the
first unsaved one (the rest of the deadline is for the write). On the GUI thread an autosave
only takes a snapshot (copies of the article's records and the photo table: tens of
microseconds, whatever the story's length); a thread of the window's own encodes and writes
it. Saving the
article, or closing or replacing it on purpose, removes its recovery files.

``offer_recovery(window)`` runs at start-up: for each article left by a Dateline that did not
close (its process is gone) whose autosave is newer than its file, it asks Recover / Discard /
Decide Later, showing the headline, the time of the autosave, the word count and how it differs
from the file. A recovered article opens as a modified document with its original path, so
Save writes it back to its file.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from editor.model.file_lock import ArticleLock, ArticleLocked, DiskStamp
from editor.model.package import revisions_in
from editor.model.recovery import (
    FileStamp,
    Recovered,
    RecoveryEntry,
    RecoverySlot,
    RecoveryStore,
    difference_text,
    file_stamp,
    take_snapshot,
)

DEADLINE_S = 5.0  # every change reaches the recovery file within this time
IDLE_MS = 2000  # a pause in typing this long writes at once...
MAX_WAIT_MS = 4000  # ...and continuous typing writes at least this often

RECOVER, DISCARD, LATER = "recover", "discard", "later"


class _Writer(QObject):
    """A thread of its own for one window's autosaves. Handing it a write is a queue put, which
    never lets go of the interpreter: a thread-pool start would, and with the checks or the
    spelling pass busy in the pool, getting it back can cost the GUI thread 5 ms."""

    finished = Signal(bool, str)  # written, or the one-line reason it failed

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._queue: queue.SimpleQueue[Callable[[], Any] | None] = queue.SimpleQueue()
        # A daemon: a write cut short at exit leaves the previous autosave (writes are atomic).
        self._thread = threading.Thread(target=self._run, name="autosave", daemon=True)
        self._thread.start()
        self.destroyed.connect(lambda: self._queue.put(None))

    def submit(self, work: Callable[[], Any]) -> None:
        self._queue.put(work)

    def _run(self) -> None:
        while (work := self._queue.get()) is not None:
            try:
                work()
            except Exception as error:  # said once in the status bar, never a traceback
                self._report(False, " ".join(str(error).split()) or type(error).__name__)
            else:
                self._report(True, "")

    def _report(self, written: bool, problem: str) -> None:
        # The window may have closed while the write ran: then there is nobody to tell (and
        # emitting from a deleted object would raise in this thread).
        if not shiboken6.isValid(self):
            return
        with contextlib.suppress(RuntimeError):  # deleted between the check and the emit
            self.finished.emit(written, problem)


# Windows opened for recovered articles when the first window was already in use.
_recovery_windows: list[QMainWindow] = []


class Autosaver(QObject):
    """Keeps one window's article in its recovery slot (see the module's docstring)."""

    saved = Signal()  # a recovery file was written
    failed = Signal(str)

    def __init__(
        self,
        window: QMainWindow,
        store: RecoveryStore | None = None,
        idle_ms: int = IDLE_MS,
        max_wait_ms: int = MAX_WAIT_MS,
    ) -> None:
        super().__init__(window)
        self.setObjectName("autosave")
        self.window = window
        self.document = window.document
        self.store = store or RecoveryStore()
        self.idle_ms, self.max_wait_ms = idle_ms, max_wait_ms
        self.slot: RecoverySlot = self.store.new_slot()
        self.base: FileStamp | None = file_stamp(self.document.path)
        self.gui_costs: deque[float] = deque(maxlen=1000)  # seconds per autosave, GUI thread
        self._first_change: float | None = None
        self._busy = False
        self._pending = False
        self._last_problem = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.autosave_now)
        self._writer = _Writer(self)
        self._writer.finished.connect(self._finished)

        document = self.document
        document.fieldChanged.connect(self._changed)
        document.bodyChanged.connect(self._changed)
        document.photosChanged.connect(self._changed)
        document.photoChanged.connect(self._changed)
        document.dirtyChanged.connect(self._dirty_changed)
        document.replaced.connect(self._replaced)
        window.installEventFilter(self)

    # --- when to write -------------------------------------------------------------------------

    def set_intervals(self, idle_ms: int, max_wait_ms: int) -> None:
        self.idle_ms, self.max_wait_ms = idle_ms, max_wait_ms

    def use_store(self, store: RecoveryStore) -> None:
        """Write to ``store`` from now on (tests point it at a folder of their own)."""
        self.slot.remove()
        self.store = store
        self.slot = store.new_slot()

    def _changed(self, *_args: Any) -> None:
        """Per keystroke: restart the idle timer, within the longest wait. Microseconds."""
        now = time.monotonic()
        if self._first_change is None:
            self._first_change = now
        waited_ms = (now - self._first_change) * 1000
        self._timer.start(max(0, int(min(self.idle_ms, self.max_wait_ms - waited_ms))))

    def _dirty_changed(self, dirty: bool) -> None:
        if dirty:
            self._changed()  # e.g. an imported story: new work, though nothing was typed
        else:  # saved (or replaced): the file holds the work now
            self._start_afresh()

    def _replaced(self) -> None:
        # Unsaved work that was replaced started afresh just before, on dirtyChanged(False); a
        # clean article's slot holds nothing (nothing is written while clean), so only the
        # file is new.
        self.base = file_stamp(self.document.path)

    def _start_afresh(self) -> None:
        self._timer.stop()
        self._first_change = None
        self._pending = False
        # Removed by the writer thread, after any write in flight: a save never waits for one.
        self.slot.retire()
        self._writer.submit(self.slot.remove)
        self.slot = self.store.new_slot()
        self.base = file_stamp(self.document.path)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            # The window decides (it may ask to save first); once it has accepted, the article
            # was saved or discarded on purpose, and its recovery files go.
            self.window.closeEvent(event)
            if event.isAccepted():
                self.discard()
            return True
        return False

    def discard(self) -> None:
        """The article is gone on purpose: stop autosaving it and remove its recovery files."""
        self._timer.stop()
        self._first_change = None
        self._pending = False
        self.slot.remove()

    # --- writing -------------------------------------------------------------------------------

    def autosave_now(self) -> None:
        """Snapshot the article on this thread, write it in the worker pool."""
        self._timer.stop()
        self._first_change = None
        if not self.document.dirty or self.slot.removed:
            return
        if self._busy:
            self._pending = True  # written as soon as the write in flight is done
            return
        started = time.perf_counter()
        slot = self.slot
        snapshot = take_snapshot(
            self.document.article,
            self.document.media,
            self.document.path,
            self.base,
            slot.package_path,
        )
        self._busy = True
        self._writer.submit(lambda: slot.write(snapshot))
        self.gui_costs.append(time.perf_counter() - started)

    def _finished(self, written: bool, message: str) -> None:
        if written:
            self._written()
        else:
            self._failed(message)

    def _written(self) -> None:
        self._busy = False
        if self._last_problem:
            self._last_problem = ""
            self.window.statusBar().showMessage("Autosave works again", 4000)
        self.saved.emit()
        self._write_pending()

    def _failed(self, message: str) -> None:
        self._busy = False
        if message != self._last_problem:  # said once, not every few seconds
            self._last_problem = message
            self.window.statusBar().showMessage(f"Autosave failed: {message}", 10000)
        self.failed.emit(message)
        self._write_pending()

    def _write_pending(self) -> None:
        if self._pending:
            self._pending = False
            self.autosave_now()

    # --- recovery ------------------------------------------------------------------------------

    def adopt(self, entry: RecoveryEntry) -> None:
        """Continue a recovered article's slot (its photos may live in the slot's package),
        and claim it for this process at once."""
        self.slot.remove()
        self.slot = self.store.adopt(entry)
        self.base = entry.base
        self.autosave_now()


def install_autosave(
    window: QMainWindow,
    store: RecoveryStore | None = None,
    idle_ms: int = IDLE_MS,
    max_wait_ms: int = MAX_WAIT_MS,
) -> Autosaver:
    """Autosave ``window``'s article to the recovery folder; returns the autosaver."""
    return Autosaver(window, store, idle_ms, max_wait_ms)


def find_autosaver(window: QMainWindow) -> Autosaver | None:
    return window.findChild(Autosaver, "autosave")


# --- start-up ----------------------------------------------------------------------------------


def describe(entry: RecoveryEntry) -> str:
    """What recovering ``entry`` would restore, for the prompt."""
    headline = entry.headline.strip() or "Untitled article"
    when = entry.saved_at.astimezone().strftime("%a %d %b %Y, %H:%M:%S")
    words = f"{entry.words:,} word{'' if entry.words == 1 else 's'}"
    where = str(entry.path) if entry.path else "not saved to a file yet"
    return (
        f"<b>{_escape(headline)}</b><br>"
        f"Autosaved {when} · {words} · {_escape(difference_text(entry))}<br>"
        f"<span style='color:#555'>{_escape(where)}</span>"
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def ask(parent: QWidget, entry: RecoveryEntry) -> str:
    """The recovery prompt for one article: RECOVER, DISCARD or LATER."""
    box = QMessageBox(parent)
    box.setObjectName("recovery_prompt")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Recover article")
    box.setText("Dateline did not close properly. This article has changes that were not saved:")
    box.setInformativeText(describe(entry))
    recover = box.addButton("Recover", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    later = box.addButton("Decide Later", QMessageBox.ButtonRole.RejectRole)
    recover.setObjectName("recover")
    discard.setObjectName("discard")
    later.setObjectName("later")
    box.setDefaultButton(recover)
    box.setEscapeButton(later)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return RECOVER if clicked is recover else DISCARD if clicked is discard else LATER


def offer_recovery(
    window: QMainWindow,
    store: RecoveryStore | None = None,
    choose: Callable[[QWidget, RecoveryEntry], str] = ask,
) -> list[QMainWindow]:
    """At start-up: offer each article a crashed Dateline left; returns the windows holding
    the recovered ones. The first goes into ``window`` if it holds an untouched new article."""
    store = store or _store_of(window)
    store.remove_orphans()
    entries, notes = store.candidates()
    recovered: list[QMainWindow] = []
    for entry in entries:
        answer = choose(window, entry)
        if answer == DISCARD:
            store.discard(entry)
        elif answer == RECOVER:
            target = window if _untouched(window) else _new_window()
            if recover_into(target, store, entry, notes):
                recovered.append(target)
    if notes:
        window.statusBar().showMessage(" · ".join(notes), 12000)
    return recovered


def recover_into(
    window: QMainWindow, store: RecoveryStore, entry: RecoveryEntry, notes: list[str]
) -> bool:
    """Open ``entry`` in ``window`` as a modified document with its original path."""
    try:
        recovered = store.recover(entry)
    except ValueError as error:
        QMessageBox.warning(window, "Cannot recover article", str(error))
        return False
    document = window.document
    path = recovered.path
    if path is None:
        document.replace(recovered.article, recovered.media, None)
    else:
        _replace_with_file(document, recovered, entry, notes)
    document.mark_imported()  # modified: it holds work its file lacks
    autosaver = find_autosaver(window) or install_autosave(window, store)
    if autosaver.store.folder != store.folder:
        autosaver.use_store(store)
    autosaver.adopt(entry)
    notes.extend(recovered.notes)
    name = path.name if path else "an unsaved article"
    window.statusBar().showMessage(f"Recovered {name}: save it to keep the changes", 10000)
    return True


def _replace_with_file(
    document: Any, recovered: Recovered, entry: RecoveryEntry, notes: list[str]
) -> None:
    """Open the recovered article as its file would be opened: locked (read-only if another
    window has it), with the file's revisions (a save must keep them), and remembering the file
    as it was when the crashed Dateline opened it, so that Save notices a change made since."""
    path = recovered.path
    assert path is not None
    lock, read_only = None, False
    try:
        lock = ArticleLock.acquire(path)
    except ArticleLocked:
        read_only = True
        notes.append(f"{path.name} is open in another window: recovered read-only")
    except OSError:
        pass
    # Only the file's revisions are wanted (none if it is gone or damaged): not a whole load.
    revisions = revisions_in(path)
    document.replace(
        recovered.article,
        recovered.media,
        path,
        revisions=revisions,
        lock=lock,
        read_only=read_only,
    )
    if entry.base is not None and file_stamp(path) != entry.base:
        # Changed since the crashed Dateline opened it: Save must ask before overwriting.
        document.disk_stamp = DiskStamp(entry.base.size, entry.base.mtime_ns, None)


def _store_of(window: QMainWindow) -> RecoveryStore:
    autosaver = find_autosaver(window)
    return autosaver.store if autosaver is not None else RecoveryStore()


def _untouched(window: QMainWindow) -> bool:
    document = window.document
    return not document.dirty and document.path is None and not document.article.body


def _new_window() -> QMainWindow:
    from editor.ui.main_window import MainWindow  # the window module installs this one

    window = MainWindow()
    if find_autosaver(window) is None:
        install_autosave(window)
    window.show()
    _recovery_windows.append(window)
    window.destroyed.connect(lambda: _forget(window))
    return window


def _forget(window: QMainWindow) -> None:
    if window in _recovery_windows:
        _recovery_windows.remove(window)
