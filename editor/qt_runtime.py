"""The Qt process set-up that both the window and headless printing need.

Kept out of ``editor.app`` so that printing a PDF on the command line never loads the window's
code: ``editor.app`` (the GUI) and ``editor.printing`` (headless Qt WebEngine) both start Qt
through here, the same way. What only the window needs (the preview's URL scheme, which must be
registered before the application object exists) stays in ``editor.app``.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from editor.desktop import APP_ID

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

APPLICATION_NAME = "Dateline"
ORGANISATION_NAME = "Dateline"


def prepare_environment() -> None:
    """Environment Qt WebEngine reads when it starts; call before the application exists."""
    # QtWebEngine's Chromium sandbox cannot run as root (CI runs as root).
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")


def use_offscreen_platform() -> None:
    """No window is ever shown: the offscreen platform needs no display, on any system."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def application(argv: list[str] | None = None, *, widgets: bool = True) -> QCoreApplication:
    """The process's Qt application with our names, created if there is none yet.

    ``widgets`` asks for a QApplication (the window); printing needs only a QGuiApplication.
    An application that already exists is kept, whichever kind it is.
    """
    prepare_environment()
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication

    app = QCoreApplication.instance()
    if app is None:
        # WebEngine shares OpenGL contexts between its pages: set before the application exists.
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
        args = argv or sys.argv[:1]
        if widgets:
            from PySide6.QtWidgets import QApplication

            app = QApplication(args)
        else:
            app = QGuiApplication(args)
    app.setOrganizationName(ORGANISATION_NAME)
    app.setApplicationName(APPLICATION_NAME)
    if isinstance(app, QGuiApplication):
        app.setApplicationDisplayName(APPLICATION_NAME)
        # Desktops match the window to its launcher and icon by this id (Wayland's app_id).
        app.setDesktopFileName(APP_ID)
    return app
