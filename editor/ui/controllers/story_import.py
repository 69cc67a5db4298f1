"""Importing a Markdown or text story off the GUI thread.

Import decodes every photo the story names, files from someone else: that work runs in the
worker, while the window waits in a local event loop (it keeps painting; its widgets take no
input until the story is in, so nothing can change under the import). The caller still gets
the result, or the IngestError, as if the call were direct.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QWidget

from editor.ingest import ImportResult, IngestError, import_file
from editor.ui.worker import run_in_background

logger = logging.getLogger(__name__)


def _import_or_error(path: Path, allow_outside: bool) -> ImportResult | IngestError:
    """The expected refusal comes back as a value: the worker logs only what is unexpected."""
    try:
        return import_file(path, allow_outside=allow_outside)
    except IngestError as error:
        return error


def import_in_background(
    window: QWidget, path: Path, *, allow_outside: bool = False
) -> ImportResult:
    """``import_file(path)`` run in the worker; raises IngestError for a story it refuses."""
    return story_in_background(
        window, lambda: _import_or_error(path, allow_outside), f"Importing {path.name}", path.name
    )


def story_in_background(
    window: QWidget, work: Callable[[], ImportResult | IngestError], what: str, name: str
) -> ImportResult:
    """``work()`` run in the worker while the window waits; raises the IngestError it gives
    back (``what`` names the job in the log, ``name`` the story in a message)."""
    loop = QEventLoop()
    outcome: list[ImportResult | IngestError] = []

    def done(result: ImportResult | IngestError) -> None:
        outcome.append(result)
        loop.quit()

    def failed(message: str) -> None:
        outcome.append(
            IngestError(
                QCoreApplication.translate(
                    "StoryImport", "{name} could not be imported: {message}"
                ).format(name=name, message=message)
            )
        )
        loop.quit()

    run_in_background(work, done, failed, logger=logger, what=what)
    window.setEnabled(False)
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        if not outcome:
            loop.exec()
    finally:
        QApplication.restoreOverrideCursor()
        window.setEnabled(True)
    result = outcome[0]
    if isinstance(result, IngestError):
        raise result
    return result
