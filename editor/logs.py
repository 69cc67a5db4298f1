"""Where Dateline's log goes: warnings and worse from its modules to stderr.

Every module logs through ``logging.getLogger(__name__)``, so all records pass the ``editor``
logger; the command line and the window set that logger up with ``configure_logging``.
``DATELINE_LOG=debug`` (or info, warning, error) in the environment shows more. On the command
line a warning is one line (its contract: one line on stderr, never a traceback), and the
traceback a record carries is shown only at debug level; the window shows it always, since its
stderr is read by people reporting a bug, not by scripts.

The window also keeps its records in a rotating file, ``log_file_path()`` in the state folder
(``dateline.log``, three old files of 1 MB kept), with times and tracebacks: a reporter who
launched Dateline from a menu has no terminal, and the crash dialog and About point there. The
command line does not: its warnings are one line on stderr for the script that called it, and
many commands run at once in a batch would rotate the one file under each other. A leaf: it
imports only ``editor.paths``, itself a leaf, so any layer may use it.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from editor.paths import state_dir

LOG_VARIABLE = "DATELINE_LOG"
_LEVELS = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "error": logging.ERROR,
}
LOG_FILE_NAME = "dateline.log"
LOG_FILE_BYTES = 1024 * 1024  # then it rotates: dateline.log.1 ... .3
LOG_FILE_BACKUPS = 3


def log_file_path() -> Path:
    """The window's log file: ``dateline.log`` in ``editor.paths.state_dir()``."""
    return state_dir() / LOG_FILE_NAME


def active_log_file() -> Path | None:
    """The file the log is being kept in now (see ``configure_logging``), or None."""
    handler = next(
        (h for h in logging.getLogger("editor").handlers if isinstance(h, _RotatingLogFile)), None
    )
    return Path(handler.baseFilename) if handler is not None else None


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
    environ: Mapping[str, str] | None = None, *, tracebacks: bool = False, to_file: bool = False
) -> logging.Handler:
    """Send the ``editor`` logger's records at the level ``DATELINE_LOG`` names (warning when
    unset) to stderr; the handler. Tracebacks are shown with ``tracebacks`` or at debug level.
    A second call sets the level and the tracebacks again and keeps the one handler, so the
    normal output of a command stays as it is. ``to_file`` also keeps them, with their times
    and tracebacks, in ``log_file_path()`` (see the module's docstring)."""
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
    if to_file:
        _log_to_file(editor_logger, log_file_path())
    return handler


class _RotatingLogFile(logging.handlers.RotatingFileHandler):
    """The window's log file (a class of its own, so a second call finds it)."""


def _log_to_file(editor_logger: logging.Logger, path: Path) -> None:
    """One rotating file handler on ``path``: an earlier one on another path (the folders
    moved, as in tests) is closed and replaced. A folder that cannot be written leaves the log
    on stderr only, and says so there."""
    for existing in [h for h in editor_logger.handlers if isinstance(h, _RotatingLogFile)]:
        if Path(existing.baseFilename) == path.absolute():
            return
        editor_logger.removeHandler(existing)
        existing.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        file_handler = _RotatingLogFile(
            path, maxBytes=LOG_FILE_BYTES, backupCount=LOG_FILE_BACKUPS, encoding="utf-8"
        )
    except OSError as error:
        editor_logger.warning("No log file (%s): the log goes to stderr only", error)
        return
    file_handler.setFormatter(
        logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s")
    )
    editor_logger.addHandler(file_handler)
