"""Autosave: the open article in its recovery slot within seconds of every change.

The autosaver writes the article to its recovery slot (see ``editor.model.recovery``) a short
pause after the reporter stops typing, and during continuous typing at least every few seconds,
so that every change is on disk within ``DEADLINE_S`` of being made: ``IDLE_MS`` after the last
change, and never more than ``MAX_WAIT_MS`` after the first unsaved one (the rest of the
deadline is for the write). On the GUI thread an autosave only takes a snapshot (copies of the
article's records and the photo table: tens of microseconds, whatever the story's length); a
thread of the autosaver's own encodes and writes it. Saving the article, or closing or
replacing it on purpose, removes its recovery files: the window says when it closed cleanly
(``Autosaver.discard``).

What a Dateline that did not close left behind is offered at start-up by
``editor.ui.controllers.recovery``.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from editor.model.recovery import (
    FileStamp,
    RecoveryEntry,
    RecoverySlot,
    RecoveryStore,
    Snapshot,
    file_stamp,
    take_snapshot,
)
from editor.ui.controllers import ShowStatus
from editor.ui.document import ArticleDocument
from editor.ui.worker import one_line

logger = logging.getLogger(__name__)

DEADLINE_S = 5.0  # every change reaches the recovery file within this time
IDLE_MS = 2000  # a pause in typing this long writes at once...
MAX_WAIT_MS = 4000  # ...and continuous typing writes at least this often


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
            except Exception as error:  # the status bar says it once; the log keeps each
                logger.error("Writing the recovery file failed", exc_info=error)
                self._report(False, one_line(error))
            else:
                self._report(True, "")

    def _report(self, written: bool, problem: str) -> None:
        # The window may have closed while the write ran: then there is nobody to tell (and
        # emitting from a deleted object would raise in this thread).
        if not shiboken6.isValid(self):
            return
        with contextlib.suppress(RuntimeError):  # deleted between the check and the emit
            self.finished.emit(written, problem)


class Autosaver(QObject):
    """Keeps one document in its recovery slot (see the module's docstring). ``show_status``
    says in the window's status bar when autosave fails and when it works again."""

    saved = Signal()  # a recovery file was written
    failed = Signal(str)

    def __init__(
        self,
        document: ArticleDocument,
        show_status: ShowStatus,
        store: RecoveryStore | None = None,
        idle_ms: int = IDLE_MS,
        max_wait_ms: int = MAX_WAIT_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("autosave")
        self.document = document
        self._show_status = show_status
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

    def discard(self) -> None:
        """The article is gone on purpose (the window closed after saving it or discarding its
        changes): stop autosaving it and remove its recovery files."""
        self._timer.stop()
        self._first_change = None
        self._pending = False
        self.slot.remove()

    # --- writing -------------------------------------------------------------------------------

    def autosave_now(self) -> None:
        """Snapshot the article on this thread, write it on the autosaver's own writer thread."""
        self._timer.stop()
        self._first_change = None
        if not self.document.dirty or self.slot.removed:
            return
        if self._busy:
            self._pending = True  # written as soon as the write in flight is done
            return
        started = time.perf_counter()
        slot = self.slot
        snapshot = self._snapshot()
        self._busy = True
        self._writer.submit(lambda: slot.write(snapshot))
        self.gui_costs.append(time.perf_counter() - started)

    def _snapshot(self) -> Snapshot:
        """The story as it is now, for the recovery file (taken on the GUI thread)."""
        return take_snapshot(
            self.document.article,
            self.document.media,
            self.document.path,
            self.base,
            self.slot.package_path,
        )

    def write_now(self, timeout_s: float = DEADLINE_S) -> bool | None:
        """Write the article's recovery file now and wait for it, up to ``timeout_s``: an
        unexpected error is being reported, and the reporter is told whether the story is safe.
        True when written, False when the write failed or took too long, None when there was
        nothing unsaved to write."""
        self._timer.stop()
        self._first_change = None
        if not self.document.dirty or self.slot.removed:
            return None
        slot = self.slot
        snapshot = self._snapshot()
        # This snapshot holds everything: a write waiting for the one in flight is not needed.
        self._pending = False
        self._busy = True
        done = threading.Event()
        outcome: list[bool] = []

        def write() -> None:
            try:
                slot.write(snapshot)
                outcome.append(True)
            finally:
                done.set()

        # After any write in flight (the writer takes them in order); its report still comes.
        self._writer.submit(write)
        return done.wait(timeout_s) and outcome == [True]

    def _finished(self, written: bool, message: str) -> None:
        if written:
            self._written()
        else:
            self._failed(message)

    def _written(self) -> None:
        self._busy = False
        if self._last_problem:
            self._last_problem = ""
            self._show_status(QCoreApplication.translate("Autosaver", "Autosave works again"), 4000)
        self.saved.emit()
        self._write_pending()

    def _failed(self, message: str) -> None:
        self._busy = False
        if message != self._last_problem:  # said once, not every few seconds
            self._last_problem = message
            self._show_status(
                QCoreApplication.translate("Autosaver", "Autosave failed: {message}").format(
                    message=message
                ),
                10000,
            )
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
