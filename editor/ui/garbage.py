"""Python's garbage collector, run on the GUI thread and kept away from the reporter's typing.

Two reasons, one module:

- **Which thread.** Left automatic, a collection starts in whichever thread allocates past the
  threshold, a worker's too, and may destroy a PySide object caught in a reference cycle there.
  Its ``QObject`` teardown takes a Qt connection lock, then waits for the interpreter, while the
  GUI thread holds the interpreter and waits for that lock: both threads stop for good (seen in
  the test process: a pool thread building a renderer collected while the window was being
  built). So automatic collection is off (``gc.disable``) and the GUI thread runs Python's own
  rule itself every ``DUE_EVERY_MS``: the oldest generation whose count passed its threshold
  (``collect_what_is_due``), from the application's creation on (``app.create_application``,
  for every process that makes the window's application, the tests' too). Objects freed by
  their reference counts (nearly all) go as before, in any thread.
- **When.** A full collection (generation 2) walks every object the interpreter tracks and
  holds every thread while it does, the one showing a keystroke too: at 20,000 words one took
  46–57 ms, and three came in 120 keystrokes (``benchmarks/preview_latency.py`` with
  ``gc.callbacks``). So a full collection is due only after ``GEN2_AFTER`` collections of the
  middle generation instead of Python's 10, and one runs when the reporter has not typed for
  ``IDLE_S``, where its pause is not seen. The first of those (at least a second after the
  event loop starts, so never before the window's first frame) also freezes what the process
  holds by then (its modules, the Qt wrappers of its widgets, the story) out of every later
  collection (``gc.freeze``: none of it becomes garbage while the window is open).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from editor.typing_pause import seconds_since_edit

GEN2_AFTER = 100  # collections of generation 1 before a full collection is due
IDLE_S = 2.0  # no edit for this long: collect in full now
CHECK_EVERY_MS = 1000  # how often to look for a pause in the typing
# How often the GUI thread runs the collections that are due. Python's first threshold (700
# allocations) passes many times in 100 ms of rendering; what piles up meanwhile is collected
# in one go: at 20,000 words, 17 collections of the youngest generation in a run of opening
# the story and typing 120 keys took 0.5 ms median and the longest 14–18 ms (one a run: what a
# burst of allocations, a story opened or rendered whole, leaves for the next look); the same
# run with Python's automatic collections had 200 of them, 28–35 ms in all against 25–28 ms.
DUE_EVERY_MS = 100

_due_timer: QTimer | None = None
_idle_collection: IdleCollection | None = None


def collect_what_is_due() -> int | None:
    """Python's rule for an automatic collection, run by the caller's thread: collect the oldest
    generation whose count passed its threshold. Returns the generation collected, if any."""
    counts = gc.get_count()
    thresholds = gc.get_threshold()
    for generation in (2, 1, 0):
        threshold = thresholds[generation]
        # A threshold of 0 turns Python's automatic collection off; here too.
        if threshold and counts[generation] > threshold:
            gc.collect(generation)
            return generation
    return None


def collect_on_gui_thread_only(application: QObject) -> None:
    """Once per process, when the window's application is created, before any worker thread
    runs: automatic collection off, and the collections that are due run by ``application``'s
    thread every ``DUE_EVERY_MS``."""
    global _due_timer
    if _due_timer is not None:
        return
    gc.disable()
    _due_timer = QTimer(application)
    _due_timer.setInterval(DUE_EVERY_MS)
    _due_timer.timeout.connect(collect_what_is_due)
    _due_timer.start()


class IdleCollection(QObject):
    """A full collection when typing has paused, and the process's freeze at the first one; see
    the module's docstring."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._collected_since_edit = False  # the first pause collects, and freezes
        self._frozen = False
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self._maybe_collect)
        # Counted from the event loop's start, not from here: the window may still be building.
        QTimer.singleShot(0, self._timer.start)

    def _maybe_collect(self) -> None:
        idle = seconds_since_edit() >= IDLE_S
        if not idle:
            self._collected_since_edit = False
        elif not self._collected_since_edit:
            gc.collect()
            if not self._frozen:  # what the window holds after launch, kept from now on
                gc.freeze()
                self._frozen = True
            self._collected_since_edit = True


def keep_collections_off_typing(application: QObject) -> None:
    """Once per process, for the reporter's window (``application`` keeps the collector): full
    collections in the pauses of the typing, and fewer of them due meanwhile. (A process
    without the idle collector, the tests' say, keeps Python's thresholds: its windows, caught
    in cycles once closed, wait for a full collection.)"""
    global _idle_collection
    if _idle_collection is not None:
        return
    collect_on_gui_thread_only(application)
    first, second, _third = gc.get_threshold()
    gc.set_threshold(first, second, GEN2_AFTER)
    _idle_collection = IdleCollection(application)
