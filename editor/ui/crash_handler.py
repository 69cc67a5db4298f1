"""What happens when the window meets an exception nobody caught.

PySide6 hands an exception raised in a slot or a Qt virtual to ``sys.excepthook`` and goes on;
Python's default hook prints it to a stderr that a reporter who started Dateline from a menu
never sees. ``CrashHandler`` replaces the hook (and ``threading.excepthook``, for threads of our
own): it logs the traceback (to the log file, see ``editor.logs``), writes the story's recovery
file at once, then shows ``CrashDialog`` with the log's path and the details to copy. The window
keeps running. An error while the dialog is open, or one raised by the reporting itself, is
only logged: a loop of errors never stacks dialogs.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, qVersion
from PySide6.QtWidgets import QWidget

from editor import __version__
from editor.ui.controllers.autosave import Autosaver
from editor.ui.dialogs.crash import CrashDialog

logger = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]


def crash_details(error: BaseException) -> str:
    """What a bug report needs: Dateline's version, the platform and the traceback."""
    trace = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return (
        f"Dateline {__version__}\n"
        f"Python {platform.python_version()}, Qt {qVersion()}, {platform.platform()}\n\n"
        f"{trace}"
    )


def one_line_summary(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__


class CrashHandler(QObject):
    """Reports uncaught exceptions in ``window`` (see the module's docstring). ``install``
    takes over the hooks; ``uninstall`` gives them back."""

    # From any thread to the GUI thread: the error and its details, formatted where it happened.
    _reported = Signal(object, str)

    def __init__(
        self,
        window: QWidget,
        autosaver: Autosaver,
        log_path: Callable[[], Path | None],
    ) -> None:
        super().__init__(window)
        self.setObjectName("crash_handler")
        self._window = window
        self._autosaver = autosaver
        self._log_path = log_path
        self.dialog: CrashDialog | None = None
        self._reporting = False
        self._previous_hook: ExceptHook | None = None
        self._previous_thread_hook: Callable[[threading.ExceptHookArgs], Any] | None = None
        # Queued from other threads, direct on the GUI thread: the hook returns only after the
        # story is safe.
        self._reported.connect(self._show, Qt.ConnectionType.AutoConnection)

    def install(self) -> None:
        self._previous_hook, sys.excepthook = sys.excepthook, self.excepthook
        self._previous_thread_hook, threading.excepthook = threading.excepthook, self._thread_hook

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook and self._previous_hook is not None:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self._thread_hook and self._previous_thread_hook is not None:
            threading.excepthook = self._previous_thread_hook

    def excepthook(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            hook = self._previous_hook or sys.__excepthook__
            hook(kind, error, trace)
            return
        if error.__traceback__ is None:
            error = error.with_traceback(trace)
        logger.critical(
            "Unexpected error: %s", one_line_summary(error), exc_info=(kind, error, trace)
        )
        self._reported.emit(error, crash_details(error))

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, error: BaseException, details: str) -> None:
        if self._reporting or (self.dialog is not None and self.dialog.isVisible()):
            return  # logged already; one dialog at a time
        self._reporting = True
        try:
            try:
                saved = self._autosaver.write_now()
            except Exception:
                logger.exception("Writing the recovery file after an unexpected error failed")
                saved = False
            if self.dialog is not None:
                self.dialog.deleteLater()
            self.dialog = CrashDialog(
                self._window, one_line_summary(error), saved, self._log_path(), details
            )
            self.dialog.open()
        except Exception:
            # Reporting must never raise into the hook (that would loop): the log has it.
            logger.exception("Showing the unexpected-error dialog failed")
        finally:
            self._reporting = False
