"""Work that runs in the worker after the reporter pauses, one run at a time (the checks, the
spelling underlines)."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from editor.typing_pause import LONGEST_WAIT_S, seconds_until_quiet, stand_aside
from editor.ui.first_frame import held_for_first_frame
from editor.ui.worker import run_in_background


class DebouncedJob(QObject):
    """Runs ``prepare()``'s work in the worker ``delay_ms`` after the last ``schedule()``.

    ``prepare`` runs on the GUI thread and returns the work (a snapshot of what it needs);
    ``on_done`` and ``on_failed`` get its result or error on the GUI thread; a failure is
    logged with its traceback to ``logger`` as ``what`` failed. A run never starts
    while another is under way: the one running decides in ``on_done`` whether to go again (its
    result may be stale), so results never arrive out of order.

    With ``first_frame_of``, a run due before that widget's window has first painted waits
    for it (editor/ui/first_frame.py): the window shows the story before the job competes
    with it for the interpreter.
    """

    def __init__(
        self,
        parent: QObject,
        delay_ms: int,
        prepare: Callable[[], Callable[[], Any]],
        on_done: Callable[[Any], None],
        on_failed: Callable[[str], None],
        *,
        logger: logging.Logger | None = None,
        what: str = "A background job",
        first_frame_of: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.delay_ms = delay_ms
        self.busy = False
        self._first_frame_of = first_frame_of
        self._held = False  # waiting for the window's first frame
        self._prepare = prepare
        self._on_done = on_done
        self._on_failed = on_failed
        self._logger = logger
        self._what = what
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._run)

    def schedule(self, delay_ms: int | None = None) -> None:
        """Run after ``delay_ms`` (the job's delay when None), restarting any wait."""
        self._timer.start(self.delay_ms if delay_ms is None else delay_ms)

    def postpone(self) -> None:
        """If a run is waiting to start, wait the job's delay again from now."""
        if self._timer.isActive():
            self._timer.start(self.delay_ms)

    def schedule_unless_waiting(self) -> None:
        """Run after the job's delay, unless a run is already waiting for its turn."""
        if not self._timer.isActive():
            self._timer.start(self.delay_ms)

    @property
    def idle(self) -> bool:
        """No run under way or waiting to start."""
        return not self.busy and not self._held and not self._timer.isActive()

    def _run(self) -> None:
        if self.busy or self._held:
            return  # the running one's end starts the next one; the held one runs once let go
        if self._first_frame_of is not None and held_for_first_frame(
            self._first_frame_of, self, self._let_go
        ):
            self._held = True
            return
        work = self._prepare()
        self.busy = True

        def paced() -> Any:
            stand_aside()  # a keystroke being shown goes first (editor/typing_pause.py)
            return work()

        run_in_background(
            paced, self._done, self._failed, context=self, logger=self._logger, what=self._what
        )

    def _let_go(self) -> None:
        self._held = False
        self._run()

    def _done(self, result: Any, deferred_s: float = 0.0) -> None:
        # Applying a result (a list of findings, underlines) takes the GUI thread a few
        # milliseconds: not while a keystroke is on its way to the screen. The job stays busy
        # meanwhile, so results still arrive in order.
        wait = seconds_until_quiet()
        if wait > 0 and deferred_s < LONGEST_WAIT_S:
            QTimer.singleShot(
                math.ceil(wait * 1000), self, lambda: self._done(result, deferred_s + wait)
            )
            return
        self.busy = False
        self._on_done(result)

    def _failed(self, message: str) -> None:
        self.busy = False
        self._on_failed(message)
