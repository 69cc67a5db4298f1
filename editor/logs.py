"""Where Dateline's log goes: warnings and worse from its modules to stderr.

Every module logs through ``logging.getLogger(__name__)``, so all records pass the ``editor``
logger; the command line and the window set that logger up with ``configure_logging``.
``DATELINE_LOG=debug`` (or info, warning, error) in the environment shows more. On the command
line a warning is one line (its contract: one line on stderr, never a traceback), and the
traceback a record carries is shown only at debug level; the window shows it always, since its
stderr is read by people reporting a bug, not by scripts. A leaf: it imports nothing of
Dateline's, so any layer may use it.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping

LOG_VARIABLE = "DATELINE_LOG"
_LEVELS = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "error": logging.ERROR,
}


class _StderrHandler(logging.Handler):
    """Writes to whatever ``sys.stderr`` is when a record comes (tests replace it); with
    ``tracebacks`` off, a record's traceback is left out."""

    tracebacks = False

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.tracebacks or not (record.exc_info or record.exc_text):
                text = self.format(record)
            else:
                text = self.format(_without_traceback(record))
            print(text, file=sys.stderr)
        except Exception:
            self.handleError(record)


def _without_traceback(record: logging.LogRecord) -> logging.LogRecord:
    copy = logging.makeLogRecord(record.__dict__)
    copy.exc_info = copy.exc_text = None
    return copy


def configure_logging(
    environ: Mapping[str, str] | None = None, *, tracebacks: bool = False
) -> logging.Handler:
    """Send the ``editor`` logger's records at the level ``DATELINE_LOG`` names (warning when
    unset) to stderr; the handler. Tracebacks are shown with ``tracebacks`` or at debug level.
    A second call sets the level and the tracebacks again and keeps the one handler, so the
    normal output of a command stays as it is."""
    environ = os.environ if environ is None else environ
    level = _LEVELS.get(environ.get(LOG_VARIABLE, "").strip().lower(), logging.WARNING)
    editor_logger = logging.getLogger("editor")
    editor_logger.setLevel(level)
    handler = next((h for h in editor_logger.handlers if isinstance(h, _StderrHandler)), None)
    if handler is None:
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("dateline: %(levelname)s: %(name)s: %(message)s"))
        editor_logger.addHandler(handler)
    handler.tracebacks = tracebacks or level <= logging.DEBUG
    return handler
