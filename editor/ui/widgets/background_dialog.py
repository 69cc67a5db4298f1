"""A dialog whose work runs in the background: while it runs, Close cancels instead of hiding
work the reporter could no longer see (the button says so), and so do Escape and the window's
close button."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


class BackgroundWorkDialog(QDialog):
    _running = False

    @property
    def running(self) -> bool:
        return self._running

    def cancel(self) -> None:
        """Ask the running work to stop (subclasses say how)."""
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
