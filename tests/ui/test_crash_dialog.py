"""An exception nobody caught in the window: logged, the story autosaved, one dialog with the
log's path and details to copy; the window keeps running."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication

from editor import __version__
from editor.model.recovery import RecoveryStore
from editor.ui.crash_handler import CrashHandler
from editor.ui.dialogs.crash import CrashDialog

# The handler under test takes sys.excepthook itself: pytest-qt must not take it first.
pytestmark = [pytest.mark.gui, pytest.mark.qt_no_exception_capture]


class Boom(RuntimeError):
    pass


def _raise_in_a_slot(message: str) -> None:
    def slot() -> None:
        raise Boom(message)

    QTimer.singleShot(0, slot)


@pytest.fixture
def handler(window, tmp_path: Path):
    window.autosave.use_store(RecoveryStore(tmp_path / "recovery"))
    log_path = tmp_path / "dateline.log"
    crash_handler = CrashHandler(window, window.autosave, lambda: log_path)
    crash_handler.install()
    yield crash_handler
    crash_handler.uninstall()
    if crash_handler.dialog is not None:
        crash_handler.dialog.close()


def test_an_error_in_a_slot_saves_the_story_and_shows_the_dialog(
    qtbot, window, handler: CrashHandler, caplog, tmp_path: Path
) -> None:
    window.document.set_field("headline", "Caravan reaches Huixtla")
    assert window.document.dirty
    caplog.set_level(logging.CRITICAL, logger="editor")
    _raise_in_a_slot("the ruler snapped")
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    dialog = handler.dialog
    assert isinstance(dialog, CrashDialog)
    assert window.isVisible()

    # The recovery file was written before the dialog said so.
    entry = window.autosave.slot.entry_path
    assert "Caravan reaches Huixtla" in entry.read_text(encoding="utf-8")
    message = dialog.message.text()
    assert "Boom: the ruler snapped" in message
    assert "Your story was saved for recovery." in message
    assert str(tmp_path / "dateline.log") in dialog.log_label.text()

    record = next(r for r in caplog.records if r.name == "editor.ui.crash_handler")
    assert record.exc_info is not None and record.exc_info[0] is Boom

    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f"Dateline {__version__}\nPython ")
    assert "Traceback" in copied and "Boom: the ruler snapped" in copied
    assert "in slot" in copied

    dialog.close_button.click()
    assert not dialog.isVisible()


def test_a_loop_of_errors_shows_one_dialog(qtbot, window, handler: CrashHandler) -> None:
    _raise_in_a_slot("first")
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    first = handler.dialog
    for number in range(5):
        _raise_in_a_slot(f"again {number}")
    qtbot.wait(100)
    assert handler.dialog is first
    dialogs = [w for w in window.findChildren(CrashDialog) if w.isVisible()]
    assert dialogs == [first]
    assert "first" in first.message.text()


def test_a_clean_story_is_said_to_have_nothing_unsaved(qtbot, window, handler) -> None:
    assert not window.document.dirty
    _raise_in_a_slot("nothing to lose")
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    assert "Your story has no unsaved changes." in handler.dialog.message.text()


def test_an_error_in_a_thread_reaches_the_dialog(qtbot, window, handler: CrashHandler) -> None:
    def work() -> None:
        raise Boom("off the GUI thread")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    assert "off the GUI thread" in handler.dialog.message.text()


def test_uninstall_gives_the_hooks_back(window) -> None:
    import sys

    before, thread_before = sys.excepthook, threading.excepthook
    crash_handler = CrashHandler(window, window.autosave, lambda: None)
    crash_handler.install()
    assert sys.excepthook == crash_handler.excepthook
    crash_handler.uninstall()
    assert (sys.excepthook, threading.excepthook) == (before, thread_before)
