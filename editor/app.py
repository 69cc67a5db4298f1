"""Start the GUI: logging, QApplication set-up and the main window. Nothing else lives here."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from editor.ui.main_window import MainWindow

LOG_LEVEL_VARIABLE = "DATELINE_LOG"  # e.g. DATELINE_LOG=debug
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_log_handler: logging.Handler | None = None


def configure_logging(environ: Mapping[str, str] | None = None) -> logging.Handler:
    """Send Dateline's warnings and errors (the level ``DATELINE_LOG`` names, e.g. debug, if
    set) to stderr; the handler. Once per process: a second call returns the same handler."""
    global _log_handler
    if _log_handler is not None:
        return _log_handler
    environ = os.environ if environ is None else environ
    name = environ.get(LOG_LEVEL_VARIABLE, "").strip().upper()
    level = logging.getLevelNamesMapping().get(name, logging.WARNING)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.setLevel(level)
    logger = logging.getLogger("editor")
    logger.setLevel(level)
    logger.addHandler(handler)
    _log_handler = handler
    return handler


def _prepare_environment() -> None:
    # QtWebEngine's Chromium sandbox cannot run as root (CI runs as root).
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with our names and the preview's media scheme registered."""
    _prepare_environment()
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    from editor.ui.media_scheme import register_media_scheme

    register_media_scheme()  # must precede the QApplication
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setOrganizationName("Dateline")
    app.setApplicationName("Dateline")
    app.setApplicationDisplayName("Dateline")
    return app


def open_window(path: str | None) -> MainWindow:
    """Show the main window, with ``path`` opened (or imported, for Markdown) if given."""
    from editor.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    if path:
        target = Path(path)
        if target.exists():
            window.open_path(target, confirmed=True)
        else:
            window.statusBar().showMessage(f"{path} does not exist", 8000)
    return window


def dispose_widgets() -> None:
    """Delete every top-level window now, pages before their web profiles.

    QtWebEngine crashes at exit when a profile outlives the application's event loop with a
    page still alive, so windows are torn down while the loop can still run deferred deletes.
    """
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        widget.deleteLater()
    # Twice: deleting a preview queues the deletion of its profile.
    for _ in range(2):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def run_gui(path: str | None) -> int:
    configure_logging()
    app = create_application()
    window = open_window(path)
    from PySide6.QtCore import QTimer

    from editor.ui.controllers.recovery import offer_recovery

    # Once the window is up: offer what a Dateline that did not close properly autosaved.
    QTimer.singleShot(0, window, lambda: offer_recovery(window))
    code = app.exec()
    dispose_widgets()
    return code
