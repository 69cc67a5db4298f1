"""Python's garbage collector, kept away from the reporter's typing.

A full collection (generation 2) walks every object the interpreter tracks and holds the
interpreter while it does: whichever thread starts it, every other thread waits, the one
showing a keystroke too. In the window at 20,000 words a full collection took 46–57 ms, and
three came in 120 keystrokes (``benchmarks/preview_latency.py`` with ``gc.callbacks``).

So, once the window exists, full collections come automatically only after ``GEN2_AFTER``
collections of the middle generation instead of Python's 10, and a full collection runs on the
GUI thread when the reporter has not typed for ``IDLE_S``, where its pause is not seen. The
first of those (about a second after launch, not before the window's first frame) also freezes
what the process holds by then (its modules, the Qt wrappers of its widgets, the story) out of
every later collection (``gc.freeze``: none of it becomes garbage while the window is open).
Objects freed by their reference counts (nearly all) go as before.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from editor.typing_pause import seconds_since_edit

GEN2_AFTER = 100  # collections of generation 1 before an automatic full collection
IDLE_S = 2.0  # no edit for this long: collect now
CHECK_EVERY_MS = 1000

_installed: GarbageCollection | None = None


class GarbageCollection(QObject):
    """Collects in full when typing has paused; see the module's docstring."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._collected_since_edit = False  # the first pause collects, and freezes
        self._frozen = False
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self._maybe_collect)
        self._timer.start()

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


def keep_collections_off_typing(owner: QObject) -> None:
    """Once per process, when the first window exists (``owner`` keeps the idle collector)."""
    global _installed
    if _installed is not None:
        return
    first, second, _third = gc.get_threshold()
    gc.set_threshold(first, second, GEN2_AFTER)
    _installed = GarbageCollection(owner)
