"""Start the GUI: logging, QApplication set-up and the main window. Nothing else lives here."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from editor.logs import configure_logging
from editor.qt_runtime import application, prepare_environment

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from editor.ui.main_window import MainWindow


# How often Python hands the interpreter from one thread to another that waits for it (its
# default is 5 ms). A keystroke that arrives while a background pass (Checks, spelling, the
# outline) runs waits for the interpreter at each step of its handling; handed over every
# 0.5 ms, keystroke to pixels at 20,000 words with those passes running went from 64-91 ms to
# 39-41 ms median, p95 183-187 ms to 76-80 ms (benchmarks/pixel_latency.py --apps dateline
# floor --sizes 20000 --pause 0.6, interleaved runs on one machine). The passes lose nothing
# when no keystroke waits: the hand-over happens only when another thread asks.
GUI_SWITCH_INTERVAL_S = 0.0005


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with our names and the preview's media scheme registered."""
    from PySide6.QtWidgets import QApplication

    from editor.ui.media_scheme import register_media_scheme
    from editor.ui.rendering_path import apply_rendering_choice

    prepare_environment()
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    register_media_scheme()  # must precede the QApplication
    if QApplication.instance() is None:
        apply_rendering_choice()  # Qt Quick's backend is read when the application starts
    app = application(argv, widgets=True)
    if not isinstance(app, QApplication):
        raise RuntimeError("a Qt application without widgets is already running")
    from editor.desktop.icons import application_icon
    from editor.ui.garbage import collect_on_gui_thread_only
    from editor.ui.translation import install_window_language

    # Before the window starts its worker threads: a collection in one can deadlock.
    collect_on_gui_thread_only(app)

    # Before any widget: a text is translated when it is set.
    install_window_language()
    app.setWindowIcon(application_icon())  # the title bar's, the task bar's and About's
    return app


def open_window(path: str | None) -> MainWindow:
    """Show the main window, with ``path`` opened (or imported, for Markdown) if given."""
    from PySide6.QtCore import QCoreApplication

    from editor.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    if path:
        target = Path(path)
        if target.exists():
            window.open_path(target, confirmed=True)
        else:
            window.statusBar().showMessage(
                QCoreApplication.translate("Application", "{path} does not exist").format(
                    path=path
                ),
                8000,
            )
    return window


def dispose_widgets() -> None:
    """Delete every top-level window now, pages before their web profiles.

    QtWebEngine crashes at exit when a profile outlives the application's event loop with a
    page still alive, so windows are torn down while the loop can still run deferred deletes.
    """
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from editor.ui.widgets.pasting import keep_clipboard_past_exit

    keep_clipboard_past_exit()  # the body's copies would crash the exit
    for widget in QApplication.topLevelWidgets():
        widget.deleteLater()
    # Twice: deleting a preview queues the deletion of its profile.
    for _ in range(2):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def run_gui(path: str | None) -> int:
    # A bug report from the window wants the traceback, and a reporter without a terminal the
    # log file.
    configure_logging(tracebacks=True, to_file=True)
    app = create_application()
    from editor.ui.garbage import keep_collections_off_typing

    keep_collections_off_typing(app)
    window = open_window(path)
    from PySide6.QtCore import QTimer

    from editor.logs import active_log_file
    from editor.ui.controllers.recovery import offer_recovery
    from editor.ui.crash_handler import CrashHandler

    # An error nobody caught: logged, the story autosaved, a dialog; the window goes on.
    crash_handler = CrashHandler(window, window.autosave, active_log_file)
    crash_handler.install()

    # Once the window is up: offer what a Dateline that did not close properly autosaved.
    QTimer.singleShot(0, window, lambda: offer_recovery(window))
    code = app.exec()
    crash_handler.uninstall()
    dispose_widgets()
    return code
