"""Where Dateline's log goes: warnings and worse from its modules to stderr.

Every module logs through ``logging.getLogger(__name__)``, so all records pass the ``editor``
logger; the command line and the window set that logger up once with ``configure_logging``.
``DATELINE_LOG=debug`` (or info, warning, error) in the environment shows more. A leaf: it
imports nothing of Dateline's, so any layer may use it.
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
    """Writes to whatever ``sys.stderr`` is when a record comes (tests replace it)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            print(self.format(record), file=sys.stderr)
        except Exception:
            self.handleError(record)


def configure_logging(environ: Mapping[str, str] | None = None) -> logging.Handler:
    """Send the ``editor`` logger's records at the level ``DATELINE_LOG`` names (warning when
    unset) to stderr; the handler. A second call sets the level again and keeps the handler,
    so the normal output of a command stays as it is."""
    environ = os.environ if environ is None else environ
    level = _LEVELS.get(environ.get(LOG_VARIABLE, "").strip().lower(), logging.WARNING)
    editor_logger = logging.getLogger("editor")
    editor_logger.setLevel(level)
    for handler in editor_logger.handlers:
        if isinstance(handler, _StderrHandler):
            return handler
    handler = _StderrHandler()
    handler.setFormatter(logging.Formatter("dateline: %(levelname)s: %(name)s: %(message)s"))
    editor_logger.addHandler(handler)
    return handler
