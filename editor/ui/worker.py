"""Run slow work (exports, large renders) off the GUI thread and report back on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # reported to the window as one line, never a traceback
            self.signals.failed.emit(" ".join(str(error).split()) or type(error).__name__)
        else:
            self.signals.finished.emit(result)


# Keeps each job's signal object alive until its result has been delivered.
_in_flight: set[_Signals] = set()


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None],
    context: QObject | None = None,
) -> None:
    """Call ``work()`` in the thread pool; ``on_done``/``on_error`` run on the GUI thread.

    With a ``context`` object, the result is dropped if that object is gone by then (a window
    closed while its preview was rendering).
    """
    job = _Job(work)
    signals = job.signals  # created here, so it lives on the GUI thread: deliveries are queued
    _in_flight.add(signals)

    def done(result: Any) -> None:
        _in_flight.discard(signals)
        if context is None or shiboken6.isValid(context):
            on_done(result)

    def failed(message: str) -> None:
        _in_flight.discard(signals)
        if context is None or shiboken6.isValid(context):
            on_error(message)

    signals.finished.connect(done)
    signals.failed.connect(failed)
    QThreadPool.globalInstance().start(job)
