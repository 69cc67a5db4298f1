"""Work that waits until the window has drawn its first frame.

A story opens as the window appears, and its checks' and spelling's first passes start at once
in the worker, whose Python competes with the GUI thread for the interpreter while the window
lays out and paints the story for the first time. Held until that first paint, they no longer
delay the moment the reporter sees the story and can type; they start a turn of the event loop
later. Only a window that asked for it is watched; one not shown holds nothing, and one that never
paints (started minimised) holds for at most ``LONGEST_HOLD_MS`` from its watch's start.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

LONGEST_HOLD_MS = 1_000
_NAME = "first_frame"


class _FirstFrame(QObject):
    """Watches one window for its first paint, then lets the held work go."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName(_NAME)
        self.painted = False
        self._window = window
        self._held: list[tuple[QObject, Callable[[], None]]] = []
        window.installEventFilter(self)
        QTimer.singleShot(LONGEST_HOLD_MS, self, self._release)

    def hold(self, context: QObject, work: Callable[[], None]) -> None:
        self._held.append((context, work))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            # After this paint: the frame reaches the screen before the loop's next turn.
            QTimer.singleShot(0, self, self._release)
        return False

    def _release(self) -> None:
        if self.painted:
            return
        self.painted = True
        self._window.removeEventFilter(self)
        held, self._held = self._held, []
        for context, work in held:
            if shiboken6.isValid(context):  # a context deleted meanwhile takes its work with it
                QTimer.singleShot(0, context, work)


def watch_first_frame(window: QWidget) -> None:
    """Hold work for ``window`` until it first paints (call before it is shown)."""
    if window.findChild(_FirstFrame, _NAME) is None:
        _FirstFrame(window)


def held_for_first_frame(widget: QWidget, context: QObject, work: Callable[[], None]) -> bool:
    """True when ``widget``'s window is watched (``watch_first_frame``), shown, and has not
    painted yet: ``work`` then runs (with ``context`` alive) once it has. False, holding
    nothing, when the caller may go on now."""
    window = widget.window()
    watch = window.findChild(_FirstFrame, _NAME)
    if watch is None or watch.painted or not window.isVisible():
        return False
    watch.hold(context, work)
    return True
