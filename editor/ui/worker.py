"""Run slow work (exports, large renders) off the GUI thread and report back on it.

A failure reaches the window as one line (what the reporter reads) and the log with its
traceback (what whoever mends it needs): the traceback only exists in the worker thread, so it
is logged there, to the logger of the module that asked for the work.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

_logger = logging.getLogger(__name__)


def one_line(error: BaseException) -> str:
    """An error as the window says it: its message on one line, or its type's name."""
    return " ".join(str(error).split()) or type(error).__name__


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], logger: logging.Logger, what: str) -> None:
        super().__init__()
        self.work = work
        self.logger = logger
        self.what = what
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:
            self.logger.error("%s failed", self.what, exc_info=error)
            self._tell(self.signals.failed, one_line(error))
        else:
            self._tell(self.signals.finished, result)

    def _tell(self, signal: Any, value: object) -> None:
        # A job that ends while the application quits finds its signal object deleted: nobody is
        # left to tell, and a traceback from the pool's thread would only alarm.
        if shiboken6.isValid(self.signals):
            with contextlib.suppress(RuntimeError):
                signal.emit(value)


# Keeps each job's signal object alive until its result has been delivered.
_in_flight: set[_Signals] = set()


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None],
    context: QObject | None = None,
    *,
    logger: logging.Logger | None = None,
    what: str = "A background job",
    pool: QThreadPool | None = None,
) -> None:
    """Call ``work()`` in ``pool`` (the global thread pool when None); ``on_done``/``on_error``
    run on the GUI thread.

    With a ``context`` object, the result is dropped if that object is gone by then (a window
    closed while its preview was rendering). A failure is logged with its traceback to
    ``logger`` (this module's when None) as "``what`` failed"; ``on_error`` gets one line.
    """
    job = _Job(work, logger or _logger, what)
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
    (pool if pool is not None else QThreadPool.globalInstance()).start(job)
