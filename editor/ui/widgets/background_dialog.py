"""A dialog whose work runs in the background: while it runs, Close cancels instead of hiding
work the reporter could no longer see (the button says so), and so do Escape and the window's
close button."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget


class _ProgressRelay(QObject):
    """Carries progress from the working thread to the dialog (a queued signal)."""

    progress = Signal(int, int)


class BackgroundWorkDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._running = False
        self._cancel = threading.Event()  # set to ask the running work to stop; it polls
        self._relay = _ProgressRelay(self)  # the work emits progress(done, total) here
        self._relay.progress.connect(self._show_progress)

    @property
    def running(self) -> bool:
        return self._running

    def cancel(self) -> None:
        """Ask the running work to stop (subclasses say how)."""
        raise NotImplementedError

    def _show_progress(self, done: int, total: int) -> None:
        """Show the work's progress (subclasses say how); runs on the GUI thread."""
        raise NotImplementedError

    def _close_or_cancel(self) -> None:
        if self._running:
            self.cancel()
        else:
            self.close()

    def reject(self) -> None:
        if self._running:
            self.cancel()
        else:
            super().reject()
